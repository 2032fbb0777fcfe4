// Command-line flag parsing for the eventlab CLI: "--name value" flags, "--help", positionals.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace eventlab::cli {

struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> flags;  ///< "--seed" -> "42"
  bool help = false;
  std::string error;  ///< non-empty on a usage error
};

/// Parses `args` (after the command name). Every flag in `with_value` takes one value; any other
/// flag is an error.
ParsedArgs ParseArgs(const std::vector<std::string>& args, const std::set<std::string>& with_value);

/// Parses a decimal integer in [min, max]; nullopt when it is not one.
std::optional<uint64_t> ParseUnsigned(const std::string& text, uint64_t min, uint64_t max);

}  // namespace eventlab::cli
