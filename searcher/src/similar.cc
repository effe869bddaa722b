#include "similar.h"

#include <algorithm>

#include "core/schema.h"

namespace newsdex::detail {
namespace {

// Words only: unprefixed terms (prefixed ones start with an upper-case letter), of two
// bytes or more, not all digits, found in more documents than the story has (a word only
// the article and its copies have would find nothing else; relevance feedback prefers
// exactly those, and in a small database they are all it picks).
class WordsOnly : public Xapian::ExpandDecider {
 public:
  WordsOnly(const Xapian::Database& db, Xapian::doccount story) : db_(db), story_(story) {}
  bool operator()(const std::string& term) const override {
    if (term.size() < 2 || (term[0] >= 'A' && term[0] <= 'Z')) return false;
    if (term.find_first_not_of("0123456789.,") == std::string::npos) return false;
    return db_.get_termfreq(term) > story_;
  }

 private:
  const Xapian::Database& db_;
  Xapian::doccount story_;
};

// Documents with story key @p story (at least 1: the document itself).
Xapian::doccount story_size(const Xapian::Database& db, const std::string& story) {
  if (story.empty()) return 1;
  Xapian::Enquire e(db);
  e.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotStory, story, story));
  e.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet m = e.get_mset(0, 0, db.get_doccount());
  return std::max<Xapian::doccount>(1, m.get_matches_estimated());
}

}  // namespace

ParsedQuery more_like(const Xapian::Database& db, Xapian::docid did,
                      const std::optional<ParsedQuery>& filter) {
  ParsedQuery pq;
  const Xapian::Document doc = db.get_document(did);
  const std::string story = doc.get_value(schema::kSlotStory);
  Xapian::Enquire enquire(db);
  Xapian::RSet rset;
  rset.add_document(did);
  const WordsOnly words(db, story_size(db, story));
  const Xapian::ESet eset = enquire.get_eset(kSimilarTerms, rset, &words);
  std::vector<Xapian::Query> terms;
  for (auto t = eset.begin(); t != eset.end(); ++t) {
    terms.emplace_back(*t);
    pq.highlight_stems.push_back(*t);
  }
  if (terms.empty()) return pq;  // nothing to go by: no match
  Xapian::Query q(Xapian::Query::OP_OR, terms.begin(), terms.end());
  // Not the document, nor any copy of it.
  Xapian::Query self(schema::id_term(schema::decode_data(doc.get_data()).id));
  if (!story.empty())
    self = Xapian::Query(
        Xapian::Query::OP_OR, self,
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotStory, story, story));
  q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, self);
  if (filter && !filter->query.empty())
    q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter->query);
  pq.query = q;
  return pq;
}

}  // namespace newsdex::detail
