// Variant parameters: per-learner values drawn from the learner id and substituted into an
// exercise as "{{name}}" (web/docs/exercise-format.md, "Variants").
#pragma once

#include <optional>
#include <string>

#include "scenario/json_fields.h"

namespace eventlab::grading {

using core::Json;

/// The value of each parameter for `learner`: a pick from its list by a hash of the learner id
/// and the parameter's name (FNV-1a, 64 bits), so one learner always gets the same variant and
/// one parameter's pick does not depend on the others. Without a learner, the first value.
Json DrawVariant(const Json& variants, const std::optional<std::string>& learner);

/// Replaces "{{name}}" in every string of `doc` (not in keys): a string that is exactly one
/// placeholder takes the value's JSON type, otherwise the value's text is written in. An unknown
/// name is a problem at the string's pointer (under `path`).
void Substitute(Json& doc, const Json& variant, const std::string& path, scenario::Problems& p);

}  // namespace eventlab::grading
