// Matching follows the SNS developer guide ("Amazon SNS message filtering": filter policy
// constraints, AND/OR logic, string and numeric matching, key matching). Numbers compare in fixed
// point (5 decimal places, the precision SNS documents), so no floating point reaches a decision.
#include "cloud/topics/filter_policy.h"

#include "cloud/topics/cidr.h"
#include "core/json_bounds.h"

#include <cctype>
#include <cstdint>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace eventlab::cloud::topics {
namespace {

// SNS filter policy constraints (SNS developer guide, "Filter policy constraints"): numbers from
// -1,000,000,000 to 1,000,000,000 with five digits after the decimal point; at most 5 keys in a
// policy; at most 150 combinations of values across keys.
constexpr int64_t kFixedScale = 100000;
constexpr int64_t kMaxNumber = 1000000000;
constexpr size_t kMaxKeys = 5;
constexpr uint64_t kMaxCombinations = 150;

// Decimal text ("12.5", "-3", "1e-05") to fixed point with 5 decimals, truncating finer digits;
// nullopt when it is not a number or lies beyond ±10^9.
std::optional<int64_t> ParseFixed(std::string_view s) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  std::string digits;
  int64_t point = -1;
  for (; i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'); ++i) {
    if (s[i] == '.') {
      if (point >= 0) return std::nullopt;
      point = static_cast<int64_t>(digits.size());
    } else {
      digits += s[i];
    }
  }
  if (digits.empty()) return std::nullopt;
  if (point < 0) point = static_cast<int64_t>(digits.size());
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) exp_negative = s[i++] == '-';
    int64_t exp = 0;
    size_t start = i;
    for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) {
      exp = exp * 10 + (s[i] - '0');
      if (exp > 1000) return std::nullopt;
    }
    if (i == start) return std::nullopt;
    point += exp_negative ? -exp : exp;
  }
  if (i != s.size()) return std::nullopt;
  // The digits with the decimal point at `point`: whole part, then 5 fraction digits.
  int64_t whole = 0, fraction = 0;
  for (int64_t k = 0; k < point + 5; ++k) {
    const int d = k >= 0 && k < static_cast<int64_t>(digits.size()) ? digits[static_cast<size_t>(k)] - '0' : 0;
    if (k < point) {
      whole = whole * 10 + d;
      if (whole > kMaxNumber) return std::nullopt;
    } else {
      fraction = fraction * 10 + d;
    }
  }
  if (whole == kMaxNumber && fraction != 0) return std::nullopt;
  const int64_t v = whole * kFixedScale + fraction;
  return negative ? -v : v;
}

std::optional<int64_t> ToFixed(const Json& v) {
  if (v.is_number_integer() || v.is_number_unsigned()) {
    if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(kMaxNumber)) return std::nullopt;
    const int64_t n = v.is_number_unsigned() ? static_cast<int64_t>(v.get<uint64_t>()) : v.get<int64_t>();
    if (n > kMaxNumber || n < -kMaxNumber) return std::nullopt;
    return n * kFixedScale;
  }
  // A float's shortest round-trip text is the same on every platform; parse it as decimal.
  if (v.is_number_float()) return ParseFixed(core::DumpText(v));
  return std::nullopt;
}

bool StartsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
bool EndsWith(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}
std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Exact equality of a policy literal and a value: strings with strings, numbers with numbers.
bool LiteralEquals(const Json& literal, const Json& v) {
  if (literal.is_string()) return v.is_string() && v == literal;
  if (literal.is_number()) {
    if (!v.is_number()) return false;
    auto a = ToFixed(literal), b = ToFixed(v);
    return a && b && *a == *b;
  }
  if (literal.is_boolean()) return v.is_boolean() && v == literal;
  if (literal.is_null()) return v.is_null();
  return false;
}

bool NumericHolds(const std::string& op, int64_t value, int64_t bound) {
  if (op == "=") return value == bound;
  if (op == "<") return value < bound;
  if (op == "<=") return value <= bound;
  if (op == ">") return value > bound;
  if (op == ">=") return value >= bound;
  return false;
}

