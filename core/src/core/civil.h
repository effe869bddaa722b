#pragma once
// Calendar arithmetic on civil (proleptic Gregorian) dates, for the date recognisers and
// the schema's date value. The public part (CivilDate, to_iso, parse_iso_date) is
// newsdex/civil_date.h.
#include "newsdex/civil_date.h"

namespace newsdex::civil {

bool is_leap(int y);
/// Days in month @p m (1..12) of year @p y.
int days_in_month(int y, int m);
bool valid_year(int y);                ///< 1..9999
bool valid_month(const CivilDate& d);  ///< a valid year and a month 1..12
bool valid_day(const CivilDate& d);    ///< a valid month and a day that month has
/// Days since 1970-01-01 (negative before); Howard Hinnant's algorithm.
long long days_from_civil(int y, int m, int d);
/// The date @p z days after 1970-01-01.
CivilDate civil_from_days(long long z);
/// 0 = Sunday.
int weekday(long long days);

}  // namespace newsdex::civil
