// JWK members as RFC 7517 section 4 and RFC 7518 section 6 define them: "kty" selects the key
// type, numbers and secrets are base64url (Base64urlUInt for RSA numbers, section 6.3).
#include "cloud/auth/jwk.h"
#include "core/json_bounds.h"

#include <optional>
#include <set>

#include "cloud/auth/base64url.h"
#include "cloud/auth/rsa_key.h"

namespace eventlab::cloud::auth {
namespace {

core::Error KeyError(const std::string& message) { return {kInvalidKey, message, 400}; }

/// Reads optional string member `name` into `out`; an error if present and not a string.
core::Result<bool> OptionalString(const Json& jwk, const char* name, std::string* out) {
  if (!jwk.contains(name)) return false;
  if (!jwk[name].is_string()) return KeyError(std::string("JWK member \"") + name + "\" must be a string");
  *out = jwk[name].get<std::string>();
  return true;
}

/// Reads base64url member `name` into `out` (bytes); `required` members must be present.
core::Result<bool> Base64Member(const Json& jwk, const char* name, bool required, std::string* out) {
  std::string text;
  auto present = OptionalString(jwk, name, &text);
  if (!present.ok()) return present.error();
  if (!present.value()) {
    if (required) return KeyError(std::string("JWK member \"") + name + "\" is missing");
    return false;
  }
  auto bytes = Base64UrlDecode(text);
  if (!bytes.ok()) return KeyError(std::string("JWK member \"") + name + "\": " + bytes.error().message);
  *out = bytes.value();
  return true;
}

core::Result<Json> ParseObject(std::string_view text, const char* what) {
  Json json = core::ParseBounded(text);
  if (json.is_discarded()) return KeyError(std::string("the ") + what + " is not valid JSON");
  if (!json.is_object()) return KeyError(std::string("the ") + what + " must be a JSON object");
  return json;
}

}  // namespace

uint32_t Key::RsaBits() const {
  if (type != KeyType::kRsa || rsa.n.empty()) return 0;
  uint32_t bits = static_cast<uint32_t>(rsa.n.size()) * 8;
  for (unsigned char top = static_cast<unsigned char>(rsa.n[0]); top < 0x80; top <<= 1) --bits;
  return bits;
}

Key SecretKey(std::string secret, std::string kid) {
  Key key;
  key.type = KeyType::kOct;
  key.secret = std::move(secret);
  key.kid = std::move(kid);
  return key;
}

core::Result<Key> KeyFromJwk(const Json& jwk) {
  if (!jwk.is_object()) return KeyError("a JWK must be a JSON object");
  Key key;
  std::string kty;
  const std::pair<const char*, std::string*> strings[] = {{"kty", &kty}, {"kid", &key.kid}, {"alg", &key.alg}};
  for (const auto& [name, out] : strings) {
    auto r = OptionalString(jwk, name, out);
    if (!r.ok()) return r.error();
  }
  if (kty.empty()) return KeyError("JWK member \"kty\" is missing (RFC 7517 section 4.1)");
  if (!key.alg.empty() && key.alg != "HS256" && key.alg != "RS256") {
    return core::Error{kUnsupportedKey, "JWK alg \"" + key.alg + "\" is not supported (HS256, RS256)", 400};
  }
  if (kty == "oct") {
    key.type = KeyType::kOct;
    auto k = Base64Member(jwk, "k", true, &key.secret);
    if (!k.ok()) return k.error();
    if (key.alg == "RS256") return KeyError("an oct key cannot have alg RS256");
    return key;
  }
  if (kty != "RSA") {
    return core::Error{kUnsupportedKey, "JWK kty \"" + kty + "\" is not supported (oct, RSA)", 400};
  }
  key.type = KeyType::kRsa;
  if (key.alg == "HS256") return KeyError("an RSA key cannot have alg HS256");
  RsaNumbers numbers;
  struct Member {
    const char* name;
    bool required;
    std::string* out;
  };
  const Member members[] = {{"n", true, &numbers.n},    {"e", true, &numbers.e},    {"d", false, &numbers.d},
                            {"p", false, &numbers.p},   {"q", false, &numbers.q},   {"dp", false, &numbers.dp},
                            {"dq", false, &numbers.dq}, {"qi", false, &numbers.qi}};
  for (const Member& m : members) {
    auto r = Base64Member(jwk, m.name, m.required, m.out);
    if (!r.ok()) return r.error();
  }
  if (jwk.contains("oth")) return core::Error{kUnsupportedKey, "multi-prime RSA keys (\"oth\") are not supported", 400};
  auto complete = CompleteRsaNumbers(numbers);
  if (!complete.ok()) return complete.error();
  key.rsa = complete.value();
  return key;
}

core::Result<Key> KeyFromJwkText(std::string_view text) {
  auto json = ParseObject(text, "JWK");
  if (!json.ok()) return json.error();
  return KeyFromJwk(json.value());
}

core::Result<std::vector<Key>> KeysFromJwks(const Json& jwks) {
  if (!jwks.is_object() || !jwks.contains("keys") || !jwks["keys"].is_array()) {
    return KeyError("a JWK Set is an object with a \"keys\" array (RFC 7517 section 5)");
  }
  std::vector<Key> keys;
  std::optional<core::Error> first_error;
  bool any_usable = false;
  for (size_t i = 0; i < jwks["keys"].size(); ++i) {
    const Json& member = jwks["keys"][i];
    auto key = KeyFromJwk(member);
    if (key.ok()) {
      any_usable = true;
      keys.push_back(key.value());
      continue;
    }
    core::Error e = key.error();
    e.message = "keys[" + std::to_string(static_cast<uint64_t>(i)) + "]: " + e.message;
    if (!first_error) first_error = e;
    Key skipped;
    if (member.is_object() && member.contains("kid") && member["kid"].is_string()) skipped.kid = member["kid"].get<std::string>();
    skipped.unusable = e.message;
    keys.push_back(std::move(skipped));
  }
  if (!any_usable && first_error) return *first_error;
  return keys;
}

core::Result<std::vector<Key>> KeysFromJwksText(std::string_view text) {
  auto json = ParseObject(text, "JWK Set");
  if (!json.ok()) return json.error();
  return KeysFromJwks(json.value());
}

core::Result<Key> SelectKey(const std::vector<Key>& keys, std::string_view kid) {
  if (kid.empty()) {
    std::vector<const Key*> usable;
    for (const Key& key : keys) {
      if (key.unusable.empty()) usable.push_back(&key);
    }
    if (usable.size() == 1) return *usable[0];
    return core::Error{kMissingKid,
                       "the token has no kid header and the key set has " +
                           std::to_string(static_cast<uint64_t>(usable.size())) + " keys to choose from",
                       401};
  }
  const Key* found = nullptr;
  std::set<std::string> known;
  for (const Key& key : keys) {
    if (!key.kid.empty()) known.insert(key.kid);
    if (key.kid != kid) continue;
    if (found) return KeyError("two keys in the set have kid \"" + std::string(kid) + "\"");
    found = &key;
  }
  if (found && !found->unusable.empty()) {
    return core::Error{kUnsupportedKey, "the key with kid \"" + std::string(kid) + "\" cannot be used: " + found->unusable, 401};
  }
  if (found) return *found;
  std::string list;
  for (const std::string& k : known) list += (list.empty() ? "" : ", ") + ("\"" + k + "\"");
  return core::Error{kUnknownKid,
                     "no key in the set has kid \"" + std::string(kid) + "\" (known: " + (list.empty() ? "none" : list) + ")",
                     401};
}

core::Result<Key> KeyFromPem(std::string_view pem, std::string kid) {
  auto numbers = RsaNumbersFromPem(pem);
  if (!numbers.ok()) return numbers.error();
  Key key;
  key.type = KeyType::kRsa;
  key.kid = std::move(kid);
  key.rsa = numbers.value();
  return key;
}

core::Result<Json> PublicJwk(const Key& key) {
  if (key.type != KeyType::kRsa) return KeyError("an oct key is a shared secret and has no public JWK");
  Json jwk = {{"kty", "RSA"},
              {"n", Base64UrlEncode(key.rsa.n)},
              {"e", Base64UrlEncode(key.rsa.e)},
              {"alg", key.alg.empty() ? "RS256" : key.alg},
              {"use", "sig"}};
  if (!key.kid.empty()) jwk["kid"] = key.kid;
  return jwk;
}

core::Result<Json> PublicJwks(const std::vector<Key>& keys) {
  Json list = Json::array();
  for (const Key& key : keys) {
    auto jwk = PublicJwk(key);
    if (!jwk.ok()) return jwk.error();
    list.push_back(jwk.value());
  }
  return Json{{"keys", list}};
}

Json PrivateJwk(const Key& key) {
  Json jwk;
  if (key.type == KeyType::kOct) {
    jwk = {{"kty", "oct"}, {"k", Base64UrlEncode(key.secret)}};
  } else {
    jwk = {{"kty", "RSA"}, {"n", Base64UrlEncode(key.rsa.n)}, {"e", Base64UrlEncode(key.rsa.e)}};
    const std::pair<const char*, const std::string*> parts[] = {{"d", &key.rsa.d},   {"p", &key.rsa.p},
                                                                {"q", &key.rsa.q},   {"dp", &key.rsa.dp},
                                                                {"dq", &key.rsa.dq}, {"qi", &key.rsa.qi}};
    for (const auto& [name, value] : parts) {
      if (!value->empty()) jwk[name] = Base64UrlEncode(*value);
    }
  }
  if (!key.kid.empty()) jwk["kid"] = key.kid;
  if (!key.alg.empty()) jwk["alg"] = key.alg;
  return jwk;
}

}  // namespace eventlab::cloud::auth
