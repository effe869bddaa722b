#pragma once
// DefaultMatch::best: how the words of a sequence combine when no operator joins them.
#include <xapian.h>

#include <vector>

namespace newsdex::detail {

/// What each matched part of a `best` sequence adds to a document's weight: more than any
/// sum of BM25 weights of a query (a BM25 term weight stays below ~60 in any database of
/// fewer than 10^12 documents), so documents matching more parts always rank first.
inline constexpr double kBestTier = 1e5;

/// The words (or phrases, fields, compounds...) of one sequence as one query that matches
/// a document containing any of them and ranks first those containing the most of them:
/// each matched part adds kBestTier, so the tiers (all parts, all but one, ...) never mix,
/// and BM25 orders the documents within a tier. Measured on bench/ranking's dev set against
/// a softer coordination bonus, a phrase/proximity bonus and an extra title weight: none
/// did better (bench/ranking/README.md).
/// With @p portable, the bonus comes from Xapian's FixedWeightPostingSource, which a remote
/// server knows (it reads the all-documents list: slower), instead of newsdex's TierSource.
Xapian::Query best_match(const std::vector<Xapian::Query>& parts, bool portable = false);

/// The BM25 part of a weight from a query built with best_match (the tier bonuses removed).
double best_match_score(double weight);

}  // namespace newsdex::detail
