// Duration and ISO-8601 parsing and formatting, with integer arithmetic only.
#include "core/sim_time.h"

#include <cstdio>

namespace eventlab::core {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, int64_t* m, int64_t* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y = yoe + era * 400 + (*m <= 2);
}

bool ReadFixed(std::string_view s, size_t pos, size_t n, int64_t* out) {
  if (pos + n > s.size()) return false;
  int64_t v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!IsDigit(s[i])) return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::optional<SimTime> ParseDuration(std::string_view text, std::string* why) {
  auto fail = [&](const char* reason) -> std::optional<SimTime> {
    if (why) *why = reason;
    return std::nullopt;
  };
  size_t i = 0;
  int64_t whole = 0;
  int digits = 0;
  while (i < text.size() && IsDigit(text[i])) {
    if (whole > 1000000000000LL) return fail("duration is too large");
    whole = whole * 10 + (text[i] - '0');
    ++i, ++digits;
  }
  int64_t frac = 0, frac_scale = 1;
  if (i < text.size() && text[i] == '.') {
    ++i;
    int frac_digits = 0;
    while (i < text.size() && IsDigit(text[i])) {
      if (frac_digits == 9) return fail("too many decimal places");
      frac = frac * 10 + (text[i] - '0');
      frac_scale *= 10;
      ++i, ++frac_digits;
    }
    if (frac_digits == 0) return fail("expected digits after the decimal point");
  }
  if (digits == 0) return fail("expected a number followed by a unit (us, ms, s, m, h)");
  const std::string_view unit = text.substr(i);
  int64_t unit_us = 0;
  if (unit == "us") unit_us = 1;
  else if (unit == "ms") unit_us = 1000;
  else if (unit == "s") unit_us = 1000000;
  else if (unit == "m") unit_us = 60000000;
  else if (unit == "h") unit_us = 3600000000LL;
  else return fail("expected a unit: us, ms, s, m or h");
  if (whole > INT64_MAX / unit_us / 2) return fail("duration is too large");
  if ((frac * unit_us) % frac_scale != 0) return fail("finer than one microsecond");
  return SimTime{whole * unit_us + frac * unit_us / frac_scale};
}

std::string FormatDuration(SimTime t) {
  struct Unit { int64_t us; const char* name; };
  static constexpr Unit kUnits[] = {{3600000000LL, "h"}, {60000000, "m"}, {1000000, "s"}, {1000, "ms"}};
  if (t.us == 0) return "0s";
  for (const Unit& u : kUnits) {
    if (t.us % u.us == 0) return std::to_string(t.us / u.us) + u.name;
  }
  // Not a whole number of milliseconds: seconds with up to six decimals, or plain microseconds.
  if (t.us >= 1000000 || t.us <= -1000000) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%lld.%06llds", static_cast<long long>(t.us / 1000000),
                  static_cast<long long>((t.us < 0 ? -t.us : t.us) % 1000000));
    std::string s = buf;
    while (s[s.size() - 2] == '0') s.erase(s.size() - 2, 1);
    return s;
  }
  return std::to_string(t.us) + "us";
}

std::optional<int64_t> ParseIsoUtc(std::string_view s) {
  int64_t y, mo, d, h, mi, sec;
  if (!ReadFixed(s, 0, 4, &y) || s.size() < 20 || s[4] != '-' || !ReadFixed(s, 5, 2, &mo) ||
      s[7] != '-' || !ReadFixed(s, 8, 2, &d) || s[10] != 'T' || !ReadFixed(s, 11, 2, &h) ||
      s[13] != ':' || !ReadFixed(s, 14, 2, &mi) || s[16] != ':' || !ReadFixed(s, 17, 2, &sec)) {
    return std::nullopt;
  }
  size_t i = 19;
  int64_t frac_us = 0;
  if (s[i] == '.') {
    ++i;
    int64_t scale = 100000;
    size_t start = i;
    while (i < s.size() && IsDigit(s[i])) {
      if (i - start >= 6) return std::nullopt;
      frac_us += (s[i] - '0') * scale;
      scale /= 10;
      ++i;
    }
    if (i == start) return std::nullopt;
  }
  if (i + 1 != s.size() || s[i] != 'Z') return std::nullopt;
  static constexpr int kDaysIn[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (mo < 1 || mo > 12 || d < 1 || d > kDaysIn[mo - 1] || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo == 2 && d == 29 && !leap) return std::nullopt;
  const int64_t days = DaysFromCivil(y, mo, d);
  return ((days * 24 + h) * 60 + mi) * 60000000LL + sec * 1000000LL + frac_us;
}

std::string FormatIsoUtc(int64_t epoch_us) {
  int64_t days = epoch_us / 86400000000LL;
  int64_t rem = epoch_us % 86400000000LL;
  if (rem < 0) rem += 86400000000LL, --days;
  int64_t y, m, d;
  CivilFromDays(days, &y, &m, &d);
  const int64_t ms = rem / 1000;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(ms / 3600000),
                static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60),
                static_cast<long long>(ms % 1000));
  return buf;
}

}  // namespace eventlab::core
