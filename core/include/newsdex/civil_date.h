#pragma once
/// @file civil_date.h
/// Calendar dates as newsdex reads, stores and prints them (ISO 8601 forms).

#include <optional>
#include <string>
#include <string_view>

#include "newsdex/export.h"

namespace newsdex {

/// A calendar date (proleptic Gregorian). month/day are 0 when unknown ("2025", "June 2019").
struct CivilDate {
  int year = 0;
  int month = 0;  ///< 1..12, or 0 when only the year is known
  int day = 0;    ///< 1..31, or 0 when only year and month are known
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

/// ISO form: "2025-01-22", "2025-01" or "2025".
NEWSDEX_API std::string to_iso(const CivilDate& d);

/// Parses an ISO date "2025", "2025-01" or "2025-01-22" (year 1-9999, a real month and day);
/// std::nullopt if it is anything else.
NEWSDEX_API std::optional<CivilDate> parse_iso_date(std::string_view s);

}  // namespace newsdex
