// The shipped exercises: each start fails the objectives it should, with the delivery that an
// independent look at the run finds as the evidence, and each solution passes every objective on
// every seed.
#include <gtest/gtest.h>

#include <set>

#include "core/digest.h"
#include "grading/grader.h"
#include "support/run_scenario.h"

namespace eventlab::grading {
namespace {

using testing::ReadSourceFile;

Json GradeFile(const std::string& file, const std::optional<std::string>& submission = std::nullopt,
               const std::optional<std::string>& learner = std::nullopt) {
  std::string text = ReadSourceFile("web/exercises/" + file);
  EXPECT_FALSE(text.empty()) << file;
  GradeRequest r{text, std::nullopt, learner, nullptr};
  if (submission) r.submission_text = *submission;
  return Grade(r);
}

std::set<std::string> Failing(const Json& record) {
  std::set<std::string> out;
  for (const auto& o : record["objectives"])
    if (o["status"] == "failed") out.insert(o["id"]);
  return out;
}

const Json& Objective(const Json& record, const std::string& id) {
  for (const auto& o : record["objectives"])
    if (o["id"] == id) return o;
  static const Json none;
  ADD_FAILURE() << "no objective " << id;
  return none;
}

// The start scenario of an exercise, run with its first seed.
void RunStart(const std::string& file, api::Lab& lab) {
  Json ex = Json::parse(ReadSourceFile("web/exercises/" + file));
  testing::LoadAndRun(lab, ex["scenario"].dump());
}

std::string Solution(const std::string& file) {
  return Json::parse(ReadSourceFile("web/exercises/" + file))["solution"].dump();
}

TEST(Exercises, BiggerThan6MbStartFailsAtTheOversizedInvoke) {
  Json record = GradeFile("bigger-than-6mb.json");
  ASSERT_EQ(record["status"], "failed") << record.dump(2);
  EXPECT_EQ(Failing(record), (std::set<std::string>{"image-in-bucket", "no-function-over-6mb", "url-expires-soon"}));
  api::Lab lab;
  RunStart("bigger-than-6mb.json", lab);
  uint64_t oversized = 0;
  for (const auto& r : lab.Trace())
    if (r.event.kind == "function.invoke" && core::PayloadSize(r.event.payload) > 6291456) {
      oversized = r.seq;
      break;
    }
  ASSERT_GT(oversized, 0u);
  const Json& o = Objective(record, "no-function-over-6mb");
  EXPECT_EQ(o["evidence"]["seq"], oversized);
  EXPECT_EQ(o["evidence"]["to"], "function:upload-direct");
  EXPECT_EQ(record["seeds"], Json({7, 8, 9}));
}

TEST(Exercises, BiggerThan6MbSolutionPasses) {
  Json record = GradeFile("bigger-than-6mb.json", Solution("bigger-than-6mb.json"));
  EXPECT_EQ(record["status"], "passed") << record.dump(2);
  EXPECT_EQ(record["score"], record["max_score"]);
  EXPECT_EQ(Objective(record, "image-in-bucket")["evidence"]["from"], "bucket:uploads");
}

TEST(Exercises, BiggerThan6MbRefusesAPublicShortcut) {
  // Changing the bucket is not the learner's to do.
  Json record = GradeFile("bigger-than-6mb.json", R"({"resources": {"uploads": {"description": "open"}}})");
  ASSERT_EQ(record["status"], "error");
  EXPECT_EQ(record["errors"][0]["path"], "/resources/uploads/description");
}

TEST(Exercises, OneUploadTwoConsumersStartNeverReachesCatalog) {
  Json record = GradeFile("one-upload-two-consumers.json", std::nullopt, "alice");
  ASSERT_EQ(record["status"], "failed") << record.dump(2);
  EXPECT_EQ(Failing(record), (std::set<std::string>{"catalog-gets-each-once"}));
  const Json& o = Objective(record, "catalog-gets-each-once");
  EXPECT_EQ(o["found"]["count"], 0);
  EXPECT_TRUE(o["evidence"].is_null());  // nothing ever reached catalog
}

TEST(Exercises, OneUploadTwoConsumersSolutionPassesForEveryVariant) {
  for (const char* learner : {"alice", "bob", "carol", "dave"}) {
    Json record = GradeFile("one-upload-two-consumers.json", Solution("one-upload-two-consumers.json"), learner);
    EXPECT_EQ(record["status"], "passed") << learner << ": " << record.dump(2);
  }
}

TEST(Exercises, OneUploadTwoConsumersHalfwayFailsOnTheFirstRetry) {
  // The topic is there, but the handlers still read an S3 event: every attempt fails.
  Json solution = Json::parse(Solution("one-upload-two-consumers.json"));
  solution["resources"].erase("thumbnail");
  solution["resources"].erase("catalog");
  Json record = GradeFile("one-upload-two-consumers.json", solution.dump());
  EXPECT_EQ(Failing(record), (std::set<std::string>{"nothing-dropped"}));
  EXPECT_EQ(Objective(record, "nothing-dropped")["evidence"]["kind"], "function.retry");
}

TEST(Exercises, KeepTheTokenStartLeaksAtTheInjectedScript) {
  Json record = GradeFile("keep-the-token-from-the-script.json");
  ASSERT_EQ(record["status"], "failed") << record.dump(2);
  EXPECT_EQ(Failing(record), (std::set<std::string>{"script-cannot-read-token"}));
  api::Lab lab;
  RunStart("keep-the-token-from-the-script.json", lab);
  const core::Event* xss = testing::Find(lab, "browser.inject_script.result", "client:browser");
  ASSERT_NE(xss, nullptr);
  ASSERT_FALSE(xss->payload["read"]["localStorage"].empty());  // the token is there to take
  uint64_t seq = 0;
  for (const auto& r : lab.Trace())
    if (&r.event == xss) seq = r.seq;
  EXPECT_EQ(Objective(record, "script-cannot-read-token")["evidence"]["seq"], seq);
}

TEST(Exercises, KeepTheTokenSolutionPasses) {
  Json record = GradeFile("keep-the-token-from-the-script.json", Solution("keep-the-token-from-the-script.json"));
  EXPECT_EQ(record["status"], "passed") << record.dump(2);
}

TEST(Exercises, KeepTheTokenSameSiteNoneCarriesTheCookieCrossSite) {
  Json solution = Json::parse(Solution("keep-the-token-from-the-script.json"));
  Json& ret = solution["resources"]["login"]["handler"][2]["return"]["headers"]["Set-Cookie"];
  std::string cookie = ret.get<std::string>();
  cookie.replace(cookie.find("SameSite=Strict"), 15, "SameSite=None");
  ret = cookie;
  Json record = GradeFile("keep-the-token-from-the-script.json", solution.dump());
  EXPECT_EQ(Failing(record), (std::set<std::string>{"cross-site-no-cookie"}));
  EXPECT_EQ(Objective(record, "cross-site-no-cookie")["evidence"]["to"], "api:app-api");
}

TEST(Exercises, EveryShippedExerciseValidates) {
  for (const char* file : {"bigger-than-6mb.json", "one-upload-two-consumers.json", "keep-the-token-from-the-script.json"}) {
    auto v = ValidateExercise(ReadSourceFile(std::string("web/exercises/") + file), nullptr);
    EXPECT_TRUE(v.errors.empty()) << file << ": " << (v.errors.empty() ? "" : v.errors[0].Text());
    EXPECT_TRUE(v.problems.empty()) << file << ": " << (v.problems.empty() ? "" : v.problems[0]);
    Json ex = Json::parse(ReadSourceFile(std::string("web/exercises/") + file));
    for (const auto& o : ex["objectives"]) EXPECT_EQ(o["hints"].size(), 3u) << file << " " << o["id"];
  }
}

}  // namespace
}  // namespace eventlab::grading
