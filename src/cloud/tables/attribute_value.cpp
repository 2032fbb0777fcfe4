// Numbers are kept as exact decimals (digits and a power of ten) so that ordering, equality and
// arithmetic never go through floating point.
#include "cloud/tables/attribute_value.h"
#include "core/json_bounds.h"

#include <algorithm>
#include <set>
#include <vector>

namespace eventlab::cloud::tables {
namespace {

constexpr const char* kEmptyValue =
    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
constexpr const char* kNotANumber = "A value provided cannot be converted into a number";
constexpr const char* kTypes[] = {"S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"};

/// value = digits * 10^exponent; zero has empty digits.
struct Decimal {
  bool negative = false;
  std::string digits;
  int32_t exponent = 0;
};

std::optional<Decimal> Parse(const std::string& s) {
  Decimal d;
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) d.negative = s[i++] == '-';
  std::string int_part, frac_part;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') int_part += s[i++];
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') frac_part += s[i++];
  }
  if (int_part.empty() && frac_part.empty()) return std::nullopt;
  int64_t exp = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) exp_negative = s[i++] == '-';
    if (i >= s.size()) return std::nullopt;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      exp = std::min<int64_t>(exp * 10 + (s[i++] - '0'), 100000);
    }
    if (exp_negative) exp = -exp;
  }
  if (i != s.size()) return std::nullopt;
  d.digits = int_part + frac_part;
  exp -= static_cast<int64_t>(frac_part.size());
  const size_t first = d.digits.find_first_not_of('0');
  d.digits = first == std::string::npos ? "" : d.digits.substr(first);
  while (!d.digits.empty() && d.digits.back() == '0') {
    d.digits.pop_back();
    ++exp;
  }
  if (d.digits.empty()) return Decimal{};
  if (exp > 1000000 || exp < -1000000) exp = exp > 0 ? 1000000 : -1000000;
  d.exponent = static_cast<int32_t>(exp);
  return d;
}

/// Exponent of the leading digit: 123 -> 2, 0.05 -> -2.
int64_t Adjusted(const Decimal& d) { return static_cast<int64_t>(d.digits.size()) - 1 + d.exponent; }

std::optional<std::string> NumberProblem(const std::string& s) {
  auto d = Parse(s);
  if (!d) return kNotANumber;
  if (d->digits.empty()) return std::nullopt;
  // DynamoDB numbers: up to 38 digits of precision, positive and negative magnitudes from 1E-130
  // to 9.9999999999999999999999999999999999999E+125 (DynamoDB developer guide, data types).
  if (d->digits.size() > 38) return "Attempting to store more than 38 significant digits in a Number";
  if (Adjusted(*d) > 125) return "Number overflow. Attempting to store a number with magnitude larger than supported range";
  if (Adjusted(*d) < -130) return "Number underflow. Attempting to store a number with magnitude smaller than supported range";
  return std::nullopt;
}

std::string Format(const Decimal& d) {
  if (d.digits.empty()) return "0";
  std::string out = d.negative ? "-" : "";
  if (d.exponent >= 0) return out + d.digits + std::string(d.exponent, '0');
  const int64_t point = static_cast<int64_t>(d.digits.size()) + d.exponent;
  if (point > 0) return out + d.digits.substr(0, point) + "." + d.digits.substr(point);
  return out + "0." + std::string(-point, '0') + d.digits;
}

