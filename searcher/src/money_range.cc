// money:<range> and percent:<range> → an OR of decade and digit terms (money: schema 5,
// percent: schema 6). Before, the numbers of the range's edge decades were listed one by one
// from the term list: `money:>=1e8` was an OR of every distinct amount from 100 to 999
// million (thousands of terms, 3.6 s at 100k generated articles), and every range read all
// money terms of the database first; a percent range was an OR of every percentage in it.
#include "money_range.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "core/schema.h"
#include "newsdex/entity_kind.h"

namespace newsdex::detail {
namespace {

// One end of a range inside a decade: the digits still to compare, and whether an amount
// equal to the end is left out.
struct End {
  std::string rest;
  bool open = false;
};

// Appends the terms for the amounts of one decade whose digits start with @p pre and whose
// remaining digits lie between @p lo and @p hi (either may be absent). Digit strings of one
// decade compare as their amounts do (schema::amount_digits), so this is a walk down the
// digit trie along the two ends, taking whole subtrees beside them.
void cover(const std::string& base, const std::string& pre, std::optional<End> lo,
           std::optional<End> hi, std::vector<Xapian::Query>& out) {
  // Below pre, every amount is >= pre; an end equal to pre only decides about pre itself.
  bool exact_ok = true;
  if (lo) {
    if (lo->rest.empty()) {
      exact_ok = !lo->open;
      lo.reset();  // every longer amount is above it
    } else {
      exact_ok = false;  // pre < lo
    }
  }
  if (hi && hi->rest.empty()) {
    // Only pre itself can be <= hi: every longer amount is above it.
    if (exact_ok && !hi->open) out.emplace_back(base + pre + schema::kDigitsEnd);
    return;
  }
  if (!lo && !hi && !pre.empty()) {  // the whole subtree: every longer amount, and pre itself
    if (exact_ok) out.emplace_back(base + pre + schema::kDigitsEnd);
    out.emplace_back(base + pre);
    return;
  }
  if (exact_ok && !pre.empty()) out.emplace_back(base + pre + schema::kDigitsEnd);
  for (char c = pre.empty() ? '1' : '0'; c <= '9'; ++c) {
    std::optional<End> lo_c, hi_c;
    if (lo) {
      if (c < lo->rest[0]) continue;
      if (c == lo->rest[0]) lo_c = End{lo->rest.substr(1), lo->open};
    }
    if (hi) {
      if (c > hi->rest[0]) break;
      if (c == hi->rest[0]) hi_c = End{hi->rest.substr(1), hi->open};
    }
    cover(base, pre + c, lo_c, hi_c, out);
  }
}

}  // namespace

Xapian::Query numeric_range_query(const Xapian::Database& db, EntityKind kind,
                                  const std::string& currency, const AmountRange& r) {
  const std::string decade_prefix = schema::decade_prefix(kind, currency);
  // The decades of the two ends; an absent lower end starts below them all. A lower end at
  // or below zero is in the clamped decade -3, with the zero and negative numbers.
  const bool has_lo = std::isfinite(r.lo);
  const int dlo = has_lo ? schema::decade_of(r.lo) : -1000;
  const int dhi = std::isfinite(r.hi) ? schema::decade_of(r.hi) : 1000;
  std::vector<Xapian::Query> terms;
  for (int d = std::max(dlo + 1, -3); d <= std::min(dhi - 1, 18); ++d)
    terms.emplace_back(decade_prefix + std::to_string(d));

  // The decades of the ends (one, if both ends fall in it): digit terms, or in a clamped
  // outer decade the amounts themselves.
  bool list_amounts = false;
  auto edge = [&](int d, bool with_lo, bool with_hi) {
    if (d < schema::kMinDigitDecade || d > schema::kMaxDigitDecade) {
      list_amounts = true;
      return;
    }
    std::optional<End> lo, hi;
    if (with_lo) lo = End{schema::amount_digits(r.lo)->digits, r.lo_open};
    if (with_hi) hi = End{schema::amount_digits(r.hi)->digits, r.hi_open};
    cover(decade_prefix + std::to_string(d) + ":", "", lo, hi, terms);
  };
  const bool has_hi = dhi != 1000;  // decade_of() clamps: a finite end is in [-3, 18]
  if (has_lo && has_hi && dlo == dhi) {
    edge(dlo, true, true);
  } else {
    if (has_lo) edge(dlo, true, false);
    if (has_hi) edge(dhi, false, true);
  }
  if (list_amounts) {
    // The amounts of the clamped decades at the ends, one by one (rare: below 0.01, or from
    // a quintillion).
    const std::string_view key_prefix = schema::entity_prefix(kind);
    std::string p(key_prefix);
    if (!currency.empty()) p += currency + ":";
    for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) {
      const std::string term = *t;
      const double v =
          schema::entity_number(kind, std::string_view(term).substr(key_prefix.size()));
      const int d = schema::decade_of(v);
      if ((d == dlo || d == dhi) && (d < schema::kMinDigitDecade || d > schema::kMaxDigitDecade) &&
          r.contains(v))
        terms.emplace_back(term);
    }
  }
  // The bare prefix is never a term: a filter that matches nothing (not an empty query,
  // which would silently drop the filter).
  if (terms.empty()) return Xapian::Query(std::string(schema::entity_prefix(kind)));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace newsdex::detail