// One condition against one scalar value (a list value is tried element by element).
bool MatchScalar(const Json& cond, const Json& v) {
  if (!cond.is_object()) return LiteralEquals(cond, v);
  const std::string op = cond.begin().key();
  const Json& arg = cond.begin().value();
  if (op == "prefix") return v.is_string() && StartsWith(v.get<std::string>(), arg.get<std::string>());
  if (op == "suffix") return v.is_string() && EndsWith(v.get<std::string>(), arg.get<std::string>());
  if (op == "equals-ignore-case") return v.is_string() && Lower(v.get<std::string>()) == Lower(arg.get<std::string>());
  if (op == "cidr") {
    std::string why;
    auto range = ParseCidr(arg.get<std::string>(), &why);  // validated when the policy was set
    return range && v.is_string() && CidrContains(*range, v.get<std::string>());
  }
  if (op == "anything-but") {
    if (arg.is_object()) {
      const std::string inner = arg.begin().key(), text = arg.begin().value().get<std::string>();
      if (!v.is_string()) return false;
      return inner == "prefix" ? !StartsWith(v.get<std::string>(), text) : !EndsWith(v.get<std::string>(), text);
    }
    if (arg.is_array()) {
      for (const Json& a : arg) {
        if (LiteralEquals(a, v)) return false;
      }
      return true;
    }
    return !LiteralEquals(arg, v);
  }
  if (op == "numeric") {
    auto value = ToFixed(v);
    if (!value) return false;
    for (size_t i = 0; i + 1 < arg.size(); i += 2) {
      auto bound = ToFixed(arg[i + 1]);
      if (!bound || !NumericHolds(arg[i].get<std::string>(), *value, *bound)) return false;
    }
    return true;
  }
  return false;
}

// The values a policy key is matched against: a scalar itself, and every element of an array,
// arrays inside arrays included (SNS flattens a body's nested arrays before matching, as Event
// Ruler does). `value` comes from a parsed body, which nests at most core::kMaxJsonDepth levels.
void Flatten(const Json& value, std::vector<const Json*>& out) {
  if (!value.is_array()) return out.push_back(&value);
  for (const Json& e : value) Flatten(e, out);
}

// A key's condition list against its value (nullptr when the key is missing): any condition.
bool MatchKey(const Json& conditions, const Json* value) {
  std::vector<const Json*> values;
  if (value) Flatten(*value, values);
  for (const Json& cond : conditions) {
    if (cond.is_object() && cond.contains("exists")) {
      if (cond["exists"].get<bool>() == (value != nullptr)) return true;
      continue;
    }
    for (const Json* v : values) {
      if (MatchScalar(cond, *v)) return true;
    }
  }
  return false;
}

std::string ValidateCondition(const Json& c) {
  if (c.is_string() || c.is_boolean() || c.is_null()) return "";
  if (c.is_number()) return ToFixed(c) ? "" : "Value of " + core::DumpText(c) + " is out of range";
  if (!c.is_object() || c.size() != 1) return "Match value must be String, number, true, false, or null";
  const std::string op = c.begin().key();
  const Json& arg = c.begin().value();
  if (op == "prefix" || op == "suffix" || op == "equals-ignore-case") {
    return arg.is_string() ? "" : op + " match pattern must be a string";
  }
  if (op == "exists") return arg.is_boolean() ? "" : "exists match pattern must be either true or false.";
  if (op == "cidr") {
    // Event Ruler answers a non-string cidr with its prefix wording.
    if (!arg.is_string()) return "prefix match pattern must be a string";
    std::string why;
    return ParseCidr(arg.get<std::string>(), &why) ? "" : why;
  }
  if (op == "anything-but") {
    if (arg.is_string()) return "";
    if (arg.is_number()) return ToFixed(arg) ? "" : "Value of " + core::DumpText(arg) + " is out of range";
    if (arg.is_object()) {
      if (arg.size() == 1 && (arg.contains("prefix") || arg.contains("suffix")) && arg.begin().value().is_string()) return "";
      return "Unsupported anything-but pattern: " + core::DumpText(arg);
    }
    if (arg.is_array() && !arg.empty()) {
      for (const Json& a : arg) {
        if (!a.is_string() && !(a.is_number() && ToFixed(a))) return "Inside anything but list, start|null|boolean is not supported.";
      }
      return "";
    }
    return "Value of anything-but must be an array or single string/number value.";
  }
  if (op == "numeric") {
    static const std::set<std::string> kOps = {"=", "<", "<=", ">", ">="};
    if (!arg.is_array() || (arg.size() != 2 && arg.size() != 4)) return "Value of numeric must be an array.";
    for (size_t i = 0; i < arg.size(); i += 2) {
      if (!arg[i].is_string() || !kOps.count(arg[i].get<std::string>())) return "Unrecognized numeric range operator: " + core::DumpText(arg[i]);
      if (!arg[i + 1].is_number() || !ToFixed(arg[i + 1])) return "Value of " + core::DumpText(arg[i + 1]) + " is out of range";
    }
    if (arg.size() == 4) {
      const std::string lo = arg[0].get<std::string>(), hi = arg[2].get<std::string>();
      if ((lo != ">" && lo != ">=") || (hi != "<" && hi != "<=")) return "Bad numeric range operator";
      if (*ToFixed(arg[1]) >= *ToFixed(arg[3])) return "Bottom must be less than top";
    }
    return "";
  }
  return "Unrecognized match type " + op;
}

