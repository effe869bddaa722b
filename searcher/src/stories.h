#pragma once
// Collapsed search (docs/duplicates.md): copies and near-copies of one article share a story
// key (schema::kSlotStory), and a collapsed search shows one hit per story, counts stories
// in its total and facets, and says how many other matching copies each hit stands for.
//
// Xapian's own collapsed totals are estimates even when every match is checked
// (MSet::get_matches_estimated() said 300 for 232 stories on `sam altman fired`), and
// collapsing with check_at_least = doccount keeps every story in its proto-MSet (15x the
// uncollapsed median latency on the tech corpus). So one uncollapsed pass checks every match
// for the match spies (the stories and each one's matching copies, facets by story) and
// ranks a few more documents than the page needs (ranked_for_page()); the page is each
// story's first document in that ranking (page_of_stories(): what Xapian's collapse keeps,
// the best copy in the order asked for). Only when those documents hold too few stories
// (many copies at the top) does a second pass ask Xapian to collapse, for the page only,
// with check_at_least left small (collapsed_page()).
#include <xapian.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/flat_map.h"
#include "facets.h"
#include "newsdex/searcher.h"

namespace newsdex::detail {

/// Counts the stories among the documents the match examines, and each story's documents,
/// from their story values (a document's values are its own under a multi-database too).
class StorySpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override;
  std::string name() const override { return "newsdex::StorySpy"; }
  /// Stories seen; documents without a story key count one each.
  std::size_t stories() const { return keys_.size() + loose_; }
  /// Documents seen with story key @p key (1 for an empty key: a document alone).
  std::size_t copies(const std::string& key) const;

 private:
  FlatStringMap<std::size_t> keys_{1024};
  std::size_t loose_ = 0;
};

/// What StorySpy counts, from docids and FacetIndex::stories instead of values (no value
/// read per match: a long-lived Searcher's fast path, on one database).
class StoryCounts {
 public:
  StoryCounts(FacetIndex& index, const Xapian::Database& db,
              const std::vector<Xapian::docid>& docids);
  std::size_t stories() const { return copies_.size() + loose_; }
  /// Matching documents of document @p did's story (1 if it has none).
  std::size_t copies(Xapian::docid did) const;

 private:
  FacetIndex& index_;
  const Xapian::Database& db_;
  std::span<const std::uint32_t> story_;
  std::unordered_map<std::uint32_t, std::uint32_t> copies_;  // shared story id → documents
  std::size_t loose_ = 0;
};

/// The stories of one query's matches, counted one of the two ways above: attach() before
/// the first (uncollapsed) pass, then finish() with the docids a DocidSpy saw if counted by
/// index.
class MatchStories {
 public:
  /// @p by_index: count from docids (finish()), not values.
  explicit MatchStories(bool by_index) : by_index_(by_index) {}
  void attach(Xapian::Enquire& enquire);
  void finish(FacetIndex& index, const Xapian::Database& db,
              const std::vector<Xapian::docid>& docids);
  std::size_t stories() const;
  /// Each hit's Hit::duplicates: the other matching copies of its story; @p hits hold the
  /// documents of @p page from hits.size() - page.size() on.
  void set_duplicates(const std::vector<Xapian::MSetIterator>& page, std::vector<Hit>& hits) const;

 private:
  bool by_index_;
  StorySpy spy_;
  std::optional<StoryCounts> counts_;
};

/// How many documents of the uncollapsed ranking the first pass asks for, for a page of
/// stories [@p offset, @p offset + @p limit): twice as many and 20 more.
inline std::size_t ranked_for_page(std::size_t offset, std::size_t limit) {
  return 2 * (offset + limit) + 20;
}

/// The page [@p offset, @p offset + @p limit) of the collapsed ranking into @p page, from
/// @p ranked (the uncollapsed ranking's first documents): each story's first document, in
/// order. False if @p ranked holds fewer stories than the page needs while more documents
/// match (then collapsed_page()): @p matches, at most (the exact number, or an upper bound).
/// With @p story_of (a docid's story id, 0 for none: from the FacetIndex of the one database,
/// or PartStories), the documents' stories are read there instead of from their values.
bool page_of_stories(const Xapian::MSet& ranked, Xapian::doccount matches, std::size_t offset,
                     std::size_t limit, std::vector<Xapian::MSetIterator>& page,
                     const std::function<std::uint32_t(Xapian::docid)>& story_of = {});

/// Every position of @p mset, in order.
std::vector<Xapian::MSetIterator> positions(const Xapian::MSet& mset);

/// The second pass: @p enquire's spies removed, and its query run collapsed on the story key
/// for the hits [@p offset, @p offset + @p limit).
Xapian::MSet collapsed_page(Xapian::Enquire& enquire, std::size_t offset, std::size_t limit);

/// The stories matching @p query in @p db (every match checked).
std::size_t count_stories(const Xapian::Database& db, const Xapian::Query& query);

}  // namespace newsdex::detail
