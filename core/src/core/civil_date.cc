// Civil dates as text: the ISO forms newsdex reads (inputs, date: filters) and prints.
#include <cstddef>
#include <cstdio>

#include "core/civil.h"

namespace newsdex {

std::string to_iso(const CivilDate& d) {
  char buf[64];
  int len;
  if (d.month == 0) {
    len = std::snprintf(buf, sizeof buf, "%04d", d.year);
  } else if (d.day == 0) {
    len = std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    len = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return std::string(buf, len > 0 ? static_cast<std::size_t>(len) : 0);
}

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
