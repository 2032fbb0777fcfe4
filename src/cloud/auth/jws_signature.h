// The JWS signature step for each algorithm (RFC 7518 section 3.2 HMAC, 3.3 RSASSA-PKCS1-v1_5),
// and the rule that a key may only be used with the algorithm of its type.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cloud/auth/jwt.h"

namespace eventlab::cloud::auth {

/// Why `key` cannot be used with `alg`, or nullopt if it can: HS256 needs an oct key and RS256 an
/// RSA key (KeyAlgorithmMismatch, also when the JWK's own "alg" differs), keys below the policy's
/// floors are WeakKey, and signing with RS256 needs the private key (InvalidKey).
std::optional<core::Error> KeyUnusable(Algorithm alg, const Key& key, const KeyPolicy& policy, bool for_signing);

/// The signature of `signing_input` (ASCII(BASE64URL(header) '.' BASE64URL(payload))). The key
/// must have passed KeyUnusable.
core::Result<std::string> ComputeSignature(Algorithm alg, const Key& key, std::string_view signing_input);

/// True when `signature` is valid for `signing_input`; HMACs are compared in constant time.
bool SignatureValid(Algorithm alg, const Key& key, std::string_view signing_input, std::string_view signature);

}  // namespace eventlab::cloud::auth
