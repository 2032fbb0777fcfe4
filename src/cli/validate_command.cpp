// `eventlab validate`: one "path: message" line per problem. A scenario: exit 1 if there are
// any. An exercise: exit 2 if it does not load, 1 if its start already passes or its solution
// fails an objective on some seed.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/exercise_files.h"
#include "core/json_bounds.h"
#include "grading/grader.h"
#include "scenario/loader.h"

namespace eventlab::cli {
namespace {

int ValidateExerciseFile(const std::string& path, const std::string& text) {
  auto v = grading::ValidateExercise(text, ReaderBeside(path));
  for (const auto& e : v.errors) std::cout << e.Text() << "\n";
  if (!v.errors.empty()) return 2;
  for (const auto& problem : v.problems) std::cout << path << ": " << problem << "\n";
  if (!v.problems.empty()) return kExitInvalidInput;
  size_t failing = 0;
  for (const auto& o : v.start["objectives"]) failing += o["status"] != "passed";
  std::cout << path << ": ok (the start fails " << failing << " of " << v.start["objectives"].size()
            << " objectives; the solution passes all on " << v.solution["seeds"].size() << " seed(s))\n";
  return kExitOk;
}

}  // namespace

int ValidateCommand(const std::vector<std::string>& args) {
  constexpr const char* kUsage =
      "usage: eventlab validate SCENARIO.json | EXERCISE.json\n"
      "An exercise (a file with \"objectives\") must load, its start must fail at least one\n"
      "objective and its solution pass all of them on every seed. Exit 2 if it does not load.\n";
  ParsedArgs a = ParseArgs(args, {});
  if (a.help) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (!a.error.empty() || a.positional.size() != 1) {
    std::cerr << "eventlab validate: " << (a.error.empty() ? "expected one scenario or exercise file" : a.error) << "\n\n" << kUsage;
    return kExitUsage;
  }
  std::string text;
  if (!ReadFile(a.positional[0], &text)) {
    std::cerr << "eventlab validate: cannot read " << a.positional[0] << "\n";
    return kExitInvalidInput;
  }
  if (grading::LooksLikeExercise(core::ParseBounded(text))) return ValidateExerciseFile(a.positional[0], text);
  auto result = scenario::LoadScenario(text);
  for (const auto& e : result.errors) std::cout << e.Text() << "\n";
  if (!result.ok()) return kExitInvalidInput;
  std::cout << a.positional[0] << ": ok\n";
  return kExitOk;
}

}  // namespace eventlab::cli
