// Addresses are parsed with inet_pton (POSIX), so "1.2.3" or "::g" are not addresses; the checks
// and their order follow Event Ruler's CIDR.cidr().
#include "cloud/topics/cidr.h"

#include <arpa/inet.h>

#include <cstring>
#include <vector>

namespace eventlab::cloud::topics {
namespace {

// inet_pton for either family: the address bytes (4 or 16), or nullopt.
std::optional<std::vector<uint8_t>> AddressBytes(const std::string& text) {
  uint8_t buf[16];
  if (inet_pton(AF_INET, text.c_str(), buf) == 1) return std::vector<uint8_t>(buf, buf + 4);
  if (inet_pton(AF_INET6, text.c_str(), buf) == 1) return std::vector<uint8_t>(buf, buf + 16);
  return std::nullopt;
}

// Java's Integer.parseInt: an optional sign and decimal digits that fit 32 bits.
std::optional<int64_t> ParseJavaInt(const std::string& s) {
  size_t i = s.empty() || (s[0] != '+' && s[0] != '-') ? 0 : 1;
  if (i == s.size()) return std::nullopt;
  int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
    if (v > 2147483648LL) return std::nullopt;
  }
  v = s[0] == '-' ? -v : v;
  if (v > 2147483647LL) return std::nullopt;
  return v;
}

}  // namespace

std::optional<CidrRange> ParseCidr(const std::string& text, std::string* why) {
  // Java's split("/") drops trailing empty parts: "10.0.0.0/" is one part.
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    const size_t slash = text.find('/', start);
    parts.push_back(text.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  while (parts.size() > 1 && parts.back().empty()) parts.pop_back();
  if (parts.size() != 2) return *why = "Malformed CIDR, one '/' required", std::nullopt;
  auto mask = ParseJavaInt(parts[1]);
  if (!mask) return *why = "Malformed CIDR, mask bits must be an integer", std::nullopt;
  if (*mask < 0) return *why = "Malformed CIDR, mask bits must not be negative", std::nullopt;
  auto address = AddressBytes(parts[0]);
  if (!address) return *why = "Invalid IP address: " + parts[0], std::nullopt;
  if (address->size() == 4 && *mask > 31) return *why = "IPv4 mask bits must be < 32", std::nullopt;
  if (address->size() == 16 && *mask > 127) return *why = "IPv6 mask bits must be < 128", std::nullopt;
  CidrRange r;
  r.bytes = address->size();
  int64_t fixed = *mask;  // leading bits that stay as given; the rest span 0..1
  for (size_t i = 0; i < r.bytes; ++i, fixed -= 8) {
    const uint8_t keep = fixed >= 8 ? 0xFF : fixed <= 0 ? 0x00 : static_cast<uint8_t>(0xFF << (8 - fixed));
    r.low[i] = (*address)[i] & keep;
    r.high[i] = (*address)[i] | static_cast<uint8_t>(~keep);
  }
  return r;
}

bool CidrContains(const CidrRange& range, const std::string& value) {
  auto address = AddressBytes(value);
  if (!address || address->size() != range.bytes) return false;
  return std::memcmp(address->data(), range.low.data(), range.bytes) >= 0 &&
         std::memcmp(address->data(), range.high.data(), range.bytes) <= 0;
}

}  // namespace eventlab::cloud::topics
