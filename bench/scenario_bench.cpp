// Whole-scenario throughput: loads a scenario once and runs it to the end N times (reset + run).
// Prints one JSON line for scripts/bench.sh.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "api/lab.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: eventlab_scenario_bench SCENARIO.json [RUNS] [NAME]\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  const int runs = argc > 2 ? std::atoi(argv[2]) : 2000;
  const std::string name = argc > 3 ? argv[3] : "scenario";
  eventlab::api::Lab lab;
  if (!lab.Load(text.str()).empty()) {
    std::fprintf(stderr, "cannot load %s\n", argv[1]);
    return 1;
  }
  const auto t0 = std::chrono::steady_clock::now();
  uint64_t events = 0;
  for (int i = 0; i < runs; ++i) {
    lab.Reset();
    events += lab.RunToEnd();
  }
  const std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
  std::printf("{\"name\":\"%s_run_native\",\"value\":%.1f,\"unit\":\"runs/s\"}\n", name.c_str(), runs / dt.count());
  std::printf("{\"name\":\"%s_events_native\",\"value\":%.0f,\"unit\":\"events/s\"}\n", name.c_str(), events / dt.count());
  return 0;
}
