// Integer formatting only: the text never depends on floating-point rounding.
#include "ui/time_text.h"

#include <cinttypes>
#include <cstdio>

namespace eventlab::ui {

std::string SecondsText(int64_t us) {
  const char* sign = us < 0 ? "-" : "";
  const uint64_t abs_us = us < 0 ? static_cast<uint64_t>(-(us + 1)) + 1 : static_cast<uint64_t>(us);
  char text[40];
  snprintf(text, sizeof text, "%s%" PRIu64 ".%06" PRIu64 "s", sign, abs_us / 1000000, abs_us % 1000000);
  return text;
}

std::string DurationText(int64_t us) {
  char text[40];
  const uint64_t abs_us = us < 0 ? 0 : static_cast<uint64_t>(us);
  if (abs_us >= 60'000'000) {
    snprintf(text, sizeof text, "%" PRIu64 "m %" PRIu64 "s", abs_us / 60'000'000, abs_us / 1'000'000 % 60);
  } else if (abs_us >= 1'000'000) {
    snprintf(text, sizeof text, "%" PRIu64 ".%03" PRIu64 "s", abs_us / 1'000'000, abs_us / 1000 % 1000);
  } else {
    snprintf(text, sizeof text, "%" PRIu64 "ms", abs_us / 1000);
  }
  return text;
}

}  // namespace eventlab::ui
