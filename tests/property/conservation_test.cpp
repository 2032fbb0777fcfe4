// Conservation over random scenarios: every message the script sends to a queue, directly or as a
// topic's copy, is at the end of the run handled (deleted after a successful consumer invocation),
// still waiting (visible or in flight), or dead-lettered (found in its dead-letter queue under the
// same id); none is lost, expired or duplicated. Natively 10,000 scenarios; in WASM a sample (the
// node parity test compares the sample's traces with the native CLI's byte for byte).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "api/lab.h"
#include "property/random_scenario.h"

namespace eventlab::testing {
namespace {

using core::Json;

#ifdef __EMSCRIPTEN__
constexpr uint64_t kScenarios = 2000;
#else
constexpr uint64_t kScenarios = 10000;
#endif

// The ids of messages that a successful invocation of `queue`'s consumer received.
std::set<std::string> HandledIds(const api::Lab& lab, const std::string& queue) {
  std::map<uint64_t, std::vector<std::string>> batches;  // invoke event id -> message ids
  std::set<std::string> handled;
  for (const auto& r : lab.Trace()) {
    const core::Event& e = r.event;
    if (e.kind == "function.invoke" && e.from == "queue:" + queue) {
      for (const Json& rec : e.payload["Records"]) batches[e.id].push_back(rec["messageId"].get<std::string>());
    } else if (e.kind == "function.invoke.result" && e.reply_to && batches.count(*e.reply_to) && !e.error) {
      for (const std::string& id : batches[*e.reply_to]) handled.insert(id);
    }
  }
  return handled;
}

// Checks the property on one scenario; returns "" or what broke.
std::string CheckConservation(uint64_t seed) {
  const RandomScenario s = MakeRandomScenario(seed);
  api::Lab lab;
  const auto errors = lab.Load(s.doc.dump());
  if (!errors.empty()) return "does not load: " + errors[0].Text();
  lab.RunToEnd();
  if (lab.Stopped()) return "run stopped: " + lab.Stopped()->message;
  if (lab.PendingCount() != 0) return "events still pending at the end";
  const Json resources = lab.State()["resources"];
  for (const auto& [queue, expected] : s.expected_per_queue) {
    if (queue.size() > 4 && queue.compare(queue.size() - 4, 4, "-dlq") == 0) continue;  // checked with its source
    const Json& q = resources[queue];
    const std::set<std::string> handled = HandledIds(lab, queue);
    std::set<std::string> dead_lettered;
    const std::string dlq = q["redrive_policy"].is_null() ? "" : q["redrive_policy"]["dead_letter_queue"].get<std::string>();
    if (!dlq.empty()) {
      for (const Json& m : resources[dlq]["messages"]) {
        if (m.value("moved_from", "") == queue) dead_lettered.insert(m["id"].get<std::string>());
      }
    }
    uint64_t accounted = 0;
    std::set<std::string> ids;
    for (const Json& m : q["messages"]) {
      const std::string id = m["id"].get<std::string>(), status = m["status"].get<std::string>();
      if (!ids.insert(id).second) return queue + ": message " + id + " appears twice";
      const bool ok = (status == "deleted" && handled.count(id)) || status == "visible" || status == "in_flight" ||
                      (status == "moved_to_dlq" && dead_lettered.count(id));
      if (!ok) return queue + ": message " + id + " ended " + status + " without being handled or dead-lettered";
      ++accounted;
    }
    if (accounted != expected) {
      return queue + ": " + std::to_string(expected) + " messages sent, " + std::to_string(accounted) + " accounted for";
    }
  }
  return "";
}

TEST(ConservationTest, EveryMessageIsHandledWaitingOrDeadLetteredNeverLost) {
  uint64_t failures = 0, with_dlq_traffic = 0;
  for (uint64_t seed = 1; seed <= kScenarios; ++seed) {
    const std::string broke = CheckConservation(seed);
    if (!broke.empty() && ++failures <= 5) ADD_FAILURE() << "seed " << seed << ": " << broke;
    if (broke.empty() && seed <= 200) {
      // The property must be exercised, not vacuous: count scenarios where messages were dead-lettered.
      api::Lab lab;
      (void)lab.Load(MakeRandomScenario(seed).doc.dump());
      lab.RunToEnd();
      const Json resources = lab.State()["resources"];
      for (const auto& [name, q] : resources.items()) {
        if (q.value("kind", "") == "queue" && q.value("moved_to_dlq", 0) > 0) {
          ++with_dlq_traffic;
          break;
        }
      }
    }
  }
  EXPECT_EQ(failures, 0u);
  EXPECT_GT(with_dlq_traffic, 20u);
}

// For the node parity test: writes the first scenarios of the sample to the directory named by
// EVENTLAB_RANDOM_SCENARIOS_OUT, so that they can be run natively and in WASM and compared.
TEST(ConservationTest, WritesTheSampleForTheParityTest) {
  const char* dir = std::getenv("EVENTLAB_RANDOM_SCENARIOS_OUT");
  if (!dir) GTEST_SKIP() << "EVENTLAB_RANDOM_SCENARIOS_OUT is not set";
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    std::ofstream out(std::string(dir) + "/random-" + std::to_string(seed) + ".json");
    out << MakeRandomScenario(seed).doc.dump(2) << "\n";
    ASSERT_TRUE(out.good());
  }
}

}  // namespace
}  // namespace eventlab::testing
