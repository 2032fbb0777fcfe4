// Lab::PendingCount and Lab::CanStep, the read-outs the UI's Step and Run controls use: CanStep
// turns false when nothing is pending or when the scenario's limits.max_events is reached.
#include <gtest/gtest.h>

#include "api/lab.h"

namespace eventlab::api {
namespace {

constexpr const char* kTwoSends = R"({"version": 1, "seed": 1, "limits": {"max_events": LIMIT},
  "resources": {"c": {"kind": "client"}, "q": {"kind": "queue"}},
  "script": [{"at": "0s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": "a"}},
             {"at": "1s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": "b"}}]})";

std::string WithLimit(int limit) {
  std::string text = kTwoSends;
  text.replace(text.find("LIMIT"), 5, std::to_string(limit));
  return text;
}

TEST(LabCanStepTest, FalseBeforeAnyScenario) {
  Lab lab;
  EXPECT_EQ(lab.PendingCount(), 0u);
  EXPECT_FALSE(lab.CanStep());
}

TEST(LabCanStepTest, PendingCountMatchesPendingUntilTheRunEnds) {
  Lab lab;
  ASSERT_TRUE(lab.Load(WithLimit(1000)).empty());
  while (lab.CanStep()) {
    EXPECT_EQ(lab.PendingCount(), lab.Pending().size());
    ASSERT_TRUE(lab.Step().has_value());
  }
  EXPECT_EQ(lab.PendingCount(), 0u);
  EXPECT_FALSE(lab.Step().has_value());
}

TEST(LabCanStepTest, FalseAtTheEventLimitWithEventsPending) {
  Lab lab;
  ASSERT_TRUE(lab.Load(WithLimit(2)).empty());
  ASSERT_TRUE(lab.Step() && lab.Step());
  EXPECT_GT(lab.PendingCount(), 0u);
  EXPECT_TRUE(lab.HitEventLimit());
  EXPECT_FALSE(lab.CanStep());
  ASSERT_TRUE(lab.StepBack());
  EXPECT_TRUE(lab.CanStep());
}

}  // namespace
}  // namespace eventlab::api
