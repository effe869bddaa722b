// Civil dates: the ISO forms newsdex reads and prints, and the calendar arithmetic behind
// relative dates ("last Tuesday") and range bounds.
#include <cstdio>

#include "core/civil.h"

namespace newsdex {
namespace civil {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool valid_year(int y) { return y >= 1 && y <= 9999; }
bool valid_month(const CivilDate& d) { return valid_year(d.year) && d.month >= 1 && d.month <= 12; }
bool valid_day(const CivilDate& d) {
  return valid_month(d) && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

CivilDate civil_from_days(long long z) {
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

int weekday(long long days) { return static_cast<int>(((days + 4) % 7 + 7) % 7); }

}  // namespace civil

std::optional<CivilDate> parse_iso_date(std::string_view s) {
  auto digits = [&](std::size_t b, std::size_t len, int* v) {
    *v = 0;
    for (std::size_t k = b; k < b + len; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      *v = *v * 10 + (s[k] - '0');
    }
    return true;
  };
  CivilDate d;
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  if (!digits(0, 4, &d.year) || !civil::valid_year(d.year)) return std::nullopt;
  if (s.size() >= 7) {
    if (s[4] != '-' || !digits(5, 2, &d.month) || !civil::valid_month(d)) return std::nullopt;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !digits(8, 2, &d.day) || !civil::valid_day(d)) return std::nullopt;
  }
  return d;
}

}  // namespace newsdex
