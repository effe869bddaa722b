#pragma once
// Collapsed search over several local databases, counted by docids (docs/duplicates.md):
// each part's FacetIndex numbers its own stories, so equal story keys in two parts (an
// article and its copy indexed apart) are joined here through the keys of the facet files
// (core/forward_index.h: StoryKeys), once per view, into one numbering for all parts. A
// query's stories are then integers: the total and each hit's copies without a value read
// per match, and the facets of every story matched in one part only counted on that part's
// FacetIndex; only the few stories matched in several parts are counted by value
// (value_scan.h), and the counts summed (merge_counts): each story counts once either way.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "facets.h"

namespace newsdex::detail {

/// One story numbering for several databases (ids from 1; 0: a document without a story).
class PartStories {
 public:
  /// Numbers every part's stories (on first use after reset()): equal keys, one id.
  void load(std::vector<FacetIndex>& facets, const std::vector<Xapian::Database>& parts);
  bool loaded() const { return loaded_; }
  void reset() { *this = PartStories(); }
  /// The story of document @p did of part @p part (its own docid).
  std::uint32_t story(std::size_t part, Xapian::docid did) const {
    const std::span<const std::uint32_t> local = local_[part];
    const std::uint32_t s = did < local.size() ? local[did] : 0;
    return s ? shared_[part][s] : 0;
  }
  /// The story of document @p did of the databases searched as one (docids interleaved).
  std::uint32_t merged_story(Xapian::docid did) const {
    const std::size_t n = local_.size();
    return story((did - 1) % n, (did - 1) / n + 1);
  }
  /// Ids are below this.
  std::size_t size() const { return next_; }

 private:
  bool loaded_ = false;
  std::vector<std::span<const std::uint32_t>> local_;  // part → docid → its own story id
  std::vector<std::vector<std::uint32_t>> shared_;     // part → its own story id → shared id
  std::uint32_t next_ = 1;
};

/// One collapsed query's matches over several parts, by story.
struct PartMatches {
  /// From each part's matching docids (@p docids[p], ascending).
  PartMatches(const PartStories& numbering, const std::vector<std::vector<Xapian::docid>>& docids);
  std::size_t stories = 0;  ///< stories matched (a document without a story is one)
  /// Per part: its matches whose story matched in that part only (grouped by story:
  /// group_by_story()), and those of stories matched in several parts.
  std::vector<std::vector<Xapian::docid>> alone, across;
  /// Matching documents of shared story id s (copies[s]).
  std::vector<std::uint32_t> copies;
};

}  // namespace newsdex::detail
