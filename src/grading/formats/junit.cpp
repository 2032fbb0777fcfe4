// JUnit XML as GitLab and Jenkins read it. GitLab, "Unit test reports"
// (https://docs.gitlab.com/ci/testing/unit_test_reports/, "JUnit XML format specification"),
// parses testsuites@time, testsuite@name/@time, testcase@classname (shown as the suite),
// @name, @file, @time (seconds), and the content of failure, error, skipped, system-out and
// system-err; it keeps only the first of two tests with the same name. Jenkins' junit plugin
// also reads the testsuite counts and failure@message/@type (the Ant JUnit schema, junit.xsd).
// One testcase per objective, classname "<exercise>.<task>" so GitLab groups them by task.
#include <cmath>
#include <cstdio>

#include "grading/formats/record_fields.h"

namespace eventlab::grading::formats {

namespace {

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes one UTF-8 sequence at text[i], advancing i; returns U+FFFD for a malformed,
// overlong or surrogate sequence (consuming one byte).
uint32_t NextCodePoint(std::string_view text, size_t& i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = b(i);
  int len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > text.size()) {
    ++i;
    return 0xFFFD;
  }
  uint32_t cp = len == 1 ? lead : lead & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}

// XML 1.0 section 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
// [#x10000-#x10FFFF]. Anything else cannot appear even as a character reference, so it becomes
// U+FFFD. In attributes, tab and line breaks are written as references so that attribute-value
// normalisation (section 3.3.3) does not turn them into spaces.
std::string Escape(std::string_view text, bool attribute) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const uint32_t cp = NextCodePoint(text, i);
    const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                         (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
    switch (allowed ? cp : 0xFFFD) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;  // a raw CR in content would be normalised to LF
      default: AppendUtf8(out, allowed ? cp : 0xFFFD);
    }
  }
  return out;
}

std::string Attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + Escape(value, true) + "\"";
}

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", std::isfinite(s) && s > 0 ? s : 0.0);
  return buf;
}

std::string Details(const Json& objective) {
  std::string text = Str(objective, "message");
  const std::string evidence = EvidenceText(Get(objective, "evidence"));
  if (!evidence.empty()) text += "\nEvidence: " + evidence;
  text += "\nScore: " + std::to_string(Int(objective, "score")) + "/" + std::to_string(Int(objective, "points"));
  return text;
}

std::string Testcase(const std::string& exercise_id, const Json& objective) {
  const std::string task = Str(objective, "task");
  const std::string classname = task.empty() ? exercise_id : exercise_id + "." + task;
  // The id keeps names unique (GitLab drops duplicates); the title makes them readable.
  const std::string name = Str(objective, "id") + ": " + Str(objective, "title");
  std::string xml = "    <testcase" + Attr("classname", classname) + Attr("name", name) + Attr("time", "0") + ">\n";
  if (Str(objective, "status") == "passed") {
    xml += "      <system-out>" + Escape(Details(objective), false) + "</system-out>\n";
  } else {
    xml += "      <failure" + Attr("message", Str(objective, "message")) + Attr("type", "objective") + ">" +
           Escape(Details(objective), false) + "</failure>\n";
  }
  return xml + "    </testcase>\n";
}

std::string Property(std::string_view name, const std::string& value) {
  return "      <property" + Attr("name", name) + Attr("value", value) + "/>\n";
}

}  // namespace

std::string FormatJunit(const Json& record, const FormatOptions& options) {
  const Json& exercise = Object(record, "exercise");
  const std::string exercise_id = Str(exercise, "id", "eventlab");
  const std::string time = Seconds(options.execution_time_s);
  std::string cases;
  int tests = 0, failures = 0, errors = 0;
  if (IsErrorRecord(record)) {
    tests = errors = 1;
    std::string lines = ErrorLines(record);
    cases = "    <testcase" + Attr("classname", exercise_id) + Attr("name", "submission can be graded") +
            Attr("time", "0") + ">\n      <error" + Attr("message", ErrorSummary(record)) + Attr("type", "invalid") +
            ">" + Escape(lines, false) + "</error>\n    </testcase>\n";
  } else {
    for (const Json& o : Array(record, "objectives")) {
      ++tests;
      failures += Str(o, "status") != "passed";
      cases += Testcase(exercise_id, o);
    }
  }
  const std::string counts = Attr("tests", std::to_string(tests)) + Attr("failures", std::to_string(failures)) +
                             Attr("errors", std::to_string(errors)) + Attr("skipped", "0") + Attr("time", time);
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += "<testsuites" + Attr("name", "eventlab") + counts + ">\n";
  xml += "  <testsuite" + Attr("name", exercise_id) + counts + ">\n";
  xml += "    <properties>\n";
  xml += Property("exercise", Str(exercise, "title"));
  xml += Property("learner", Str(record, "learner"));
  xml += Property("status", Str(record, "status"));
  xml += Property("score", std::to_string(Int(record, "score")) + "/" + std::to_string(Int(record, "max_score")));
  xml += "    </properties>\n";
  xml += cases;
  xml += "  </testsuite>\n</testsuites>\n";
  return xml;
}

}  // namespace eventlab::grading::formats
