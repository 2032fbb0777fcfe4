// RSA on mbedTLS for the JWT code: key checks, PEM in and out, RSASSA-PKCS1-v1_5 with SHA-256
// (RS256, RFC 7518 section 3.3), and key generation from a seeded eventlab Rng.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "cloud/auth/jwk.h"
#include "core/result.h"
#include "core/rng.h"

namespace eventlab::cloud::auth {

/// Smallest and largest key sizes GenerateRsaKey accepts, in bits. Sizes must be multiples of 128:
/// each prime is then a whole number of 64-bit limbs, so mbedTLS draws the same random bytes with
/// 64-bit limbs (native) and 32-bit limbs (WASM) and the same seed gives the same key on both.
inline constexpr uint32_t kMinGeneratedRsaBits = 512;
inline constexpr uint32_t kMaxGeneratedRsaBits = 4096;
/// The public exponent of generated keys (65537, the JWK "e" value "AQAB").
inline constexpr int kRsaPublicExponent = 65537;

/// Checks an RSA key and completes it: n and e must form a public key; with d, the private key
/// must be consistent (mbedtls_rsa_complete + check_privkey), missing p, q, dp, dq, qi are computed
/// and given ones must equal the computed ones. Numbers come back without leading zero bytes.
core::Result<RsaNumbers> CompleteRsaNumbers(const RsaNumbers& in);

/// RSASSA-PKCS1-v1_5 SHA-256 signature of `message` (deterministic: the same key and message
/// always give the same signature). `key` must be private.
core::Result<std::string> RsaSignSha256(const RsaNumbers& key, std::string_view message);
/// True when `signature` is a valid RSASSA-PKCS1-v1_5 SHA-256 signature of `message` under the public key.
bool RsaVerifySha256(const RsaNumbers& key, std::string_view message, std::string_view signature);

/// Parses PEM or DER (see KeyFromPem).
core::Result<RsaNumbers> RsaNumbersFromPem(std::string_view pem);
/// "-----BEGIN PUBLIC KEY-----" (SubjectPublicKeyInfo) PEM of the public key.
core::Result<std::string> RsaPublicKeyPem(const RsaNumbers& key);
/// "-----BEGIN RSA PRIVATE KEY-----" (PKCS#1) PEM of a private key.
core::Result<std::string> RsaPrivateKeyPem(const RsaNumbers& key);

/// A new RSA key pair of `bits` bits (a multiple of 128 in [kMinGeneratedRsaBits,
/// kMaxGeneratedRsaBits]) drawn by mbedtls_rsa_gen_key from `rng`'s stream: the same Rng state
/// gives the same key natively and in WASM. Advances `rng`.
core::Result<Key> GenerateRsaKey(core::Rng& rng, uint32_t bits, std::string kid = "");

}  // namespace eventlab::cloud::auth
