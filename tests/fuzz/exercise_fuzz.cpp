// The exercise loader and the grader on arbitrary bytes: an error record or a grade, never a
// crash. Inputs that load are graded on their start (each seed a whole run, bounded by the
// scenario's limits), so checks and message templates run too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "grading/formats.h"
#include "grading/grader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace eventlab::grading;
  GradeRequest request{std::string_view(reinterpret_cast<const char*>(data), size), std::nullopt, "fuzz", nullptr};
  Json record = Grade(request);
  (void)FormatRecord(record, OutputFormat::kText);
  (void)FormatRecord(record, OutputFormat::kJunit);
  return 0;
}
