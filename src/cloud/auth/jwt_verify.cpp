// JWT validation in the order of RFC 7519 section 7.2 and RFC 7515 section 5.2, with the algorithm
// rules of RFC 8725 section 3.1 (the verifier, not the token, decides which algorithms are
// acceptable, and each key is used with one algorithm only). Times are the caller's clock.
#include <algorithm>
#include <cmath>
#include <set>

#include "cloud/auth/base64url.h"
#include "cloud/auth/jws_signature.h"
#include "cloud/auth/jwt.h"
#include "core/sim_time.h"
#include "core/json_bounds.h"

namespace eventlab::cloud::auth {
namespace {

// NumericDates are clamped to +-2^62 s and the leeway to 2^40 s so that sums never overflow.
constexpr int64_t kMaxSeconds = int64_t{1} << 62;
constexpr int64_t kMaxLeeway = int64_t{1} << 40;
// FormatIsoUtc covers years 0000..9999: 9999-12-31T23:59:59Z.
constexpr int64_t kLastIsoSecond = 253402300799;

std::string Num(int64_t v) { return std::to_string(v); }
std::string Num(uint64_t v) { return std::to_string(v); }

std::string When(int64_t s) {
  if (s < 0 || s > kLastIsoSecond) return Num(s);
  std::string iso = core::FormatIsoUtc(s * 1000000);
  return Num(s) + " (" + iso.substr(0, 19) + "Z)";
}

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

/// A NumericDate (RFC 7519 section 2: seconds since the epoch, possibly non-integer) rounded up to
/// whole seconds; nullopt if `v` is not a number. Rounding up is exact for both comparisons made
/// with integer "now": now < exp  <=>  now < ceil(exp), and now >= nbf  <=>  now >= ceil(nbf).
std::optional<int64_t> NumericDateCeil(const Json& v) {
  if (v.is_number_unsigned()) {
    const uint64_t u = v.get<uint64_t>();
    return u > static_cast<uint64_t>(kMaxSeconds) ? kMaxSeconds : static_cast<int64_t>(u);
  }
  if (v.is_number_integer()) return std::clamp(v.get<int64_t>(), -kMaxSeconds, kMaxSeconds);
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (!std::isfinite(d)) return std::nullopt;
    const double c = std::ceil(d);
    if (c >= static_cast<double>(kMaxSeconds)) return kMaxSeconds;
    if (c <= -static_cast<double>(kMaxSeconds)) return -kMaxSeconds;
    return static_cast<int64_t>(c);
  }
  return std::nullopt;
}

std::string TypeName(const Json& v) { return v.type_name(); }

class Verifier {
 public:
  Verifier(const VerifyOptions& options) : options_(options) {
    leeway_ = std::clamp(options.leeway_s, int64_t{0}, kMaxLeeway);
  }

  Verification Run(std::string_view token, const Key* single, const std::vector<Key>* set) {
    if (!Structure(token)) return Finish();
    if (!Header()) return Finish();
    if (!Alg(single, set)) return Finish();
    const Key* key = single;
    Key selected;
    if (set) {
      if (!Kid(*set, &selected)) return Finish();
      key = &selected;
    }
    if (!KeyFits(*key)) return Finish();
    if (!Claims()) return Finish();
    Signature(*key);
    Exp();
    Nbf();
    Iss();
    Aud();
    return Finish();
  }

 private:
  void Pass(const char* check, std::string detail) { v_.checks.push_back({check, true, "", std::move(detail)}); }
  bool Fail(const char* check, std::string code, std::string detail) {
    if (v_.code.empty()) v_.code = code, v_.message = std::string(check) + ": " + detail;
    v_.checks.push_back({check, false, std::move(code), std::move(detail)});
    return false;
  }
  Verification Finish() {
    v_.ok = v_.code.empty();
    return std::move(v_);
  }

