// Evaluates a check on one run. Each outcome carries its evidence: the delivery that proved or
// broke it (web/docs/exercise-format.md, "Evidence").
#pragma once

#include <optional>
#include <string>

#include "grading/check.h"
#include "grading/run_facts.h"

namespace eventlab::grading {

struct CheckOutcome {
  bool passed = false;
  std::optional<size_t> evidence;  ///< index into the run's trace
  Json found = Json::object();     ///< what the check saw: count, value, ...
  std::string problem;             ///< set when a `where` or `state` condition failed to evaluate
};

CheckOutcome EvaluateCheck(const Check& check, const RunFacts& run);

}  // namespace eventlab::grading