// Validates one (sub-)policy; multiplies `combinations` by each key's number of values.
std::string ValidateObject(const Json& policy, FilterScope scope, uint64_t& combinations, int depth) {
  if (!policy.is_object()) return "Filter policy must be a JSON object";
  if (depth > 5) return "Filter policy nesting is too deep";
  size_t keys = 0;
  for (auto it = policy.begin(); it != policy.end(); ++it) {
    const Json& v = it.value();
    if (it.key() == "$or") {
      if (!v.is_array() || v.size() < 2) return "$or must be an array of at least two filter policies";
      uint64_t sum = 0;
      for (const Json& sub : v) {
        uint64_t c = 1;
        if (auto why = ValidateObject(sub, scope, c, depth + 1); !why.empty()) return why;
        sum += c;
      }
      combinations *= sum;
      continue;
    }
    ++keys;
    if (v.is_object()) {
      if (scope == FilterScope::kMessageAttributes) return "\"" + it.key() + "\" must be an object or an array";
      if (auto why = ValidateObject(v, scope, combinations, depth + 1); !why.empty()) return why;
      continue;
    }
    if (!v.is_array() || v.empty()) return "\"" + it.key() + "\" must be an object or an array";
    for (const Json& c : v) {
      if (auto why = ValidateCondition(c); !why.empty()) return why;
    }
    combinations *= v.size();
    if (combinations > kMaxCombinations) break;
  }
  if (keys > kMaxKeys) return "Filter policy can not have more than " + std::to_string(kMaxKeys) + " keys";
  if (combinations > kMaxCombinations) return "Filter policy is too complex";
  return "";
}

}  // namespace

std::string ValidateFilterPolicy(const Json& policy, FilterScope scope) {
  uint64_t combinations = 1;
  return ValidateObject(policy, scope, combinations, 0);
}

Json FilterDocument(const Json& attributes) {
  Json doc = Json::object();
  if (!attributes.is_object()) return doc;
  for (auto it = attributes.begin(); it != attributes.end(); ++it) {
    const Json& a = it.value();
    if (!a.is_object()) continue;
    const std::string type = a.value("DataType", "");
    const std::string text = a.contains("StringValue") && a["StringValue"].is_string() ? a["StringValue"].get<std::string>() : "";
    if (type.rfind("String.Array", 0) == 0) {
      Json list = core::ParseBounded(text);
      if (list.is_array()) doc[it.key()] = list;
    } else if (type.rfind("Number", 0) == 0) {
      Json n = core::ParseBounded(text);
      if (n.is_number()) doc[it.key()] = n;
    } else if (type.rfind("String", 0) == 0) {
      doc[it.key()] = text;
    }
  }
  return doc;
}

bool MatchesFilterPolicy(const Json& policy, const Json& doc) {
  if (!policy.is_object()) return true;
  for (auto it = policy.begin(); it != policy.end(); ++it) {
    const Json& cond = it.value();
    if (it.key() == "$or") {
      bool any = false;
      for (const Json& sub : cond) any = any || MatchesFilterPolicy(sub, doc);
      if (!any) return false;
      continue;
    }
    const Json* value = doc.is_object() && doc.contains(it.key()) ? &doc[it.key()] : nullptr;
    if (cond.is_object()) {
      // A nested policy (MessageBody scope) against the nested object, or any object of a list.
      if (value && value->is_array()) {
        std::vector<const Json*> items;
        Flatten(*value, items);
        bool any = false;
        for (const Json* e : items) any = any || MatchesFilterPolicy(cond, *e);
        if (!any) return false;
      } else if (!MatchesFilterPolicy(cond, value && value->is_object() ? *value : Json::object())) {
        return false;
      }
      continue;
    }
    if (!MatchKey(cond, value)) return false;
  }
  return true;
}

}  // namespace eventlab::cloud::topics
