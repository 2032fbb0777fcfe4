#include "grading/grader.h"

#include "api/lab.h"
#include "cloud/functions/template.h"
#include "core/json_bounds.h"
#include "grading/check_eval.h"
#include "grading/run_facts.h"
#include "grading/submission.h"

namespace eventlab::grading {
namespace {

constexpr int kRecordVersion = 1;

// `in` says which document the pointers point into: "exercise" or "submission".
Json ErrorRecord(const std::optional<Exercise>& ex, const std::optional<std::string>& learner,
                 const std::vector<scenario::LoadError>& errors, const char* in) {
  Json list = Json::array();
  for (const auto& e : errors) list.push_back({{"in", in}, {"path", e.path.empty() ? "/" : e.path}, {"message", e.message}});
  return {{"version", kRecordVersion},
          {"exercise", ex ? Json{{"id", ex->id}, {"title", ex->title}} : Json()},
          {"learner", learner ? Json(*learner) : Json()},
          {"status", "error"},
          {"score", 0},
          {"max_score", 0},
          {"errors", list},
          {"objectives", Json::array()},
          {"tasks", Json::array()}};
}

// One objective's result on one seed.
struct SeedResult {
  CheckOutcome outcome;
  Json evidence;  ///< null or the evidence object
};

std::string RenderMessage(const std::string& text, const Json& found, const Json& evidence, uint32_t seed) {
  Json vars = {{"found", found}, {"evidence", evidence}, {"seed", seed}};
  cloud::functions::TemplateScope scope;
  scope.vars = &vars;
  scope.max_value_bytes = 64 * 1024;
  auto r = cloud::functions::Render(Json(text), scope);
  if (!r.ok()) return text + " (" + r.error().message + ")";
  return r.value().is_string() ? r.value().get<std::string>() : core::DumpText(r.value());
}

std::string DefaultFailure(const Json& found) {
  return "not met (found " + core::DumpText(found) + ")";
}

Json GradeScenario(const Exercise& ex, const Json& scenario_doc, const std::optional<std::string>& learner) {
  api::Lab lab;
  auto errors = lab.Load(core::DumpText(scenario_doc));
  if (!errors.empty()) return ErrorRecord(ex, learner, errors, "submission");

  // results[objective][seed]
  std::vector<std::vector<SeedResult>> results(ex.objectives.size());
  Json runs = Json::array();
  for (uint32_t seed : ex.seeds) {
    lab.Reset(seed);
    lab.RunToEnd();
    Json run = {{"seed", seed}, {"deliveries", lab.Delivered()}, {"stopped", nullptr}};
    if (auto stop = lab.Stopped()) run["stopped"] = {{"code", stop->code}, {"message", stop->message}};
    runs.push_back(run);
    RunFacts facts(seed, lab.Trace(), lab.State());
    for (size_t i = 0; i < ex.objectives.size(); ++i) {
      SeedResult r{EvaluateCheck(ex.objectives[i].check, facts), Json()};
      if (r.outcome.evidence) r.evidence = facts.Evidence(*r.outcome.evidence);
      results[i].push_back(std::move(r));
    }
  }

  Json objectives = Json::array();
  int64_t score = 0, max_score = 0;
  bool all_passed = true;
  for (size_t i = 0; i < ex.objectives.size(); ++i) {
    const Objective& o = ex.objectives[i];
    // Passes only on every seed; a failure reports the first seed that failed.
    size_t shown = 0;
    bool passed = true;
    for (size_t s = 0; s < results[i].size(); ++s)
      if (!results[i][s].outcome.passed) {
        passed = false;
        shown = s;
        break;
      }
    const SeedResult& r = results[i][shown];
    uint32_t seed = ex.seeds[shown];
    std::string message = passed ? (o.success.empty() ? "passed" : RenderMessage(o.success, r.outcome.found, r.evidence, seed))
                                 : (o.failure.empty() ? DefaultFailure(r.outcome.found)
                                                      : RenderMessage(o.failure, r.outcome.found, r.evidence, seed));
    Json found = r.outcome.found;
    if (!r.outcome.problem.empty()) found["problem"] = r.outcome.problem;
    int64_t got = passed ? o.points : 0;
    score += got;
    max_score += o.points;
    all_passed = all_passed && passed;
    objectives.push_back({{"id", o.id},
                          {"title", o.title},
                          {"task", o.task.empty() ? Json() : Json(o.task)},
                          {"points", o.points},
                          {"score", got},
                          {"status", passed ? "passed" : "failed"},
                          {"message", message},
                          {"evidence", r.evidence},
                          {"found", found}});
  }

  Json tasks = Json::array();
  for (const Task& t : ex.tasks) {
    Json ids = Json::array();
    int64_t t_score = 0, t_max = 0;
    bool t_passed = true;
    for (const Json& o : objectives) {
      if (o["task"] != t.id) continue;
      ids.push_back(o["id"]);
      t_score += o["score"].get<int64_t>();
      t_max += o["points"].get<int64_t>();
      t_passed = t_passed && o["status"] == "passed";
    }
    tasks.push_back({{"id", t.id}, {"title", t.title}, {"objectives", ids}, {"score", t_score},
                     {"max_score", t_max}, {"status", t_passed ? "passed" : "failed"}});
  }

  Json seeds = Json::array();
  for (uint32_t s : ex.seeds) seeds.push_back(s);
  return {{"version", kRecordVersion},
          {"exercise", {{"id", ex.id}, {"title", ex.title}}},
          {"learner", learner ? Json(*learner) : Json()},
          {"variant", ex.variant},
          {"seeds", seeds},
          {"runs", runs},
          {"status", all_passed ? "passed" : "failed"},
          {"score", score},
          {"max_score", max_score},
          {"tasks", tasks},
          {"objectives", objectives}};
}

}  // namespace

Json Grade(const GradeRequest& request) {
  ExerciseLoad loaded = LoadExercise(request.exercise_text, request.learner, request.read_file);
  if (!loaded.exercise) {
    return ErrorRecord(std::nullopt, request.learner, loaded.errors, "exercise");
  }
  const Exercise& ex = *loaded.exercise;
  Json scenario_doc = ex.scenario;
  if (request.submission_text) {
    Json submission = core::ParseBounded(*request.submission_text);
    if (submission.is_discarded())
      return ErrorRecord(ex, request.learner, {{"", core::WhyNotJson(*request.submission_text, "the submission")}}, "submission");
    AppliedSubmission applied = ApplySubmission(ex.scenario, submission, ex.editable);
    if (!applied.errors.empty()) return ErrorRecord(ex, request.learner, applied.errors, "submission");
    scenario_doc = std::move(applied.scenario);
  }
  return GradeScenario(ex, scenario_doc, request.learner);
}

int ExitCode(const Json& record) {
  const Json& status = record["status"];
  if (status == "passed") return 0;
  if (status == "failed") return 1;
  return 2;
}

ExerciseValidation ValidateExercise(std::string_view exercise_text, const FileReader& read_file) {
  ExerciseValidation out;
  ExerciseLoad loaded = LoadExercise(exercise_text, std::nullopt, read_file);
  if (!loaded.exercise) {
    out.errors = loaded.errors;
    return out;
  }
  const Exercise& ex = *loaded.exercise;
  out.start = GradeScenario(ex, ex.scenario, std::nullopt);
  if (out.start["status"] == "error") out.problems.push_back("the start does not run");
  else if (out.start["status"] == "passed") out.problems.push_back("the start already passes every objective: there is nothing to do");
  if (!ex.solution) {
    out.problems.push_back("no \"solution\": the exercise cannot show that its objectives can be met");
    return out;
  }
  Json solved = ex.scenario;
  solved.merge_patch(*ex.solution);
  out.solution = GradeScenario(ex, solved, std::nullopt);
  for (const Json& o : out.solution.value("objectives", Json::array()))
    if (o["status"] != "passed")
      out.problems.push_back("the solution fails objective \"" + o["id"].get<std::string>() + "\": " + o["message"].get<std::string>());
  if (out.solution["status"] == "error") out.problems.push_back("the solution does not run");
  return out;
}

}  // namespace eventlab::grading
