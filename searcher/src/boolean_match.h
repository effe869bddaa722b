#pragma once
// Every document a query matches, read straight from the posting lists: the boolean pass of
// an exact search (searcher.cc, exact_search), which must see every match for the exact
// total, the facets and the stories, but weighs none of them.
//
// Xapian's own boolean match (BoolWeight and a MatchSpy) builds a Xapian::Document for every
// match to hand it to the spy, and runs its matcher's per-document bookkeeping; reading the
// posting lists and combining sorted docid arrays costs a quarter to a half of that
// (bench/README.md, "The boolean pass on the posting lists"). The set is the same: the
// operators read here are the boolean ones, whose matches do not depend on weights.
#include <xapian.h>

#include <optional>
#include <vector>

namespace newsdex::detail {

/// The docids of @p db that @p query matches, ascending, each once; std::nullopt when the
/// query holds an operator this does not evaluate (then ask Xapian: spy_every_match()).
///
/// Evaluated: terms, MatchAll, MatchNothing, AND, FILTER, OR, SYNONYM, MAX, AND_NOT,
/// AND_MAYBE (its left side), XOR and SCALE_WEIGHT (its subquery). Not: phrases and NEAR
/// (positions), value ranges, wildcards, elite sets and posting sources.
std::optional<std::vector<Xapian::docid>> boolean_match(const Xapian::Database& db,
                                                        const Xapian::Query& query);

/// Whether boolean_match() evaluates every operator of @p query.
bool boolean_matchable(const Xapian::Query& query);

}  // namespace newsdex::detail
