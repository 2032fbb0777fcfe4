// Simulated time: a strong int64 count of microseconds, plus duration and ISO-8601 text helpers.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eventlab::core {

/// A point or span of simulated time in integer microseconds. Never floating point, so traces
/// are identical on every platform.
struct SimTime {
  int64_t us = 0;

  static constexpr SimTime Micros(int64_t v) { return SimTime{v}; }
  static constexpr SimTime Millis(int64_t v) { return SimTime{v * 1000}; }
  static constexpr SimTime Seconds(int64_t v) { return SimTime{v * 1000000}; }

  constexpr auto operator<=>(const SimTime&) const = default;
  constexpr SimTime operator+(SimTime o) const { return SimTime{us + o.us}; }
  constexpr SimTime operator-(SimTime o) const { return SimTime{us - o.us}; }
  constexpr SimTime& operator+=(SimTime o) { us += o.us; return *this; }
};

/// Parses "250ms", "1.5s", "2m", "1h", "10us" into microseconds. Exact decimal arithmetic: a
/// fraction finer than one microsecond is an error. Returns nullopt (with a reason) on bad text.
std::optional<SimTime> ParseDuration(std::string_view text, std::string* why = nullptr);

/// Formats microseconds exactly, in the largest unit that divides them ("2m", "1500ms", "12us";
/// "1.500001s" when no unit divides them).
std::string FormatDuration(SimTime t);

/// Parses "YYYY-MM-DDTHH:MM:SS[.ffffff]Z" (UTC only) into microseconds since the Unix epoch.
std::optional<int64_t> ParseIsoUtc(std::string_view text);

/// Formats microseconds since the Unix epoch as "YYYY-MM-DDTHH:MM:SS.mmmZ" (milliseconds, as AWS
/// event times are written).
std::string FormatIsoUtc(int64_t epoch_us);

}  // namespace eventlab::core
