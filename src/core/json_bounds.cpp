// The walks keep their own stack of (value, depth): a value nested 100,000 deep costs heap, not
// native stack, and the walk stops descending at the limit.
#include "core/json_bounds.h"

#include <vector>

namespace eventlab::core {
namespace {

// JSON pointer escaping (RFC 6901): "~" is "~0", "/" is "~1".
std::string PointerToken(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

}  // namespace

JsonMeasure Measure(const Json& value, uint32_t depth_limit) {
  JsonMeasure m;
  // Each container visited leaves a crumb (its parent's crumb and its own pointer token), so the
  // path to the first too-deep container can be spelled out without a second walk.
  struct Crumb {
    int64_t parent;
    std::string token;
  };
  struct Item {
    const Json* v;
    uint32_t depth;
    int64_t crumb;  // the crumb of this value itself
  };
  std::vector<Crumb> crumbs = {{-1, ""}};
  std::vector<Item> stack = {{&value, 0, 0}};
  int64_t too_deep = -1;
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    m.bytes += 16;
    if (item.v->is_string()) m.bytes += item.v->get_ref<const std::string&>().size();
    if (!item.v->is_structured()) continue;
    const uint32_t depth = item.depth + 1;
    if (depth > m.depth) m.depth = depth;
    if (depth > depth_limit) {
      if (too_deep < 0) too_deep = item.crumb;
      continue;
    }
    size_t index = 0;
    for (auto it = item.v->begin(); it != item.v->end(); ++it, ++index) {
      const bool is_object = item.v->is_object();
      if (is_object) m.bytes += it.key().size();
      int64_t crumb = -1;
      if (it.value().is_structured()) {
        crumbs.push_back({item.crumb, is_object ? PointerToken(it.key()) : std::to_string(index)});
        crumb = static_cast<int64_t>(crumbs.size()) - 1;
      }
      stack.push_back({&it.value(), depth, crumb});
    }
  }
  if (too_deep >= 0) {
    std::vector<const std::string*> tokens;
    for (int64_t c = too_deep; c > 0; c = crumbs[static_cast<size_t>(c)].parent) tokens.push_back(&crumbs[static_cast<size_t>(c)].token);
    for (auto t = tokens.rbegin(); t != tokens.rend(); ++t) m.too_deep_at += "/" + **t;
    if (m.too_deep_at.empty()) m.too_deep_at = "/";
  }
  return m;
}

Json ParseBounded(std::string_view text) {
  Json doc = Json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded() || Measure(doc).depth <= kMaxJsonDepth) return doc;
  return Json(Json::value_t::discarded);
}

std::string DumpText(const Json& value, int indent) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string DumpText(const nlohmann::ordered_json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t n = 0;
    uint32_t cp = 0;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) n = 1, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) n = 2, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) n = 3, cp = c & 0x07;
    else return false;
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= text.size()) return false;
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

std::string WhyNotJson(std::string_view text, const std::string& what) {
  if (!IsValidUtf8(text)) return what + " is not valid UTF-8";
  const Json doc = Json::parse(text.begin(), text.end(), nullptr, false);
  if (!doc.is_discarded()) return what + " nests deeper than " + std::to_string(kMaxJsonDepth) + " levels";
  return what + " is text, not JSON: " + DumpText(Json(SnippetText(text, 60)));
}

size_t Utf8Boundary(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  size_t n = max_bytes;
  // Step back over continuation bytes (10xxxxxx) so the cut falls before a lead byte.
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return n;
}

std::string SnippetText(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  return std::string(text.substr(0, Utf8Boundary(text, max_bytes))) + "...";
}

std::string Snippet(const Json& value, size_t max_bytes) {
  // A huge value is measured first so that it is not printed whole just to be cut.
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    if (s.size() > max_bytes) return DumpText(Json(s.substr(0, Utf8Boundary(s, max_bytes)))) + "...";
  } else if (value.is_structured() && Measure(value, kMaxJsonDepth).bytes > 16 * max_bytes) {
    return value.is_array() ? "[... " + std::to_string(value.size()) + " items]"
                            : "{... " + std::to_string(value.size()) + " keys}";
  }
  return SnippetText(DumpText(value), max_bytes);
}

}  // namespace eventlab::core
