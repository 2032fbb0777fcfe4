// Algorithm names and token signing (RFC 7515 section 5.1, the compact serialization of 7.1).
#include "cloud/auth/jwt.h"
#include "core/json_bounds.h"

#include "cloud/auth/base64url.h"
#include "cloud/auth/jws_signature.h"

namespace eventlab::cloud::auth {

std::optional<Algorithm> ParseAlgorithm(std::string_view name) {
  if (name == "HS256") return Algorithm::kHS256;
  if (name == "RS256") return Algorithm::kRS256;
  return std::nullopt;
}

const char* AlgorithmName(Algorithm alg) { return alg == Algorithm::kHS256 ? "HS256" : "RS256"; }

core::Result<std::string> SignCompact(Algorithm alg, const Key& key, std::string_view header_json,
                                      std::string_view payload, const KeyPolicy& policy) {
  const Json header = core::ParseBounded(header_json);
  if (header.is_discarded() || !header.is_object()) {
    return core::Error{kMalformedHeader, "the JOSE header must be a JSON object", 400};
  }
  if (!header.contains("alg") || header["alg"] != AlgorithmName(alg)) {
    return core::Error{kMalformedHeader, std::string("the JOSE header's \"alg\" must be \"") + AlgorithmName(alg) + "\"", 400};
  }
  if (auto unusable = KeyUnusable(alg, key, policy, true)) return *unusable;
  const std::string signing_input = Base64UrlEncode(header_json) + "." + Base64UrlEncode(payload);
  auto signature = ComputeSignature(alg, key, signing_input);
  if (!signature.ok()) return signature.error();
  return signing_input + "." + Base64UrlEncode(signature.value());
}

core::Result<std::string> SignJwt(Algorithm alg, const Key& key, const Json& claims, std::string_view kid,
                                  const KeyPolicy& policy) {
  if (!claims.is_object()) return core::Error{kMalformedClaims, "the JWT claims set must be a JSON object", 400};
  Json header = {{"alg", AlgorithmName(alg)}, {"typ", "JWT"}};
  if (!kid.empty()) {
    header["kid"] = std::string(kid);
  } else if (!key.kid.empty()) {
    header["kid"] = key.kid;
  }
  return SignCompact(alg, key, core::DumpText(header), claims.dump(-1, ' ', false, Json::error_handler_t::replace), policy);
}

}  // namespace eventlab::cloud::auth
