// Conditions for "if" steps: JSON operators over template values.
//   true | false | "${expr}" (truthy) | {"eq": [a, b]} | ne | lt | le | gt | ge
//   | {"starts_with": [s, prefix]} | {"exists": "path"} | {"and": [...]} | {"or": [...]} | {"not": c}
#pragma once

#include <string>

#include "cloud/functions/template.h"

namespace eventlab::cloud::functions {

/// Evaluates `condition` against the scope. A template error is returned as an error.
core::Result<bool> EvaluateCondition(const Json& condition, TemplateScope& scope);

/// Shape check for the loader: empty if well formed, else the problem.
std::string CheckCondition(const Json& condition);

}  // namespace eventlab::cloud::functions
