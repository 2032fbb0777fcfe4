// Kernel ordering by (time, priority, scheduling order), causality, cancel, and run-until.
#include "core/kernel.h"

#include <gtest/gtest.h>

#include <vector>

namespace eventlab::core {
namespace {

class Recorder : public EventHandler {
 public:
  void Deliver(Kernel& k, const Event& e) override {
    kinds.push_back(e.kind);
    if (e.kind == "spawn") k.Schedule({SimTime::Millis(1), kPriorityMessage, std::nullopt, "t:a", "t:b", "child", nullptr, std::nullopt});
  }
  std::vector<std::string> kinds;
};

EventSpec At(int64_t ms, const char* kind, int32_t priority = kPriorityMessage) {
  return {SimTime::Millis(ms), priority, std::nullopt, "t:a", "t:b", kind, nullptr, std::nullopt};
}

class KernelTest : public ::testing::Test {
 protected:
  Kernel kernel_{7};
  Recorder rec_;
};

TEST_F(KernelTest, DeliversByTimeThenPriorityThenSchedulingOrder) {
  kernel_.Schedule(At(5, "late"));
  kernel_.Schedule(At(1, "tie-first"));
  kernel_.Schedule(At(1, "timer", kPriorityTimer));
  kernel_.Schedule(At(1, "tie-second"));
  kernel_.Schedule(At(1, "script", kPriorityScript));
  while (kernel_.Step(rec_)) {
  }
  EXPECT_EQ(rec_.kinds, (std::vector<std::string>{"script", "tie-first", "tie-second", "timer", "late"}));
  EXPECT_EQ(kernel_.Now(), SimTime::Millis(5));
}

TEST_F(KernelTest, ManyTiesKeepSchedulingOrder) {
  for (int i = 0; i < 200; ++i) kernel_.Schedule(At(3, "e"));
  std::vector<uint64_t> ids;
  while (auto r = kernel_.Step(rec_)) ids.push_back(r->event.id);
  ASSERT_EQ(ids.size(), 200u);
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], i + 1);
}

TEST_F(KernelTest, RecordsParentAndSeqForCausality) {
  const uint64_t root = kernel_.Schedule(At(0, "spawn"));
  auto first = kernel_.Step(rec_);
  auto second = kernel_.Step(rec_);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->seq, 1u);
  EXPECT_FALSE(first->event.parent.has_value());
  EXPECT_EQ(second->seq, 2u);
  EXPECT_EQ(second->event.kind, "child");
  EXPECT_EQ(second->event.parent, root);
  EXPECT_EQ(kernel_.Trace().size(), 2u);
}

TEST_F(KernelTest, PeekShowsTheNextEventWithoutDeliveringIt) {
  EXPECT_EQ(kernel_.Peek(), nullptr);
  kernel_.Schedule(At(2, "b"));
  kernel_.Schedule(At(1, "a"));
  ASSERT_NE(kernel_.Peek(), nullptr);
  EXPECT_EQ(kernel_.Peek()->kind, "a");
  EXPECT_EQ(kernel_.Delivered(), 0u);
}

TEST_F(KernelTest, CancelledEventsNeverReachTheTrace) {
  kernel_.Schedule(At(1, "keep"));
  const uint64_t timer = kernel_.Schedule(At(2, "timer"));
  EXPECT_TRUE(kernel_.Cancel(timer));
  EXPECT_FALSE(kernel_.Cancel(timer));
  while (kernel_.Step(rec_)) {
  }
  EXPECT_EQ(rec_.kinds, std::vector<std::string>{"keep"});
}

TEST_F(KernelTest, RunUntilStopsAtTheTimeAndAtTheCap) {
  for (int ms = 1; ms <= 10; ++ms) kernel_.Schedule(At(ms, "e"));
  EXPECT_EQ(kernel_.RunUntil(rec_, SimTime::Millis(4), 100), 4u);
  EXPECT_EQ(kernel_.Now(), SimTime::Millis(4));
  EXPECT_EQ(kernel_.RunUntil(rec_, SimTime::Millis(100), 3), 3u);
  EXPECT_EQ(kernel_.Delivered(), 7u);
}

TEST_F(KernelTest, RestoreRewindsStateAndCutsTheTrace) {
  for (int ms = 1; ms <= 5; ++ms) kernel_.Schedule(At(ms, "e"));
  kernel_.Step(rec_);
  kernel_.Step(rec_);
  const KernelState snap = kernel_.Snapshot();
  const std::string before = TraceJsonLines(kernel_.Trace());
  while (kernel_.Step(rec_)) {
  }
  const std::string full = TraceJsonLines(kernel_.Trace());
  kernel_.Restore(snap);
  EXPECT_EQ(TraceJsonLines(kernel_.Trace()), before);
  EXPECT_EQ(kernel_.Now(), SimTime::Millis(2));
  while (kernel_.Step(rec_)) {
  }
  EXPECT_EQ(TraceJsonLines(kernel_.Trace()), full);
}

}  // namespace
}  // namespace eventlab::core