int CompareMagnitude(const Decimal& a, const Decimal& b) {
  if (a.digits.empty() || b.digits.empty()) return a.digits.empty() == b.digits.empty() ? 0 : (a.digits.empty() ? -1 : 1);
  if (Adjusted(a) != Adjusted(b)) return Adjusted(a) < Adjusted(b) ? -1 : 1;
  const int c = a.digits.compare(b.digits);  // same leading exponent: digit strings compare directly
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

/// Unsigned digit-string arithmetic on equal-length strings.
std::string AddDigits(const std::string& a, const std::string& b) {
  std::string out(a.size() + 1, '0');
  int carry = 0;
  for (size_t i = a.size(); i-- > 0;) {
    const int s = (a[i] - '0') + (b[i] - '0') + carry;
    out[i + 1] = static_cast<char>('0' + s % 10);
    carry = s / 10;
  }
  out[0] = static_cast<char>('0' + carry);
  return out;
}

std::string SubtractDigits(const std::string& a, const std::string& b) {  // a >= b
  std::string out(a.size(), '0');
  int borrow = 0;
  for (size_t i = a.size(); i-- > 0;) {
    int s = (a[i] - '0') - (b[i] - '0') - borrow;
    borrow = s < 0;
    if (s < 0) s += 10;
    out[i] = static_cast<char>('0' + s);
  }
  return out;
}

std::string Utf8Safe(const Json& v) { return v.is_string() ? v.get<std::string>() : core::DumpText(v); }

std::optional<std::string> CheckSet(const std::string& type, Json& elements) {
  if (!elements.is_array()) return std::string(kEmptyValue);
  if (elements.empty()) {
    // DynamoDB's own wording, double space included.
    if (type == "SS") return "One or more parameter values were invalid: An string set  may not be empty";
    if (type == "NS") return "One or more parameter values were invalid: An number set  may not be empty";
    return "One or more parameter values were invalid: Binary sets should not be empty";
  }
  std::set<std::string> seen;
  std::string listed;
  bool duplicate = false;
  for (Json& e : elements) {
    if (!e.is_string()) return "One or more parameter values were invalid: " + type + " elements must be strings";
    if (type == "NS") {
      if (auto p = NumberProblem(e.get<std::string>())) return p;
      e = CanonicalNumber(e.get<std::string>());
    }
    listed += (listed.empty() ? "" : ", ") + e.get<std::string>();
    if (!seen.insert(e.get<std::string>()).second) duplicate = true;
  }
  if (duplicate) return "One or more parameter values were invalid: Input collection [" + listed + "] contains duplicates.";
  return std::nullopt;
}

}  // namespace

bool IsNumber(const std::string& text) { return !NumberProblem(text).has_value(); }

std::string CanonicalNumber(const std::string& text) {
  auto d = Parse(text);
  return d ? Format(*d) : text;
}

int CompareNumbers(const std::string& a, const std::string& b) {
  Decimal x = Parse(a).value_or(Decimal{}), y = Parse(b).value_or(Decimal{});
  if (x.digits.empty()) x.negative = false;
  if (y.digits.empty()) y.negative = false;
  if (x.negative != y.negative) return x.negative ? -1 : 1;
  const int m = CompareMagnitude(x, y);
  return x.negative ? -m : m;
}

std::string AddNumbers(const std::string& a, const std::string& b, bool subtract) {
  Decimal x = Parse(a).value_or(Decimal{}), y = Parse(b).value_or(Decimal{});
  if (subtract) y.negative = !y.negative;
  if (x.digits.empty()) return Format(y.digits.empty() ? Decimal{} : y);
  if (y.digits.empty()) return Format(x);
  const int32_t e = std::min(x.exponent, y.exponent);
  std::string xs = x.digits + std::string(x.exponent - e, '0');
  std::string ys = y.digits + std::string(y.exponent - e, '0');
  const size_t width = std::max(xs.size(), ys.size());
  xs.insert(0, width - xs.size(), '0');
  ys.insert(0, width - ys.size(), '0');
  Decimal r;
  r.exponent = e;
  if (x.negative == y.negative) {
    r.negative = x.negative;
    r.digits = AddDigits(xs, ys);
  } else if (xs >= ys) {
    r.negative = x.negative;
    r.digits = SubtractDigits(xs, ys);
  } else {
    r.negative = y.negative;
    r.digits = SubtractDigits(ys, xs);
  }
  return CanonicalNumber(Format(Decimal{r.negative, r.digits.empty() ? "0" : r.digits, r.exponent}));
}

std::optional<std::string> ValidateAttributeValue(Json& value) {
  if (!value.is_object() || value.empty()) return std::string(kEmptyValue);
  int known = 0;
  for (const char* t : kTypes) known += value.contains(t);
  if (known == 0) return std::string(kEmptyValue);
  if (known > 1 || value.size() > 1) {
    return "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
  }
  auto it = value.begin();
  const std::string type = it.key();
  Json& v = it.value();
  if (type == "S" || type == "B") {
    if (!v.is_string()) return "One or more parameter values were invalid: " + type + " must be a string, got " + Utf8Safe(v);
  } else if (type == "N") {
    if (!v.is_string()) return std::string(kNotANumber);
    if (auto p = NumberProblem(v.get<std::string>())) return p;
    v = CanonicalNumber(v.get<std::string>());
  } else if (type == "BOOL") {
    if (!v.is_boolean()) return "One or more parameter values were invalid: BOOL must be true or false";
  } else if (type == "NULL") {
    if (v != Json(true)) return "One or more parameter values were invalid: Null attribute value types must have the value of true";
  } else if (type == "M") {
    if (!v.is_object()) return "One or more parameter values were invalid: M must be an object";
    for (auto& [k, e] : v.items()) {
      if (auto p = ValidateAttributeValue(e)) return p;
    }
  } else if (type == "L") {
    if (!v.is_array()) return "One or more parameter values were invalid: L must be an array";
    for (Json& e : v) {
      if (auto p = ValidateAttributeValue(e)) return p;
    }
  } else {
    return CheckSet(type, v);
  }
  return std::nullopt;
}

