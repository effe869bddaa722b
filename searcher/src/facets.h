#pragma once
// Exact multi-valued facet counts, from each document's keys in its facet value slot (the
// same keys as its entity filter terms): counted as the match runs (FacetSpy), or from a
// forward index (FacetIndex: for every document, the interned ids of its keys; counting a
// match set is then integer increments), mapped from the database's facet file when that
// was written for the revision open (core/forward_index.h), else built once per Searcher. People's
// keys are counted as the alias table resolves them (aliases.h), as the person: filter matches
// them, so a facet count always equals the total of the query with that key's filter. Collapsed
// (docs/duplicates.md), they count stories instead of documents, and the same holds.
#include <xapian.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/aliases.h"
#include "core/flat_map.h"
#include "core/forward_index.h"
#include "newsdex/entity_kind.h"
#include "newsdex/searcher.h"

namespace newsdex::detail {

/// Per kind, document → its keys (interned ids); the published dates and story ids by
/// docid. Each is read on first use from the database's facet file (forward_index.h) when
/// use_file() named one written for the database as it is open, else built from the value
/// streams. reset() after the database is reopened.
class FacetIndex {
 public:
  struct Kind {
    bool loaded = false;
    ForwardKeys fwd;                             // views: into `built`, or into the facet file
    ForwardKeysData built;                       // without a file
    std::vector<std::uint32_t> counts, touched;  // count_facets' scratch (zero between calls)
    // The same: the last group (a document, or a story's documents) that counted each key,
    // so a document naming `trump` and `donald trump` counts once for `donald trump`, and a
    // story once for a key however many of its copies have it.
    std::vector<std::uint32_t> stamps;
    // With an alias table (people): id → resolved id, resolved id → key, and whether two
    // or more keys resolve to it (only then may one document count it twice).
    bool resolved = false;
    std::vector<std::uint32_t> resolved_id;
    std::vector<std::string_view> resolved_keys;
    std::vector<std::uint8_t> joined;
  };

  /// Forgets what was loaded (the facet file's directory stays named).
  void reset();
  /// Reads from the facet file of the database directory @p db_dir when it is there and
  /// was written for the database as it is open (a local database only).
  void use_file(std::string db_dir) { file_dir_ = std::move(db_dir); }
  /// Whether a facet file written for @p db is there (checked once until reset()).
  bool has_file(const Xapian::Database& db) { return file(db) != nullptr; }
  /// The forward index of @p k, loaded from @p db on first use.
  Kind& kind(const Xapian::Database& db, EntityKind k);
  /// Published dates as YYYYMMDD integers, by docid (0: none).
  std::span<const std::uint32_t> dates(const Xapian::Database& db);
  /// Story ids (interned schema::kSlotStory keys, from 1), by docid (0: none).
  std::span<const std::uint32_t> stories(const Xapian::Database& db);
  /// The keys of the story ids of stories() (from the facet file, else built with them).
  StoryKeys story_keys(const Xapian::Database& db);
  /// Whether story @p story (an id of stories()) has more than one document in the
  /// database: only such a story's matches can be collapsed together (most stories are
  /// one article: those count alone, with no grouping or look-up per query).
  /// (Inline: asked for every match of every kind counted.)
  bool shared_story(const Xapian::Database& db, std::uint32_t story) {
    if (story_docs_.empty()) count_story_documents(db);  // once
    return story && story < story_docs_.size() && story_docs_[story] > 1;
  }

