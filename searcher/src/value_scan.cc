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

void scan_facet_values(const std::vector<Xapian::Database>& dbs,
                       std::vector<std::vector<Xapian::docid>> docids,
                       const std::vector<EntityKind>& kinds, FacetSpy& spy, bool stories) {
  for (auto& part : docids) {
    if (!std::is_sorted(part.begin(), part.end())) std::sort(part.begin(), part.end());
    spy.add_documents(part.size());
  }
  // With stories, each document's story id first (0: none, counted alone), in every part
  // (a story may span them); then a story matched by one document only counts alone too:
  // its keys are distinct already, and the spy's per-story set is spared their inserts.
  std::vector<std::vector<std::uint32_t>> story(docids.size());
  if (stories) {
    std::vector<std::uint32_t> matched;  // story id → matching documents
    for (std::size_t p = 0; p < dbs.size(); ++p) {
      story[p].resize(docids[p].size());
      walk(dbs[p], schema::kSlotStory, docids[p], [&](std::size_t i, const std::string& key) {
        const std::uint32_t id = spy.story_id(key);
        if (id >= matched.size()) matched.resize(std::size_t(id) * 2 + 1);
        ++matched[id];
        story[p][i] = id;
      });
    }
    for (auto& ids : story)
      for (std::uint32_t& id : ids)
        if (matched[id] < 2) id = 0;
  }
  for (std::size_t p = 0; p < dbs.size(); ++p)
    for (EntityKind kind : kinds) {
      const Xapian::valueno slot =
          kind == EntityKind::date ? schema::kSlotDate : schema::facet_slot(kind);
      walk(dbs[p], slot, docids[p], [&](std::size_t i, const std::string& value) {
        spy.add(kind, value, 1, stories ? story[p][i] : 0);
      });
    }
}

}  // namespace newsdex::detail
