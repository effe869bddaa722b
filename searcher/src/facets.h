#pragma once
// Exact multi-valued facet counts. A forward index, loaded once per Searcher from the entity
// filter terms themselves (`XCO<key>`, ...: every term of the kind's prefix, then its
// postings): for every document, the interned ids of its keys. Counting a match set is then
// integer increments, no value reads or parsing per match. The terms are there for filtering
// anyway, so nothing is stored twice (schema 2 kept packed copies in value slots, at 2% of
// indexing time), and a facet count always equals the total of the query with that key's
// filter (the same terms).
#include <xapian.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/flat_map.h"
#include "newsdex/entity_kind.h"
#include "newsdex/searcher.h"

namespace newsdex::detail {

/// The money facet's amount buckets.
struct MoneyRange {
  const char* key;
  double lo, hi;  // [lo, hi)
};
inline constexpr MoneyRange kMoneyRanges[] = {
    {"<1M", 0, 1e6}, {"1M-1B", 1e6, 1e9}, {"1B-100B", 1e9, 1e11}, {">=100B", 1e11, 1e300}};

/// Per kind, document → its keys, built on first use from the database's entity terms; the
/// published dates from the date value slot. reset() after the database is reopened.
class FacetIndex {
 public:
  struct Kind {
    bool loaded = false;
    std::vector<std::string> keys;       // id → key
    std::vector<std::uint32_t> offsets;  // docid → first index into ids (size lastdocid + 2)
    std::vector<std::uint32_t> ids;
    std::vector<std::uint8_t> money_ranges;  // money: docid → bit r set if an amount in range r
    std::vector<std::uint32_t> counts, touched;  // count_facets' scratch (zero between calls)
    std::vector<std::uint32_t> stamps;           // the same: the last story that counted a key
  };

  void reset();
  /// The forward index of @p k, loaded from @p db on first use.
  Kind& kind(const Xapian::Database& db, EntityKind k);
  /// Published dates as YYYYMMDD integers, by docid (0: none).
  const std::vector<std::uint32_t>& dates(const Xapian::Database& db);
  /// Story ids (interned schema::kSlotStory keys, from 1), by docid (0: none).
  const std::vector<std::uint32_t>& stories(const Xapian::Database& db);

 private:
  Kind kinds_[std::size(kAllEntityKinds)];
  std::vector<std::uint32_t> dates_;
  bool dates_loaded_ = false;
  std::vector<std::uint32_t> stories_;
  bool stories_loaded_ = false;
};

/// Sees every document the match examines (all of them when check_at_least = doccount)
/// and keeps its id; counting happens afterwards against the FacetIndex.
class DocidSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    docids.push_back(doc.get_docid());
  }
  std::string name() const override { return "newsdex::DocidSpy"; }
  std::vector<Xapian::docid> docids;
};

/// Per kind: (key, documents) for every key with a non-zero count, and money range counts.
/// Keys are views: into the FacetIndex (it outlives the counts), or into `owned`; only the
/// top keys are copied out, so a large match set does not copy every key it touched.
struct FacetCounts {
  FacetCounts() = default;
  // Moved, never copied: a copy's keys would still view the original's `owned` strings
  // (a vector of counts that grew copied them, and ASan caught the views left dangling).
  FacetCounts(const FacetCounts&) = delete;
  FacetCounts& operator=(const FacetCounts&) = delete;
  FacetCounts(FacetCounts&&) = default;
  FacetCounts& operator=(FacetCounts&&) = default;

  std::vector<std::pair<std::string_view, std::size_t>> keys;
  std::size_t money_ranges[std::size(kMoneyRanges)] = {};
  std::deque<std::string> owned;  // date bucket names, merged keys (a deque: views stay valid)
};

/// The counts of several databases' documents as one (their sum, key by key; keys in
/// ascending order, so a date histogram stays in time order).
FacetCounts merge_counts(const std::vector<FacetCounts>& parts);

/// Counts facets while the match runs, from each matching document's facet values
/// (schema::facet_slot) and published date: no index to load first, so a process's first
/// facet query costs what its matches cost; and a document's values are its own under a
/// multi-database too (its docid is not: see Searcher). One per query.
/// With @p stories, counts stories (schema::kSlotStory) instead of documents: a key counts
/// once for all the matching copies of a story that have it (so a count equals the
/// collapsed total of the query with that key's filter); documents without a story key
/// count alone.
class FacetSpy : public Xapian::MatchSpy {
 public:
  FacetSpy(const std::vector<EntityKind>& kinds, DateBucket bucket, bool stories = false);
  void operator()(const Xapian::Document& doc, double) override;
  std::string name() const override { return "newsdex::FacetSpy"; }
  /// Documents seen.
  std::size_t documents() const { return documents_; }
  /// The counts of @p kind (one of the kinds asked for); views into this spy.
  FacetCounts counts(EntityKind kind) const;

 private:
  struct Counter {
    std::size_t count = 0;
    std::uint32_t id = 0;  // stories: 1 + the key's index, for counted_
  };
  struct Kind {
    EntityKind kind;
    FlatStringMap<Counter> counts;
  };
  // Stories: whether (story, what) was counted already; false the first time. `what` is a
  // key id, a money range or a date bucket, `space` tells them apart.
  bool counted(std::uint32_t story, std::uint32_t space, std::uint32_t what);
  std::vector<Kind> kinds_;
  bool dates_ = false;
  DateBucket bucket_;
  std::map<std::uint32_t, std::size_t> date_hist_;
  std::size_t money_ranges_[std::size(kMoneyRanges)] = {};
  std::size_t documents_ = 0;
  std::vector<std::string_view> scratch_;
  bool stories_ = false;
  FlatStringMap<std::uint32_t> story_ids_;  // story key → 1 + its index
  std::unordered_set<std::uint64_t> counted_;
};

/// Counts the stories (schema::kSlotStory) among the documents the match examines, and
/// each story's documents: with collapsing, Xapian's own totals are estimates
/// (MSet::get_matches_estimated() said 300 for 232 stories), even when every match is
/// checked.
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
/// read per match: a long-lived Searcher's fast path).
class StoryCounts {
 public:
  StoryCounts(FacetIndex& index, const Xapian::Database& db,
              const std::vector<Xapian::docid>& docids);
  std::size_t stories() const { return copies_.size() + loose_; }
  /// Matching documents of document @p did's story (1 if it has none).
  std::size_t copies(Xapian::docid did) const;

 private:
  const std::vector<std::uint32_t>& story_;
  std::unordered_map<std::uint32_t, std::uint32_t> copies_;  // story id → documents
  std::size_t loose_ = 0;
};

/// Puts @p docids in the order count_facets() with stories groups them in (by story), so
/// that several kinds counted over the same docids sort them once.
void group_by_story(FacetIndex& index, const Xapian::Database& db,
                    std::vector<Xapian::docid>& docids);

/// Counts the keys of @p kind over @p docids (dates: by @p bucket, in time order); with
/// @p stories, each story once per key (see FacetSpy).
FacetCounts count_facets(FacetIndex& index, const Xapian::Database& db, EntityKind kind,
                         DateBucket bucket, const std::vector<Xapian::docid>& docids,
                         bool stories = false);

/// The FacetResult of @p counts: the top @p k keys by count (ties: by key), labelled by
/// @p label; with @p buckets, the date histogram and the money buckets too.
FacetResult facet_result(EntityKind kind, FacetCounts& counts, std::size_t k, bool buckets,
                         const std::function<std::string(EntityKind, const std::string&)>& label);

}  // namespace newsdex::detail
