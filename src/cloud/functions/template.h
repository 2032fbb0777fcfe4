// Templates in handler steps: "${expr}" inside JSON strings. A string that is exactly one
// "${expr}" keeps the value's JSON type; otherwise the values are written into the text.
// web/docs/scenario-format.md ("Templates") is the reference for this grammar.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/event.h"
#include "core/result.h"
#include "core/rng.h"

namespace eventlab::cloud::functions {

using core::Json;

/// What a template can see: the named values (event, context, env, container, step results, loop
/// items), the component's random stream for uuid(), and the wall-clock instant of "now".
struct TemplateScope {
  const Json* vars = nullptr;
  core::Rng* rng = nullptr;
  int64_t now_epoch_us = 0;
};

/// Expands every template in `value` (recursively through arrays and objects). Errors carry the
/// code "Runtime.TemplateError" and say which expression failed.
core::Result<Json> Render(const Json& value, TemplateScope& scope);

/// Evaluates one expression (the text between "${" and "}").
core::Result<Json> Evaluate(std::string_view expression, TemplateScope& scope);

/// Syntax check for the loader: empty when every template in `value` parses and names known
/// functions with the right number of arguments; otherwise the first problem.
std::string CheckTemplates(const Json& value);

/// Looks up a dotted path ("container.secret", "event.Records[0].body") in `vars`; nullptr if
/// any part is missing.
const Json* LookupPath(const Json& vars, std::string_view path);

/// True for the values a condition treats as true: anything but null, false, 0 and "".
bool Truthy(const Json& v);

}  // namespace eventlab::cloud::functions
