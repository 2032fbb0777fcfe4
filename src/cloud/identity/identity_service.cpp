// Logins follow Auth0's Resource Owner Password grant (POST /oauth/token): the reply and the error
// for wrong credentials are Auth0's. Tokens are signed with the key that signs at the current time.
#include "cloud/identity/identity_service.h"
#include "core/json_bounds.h"

#include "cloud/auth/jwt.h"
#include "core/sim_time.h"

namespace eventlab::cloud::identity {

std::unique_ptr<Service> IdentityConfig::CreateService() const { return std::make_unique<IdentityService>(this); }

void IdentityService::Deliver(ServiceContext& ctx, const core::Event& event) {
  now_ = ctx.kernel.Now();
  if (event.kind == "idp.login") Reply(ctx, event, Login(ctx, event));
  else if (event.kind == "idp.jwks") Reply(ctx, event, Jwks(ctx));
  else if (event.kind == "http.request") Reply(ctx, event, Http(ctx, event));
}

core::Result<Json> IdentityService::Login(ServiceContext& ctx, const core::Event& event) {
  const Json& p = event.payload;
  auto text = [&](const char* key) {
    return p.is_object() && p.contains(key) && p[key].is_string() ? p[key].get<std::string>() : std::string();
  };
  const std::string username = text("username");
  const std::string password = text("password");  // anything else than text fails like a wrong password
  auto user = config_->users.find(username);
  if (user == config_->users.end() || user->second.password != password) {
    ++store_.failed_logins;
    // Auth0 Authentication API, POST /oauth/token (password grant): 403
    // {"error":"invalid_grant","error_description":"Wrong email or password."}.
    return core::Error{"invalid_grant", "Wrong email or password.", 403};
  }
  const int64_t iat = ctx.NowEpochUs() / 1000000;
  const int64_t exp = iat + config_->token_lifetime_s;
  auth::Key key;
  std::string kid;
  if (config_->algorithm == auth::Algorithm::kHS256) {
    key = auth::SecretKey(config_->client_secret);
  } else {
    const SigningKey* signer = config_->SignerAt(ctx.kernel.Now());
    if (!signer) return core::Error{"server_error", "no signing key is active at this time", 500};
    key = signer->key;
    kid = signer->kid;
  }
  const Json base = {{"iss", config_->Issuer()}, {"sub", user->second.sub}, {"aud", config_->audience},
                     {"iat", iat}, {"exp", exp}};
  Json id_claims = base;
  id_claims["name"] = username;
  Json access_claims = base;
  access_claims["scope"] = "openid profile";
  auto id_token = auth::SignJwt(config_->algorithm, key, id_claims, kid, config_->policy);
  if (!id_token.ok()) return id_token.error();
  auto access_token = auth::SignJwt(config_->algorithm, key, access_claims, kid, config_->policy);
  if (!access_token.ok()) return access_token.error();
  ++store_.logins;
  store_.recent.push_back({user->second.sub, kid, iat, exp});
  if (store_.recent.size() > kRecentTokens) store_.recent.erase(store_.recent.begin());
  return Json{{"id_token", id_token.value()}, {"access_token", access_token.value()}, {"token_type", "Bearer"},
              {"expires_in", config_->token_lifetime_s}};
}

core::Result<Json> IdentityService::Jwks(ServiceContext& ctx) {
  ++store_.jwks_requests;
  return config_->JwksAt(ctx.kernel.Now());
}

core::Result<Json> IdentityService::Http(ServiceContext& ctx, const core::Event& event) {
  const Json& p = event.payload;
  const std::string method = p.value("method", std::string()), path = p.value("path", std::string());
  if (method == "GET" && path == "/.well-known/jwks.json") {
    auto jwks = Jwks(ctx);
    return Json{{"statusCode", 200}, {"headers", {{"content-type", "application/json; charset=utf-8"}}},
                {"body", core::DumpText(jwks.value())}};
  }
  return Json{{"statusCode", 404}, {"headers", {{"content-type", "application/json; charset=utf-8"}}},
              {"body", Json{{"error", "not_found"}, {"error_description", "Not Found"}}.dump()}};
}

Json IdentityService::State() const {
  Json keys = Json::array();
  const SigningKey* signer = config_->SignerAt(now_);
  for (const SigningKey& k : config_->keys) {
    Json entry = {{"kid", k.kid}, {"signing", signer == &k}, {"published", k.PublishedAt(now_)},
                  {"sign_from", core::FormatDuration(k.sign_from)}, {"bits", k.key.RsaBits()}};
    if (k.sign_until) entry["sign_until"] = core::FormatDuration(*k.sign_until);
    if (k.publish_until) entry["publish_until"] = core::FormatDuration(*k.publish_until);
    keys.push_back(entry);
  }
  Json tokens = Json::array();
  for (const IssuedToken& t : store_.recent) {
    tokens.push_back({{"sub", t.sub}, {"kid", t.kid}, {"iat", t.iat}, {"exp", t.exp}});
  }
  return {{"kind", "identity_provider"}, {"issuer", config_->Issuer()}, {"audience", config_->audience},
          {"algorithm", auth::AlgorithmName(config_->algorithm)}, {"keys", keys}, {"logins", store_.logins},
          {"failed_logins", store_.failed_logins}, {"jwks_requests", store_.jwks_requests}, {"tokens", tokens}};
}

}  // namespace eventlab::cloud::identity
