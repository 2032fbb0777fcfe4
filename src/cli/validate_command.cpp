// `eventlab validate`: one "path: message" line per problem, exit 1 if there are any.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "scenario/loader.h"

namespace eventlab::cli {

int ValidateCommand(const std::vector<std::string>& args) {
  constexpr const char* kUsage = "usage: eventlab validate SCENARIO.json\n";
  ParsedArgs a = ParseArgs(args, {});
  if (a.help) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (!a.error.empty() || a.positional.size() != 1) {
    std::cerr << "eventlab validate: " << (a.error.empty() ? "expected one scenario file" : a.error) << "\n\n" << kUsage;
    return kExitUsage;
  }
  std::string text;
  if (!ReadFile(a.positional[0], &text)) {
    std::cerr << "eventlab validate: cannot read " << a.positional[0] << "\n";
    return kExitInvalidInput;
  }
  auto result = scenario::LoadScenario(text);
  for (const auto& e : result.errors) std::cout << e.Text() << "\n";
  if (!result.ok()) return kExitInvalidInput;
  std::cout << a.positional[0] << ": ok\n";
  return kExitOk;
}

}  // namespace eventlab::cli
