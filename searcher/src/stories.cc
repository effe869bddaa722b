#include "stories.h"

#include <algorithm>
#include <unordered_set>

#include "core/schema.h"
#include "value_scan.h"

namespace newsdex::detail {

void StorySpy::operator()(const Xapian::Document& doc, double) {
  const std::string key = doc.get_value(schema::kSlotStory);
  if (key.empty())
    ++loose_;
  else
    ++keys_.find_or_insert(key, hash_word(key));
}

std::size_t StorySpy::copies(const std::string& key) const {
  const std::size_t* n = key.empty() ? nullptr : keys_.find(key, hash_word(key));
  return n && *n ? *n : 1;
}

StoryCounts::StoryCounts(FacetIndex& index, const Xapian::Database& db,
                         const std::vector<Xapian::docid>& docids)
    : index_(index), db_(db), story_(index.stories(db)) {
  // A story of one document in the database is one match alone: only shared ones are kept.
  for (Xapian::docid did : docids) {
    const std::uint32_t s = did < story_.size() ? story_[did] : 0;
    if (index.shared_story(db, s))
      ++copies_[s];
    else
      ++loose_;
  }
}

std::size_t StoryCounts::copies(Xapian::docid did) const {
  const std::uint32_t s = did < story_.size() ? story_[did] : 0;
  const auto it = index_.shared_story(db_, s) ? copies_.find(s) : copies_.end();
  return it == copies_.end() ? 1 : it->second;
}

void MatchStories::attach(Xapian::Enquire& enquire) {
  if (!by_index_) enquire.add_matchspy(&spy_);
}

void MatchStories::finish(FacetIndex& index, const Xapian::Database& db,
                          const std::vector<Xapian::docid>& docids) {
  if (by_index_) counts_.emplace(index, db, docids);
}

std::size_t MatchStories::stories() const { return counts_ ? counts_->stories() : spy_.stories(); }

void MatchStories::set_duplicates(const std::vector<Xapian::MSetIterator>& page,
                                  std::vector<Hit>& hits) const {
  std::size_t i = hits.size() - page.size();
  for (const Xapian::MSetIterator& it : page) {
    const std::size_t copies = counts_
                                   ? counts_->copies(*it)
                                   : spy_.copies(it.get_document().get_value(schema::kSlotStory));
    hits[i++].duplicates = copies - 1;
  }
}

bool page_of_stories(const Xapian::MSet& ranked, Xapian::doccount matches, std::size_t offset,
                     std::size_t limit, std::vector<Xapian::MSetIterator>& page,
                     const std::function<std::uint32_t(Xapian::docid)>& story_of) {
  page.clear();
  std::unordered_set<std::string> seen;
  std::vector<std::uint32_t> seen_ids;
  std::size_t stories = 0;
  for (auto it = ranked.begin(); it != ranked.end() && stories < offset + limit; ++it) {
    if (story_of) {  // the story ids by docid: no value read per document
      const std::uint32_t s = story_of(*it);
      if (s && std::find(seen_ids.begin(), seen_ids.end(), s) != seen_ids.end()) continue;
      if (s) seen_ids.push_back(s);
    } else {
      const std::string key = it.get_document().get_value(schema::kSlotStory);
      if (!key.empty() && !seen.insert(key).second) continue;  // a later copy
    }
    if (stories++ >= offset) page.push_back(it);
  }
  // Enough stories, or every match is in the ranking: the page is whole.
  return stories >= offset + limit || ranked.size() >= matches;
}

std::vector<Xapian::MSetIterator> positions(const Xapian::MSet& mset) {
  std::vector<Xapian::MSetIterator> out;
  out.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(it);
  return out;
}

Xapian::MSet collapsed_page(Xapian::Enquire& enquire, std::size_t offset, std::size_t limit) {
  enquire.clear_matchspies();
  enquire.set_collapse_key(schema::kSlotStory);
  Xapian::MSet page = enquire.get_mset(Xapian::doccount(offset), Xapian::doccount(limit));
  enquire.set_collapse_key(Xapian::BAD_VALUENO);
  return page;
}

std::size_t count_stories(const Xapian::Database& db, const Xapian::Query& query) {
  StorySpy spy;
  spy_every_match(db, query, spy);
  return spy.stories();
}

}  // namespace newsdex::detail
