#include "value_scan.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "core/schema.h"

namespace newsdex::detail {

std::optional<std::vector<std::vector<Xapian::docid>>> split_runs(
    const std::vector<Xapian::docid>& seen, std::size_t n) {
  std::vector<std::vector<Xapian::docid>> out(1);
  for (Xapian::docid did : seen) {
    if (!out.back().empty() && did <= out.back().back()) {
      if (out.size() == n) return std::nullopt;  // more runs than parts: not Xapian's order
      out.emplace_back();
    }
    out.back().push_back(did);
  }
  if (out.size() != n) return std::nullopt;
  return out;
}

std::vector<std::vector<Xapian::docid>> match_per_part(const std::vector<Xapian::Database>& parts,
                                                       const Xapian::Query& query) {
  std::vector<std::vector<Xapian::docid>> out;
  for (const Xapian::Database& part : parts) {
    DocidSpy spy;
    spy_every_match(part, query, spy);
    out.push_back(std::move(spy.docids));
  }
  return out;
}

void spy_every_match(const Xapian::Database& db, const Xapian::Query& query,
                     Xapian::MatchSpy& spy) {
  Xapian::Enquire e(db);
  e.set_query(query);
  e.set_weighting_scheme(Xapian::BoolWeight());
  e.add_matchspy(&spy);
  e.get_mset(0, 0, db.get_doccount());
}

namespace {

// Calls @p f(i, value) for each docids[i] (ascending) with a value in @p slot of @p db.
template <class F>
void walk(const Xapian::Database& db, Xapian::valueno slot,
          const std::vector<Xapian::docid>& docids, F&& f) {
  const Xapian::ValueIterator end = db.valuestream_end(slot);
  Xapian::ValueIterator v = db.valuestream_begin(slot);
  for (std::size_t i = 0; i < docids.size(); ++i) {
    const Xapian::docid did = docids[i];
    if (v == end) break;
    // skip_to() moves on within the current value chunk, and looks a later chunk up only
    // when the document is past it.
    if (v.get_docid() < did) {
      v.skip_to(did);
      if (v == end) break;
    }
    if (v.get_docid() == did) f(i, *v);
  }
}

}  // namespace

void scan_facet_values(const Xapian::Database& db, std::vector<Xapian::docid> docids,
                       const std::vector<EntityKind>& kinds, FacetSpy& spy, bool stories) {
  if (!std::is_sorted(docids.begin(), docids.end())) std::sort(docids.begin(), docids.end());
  spy.add_documents(docids.size());
  if (docids.empty()) return;
  // With stories, each document's story id first (0: none, counted alone).
  std::vector<std::uint32_t> story;
  if (stories) {
    story.resize(docids.size());
    walk(db, schema::kSlotStory, docids,
         [&](std::size_t i, const std::string& key) { story[i] = spy.story_id(key); });
  }
  for (EntityKind kind : kinds) {
    const Xapian::valueno slot =
        kind == EntityKind::date ? schema::kSlotDate : schema::facet_slot(kind);
    walk(db, slot, docids, [&](std::size_t i, const std::string& value) {
      spy.add(kind, value, 1, stories ? story[i] : 0);
    });
  }
}

}  // namespace newsdex::detail
