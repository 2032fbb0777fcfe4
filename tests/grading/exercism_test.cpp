// Exercism results.json v3 against a fixture written from exercism/docs
// building/tooling/test-runners/interface.md, plus its rules and limits.
#include <gtest/gtest.h>

#include "grading/format_fixtures.h"
#include "grading/formats.h"

namespace eventlab::grading {
namespace {

using testing::ErrorRecord;
using testing::GradedRecord;
using testing::ParseOutput;
using testing::ReadJsonFixture;

Json Exercism(const Json& record) { return ParseOutput(FormatRecord(record, OutputFormat::kExercism)); }

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

TEST(ExercismFormatTest, MatchesTheFixture) {
  EXPECT_EQ(Exercism(GradedRecord()), ReadJsonFixture("exercism-results.json"));
}

TEST(ExercismFormatTest, ErrorRecordHasStatusErrorAndTheMessage) {
  EXPECT_EQ(Exercism(ErrorRecord()), ReadJsonFixture("exercism-error.json"));
}

TEST(ExercismFormatTest, FollowsVersionThreeRules) {
  const Json out = Exercism(GradedRecord());
  EXPECT_EQ(out["version"], 3);
  EXPECT_TRUE(out["message"].is_null());  // only an error carries a top-level message
  const size_t tasks = GradedRecord()["tasks"].size();
  for (const Json& t : out["tests"]) {
    EXPECT_TRUE(t["status"] == "pass" || t["status"] == "fail" || t["status"] == "error");
    EXPECT_TRUE(t["name"].is_string());
    EXPECT_TRUE(t["test_code"].is_string());
    if (t.contains("task_id")) {
      ASSERT_TRUE(t["task_id"].is_number_integer());
      EXPECT_GE(t["task_id"].get<int>(), 1);
      EXPECT_LE(t["task_id"].get<size_t>(), tasks);
    }
  }
}

TEST(ExercismFormatTest, TaskIdsAreTaskPositionsFromOne) {
  Json record = GradedRecord();
  record["tasks"] = Json::array({{{"id", "cleanup"}}, {{"id", "upload"}}});
  record["objectives"][2]["task"] = "cleanup";
  record["objectives"][0]["task"] = "no-such-task";
  const Json out = Exercism(record);
  EXPECT_FALSE(out["tests"][0].contains("task_id"));
  EXPECT_EQ(out["tests"][1]["task_id"], 2);
  EXPECT_EQ(out["tests"][2]["task_id"], 1);
}

TEST(ExercismFormatTest, OutputIsTruncatedAt500CharsWithTheDocumentedMessage) {
  Json record = GradedRecord();
  std::string long_name = "function:";
  for (int i = 0; i < 300; ++i) long_name += "é";  // two bytes, one character each
  record["objectives"][1]["evidence"]["to"] = long_name;
  record["objectives"][1]["evidence"]["from"] = long_name;
  const std::string output = Exercism(record)["tests"][1]["output"];
  const std::string notice = "Output was truncated. Please limit to 500 chars";
  ASSERT_GE(output.size(), notice.size());
  EXPECT_EQ(output.substr(output.size() - notice.size()), notice);
  EXPECT_EQ(CodePoints(output.substr(0, output.size() - notice.size() - 1)), 500u);
  // Output of 500 characters or fewer is left alone.
  EXPECT_EQ(Exercism(GradedRecord())["tests"][1]["output"],
            "seed 7, #6 api:images-api -> function:upload-direct function.invoke");
}

TEST(ExercismFormatTest, TopLevelMessageStaysWithin65535BytesOfWholeCharacters) {
  Json record = ErrorRecord();
  std::string huge;
  for (int i = 0; i < 40000; ++i) huge += "ü";
  record["errors"] = Json::array({{{"in", "submission"}, {"path", "/x"}, {"message", huge}}});
  const std::string prefix = "Not graded: 1 error in the submission\n/x: ";
  const std::string message = Exercism(record)["message"];
  EXPECT_LE(message.size(), 65535u);
  EXPECT_GT(message.size(), 65530u);
  // The prefix then whole two-byte characters: a split one would have been repaired to U+FFFD.
  EXPECT_EQ(message.rfind(prefix, 0), 0u);
  EXPECT_EQ((message.size() - prefix.size()) % 2, 0u);
  EXPECT_EQ(message.substr(message.size() - 2), "ü");
}

}  // namespace
}  // namespace eventlab::grading
