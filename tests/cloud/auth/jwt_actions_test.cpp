// The jwt.verify / jwt.sign / jwt.decode actions as a handler or client calls them: the RFC 7519
// section 3.1 example, every rejection reason as an error value, JWKS kid selection and the
// jwt.verify.result record a function leaves in the trace.
#include <gtest/gtest.h>

#include "cloud/auth/base64url.h"
#include "support/run_scenario.h"
#include "auth_test_support.h"

namespace eventlab::cloud::auth {
namespace {

using core::Json;
using eventlab::testing::AuthVector;
using eventlab::testing::LoadAndRun;

constexpr const char* kSecret = "a-shared-secret-of-at-least-32-bytes!";

// A world with client c, started at `start`, with optional extra resources.
std::string World(const std::string& start, const std::string& extra = "") {
  return R"({"version": 1, "start": ")" + start + R"(", "resources": {"c": {"kind": "client"})" + extra + "}}";
}

Json Call(api::Lab& lab, const std::string& action, const Json& args) { return lab.CallLocal("client:c", action, args); }

std::string Sign(api::Lab& lab, const Json& claims, const std::string& secret = kSecret) {
  Json r = Call(lab, "jwt.sign", {{"algorithm", "HS256"}, {"secret", secret}, {"claims", claims}});
  EXPECT_TRUE(r.contains("ok")) << r.dump();
  return r["ok"]["token"].get<std::string>();
}

std::string ErrorCode(const Json& r) { return r.contains("error") ? r["error"]["code"].get<std::string>() : "ok"; }

TEST(JwtActions, VerifiesTheRfc7519Section31Example) {
  // RFC 7519 section 3.1 (= RFC 7515 A.1): HS256 with the A.1 key; exp 1300819380 = 18:43:00Z.
  api::Lab lab;
  ASSERT_TRUE(lab.Load(World("2011-03-22T18:43:59Z")).empty());
  const Json args = {{"token", AuthVector("rfc7515_a1_token.txt")}, {"jwk", Json::parse(AuthVector("rfc7515_a1_jwk.json"))},
                     {"algorithms", {"HS256"}}};
  Json r = Call(lab, "jwt.verify", args);
  ASSERT_TRUE(r.contains("ok")) << r.dump();
  EXPECT_EQ(r["ok"]["payload"]["iss"], "joe");
  EXPECT_EQ(r["ok"]["payload"]["http://example.com/is_root"], true);
  EXPECT_EQ(r["ok"]["header"]["alg"], "HS256");
  ASSERT_FALSE(r["ok"]["checks"].empty());
  for (const Json& c : r["ok"]["checks"]) EXPECT_TRUE(c["ok"].get<bool>()) << c.dump();
  // One second later, exp + 60 s leeway is reached.
  api::Lab late;
  ASSERT_TRUE(late.Load(World("2011-03-22T18:44:00Z")).empty());
  Json expired = late.CallLocal("client:c", "jwt.verify", args);
  EXPECT_EQ(ErrorCode(expired), "TokenExpired");
  EXPECT_EQ(expired["error"]["status"], 401);
  EXPECT_NE(expired["error"]["message"].get<std::string>().find("exp"), std::string::npos);
}

TEST(JwtActions, EachRejectionReasonIsAnErrorValue) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(World("2026-01-01T00:00:00Z")).empty());
  const int64_t now = 1767225600;  // 2026-01-01T00:00:00Z
  const std::string good = Sign(lab, {{"iss", "https://idp/"}, {"aud", "api"}, {"sub", "u"}, {"exp", now + 600}});
  auto verify = [&](const std::string& token, Json extra = Json::object()) {
    Json args = {{"token", token}, {"secret", kSecret}, {"algorithms", {"HS256"}}};
    for (auto& [k, v] : extra.items()) args[k] = v;
    return Call(lab, "jwt.verify", args);
  };
  EXPECT_EQ(ErrorCode(verify(good, {{"issuer", "https://idp/"}, {"audience", "api"}})), "ok");
  EXPECT_EQ(ErrorCode(verify(good, {{"issuer", "https://other/"}})), "WrongIssuer");
  EXPECT_EQ(ErrorCode(verify(good, {{"audience", "other"}})), "WrongAudience");
  EXPECT_EQ(ErrorCode(verify(good, {{"algorithms", {"RS256"}}})), "UnexpectedAlgorithm");
  EXPECT_EQ(ErrorCode(verify(good, {{"secret", "another-shared-secret-of-32-bytes-or-more"}})), "BadSignature");
  EXPECT_EQ(ErrorCode(verify(good, {{"secret", "short"}})), "WeakKey");
  EXPECT_EQ(ErrorCode(verify("a.b")), "MalformedToken");
  const std::string expired = Sign(lab, {{"exp", now - 61}});
  EXPECT_EQ(ErrorCode(verify(expired)), "TokenExpired");
  const std::string early = Sign(lab, {{"nbf", now + 61}});
  EXPECT_EQ(ErrorCode(verify(early)), "TokenNotYetValid");
  const std::string none = Base64UrlEncode(R"({"alg":"none"})") + "." + Base64UrlEncode(R"({"sub":"u"})") + ".";
  EXPECT_EQ(ErrorCode(verify(none)), "AlgNone");
  Json rejected = verify(good, {{"audience", "other"}});
  EXPECT_EQ(rejected["error"]["status"], 401);
  EXPECT_NE(rejected["error"]["message"].get<std::string>().find("aud"), std::string::npos);
  // The verifier must name its algorithms.
  EXPECT_EQ(ErrorCode(Call(lab, "jwt.verify", {{"token", good}, {"secret", kSecret}, {"algorithms", Json::array()}})),
            "ValidationException");
}

