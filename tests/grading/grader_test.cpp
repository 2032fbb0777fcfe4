// The grader on hello.json: objectives, evidence, seeds, variants, submissions and their errors.
#include "grading/grader.h"

#include <gtest/gtest.h>

#include "support/run_scenario.h"

namespace eventlab::grading {
namespace {

using testing::ReadSourceFile;

Json Hello() { return Json::parse(ReadSourceFile("web/scenarios/hello.json")); }

// An exercise on hello.json: the third job is too big for SQS; the learner may edit the script.
Json QueueLimitExercise() {
  return {{"version", 1},
          {"id", "queue-limit"},
          {"title", "Fit the queue's limit"},
          {"scenario", Hello()},
          {"editable", {"/script"}},
          {"tasks", {{{"id", "fit"}, {"title", "Make every job fit"}}}},
          {"objectives",
           {{{"id", "no-refusal"},
             {"title", "No message is refused"},
             {"task", "fit"},
             {"points", 2},
             {"check", {{"none", {{"kind", "queue.send.result"}, {"error", "InvalidParameterValue"}}}}},
             {"failure", "refused at #${evidence.seq} (${found.count} refusal)"}},
            {{"id", "three-echoed"},
             {"title", "Echo forwards three jobs"},
             {"check", {{"count", {{"kind", "queue.send"}, {"from", "function:echo"}}}, {"ge", 3}}}}}},
          {"solution", {{"script", {Hello()["script"][0], Hello()["script"][1],
                                    {{"at", "3s"}, {"client", "alice"}, {"call", "queue.send"},
                                     {"with", {{"queue", "jobs"}, {"body", {{"$body", {{"size", 1000}}}}}}}}}}}}};
}

Json GradeText(const Json& exercise, const std::optional<std::string>& submission = std::nullopt,
               const std::optional<std::string>& learner = std::nullopt) {
  std::string text = exercise.dump();
  GradeRequest r{text, std::nullopt, learner, nullptr};
  if (submission) r.submission_text = *submission;
  return Grade(r);
}

// The seq of the first delivery carrying `code`, found by running the scenario directly.
uint64_t FirstErrorSeq(const Json& scenario, const std::string& code, uint32_t seed) {
  api::Lab lab;
  EXPECT_TRUE(lab.Load(scenario.dump()).empty());
  lab.Reset(seed);
  lab.RunToEnd();
  for (const auto& r : lab.Trace())
    if (r.event.error && r.event.error->code == code) return r.seq;
  return 0;
}

TEST(Grader, StartFailsWithTheDeliveryThatBrokeIt) {
  Json record = GradeText(QueueLimitExercise());
  ASSERT_EQ(record["status"], "failed") << record.dump(2);
  EXPECT_EQ(ExitCode(record), 1);
  const Json& o = record["objectives"][0];
  EXPECT_EQ(o["status"], "failed");
  uint64_t seq = FirstErrorSeq(Hello(), "InvalidParameterValue", 42);
  ASSERT_GT(seq, 0u);
  EXPECT_EQ(o["evidence"]["seq"], seq);
  EXPECT_EQ(o["evidence"]["seed"], 42);
  EXPECT_EQ(o["evidence"]["error"], "InvalidParameterValue");
  EXPECT_EQ(o["message"], "refused at #" + std::to_string(seq) + " (1 refusal)");
  EXPECT_EQ(record["objectives"][1]["status"], "failed");  // echo forwarded only two jobs
  EXPECT_EQ(record["objectives"][1]["found"]["count"], 2);
  EXPECT_EQ(record["score"], 0);
  EXPECT_EQ(record["max_score"], 3);
  EXPECT_EQ(record["tasks"][0]["objectives"], Json({"no-refusal"}));
  EXPECT_EQ(record["tasks"][0]["max_score"], 2);
}

TEST(Grader, SolutionPassesEveryObjective) {
  Json ex = QueueLimitExercise();
  Json record = GradeText(ex, ex["solution"].dump());
  ASSERT_EQ(record["status"], "passed") << record.dump(2);
  EXPECT_EQ(ExitCode(record), 0);
  EXPECT_EQ(record["score"], 3);
  EXPECT_EQ(record["objectives"][0]["message"], "passed");
  EXPECT_TRUE(record["objectives"][0]["evidence"].is_null());  // nothing was refused
  EXPECT_EQ(record["objectives"][1]["evidence"]["from"], "function:echo");
}

TEST(Grader, AWholeScenarioIsASubmissionToo) {
  Json ex = QueueLimitExercise();
  Json whole = Hello();
  whole.merge_patch(ex["solution"]);
  whole["$schema"] = "../schema/scenario.schema.json";  // may differ freely
  EXPECT_EQ(GradeText(ex, whole.dump())["status"], "passed");
}

TEST(Grader, ChangesOutsideTheEditablePartsAreRefusedByPointer) {
  Json record = GradeText(QueueLimitExercise(), R"({"resources": {"jobs": {"visibility_timeout": "10s"}}})");
  ASSERT_EQ(record["status"], "error") << record.dump(2);
  EXPECT_EQ(ExitCode(record), 2);
  EXPECT_EQ(record["errors"][0]["in"], "submission");
  EXPECT_EQ(record["errors"][0]["path"], "/resources/jobs/visibility_timeout");
  EXPECT_NE(record["errors"][0]["message"].get<std::string>().find("not editable"), std::string::npos);
}

TEST(Grader, InvalidSubmissionJsonAndScenarioErrorsAreNamed) {
  Json bad_json = GradeText(QueueLimitExercise(), "{\"script\": [");
  ASSERT_EQ(bad_json["status"], "error");
  EXPECT_EQ(bad_json["errors"][0]["path"], "/");
  EXPECT_NE(bad_json["errors"][0]["message"].get<std::string>().find("submission"), std::string::npos);

  Json bad_step = GradeText(QueueLimitExercise(), R"({"script": [{"at": "1s", "client": "bob", "call": "queue.send", "with": {"queue": "jobs", "body": "x"}}]})");
  ASSERT_EQ(bad_step["status"], "error");
  EXPECT_EQ(bad_step["errors"][0]["path"], "/script/0/client");
}

TEST(Grader, UnknownObjectiveFieldsAndBadChecksAreExerciseErrors) {
  Json ex = QueueLimitExercise();
  ex["objectives"][0]["colour"] = "green";
  ex["objectives"][1]["check"] = {{"count", {{"kind", "queue.send"}, {"form", "x"}}}};
  Json record = GradeText(ex);
  ASSERT_EQ(record["status"], "error");
  std::vector<std::string> paths;
  for (const auto& e : record["errors"]) {
    EXPECT_EQ(e["in"], "exercise");
    paths.push_back(e["path"]);
  }
  EXPECT_NE(std::find(paths.begin(), paths.end(), "/objectives/0/colour"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "/objectives/1/check/count/form"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "/objectives/1/check"), paths.end());  // a count needs a bound
}

TEST(Grader, EverySeedMustPass) {
  Json ex = QueueLimitExercise();
  ex["seeds"] = 3;
  Json record = GradeText(ex, ex["solution"].dump());
  EXPECT_EQ(record["seeds"], Json({42, 43, 44}));
  EXPECT_EQ(record["runs"].size(), 3u);
  // An objective that holds on seed 42 only: echo's first send comes at exactly seed 42's time.
  api::Lab lab;
  Json solved = Hello();
  solved.merge_patch(ex["solution"]);
  ASSERT_TRUE(lab.Load(solved.dump()).empty());
  lab.RunToEnd();
  int64_t t42 = 0;
  for (const auto& r : lab.Trace())
    if (r.event.from == "function:echo" && r.event.kind == "queue.send") {
      t42 = r.event.time.us;
      break;
    }
  ex["objectives"][1]["check"] = {{"some", {{"from", "function:echo"}, {"kind", "queue.send"},
                                            {"where", {{"eq", {"${time_us}", t42}}}}}}};
  ex["seeds"] = Json::array({42});
  EXPECT_EQ(GradeText(ex, ex["solution"].dump())["objectives"][1]["status"], "passed");
  ex["seeds"] = Json::array({42, 43, 44});
  Json on_three = GradeText(ex, ex["solution"].dump());
  EXPECT_EQ(on_three["objectives"][1]["status"], "failed") << "jitter differs per seed";
  EXPECT_EQ(on_three["objectives"][1]["evidence"], nullptr);  // the failing seed has no such send
  EXPECT_EQ(on_three["objectives"][1]["message"].get<std::string>().substr(0, 7), "not met");
}

TEST(Grader, VariantsAreDrawnPerLearnerAndSubstituted) {
  Json ex = QueueLimitExercise();
  ex["variants"] = {{"size", {1000, 2000, 3000, 4000, 5000}}};
  ex["title"] = "Fit {{size}} bytes";
  ex["solution"]["script"][2]["with"]["body"]["$body"]["size"] = "{{size}}";
  Json a = GradeText(ex, std::nullopt, "alice");
  Json again = GradeText(ex, std::nullopt, "alice");
  EXPECT_EQ(a["variant"], again["variant"]);
  EXPECT_EQ(a["exercise"]["title"], "Fit " + a["variant"]["size"].dump() + " bytes");
  std::set<int> sizes;
  for (const char* learner : {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"})
    sizes.insert(GradeText(ex, std::nullopt, learner)["variant"]["size"].get<int>());
  EXPECT_GT(sizes.size(), 1u) << "every learner drew the same value";
  EXPECT_EQ(GradeText(ex)["variant"]["size"], 1000);  // no learner: the first value

  ex["title"] = "{{sise}}";
  Json bad = GradeText(ex);
  ASSERT_EQ(bad["status"], "error");
  EXPECT_EQ(bad["errors"][0]["path"], "/title");
}

TEST(Grader, FiguresCausesAndOrder) {
  Json ex = QueueLimitExercise();
  ex.erase("solution");
  ex["objectives"] = Json::parse(R"([
    {"id": "max", "title": "the biggest job is under 300,000 bytes",
     "check": {"figure": "max", "of": {"kind": "queue.send", "to": "queue:jobs"}, "field": "payload_bytes", "lt": 300000}},
    {"id": "caused", "title": "every echo send comes from a client call",
     "check": {"every": {"kind": "queue.send", "from": "function:echo"},
               "satisfies": {"caused_by": {"kind": "client.call", "to": "client:alice"}}}},
    {"id": "order", "title": "nothing reaches echo before the first call",
     "check": {"none": {"to": "function:echo", "before": {"kind": "client.call", "window": {"to": "0s"}}}}},
    {"id": "at-most-one", "title": "at most one result",
     "check": {"count": {"kind": "queue.send", "to": "queue:results"}, "le": 1}}
  ])");
  Json record = GradeText(ex);
  ASSERT_NE(record["status"], "error") << record.dump(2);
  const Json& max = record["objectives"][0];
  EXPECT_EQ(max["status"], "failed");
  EXPECT_GE(max["found"]["value"].get<int64_t>(), 300000);
  EXPECT_EQ(max["evidence"]["to"], "queue:jobs");
  EXPECT_EQ(record["objectives"][1]["status"], "passed");
  EXPECT_EQ(record["objectives"][2]["status"], "passed");
  const Json& count = record["objectives"][3];
  EXPECT_EQ(count["status"], "failed");
  EXPECT_EQ(count["found"]["count"], 2);
  // The evidence is the second send: the first one past the bound.
  api::Lab lab;
  ASSERT_TRUE(lab.Load(Hello().dump()).empty());
  lab.RunToEnd();
  std::vector<uint64_t> sends;
  for (const auto& r : lab.Trace())
    if (r.event.kind == "queue.send" && r.event.to == "queue:results") sends.push_back(r.seq);
  ASSERT_EQ(sends.size(), 2u);
  EXPECT_EQ(count["evidence"]["seq"], sends[1]);
}

TEST(Grader, StateChecksReadTheFinalState) {
  Json ex = QueueLimitExercise();
  ex["objectives"] = Json::parse(R"([
    {"id": "results", "title": "results holds two",
     "check": {"state": {"eq": ["${len(state.resources.results.messages)}", 2]}, "resource": "queue:results"}},
    {"id": "typo", "title": "a path that is not there",
     "check": {"state": {"eq": ["${state.resources.nope.x}", 1]}}}
  ])");
  Json record = GradeText(ex);
  ASSERT_NE(record["status"], "error") << record.dump(2);
  EXPECT_EQ(record["objectives"][0]["status"], "passed") << record["objectives"][0].dump();
  EXPECT_EQ(record["objectives"][0]["evidence"]["to"].get<std::string>() == "queue:results" ||
                record["objectives"][0]["evidence"]["from"].get<std::string>() == "queue:results",
            true);
  EXPECT_EQ(record["objectives"][1]["status"], "failed");
  EXPECT_TRUE(record["objectives"][1]["found"].contains("problem"));
}

TEST(Grader, ValidateNeedsAFailingStartAndAPassingSolution) {
  Json ex = QueueLimitExercise();
  auto ok = ValidateExercise(ex.dump(), nullptr);
  EXPECT_TRUE(ok.errors.empty());
  EXPECT_TRUE(ok.problems.empty()) << (ok.problems.empty() ? "" : ok.problems[0]);
  ex["solution"]["script"][2]["with"]["body"]["$body"]["size"] = 300000;  // still too big
  auto bad = ValidateExercise(ex.dump(), nullptr);
  ASSERT_FALSE(bad.problems.empty());
  EXPECT_NE(bad.problems[0].find("no-refusal"), std::string::npos);
  ex["solution"] = {{"resources", {{"jobs", {{"visibility_timeout", "10s"}}}}}};
  auto not_editable = ValidateExercise(ex.dump(), nullptr);
  ASSERT_FALSE(not_editable.errors.empty());
  EXPECT_EQ(not_editable.errors[0].path, "/solution/resources/jobs/visibility_timeout");
}

}  // namespace
}  // namespace eventlab::grading
