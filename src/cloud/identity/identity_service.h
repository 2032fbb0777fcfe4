// The identity provider service (Auth0-style): password-grant logins that issue signed ID and
// access tokens, and the JWKS endpoint (action idp.jwks and GET /.well-known/jwks.json).
#pragma once

#include "cloud/identity/identity_models.h"
#include "cloud/messaging.h"

namespace eventlab::cloud::identity {

class IdentityService : public CopyableService<IdentityService> {
 public:
  explicit IdentityService(const IdentityConfig* config) : config_(config) {}

  /// Handles idp.login, idp.jwks and http.request (GET /.well-known/jwks.json).
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  /// {"kind","issuer","algorithm","audience","keys":[{kid,signing,published,sign_from,...}],
  ///  "logins","failed_logins","jwks_requests","tokens":[{sub,kid,iat,exp}]} at the current time.
  Json State() const override;

 private:
  /// idp.login {username, password} -> {id_token, access_token, token_type, expires_in}.
  core::Result<Json> Login(ServiceContext& ctx, const core::Event& event);
  /// idp.jwks {} -> {"keys": [...]}.
  core::Result<Json> Jwks(ServiceContext& ctx);
  /// http.request: GET /.well-known/jwks.json, else 404.
  core::Result<Json> Http(ServiceContext& ctx, const core::Event& event);

  const IdentityConfig* config_;
  IdentityStore store_;
  core::SimTime now_{0};  ///< time of the last event handled, for State()
};

}  // namespace eventlab::cloud::identity