const char* kIdp = R"(, "idp": {"kind": "identity_provider", "domain": "idp.example.com", "audience": "api",
    "key_bits": 1024, "keys": [{"kid": "k1", "sign_until": "1m"}, {"kid": "k2", "sign_from": "1m"}]})";

TEST(JwtActions, JwksKidSelectsTheKey) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(R"({"version": 1, "resources": {"c": {"kind": "client"})" + std::string(kIdp) +
                       R"(}, "script": [{"at": "2m", "client": "c", "call": "idp.jwks", "as": "jwks", "with": {"identity": "idp"}}]})")
                  .empty());
  lab.RunToEnd();
  const core::Event* reply = eventlab::testing::Find(lab, "idp.jwks.result", "client:c");
  ASSERT_NE(reply, nullptr);
  const Json jwks = reply->payload;
  ASSERT_EQ(jwks["keys"].size(), 2u);
  const Json claims = {{"iss", "https://idp.example.com/"}, {"aud", "api"}, {"sub", "u"}};
  Json signed_k2 = Call(lab, "jwt.sign", {{"algorithm", "RS256"}, {"identity", "idp"}, {"claims", claims}});
  ASSERT_TRUE(signed_k2.contains("ok")) << signed_k2.dump();
  // A 1024-bit provider key: only jwt.verify with "identity" applies the provider's lowered floor.
  Json ok = Call(lab, "jwt.verify", {{"token", signed_k2["ok"]["token"]}, {"identity", "idp"}, {"algorithms", {"RS256"}}});
  ASSERT_TRUE(ok.contains("ok")) << ok.dump();
  EXPECT_EQ(ok["ok"]["header"]["kid"], "k2");
  Json inline_set = Call(lab, "jwt.verify", {{"token", signed_k2["ok"]["token"]}, {"jwks", jwks}, {"algorithms", {"RS256"}}});
  EXPECT_EQ(ErrorCode(inline_set), "WeakKey");  // the RFC 7518 floor for keys given inline
  // The same key's signature under another kid is checked against that other key.
  Json relabelled = Call(lab, "jwt.sign", {{"algorithm", "RS256"}, {"identity", "idp"}, {"claims", claims}, {"kid", "k1"}});
  EXPECT_EQ(ErrorCode(Call(lab, "jwt.verify", {{"token", relabelled["ok"]["token"]}, {"identity", "idp"}, {"algorithms", {"RS256"}}})),
            "BadSignature");
  Json unknown = Call(lab, "jwt.sign", {{"algorithm", "RS256"}, {"identity", "idp"}, {"claims", claims}, {"kid", "k9"}});
  EXPECT_EQ(ErrorCode(Call(lab, "jwt.verify", {{"token", unknown["ok"]["token"]}, {"identity", "idp"}, {"algorithms", {"RS256"}}})),
            "UnknownKid");
  // The identity's issuer is expected unless the call names another.
  Json other_iss = Call(lab, "jwt.sign", {{"algorithm", "RS256"}, {"identity", "idp"}, {"claims", {{"iss", "https://evil/"}}}});
  EXPECT_EQ(ErrorCode(Call(lab, "jwt.verify", {{"token", other_iss["ok"]["token"]}, {"identity", "idp"}, {"algorithms", {"RS256"}}})),
            "WrongIssuer");
}

TEST(JwtActions, DecodeReadsWithoutVerifying) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(World("2026-01-01T00:00:00Z")).empty());
  const std::string token = Sign(lab, {{"sub", "u"}});
  Json r = Call(lab, "jwt.decode", {{"token", token.substr(0, token.rfind('.')) + ".bad"}});
  ASSERT_TRUE(r.contains("ok")) << r.dump();
  EXPECT_EQ(r["ok"]["payload"]["sub"], "u");
  EXPECT_EQ(r["ok"]["header"]["alg"], "HS256");
  EXPECT_EQ(ErrorCode(Call(lab, "jwt.decode", {{"token", "only.two"}})), "MalformedToken");
}

TEST(JwtActions, AFunctionsVerificationIsRecordedInTheTrace) {
  api::Lab lab;
  LoadAndRun(lab, R"({"version": 1, "resources": {"c": {"kind": "client"},
      "f": {"kind": "function", "handler": [
        {"call": "jwt.verify", "as": "t", "with": {"token": "${event.token}", "secret": ")" + std::string(kSecret) +
                      R"(", "algorithms": ["HS256"]}, "catch": {"*": [{"return": "rejected"}]}},
        {"return": "${t.payload.sub}"}]}},
      "script": [{"at": "0s", "client": "c", "call": "function.invoke", "with": {"function": "f", "payload": {"token": "x.y.z"}}}]})");
  const core::Event* record = eventlab::testing::Find(lab, "jwt.verify.result", "function:f");
  ASSERT_NE(record, nullptr);
  EXPECT_EQ(record->from, "function:f");
  ASSERT_TRUE(record->error.has_value());
  EXPECT_EQ(record->error->code, "MalformedBase64url");
  const core::Event* reply = eventlab::testing::Find(lab, "function.invoke.result", "client:c");
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->payload, "rejected");
}

}  // namespace
}  // namespace eventlab::cloud::auth
