// The short counter a graph node shows under its name ("3 objects", "2 warm"), read from the
// resource's State() JSON. Services added later add a line to the table in node_counters.cpp.
#pragma once

#include <string>

#include "core/event.h"

namespace eventlab::view {

/// The counter for a resource of `kind` in `state`, or "" when the kind shows none.
std::string NodeCounter(const std::string& kind, const core::Json& state);

}  // namespace eventlab::view
