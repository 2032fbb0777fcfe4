// `eventlab run`: load, run to the end (or --until), print the readable trace, and optionally
// write the JSON Lines trace that the page and the JS API also produce.
#include <fstream>
#include <iostream>
#include <sstream>

#include "api/lab.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/readable_trace.h"
#include "core/sim_time.h"

namespace eventlab::cli {
namespace {

constexpr const char* kRunUsage =
    "usage: eventlab run SCENARIO.json [--seed N] [--until DURATION] [--trace FILE]\n"
    "\n"
    "  --seed N          seed from 0 to 4294967295 (default: the scenario's \"seed\")\n"
    "  --until DURATION  stop after the last event at or before this simulated time (\"10s\")\n"
    "  --trace FILE      also write the trace as JSON Lines (web/docs/trace-format.md); '-' for stdout\n";

int Usage(const std::string& error) {
  std::cerr << "eventlab run: " << error << "\n\n" << kRunUsage;
  return kExitUsage;
}

}  // namespace

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

int RunCommand(const std::vector<std::string>& args) {
  ParsedArgs a = ParseArgs(args, {"--seed", "--until", "--trace"});
  if (a.help) {
    std::cout << kRunUsage;
    return kExitOk;
  }
  if (!a.error.empty()) return Usage(a.error);
  if (a.positional.size() != 1) return Usage(a.positional.empty() ? "missing SCENARIO.json" : "expected one scenario file");
  std::optional<uint32_t> seed;
  if (a.flags.count("--seed")) {
    auto v = ParseUnsigned(a.flags["--seed"], 0, 4294967295ULL);
    if (!v) return Usage("--seed must be an integer from 0 to 4294967295, got '" + a.flags["--seed"] + "'");
    seed = static_cast<uint32_t>(*v);
  }
  std::optional<core::SimTime> until;
  if (a.flags.count("--until")) {
    std::string why;
    until = core::ParseDuration(a.flags["--until"], &why);
    if (!until) return Usage("--until: " + why + " (for example \"10s\" or \"250ms\")");
  }

  std::string text;
  if (!ReadFile(a.positional[0], &text)) {
    std::cerr << "eventlab run: cannot read " << a.positional[0] << "\n";
    return kExitInvalidInput;
  }
  api::Lab lab;
  auto errors = lab.Load(text);
  if (!errors.empty()) {
    for (const auto& e : errors) std::cerr << a.positional[0] << ": " << e.Text() << "\n";
    return kExitInvalidInput;
  }
  if (seed) lab.Reset(seed);
  if (until) lab.RunUntil(until->us, lab.Scenario()->world->env.limits.max_events);
  else lab.RunToEnd();

  const auto& scenario = *lab.Scenario();
  std::cout << "eventlab: " << (scenario.title.empty() ? a.positional[0] : scenario.title) << "  (seed " << lab.Seed()
            << ")\n";
  for (const core::TraceRecord& r : lab.Trace()) std::cout << ReadableLine(r) << "\n";
  std::cout << lab.Delivered() << " events, simulated time " << core::FormatDuration(core::SimTime{lab.NowUs()})
            << ", " << lab.Pending().size() << " pending\n";
  if (lab.HitEventLimit()) {
    std::cout << "stopped at limits.max_events (" << scenario.world->env.limits.max_events << ")\n";
  } else if (auto stop = lab.Stopped()) {
    std::cout << "stopped: " << stop->message << "\n";
  }

  if (a.flags.count("--trace")) {
    const std::string lines = core::TraceJsonLines(lab.Trace());
    if (a.flags["--trace"] == "-") {
      std::cout << lines;
    } else {
      std::ofstream out(a.flags["--trace"], std::ios::binary);
      if (!(out << lines)) {
        std::cerr << "eventlab run: cannot write " << a.flags["--trace"] << "\n";
        return kExitInvalidInput;
      }
    }
  }
  return kExitOk;
}

}  // namespace eventlab::cli
