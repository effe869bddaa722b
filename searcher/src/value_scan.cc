#include "value_scan.h"

#include <algorithm>

#include "core/schema.h"

namespace newsdex::detail {

void scan_facet_values(const Xapian::Database& db, std::vector<Xapian::docid> docids,
                       const std::vector<EntityKind>& kinds, FacetSpy& spy) {
  if (!std::is_sorted(docids.begin(), docids.end())) std::sort(docids.begin(), docids.end());
  spy.add_documents(docids.size());
  if (docids.empty()) return;
  for (EntityKind kind : kinds) {
    const Xapian::valueno slot =
        kind == EntityKind::date ? schema::kSlotDate : schema::facet_slot(kind);
    const Xapian::ValueIterator end = db.valuestream_end(slot);
    Xapian::ValueIterator v = db.valuestream_begin(slot);
    for (Xapian::docid did : docids) {
      if (v == end) break;
      // skip_to() moves on within the current value chunk, and looks a later chunk up only
      // when the document is past it.
      if (v.get_docid() < did) {
        v.skip_to(did);
        if (v == end) break;
      }
      if (v.get_docid() == did) spy.add(kind, *v, 1);
    }
  }
}

}  // namespace newsdex::detail
