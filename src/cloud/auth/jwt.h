// JSON Web Tokens in the JWS Compact Serialization (RFC 7519, RFC 7515 section 7.1): signing with
// HS256 or RS256 (RFC 7518 section 3) and verification against a simulated clock, reporting every
// check with its outcome so a token debugger can show why a token was accepted or rejected.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cloud/auth/jwk.h"
#include "core/result.h"

namespace eventlab::cloud::auth {

/// The algorithms this library signs and verifies (RFC 7518 section 3.1 names).
enum class Algorithm { kHS256, kRS256 };

std::optional<Algorithm> ParseAlgorithm(std::string_view name);
const char* AlgorithmName(Algorithm alg);

/// Rejection reason codes (Verification::code, Check::code, core::Error::code). Each is defined,
/// with its source section, in web/docs/jwt.md.
inline constexpr const char* kMalformedToken = "MalformedToken";
inline constexpr const char* kMalformedHeader = "MalformedHeader";
inline constexpr const char* kUnsupportedCritical = "UnsupportedCritical";
inline constexpr const char* kAlgNone = "AlgNone";
inline constexpr const char* kUnexpectedAlgorithm = "UnexpectedAlgorithm";
inline constexpr const char* kKeyAlgorithmMismatch = "KeyAlgorithmMismatch";
inline constexpr const char* kWeakKey = "WeakKey";
inline constexpr const char* kMalformedClaims = "MalformedClaims";
inline constexpr const char* kBadSignature = "BadSignature";
inline constexpr const char* kTokenExpired = "TokenExpired";
inline constexpr const char* kTokenNotYetValid = "TokenNotYetValid";
inline constexpr const char* kWrongIssuer = "WrongIssuer";
inline constexpr const char* kWrongAudience = "WrongAudience";
// Also: kMalformedBase64url (base64url.h), kUnknownKid, kMissingKid, kInvalidKey (jwk.h).

/// Default clock-skew allowance for exp and nbf, in seconds. RFC 7519 sections 4.1.4/4.1.5 allow
/// "some small leeway, usually no more than a few minutes"; 60 s covers the skew a simulated
/// client clock is given without keeping an expired token alive for long.
inline constexpr int64_t kDefaultLeewaySeconds = 60;

/// Key-size floors. RFC 7518 section 3.2: an HS256 key MUST be at least 256 bits (32 bytes);
/// section 3.3: an RS256 key MUST be 2048 bits or larger. Lower them only for simulator keys
/// generated small to save time (see GenerateRsaKey).
struct KeyPolicy {
  uint32_t min_hmac_bytes = 32;
  uint32_t min_rsa_bits = 2048;
};

/// Signs `payload` under the protected header `header_json`, both used byte for byte (so published
/// examples with their exact whitespace can be reproduced). The header must be a JSON object whose
/// "alg" is `alg`. Returns BASE64URL(header) '.' BASE64URL(payload) '.' BASE64URL(signature).
core::Result<std::string> SignCompact(Algorithm alg, const Key& key, std::string_view header_json,
                                      std::string_view payload, const KeyPolicy& policy = {});

/// Signs a JWT: header {"alg","kid"?,"typ":"JWT"} (kid = `kid`, else the key's kid, else none) and
/// `claims` (a JSON object) serialized compactly with sorted keys.
core::Result<std::string> SignJwt(Algorithm alg, const Key& key, const Json& claims, std::string_view kid = {},
                                  const KeyPolicy& policy = {});

/// What a verifier expects. Algorithms are the verifier's choice, never the token's.
struct VerifyOptions {
  std::vector<Algorithm> algorithms;  ///< accepted; empty = only the one the key implies (oct: HS256, RSA: RS256)
  int64_t now_s = 0;                  ///< the verifier's clock, epoch seconds (the simulated clock)
  int64_t leeway_s = kDefaultLeewaySeconds;  ///< allowed clock skew for exp and nbf, seconds (>= 0)
  std::optional<std::string> issuer;    ///< if set, "iss" must equal it (case-sensitive)
  std::optional<std::string> audience;  ///< if set, "aud" (string or array) must contain it
  bool require_exp = false;             ///< reject tokens without "exp"
  KeyPolicy policy;
};

/// One check and its outcome. `code` is the reason code when !ok, else empty.
struct Check {
  std::string check;  ///< "structure", "header", "alg", "kid", "key", "claims", "signature", "exp", "nbf", "iss", "aud"
  bool ok = false;
  std::string code;
  std::string detail;
};

/// The outcome of verifying one token. Checks run in the order listed above; a failure that makes
/// later checks impossible (bad structure, header, alg, key or claims encoding) ends the list,
/// otherwise every check runs and `code` is that of the first failure.
struct Verification {
  bool ok = false;
  std::string code;     ///< first failed check's reason code; empty when ok
  std::string message;  ///< its human-readable explanation
  Json header;          ///< decoded JOSE header, null if it could not be decoded
  Json claims;          ///< decoded claims set, null if it could not be decoded
  std::vector<Check> checks;

  /// {"ok","code","message","header","claims","checks":[{"check","code","detail","ok"}]}.
  Json ToJson() const;
  /// The rejection as an error value {code, message, 401}; only meaningful when !ok.
  core::Error ToError() const;
};

/// Verifies `token` with one key.
Verification VerifyJwt(std::string_view token, const Key& key, const VerifyOptions& options);
/// Verifies `token` with the key of a JWK Set that its "kid" header names (see SelectKey).
Verification VerifyJwtWithKeys(std::string_view token, const std::vector<Key>& keys, const VerifyOptions& options);

}  // namespace eventlab::cloud::auth
