// Deterministic generated ids drawn from a component's random stream.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/rng.h"

namespace eventlab::core {

/// FNV-1a, 64-bit: a stable hash for deriving names and ids from text (never std::hash, which
/// differs between standard libraries).
uint64_t Fnv1a64(std::string_view text);

/// A version-4-shaped UUID ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx") from `rng`.
std::string NewUuid(Rng& rng);

}  // namespace eventlab::core
