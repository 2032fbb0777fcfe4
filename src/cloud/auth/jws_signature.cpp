// HS256 = HMAC SHA-256 through mbedTLS's md layer; RS256 through rsa_key.cpp.
#include "cloud/auth/jws_signature.h"

#include <mbedtls/md.h>
// mbedTLS 2.28's constant_time.h, unlike its other headers, has no extern "C" block of its own.
extern "C" {
#include <mbedtls/constant_time.h>
}

#include "cloud/auth/rsa_key.h"

namespace eventlab::cloud::auth {
namespace {

std::string HmacSha256(std::string_view key, std::string_view data) {
  unsigned char mac[32];
  mbedtls_md_hmac(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), reinterpret_cast<const unsigned char*>(key.data()),
                  key.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac);
  return std::string(reinterpret_cast<const char*>(mac), sizeof mac);
}

const char* KeyTypeName(KeyType type) { return type == KeyType::kOct ? "oct (shared secret)" : "RSA"; }

}  // namespace

std::optional<core::Error> KeyUnusable(Algorithm alg, const Key& key, const KeyPolicy& policy, bool for_signing) {
  const std::string name = AlgorithmName(alg);
  const KeyType needed = alg == Algorithm::kHS256 ? KeyType::kOct : KeyType::kRsa;
  if (key.type != needed) {
    // The classic confusion: an RSA public key's bytes used as an HMAC secret. Key type decides.
    return core::Error{kKeyAlgorithmMismatch,
                       name + " needs a key of type " + KeyTypeName(needed) + ", and the key is " + KeyTypeName(key.type),
                       401};
  }
  if (!key.alg.empty() && key.alg != name) {
    return core::Error{kKeyAlgorithmMismatch, "the key is for " + key.alg + " only (its JWK \"alg\"), not " + name, 401};
  }
  if (alg == Algorithm::kHS256 && key.SecretBytes() < policy.min_hmac_bytes) {
    return core::Error{kWeakKey,
                       "the HS256 secret has " + std::to_string(key.SecretBytes()) + " bytes; at least " +
                           std::to_string(policy.min_hmac_bytes) + " are required (RFC 7518 section 3.2)",
                       401};
  }
  if (alg == Algorithm::kRS256 && key.RsaBits() < policy.min_rsa_bits) {
    return core::Error{kWeakKey,
                       "the RSA key has " + std::to_string(key.RsaBits()) + " bits; at least " +
                           std::to_string(policy.min_rsa_bits) + " are required (RFC 7518 section 3.3)",
                       401};
  }
  if (for_signing && !key.IsPrivate()) {
    return core::Error{kInvalidKey, "signing with RS256 needs the private key (the JWK has no \"d\")", 400};
  }
  return std::nullopt;
}

core::Result<std::string> ComputeSignature(Algorithm alg, const Key& key, std::string_view signing_input) {
  if (alg == Algorithm::kHS256) return HmacSha256(key.secret, signing_input);
  return RsaSignSha256(key.rsa, signing_input);
}

bool SignatureValid(Algorithm alg, const Key& key, std::string_view signing_input, std::string_view signature) {
  if (alg == Algorithm::kHS256) {
    const std::string expected = HmacSha256(key.secret, signing_input);
    return signature.size() == expected.size() &&
           mbedtls_ct_memcmp(signature.data(), expected.data(), expected.size()) == 0;
  }
  return RsaVerifySha256(key.rsa, signing_input, signature);
}

}  // namespace eventlab::cloud::auth
