// Time texts by integer division on the magnitude as uint64, so INT64_MIN needs no special case
// and no text passes through a double.
#include "view/units.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <limits>

#include "core/sim_time.h"

namespace eventlab::view {

namespace {

constexpr uint64_t kUsPerMs = 1000;
constexpr uint64_t kUsPerSecond = 1'000'000;
constexpr uint64_t kUsPerMinute = 60 * kUsPerSecond;
constexpr uint64_t kUsPerHour = 60 * kUsPerMinute;
// Values this large under a time key are Unix instants (1990 and later), not run times.
constexpr int64_t kEpochFloorUs = 631'152'000 * static_cast<int64_t>(kUsPerSecond);

uint64_t Magnitude(int64_t us) {
  return us < 0 ? static_cast<uint64_t>(-(us + 1)) + 1 : static_cast<uint64_t>(us);
}

uint64_t PowerOfTen(int exponent) {
  uint64_t p = 1;
  for (int i = 0; i < exponent; ++i) p *= 10;
  return p;
}

/// "whole.frac" where frac has `digits` digits, without trailing zeros (and without the point
/// when frac is zero).
std::string Decimal(uint64_t whole, uint64_t frac, int digits) {
  char text[48];
  if (frac == 0) {
    snprintf(text, sizeof text, "%" PRIu64, whole);
    return text;
  }
  while (frac % 10 == 0) {
    frac /= 10;
    --digits;
  }
  snprintf(text, sizeof text, "%" PRIu64 ".%0*" PRIu64, whole, digits, frac);
  return text;
}

/// "24 h 1 min 31.5 s" with zero parts left out; the seconds keep `second_digits` decimals.
std::string CompoundText(uint64_t abs_us, int second_digits) {
  const uint64_t hours = abs_us / kUsPerHour;
  const uint64_t minutes = abs_us / kUsPerMinute % 60;
  const uint64_t step = PowerOfTen(6 - second_digits);
  const uint64_t second_us = abs_us % kUsPerMinute / step * step;
  std::string text;
  auto add = [&text](const std::string& part) { text += (text.empty() ? "" : " ") + part; };
  if (hours > 0) add(std::to_string(hours) + " h");
  if (minutes > 0) add(std::to_string(minutes) + " min");
  if (second_us > 0 || text.empty())
    add(Decimal(second_us / kUsPerSecond, second_us % kUsPerSecond / step, second_digits) + " s");
  return text;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string DurationText(int64_t us) {
  const uint64_t abs_us = Magnitude(us);
  std::string text;
  if (abs_us == 0) text = "0 s";
  else if (abs_us < kUsPerMs) text = std::to_string(abs_us) + " \xC2\xB5s";  // µs, spelled as its UTF-8 bytes
  else if (abs_us < kUsPerSecond) text = Decimal(abs_us / kUsPerMs, abs_us % kUsPerMs, 3) + " ms";
  else if (abs_us < kUsPerMinute) text = Decimal(abs_us / kUsPerSecond, abs_us % kUsPerSecond, 6) + " s";
  else text = CompoundText(abs_us, 3);  // past a minute, microseconds are noise to a reader
  return us < 0 ? "-" + text : text;
}

std::string ClockText(int64_t us) {
  const std::string text = CompoundText(Magnitude(us), 6);
  return us < 0 ? "-" + text : text;
}

std::string FixedSecondsText(int64_t us, int decimals) {
  decimals = std::clamp(decimals, 0, 6);
  const uint64_t step = PowerOfTen(6 - decimals);
  const uint64_t abs_us = Magnitude(us) / step * step;
  const char* sign = us < 0 && abs_us > 0 ? "-" : "";
  char text[48];
  if (decimals == 0) {
    snprintf(text, sizeof text, "%s%" PRIu64 " s", sign, abs_us / kUsPerSecond);
  } else {
    snprintf(text, sizeof text, "%s%" PRIu64 ".%0*" PRIu64 " s", sign, abs_us / kUsPerSecond, decimals,
             abs_us % kUsPerSecond / step);
  }
  return text;
}

int TimeDecimalsFor(int64_t us) {
  const uint64_t frac = Magnitude(us) % kUsPerSecond;
  if (frac == 0) return 0;
  return frac % kUsPerMs == 0 ? 3 : 6;
}

int TimePrecisionFor(std::span<const int64_t> values_us) {
  int decimals = 0;
  for (int64_t us : values_us) {
    decimals = std::max(decimals, TimeDecimalsFor(us));
    if (decimals == 6) break;  // the most there is: the rest cannot change it
  }
  return decimals;
}

std::string KeyedTimeText(std::string_view key, int64_t value) {
  int64_t us = value;
  if (EndsWith(key, "_ms")) {
    constexpr int64_t kLimit = std::numeric_limits<int64_t>::max() / 1000;
    if (value > kLimit || value < -kLimit) return "";
    us = value * 1000;
  } else if (!EndsWith(key, "_us")) {
    return "";
  }
  const bool epoch = key.find("epoch") != std::string_view::npos || us >= kEpochFloorUs;
  if (epoch && us >= 0) return core::FormatIsoUtc(us);
  return DurationText(us);
}

}  // namespace eventlab::view
