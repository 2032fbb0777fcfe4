// IP address matching in filter policies ({"cidr": "10.0.0.0/24"}), as SNS does it through AWS's
// Event Ruler library (CIDR.java): IPv4 and IPv6, the same checks and error words.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace eventlab::cloud::topics {

/// A CIDR block: the lowest and highest address it covers, 4 or 16 bytes each.
struct CidrRange {
  size_t bytes = 4;
  std::array<uint8_t, 16> low{}, high{};
};

/// Parses a cidr pattern; on failure `*why` is Event Ruler's reason ("Malformed CIDR, one '/'
/// required", "IPv4 mask bits must be < 32", "Invalid IP address: x", ...).
std::optional<CidrRange> ParseCidr(const std::string& text, std::string* why);

/// True if `value` is an IP address literal of the block's family inside the block.
bool CidrContains(const CidrRange& range, const std::string& value);

}  // namespace eventlab::cloud::topics
