// The JSON type each call argument must have, by argument name: an argument means the same thing
// in every action that takes it ("limit" is always a count, "consumer" always a name). Checked
// before any action runs, so a service never reads an argument as the wrong type.
#pragma once

#include <optional>

#include "core/event.h"
#include "core/result.h"

namespace eventlab::cloud {

/// SerializationException (400) naming the first argument of `args` whose JSON type is not the
/// one its name requires, as AWS's JSON protocol refuses a value of the wrong shape; nullopt when
/// every typed argument is right. Arguments without a fixed type are left to the action.
std::optional<core::Error> CheckArgumentTypes(const std::string& action, const core::Json& args);

}  // namespace eventlab::cloud