  bool Structure(std::string_view token) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t dot; (dot = token.find('.', start)) != std::string_view::npos; start = dot + 1) {
      parts.push_back(token.substr(start, dot - start));
    }
    parts.push_back(token.substr(start));
    if (parts.size() != 3) {
      std::string detail = "a JWS in compact serialization has 3 base64url parts separated by '.'; this token has " +
                           Num(static_cast<uint64_t>(parts.size()));
      if (parts.size() == 5) detail += " (a JWE: encrypted tokens are not supported)";
      return Fail("structure", kMalformedToken, detail);
    }
    header_b64_ = parts[0], payload_b64_ = parts[1], signature_b64_ = parts[2];
    signing_input_ = std::string(parts[0]) + "." + std::string(parts[1]);
    Pass("structure", "3 parts: header.payload.signature");
    return true;
  }

  bool Header() {
    auto bytes = Base64UrlDecode(header_b64_);
    if (!bytes.ok()) return Fail("header", kMalformedBase64url, "the header part: " + bytes.error().message);
    Json header = core::ParseBounded(bytes.value());
    if (header.is_discarded()) return Fail("header", kMalformedHeader, core::WhyNotJson(bytes.value(), "the header") + " (RFC 7515 section 4: a JOSE Header is UTF-8 JSON)");
    if (!header.is_object()) return Fail("header", kMalformedHeader, "the header is a JSON " + TypeName(header) + ", not an object");
    v_.header = header;
    if (!header.contains("alg")) return Fail("header", kMalformedHeader, "the header has no \"alg\" (RFC 7515 section 4.1.1)");
    if (!header["alg"].is_string()) return Fail("header", kMalformedHeader, "the header's \"alg\" is not a string");
    alg_ = header["alg"].get<std::string>();
    if (header.contains("kid")) {
      if (!header["kid"].is_string()) return Fail("header", kMalformedHeader, "the header's \"kid\" is not a string");
      kid_ = header["kid"].get<std::string>();
    }
    if (header.contains("crit")) {
      const Json& crit = header["crit"];
      if (!crit.is_array() || crit.empty()) {
        return Fail("header", kMalformedHeader, "\"crit\" must be a non-empty array (RFC 7515 section 4.1.11)");
      }
      return Fail("header", kUnsupportedCritical,
                  "\"crit\" lists " + crit.dump(-1, ' ', false, Json::error_handler_t::replace) +
                      ", extensions this verifier does not understand (RFC 7515 section 4.1.11)");
    }
    std::string detail = "alg " + Quoted(alg_);
    if (!kid_.empty()) detail += ", kid " + Quoted(kid_);
    if (header.contains("typ") && header["typ"].is_string()) detail += ", typ " + Quoted(header["typ"].get<std::string>());
    Pass("header", detail);
    return true;
  }

  bool Alg(const Key* single, const std::vector<Key>* set) {
    if (alg_ == "none") {
      return Fail("alg", kAlgNone, "unsecured tokens (alg \"none\", RFC 7518 section 3.6) are never accepted");
    }
    std::set<std::string> accepted;
    std::string source = "chosen by the verifier";
    if (!options_.algorithms.empty()) {
      for (Algorithm a : options_.algorithms) accepted.insert(AlgorithmName(a));
    } else {
      // Implied by the key types the verifier holds, never by the token.
      source = "implied by the verifier's key type";
      auto implied = [](const Key& k) { return k.type == KeyType::kOct ? "HS256" : "RS256"; };
      if (single) accepted.insert(implied(*single));
      if (set) {
        for (const Key& k : *set) accepted.insert(implied(k));
      }
    }
    std::string list;
    for (const std::string& a : accepted) list += (list.empty() ? "" : ", ") + a;
    if (!accepted.count(alg_)) {
      return Fail("alg", kUnexpectedAlgorithm,
                  "the token's alg " + Quoted(alg_) + " is not accepted (accepted: " + (list.empty() ? "none" : list) +
                      ", " + source + ")");
    }
    alg_value_ = *ParseAlgorithm(alg_);
    Pass("alg", alg_ + " is accepted (accepted: " + list + ", " + source + ")");
    return true;
  }

  bool Kid(const std::vector<Key>& set, Key* out) {
    auto key = SelectKey(set, kid_);
    if (!key.ok()) return Fail("kid", key.error().code, key.error().message);
    *out = key.value();
    Pass("kid", kid_.empty() ? "no kid; the set's only key is used" : "kid " + Quoted(kid_) + " found in the key set");
    return true;
  }

  bool KeyFits(const Key& key) {
    if (auto unusable = KeyUnusable(alg_value_, key, options_.policy, false)) {
      return Fail("key", unusable->code, unusable->message);
    }
    Pass("key", key.type == KeyType::kOct ? Num(static_cast<uint64_t>(key.SecretBytes())) + "-byte shared secret"
                                          : Num(static_cast<uint64_t>(key.RsaBits())) + "-bit RSA key");
    return true;
  }

  bool Claims() {
    auto bytes = Base64UrlDecode(payload_b64_);
    if (!bytes.ok()) return Fail("claims", kMalformedBase64url, "the payload part: " + bytes.error().message);
    Json claims = core::ParseBounded(bytes.value());
    if (claims.is_discarded()) {
      // A JWS may carry any payload; a JWT's is a Claims Set, a JSON object (RFC 7519 section 7.2).
      return Fail("claims", kMalformedClaims, core::WhyNotJson(bytes.value(), "the payload") + "; a JWT Claims Set is a JSON object (RFC 7519 section 7.2)");
    }
    if (!claims.is_object()) {
      return Fail("claims", kMalformedClaims,
                  "the payload is a JSON " + TypeName(claims) + "; a JWT Claims Set is an object (RFC 7519 section 7.2)");
    }
    v_.claims = claims;
    Pass("claims", "a JSON object with " + Num(static_cast<uint64_t>(claims.size())) + " claim(s)");
    return true;
  }

  void Signature(const Key& key) {
    auto bytes = Base64UrlDecode(signature_b64_);
    if (!bytes.ok()) {
      Fail("signature", kMalformedBase64url, "the signature part: " + bytes.error().message);
      return;
    }
    if (!SignatureValid(alg_value_, key, signing_input_, bytes.value())) {
      Fail("signature", kBadSignature, "the " + alg_ + " signature does not match the header and payload under this key");
      return;
    }
    Pass("signature", "valid " + alg_ + " signature");
  }

  std::string Leeway() const { return "leeway " + Num(leeway_) + " s"; }

  void Exp() {
    const Json& c = v_.claims;
    if (!c.contains("exp")) {
      if (options_.require_exp) {
        Fail("exp", kMalformedClaims, "the verifier requires an \"exp\" claim and the token has none");
      } else {
        Pass("exp", "no \"exp\" claim: the token does not expire");
      }
      return;
    }
    auto exp = NumericDateCeil(c["exp"]);
    if (!exp) {
      Fail("exp", kMalformedClaims, "\"exp\" is a " + TypeName(c["exp"]) + ", not a NumericDate number (RFC 7519 section 4.1.4)");
      return;
    }
    const int64_t now = options_.now_s;
    // RFC 7519 section 4.1.4: valid only while now < exp; the leeway extends that to exp + leeway.
    if (now >= *exp + leeway_) {
      Fail("exp", kTokenExpired,
           "expired at " + When(*exp) + "; now " + When(now) + " is " + Num(now - *exp) + " s later (" + Leeway() + ")");
      return;
    }
    Pass("exp", "expires at " + When(*exp) + "; now " + When(now) + " (" + Leeway() + ")");
  }

  void Nbf() {
    const Json& c = v_.claims;
    if (!c.contains("nbf")) {
      Pass("nbf", "no \"nbf\" claim");
      return;
    }
    auto nbf = NumericDateCeil(c["nbf"]);
    if (!nbf) {
      Fail("nbf", kMalformedClaims, "\"nbf\" is a " + TypeName(c["nbf"]) + ", not a NumericDate number (RFC 7519 section 4.1.5)");
      return;
    }
    const int64_t now = options_.now_s;
    // RFC 7519 section 4.1.5: valid once now >= nbf; the leeway moves that to nbf - leeway.
    if (now < *nbf - leeway_) {
      Fail("nbf", kTokenNotYetValid,
           "not valid before " + When(*nbf) + "; now " + When(now) + " is " + Num(*nbf - now) + " s earlier (" + Leeway() + ")");
      return;
    }
    Pass("nbf", "valid from " + When(*nbf) + "; now " + When(now) + " (" + Leeway() + ")");
  }

  void Iss() {
    const Json& c = v_.claims;
    if (c.contains("iss") && !c["iss"].is_string()) {
      Fail("iss", kMalformedClaims, "\"iss\" is a " + TypeName(c["iss"]) + ", not a string (RFC 7519 section 4.1.1)");
      return;
    }
    if (!options_.issuer) {
      Pass("iss", "not checked: the verifier expects no particular issuer");
      return;
    }
    if (!c.contains("iss")) {
      Fail("iss", kWrongIssuer, "no \"iss\" claim; expected " + Quoted(*options_.issuer));
      return;
    }
    const std::string iss = c["iss"].get<std::string>();
    if (iss != *options_.issuer) {
      Fail("iss", kWrongIssuer, "issuer " + Quoted(iss) + " is not the expected " + Quoted(*options_.issuer));
      return;
    }
    Pass("iss", "issuer " + Quoted(iss));
  }

  void Aud() {
    const Json& c = v_.claims;
    std::vector<std::string> audiences;
    if (c.contains("aud")) {
      const Json& aud = c["aud"];
      const bool ok = aud.is_string() || (aud.is_array() && std::all_of(aud.begin(), aud.end(),
                                                                         [](const Json& a) { return a.is_string(); }));
      if (!ok) {
        Fail("aud", kMalformedClaims, "\"aud\" must be a string or an array of strings (RFC 7519 section 4.1.3)");
        return;
      }
      if (aud.is_string()) {
        audiences.push_back(aud.get<std::string>());
      } else {
        for (const Json& a : aud) audiences.push_back(a.get<std::string>());
      }
    }
    if (!options_.audience) {
      Pass("aud", "not checked: the verifier expects no particular audience");
      return;
    }
    const std::string& want = *options_.audience;
    if (!c.contains("aud")) {
      Fail("aud", kWrongAudience, "no \"aud\" claim; expected " + Quoted(want));
      return;
    }
    if (std::find(audiences.begin(), audiences.end(), want) == audiences.end()) {
      Fail("aud", kWrongAudience,
           "the audience " + c["aud"].dump(-1, ' ', false, Json::error_handler_t::replace) + " does not include " + Quoted(want));
      return;
    }
    Pass("aud", "the audience includes " + Quoted(want));
  }

  const VerifyOptions& options_;
  int64_t leeway_ = 0;
  Verification v_;
  std::string_view header_b64_, payload_b64_, signature_b64_;
  std::string signing_input_;
  std::string alg_, kid_;
  Algorithm alg_value_ = Algorithm::kHS256;
};

}  // namespace

Json Verification::ToJson() const {
  Json list = Json::array();
  for (const Check& c : checks) list.push_back({{"check", c.check}, {"ok", c.ok}, {"code", c.code}, {"detail", c.detail}});
  return {{"ok", ok}, {"code", code}, {"message", message}, {"header", header}, {"claims", claims}, {"checks", list}};
}

core::Error Verification::ToError() const { return {code, message, 401}; }

Verification VerifyJwt(std::string_view token, const Key& key, const VerifyOptions& options) {
  return Verifier(options).Run(token, &key, nullptr);
}

Verification VerifyJwtWithKeys(std::string_view token, const std::vector<Key>& keys, const VerifyOptions& options) {
  return Verifier(options).Run(token, nullptr, &keys);
}

}  // namespace eventlab::cloud::auth
