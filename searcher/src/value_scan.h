#pragma once
// A fresh process's facet counts from the value streams, in docid order. The match only
// collects the matching docids (DocidSpy); each facet slot is then read in one pass along its
// value stream (Database::valuestream_begin + skip_to), which walks the slot's value chunks
// in order and decodes each chunk once, where a per-document Document::get_value() looks the
// chunk up in the value B-tree again and copies it for every document and slot. The values
// go into a FacetSpy (FacetSpy::add), which counts them as it would have during the match:
// the same counts, labels, aliases and buckets.
#include <xapian.h>

#include <cstddef>
#include <optional>
#include <vector>

#include "facets.h"
#include "newsdex/entity_kind.h"

namespace newsdex::detail {

/// Adds to @p spy, for each docid of docids[p] (documents of dbs[p], one local database
/// each; any order, each once) and each kind in @p kinds, the document's value of that
/// kind's facet slot (schema::facet_slot; the date: kSlotDate), as if the spy had seen the
/// document during the match; and adds the documents to its documents(). With @p stories (a
/// spy counting stories), each document's story key is read first, along the story slot's
/// stream, and its keys count once per story (FacetSpy::story_id(): across the parts).
void scan_facet_values(const std::vector<Xapian::Database>& dbs,
                       std::vector<std::vector<Xapian::docid>> docids,
                       const std::vector<EntityKind>& kinds, FacetSpy& spy, bool stories = false);

/// The docids a DocidSpy saw on a multi-database of @p n local parts, as each part's: a match
/// spy sees each document under its own part's docid (Document::get_docid()), and Xapian
/// 1.4 matches the parts one after another (MergePostList), each in ascending docid order.
/// So the docids fall in runs, each strictly ascending; when there are exactly @p n runs,
/// run i is part i. Fewer (a part without matches, or one part's last docid below the
/// next one's first) cannot be told apart: std::nullopt (then match_per_part()).
std::optional<std::vector<std::vector<Xapian::docid>>> split_runs(
    const std::vector<Xapian::docid>& seen, std::size_t n);

/// Shows @p spy every match of @p query in @p db (a boolean match, nothing ranked).
void spy_every_match(const Xapian::Database& db, const Xapian::Query& query, Xapian::MatchSpy& spy);

/// Each part's docids matching @p query (a boolean match of each part alone).
std::vector<std::vector<Xapian::docid>> match_per_part(const std::vector<Xapian::Database>& parts,
                                                       const Xapian::Query& query);

}  // namespace newsdex::detail
