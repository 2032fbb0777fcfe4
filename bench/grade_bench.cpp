// Grading cost as an exercise grows: the same exercise graded with 1, 4 and 16 seeds, and with
// its objectives repeated 1, 4 and 16 times, side by side in one run so the ratios compare.
// Grading should grow linearly in both. Prints JSON lines for scripts/bench.sh.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "grading/grader.h"

namespace {

using eventlab::grading::Json;

double MsPerGrade(const Json& exercise, int repeats) {
  const std::string text = exercise.dump();
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < repeats; ++i) {
    Json record = eventlab::grading::Grade({text, std::nullopt, std::nullopt, nullptr});
    if (record["status"] == "error") {
      std::fprintf(stderr, "the exercise does not load: %s\n", record["errors"].dump().c_str());
      std::exit(1);
    }
  }
  const std::chrono::duration<double, std::milli> dt = std::chrono::steady_clock::now() - t0;
  return dt.count() / repeats;
}

void Print(const std::string& name, double value, const char* unit) {
  std::printf("{\"name\":\"%s\",\"value\":%.3f,\"unit\":\"%s\"}\n", name.c_str(), value, unit);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: eventlab_grade_bench EXERCISE.json [REPEATS]\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  const Json base = Json::parse(text.str());
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 20;

  double one_seed = 0;
  for (int seeds : {1, 4, 16}) {
    Json ex = base;
    ex["seeds"] = seeds;
    double ms = MsPerGrade(ex, repeats);
    if (seeds == 1) one_seed = ms;
    Print("grade_seeds_" + std::to_string(seeds) + "_native", ms, "ms");
    Print("grade_seeds_" + std::to_string(seeds) + "_over_1", ms / one_seed, "ratio");
  }
  double one_copy = 0;
  for (int copies : {1, 4, 16}) {
    Json ex = base;
    ex["seeds"] = 1;
    Json objectives = Json::array();
    for (int c = 0; c < copies; ++c)
      for (Json o : base["objectives"]) {
        o["id"] = o["id"].get<std::string>() + "-" + std::to_string(c);
        objectives.push_back(o);
      }
    ex["objectives"] = objectives;
    double ms = MsPerGrade(ex, repeats);
    if (copies == 1) one_copy = ms;
    Print("grade_objectives_x" + std::to_string(copies) + "_native", ms, "ms");
    Print("grade_objectives_x" + std::to_string(copies) + "_over_x1", ms / one_copy, "ratio");
  }
  return 0;
}
