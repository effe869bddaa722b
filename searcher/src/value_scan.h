#pragma once
// A fresh process's facet counts from the value streams, in docid order. The match only
// collects the matching docids (DocidSpy); each facet slot is then read in one pass along its
// value stream (Database::valuestream_begin + skip_to), which walks the slot's value chunks
// in order and decodes each chunk once, where a per-document Document::get_value() looks the
// chunk up in the value B-tree again and copies it for every document and slot. The values
// go into a FacetSpy (FacetSpy::add), which counts them as it would have during the match:
// the same counts, labels, aliases and buckets.
#include <xapian.h>

#include <vector>

#include "facets.h"
#include "newsdex/entity_kind.h"

namespace newsdex::detail {

/// Adds to @p spy, for each of @p docids (documents of @p db, one local database; any order,
/// each once) and each kind in @p kinds, the document's value of that kind's facet slot
/// (schema::facet_slot; the date: kSlotDate), as if the spy had seen the document during the
/// match; and adds docids.size() to its documents().
void scan_facet_values(const Xapian::Database& db, std::vector<Xapian::docid> docids,
                       const std::vector<EntityKind>& kinds, FacetSpy& spy);

}  // namespace newsdex::detail
