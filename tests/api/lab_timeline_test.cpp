// The timeline's run length and the "why?" chain of causes.
#include <gtest/gtest.h>

#include "api/lab.h"
#include "support/run_scenario.h"

namespace eventlab::api {
namespace {

TEST(LabTimeline, RunLengthIsTheWholeRunAndLeavesTheLabWhereItWas) {
  Lab full;
  testing::LoadAndRun(full, testing::ReadSourceFile("web/scenarios/hello.json"));
  Lab lab;
  ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/hello.json")).empty());
  lab.Step();
  lab.Step();
  lab.Step();
  const std::string before = lab.State().dump();
  EXPECT_EQ(lab.RunLength(), full.Delivered());
  EXPECT_EQ(lab.Delivered(), 3u);
  EXPECT_EQ(lab.State().dump(), before);
  EXPECT_EQ(lab.Trace().size(), 3u);
}

TEST(LabTimeline, RunLengthFollowsTheSeedAfterAReset) {
  Lab lab;
  ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/image-upload.json")).empty());
  const uint64_t with_42 = lab.RunLength();
  lab.Reset(7);
  Lab other;
  ASSERT_TRUE(other.Load(testing::ReadSourceFile("web/scenarios/image-upload.json")).empty());
  other.Reset(7);
  other.RunToEnd();
  EXPECT_EQ(lab.RunLength(), other.Delivered());
  EXPECT_GT(with_42, 0u);
}

TEST(LabTimeline, WhyWalksParentsBackToTheScriptedCall) {
  Lab lab;
  testing::LoadAndRun(lab, testing::ReadSourceFile("web/scenarios/hello.json"));
  const auto& trace = lab.Trace();
  // The results queue receiving echo's message: caused by echo's invocation, caused by the jobs
  // queue receiving alice's message, caused by alice's scripted call.
  uint64_t target = 0;
  for (const auto& r : trace) {
    if (r.event.to == "queue:results" && r.event.kind == "queue.send") {
      target = r.seq;
      break;
    }
  }
  ASSERT_NE(target, 0u);
  const std::vector<uint64_t> chain = lab.Why(target);
  ASSERT_GE(chain.size(), 3u);
  EXPECT_EQ(chain.back(), target);
  const auto& root = trace[chain.front() - 1].event;
  EXPECT_FALSE(root.parent.has_value());
  EXPECT_EQ(root.kind, "client.call");
  for (size_t i = 1; i < chain.size(); ++i) {
    EXPECT_EQ(*trace[chain[i] - 1].event.parent, trace[chain[i - 1] - 1].event.id);
  }
}

TEST(LabTimeline, WhyOfAnUndeliveredSeqIsEmpty) {
  Lab lab;
  ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/hello.json")).empty());
  lab.Step();
  EXPECT_TRUE(lab.Why(0).empty());
  EXPECT_TRUE(lab.Why(2).empty());
  EXPECT_EQ(lab.Why(1), std::vector<uint64_t>{1});
}

}  // namespace
}  // namespace eventlab::api
