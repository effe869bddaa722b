#pragma once
// DefaultMatch::best: how the words of a sequence combine when no operator joins them.
#include <xapian.h>

#include <vector>

namespace newsdex::detail {

/// What each matched part of a `best` sequence adds to a document's weight: more than any
/// sum of BM25 weights of a query (a BM25 term weight stays below ~60 in any database of
/// fewer than 10^12 documents), so documents matching more parts always rank first.
inline constexpr double kBestTier = 1e5;

/// What a part found in a document's title adds, times the part's idf (ln(N / df), df of
/// its commonest term): a headline naming a word says the article is about it, which the
/// title's wdf alone (5, in the body's BM25, saturated by k1 and diluted by the length of
/// long articles) says weakly. Far below kBestTier, so it orders documents within a tier
/// only. Chosen on bench/ranking's dev set (README.md): 0.25-1 all gain a little on both
/// halves, 2 loses; 0.5 is the middle.
inline constexpr double kTitleBonus = 0.5;

/// The words (or phrases, fields, compounds...) of one sequence as one query that matches
/// a document containing any of them and ranks first those containing the most of them:
/// each matched part adds kBestTier, so the tiers (all parts, all but one, ...) never mix,
/// and BM25 orders the documents within a tier, plus kTitleBonus x idf for each part that
/// is one word (or compound) found in the title. Measured on bench/ranking's dev set
/// against softer (idf-weighted or constant) coordination, BM25+, k1/b, phrase/proximity,
/// entity and pseudo-relevance-feedback bonuses: none did better (README.md).
/// @p db gives the idf of the parts (the database searched: all of them when several are
/// searched as one). With @p portable, the bonuses come from Xapian's
/// FixedWeightPostingSource, which a remote server knows (it reads the all-documents list:
/// slower), instead of newsdex's TierSource.
Xapian::Query best_match(const std::vector<Xapian::Query>& parts, const Xapian::Database& db,
                         bool portable = false);

/// The BM25 part of a weight from a query built with best_match, with its title bonuses
/// (the tier bonuses removed).
double best_match_score(double weight);

}  // namespace newsdex::detail
