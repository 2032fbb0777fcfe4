// Exercism test runner results.json, version 3, as exercism/docs
// building/tooling/test-runners/interface.md ("The Test Runner Interface",
// https://exercism.org/docs/building/tooling/test-runners/interface) specifies it: top-level
// version, status (pass | fail | error) and message (only for error; null or absent otherwise),
// then tests[] in file order with name, status, message, output, test_code and task_id (v3: the
// 1-based number of the task heading). One test per objective, in the record's order.
#include <map>

#include "grading/formats/record_fields.h"

namespace eventlab::grading::formats {

namespace {

// The current page (exercism.org, Top level > Message) limits the top-level message to 65535
// characters, fewer when they are multibyte, so the limit is on bytes. Older copies of
// interface.md said it was unlimited; the smaller limit is the safe one.
constexpr size_t kMaxMessageBytes = 65535;
// "The output must be limited to 500 chars. Either truncating with a message of 'Output was
// truncated. Please limit to 500 chars' or returning an error ... are acceptable."
// (interface.md, Per-test > Output). Counted in code points, so a cut never splits a character.
constexpr size_t kMaxOutputChars = 500;
constexpr const char* kTruncatedNotice = "Output was truncated. Please limit to 500 chars";

std::string TruncateOutput(const std::string& text) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == kMaxOutputChars) return text.substr(0, i) + "\n" + kTruncatedNotice;
    ++chars;
  }
  return text;
}

}  // namespace

std::string FormatExercism(const Json& record) {
  Json out = {{"version", 3}};
  Json tests = Json::array();
  if (IsErrorRecord(record)) {
    out["status"] = "error";
    std::string message = ErrorSummary(record) + "\n" + ErrorLines(record);
    message.pop_back();
    out["message"] = TruncateUtf8Bytes(message, kMaxMessageBytes);
  } else {
    out["status"] = Str(record, "status") == "passed" ? "pass" : "fail";
    out["message"] = nullptr;
    // Task ids are the tasks' positions in the record, 1-based, like the numbered headings
    // ("## 1. ...") of an Exercism instructions.md.
    std::map<std::string, int> task_ids;
    const Json& tasks = Array(record, "tasks");
    for (size_t i = 0; i < tasks.size(); ++i) task_ids.emplace(Str(tasks[i], "id"), static_cast<int>(i) + 1);
    for (const Json& o : Array(record, "objectives")) {
      const bool pass = Str(o, "status") == "passed";
      Json test = {
          {"name", Str(o, "title", Str(o, "id"))},
          {"status", pass ? "pass" : "fail"},
          // Shown as "Test Result" when a test fails; a pass shows only the test code.
          {"message", pass ? Json() : Json(Str(o, "message"))},
          {"test_code", Str(o, "id")},
      };
      // The delivery that decided the objective is what the learner's system did, the nearest
      // thing to "output" a lab has; absent when no delivery is evidence.
      const std::string evidence = EvidenceText(Get(o, "evidence"));
      if (!evidence.empty()) test["output"] = TruncateOutput(evidence);
      // Only linked when the objective belongs to exactly one task (interface.md, Task ID).
      auto it = task_ids.find(Str(o, "task"));
      if (!Str(o, "task").empty() && it != task_ids.end()) test["task_id"] = it->second;
      tests.push_back(test);
    }
  }
  out["tests"] = tests;
  return Dump(out, 2) + "\n";
}

}  // namespace eventlab::grading::formats