 private:
  const FacetFile* file(const Xapian::Database& db);
  // story_docs_: each story's documents, up to 2.
  void count_story_documents(const Xapian::Database& db);
  // The file's section in @p from if it is sound, else (logged) what @p build builds.
  std::span<const std::uint32_t> docid_array(
      const Xapian::Database& db,
      std::optional<std::span<const std::uint32_t>> (FacetFile::*from)(std::string&) const,
      std::vector<std::uint32_t> (*build)(const Xapian::Database&), const char* what,
      std::vector<std::uint32_t>& built);
  Kind kinds_[std::size(kAllEntityKinds)];
  std::string file_dir_;
  std::shared_ptr<const FacetFile> file_;
  bool file_checked_ = false;
  std::vector<std::uint32_t> dates_built_, stories_built_;
  std::vector<std::uint8_t> story_docs_;  // story id → its documents (2: two or more)
  StoryKeysData story_keys_built_;
  StoryKeys story_keys_;
  bool story_keys_loaded_ = false;
  std::span<const std::uint32_t> dates_, stories_;
  bool dates_loaded_ = false, stories_loaded_ = false;
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
  std::vector<std::deque<std::string>> kept;  // merge_counts(): the parts' `owned`
};

/// The counts of several databases' documents as one (their sum, key by key), taking over
/// what the parts own; with @p ordered, keys in ascending order (a date histogram: time
/// order), else in no particular order (facet_result() ranks them).
FacetCounts merge_counts(std::vector<FacetCounts>& parts, bool ordered);

/// Counts facets while the match runs, from each matching document's facet values
/// (schema::facet_slot) and published date: no index to load first, so a process's first
/// facet query costs what its matches cost; and a document's values are its own under a
/// multi-database too (its docid is not: see Searcher). One per query.
/// With stories, counts stories (schema::kSlotStory) instead of documents: a key counts
/// once for all the matching copies of a story that have it (so a count equals the
/// collapsed total of the query with that key's filter); documents without a story key
/// count alone.
class FacetSpy : public Xapian::MatchSpy {
 public:
  /// @p aliases: the people's alias table (keys counted as what they resolve to), or null.
  FacetSpy(const std::vector<EntityKind>& kinds, DateBucket bucket,
           const AliasTable* aliases = nullptr, bool stories = false);
  void operator()(const Xapian::Document& doc, double) override;
  std::string name() const override { return "newsdex::FacetSpy"; }
  /// Counts @p n documents whose value in @p kind's slot (schema::facet_slot; the date:
  /// kSlotDate) is @p value, as if each had been seen (a kind not asked for is ignored).
  /// Counts gathered elsewhere (remote_facets.h) are summed in through this (never with
  /// stories: those are not known there). @p story: the document's story_id(), with stories
  /// (value_scan.h reads them along the story slot's stream).
  void add(EntityKind kind, std::string_view value, std::size_t n, std::uint32_t story = 0);
  /// The id of story key @p key (schema::kSlotStory) in this spy, from 1; 0 for an empty
  /// key (a document counted alone). Equal keys, from any database, get the same id.
  std::uint32_t story_id(std::string_view key);
  /// Adds @p n to documents().
  void add_documents(std::size_t n) { documents_ += n; }
  /// Documents seen.
  std::size_t documents() const { return documents_; }
  /// The counts of @p kind (one of the kinds asked for); views into this spy.
  FacetCounts counts(EntityKind kind) const;

 private:
  struct Counter {
    std::size_t count = 0;
    std::uint32_t id = 0;  // 1 + the key's index (stories: for counted())
  };
  struct Kind {
    EntityKind kind;
    FlatStringMap<Counter> counts;
  };
  // @p story: the document's story id (1 + its index), 0 to count it alone.
  void add_keys(Kind& k, std::string_view value, std::size_t n, std::uint32_t story = 0);
  void add_date(std::string_view value, std::size_t n, std::uint32_t story = 0);
  // Whether (story, what) was counted already; false the first time. `what` is a key id, a
  // money range or a date bucket, `space` tells them apart (kinds from 0, 14, 15).
  bool counted(std::uint32_t story, std::uint32_t space, std::uint32_t what);
  std::vector<Kind> kinds_;
  bool dates_ = false;
  DateBucket bucket_;
  std::map<std::uint32_t, std::size_t> date_hist_;
  std::size_t money_ranges_[std::size(kMoneyRanges)] = {};
  std::size_t documents_ = 0;
  std::vector<std::string_view> scratch_, resolved_;
  std::vector<std::uint64_t> hashes_;  // add_keys' scratch
  const AliasTable* aliases_ = nullptr;
  bool stories_ = false;
  FlatStringMap<std::uint32_t> story_ids_;  // story key → 1 + its index
  std::unordered_set<std::uint64_t> counted_;
};

/// Puts @p docids in the order count_facets() with stories needs: the documents of each
/// story that has several in the database (FacetIndex::shared_story) one after another (the
/// others stay where they were), so that several kinds counted over the same docids group
/// them once.
void group_by_story(FacetIndex& index, const Xapian::Database& db,
                    std::vector<Xapian::docid>& docids);

/// Counts the keys of @p kind over @p docids (dates: by @p bucket, in time order). With
/// @p aliases (people), each key counts as the key it resolves to, once per document; the
/// table must stay the same (and alive) until @p index is reset(). With @p stories, each
/// story once per key (see FacetSpy): @p docids as group_by_story() left them.
FacetCounts count_facets(FacetIndex& index, const Xapian::Database& db, EntityKind kind,
                         DateBucket bucket, const std::vector<Xapian::docid>& docids,
                         const AliasTable* aliases = nullptr, bool stories = false);

/// The FacetResult of @p counts: the top @p k keys by count (ties: by key), labelled by
/// @p label; with @p buckets, the date histogram and the money buckets too.
FacetResult facet_result(EntityKind kind, FacetCounts& counts, std::size_t k, bool buckets,
                         const std::function<std::string(EntityKind, const std::string&)>& label);

}  // namespace newsdex::detail
