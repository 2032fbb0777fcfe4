#include "grading/variants.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "core/json_bounds.h"

namespace eventlab::grading {
namespace {

// FNV-1a 64 (http://www.isthe.com/chongo/tech/comp/fnv/): offset basis and prime.
constexpr uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

uint64_t Fnv1a(std::string_view bytes) {
  uint64_t h = kFnvOffset;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string ValueText(const Json& v) { return v.is_string() ? v.get<std::string>() : core::DumpText(v); }

void SubstituteString(Json& value, const Json& variant, const std::string& path, scenario::Problems& p) {
  const std::string s = value.get<std::string>();
  if (s.find("{{") == std::string::npos) return;
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t open = s.find("{{", i);
    if (open == std::string::npos) {
      out += s.substr(i);
      break;
    }
    size_t close = s.find("}}", open + 2);
    std::string name = close == std::string::npos ? "" : s.substr(open + 2, close - open - 2);
    bool is_name = !name.empty() && std::all_of(name.begin(), name.end(), IsNameChar);
    if (!is_name) {  // not a placeholder: keep the braces as written
      out += s.substr(i, open + 2 - i);
      i = open + 2;
      continue;
    }
    auto it = variant.find(name);
    if (it == variant.end()) {
      p.Add(path, "unknown variant parameter {{" + name + "}}" +
                      (variant.empty() ? " (the exercise has no variants)" : ""));
      return;
    }
    if (open == 0 && close + 2 == s.size()) {
      value = *it;
      return;
    }
    out += s.substr(i, open - i) + ValueText(*it);
    i = close + 2;
  }
  value = out;
}

}  // namespace

Json DrawVariant(const Json& variants, const std::optional<std::string>& learner) {
  Json out = Json::object();
  if (!variants.is_object()) return out;
  for (const auto& [name, values] : variants.items()) {
    if (!values.is_array() || values.empty()) continue;
    size_t pick = learner ? Fnv1a(*learner + '\n' + name) % values.size() : 0;
    out[name] = values[pick];
  }
  return out;
}

void Substitute(Json& doc, const Json& variant, const std::string& path, scenario::Problems& p) {
  if (doc.is_string()) SubstituteString(doc, variant, path, p);
  else if (doc.is_array())
    for (size_t i = 0; i < doc.size(); ++i) Substitute(doc[i], variant, scenario::Child(path, i), p);
  else if (doc.is_object())
    for (auto& [key, value] : doc.items()) Substitute(value, variant, scenario::Child(path, key), p);
}

}  // namespace eventlab::grading
