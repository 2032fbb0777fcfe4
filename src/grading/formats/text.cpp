// The terminal report: title, score, one PASS/FAIL line per objective and, under a failure, its
// message and the delivery that is its evidence. Error records list "path: message" lines.
#include "grading/formats/record_fields.h"

namespace eventlab::grading::formats {

namespace {

constexpr const char* kIndent = "      ";  // lines under an objective start below its id

std::string Join(const Json& values) {
  std::string out;
  for (const Json& v : values) {
    if (!out.empty()) out += ", ";
    out += v.is_string() ? v.get<std::string>() : Dump(v, -1);
  }
  return out;
}

// Continuation lines of a multi-line message stay under the first.
std::string Indented(const std::string& text) {
  std::string out = kIndent;
  for (char c : text) {
    out += c;
    if (c == '\n') out += kIndent;
  }
  return out + "\n";
}

std::string Heading(const Json& record) {
  const Json& exercise = Object(record, "exercise");
  if (exercise.empty()) return "eventlab grade\n";
  std::string line = Str(exercise, "title", Str(exercise, "id"));
  const std::string id = Str(exercise, "id");
  if (!id.empty() && id != line) line += " (" + id + ")";
  return line + "\n";
}

}  // namespace

std::string FormatText(const Json& record) {
  std::string out = Heading(record);
  if (IsErrorRecord(record)) {
    return out + ErrorSummary(record) + "\n" + ErrorLines(record);
  }
  const Json& learner = Get(record, "learner");
  if (learner.is_string()) out += "Learner: " + learner.get<std::string>() + "\n";
  const Json& variant = Object(record, "variant");
  if (!variant.empty()) {
    std::string parts;
    for (const auto& [key, value] : variant.items()) {
      if (!parts.empty()) parts += ", ";
      parts += key + "=" + (value.is_string() ? value.get<std::string>() : Dump(value, -1));
    }
    out += "Variant: " + parts + "\n";
  }
  const Json& seeds = Array(record, "seeds");
  if (!seeds.empty()) out += std::string(seeds.size() == 1 ? "Seed: " : "Seeds: ") + Join(seeds) + "\n";
  out += "Score: " + std::to_string(Int(record, "score")) + "/" + std::to_string(Int(record, "max_score")) + " (" +
         Str(record, "status") + ")\n\n";
  for (const Json& o : Array(record, "objectives")) {
    const bool pass = Str(o, "status") == "passed";
    out += std::string(pass ? "PASS" : "FAIL") + "  " + Str(o, "id") + "  " + Str(o, "title") + " (" +
           std::to_string(Int(o, "score")) + "/" + std::to_string(Int(o, "points")) + ")\n";
    if (pass) continue;
    const std::string message = Str(o, "message");
    if (!message.empty()) out += Indented(message);
    const std::string evidence = EvidenceText(Get(o, "evidence"));
    if (!evidence.empty()) out += Indented(evidence);
  }
  return out;
}

}  // namespace eventlab::grading::formats
