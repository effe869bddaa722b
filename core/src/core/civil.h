#pragma once
// Calendar arithmetic on civil (proleptic Gregorian) dates: leap years, month lengths,
// validity, day numbers and weekdays, for the date recognisers (relative dates) and the ISO
// forms. Inline: the recognisers call these per candidate date. The public part (CivilDate,
// to_iso, parse_iso_date) is newsdex/civil_date.h.
#include "newsdex/civil_date.h"

namespace newsdex::civil {

inline bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

inline int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

inline bool valid_year(int y) { return y >= 1 && y <= 9999; }
inline bool valid_month(const CivilDate& d) {
  return valid_year(d.year) && d.month >= 1 && d.month <= 12;
}
inline bool valid_day(const CivilDate& d) {
  return valid_month(d) && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

// Howard Hinnant's days_from_civil / civil_from_days.
inline long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

inline CivilDate civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

/// 0 = Sunday.
inline int weekday(long long days) { return static_cast<int>(((days + 4) % 7 + 7) % 7); }

}  // namespace newsdex::civil
