// Format names, the json format, and that every format survives malformed records.
#include "grading/formats.h"

#include <gtest/gtest.h>

#include "grading/format_fixtures.h"

namespace eventlab::grading {
namespace {

using testing::ErrorRecord;
using testing::GradedRecord;

constexpr OutputFormat kAll[] = {OutputFormat::kText,       OutputFormat::kJson,      OutputFormat::kJunit,
                                 OutputFormat::kGradescope, OutputFormat::kClassroom, OutputFormat::kExercism,
                                 OutputFormat::kXapi};

TEST(OutputFormatNamesTest, ListsEveryFormatInOrder) {
  EXPECT_EQ(OutputFormatNames(), "text|json|junit|gradescope|classroom|exercism|xapi");
}

TEST(ParseOutputFormatTest, AcceptsEachListedName) {
  EXPECT_EQ(ParseOutputFormat("text"), OutputFormat::kText);
  EXPECT_EQ(ParseOutputFormat("json"), OutputFormat::kJson);
  EXPECT_EQ(ParseOutputFormat("junit"), OutputFormat::kJunit);
  EXPECT_EQ(ParseOutputFormat("gradescope"), OutputFormat::kGradescope);
  EXPECT_EQ(ParseOutputFormat("classroom"), OutputFormat::kClassroom);
  EXPECT_EQ(ParseOutputFormat("exercism"), OutputFormat::kExercism);
  EXPECT_EQ(ParseOutputFormat("xapi"), OutputFormat::kXapi);
}

TEST(ParseOutputFormatTest, RefusesUnknownNames) {
  for (const char* name : {"", "xml", "JSON", "Text", " text", "text ", "junit-xml", "github", "tap", "text|json",
                           "a-format-name-much-longer-than-any-real-one"})
    EXPECT_EQ(ParseOutputFormat(name), std::nullopt) << '"' << name << '"';
}

TEST(JsonFormatTest, IsTheRecordIndentedByTwoWithANewline) {
  const Json record = GradedRecord();
  EXPECT_EQ(FormatRecord(record, OutputFormat::kJson), record.dump(2) + "\n");
  const Json error = ErrorRecord();
  EXPECT_EQ(FormatRecord(error, OutputFormat::kJson), error.dump(2) + "\n");
}

TEST(FormatRecordTest, SameRecordGivesTheSameBytes) {
  for (OutputFormat f : kAll) EXPECT_EQ(FormatRecord(GradedRecord(), f), FormatRecord(GradedRecord(), f));
}

TEST(FormatRecordTest, MalformedRecordsDoNotThrow) {
  Json bad_types = GradedRecord();
  bad_types["score"] = "four";
  bad_types["objectives"][0]["evidence"] = "not an object";
  bad_types["objectives"][1] = 42;
  bad_types["exercise"] = nullptr;
  bad_types["tasks"] = {{"id", 3}};
  Json bad_utf8 = GradedRecord();
  bad_utf8["objectives"][1]["message"] = std::string("bytes \xff\xfe at #6");
  for (const Json& record : {Json(), Json::array(), Json("x"), Json::object(), bad_types, bad_utf8})
    for (OutputFormat f : kAll)
      EXPECT_NO_THROW(FormatRecord(record, f)) << record.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace
}  // namespace eventlab::grading
