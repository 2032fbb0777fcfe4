// Argument checks mirror what a JWT library refuses before verifying: the verifier names its
// algorithms and exactly one key source (RFC 8725 section 3.1).
#include "cloud/auth/jwt_actions.h"
#include "core/json_bounds.h"

#include "cloud/auth/base64url.h"
#include "cloud/identity/identity_models.h"
#include "cloud/world_config.h"

namespace eventlab::cloud::auth {
namespace {

core::Error Invalid(const std::string& action, const std::string& message) {
  return {"ValidationException", action + ": " + message, 400};
}

/// The keys named by the arguments, and the provider if "identity" was given.
struct KeySource {
  std::vector<Key> keys;
  bool is_set = false;  ///< a JWK Set (choose by kid) rather than one key
  const identity::IdentityConfig* provider = nullptr;
  KeyPolicy policy;
};

core::Result<KeySource> ReadKeySource(LocalCall& call, const std::string& action, const Json& args, bool for_signing) {
  KeySource src;
  int inline_sources = 0;
  for (const char* k : {"secret", "jwk", "jwks"}) inline_sources += args.contains(k) ? 1 : 0;
  if (args.contains("jwks") && for_signing) return Invalid(action, "\"jwks\" cannot sign; give \"jwk\"");
  if (inline_sources > 1) return Invalid(action, "give only one of \"secret\", \"jwk\", \"jwks\"");
  if (inline_sources == 0 && !args.contains("identity")) {
    return Invalid(action, std::string("a key is needed: \"secret\", \"jwk\", ") + (for_signing ? "" : "\"jwks\", ") +
                               "or \"identity\"");
  }
  if (args.contains("identity")) {
    const Json& name = args["identity"];
    if (!name.is_string()) return Invalid(action, "\"identity\" must name an identity_provider");
    src.provider = call.ctx.config.Find<identity::IdentityConfig>(name.get<std::string>());
    if (!src.provider) return NotFoundError(call.ctx, "identity_provider", name.get<std::string>());
    src.policy = src.provider->policy;
  }
  if (args.contains("secret")) {
    if (!args["secret"].is_string()) return Invalid(action, "\"secret\" must be a string (the HS256 secret's bytes)");
    src.keys.push_back(SecretKey(args["secret"].get<std::string>()));
  } else if (args.contains("jwk")) {
    auto key = KeyFromJwk(args["jwk"]);
    if (!key.ok()) return key.error();
    src.keys.push_back(key.value());
  } else if (args.contains("jwks")) {
    auto keys = KeysFromJwks(args["jwks"]);
    if (!keys.ok()) return keys.error();
    src.keys = keys.value();
    src.is_set = true;
  } else {
    const core::SimTime t{call.now_epoch_us - call.ctx.env().start_epoch_us};
    if (src.provider->algorithm == Algorithm::kHS256) {
      src.keys.push_back(SecretKey(src.provider->client_secret));
    } else if (for_signing) {
      const identity::SigningKey* signer = src.provider->SignerAt(t);
      if (!signer) return core::Error{"InvalidKey", action + ": identity provider has no signing key at this time", 400};
      src.keys.push_back(signer->key);
    } else {
      src.keys = src.provider->PublishedAt(t);
      src.is_set = true;
    }
  }
  return src;
}

Json ChecksJson(const Verification& v) {
  Json list = Json::array();
  for (const Check& c : v.checks) list.push_back({{"check", c.check}, {"detail", c.detail}, {"ok", c.ok}});
  return list;
}

}  // namespace

core::Result<Json> JwtVerifyAction(LocalCall& call, const Json& args) {
  const std::string action = "jwt.verify";
  if (!args.is_object()) return Invalid(action, "expected an object of arguments");
  if (!args.contains("token") || !args["token"].is_string()) return Invalid(action, "\"token\" must be a string");
  VerifyOptions options;
  const Json algorithms = args.value("algorithms", Json());
  if (!algorithms.is_array() || algorithms.empty()) {
    return Invalid(action, "\"algorithms\" must be a non-empty array such as [\"RS256\"] (the verifier, not the token, "
                           "chooses the algorithm)");
  }
  for (const Json& a : algorithms) {
    auto alg = a.is_string() ? ParseAlgorithm(a.get<std::string>()) : std::nullopt;
    if (!alg) return Invalid(action, "\"algorithms\" entries must be \"HS256\" or \"RS256\", got " + core::DumpText(a));
    options.algorithms.push_back(*alg);
  }
  for (const char* k : {"issuer", "audience"}) {
    if (args.contains(k) && !args[k].is_string()) return Invalid(action, std::string("\"") + k + "\" must be a string");
  }
  if (args.contains("leeway")) {
    if (!args["leeway"].is_number_integer() || args["leeway"].get<int64_t>() < 0) {
      return Invalid(action, "\"leeway\" must be a whole number of seconds, at least 0");
    }
    options.leeway_s = args["leeway"].get<int64_t>();
  }
  auto source = ReadKeySource(call, action, args, false);
  if (!source.ok()) return source.error();
  options.policy = source.value().policy;
  options.now_s = call.now_epoch_us / 1000000;
  if (source.value().provider) options.issuer = source.value().provider->Issuer();
  if (args.contains("issuer")) options.issuer = args["issuer"].get<std::string>();
  if (args.contains("audience")) options.audience = args["audience"].get<std::string>();
  const std::string token = args["token"].get<std::string>();
  const Verification v = source.value().is_set ? VerifyJwtWithKeys(token, source.value().keys, options)
                                               : VerifyJwt(token, source.value().keys.front(), options);
  if (!v.ok) return core::Error{v.code, "JWT rejected at check " + v.message, 401};
  return Json{{"header", v.header}, {"payload", v.claims}, {"checks", ChecksJson(v)}};
}

core::Result<Json> JwtSignAction(LocalCall& call, const Json& args) {
  const std::string action = "jwt.sign";
  if (!args.is_object()) return Invalid(action, "expected an object of arguments");
  const Json alg_name = args.value("algorithm", Json());
  auto alg = alg_name.is_string() ? ParseAlgorithm(alg_name.get<std::string>()) : std::nullopt;
  if (!alg) return Invalid(action, "\"algorithm\" must be \"HS256\" or \"RS256\"");
  if (!args.contains("claims") || !args["claims"].is_object()) return Invalid(action, "\"claims\" must be an object");
  if (args.contains("kid") && !args["kid"].is_string()) return Invalid(action, "\"kid\" must be a string");
  auto source = ReadKeySource(call, action, args, true);
  if (!source.ok()) return source.error();
  auto token = SignJwt(*alg, source.value().keys.front(), args["claims"], args.value("kid", std::string()),
                       source.value().policy);
  if (!token.ok()) return token.error();
  return Json{{"token", token.value()}};
}

core::Result<Json> JwtDecodeAction(LocalCall& call, const Json& args) {
  (void)call;
  if (!args.is_object() || !args.contains("token") || !args["token"].is_string()) {
    return Invalid("jwt.decode", "\"token\" must be a string");
  }
  const std::string token = args["token"].get<std::string>();
  const size_t a = token.find('.');
  const size_t b = a == std::string::npos ? a : token.find('.', a + 1);
  if (b == std::string::npos || token.find('.', b + 1) != std::string::npos) {
    // RFC 7515 section 7.1: three base64url parts separated by '.'.
    return core::Error{kMalformedToken, "jwt.decode: a JWS compact token has exactly 3 parts separated by '.'", 400};
  }
  Json out;
  const std::pair<const char*, std::string> parts[] = {{"header", token.substr(0, a)}, {"payload", token.substr(a + 1, b - a - 1)}};
  for (const auto& [name, part] : parts) {
    auto bytes = Base64UrlDecode(part);
    if (!bytes.ok()) return core::Error{bytes.error().code, std::string("jwt.decode: ") + name + ": " + bytes.error().message, 400};
    Json parsed = core::ParseBounded(bytes.value());
    if (parsed.is_discarded() || !parsed.is_object()) {
      return core::Error{name == std::string("header") ? kMalformedHeader : kMalformedClaims,
                         std::string("jwt.decode: the ") + name + " is not a JSON object", 400};
    }
    out[name] = parsed;
  }
  return out;
}

}  // namespace eventlab::cloud::auth
