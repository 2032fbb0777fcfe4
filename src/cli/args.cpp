// A deliberately small parser: the CLI has few flags, and every error must be precise.
#include "cli/args.h"

namespace eventlab::cli {

ParsedArgs ParseArgs(const std::vector<std::string>& args, const std::set<std::string>& with_value) {
  ParsedArgs out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      out.help = true;
    } else if (a.size() > 1 && a[0] == '-') {
      std::string name = a, value;
      const size_t eq = a.find('=');
      const bool inline_value = eq != std::string::npos;
      if (inline_value) name = a.substr(0, eq), value = a.substr(eq + 1);
      if (!with_value.count(name)) {
        out.error = "unknown flag " + name;
        return out;
      }
      if (!inline_value) {
        if (i + 1 >= args.size()) {
          out.error = name + " needs a value";
          return out;
        }
        value = args[++i];
      }
      out.flags[name] = value;
    } else {
      out.positional.push_back(a);
    }
  }
  return out;
}

std::optional<uint64_t> ParseUnsigned(const std::string& text, uint64_t min, uint64_t max) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const uint64_t next = v * 10 + static_cast<uint64_t>(c - '0');
    if (next / 10 != v) return std::nullopt;
    v = next;
  }
  if (v < min || v > max) return std::nullopt;
  return v;
}

}  // namespace eventlab::cli
