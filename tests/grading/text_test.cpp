// The terminal report, compared with hand-written fixtures.
#include <gtest/gtest.h>

#include "grading/format_fixtures.h"
#include "grading/formats.h"

namespace eventlab::grading {
namespace {

using testing::ErrorRecord;
using testing::GradedRecord;
using testing::ReadFixture;

TEST(TextFormatTest, MatchesTheFixture) {
  EXPECT_EQ(FormatRecord(GradedRecord(), OutputFormat::kText), ReadFixture("text-report.txt"));
}

TEST(TextFormatTest, ErrorRecordListsPathAndMessage) {
  EXPECT_EQ(FormatRecord(ErrorRecord(), OutputFormat::kText), ReadFixture("text-error.txt"));
}

TEST(TextFormatTest, AnonymousRecordWithoutVariantOmitsThoseLines) {
  Json record = GradedRecord();
  record["learner"] = nullptr;
  record["variant"] = Json::object();
  const std::string out = FormatRecord(record, OutputFormat::kText);
  EXPECT_EQ(out.find("Learner:"), std::string::npos);
  EXPECT_EQ(out.find("Variant:"), std::string::npos);
  EXPECT_NE(out.find("Seeds: 7, 8, 9\n"), std::string::npos);
}

TEST(TextFormatTest, ErrorRecordWithoutExerciseStillReports) {
  Json record = ErrorRecord();
  record["exercise"] = nullptr;
  EXPECT_EQ(FormatRecord(record, OutputFormat::kText),
            "eventlab grade\nNot graded: 2 errors in the exercise or submission\n"
            "/objectives/2/check: unknown field \"sum\"\n/tasks/0/objectives: names no objective \"missing\"\n");
}

}  // namespace
}  // namespace eventlab::grading
