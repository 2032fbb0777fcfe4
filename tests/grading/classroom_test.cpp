// GitHub Classroom: the $GITHUB_OUTPUT line decodes, as autograding-grading-reporter decodes
// `<RUNNER>_RESULTS` (Buffer.from(v, "base64") then JSON.parse, src/main.js), to the runner
// result that classroom-resources/autograding-io-grader builds (src/main.js).
#include <gtest/gtest.h>
#include <mbedtls/base64.h>

#include <vector>

#include "grading/format_fixtures.h"
#include "grading/formats.h"

namespace eventlab::grading {
namespace {

using testing::ErrorRecord;
using testing::GradedRecord;
using testing::ReadJsonFixture;

// What the workflow puts in the reporter's env: the value of the step output "result".
std::string OutputValue(const std::string& line) {
  const std::string prefix = "result=";
  EXPECT_EQ(line.compare(0, prefix.size(), prefix), 0) << line;
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1) << "a name=value output is one line";
  return line.substr(prefix.size(), line.size() - prefix.size() - 1);
}

Json DecodeLikeTheReporter(const std::string& b64) {
  size_t needed = 0;
  const auto* src = reinterpret_cast<const unsigned char*>(b64.data());
  mbedtls_base64_decode(nullptr, 0, &needed, src, b64.size());
  std::vector<unsigned char> buf(needed + 1);
  size_t written = 0;
  EXPECT_EQ(mbedtls_base64_decode(buf.data(), buf.size(), &written, src, b64.size()), 0) << b64;
  Json j = Json::parse(std::string(reinterpret_cast<const char*>(buf.data()), written), nullptr, false);
  EXPECT_FALSE(j.is_discarded());
  return j;
}

Json Classroom(const Json& record) {
  return DecodeLikeTheReporter(OutputValue(FormatRecord(record, OutputFormat::kClassroom)));
}

TEST(ClassroomFormatTest, DecodesToTheFixture) {
  EXPECT_EQ(Classroom(GradedRecord()), ReadJsonFixture("classroom-result.json"));
}

TEST(ClassroomFormatTest, ErrorRecordHasStatusErrorAndOneTestWithTheErrors) {
  EXPECT_EQ(Classroom(ErrorRecord()), ReadJsonFixture("classroom-error.json"));
}

TEST(ClassroomFormatTest, CarriesWhatTheReporterReads) {
  const Json r = Classroom(GradedRecord());
  // main.js fails the job on status "fail" or "error".
  EXPECT_EQ(r["status"], "fail");
  ASSERT_TRUE(r["tests"].is_array());
  ASSERT_FALSE(r["tests"].empty());  // console-results.js divides by tests.length
  int passed = 0;
  int64_t total = 0;
  for (const Json& t : r["tests"]) {
    for (const char* key : {"name", "status", "score", "message", "test_code", "filename", "line_no", "duration"})
      EXPECT_TRUE(t.contains(key)) << key;
    EXPECT_TRUE(t["status"] == "pass" || t["status"] == "fail" || t["status"] == "error");
    if (t["status"] == "pass") {
      ++passed;
    } else {
      EXPECT_TRUE(t["message"].is_string());  // printed as "Error: <message>"
    }
    total += t["score"].get<int64_t>();
  }
  EXPECT_EQ(passed, 2);
  // notify-classroom.js: points = sum of tests[].score out of max_score.
  EXPECT_EQ(total, 4);
  EXPECT_EQ(r["max_score"], 6);
}

TEST(ClassroomFormatTest, PassingRecordHasStatusPass) {
  Json record = GradedRecord();
  record["status"] = "passed";
  for (Json& o : record["objectives"]) o["status"] = "passed";
  const Json r = Classroom(record);
  EXPECT_EQ(r["status"], "pass");
  for (const Json& t : r["tests"]) EXPECT_EQ(t["status"], "pass");
}

TEST(ClassroomFormatTest, NonAsciiSurvivesTheRoundTrip) {
  // Buffer.from(json) is UTF-8, so the decoded text must be the same UTF-8.
  Json record = GradedRecord();
  record["objectives"][1]["message"] = "größer als 6 MB — 8 MB";
  EXPECT_EQ(Classroom(record)["tests"][1]["message"].get<std::string>().rfind("größer als 6 MB — 8 MB", 0), 0u);
}

}  // namespace
}  // namespace eventlab::grading
