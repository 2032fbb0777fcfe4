// An Auth0-style identity provider: its configuration (users, signing keys with a rotation
// schedule, generated once at load time) and its store (login counters, recent tokens).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cloud/auth/jwt.h"
#include "cloud/service.h"
#include "core/sim_time.h"

namespace eventlab::cloud::identity {

/// Auth0's default ID token lifetime is 36000 s (10 h); an API access token's default is 86400 s.
/// The simulator defaults to 1 h so that expiry fits in a scenario (Auth0 docs, "ID Token
/// Lifetime" / "Update Access Token Lifetime").
inline constexpr int64_t kDefaultTokenLifetimeSeconds = 3600;
/// RS256 keys are generated with this many bits unless a scenario sets "key_bits" (RFC 7518
/// section 3.3: RS256 keys MUST be 2048 bits or larger).
inline constexpr uint32_t kDefaultKeyBits = 2048;
/// How many issued tokens State() keeps (newest last).
inline constexpr size_t kRecentTokens = 8;

/// A user who can log in with the password grant.
struct User {
  std::string password;
  std::string sub;  ///< the "sub" claim ("auth0|...")
};

/// One signing key and its place in the rotation schedule (simulated times, from the run's start).
struct SigningKey {
  std::string kid;
  core::SimTime sign_from{0};                   ///< signs new tokens from this time
  std::optional<core::SimTime> sign_until;      ///< ... until this time (exclusive); none = forever
  core::SimTime publish_from{0};                ///< in the JWKS from this time
  std::optional<core::SimTime> publish_until;   ///< ... until this time (exclusive); none = forever
  auth::Key key;                                ///< the private RSA key (RS256)

  bool SignsAt(core::SimTime t) const { return t >= sign_from && (!sign_until || t < *sign_until); }
  bool PublishedAt(core::SimTime t) const { return t >= publish_from && (!publish_until || t < *publish_until); }
};

struct IdentityConfig : ResourceConfig {
  std::string domain;        ///< "eventlab.eu.auth0.com"; the issuer is "https://<domain>/"
  std::string audience;      ///< the "aud" of issued tokens
  auth::Algorithm algorithm = auth::Algorithm::kRS256;
  std::string client_secret;  ///< HS256 signing secret (>= 32 bytes)
  int64_t token_lifetime_s = kDefaultTokenLifetimeSeconds;
  uint32_t key_bits = kDefaultKeyBits;
  std::map<std::string, User> users;  ///< by username
  std::vector<SigningKey> keys;       ///< RS256 keys, in scenario order
  auth::KeyPolicy policy;             ///< min_rsa_bits lowered to key_bits when a scenario asks for smaller keys

  std::string Kind() const override { return "identity_provider"; }
  std::unique_ptr<Service> CreateService() const override;
  bool ServesHost(const std::string& host, const Environment& env) const override { return host == domain; }

  /// "https://<domain>/" (Auth0's issuer form, with the trailing slash).
  std::string Issuer() const { return "https://" + domain + "/"; }
  /// The key that signs at `t`: among those signing then, the one with the latest sign_from; nullptr if none.
  const SigningKey* SignerAt(core::SimTime t) const;
  /// The public keys in the JWKS at `t`, in scenario order.
  std::vector<auth::Key> PublishedAt(core::SimTime t) const;
  /// {"keys": [public JWKs]} at `t` (empty for HS256).
  Json JwksAt(core::SimTime t) const;
  /// The key that verifies this provider's tokens at `t`: the client secret (HS256) or the JWKS.
  std::vector<auth::Key> VerificationKeysAt(core::SimTime t) const;
};

/// A token the provider issued (for State()).
struct IssuedToken {
  std::string sub, kid;
  int64_t iat = 0, exp = 0;  ///< epoch seconds
};

struct IdentityStore {
  uint64_t logins = 0;         ///< successful logins
  uint64_t failed_logins = 0;  ///< wrong username or password
  uint64_t jwks_requests = 0;  ///< idp.jwks calls and GETs of /.well-known/jwks.json
  std::vector<IssuedToken> recent;  ///< the last kRecentTokens issued, oldest first
};

}  // namespace eventlab::cloud::identity
