// The words the page puts in the DOM for the step reached and the document title.
#include "view/step_text.h"

#include <gtest/gtest.h>

#include "api/lab.h"
#include "support/run_scenario.h"

namespace eventlab::view {
namespace {

TEST(StepText, AnnouncesTheStepAndWhatItDelivered) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/hello.json")).empty());
  const uint64_t total = lab.RunLength();
  EXPECT_EQ(StepAnnouncement(0, total, nullptr), "Step 0 of " + std::to_string(total) + ": nothing delivered yet");
  lab.Step();
  lab.Step();
  const core::TraceRecord& last = lab.Trace().back();
  const std::string text = StepAnnouncement(2, total, &last);
  EXPECT_EQ(text, "Step 2 of " + std::to_string(total) + ": " + last.event.from + " \u2192 " + last.event.to + ", " +
                      last.event.kind);
}

TEST(StepText, NamesTheErrorOfAFailedDelivery) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/hello.json")).empty());
  while (lab.CanStep() && lab.Step()) {
  }
  const core::TraceRecord* failed = nullptr;
  for (const auto& r : lab.Trace()) {
    if (r.event.error) failed = &r;
  }
  ASSERT_NE(failed, nullptr) << "hello.json's third job is refused";
  EXPECT_NE(DeliverySummary(*failed).find(", failed: " + failed->event.error->code), std::string::npos);
}

TEST(StepText, TitleCarriesTheScenarioAndTheStep) {
  EXPECT_EQ(PageTitle("", 3, 9), "eventlab");
  EXPECT_EQ(PageTitle("Hello, events", 3, 19), "Hello, events \u00b7 step 3 of 19 \u00b7 eventlab");
}

}  // namespace
}  // namespace eventlab::view
