// GitHub Classroom: the result a runner action hands to autograding-grading-reporter.
// Shape from classroom-resources/autograding-io-grader src/main.js, which builds
//   {version: 1, status, max_score, tests: [{name, status, message, test_code, filename,
//    line_no, duration, score}]}
// and calls core.setOutput('result', base64(JSON.stringify(result))). The reporter
// (classroom-resources/autograding-grading-reporter src/main.js, README "Environment
// Variables"; the same code as github-education-resources/autograding-grading-reporter) reads env
// `<RUNNER>_RESULTS`, decodes it with Buffer.from(v, "base64") and JSON.parse; it fails the job on
// status "fail" or "error" (main.js), counts tests whose status is "pass", prints `message` for
// the others and shows `test_code` (console-results.js), and sums tests[].score against max_score
// for the points it reports to Classroom (notify-classroom.js).
//
// Output is the line a step appends to $GITHUB_OUTPUT: `result=<base64>`. @actions/core's
// setOutput writes the multi-line form `result<<ghadelimiter_<uuid>` (actions/toolkit
// packages/core/src/file-command.ts) only because a value may hold newlines; base64 never does,
// and the single-line `name=value` form GitHub documents keeps the output deterministic
// (https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions
// #setting-an-output-parameter). The workflow passes steps.<id>.outputs.result to the reporter
// as env <RUNNER>_RESULTS.
#include <mbedtls/base64.h>

#include <vector>

#include "grading/formats/record_fields.h"

namespace eventlab::grading::formats {

namespace {

std::string Base64(const std::string& bytes) {
  const auto* src = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t needed = 0;
  mbedtls_base64_encode(nullptr, 0, &needed, src, bytes.size());  // needed counts the NUL
  std::vector<unsigned char> buf(needed + 1);
  size_t written = 0;
  mbedtls_base64_encode(buf.data(), buf.size(), &written, src, bytes.size());
  return std::string(reinterpret_cast<const char*>(buf.data()), written);
}

Json Test(const Json& objective) {
  const bool pass = Str(objective, "status") == "passed";
  Json message;  // null on a pass, as the io grader does; the reporter prints it only on failure
  if (!pass) {
    std::string text = Str(objective, "message");
    const std::string evidence = EvidenceText(Get(objective, "evidence"));
    if (!evidence.empty()) text += "\nEvidence: " + evidence;
    message = text;
  }
  return {
      {"name", Str(objective, "title", Str(objective, "id"))},
      {"status", pass ? "pass" : "fail"},
      {"score", Int(objective, "score")},
      {"message", message},
      {"test_code", Str(objective, "id")},
      // No source file or line: an objective is checked against the run, not a test file.
      {"filename", ""},
      {"line_no", 0},
      // Milliseconds in the io grader; objectives are not timed one by one.
      {"duration", 0},
  };
}

}  // namespace

std::string FormatClassroom(const Json& record) {
  Json result = {{"version", 1}, {"max_score", Int(record, "max_score")}};
  Json tests = Json::array();
  if (IsErrorRecord(record)) {
    result["status"] = "error";
    std::string message = ErrorSummary(record) + "\n" + ErrorLines(record);
    message.pop_back();
    // One test carries the errors: the reporter divides by tests.length and prints each
    // non-passing test's message, so an empty list would show nothing and score NaN.
    tests.push_back({{"name", "Submission can be graded"},
                     {"status", "error"},
                     {"score", 0},
                     {"message", message},
                     {"test_code", ""},
                     {"filename", ""},
                     {"line_no", 0},
                     {"duration", 0}});
  } else {
    result["status"] = Str(record, "status") == "passed" ? "pass" : "fail";
    for (const Json& o : Array(record, "objectives")) tests.push_back(Test(o));
  }
  result["tests"] = tests;
  return "result=" + Base64(Dump(result, -1)) + "\n";
}

}  // namespace eventlab::grading::formats
