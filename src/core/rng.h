// Seeded random streams: one per component, derived from the run's seed and the component's name.
#pragma once

#include <cstdint>
#include <string_view>

namespace eventlab::core {

/// A xoshiro256** generator with the few distributions the simulator needs, written out here
/// because std:: distributions differ between standard libraries.
class Rng {
 public:
  /// The stream for `component` under `seed`: adding a component never shifts another's draws.
  static Rng ForComponent(uint32_t seed, std::string_view component);

  uint64_t NextU64();
  /// Uniform in [0, bound), without modulo bias. `bound` must be > 0.
  uint64_t Below(uint64_t bound);
  /// Uniform in [lo, hi] inclusive.
  int64_t Between(int64_t lo, int64_t hi);
  /// True with probability numerator/denominator.
  bool Chance(uint64_t numerator, uint64_t denominator);

  bool operator==(const Rng&) const = default;

 private:
  uint64_t s_[4] = {};
};

}  // namespace eventlab::core
