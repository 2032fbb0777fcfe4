// Deterministic generated ids drawn from a component's random stream.
#pragma once

#include <string>

#include "core/rng.h"

namespace eventlab::core {

/// A version-4-shaped UUID ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx") from `rng`.
std::string NewUuid(Rng& rng);

}  // namespace eventlab::core
