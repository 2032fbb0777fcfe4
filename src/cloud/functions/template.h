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
  /// The largest string a template may build (concat, json(), text with several "${...}"): a
  /// function's memory size. Checked before the string is built, so a template that doubles a
  /// string 64 times fails instead of exhausting memory.
  uint64_t max_value_bytes = kDefaultMaxValueBytes;
  static constexpr uint64_t kDefaultMaxValueBytes = 128ULL << 20;  // Lambda's default memory, 128 MB
};

/// The deepest nesting of calls and paths inside one "${...}" (each level is a recursion of the
/// parser and the evaluator).
inline constexpr int kMaxTemplateNesting = 32;

/// The error when a template would build a string over scope.max_value_bytes: the runtime
/// process is killed for exceeding the function's memory, as Lambda reports it (Lambda
/// troubleshooting, "Runtime exited with error: signal: killed", errorType Runtime.ExitError).
core::Error OutOfMemoryError(uint64_t wanted_bytes, uint64_t limit_bytes);

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
