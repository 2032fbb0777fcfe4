// The grader: runs a submission of an exercise on each of its seeds and checks every objective,
// giving the grade record that every output format is made from (web/docs/exercise-format.md,
// "The grade record"). The CLI, the JS API and the page all call this.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "grading/exercise.h"

namespace eventlab::grading {

struct GradeRequest {
  std::string_view exercise_text;
  /// The learner's whole scenario or a merge patch; nullopt grades the start.
  std::optional<std::string_view> submission_text;
  std::optional<std::string> learner;
  FileReader read_file;  ///< for an exercise that names its scenario by file
};

/// The grade record: {"status": "passed"|"failed", score, objectives, ...}, or, for an invalid
/// exercise or submission, {"status": "error", "errors": [{path, message}], ...}.
Json Grade(const GradeRequest& request);

/// 0 when every objective passed, 1 when some failed, 2 for an error record.
int ExitCode(const Json& record);

/// What `eventlab validate EXERCISE.json` checks: the exercise loads, the start fails at least one
/// objective, and the solution passes every objective on every seed.
struct ExerciseValidation {
  std::vector<scenario::LoadError> errors;  ///< the exercise does not load
  std::vector<std::string> problems;        ///< it loads but the start or the solution is wrong
  Json start, solution;                     ///< both grade records (null when not run)
};
ExerciseValidation ValidateExercise(std::string_view exercise_text, const FileReader& read_file);

}  // namespace eventlab::grading
