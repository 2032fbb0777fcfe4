// Format names and the dispatch from OutputFormat to the file that writes it.
#include "grading/formats.h"

#include <array>
#include <utility>

#include "grading/formats/record_fields.h"

namespace eventlab::grading {

namespace {

// In the order of the enum, which is also the order OutputFormatNames() lists them in.
constexpr std::array<std::pair<std::string_view, OutputFormat>, 7> kNames = {{
    {"text", OutputFormat::kText},
    {"json", OutputFormat::kJson},
    {"junit", OutputFormat::kJunit},
    {"gradescope", OutputFormat::kGradescope},
    {"classroom", OutputFormat::kClassroom},
    {"exercism", OutputFormat::kExercism},
    {"xapi", OutputFormat::kXapi},
}};

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  for (const auto& [n, f] : kNames)
    if (n == name) return f;
  return std::nullopt;
}

std::string OutputFormatNames() {
  std::string out;
  for (const auto& [n, f] : kNames) {
    if (!out.empty()) out += '|';
    out += n;
  }
  return out;
}

std::string FormatRecord(const Json& record, OutputFormat format, const FormatOptions& options) {
  switch (format) {
    case OutputFormat::kText: return formats::FormatText(record);
    // The record as the grader wrote it; the JS API produces the same bytes.
    case OutputFormat::kJson: return formats::Dump(record, 2) + "\n";
    case OutputFormat::kJunit: return formats::FormatJunit(record, options);
    case OutputFormat::kGradescope: return formats::FormatGradescope(record, options);
    case OutputFormat::kClassroom: return formats::FormatClassroom(record);
    case OutputFormat::kExercism: return formats::FormatExercism(record);
    case OutputFormat::kXapi: return formats::FormatXapi(record, options);
  }
  return "";
}

}  // namespace eventlab::grading
