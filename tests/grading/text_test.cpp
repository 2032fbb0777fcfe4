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
            "eventlab grade\nNot graded: 2 errors in the submission\n"
            "/objectives/2/check: unknown field \"sum\"\n/tasks/0/objectives: names no objective \"missing\"\n");
}

TEST(TextFormatTest, ErrorSummaryNamesTheDocumentTheErrorsAreIn) {
  Json record = ErrorRecord();
  record["errors"] = Json::array({{{"in", "exercise"}, {"path", "/title"}, {"message", "must be a string"}}});
  EXPECT_NE(
      FormatRecord(record, OutputFormat::kText).find("Not graded: 1 error in the exercise\n/title: must be a string\n"),
      std::string::npos);
  record["errors"].push_back({{"in", "submission"}, {"path", "/"}, {"message", "not JSON"}});
  EXPECT_NE(FormatRecord(record, OutputFormat::kText).find("Not graded: 2 errors in the exercise or submission\n"),
            std::string::npos);
  record["errors"] = Json::array({{{"path", "/"}, {"message", "not JSON"}}});  // no "in"
  EXPECT_NE(FormatRecord(record, OutputFormat::kText).find("Not graded: 1 error in the exercise or submission\n"),
            std::string::npos);
}

}  // namespace
}  // namespace eventlab::grading
