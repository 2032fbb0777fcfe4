// 128-bit arithmetic in 32-bit limbs (no __int128, which not every target offers) and the even
// split of the hash key space.
#include "cloud/streams/shard_router.h"

#include <mbedtls/md5.h>

#include <array>

namespace eventlab::cloud::streams {
namespace {

using Limbs = std::array<uint32_t, 4>;  // most significant first

Limbs ToLimbs(U128 v) {
  return {static_cast<uint32_t>(v.hi >> 32), static_cast<uint32_t>(v.hi), static_cast<uint32_t>(v.lo >> 32),
          static_cast<uint32_t>(v.lo)};
}

U128 FromLimbs(const Limbs& l) {
  return {(uint64_t{l[0]} << 32) | l[1], (uint64_t{l[2]} << 32) | l[3]};
}

// Divides in place by a small divisor; returns the remainder.
uint32_t DivideSmall(Limbs& l, uint32_t divisor) {
  uint64_t rem = 0;
  for (uint32_t& limb : l) {
    const uint64_t cur = (rem << 32) | limb;
    limb = static_cast<uint32_t>(cur / divisor);
    rem = cur % divisor;
  }
  return static_cast<uint32_t>(rem);
}

}  // namespace

std::string ToDecimal(U128 v) {
  if (v == U128{}) return "0";
  Limbs l = ToLimbs(v);
  std::string digits;
  while (FromLimbs(l) != U128{}) digits.insert(digits.begin(), static_cast<char>('0' + DivideSmall(l, 10)));
  return digits;
}

std::optional<U128> ParseDecimal(std::string_view text) {
  if (text.empty() || text.size() > 39) return std::nullopt;
  Limbs l{};
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    uint64_t carry = static_cast<uint64_t>(c - '0');
    for (int i = 3; i >= 0; --i) {
      const uint64_t cur = uint64_t{l[i]} * 10 + carry;
      l[i] = static_cast<uint32_t>(cur);
      carry = cur >> 32;
    }
    if (carry != 0) return std::nullopt;  // above 2^128 - 1
  }
  return FromLimbs(l);
}

U128 HashKeyOf(std::string_view partition_key) {
  unsigned char d[16];
  mbedtls_md5_ret(reinterpret_cast<const unsigned char*>(partition_key.data()), partition_key.size(), d);
  U128 v;
  for (int i = 0; i < 8; ++i) v.hi = (v.hi << 8) | d[i];
  for (int i = 8; i < 16; ++i) v.lo = (v.lo << 8) | d[i];
  return v;
}

std::vector<HashKeyRange> EvenHashKeyRanges(uint32_t shard_count) {
  std::vector<HashKeyRange> ranges;
  if (shard_count == 0) return ranges;
  std::vector<U128> starts;
  for (uint32_t i = 0; i < shard_count; ++i) {
    // floor(i * 2^128 / n): the 160-bit dividend is i followed by four zero limbs; i < n, so the
    // top limb's quotient is 0 and its remainder is i.
    Limbs l{};
    uint64_t rem = i;
    for (uint32_t& limb : l) {
      const uint64_t cur = rem << 32;
      limb = static_cast<uint32_t>(cur / shard_count);
      rem = cur % shard_count;
    }
    starts.push_back(FromLimbs(l));
  }
  for (uint32_t i = 0; i < shard_count; ++i) {
    U128 end = kMaxHashKey;
    if (i + 1 < shard_count) {
      end = starts[i + 1];
      if (end.lo == 0) --end.hi;
      --end.lo;
    }
    ranges.push_back({starts[i], end});
  }
  return ranges;
}

uint32_t ShardIndexFor(const std::vector<HashKeyRange>& ranges, U128 hash_key) {
  for (uint32_t i = 0; i < ranges.size(); ++i) {
    if (hash_key >= ranges[i].starting && hash_key <= ranges[i].ending) return i;
  }
  return 0;
}

std::string ShardIdOf(uint32_t index) {
  std::string digits = std::to_string(index);
  return "shardId-" + std::string(digits.size() < 12 ? 12 - digits.size() : 0, '0') + digits;
}

std::optional<uint32_t> ShardIndexOf(std::string_view shard_id) {
  constexpr std::string_view kPrefix = "shardId-";
  if (shard_id.size() != kPrefix.size() + 12 || shard_id.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  uint64_t v = 0;
  for (char c : shard_id.substr(kPrefix.size())) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
    if (v > 0xffffffffULL) return std::nullopt;
  }
  return static_cast<uint32_t>(v);
}

}  // namespace eventlab::cloud::streams
