// Result formats of the grader: pure functions that turn a grade record (the JSON the grader
// produces, graded or error shape) into each course platform's documented result format. Each
// format lives in its own file under formats/, which cites the platform's documentation.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace eventlab::grading {

using Json = nlohmann::json;

enum class OutputFormat { kText, kJson, kJunit, kGradescope, kClassroom, kExercism, kXapi };

/// The format named `name` ("text", "json", "junit", "gradescope", "classroom", "exercism",
/// "xapi"; exact, lower case), or nullopt for any other name.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

/// Every accepted name, in the order of the enum, joined by '|': for usage and error messages.
std::string OutputFormatNames();

struct FormatOptions {
  /// Wall time of the grading in seconds, for the formats that report it (Gradescope, JUnit).
  /// The only input that is not in the record; 0 keeps the output independent of the clock.
  double execution_time_s = 0;
  /// Prefix of the xAPI activity ids: <activity_base>/<exercise id>[/objectives/<objective id>].
  std::string activity_base = "https://eventlab.example/exercises";
  /// account.homePage of the xAPI actor: the system in which the learner's name is an account.
  std::string account_home_page = "https://eventlab.example";
};

/// `record` in `format`. Deterministic: the same record and options give the same bytes. Never
/// throws: fields missing or of the wrong type read as empty, and strings that are not UTF-8
/// are repaired with U+FFFD. JSON formats end with a newline; `kJson` is exactly
/// `record.dump(2) + "\n"`.
std::string FormatRecord(const Json& record, OutputFormat format, const FormatOptions& options = {});

}  // namespace eventlab::grading
