#pragma once
// DefaultMatch::best: how the words of a sequence combine when no operator joins them.
#include <xapian.h>

#include <vector>

namespace newsdex::detail {

/// What each matched part of a `best` sequence adds to a document's weight: more than any
/// sum of BM25 weights of a query (a BM25 term weight stays below ~60 in any database of
/// fewer than 10^12 documents), so documents matching more parts always rank first.
inline constexpr double kBestTier = 1e5;

/// What a document whose title holds every word of the sequence adds, times the sum of the
/// words' idfs (ln(N / df)): a headline naming the whole query says the article is about it,
/// which the title's wdf alone (5, in the body's BM25, saturated by k1 and diluted by the
/// length of long articles) says weakly. Far below kBestTier: it orders documents within a
/// tier only. Measured on bench/ranking's dev set (README.md): 0.25, 0.5 and 1 rank alike;
/// a bonus per word found in the title (rather than all of them) lifted tech articles whose
/// headline names one broad word (`TikTok`, `layoffs`) and lost on the test half.
inline constexpr double kTitleBonus = 0.5;

/// The words (or phrases, fields, compounds...) of one sequence as one query that matches
/// a document containing any of them and ranks first those containing the most of them:
/// each matched part adds kBestTier, so the tiers (all parts, all but one, ...) never mix,
/// and BM25 orders the documents within a tier, plus kTitleBonus x the idfs' sum when the
/// parts are words (or compounds) and the title holds them all. Measured on bench/ranking's
/// dev set against softer (idf-weighted or constant) coordination, BM25+, k1/b,
/// phrase/proximity, entity and pseudo-relevance-feedback bonuses: none did better
/// (README.md).
/// @p db gives the idf of the parts (the database searched: all of them when several are
/// searched as one). With @p portable, the bonuses come from Xapian's
/// FixedWeightPostingSource, which a remote server knows (it reads the all-documents list:
/// slower), instead of newsdex's TierSource.
Xapian::Query best_match(const std::vector<Xapian::Query>& parts, const Xapian::Database& db,
                         bool portable = false);

/// The BM25 part of a weight from a query built with best_match, with its title bonus
/// (the tier bonuses removed).
double best_match_score(double weight);

}  // namespace newsdex::detail
