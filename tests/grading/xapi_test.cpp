// xAPI statements against a fixture written from the xAPI 1.0.3 specification
// (adlnet/xAPI-Spec xAPI-Data.md) and the ADL verbs, plus the score rules of 2.4.5.1.
#include <gtest/gtest.h>

#include "grading/format_fixtures.h"
#include "grading/formats.h"

namespace eventlab::grading {
namespace {

using testing::ErrorRecord;
using testing::GradedRecord;
using testing::ParseOutput;
using testing::ReadJsonFixture;

Json Xapi(const Json& record, const FormatOptions& options = {}) {
  return ParseOutput(FormatRecord(record, OutputFormat::kXapi, options));
}

TEST(XapiFormatTest, MatchesTheFixture) { EXPECT_EQ(Xapi(GradedRecord()), ReadJsonFixture("xapi-statements.json")); }

TEST(XapiFormatTest, ErrorRecordGivesNoStatements) { EXPECT_EQ(Xapi(ErrorRecord()), Json::array()); }

TEST(XapiFormatTest, VerbsAreAdlIrisAndScoresAreScaledWithinTheirRange) {
  const Json out = Xapi(GradedRecord());
  ASSERT_EQ(out.size(), 4u);
  for (size_t i = 0; i < out.size(); ++i) {
    const Json& s = out[i];
    const std::string verb = s["verb"]["id"];
    if (i + 1 < out.size()) {
      EXPECT_EQ(verb, "http://adlnet.gov/expapi/verbs/answered");
      EXPECT_EQ(s["context"]["contextActivities"]["parent"][0]["id"],
                "https://eventlab.example/exercises/bigger-than-6mb");
    } else {
      EXPECT_EQ(verb, "http://adlnet.gov/expapi/verbs/failed");
      EXPECT_EQ(s["object"]["id"], "https://eventlab.example/exercises/bigger-than-6mb");
    }
    const Json& score = s["result"]["score"];
    const double raw = score["raw"], min = score["min"], max = score["max"], scaled = score["scaled"];
    EXPECT_LT(min, max);
    EXPECT_GE(raw, min);
    EXPECT_LE(raw, max);
    EXPECT_DOUBLE_EQ(scaled, raw / max);
    EXPECT_GE(scaled, 0.0);
    EXPECT_LE(scaled, 1.0);
    EXPECT_TRUE(s["result"]["success"].is_boolean());
    // The LRS assigns these; leaving them out keeps the output deterministic.
    for (const char* key : {"id", "timestamp", "stored", "version", "authority"}) EXPECT_FALSE(s.contains(key)) << key;
  }
}

TEST(XapiFormatTest, PassedAttemptUsesThePassedVerb) {
  Json record = GradedRecord();
  record["status"] = "passed";
  const Json out = Xapi(record);
  EXPECT_EQ(out.back()["verb"]["id"], "http://adlnet.gov/expapi/verbs/passed");
  EXPECT_EQ(out.back()["result"]["success"], true);
}

TEST(XapiFormatTest, ZeroMaxScoreKeepsOnlyTheRawScore) {
  Json record = GradedRecord();
  record["max_score"] = 0;
  record["score"] = 0;
  record["objectives"][0]["points"] = 0;
  record["objectives"][0]["score"] = 0;
  const Json out = Xapi(record);
  EXPECT_EQ(out[0]["result"]["score"], Json({{"raw", 0}}));
  EXPECT_EQ(out.back()["result"]["score"], Json({{"raw", 0}}));
}

TEST(XapiFormatTest, AnonymousLearnerAndOptionsShapeActorAndIds) {
  Json record = GradedRecord();
  record["learner"] = nullptr;
  record["exercise"]["id"] = "big file/ü";
  FormatOptions options;
  options.activity_base = "https://lms.example.edu/xapi/eventlab";
  options.account_home_page = "https://lms.example.edu";
  const Json out = Xapi(record, options);
  EXPECT_EQ(out[0]["actor"], Json({{"objectType", "Agent"},
                                   {"account", {{"homePage", "https://lms.example.edu"}, {"name", "anonymous"}}}}));
  EXPECT_EQ(out.back()["object"]["id"], "https://lms.example.edu/xapi/eventlab/big%20file%2F%C3%BC");
  EXPECT_EQ(out[1]["object"]["id"],
            "https://lms.example.edu/xapi/eventlab/big%20file%2F%C3%BC/objectives/payload-small");
}

}  // namespace
}  // namespace eventlab::grading
