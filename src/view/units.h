// Simulated times and durations as people read them: integer maths only, so a text never depends
// on floating-point rounding, and every value of int64 microseconds formats without overflow.
//
// Style: units spelled out and spaced ("24 h 1 min 31 s", "1.5 ms", "250 µs"), chosen over the
// compact "24h 1m 31s" because "m" reads as metre or minute. A compound text leaves out zero
// parts ("1 h 5 s"). µ is U+00B5, inside the UI font's Latin-1 range; the strings are UTF-8.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace eventlab::view {

/// A duration, short and exact to the microsecond below one minute: "250 µs", "1.5 ms",
/// "2.5 s", "59.999999 s". From one minute up, hours, minutes and seconds, the seconds to the
/// millisecond ("1 min 31 s", "24 h 1 min 31.5 s"); a remainder below 1 ms is dropped there,
/// truncating towards zero. Negative values get a leading "-".
std::string DurationText(int64_t us);

/// The simulated clock since the scenario start, exact to the microsecond, no trailing zeros:
/// "0 s", "2.25 s", "0.00025 s", "1 min 31.5 s", "24 h 1 min 31 s".
std::string ClockText(int64_t us);

/// Seconds with exactly `decimals` digits (clamped to 0..6) and a " s" suffix: "1140.000 s".
/// Digits past `decimals` are truncated towards zero; a value that shows as zero has no sign.
std::string FixedSecondsText(int64_t us, int decimals);

/// The fewest decimals (0, 3 or 6) that show every non-zero digit of `us` in seconds.
int TimeDecimalsFor(int64_t us);

/// The decimals for a column of times: the largest TimeDecimalsFor of its values, so that
/// every value shows exactly and they all share one format. 0 for no values.
int TimePrecisionFor(std::span<const int64_t> values_us);

/// The human reading of a number under a JSON key that names its unit: a duration for keys
/// ending in "_us" or "_ms" ("10 min"), a UTC date for epoch instants ("2023-11-14T22:13:20.000Z":
/// keys that contain "epoch", or values of 20 years or more, which no simulated run reaches).
/// Empty when the key names no unit or "_ms" would overflow in microseconds.
std::string KeyedTimeText(std::string_view key, int64_t value);

}  // namespace eventlab::view
