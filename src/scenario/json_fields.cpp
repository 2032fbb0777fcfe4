// Field readers that never throw: every type is checked before get<T>().
#include "scenario/json_fields.h"

#include <algorithm>

namespace eventlab::scenario {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

std::string Child(const std::string& base, const std::string& key) {
  std::string escaped;
  for (char c : key) {
    if (c == '~') escaped += "~0";
    else if (c == '/') escaped += "~1";
    else escaped += c;
  }
  return base + "/" + escaped;
}

std::string Child(const std::string& base, size_t index) { return base + "/" + std::to_string(index); }

std::string TypeName(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_float: return "a fractional number";
    default: return "a number";
  }
}

bool CheckKeys(const Json& obj, const std::string& path, const std::vector<std::string>& allowed, Problems& p) {
  bool clean = true;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end()) continue;
    std::vector<std::string> sorted = allowed;
    std::sort(sorted.begin(), sorted.end());
    p.Add(Child(path, it.key()), "unknown key (expected one of: " + Join(sorted) + ")");
    clean = false;
  }
  return clean;
}

bool CheckKeys(const Json& obj, const std::string& path, std::initializer_list<const char*> allowed, Problems& p) {
  return CheckKeys(obj, path, std::vector<std::string>(allowed.begin(), allowed.end()), p);
}

std::optional<std::string> ReadString(const Json& obj, const char* key, const std::string& path, Problems& p,
                                      std::optional<std::string> fallback) {
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  if (!it->is_string()) {
    p.Add(Child(path, key), "expected a string, got " + TypeName(*it));
    return std::nullopt;
  }
  return it->get<std::string>();
}

std::optional<uint64_t> ReadUnsigned(const Json& obj, const char* key, const std::string& path, Problems& p,
                                     uint64_t min, uint64_t max, uint64_t fallback) {
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  const std::string range = " from " + std::to_string(min) + " to " + std::to_string(max);
  if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<int64_t>() >= 0)) {
    p.Add(Child(path, key), "expected an integer" + range + ", got " + (it->is_number() ? it->dump() : TypeName(*it)));
    return std::nullopt;
  }
  const uint64_t v = it->get<uint64_t>();
  if (v < min || v > max) {
    p.Add(Child(path, key), "must be an integer" + range + ", got " + std::to_string(v));
    return std::nullopt;
  }
  return v;
}

std::optional<core::SimTime> ParseDurationAt(const Json& v, const std::string& path, Problems& p) {
  if (!v.is_string()) {
    p.Add(path, "expected a duration string such as \"250ms\" or \"1.5s\", got " + TypeName(v));
    return std::nullopt;
  }
  std::string why;
  auto d = core::ParseDuration(v.get<std::string>(), &why);
  if (!d) p.Add(path, "bad duration \"" + v.get<std::string>() + "\": " + why);
  return d;
}

std::optional<core::SimTime> ReadDuration(const Json& obj, const char* key, const std::string& path, Problems& p,
                                          core::SimTime min, core::SimTime max, core::SimTime fallback) {
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  auto d = ParseDurationAt(*it, Child(path, key), p);
  if (!d) return std::nullopt;
  if (*d < min || *d > max) {
    p.Add(Child(path, key), "must be from " + core::FormatDuration(min) + " to " + core::FormatDuration(max) +
                                ", got " + core::FormatDuration(*d));
    return std::nullopt;
  }
  return d;
}

bool IsResourceName(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

bool IsVariableName(const std::string& s) {
  if (s.empty() || s.size() > 64 || (s[0] >= '0' && s[0] <= '9')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace eventlab::scenario
