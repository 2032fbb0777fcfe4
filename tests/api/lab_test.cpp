// The facade: stepping, time travel (snapshot, restore, seek) and loads that fail safely.
#include "api/lab.h"

#include <gtest/gtest.h>

#include "core/trace.h"
#include "support/run_scenario.h"

namespace eventlab::api {
namespace {

std::string ReadSource(const std::string& rel) { return eventlab::testing::ReadSourceFile(rel); }

// Many independent chains, so runs are long enough to cross several checkpoints.
std::string LongScenario() {
  std::string script;
  for (int i = 0; i < 40; ++i) {
    script += std::string(i ? "," : "") + R"({"at": ")" + std::to_string(i * 100) +
              R"(ms", "client": "c", "call": "queue.send", "with": {"queue": "jobs", "body": "job )" + std::to_string(i) + "\"}}";
  }
  return R"({"version": 1, "seed": 5, "resources": {"c": {"kind": "client"},
    "jobs": {"kind": "queue", "consumer": "f"}, "out": {"kind": "queue"},
    "f": {"kind": "function", "handler": [{"work": "30ms"},
      {"call": "queue.send", "as": "r", "with": {"queue": "out", "body": "${event.Records[0].body}"}},
      {"return": "${r.MessageId}"}]}}, "script": [)" + script + "]}";
}

class LabTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(lab_.Load(LongScenario()).empty()); }
  std::string TraceBytes() { return core::TraceJsonLines(lab_.Trace()); }
  Lab lab_;
};

TEST_F(LabTest, RunsLongEnoughToCrossCheckpoints) {
  lab_.RunToEnd();
  EXPECT_GT(lab_.Delivered(), 3 * kCheckpointEvery);
}

TEST_F(LabTest, SeekBackAndForwardGivesTheSameTraceBytesAndState) {
  lab_.RunToEnd();
  const uint64_t total = lab_.Delivered();
  const std::string full = TraceBytes();
  const auto final_state = lab_.State();
  for (uint64_t target : {uint64_t{0}, uint64_t{1}, kCheckpointEvery - 1, kCheckpointEvery, kCheckpointEvery + 1, total / 2, total}) {
    ASSERT_TRUE(lab_.Seek(target));
    EXPECT_EQ(lab_.Delivered(), target);
    EXPECT_EQ(TraceBytes(), full.substr(0, TraceBytes().size()));
    ASSERT_TRUE(lab_.Seek(total));
    EXPECT_EQ(TraceBytes(), full) << "after visiting " << target;
    EXPECT_EQ(lab_.State(), final_state);
  }
}

TEST_F(LabTest, StateAfterSeekEqualsStateReachedByStepping) {
  Lab fresh;
  ASSERT_TRUE(fresh.Load(LongScenario()).empty());
  for (int i = 0; i < 100; ++i) fresh.Step();
  lab_.RunToEnd();
  ASSERT_TRUE(lab_.Seek(100));
  EXPECT_EQ(lab_.State(), fresh.State());
  EXPECT_EQ(lab_.NowUs(), fresh.NowUs());
  // And the futures agree: pending events and what follows.
  ASSERT_EQ(lab_.Pending().size(), fresh.Pending().size());
  lab_.RunToEnd();
  fresh.RunToEnd();
  EXPECT_EQ(TraceBytes(), core::TraceJsonLines(fresh.Trace()));
}

TEST_F(LabTest, StepBackUndoesOneDelivery) {
  for (int i = 0; i < 70; ++i) lab_.Step();
  const auto state = lab_.State();
  const std::string trace = TraceBytes();
  auto next = lab_.Step();
  ASSERT_TRUE(next);
  EXPECT_NE(lab_.State(), state);
  ASSERT_TRUE(lab_.StepBack());
  EXPECT_EQ(lab_.State(), state);
  EXPECT_EQ(TraceBytes(), trace);
  EXPECT_EQ(lab_.Step()->event.id, next->event.id);
}

TEST_F(LabTest, StepBackAtTheStartIsRefused) { EXPECT_FALSE(lab_.StepBack()); }

TEST_F(LabTest, SeekPastTheEndChangesNothing) {
  for (int i = 0; i < 10; ++i) lab_.Step();
  const std::string trace = TraceBytes();
  EXPECT_FALSE(lab_.Seek(1000000));
  EXPECT_EQ(lab_.Delivered(), 10u);
  EXPECT_EQ(TraceBytes(), trace);
}

TEST_F(LabTest, AFailedLoadLeavesThePreviousScenarioIntact) {
  for (int i = 0; i < 5; ++i) lab_.Step();
  const std::string trace = TraceBytes();
  auto errors = lab_.Load(R"({"version": 1, "resources": {"x": {"kind": "bukket"}}})");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].Text().rfind("/resources/x/kind: unknown kind \"bukket\" (", 0), 0u) << errors[0].Text();
  EXPECT_EQ(TraceBytes(), trace);
  EXPECT_EQ(lab_.Delivered(), 5u);
  EXPECT_FALSE(lab_.Load("{not json").empty());
  EXPECT_TRUE(lab_.Step().has_value());
}

TEST_F(LabTest, TheSeedChangesTheTraceAndResetReproducesIt) {
  lab_.RunToEnd();
  const std::string seed5 = TraceBytes();
  lab_.Reset(6);
  lab_.RunToEnd();
  EXPECT_NE(TraceBytes(), seed5);
  lab_.Reset(5);
  lab_.RunToEnd();
  EXPECT_EQ(TraceBytes(), seed5);
}

TEST_F(LabTest, RunUntilDeliversOnlyWhatIsDue) {
  const uint64_t ran = lab_.RunUntil(250000, 1000);
  EXPECT_GT(ran, 0u);
  EXPECT_LE(lab_.NowUs(), 250000);
  ASSERT_FALSE(lab_.Pending().empty());
  EXPECT_GT(lab_.Pending().front().time.us, 250000);
  EXPECT_EQ(lab_.RunUntil(1000000000, 3), 3u);
}

TEST(LabGoldenTest, EveryShippedScenarioMatchesItsGoldenTrace) {
  // tests/golden/<name>.jsonl holds the reviewed trace of web/scenarios/<name>.json (seed from
  // the file); only scripts/update-golden.sh rewrites them.
  const std::string index = ReadSource("tests/golden/SCENARIOS");
  ASSERT_FALSE(index.empty()) << "tests/golden/SCENARIOS lists the scenarios with golden traces";
  size_t start = 0;
  int checked = 0;
  while (start < index.size()) {
    size_t end = index.find('\n', start);
    if (end == std::string::npos) end = index.size();
    const std::string name = index.substr(start, end - start);
    start = end + 1;
    if (name.empty()) continue;
    Lab lab;
    const std::string text = ReadSource("web/scenarios/" + name + ".json");
    ASSERT_FALSE(text.empty()) << name;
    eventlab::testing::LoadAndRun(lab, text);
    EXPECT_EQ(core::TraceJsonLines(lab.Trace()), ReadSource("tests/golden/" + name + ".jsonl")) << name;
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace eventlab::api