std::optional<std::string> ValidateItem(Json& item) {
  if (!item.is_object()) return std::string("One or more parameter values were invalid: an item is a map of attribute names to values");
  for (auto& [name, value] : item.items()) {
    if (name.empty()) return std::string("One or more parameter values were invalid: An attribute name cannot be empty");
    if (auto p = ValidateAttributeValue(value)) return p;
  }
  return std::nullopt;
}

std::string TypeOf(const Json& value) { return value.is_object() && !value.empty() ? value.begin().key() : ""; }

std::optional<int> CompareValues(const Json& a, const Json& b) {
  const std::string t = TypeOf(a);
  if (t != TypeOf(b) || (t != "S" && t != "N" && t != "B")) return std::nullopt;
  const std::string x = a.begin()->get<std::string>(), y = b.begin()->get<std::string>();
  if (t == "N") return CompareNumbers(x, y);
  // Strings compare by their UTF-8 bytes, binaries by their bytes, both unsigned.
  const int c = t == "S" ? x.compare(y) : DecodeBase64(x).compare(DecodeBase64(y));
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

bool ValuesEqual(const Json& a, const Json& b) {
  const std::string t = TypeOf(a);
  if (t.empty() || t != TypeOf(b)) return false;
  if (auto c = CompareValues(a, b)) return *c == 0;
  const Json& x = *a.begin();
  const Json& y = *b.begin();
  if (t == "SS" || t == "NS" || t == "BS") {
    if (!x.is_array() || !y.is_array() || x.size() != y.size()) return false;
    for (const Json& e : x) {
      bool found = false;
      for (const Json& f : y) found = found || ValuesEqual(Json{{t.substr(0, 1), e}}, Json{{t.substr(0, 1), f}});
      if (!found) return false;
    }
    return true;
  }
  if (t == "M") {
    if (!x.is_object() || !y.is_object() || x.size() != y.size()) return false;
    for (auto& [k, e] : x.items()) {
      if (!y.contains(k) || !ValuesEqual(e, y[k])) return false;
    }
    return true;
  }
  if (t == "L") {
    if (!x.is_array() || !y.is_array() || x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (!ValuesEqual(x[i], y[i])) return false;
    }
    return true;
  }
  return x == y;
}

uint64_t ValueSize(const Json& value) {
  const std::string t = TypeOf(value);
  if (t.empty()) return 0;
  const Json& v = *value.begin();
  if (t == "S") return v.is_string() ? v.get<std::string>().size() : 0;
  if (t == "B") return v.is_string() ? DecodeBase64(v.get<std::string>()).size() : 0;
  if (t == "N") {
    auto d = Parse(v.is_string() ? v.get<std::string>() : "0");
    const uint64_t digits = d ? std::max<uint64_t>(d->digits.size(), 1) : 1;
    return (digits + 1) / 2 + 1;
  }
  if (t == "BOOL" || t == "NULL") return 1;
  uint64_t total = 0;
  if (t == "SS" || t == "NS" || t == "BS") {
    for (const Json& e : v) total += ValueSize(Json{{t.substr(0, 1), e}});
    return total;
  }
  total = 3;
  if (t == "M") {
    for (auto& [k, e] : v.items()) total += 1 + k.size() + ValueSize(e);
  } else {
    for (const Json& e : v) total += 1 + ValueSize(e);
  }
  return total;
}

uint64_t ItemSize(const Json& item) {
  uint64_t total = 0;
  if (!item.is_object()) return 0;
  for (auto& [name, value] : item.items()) total += name.size() + ValueSize(value);
  return total;
}

std::string DecodeBase64(const std::string& text) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+' || c == '-') v = 62;
    else if (c == '/' || c == '_') v = 63;
    else continue;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

}  // namespace eventlab::cloud::tables
