// xAPI 1.0.3 statements (adlnet/xAPI-Spec xAPI-Data.md: 2.4 Statement properties, 2.4.5.1
// Score, 2.4.6.2 ContextActivities), with verbs from the ADL vocabulary
// (http://adlnet.gov/expapi/verbs/answered, .../passed, .../failed). An array: one `answered`
// statement per objective, its parent the exercise, then one `passed` or `failed` statement for
// the attempt. No id, timestamp, stored or version: the LRS assigns them (2.4.1, 2.4.7), and
// leaving them out keeps the output deterministic.
//
// An error record gives an empty array: the learner did not fail the exercise, the exercise or
// submission could not be graded, and a `failed` statement would enter the learner's record as
// an attempt that never happened.
#include "cloud/http/url.h"
#include "grading/formats/record_fields.h"

namespace eventlab::grading::formats {

namespace {

constexpr const char* kVerbBase = "http://adlnet.gov/expapi/verbs/";
// ADL activity types (http://adlnet.gov/expapi/activities/...).
constexpr const char* kAssessmentType = "http://adlnet.gov/expapi/activities/assessment";
constexpr const char* kObjectiveType = "http://adlnet.gov/expapi/activities/objective";

// Ids become IRI path segments: everything outside RFC 3986 "unreserved" is percent-encoded.
std::string Segment(std::string_view id) { return cloud::http::UriEncode(std::string(id), false); }

Json Verb(const std::string& name) { return {{"id", kVerbBase + name}, {"display", {{"en-US", name}}}}; }

Json Activity(const std::string& id, const std::string& title, const char* type) {
  Json definition = {{"type", type}};
  if (!title.empty()) definition["name"] = {{"en-US", title}};
  return {{"objectType", "Activity"}, {"id", id}, {"definition", definition}};
}

// 2.4.5.1: raw lies within [min, max], min < max, scaled in [-1, 1]. With max 0 there is no
// range (min would equal max) and no percentage, so the score is the raw points alone.
Json Score(int64_t raw, int64_t max) {
  if (max <= 0) return {{"raw", raw}};
  if (raw < 0) raw = 0;
  if (raw > max) raw = max;
  return {{"raw", raw}, {"min", 0}, {"max", max}, {"scaled", static_cast<double>(raw) / static_cast<double>(max)}};
}

}  // namespace

std::string FormatXapi(const Json& record, const FormatOptions& options) {
  Json statements = Json::array();
  if (IsErrorRecord(record)) return Dump(statements, 2) + "\n";

  const Json& exercise = Object(record, "exercise");
  const std::string exercise_iri = options.activity_base + "/" + Segment(Str(exercise, "id"));
  const Json& learner = Get(record, "learner");
  // 2.4.2.4 Account Object: homePage is the system the account belongs to, name the login.
  const Json actor = {{"objectType", "Agent"},
                      {"account",
                       {{"homePage", options.account_home_page},
                        {"name", learner.is_string() ? learner.get<std::string>() : "anonymous"}}}};
  const Json parent = Json::array({Activity(exercise_iri, Str(exercise, "title"), kAssessmentType)});

  for (const Json& o : Array(record, "objectives")) {
    const std::string iri = exercise_iri + "/objectives/" + Segment(Str(o, "id"));
    statements.push_back({
        {"actor", actor},
        {"verb", Verb("answered")},
        {"object", Activity(iri, Str(o, "title"), kObjectiveType)},
        {"result", {{"success", Str(o, "status") == "passed"}, {"score", Score(Int(o, "score"), Int(o, "points"))}}},
        // 2.4.6.2: parent as an array, which the spec asks Learning Record Providers to send.
        {"context", {{"contextActivities", {{"parent", parent}}}}},
    });
  }
  const bool passed = Str(record, "status") == "passed";
  statements.push_back({
      {"actor", actor},
      {"verb", Verb(passed ? "passed" : "failed")},
      {"object", Activity(exercise_iri, Str(exercise, "title"), kAssessmentType)},
      {"result",
       {{"success", passed}, {"completion", true}, {"score", Score(Int(record, "score"), Int(record, "max_score"))}}},
  });
  return Dump(statements, 2) + "\n";
}

}  // namespace eventlab::grading::formats
