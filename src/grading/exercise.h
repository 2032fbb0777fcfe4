// Exercise format v1 (web/docs/exercise-format.md): a start scenario, what the learner may edit,
// objectives with checks, hints and a solution. Loaded for one learner: variant parameters are
// drawn from the learner id and substituted before anything else reads the document.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grading/check.h"

namespace eventlab::grading {

struct Task {
  std::string id, title;
};

struct Objective {
  std::string id, title, task;  ///< task is empty when the objective belongs to none
  int64_t points = 1;
  Check check;
  std::string failure;  ///< a template over found, evidence and seed
  std::string success;
  std::vector<std::string> hints;
};

struct Exercise {
  std::string id, title, brief;
  Json scenario;                      ///< the start, with the variant substituted
  std::vector<std::string> editable;  ///< JSON pointers into the scenario
  std::vector<uint32_t> seeds;        ///< the scenario's own seed first
  Json variant = Json::object();      ///< the parameters drawn for this learner
  std::vector<Task> tasks;
  std::vector<Objective> objectives;
  std::optional<Json> solution;       ///< an RFC 7386 merge patch on the scenario
};

/// Reads a file that an exercise names (its `scenario`), relative to the exercise; nullopt when
/// there is no such file. The CLI reads the disk; the JS API is given the text.
using FileReader = std::function<std::optional<std::string>(const std::string& path)>;

struct ExerciseLoad {
  std::optional<Exercise> exercise;
  std::vector<scenario::LoadError> errors;  ///< JSON pointers into the exercise
};

/// Loads `text` for `learner` (nullopt: each variant parameter takes its first value). The start
/// scenario must load and the solution must touch only editable parts and load too.
ExerciseLoad LoadExercise(std::string_view text, const std::optional<std::string>& learner, const FileReader& read_file);

/// True when the document looks like an exercise rather than a scenario (it has "objectives").
bool LooksLikeExercise(const Json& doc);

/// The most seeds an exercise may run, and the most objectives and hints it may have: each seed
/// is a whole run, and a grader runs submissions nobody controls.
inline constexpr size_t kMaxSeeds = 16;
inline constexpr size_t kMaxObjectives = 100;
inline constexpr size_t kMaxHints = 10;

}  // namespace eventlab::grading
