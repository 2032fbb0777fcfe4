// Typed reads of grade-record fields and the small helpers every format shares.
#include "grading/formats/record_fields.h"

#include "core/json_bounds.h"

#include <cmath>

namespace eventlab::grading::formats {

namespace {

const Json* Field(const Json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

}  // namespace

std::string Str(const Json& j, std::string_view key, std::string_view fallback) {
  const Json* f = Field(j, key);
  if (f && f->is_string()) return f->get<std::string>();
  return std::string(fallback);
}

int64_t Int(const Json& j, std::string_view key, int64_t fallback) {
  const Json* f = Field(j, key);
  if (!f) return fallback;
  if (f->is_number_integer()) return f->get<int64_t>();
  if (f->is_number_float()) {
    const double d = f->get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) return static_cast<int64_t>(d);
  }
  return fallback;
}

const Json& Get(const Json& j, std::string_view key) {
  static const Json kNull;
  const Json* f = Field(j, key);
  return f ? *f : kNull;
}

const Json& Array(const Json& j, std::string_view key) {
  static const Json kEmpty = Json::array();
  const Json* f = Field(j, key);
  return f && f->is_array() ? *f : kEmpty;
}

const Json& Object(const Json& j, std::string_view key) {
  static const Json kEmpty = Json::object();
  const Json* f = Field(j, key);
  return f && f->is_object() ? *f : kEmpty;
}

bool IsErrorRecord(const Json& record) { return Str(record, "status") == "error"; }

std::string EvidenceText(const Json& evidence) {
  if (!evidence.is_object()) return "";
  return "seed " + std::to_string(Int(evidence, "seed")) + ", #" + std::to_string(Int(evidence, "seq")) + " " +
         Str(evidence, "from") + " -> " + Str(evidence, "to") + " " + Str(evidence, "kind");
}

std::string ErrorLines(const Json& record) {
  std::string out;
  for (const Json& e : Array(record, "errors")) out += Str(e, "path") + ": " + Str(e, "message") + "\n";
  return out;
}

std::string ErrorSummary(const Json& record) {
  const Json& errors = Array(record, "errors");
  bool exercise = false, submission = false, unknown = false;
  for (const Json& e : errors) {
    const std::string in = Str(e, "in");
    exercise |= in == "exercise";
    submission |= in == "submission";
    unknown |= in != "exercise" && in != "submission";
  }
  const char* where = unknown || exercise == submission ? "the exercise or submission"
                      : exercise                        ? "the exercise"
                                                        : "the submission";
  return "Not graded: " + std::to_string(errors.size()) + (errors.size() == 1 ? " error in " : " errors in ") + where;
}

std::string Dump(const Json& value, int indent) { return core::DumpText(value, indent); }

std::string TruncateUtf8Bytes(std::string_view text, size_t max_bytes) {
  return std::string(text.substr(0, core::Utf8Boundary(text, max_bytes)));
}

}  // namespace eventlab::grading::formats
