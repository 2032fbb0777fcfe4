// The identity_provider: password logins and their tokens, Auth0's wrong-password error, the
// JWKS (action and HTTP endpoint), key rotation and the loader's checks.
#include <gtest/gtest.h>

#include "support/run_scenario.h"

namespace eventlab::cloud::identity {
namespace {

using core::Json;
using eventlab::testing::Find;
using eventlab::testing::LoadAndRun;

// Provider "idp" (1024-bit keys to keep keygen short): k1 signs until 10m and is published until
// 30m; k2 signs from 10m. `script` is the client's calls.
std::string Scenario(const std::string& script, const std::string& idp_extra = "") {
  return R"({"version": 1, "resources": {"c": {"kind": "client"},
      "idp": {"kind": "identity_provider", "domain": "tenant.eu.auth0.com", "audience": "https://images-api",
              "key_bits": 1024, "token_lifetime": "1h", "users": {"alice": {"password": "pw", "sub": "auth0|alice"}},
              "keys": [{"kid": "k1", "sign_until": "10m", "publish_until": "30m"}, {"kid": "k2", "sign_from": "10m"}])" +
         idp_extra + R"(}}, "script": )" + script + "}";
}

std::vector<const core::Event*> Replies(const api::Lab& lab, const std::string& kind) {
  std::vector<const core::Event*> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == kind && r.event.to == "client:c") out.push_back(&r.event);
  }
  return out;
}

Json Verify(api::Lab& lab, const std::string& token) {
  return lab.CallLocal("client:c", "jwt.verify",
                       {{"token", token}, {"identity", "idp"}, {"audience", "https://images-api"}, {"algorithms", {"RS256"}}});
}

TEST(IdentityProvider, LoginIssuesSignedTokens) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"at": "1s", "client": "c", "call": "idp.login", "with": {"identity": "idp", "username": "alice", "password": "pw"}}])"));
  const core::Event* reply = Find(lab, "idp.login.result", "client:c");
  ASSERT_NE(reply, nullptr);
  ASSERT_FALSE(reply->error.has_value());
  const Json& p = reply->payload;
  EXPECT_EQ(p["token_type"], "Bearer");
  EXPECT_EQ(p["expires_in"], 3600);
  Json v = Verify(lab, p["access_token"].get<std::string>());
  ASSERT_TRUE(v.contains("ok")) << v.dump();
  EXPECT_EQ(v["ok"]["payload"]["iss"], "https://tenant.eu.auth0.com/");
  EXPECT_EQ(v["ok"]["payload"]["sub"], "auth0|alice");
  EXPECT_EQ(v["ok"]["payload"]["aud"], "https://images-api");
  EXPECT_EQ(v["ok"]["payload"]["exp"].get<int64_t>() - v["ok"]["payload"]["iat"].get<int64_t>(), 3600);
  EXPECT_EQ(v["ok"]["header"]["kid"], "k1");
  EXPECT_TRUE(Verify(lab, p["id_token"].get<std::string>()).contains("ok"));
  const Json state = lab.State()["resources"]["idp"];
  EXPECT_EQ(state["logins"], 1);
  EXPECT_EQ(state["tokens"][0]["kid"], "k1");
}

TEST(IdentityProvider, WrongPasswordIsAuth0sInvalidGrant) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"at": "1s", "client": "c", "call": "idp.login", "with": {"identity": "idp", "username": "alice", "password": "nope"}},
                              {"at": "2s", "client": "c", "call": "idp.login", "with": {"identity": "idp", "username": "bob", "password": "pw"}}])"));
  auto replies = Replies(lab, "idp.login.result");
  ASSERT_EQ(replies.size(), 2u);
  for (const core::Event* r : replies) {
    ASSERT_TRUE(r->error.has_value());
    EXPECT_EQ(r->error->code, "invalid_grant");
    EXPECT_EQ(r->error->message, "Wrong email or password.");
    EXPECT_EQ(r->error->status, 403);
  }
  EXPECT_EQ(lab.State()["resources"]["idp"]["failed_logins"], 2);
}

