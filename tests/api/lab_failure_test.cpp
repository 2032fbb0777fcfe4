// A delivery that fails inside the simulator is atomic: the lab is left exactly as it was before
// that delivery (kernel, world, trace), the run stops there with the reason, and time travel
// around it keeps working. A run also stops once its trace holds limits.max_run_bytes.
#include <gtest/gtest.h>

#include "api/lab.h"
#include "core/trace.h"
#include "support/run_scenario.h"

namespace eventlab::api {
namespace {

struct Snapshot {
  std::string trace;
  core::Json state;
  uint64_t pending;
};

Snapshot Take(const Lab& lab) { return {core::TraceJsonLines(lab.Trace()), lab.State(), lab.PendingCount()}; }

void ExpectSame(const Snapshot& a, const Snapshot& b) {
  EXPECT_EQ(a.trace, b.trace);
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.pending, b.pending);
}

TEST(LabFailureTest, AFailedDeliveryLeavesTheLabAsItWasAndStopsTheRun) {
  const std::string text = testing::ReadSourceFile("web/scenarios/streams.json");
  Lab clean;
  ASSERT_TRUE(clean.Load(text).empty());
  ASSERT_TRUE(clean.Seek(80));  // past a checkpoint, so recovery replays from one
  const Snapshot before_81 = Take(clean);
  const uint64_t whole_run = clean.RunLength();
  ASSERT_GT(whole_run, 90u);

  Lab lab;
  ASSERT_TRUE(lab.Load(text).empty());
  lab.InjectFaultForTesting(81);
  lab.RunToEnd();
  EXPECT_EQ(lab.Delivered(), 80u);
  ExpectSame(Take(lab), before_81);
  ASSERT_TRUE(lab.Stopped());
  EXPECT_EQ(lab.Stopped()->code, "InternalFailure");
  EXPECT_NE(lab.Stopped()->message.find("delivering event 81"), std::string::npos);
  EXPECT_NE(lab.Stopped()->message.find("fault injected for a test"), std::string::npos);
  EXPECT_FALSE(lab.CanStep());
  EXPECT_FALSE(lab.Step());  // asked again: still nothing delivered, nothing changed
  ExpectSame(Take(lab), before_81);
  EXPECT_EQ(lab.RunLength(), 80u);

  // Time travel around the failure: back works, forward stops before it.
  ASSERT_TRUE(lab.Seek(12));
  EXPECT_FALSE(lab.Stopped());
  EXPECT_FALSE(lab.Seek(85));
  EXPECT_EQ(lab.Delivered(), 12u);
  ASSERT_TRUE(lab.Seek(80));
  ExpectSame(Take(lab), before_81);
}

TEST(LabFailureTest, AFailureRightAfterTheStartRecoversFromTheFirstCheckpoint) {
  Lab lab;
  ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/hello.json")).empty());
  lab.InjectFaultForTesting(1);
  EXPECT_FALSE(lab.Step());
  EXPECT_EQ(lab.Delivered(), 0u);
  EXPECT_TRUE(lab.Trace().empty());
  EXPECT_EQ(lab.Stopped()->code, "InternalFailure");
  lab.InjectFaultForTesting(0);  // no delivery is number 0: the fault is gone
  lab.Reset();
  EXPECT_GT(lab.RunToEnd(), 5u);
  EXPECT_FALSE(lab.Stopped());
}

TEST(LabFailureTest, ARunStopsOnceItsTraceHoldsMaxRunBytes) {
  // Each reply carries 200 KB; 1 MiB of trace holds about five of them.
  const std::string text = R"({"version": 1, "limits": {"max_run_bytes": 1048576},
    "resources": {"c": {"kind": "client"},
      "f": {"kind": "function", "handler": [
        {"set": {"k": "${concat('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')}"}},
        {"set": {"k": "${concat(k,k,k,k,k,k,k,k,k,k)}"}},
        {"set": {"k": "${concat(k,k,k,k,k,k,k,k,k,k)}"}},
        {"set": {"k": "${concat(k,k,k,k,k,k,k,k,k,k)}"}},
        {"set": {"k": "${concat(k,k)}"}},
        {"return": "${k}"}]}},
    "script": [)" + [] {
    std::string s;
    for (int i = 0; i < 30; ++i) s += std::string(i ? "," : "") + R"({"at": ")" + std::to_string(i) + R"(s", "client": "c", "call": "function.invoke", "with": {"function": "f", "payload": {}}})";
    return s;
  }() + "]}";
  Lab lab;
  const auto errors = lab.Load(text);
  ASSERT_TRUE(errors.empty()) << errors[0].Text();
  lab.RunToEnd();
  ASSERT_TRUE(lab.Stopped());
  EXPECT_EQ(lab.Stopped()->code, "RunMemoryLimit");
  EXPECT_GE(lab.Trace().size(), 10u);
  EXPECT_LT(lab.Trace().size(), 60u);
  EXPECT_FALSE(lab.CanStep());
  EXPECT_EQ(lab.RunUntil(INT64_MAX, 1000), 0u);
}

}  // namespace
}  // namespace eventlab::api
