// A learner's submission: their whole scenario, or an RFC 7386 merge patch on the start, which
// may change only what the exercise lists as editable.
#pragma once

#include <string>
#include <vector>

#include "core/event.h"
#include "scenario/scenario.h"

namespace eventlab::grading {

using core::Json;

struct AppliedSubmission {
  Json scenario;  ///< the scenario to run
  std::vector<scenario::LoadError> errors;
};

/// A whole scenario when `submission` is an object with a top-level "version"; otherwise a merge
/// patch applied to `start`. Every change must sit at or under one of `editable`; the first
/// change outside is refused, naming its pointer. "$schema" may differ freely.
AppliedSubmission ApplySubmission(const Json& start, const Json& submission, const std::vector<std::string>& editable);

/// True when JSON pointer `path` is `editable_pointer` or below it.
bool UnderPointer(const std::string& path, const std::string& editable_pointer);

}  // namespace eventlab::grading
