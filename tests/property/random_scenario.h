// Random scenarios from the loader's own grammar, for property tests: topics fanning out to queues,
// queues with consumer functions that fail at random and dead-letter queues, and a script that
// publishes and sends. One seed gives one scenario.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/event.h"

namespace eventlab::testing {

struct RandomScenario {
  core::Json doc;
  /// How many messages each queue must receive from the script (direct sends and topic copies):
  /// the conservation property accounts for each of them at the end of the run.
  std::map<std::string, uint64_t> expected_per_queue;
};

RandomScenario MakeRandomScenario(uint64_t seed);

}  // namespace eventlab::testing
