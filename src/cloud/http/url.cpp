// Strict enough to reject garbage with a reason, lenient enough for what browsers send.
#include "cloud/http/url.h"

#include <cctype>

namespace eventlab::cloud::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool Fail(std::string* why, const char* reason) {
  if (why) *why = reason;
  return false;
}

}  // namespace

std::optional<std::string> PercentDecode(const std::string& text, bool plus_is_space) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = HexValue(text[i + 1]), lo = HexValue(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (text[i] == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string UriEncode(const std::string& text, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '_' || c == '.' || c == '~';
    if (unreserved || (keep_slash && c == '/')) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::optional<Url> ParseUrl(const std::string& text, std::string* why) {
  Url url;
  const size_t scheme_end = text.find("://");
  if (scheme_end == std::string::npos || scheme_end == 0) {
    Fail(why, "expected scheme://host/path");
    return std::nullopt;
  }
  url.scheme = text.substr(0, scheme_end);
  std::string rest = text.substr(scheme_end + 3);
  if (const size_t hash = rest.find('#'); hash != std::string::npos) rest.erase(hash);
  const size_t path_start = rest.find_first_of("/?");
  std::string authority = rest.substr(0, path_start);
  if (const size_t colon = authority.find(':'); colon != std::string::npos) authority.erase(colon);
  if (authority.empty()) {
    Fail(why, "the URL has no host");
    return std::nullopt;
  }
  for (char& c : authority) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  url.host = authority;
  std::string path_and_query = path_start == std::string::npos ? "/" : rest.substr(path_start);
  const size_t q = path_and_query.find('?');
  url.path = path_and_query.substr(0, q);
  if (url.path.empty()) url.path = "/";
  if (q == std::string::npos) return url;
  const std::string query = path_and_query.substr(q + 1);
  for (size_t start = 0; start <= query.size();) {
    size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    auto key = PercentDecode(pair.substr(0, eq), true);
    auto value = PercentDecode(eq == std::string::npos ? "" : pair.substr(eq + 1), true);
    if (!key || !value) {
      Fail(why, "bad percent-escape in the query string");
      return std::nullopt;
    }
    url.query.emplace_back(*key, *value);
  }
  return url;
}

}  // namespace eventlab::cloud::http
