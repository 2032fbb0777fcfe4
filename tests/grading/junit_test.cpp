// JUnit XML against fixtures written from GitLab's "Unit test reports" (JUnit XML format
// specification) and the Ant/Jenkins schema; well-formedness and escaping checked by reading the
// output back with a strict parser.
#include <gtest/gtest.h>

#include "grading/format_fixtures.h"
#include "grading/formats.h"
#include "grading/mini_xml.h"

namespace eventlab::grading {
namespace {

using testing::ErrorRecord;
using testing::GradedRecord;
using testing::MiniXml;
using testing::ReadFixture;
using testing::XmlElement;

std::string Junit(const Json& record, double seconds = 0) {
  FormatOptions options;
  options.execution_time_s = seconds;
  return FormatRecord(record, OutputFormat::kJunit, options);
}

std::unique_ptr<XmlElement> Parse(const std::string& xml) {
  std::string error;
  auto root = MiniXml::Parse(xml, &error);
  EXPECT_NE(root, nullptr) << error << "\n" << xml;
  return root;
}

TEST(JunitFormatTest, MatchesTheFixture) { EXPECT_EQ(Junit(GradedRecord(), 1.25), ReadFixture("junit-report.xml")); }

TEST(JunitFormatTest, ErrorRecordIsOneTestcaseWithAnError) {
  EXPECT_EQ(Junit(ErrorRecord()), ReadFixture("junit-error.xml"));
  auto root = Parse(Junit(ErrorRecord()));
  ASSERT_NE(root, nullptr);
  const XmlElement* suite = root->Child("testsuite");
  ASSERT_NE(suite, nullptr);
  EXPECT_EQ(suite->attributes.at("errors"), "1");
  ASSERT_EQ(suite->Count("testcase"), 1u);
  EXPECT_NE(suite->Child("testcase")->Child("error"), nullptr);
}

TEST(JunitFormatTest, CountsMatchTheTestcases) {
  auto root = Parse(Junit(GradedRecord()));
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->name, "testsuites");
  const XmlElement* suite = root->Child("testsuite");
  ASSERT_NE(suite, nullptr);
  size_t failures = 0;
  for (size_t i = 0; i < suite->Count("testcase"); ++i) {
    const XmlElement* tc = suite->Child("testcase", i);
    // GitLab reads classname (as the suite), name and time.
    EXPECT_TRUE(tc->attributes.count("classname"));
    EXPECT_TRUE(tc->attributes.count("name"));
    EXPECT_TRUE(tc->attributes.count("time"));
    failures += tc->Child("failure") != nullptr;
  }
  EXPECT_EQ(suite->attributes.at("tests"), std::to_string(suite->Count("testcase")));
  EXPECT_EQ(suite->attributes.at("failures"), std::to_string(failures));
  EXPECT_EQ(root->attributes.at("tests"), suite->attributes.at("tests"));
}

TEST(JunitFormatTest, EscapesMarkupQuotesAndForbiddenControlCharacters) {
  Json record = GradedRecord();
  const std::string nasty = "a<b & \"c\" 'd' > e\x01 f\x1f\ttab\r\nnext";
  record["exercise"]["id"] = "ex<&\"'>";
  record["objectives"][1]["title"] = nasty;
  record["objectives"][1]["message"] = nasty;
  record["objectives"][0]["message"] = "]]> <![CDATA[ </system-out>";
  const std::string xml = Junit(record);
  auto root = Parse(xml);  // fails on a raw '<', '&' or U+0001
  ASSERT_NE(root, nullptr);
  const XmlElement* suite = root->Child("testsuite");
  ASSERT_NE(suite, nullptr);
  EXPECT_EQ(suite->attributes.at("name"), "ex<&\"'>");
  const XmlElement* failed = suite->Child("testcase", 1);
  ASSERT_NE(failed, nullptr);
  // Control characters XML 1.0 cannot carry at all become U+FFFD; tab and CR LF survive,
  // written as references inside attributes.
  const std::string expected = "a<b & \"c\" 'd' > e\uFFFD f\uFFFD\ttab\r\nnext";
  EXPECT_EQ(failed->attributes.at("name"), "payload-small: " + expected);
  ASSERT_NE(failed->Child("failure"), nullptr);
  EXPECT_EQ(failed->Child("failure")->attributes.at("message"), expected);
  EXPECT_EQ(failed->Child("failure")->text.rfind(expected, 0), 0u);
  EXPECT_EQ(suite->Child("testcase", 0)->Child("system-out")->text.rfind("]]> <![CDATA[ </system-out>", 0), 0u);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
}

TEST(JunitFormatTest, InvalidUtf8BecomesReplacementCharacters) {
  Json record = GradedRecord();
  record["objectives"][1]["message"] = std::string("bad \xc3 byte \xed\xa0\x80 surrogate");
  auto root = Parse(Junit(record));
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->Child("testsuite")->Child("testcase", 1)->Child("failure")->attributes.at("message"),
            "bad \uFFFD byte \uFFFD\uFFFD\uFFFD surrogate");
}

}  // namespace
}  // namespace eventlab::grading
