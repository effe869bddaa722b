#pragma once
// The filter of a money or percent range (`money:>=1e8`, `money:USD:1e6..1e9`, `percent:>=10`)
// over the decade terms and their digit terms (core/schema.h; money: schema 5, percent: 6).
#include <xapian.h>

#include <cmath>
#include <string>

#include "newsdex/entity_kind.h"

namespace newsdex::detail {

/// Numbers from lo to hi (money and percent ranges); an open end excludes the number equal to it.
struct AmountRange {
  double lo = -INFINITY, hi = INFINITY;
  bool lo_open = false, hi_open = false;
  bool contains(double v) const {
    if (lo_open ? v <= lo : v < lo) return false;
    if (hi_open ? v >= hi : v > hi) return false;
    return true;
  }
};

/// The documents with a number of @p kind (money, in @p currency or any if empty; percent)
/// in @p r, as an OR of terms whose postings are exactly those documents' numbers: the decade
/// terms of the decades inside the range, and in the decades of its two ends the digit terms
/// that cover the numbers between the end and the decade's edge (at most 19 per digit of the
/// end). A query costs what it matches, whatever the bound. Only an end in one of the two
/// clamped outer decades (below 0.01, which holds zero and negative numbers, or from 1e18)
/// lists that decade's numbers' terms from @p db.
Xapian::Query numeric_range_query(const Xapian::Database& db, EntityKind kind,
                                  const std::string& currency, const AmountRange& r);

}  // namespace newsdex::detail