TEST(IdentityProvider, RotationKeepsOldKidValidUntilPublishUntil) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([
      {"at": "1s", "client": "c", "call": "idp.login", "with": {"identity": "idp", "username": "alice", "password": "pw"}},
      {"at": "11m", "client": "c", "call": "idp.login", "with": {"identity": "idp", "username": "alice", "password": "pw"}},
      {"at": "11m", "client": "c", "call": "idp.jwks", "with": {"identity": "idp"}},
      {"at": "1799s", "client": "c", "call": "http.request", "with": {"method": "GET", "url": "https://tenant.eu.auth0.com/.well-known/jwks.json"}},
      {"at": "30m", "client": "c", "call": "idp.jwks", "with": {"identity": "idp"}}])"));
  auto logins = Replies(lab, "idp.login.result");
  ASSERT_EQ(logins.size(), 2u);
  const std::string old_token = logins[0]->payload["access_token"];
  const std::string new_token = logins[1]->payload["access_token"];
  auto jwks = Replies(lab, "idp.jwks.result");
  ASSERT_EQ(jwks.size(), 2u);
  ASSERT_EQ(jwks[0]->payload["keys"].size(), 2u);  // at 11m both keys are published
  ASSERT_EQ(jwks[1]->payload["keys"].size(), 1u);  // at 30m k1 is gone
  EXPECT_EQ(jwks[1]->payload["keys"][0]["kid"], "k2");
  const core::Event* http = Find(lab, "http.request.result", "client:c");
  ASSERT_NE(http, nullptr);
  EXPECT_EQ(http->payload["statusCode"], 200);
  EXPECT_EQ(Json::parse(http->payload["body"].get<std::string>())["keys"].size(), 2u);
  // The lab is now at 30m: k1 is no longer published, so its token's kid is unknown.
  EXPECT_EQ(Verify(lab, old_token)["error"]["code"], "UnknownKid");
  Json v = Verify(lab, new_token);
  ASSERT_TRUE(v.contains("ok")) << v.dump();
  EXPECT_EQ(v["ok"]["header"]["kid"], "k2");
}

TEST(IdentityProvider, OldKidStillVerifiesJustBeforePublishUntil) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([
      {"at": "1s", "client": "c", "call": "idp.login", "with": {"identity": "idp", "username": "alice", "password": "pw"}},
      {"at": "1799s", "client": "c", "call": "idp.jwks", "with": {"identity": "idp"}}])"));
  const core::Event* login = Find(lab, "idp.login.result", "client:c");
  ASSERT_NE(login, nullptr);
  Json v = Verify(lab, login->payload["access_token"].get<std::string>());
  ASSERT_TRUE(v.contains("ok")) << v.dump();
  EXPECT_EQ(v["ok"]["header"]["kid"], "k1");
}

TEST(IdentityProvider, LoaderRefusesBadConfigurations) {
  api::Lab lab;
  auto errors = lab.Load(R"({"version": 1, "resources": {
      "a": {"kind": "identity_provider", "domain": "a.example.com", "audience": "x", "algorithm": "HS256", "client_secret": "short"},
      "b": {"kind": "identity_provider", "domain": "b.example.com", "audience": "x", "key_bits": 1024,
            "keys": [{"kid": "k1", "sign_until": "20m", "publish_until": "10m"}]},
      "d": {"kind": "identity_provider", "domain": "d.example.com", "audience": "x", "algorithm": "HS256",
            "client_secret": "0123456789abcdef0123456789abcdef", "keys": [{"kid": "k"}]}}})");
  std::string all;
  for (const auto& e : errors) all += e.Text() + "\n";
  EXPECT_NE(all.find("/resources/a/client_secret"), std::string::npos) << all;
  EXPECT_NE(all.find("/resources/b/keys/0/publish_until"), std::string::npos) << all;
  EXPECT_NE(all.find("/resources/d/keys"), std::string::npos) << all;
}

TEST(IdentityProvider, Hs256ProviderSignsWithItsClientSecret) {
  api::Lab lab;
  LoadAndRun(lab, R"({"version": 1, "resources": {"c": {"kind": "client"},
      "idp": {"kind": "identity_provider", "domain": "t.auth0.com", "audience": "api", "algorithm": "HS256",
              "client_secret": "0123456789abcdef0123456789abcdef", "users": {"alice": {"password": "pw"}}}},
      "script": [{"at": "1s", "client": "c", "call": "idp.login", "with": {"identity": "idp", "username": "alice", "password": "pw"}}]})");
  const core::Event* login = Find(lab, "idp.login.result", "client:c");
  ASSERT_NE(login, nullptr);
  ASSERT_FALSE(login->error.has_value());
  const std::string token = login->payload["id_token"];
  Json v = lab.CallLocal("client:c", "jwt.verify", {{"token", token}, {"secret", "0123456789abcdef0123456789abcdef"},
                                                      {"algorithms", {"HS256"}}, {"issuer", "https://t.auth0.com/"}});
  ASSERT_TRUE(v.contains("ok")) << v.dump();
  EXPECT_EQ(v["ok"]["payload"]["sub"], "auth0|alice");
  EXPECT_TRUE(lab.CallLocal("client:c", "jwt.verify", {{"token", token}, {"identity", "idp"}, {"algorithms", {"HS256"}}}).contains("ok"));
}

}  // namespace
}  // namespace eventlab::cloud::identity
