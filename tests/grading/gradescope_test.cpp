// Gradescope results.json against a fixture written from "Autograder Specifications"
// (https://gradescope-autograders.readthedocs.io/en/latest/specs/), plus its structural rules.
#include <gtest/gtest.h>

#include "grading/format_fixtures.h"
#include "grading/formats.h"

namespace eventlab::grading {
namespace {

using testing::ErrorRecord;
using testing::GradedRecord;
using testing::ParseOutput;
using testing::ReadJsonFixture;

Json Gradescope(const Json& record, double seconds = 0) {
  FormatOptions options;
  options.execution_time_s = seconds;
  return ParseOutput(FormatRecord(record, OutputFormat::kGradescope, options));
}

TEST(GradescopeFormatTest, MatchesTheFixture) {
  EXPECT_EQ(Gradescope(GradedRecord(), 1.25), ReadJsonFixture("gradescope-results.json"));
}

TEST(GradescopeFormatTest, ErrorRecordScoresZeroAndListsTheErrorsInOutput) {
  EXPECT_EQ(Gradescope(ErrorRecord()), ReadJsonFixture("gradescope-error.json"));
}

TEST(GradescopeFormatTest, TestsFollowTheDocumentedRules) {
  const Json out = Gradescope(GradedRecord());
  ASSERT_TRUE(out["tests"].is_array());
  int64_t sum = 0;
  for (const Json& t : out["tests"]) {
    // "Test case status": "passed" or "failed" are the only values.
    ASSERT_TRUE(t["status"].is_string());
    EXPECT_TRUE(t["status"] == "passed" || t["status"] == "failed") << t["status"];
    EXPECT_TRUE(t["number"].is_string());  // "1.1" in the spec
    EXPECT_TRUE(t["name"].is_string());
    EXPECT_TRUE(t["output"].is_string());
    EXPECT_EQ(t["visibility"], "visible");
    EXPECT_TRUE(t["extra_data"].is_object());
    EXPECT_LE(t["score"].get<int64_t>(), t["max_score"].get<int64_t>());
    sum += t["score"].get<int64_t>();
  }
  EXPECT_EQ(out["score"], sum);
  EXPECT_EQ(out["score"], GradedRecord()["score"]);
  // Learner-controlled text must not be rendered as HTML (the top-level default).
  EXPECT_EQ(out["output_format"], "text");
}

TEST(GradescopeFormatTest, ExecutionTimeIsSecondsToTheMillisecond) {
  EXPECT_EQ(Gradescope(GradedRecord(), 2.00049)["execution_time"], 2.0);
  EXPECT_EQ(Gradescope(GradedRecord(), 0.1236)["execution_time"], 0.124);
}

}  // namespace
}  // namespace eventlab::grading
