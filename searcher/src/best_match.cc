#include "best_match.h"

#include <cmath>

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

}  // namespace

Xapian::Query best_match(const std::vector<Xapian::Query>& parts, bool portable) {
  std::vector<Xapian::Query> scored;
  scored.reserve(parts.size());
  for (const Xapian::Query& part : parts) {
    // A document matching `part` gets the constant besides part's own weight. The source
    // is reference-counted by the query (release()); each database of a multi-database
    // search gets its own clone.
    Xapian::PostingSource* bonus =
        portable
            ? static_cast<Xapian::PostingSource*>(new Xapian::FixedWeightPostingSource(kBestTier))
            : new TierSource(kBestTier);
    scored.emplace_back(Xapian::Query::OP_AND, Xapian::Query(bonus->release()), part);
  }
  return Xapian::Query(Xapian::Query::OP_OR, scored.begin(), scored.end());
}

double best_match_score(double weight) {
  return weight - kBestTier * std::floor(weight / kBestTier);
}

}  // namespace newsdex::detail
