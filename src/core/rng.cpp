// xoshiro256** (Blackman and Vigna) seeded through SplitMix64, with an FNV-1a hash of the name.
#include "core/rng.h"

#include "core/ids.h"

namespace eventlab::core {
namespace {

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng Rng::ForComponent(uint32_t seed, std::string_view component) {
  Rng r;
  uint64_t state = (static_cast<uint64_t>(seed) << 32) ^ Fnv1a64(component);
  for (uint64_t& word : r.s_) word = SplitMix64(&state);
  return r;
}

uint64_t Rng::NextU64() {
  const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = Rotl(s_[3], 45);
  return result;
}

uint64_t Rng::Below(uint64_t bound) {
  // Rejection sampling: draws in the incomplete last block are thrown away.
  const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  uint64_t x;
  do x = NextU64();
  while (x >= limit);
  return x % bound;
}

int64_t Rng::Between(int64_t lo, int64_t hi) {
  if (hi <= lo) return lo;
  return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
}

bool Rng::Chance(uint64_t numerator, uint64_t denominator) { return Below(denominator) < numerator; }

}  // namespace eventlab::core
