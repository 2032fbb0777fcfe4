// Signing keys as plain, copyable values, read from and written to JSON Web Keys (RFC 7517) and key
// sets, and read from PEM. HS256 secrets are "oct" keys; RS256 keys are "RSA" keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/result.h"

namespace eventlab::cloud::auth {

using core::Json;

/// Error codes of key handling (status 400 unless noted).
inline constexpr const char* kInvalidKey = "InvalidKey";          ///< a JWK/PEM that is not a usable key
inline constexpr const char* kUnsupportedKey = "UnsupportedKey";  ///< a kty other than "oct" or "RSA"
inline constexpr const char* kUnknownKid = "UnknownKid";          ///< no key in the set has the kid (401)
inline constexpr const char* kMissingKid = "MissingKid";          ///< no kid, several keys to choose from (401)

enum class KeyType { kOct, kRsa };

/// An RSA key's numbers as big-endian unsigned byte strings without leading zero bytes (the JWK
/// "Base64urlUInt" form before base64url, RFC 7518 section 6.3). Private parts are empty in a
/// public key. A private key read from a JWK or PEM always has all eight (missing CRT values are
/// computed and given ones are checked).
struct RsaNumbers {
  std::string n, e;                  ///< modulus, public exponent
  std::string d, p, q, dp, dq, qi;   ///< private exponent, primes, CRT exponents and coefficient
};

/// A key: a shared secret ("oct") or an RSA key pair or public key. Copyable plain data; the
/// mbedTLS contexts are built from it on each use.
struct Key {
  KeyType type = KeyType::kOct;
  std::string kid;     ///< JWK "kid" (RFC 7517 section 4.5); may be empty
  std::string alg;     ///< JWK "alg" (RFC 7517 section 4.4): if set, the only algorithm allowed with the key
  std::string secret;  ///< kOct: the raw secret bytes
  RsaNumbers rsa;      ///< kRsa
  /// A member of a JWK Set this simulator cannot use (an EC or OKP key, a malformed one): why.
  /// Such keys stay in the set only so that a token naming their kid is told why it fails.
  std::string unusable;

  bool IsPrivate() const { return type == KeyType::kOct || !rsa.d.empty(); }
  /// The modulus size in bits (0 for an oct key).
  uint32_t RsaBits() const;
  /// The secret size in bytes (0 for an RSA key).
  uint32_t SecretBytes() const { return type == KeyType::kOct ? static_cast<uint32_t>(secret.size()) : 0; }
};

/// A shared secret used as is (its bytes, not base64).
Key SecretKey(std::string secret, std::string kid = "");

/// Reads one JWK object: {"kty":"oct","k":...} or {"kty":"RSA","n":...,"e":...[,"d",...]}.
/// Optional members "kid" and "alg" must be strings; "use" and "key_ops" are ignored.
core::Result<Key> KeyFromJwk(const Json& jwk);
core::Result<Key> KeyFromJwkText(std::string_view text);

/// Reads a JWK Set {"keys":[...]} (RFC 7517 section 5). Members it cannot use (another kty such as
/// EC, or a malformed key) are kept as `unusable` keys and passed over, as section 5 asks
/// ("Implementations SHOULD ignore JWKs within a JWK Set that use "kty" values that are not
/// understood by them, that are missing required members, or for which values are out of the
/// supported ranges"); a set with no usable key at all is refused with the first member's error.
core::Result<std::vector<Key>> KeysFromJwks(const Json& jwks);
core::Result<std::vector<Key>> KeysFromJwksText(std::string_view text);

/// The key a token names: the one whose kid equals `kid` (UnknownKid if none; InvalidKey if two
/// share it; the member's own error if it is unusable). A token without kid gets the set's only
/// usable key, or MissingKid when there are several.
core::Result<Key> SelectKey(const std::vector<Key>& keys, std::string_view kid);

/// Reads an RSA key from PEM (or DER): a private key ("RSA PRIVATE KEY", "PRIVATE KEY") through
/// mbedtls_pk_parse_key, else a public key ("PUBLIC KEY", "RSA PUBLIC KEY") through
/// mbedtls_pk_parse_public_key. Encrypted keys and non-RSA keys are refused.
core::Result<Key> KeyFromPem(std::string_view pem, std::string kid = "");

/// The public JWK of an RSA key: {"alg","e","kid"?,"kty":"RSA","n","use":"sig"}; "alg" is the
/// key's alg or "RS256". An oct key has no public form: InvalidKey.
core::Result<Json> PublicJwk(const Key& key);
/// A JWK Set of the keys' public JWKs, in the given order (for a JWKS endpoint).
core::Result<Json> PublicJwks(const std::vector<Key>& keys);
/// The full JWK, private members included ("k" for oct; "d","p","q","dp","dq","qi" for RSA).
Json PrivateJwk(const Key& key);

}  // namespace eventlab::cloud::auth
