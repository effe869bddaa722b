#include "best_match.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "core/schema.h"

namespace newsdex::detail {

namespace {

// A constant weight on every docid from 1 to the last, with no list to read: it is only ever
// ANDed with a part of the query, which supplies the real documents (so docids that do not
// exist are never matched). Xapian's FixedWeightPostingSource walks the all-documents list
// instead, a read per skip that this one does without. With snippets off, `best` runs as fast
// as `any` on the dev queries (bench/ranking/README.md).
class TierSource : public Xapian::PostingSource {
 public:
  explicit TierSource(double weight) : weight_(weight) {}
  TierSource* clone() const override { return new TierSource(weight_); }
  std::string name() const override { return "newsdex::TierSource"; }
  void init(const Xapian::Database& db) override {
    last_ = db.get_lastdocid();
    did_ = 0;
    const Xapian::doccount n = db.get_doccount();
    set_maxweight(weight_);
    termfreq_ = n;
  }
  Xapian::doccount get_termfreq_min() const override { return termfreq_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_; }
  void next(double) override { ++did_; }
  void skip_to(Xapian::docid did, double) override {
    if (did > did_) did_ = did;
  }
  bool check(Xapian::docid did, double) override {
    if (did > did_) did_ = did;
    return true;
  }
  bool at_end() const override { return did_ > last_; }
  Xapian::docid get_docid() const override { return did_; }
  double get_weight() const override { return weight_; }

 private:
  double weight_;
  Xapian::docid last_ = 0, did_ = 0;
  Xapian::doccount termfreq_ = 0;
};

// A constant bonus for the documents matching @p q (whose own weight is dropped).
Xapian::Query bonus(double weight, const Xapian::Query& q, bool portable) {
  // The source is reference-counted by the query (release()); each database of a
  // multi-database search gets its own clone.
  Xapian::PostingSource* src =
      portable ? static_cast<Xapian::PostingSource*>(new Xapian::FixedWeightPostingSource(weight))
               : new TierSource(weight);
  return Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(src->release()), q);
}

// ln(N / df) of the part's commonest term (0 when no term of it is in the database): the
// idf of a word part; a phrase's is underestimated (it is rarer than its commonest word).
double part_idf(const Xapian::Query& part, const Xapian::Database& db) {
  const double n = db.get_doccount();
  Xapian::doccount df = 0;
  for (auto t = part.get_unique_terms_begin(); t != part.get_unique_terms_end(); ++t)
    df = std::max(df, db.get_termfreq(*t));
  return df == 0 || n <= df ? 0.0 : std::log(n / df);
}

}  // namespace

Xapian::Query best_match(const std::vector<Xapian::Query>& parts, const Xapian::Database& db,
                         bool portable) {
  std::vector<Xapian::Query> scored;
  scored.reserve(parts.size() + 1);
  // The title twins of the parts (title words are indexed both unprefixed, which the parts
  // match, and S-prefixed), while every part is one word or compound; their idfs' sum.
  std::vector<Xapian::Query> twins;
  double idf_sum = 0;
  bool all_words = true;
  for (const Xapian::Query& part : parts) {
    // A document matching `part` gets the tier constant besides part's own weight.
    scored.push_back(bonus(kBestTier, part, portable));
    if (!all_words) continue;
    const std::string term =
        part.get_type() == Xapian::Query::LEAF_TERM ? *part.get_unique_terms_begin() : "";
    // Phrases, fields, ORs and prefixed terms have no title twin: no bonus for the sequence.
    // (A twin no title holds just matches nothing; not asking saves a remote shard a trip.)
    if (term.empty() || std::isupper(static_cast<unsigned char>(term[0]))) {
      all_words = false;
      continue;
    }
    twins.emplace_back(std::string(schema::kTitle) + term);
    idf_sum += part_idf(part, db);
  }
  // The headline names every word: one bonus, for documents whose title has all the twins.
  // The twins weigh nothing themselves and only match documents the parts match, so the
  // matches, totals and facets stay those of the parts.
  if (all_words && idf_sum > 0) {
    const Xapian::Query in_title(Xapian::Query::OP_AND, twins.begin(), twins.end());
    scored.push_back(bonus(kTitleBonus * idf_sum,
                           Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, in_title, 0.0), portable));
  }
  return Xapian::Query(Xapian::Query::OP_OR, scored.begin(), scored.end());
}

double best_match_score(double weight) {
  return weight - kBestTier * std::floor(weight / kBestTier);
}

}  // namespace newsdex::detail
