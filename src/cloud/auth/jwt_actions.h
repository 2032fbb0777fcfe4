// The jwt.* local actions a handler or client can call: verify (recorded in the trace), sign and
// decode, with keys given inline (secret, JWK, JWK Set) or taken from an identity_provider.
#pragma once

#include "cloud/action_catalog.h"

namespace eventlab::cloud::auth {

/// jwt.verify {token, algorithms: ["RS256"|"HS256",...], one key source: secret (HS256 text) |
/// jwk (object) | jwks ({"keys": [...]}) | identity (an identity_provider: its JWKS published at
/// the caller's now, or its client secret for HS256; also the default issuer), issuer?, audience?,
/// leeway? (whole seconds, default 60)} -> {"header", "payload", "checks": [{"check","ok","detail"}]}.
/// A rejection is an error {reason code, "<check>: <why>", 401}.
core::Result<Json> JwtVerifyAction(LocalCall& call, const Json& args);

/// jwt.sign {algorithm, claims (object), secret | jwk | identity (its current signing key or
/// client secret), kid?} -> {"token"}.
core::Result<Json> JwtSignAction(LocalCall& call, const Json& args);

/// jwt.decode {token} -> {"header", "payload"}, without any verification.
core::Result<Json> JwtDecodeAction(LocalCall& call, const Json& args);

}  // namespace eventlab::cloud::auth
