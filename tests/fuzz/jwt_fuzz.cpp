// JWT, JWK, JWKS and PEM parsing and verification on arbitrary text. The input is split at the
// first newline: a token, then a key (a JWK, a JWKS, a PEM or a shared secret).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cloud/auth/jwk.h"
#include "cloud/auth/jwt.h"

namespace auth = eventlab::cloud::auth;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const size_t cut = text.find('\n');
  const std::string_view token = text.substr(0, cut);
  const std::string_view key_text = cut == std::string_view::npos ? std::string_view() : text.substr(cut + 1);
  auth::VerifyOptions options;
  options.algorithms = {auth::Algorithm::kHS256, auth::Algorithm::kRS256};
  options.now_s = 1767225600;
  (void)auth::VerifyJwt(token, auth::SecretKey(std::string(key_text)), options).ToJson();
  if (auto key = auth::KeyFromJwkText(key_text); key.ok()) {
    (void)auth::VerifyJwt(token, key.value(), options);
    (void)auth::PublicJwk(key.value());
  }
  if (auto keys = auth::KeysFromJwksText(key_text); keys.ok()) {
    (void)auth::VerifyJwtWithKeys(token, keys.value(), options);
  }
  if (auto pem = auth::KeyFromPem(key_text); pem.ok()) (void)auth::VerifyJwt(token, pem.value(), options);
  return 0;
}
