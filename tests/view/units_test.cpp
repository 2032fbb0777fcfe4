// Time texts: the documented examples, unit boundaries, negatives and the int64 extremes.
#include "view/units.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

namespace eventlab::view {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kSecond = 1'000'000;

TEST(DurationText, PicksTheUnitThatReadsBest) {
  EXPECT_EQ(DurationText(0), "0 s");
  EXPECT_EQ(DurationText(1), "1 \xC2\xB5s");
  EXPECT_EQ(DurationText(250), "250 \xC2\xB5s");
  EXPECT_EQ(DurationText(999), "999 \xC2\xB5s");
  EXPECT_EQ(DurationText(1000), "1 ms");
  EXPECT_EQ(DurationText(1500), "1.5 ms");
  EXPECT_EQ(DurationText(1001), "1.001 ms");
  EXPECT_EQ(DurationText(250000), "250 ms");
  EXPECT_EQ(DurationText(999999), "999.999 ms");
  EXPECT_EQ(DurationText(kSecond), "1 s");
  EXPECT_EQ(DurationText(2500000), "2.5 s");
  EXPECT_EQ(DurationText(91000000), "1 min 31 s");
  EXPECT_EQ(DurationText(600000000), "10 min");
  EXPECT_EQ(DurationText(86491000000), "24 h 1 min 31 s");
}

TEST(DurationText, IsExactBelowAMinuteAndToTheMillisecondAbove) {
  EXPECT_EQ(DurationText(59'999'000), "59.999 s");
  EXPECT_EQ(DurationText(59'999'999), "59.999999 s");
  EXPECT_EQ(DurationText(60 * kSecond), "1 min");
  EXPECT_EQ(DurationText(60 * kSecond + 1), "1 min");  // below the millisecond precision
  EXPECT_EQ(DurationText(91'500'000), "1 min 31.5 s");
  EXPECT_EQ(DurationText(91'500'999), "1 min 31.5 s");
  EXPECT_EQ(DurationText(60 * kSecond + 1000), "1 min 0.001 s");
  EXPECT_EQ(DurationText(3599 * kSecond), "59 min 59 s");
  EXPECT_EQ(DurationText(3600 * kSecond), "1 h");
  EXPECT_EQ(DurationText(3605 * kSecond), "1 h 5 s");
  EXPECT_EQ(DurationText(3660 * kSecond), "1 h 1 min");
}

TEST(DurationText, NegativesKeepTheSameTextWithALeadingMinus) {
  EXPECT_EQ(DurationText(-250), "-250 \xC2\xB5s");
  EXPECT_EQ(DurationText(-1500), "-1.5 ms");
  EXPECT_EQ(DurationText(-2500000), "-2.5 s");
  EXPECT_EQ(DurationText(-86491000000), "-24 h 1 min 31 s");
}

TEST(DurationText, Int64ExtremesDoNotOverflow) {
  // 9223372036854775807 us = 2562047788 h 0 min 54.775807 s
  EXPECT_EQ(DurationText(kMax), "2562047788 h 54.775 s");
  EXPECT_EQ(DurationText(kMin), "-2562047788 h 54.775 s");
}

TEST(ClockText, ShowsTheClockExactlyWithoutTrailingZeros) {
  EXPECT_EQ(ClockText(0), "0 s");
  EXPECT_EQ(ClockText(250), "0.00025 s");
  EXPECT_EQ(ClockText(2'250'000), "2.25 s");
  EXPECT_EQ(ClockText(59'999'999), "59.999999 s");
  EXPECT_EQ(ClockText(60 * kSecond), "1 min");
  EXPECT_EQ(ClockText(91'500'000), "1 min 31.5 s");
  EXPECT_EQ(ClockText(91'000'001), "1 min 31.000001 s");
  EXPECT_EQ(ClockText(3599 * kSecond), "59 min 59 s");
  EXPECT_EQ(ClockText(3600 * kSecond), "1 h");
  EXPECT_EQ(ClockText(86491000000), "24 h 1 min 31 s");
  EXPECT_EQ(ClockText(-2'250'000), "-2.25 s");
  EXPECT_EQ(ClockText(kMax), "2562047788 h 54.775807 s");
  EXPECT_EQ(ClockText(kMin), "-2562047788 h 54.775808 s");
}

TEST(FixedSecondsText, ShowsExactlyTheAskedDecimals) {
  EXPECT_EQ(FixedSecondsText(1140 * kSecond, 0), "1140 s");
  EXPECT_EQ(FixedSecondsText(1140 * kSecond, 3), "1140.000 s");
  EXPECT_EQ(FixedSecondsText(1140 * kSecond, 6), "1140.000000 s");
  EXPECT_EQ(FixedSecondsText(2'002'846, 6), "2.002846 s");
  EXPECT_EQ(FixedSecondsText(2'002'846, 3), "2.002 s");  // truncated, never rounded up
  EXPECT_EQ(FixedSecondsText(2'999'999, 0), "2 s");
  EXPECT_EQ(FixedSecondsText(0, 3), "0.000 s");
  EXPECT_EQ(FixedSecondsText(-1'500'000, 3), "-1.500 s");
  EXPECT_EQ(FixedSecondsText(-1, 3), "0.000 s");  // shows as zero: no sign
  EXPECT_EQ(FixedSecondsText(1, 9), "0.000001 s");  // clamped to 6
  EXPECT_EQ(FixedSecondsText(1'500'000, -2), "1 s");  // clamped to 0
  EXPECT_EQ(FixedSecondsText(kMax, 6), "9223372036854.775807 s");
  EXPECT_EQ(FixedSecondsText(kMin, 6), "-9223372036854.775808 s");
}

TEST(TimePrecisionFor, ChoosesTheFewestDecimalsThatShowEveryDigit) {
  EXPECT_EQ(TimePrecisionFor({}), 0);
  const std::vector<int64_t> whole = {0, kSecond, 1140 * kSecond};
  EXPECT_EQ(TimePrecisionFor(whole), 0);
  const std::vector<int64_t> millis = {0, 1'500'000, 1140 * kSecond, 2'250'000};
  EXPECT_EQ(TimePrecisionFor(millis), 3);
  const std::vector<int64_t> micros = {kSecond, 2'000'001, 3'500'000};
  EXPECT_EQ(TimePrecisionFor(micros), 6);
  const std::vector<int64_t> extremes = {kMin, kMax};
  EXPECT_EQ(TimePrecisionFor(extremes), 6);
  EXPECT_EQ(TimeDecimalsFor(-1'500'000), 3);
  EXPECT_EQ(TimeDecimalsFor(-1), 6);
}

TEST(KeyedTimeText, ReadsTheUnitFromTheKey) {
  EXPECT_EQ(KeyedTimeText("idle_us", 600000000), "10 min");
  EXPECT_EQ(KeyedTimeText("ttl_ms", 1500), "1.5 s");
  EXPECT_EQ(KeyedTimeText("age_ms", 0), "0 s");
  EXPECT_EQ(KeyedTimeText("visibility_timeout_us", -250), "-250 \xC2\xB5s");
  EXPECT_EQ(KeyedTimeText("count", 600000000), "");
  EXPECT_EQ(KeyedTimeText("status", 5), "");
  EXPECT_EQ(KeyedTimeText("us", 5), "");  // the unit is a suffix of a longer name
}

TEST(KeyedTimeText, ShowsEpochInstantsAsDates) {
  EXPECT_EQ(KeyedTimeText("sent_epoch_ms", 1'700'000'000'000), "2023-11-14T22:13:20.000Z");
  EXPECT_EQ(KeyedTimeText("last_modified_us", 1'700'000'000'000'000), "2023-11-14T22:13:20.000Z");
  EXPECT_EQ(KeyedTimeText("epoch_ms", 0), "1970-01-01T00:00:00.000Z");
}

TEST(KeyedTimeText, MillisecondsThatWouldOverflowShowNothing) {
  EXPECT_EQ(KeyedTimeText("ttl_ms", kMax), "");
  EXPECT_EQ(KeyedTimeText("ttl_ms", kMin), "");
  EXPECT_EQ(KeyedTimeText("ttl_us", kMax), "294247-01-10T04:00:54.775Z");  // past the epoch floor
}

}  // namespace
}  // namespace eventlab::view
