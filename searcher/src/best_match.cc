#include "best_match.h"

#include <cmath>

namespace newsdex::detail {

Xapian::Query best_match(const std::vector<Xapian::Query>& parts) {
  std::vector<Xapian::Query> scored;
  scored.reserve(parts.size());
  for (const Xapian::Query& part : parts) {
    // A document matching `part` gets the constant besides part's own weight. The source
    // is reference-counted by the query (release()); each database of a multi-database
    // search gets its own clone.
    auto* bonus = new Xapian::FixedWeightPostingSource(kBestTier);
    scored.emplace_back(Xapian::Query::OP_AND, Xapian::Query(bonus->release()), part);
  }
  return Xapian::Query(Xapian::Query::OP_OR, scored.begin(), scored.end());
}

double best_match_score(double weight) {
  return weight - kBestTier * std::floor(weight / kBestTier);
}

}  // namespace newsdex::detail
