// Collapsed search with every other search feature, on the seed articles (real text) and
// copies of them: each matching mode, each sort, filters, did-you-mean, sampled facets, one
// database and several. The expected answer is derived from the uncollapsed search and the
// story keys the index stored (slot 7, read with Xapian here): the collapsed hits are the
// uncollapsed ones with every later copy of a story left out, in the same order, each with
// its number of other matching copies; the total is the number of stories; and every facet
// count (entity kinds with people's aliases, date buckets, sources) equals the collapsed
// total of the same request with that key's filter added.
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/forward_index.h"
#include "core/schema.h"
#include "fixtures.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "seed_stories.h"
#include "tmpdir.h"
#include "value_scan.h"

using namespace newsdex;

namespace {

std::string record(const std::string& id, const std::string& title, const std::string& body,
                   const std::string& date, const std::string& source) {
  return nlohmann::json{
             {"id", id}, {"title", title}, {"body", body}, {"date", date}, {"source", source}}
             .dump() +
         "\n";
}

// Two JSONL files: a (seeds 0-2, an exact copy and a re-scrape of seed 0) and b (seeds 3-4,
// another exact copy of seed 0, a syndicated copy of seed 3), sources and dates spread so
// that the source and date facets have several keys.
std::pair<std::string, std::string> corpus() {
  const auto s = seeds();
  const char* dates[] = {"2025-01-22", "2025-01-20", "2025-02-03", "2025-01-28", "2025-03-01"};
  const char* sources[] = {"Wire", "Daily Tech", "Wire", "The Ledger", "Daily Tech"};
  std::string a, b;
  for (std::size_t i = 0; i < s.size(); ++i)
    (i < 3 ? a : b) += record(s[i].id, s[i].title, s[i].body, dates[i], sources[i]);
  std::string rescraped = s[0].body;
  rescraped.insert(rescraped.find(". ", rescraped.size() / 2),
                   ", people familiar with the matter said");
  a += record("copy-a", s[0].title, s[0].body, "2025-01-24", "Mirror");
  a += record("rescrape", s[0].title, rescraped + "\nUpdated with comment.", "2025-02-10", "Wire");
  b += record("copy-b", s[0].title, s[0].body, "2025-03-05", "Mirror");
  b += record("syndicated", s[3].title, "(Reprinted with permission.)\n" + s[3].body, "2025-02-01",
              "Aggregator");
  return {a, b};
}

// The indexes: a.db, b.db, and all.db with both files.
struct Indexes {
  TempDir dir;
  Indexes() {
    const auto [a, b] = corpus();
    dir.write("a/a.jsonl", a);
    dir.write("b/b.jsonl", b);
    Indexer(dir / "a.db", test_index_options()).index({dir / "a/a.jsonl"});
    Indexer(dir / "b.db", test_index_options()).index({dir / "b/b.jsonl"});
    Indexer(dir / "all.db", test_index_options()).index({dir / "a/a.jsonl", dir / "b/b.jsonl"});
  }
};

// id → story key of every document of @p dbs, as stored (an empty key: a story of its own).
std::map<std::string, std::string> story_keys(const std::vector<std::string>& dbs) {
  std::map<std::string, std::string> out;
  for (const std::string& path : dbs) {
    Xapian::Database db(path);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      const Xapian::Document doc = db.get_document(*it);
      const std::string id = schema::decode_data(doc.get_data()).id;
      const std::string key = doc.get_value(schema::kSlotStory);
      out[id] = key.empty() ? "doc:" + id : key;
    }
  }
  return out;
}

struct Expected {
  std::vector<std::string> ids;     // the collapsed hits, in order
  std::vector<std::size_t> copies;  // and their duplicates
};

// The collapsed answer to @p req, from its uncollapsed answer and the story keys.
Expected expected(Searcher& s, SearchRequest req, const std::map<std::string, std::string>& keys) {
  req.collapse = false;
  req.offset = 0;
  req.limit = 1000;
  req.facets.clear();
  req.source_facet = false;
  const SearchResults all = s.search(req);
  REQUIRE(all.total == all.hits.size());
  CHECK(!all.collapsed);
  std::map<std::string, std::size_t> size;
  for (const Hit& h : all.hits) {
    CHECK(h.duplicates == 0);
    ++size[keys.at(h.id)];
  }
  Expected e;
  std::set<std::string> seen;
  for (const Hit& h : all.hits)
    if (seen.insert(keys.at(h.id)).second) {
      e.ids.push_back(h.id);
      e.copies.push_back(size[keys.at(h.id)] - 1);
    }
  return e;
}

// The collapsed hits of @p req are those of expected(), the total their number, and a page
// of them is the same slice.
void check_hits(Searcher& s, SearchRequest req, const std::map<std::string, std::string>& keys) {
  const Expected e = expected(s, req, keys);
  req.collapse = true;
  req.offset = 0;
  req.limit = 1000;
  const SearchResults r = s.search(req);
  CHECK(r.collapsed);
  CHECK(r.total == e.ids.size());
  CHECK(r.total_exact);
  std::vector<std::string> ids;
  std::vector<std::size_t> copies;
  for (const Hit& h : r.hits) {
    ids.push_back(h.id);
    copies.push_back(h.duplicates);
  }
  CHECK(ids == e.ids);
  CHECK(copies == e.copies);
  if (req.sort == SortOrder::date || (r.sort == SortOrder::date && req.query.empty()))
    for (std::size_t i = 1; i < r.hits.size(); ++i) CHECK(r.hits[i - 1].date >= r.hits[i].date);
  if (req.sort == SortOrder::date_asc)
    for (std::size_t i = 1; i < r.hits.size(); ++i) CHECK(r.hits[i - 1].date <= r.hits[i].date);
  if (e.ids.size() < 3) return;
  req.offset = 1;
  req.limit = 2;
  const SearchResults page = s.search(req);
  CHECK(page.total == e.ids.size());
  REQUIRE(page.hits.size() == 2);
  CHECK(page.hits[0].id == e.ids[1]);
  CHECK(page.hits[1].id == e.ids[2]);
  CHECK(page.hits[0].rank == 2);
}

// Every facet count of @p req, collapsed, equals the collapsed total with its filter added;
// returns how many counts were checked.
std::size_t check_facets(Searcher& s, SearchRequest req) {
  req.collapse = true;
  req.facets = {std::begin(kAllEntityKinds), std::end(kAllEntityKinds)};
  req.facet_size = 1000;
  req.source_facet = true;
  req.limit = 3;
  const SearchResults r = s.search(req);
  auto filtered_total = [&](const std::string& field, const std::string& value) {
    SearchRequest f = req;
    f.facets.clear();
    f.source_facet = false;
    f.filters.push_back({field, value});
    return s.search(f).total;
  };
  std::size_t checked = 0;
  for (const FacetResult& f : r.facets) {
    CHECK(f.exact);
    for (const FacetCount& c : f.counts) {
      CAPTURE(to_string(f.kind));
      CAPTURE(c.key);
      CHECK(c.count <= r.total);
      if (f.kind == EntityKind::date) continue;  // the buckets below are its filters
      CHECK(filtered_total(std::string(to_string(f.kind)), c.key) == c.count);
      ++checked;
    }
    if (f.kind == EntityKind::date)
      for (const FacetCount& b : f.buckets) {
        CAPTURE(b.key);
        CHECK(filtered_total("date", b.key) == b.count);
        ++checked;
      }
  }
  for (const FacetCount& c : r.sources) {
    CAPTURE(c.key);
    CHECK(filtered_total("source", c.key) == c.count);
    ++checked;
  }
  return checked;
}

const SearcherOptions kOptions{"english", NEWSDEX_GAZETTEER_DIR};

const char* const kQueries[] = {"openai", "openai microsoft", "microsoft chips stargate",
                                "\"data centers\"", "openai -softbank"};

}  // namespace

TEST_CASE("collapsed hits: every matching mode and sort, filters, one database and several") {
  Indexes ix;
  for (const std::vector<std::string>& dbs :
       {std::vector<std::string>{ix.dir / "all.db"},
        std::vector<std::string>{ix.dir / "a.db", ix.dir / "b.db"}}) {
    CAPTURE(dbs.size());
    const auto keys = story_keys(dbs);
    // The exact copies of seed 0 share its story across databases too (their key is the
    // exact hash): seed 0, copy-a, copy-b and the re-scrape (in seed 0's database) are one.
    const std::string seed0 = seeds()[0].id;
    CHECK(keys.at("copy-a") == keys.at(seed0));
    CHECK(keys.at("copy-b") == keys.at(seed0));
    CHECK(keys.at("rescrape") == keys.at(seed0));
    CHECK(keys.at("syndicated") == keys.at(seeds()[3].id));
    Searcher s(dbs, kOptions);
    for (const char* q : kQueries)
      for (DefaultMatch match : {DefaultMatch::best, DefaultMatch::all, DefaultMatch::any})
        for (SortOrder sort : {SortOrder::relevance, SortOrder::date, SortOrder::date_asc}) {
          CAPTURE(q);
          CAPTURE(int(match));
          CAPTURE(int(sort));
          SearchRequest req;
          req.query = q;
          req.match = match;
          req.sort = sort;
          check_hits(s, req, keys);
          req.filters = {{"company", "microsoft"}};
          check_hits(s, req, keys);
        }
    // Filters alone (sorted by date, newest first).
    SearchRequest only;
    only.filters = {{"company", "openai"}};
    check_hits(s, only, keys);
    SearchRequest openai;
    openai.query = "openai";
    openai.limit = 20;
    const SearchResults r = s.search(openai);
    CHECK(r.total == 5);  // nine documents, five stories
    const Hit* first = find_by(r.hits, &Hit::id, seed0);
    REQUIRE(first);
    CHECK(first->duplicates == 3);
  }
}

TEST_CASE("collapsed facets count stories: each equals the collapsed total of its filter") {
  Indexes ix;
  for (const std::vector<std::string>& dbs :
       {std::vector<std::string>{ix.dir / "all.db"},
        std::vector<std::string>{ix.dir / "a.db", ix.dir / "b.db"}}) {
    CAPTURE(dbs.size());
    std::size_t checked = 0;
    Searcher s(dbs, kOptions);  // its first facet query counts values, later ones docids
    for (int round = 0; round < 2; ++round)
      for (const char* q : kQueries)
        for (DefaultMatch match : {DefaultMatch::best, DefaultMatch::all}) {
          CAPTURE(round);
          CAPTURE(q);
          SearchRequest req;
          req.query = q;
          req.match = match;
          checked += check_facets(s, req);
        }
    SearchRequest only;
    only.filters = {{"company", "microsoft"}};
    checked += check_facets(s, only);
    CHECK(checked > 200);
    // Stories, not documents: microsoft is in all nine documents and five stories; the
    // Mirror source has only copies of seed 0 (two documents, one story).
    SearchRequest req;
    req.query = "openai";
    req.facets = {EntityKind::company};
    req.source_facet = true;
    // A key missing from the counts fails (a loop over the counts would check nothing).
    auto counts = [](const SearchResults& res, std::size_t microsoft, std::size_t mirror) {
      REQUIRE(res.facets.size() == 1);
      const FacetCount* company = find_by(res.facets[0].counts, &FacetCount::key, "microsoft");
      const FacetCount* source = find_by(res.sources, &FacetCount::key, "mirror");
      REQUIRE(company);
      REQUIRE(source);
      CHECK(company->count == microsoft);
      CHECK(source->count == mirror);
    };
    counts(s.search(req), 5, 1);
    req.collapse = false;
    const SearchResults docs = s.search(req);
    CHECK(!docs.collapsed);
    counts(docs, 9, 2);
  }
}

TEST_CASE("collapsed: sampled facets, did-you-mean, and --no-collapse as before") {
  Indexes ix;
  Searcher s(ix.dir / "all.db", kOptions);
  // Sampled (more matches than the sample): the same hits as the exact search, their copies
  // at most the exact ones (Xapian's collapse counts), counts marked inexact, stories scaled.
  SearchRequest req;
  req.query = "openai";
  req.facets = {EntityKind::company};
  req.limit = 20;
  const SearchResults exact = s.search(req);
  req.exact_facets = false;
  req.sample_size = 3;
  const SearchResults sampled = s.search(req);
  CHECK(sampled.collapsed);
  CHECK(!sampled.total_exact);
  CHECK(!sampled.facets[0].exact);
  REQUIRE(sampled.hits.size() == exact.hits.size());
  for (std::size_t i = 0; i < exact.hits.size(); ++i) {
    CHECK(sampled.hits[i].id == exact.hits[i].id);
    CHECK(sampled.hits[i].duplicates <= exact.hits[i].duplicates);
  }
  // A sample as large as the matches: exact, as without --sample.
  req.sample_size = 100;
  const SearchResults whole = s.search(req);
  CHECK(whole.total == exact.total);
  CHECK(whole.total_exact);
  CHECK(whole.facets[0].exact);
  // Did-you-mean is the same collapsed or not.
  SearchRequest typo;
  typo.query = "opneai microsfot";
  const SearchResults a = s.search(typo);
  typo.collapse = false;
  const SearchResults b = s.search(typo);
  CHECK(!a.suggestion.empty());
  CHECK(a.suggestion == b.suggestion);
  // --no-collapse is the search as it was: every document, counted as documents; the same
  // on a Searcher that never collapsed.
  Searcher plain(ix.dir / "all.db", kOptions);
  for (const char* q : kQueries) {
    CAPTURE(q);
    SearchRequest r;
    r.query = q;
    r.collapse = false;
    r.limit = 100;
    r.facets = {EntityKind::company, EntityKind::person, EntityKind::date};
    const SearchResults x = s.search(r), y = plain.search(r);
    CHECK(x.total == y.total);
    REQUIRE(x.hits.size() == y.hits.size());
    for (std::size_t i = 0; i < x.hits.size(); ++i) CHECK(x.hits[i].id == y.hits[i].id);
    REQUIRE(x.facets.size() == y.facets.size());
    for (std::size_t k = 0; k < x.facets.size(); ++k) {
      REQUIRE(x.facets[k].counts.size() == y.facets[k].counts.size());
      for (std::size_t i = 0; i < x.facets[k].counts.size(); ++i)
        CHECK(x.facets[k].counts[i].count == y.facets[k].counts[i].count);
    }
  }
}

TEST_CASE("collapsed pages when copies fill the top of the ranking (Xapian collapses them)") {
  // Forty exact copies of seed 0 (an interview copied 31 times is real: docs/duplicates.md):
  // the documents the first pass ranks for a page hold too few stories, and the page comes
  // from Xapian's collapse instead; it must be the same page.
  Indexes ix;
  const auto s = seeds();
  std::string copies;
  for (int i = 0; i < 40; ++i)
    copies += record("many-" + std::to_string(i), s[0].title, s[0].body, "2025-04-01", "Mirror");
  ix.dir.write("c/c.jsonl", copies);
  Indexer(ix.dir / "c.db", test_index_options())
      .index({ix.dir / "c/c.jsonl", ix.dir / "a/a.jsonl"});
  const std::vector<std::string> dbs{ix.dir / "c.db", ix.dir / "b.db"};
  const auto keys = story_keys(dbs);
  for (const std::vector<std::string>& searched : {std::vector<std::string>{dbs[0]}, dbs}) {
    Searcher searcher(searched, kOptions);
    for (const std::string& q : {s[0].title, std::string("openai")})
      for (SortOrder sort : {SortOrder::relevance, SortOrder::date})
        for (const auto& [offset, limit] : std::vector<std::pair<std::size_t, std::size_t>>{
                 {0, 1}, {0, 2}, {1, 2}, {0, 5}, {3, 3}}) {
          CAPTURE(q);
          CAPTURE(offset);
          CAPTURE(limit);
          SearchRequest req;
          req.query = q;
          req.sort = sort;
          const Expected e = expected(searcher, req, keys);
          req.offset = offset;
          req.limit = limit;
          const SearchResults r = searcher.search(req);
          CHECK(r.total == e.ids.size());
          for (std::size_t i = 0; i < r.hits.size(); ++i) {
            REQUIRE(offset + i < e.ids.size());
            CHECK(r.hits[i].id == e.ids[offset + i]);
            CHECK(r.hits[i].duplicates == e.copies[offset + i]);
            CHECK(r.hits[i].rank == offset + i + 1);
          }
          CHECK(r.hits.size() == std::min(limit, e.ids.size() - std::min(offset, e.ids.size())));
        }
  }
}

namespace {

// kind → key → count, with the money and date buckets ("bucket <key>") and the number of
// distinct keys; labels too.
std::map<std::string, std::map<std::string, std::pair<std::size_t, std::string>>> counts_of(
    const SearchResults& r) {
  std::map<std::string, std::map<std::string, std::pair<std::size_t, std::string>>> out;
  for (const FacetResult& f : r.facets) {
    auto& kind = out[std::string(to_string(f.kind))];
    for (const FacetCount& c : f.counts) kind[c.key] = {c.count, c.label};
    for (const FacetCount& b : f.buckets) kind["bucket " + b.key] = {b.count, b.label};
    kind["distinct"] = {f.distinct, f.exact ? "exact" : "sampled"};
  }
  return out;
}

}  // namespace

TEST_CASE("two databases with, without or with one facet file count facets as one database") {
  namespace fs = std::filesystem;
  Indexes ix;
  const std::string a = ix.dir / "a.db", b = ix.dir / "b.db";
  for (const std::string& db : {a, b})
    fs::copy_file(detail::facet_file_path(db), ix.dir / (fs::path(db).filename().string() + ".f"));
  // Which parts keep their facet file: both, neither, one or the other.
  for (const auto& [keep_a, keep_b] : {std::pair{true, true}, std::pair{false, false},
                                       std::pair{true, false}, std::pair{false, true}})
    for (bool collapse_first : {false, true}) {
      CAPTURE(keep_a);
      CAPTURE(keep_b);
      CAPTURE(collapse_first);
      for (const auto& [db, keep] : {std::pair{a, keep_a}, std::pair{b, keep_b}}) {
        const fs::path file = detail::facet_file_path(db);
        fs::remove(file);
        if (keep) fs::copy_file(ix.dir / (fs::path(db).filename().string() + ".f"), file);
      }
      // Fresh searchers: the first facet query of each is the one a fresh process runs.
      Searcher both({a, b}, kOptions);
      Searcher all(ix.dir / "all.db", kOptions);
      std::size_t compared = 0;
      for (int round = 0; round < 2; ++round)
        for (bool collapse : {collapse_first, !collapse_first})
          for (const char* q : kQueries)
            for (const std::vector<Filter>& filters :
                 {std::vector<Filter>{}, std::vector<Filter>{{"company", "microsoft"}},
                  std::vector<Filter>{{"date", "2025-01"}, {"money", ">=1e6"}}}) {
              CAPTURE(round);
              CAPTURE(collapse);
              CAPTURE(q);
              SearchRequest req;
              req.query = q;
              req.collapse = collapse;
              req.filters = filters;
              req.facets = {std::begin(kAllEntityKinds), std::end(kAllEntityKinds)};
              req.facet_size = 1000;
              req.limit = 20;
              const SearchResults x = both.search(req), y = all.search(req);
              CHECK(x.collapsed == collapse);
              CHECK(x.total == y.total);
              CHECK(counts_of(x) == counts_of(y));
              for (const FacetResult& f : x.facets) compared += f.counts.size();
            }
      CHECK(compared > 300);
    }
}

TEST_CASE("a match spy on two databases sees each part's docids in runs, part after part") {
  // What split_runs() relies on (Xapian 1.4 matches the parts of a multi-database one after
  // another): the runs it finds are each part's own matches.
  Indexes ix;
  const std::vector<Xapian::Database> parts{Xapian::Database(ix.dir / "a.db"),
                                            Xapian::Database(ix.dir / "b.db")};
  Xapian::Database both;
  for (const Xapian::Database& p : parts) both.add_database(p);
  std::size_t split = 0;
  for (const char* word : {"openai", "microsoft", "the", "stargate", "nvidia", "oracle"}) {
    CAPTURE(word);
    const Xapian::Query q(word);
    Xapian::Enquire e(both);
    e.set_query(q);
    detail::DocidSpy spy;
    e.add_matchspy(&spy);
    e.get_mset(0, 10, both.get_doccount());
    const auto per_part = detail::match_per_part(parts, q);
    CHECK(spy.docids.size() == per_part[0].size() + per_part[1].size());
    if (const auto runs = detail::split_runs(spy.docids, 2)) {
      CHECK(*runs == per_part);
      ++split;
    } else {  // told apart only when each part matches and part b's first docid is lower
      CHECK(
          (per_part[0].empty() || per_part[1].empty() || per_part[1].front() > per_part[0].back()));
    }
  }
  CHECK(split > 0);
  // Three runs where two parts are expected: not Xapian's order, not guessed.
  CHECK(!detail::split_runs({3, 5, 1, 4, 2}, 2));
  CHECK(detail::split_runs({3, 5, 1, 4}, 2) ==
        std::vector<std::vector<Xapian::docid>>{{3, 5}, {1, 4}});
  CHECK(!detail::split_runs({1, 2, 3}, 2));
}

TEST_CASE("one database without its facet file: a first collapsed facet query counts as with it") {
  namespace fs = std::filesystem;
  Indexes ix;
  const std::string all = ix.dir / "all.db";
  for (const char* q : kQueries)
    for (bool collapse : {true, false}) {
      CAPTURE(q);
      CAPTURE(collapse);
      SearchRequest req;
      req.query = q;
      req.collapse = collapse;
      req.filters = {{"company", "microsoft"}};
      req.facets = {std::begin(kAllEntityKinds), std::end(kAllEntityKinds)};
      req.facet_size = 1000;
      const SearchResults with_file = Searcher(all, kOptions).search(req);
      const fs::path file = detail::facet_file_path(all);
      fs::rename(file, ix.dir / "saved");
      const SearchResults without = Searcher(all, kOptions).search(req);  // values, streamed
      fs::rename(ix.dir / "saved", file);
      CHECK(without.total == with_file.total);
      CHECK(!without.facets.empty());
      CHECK(counts_of(without) == counts_of(with_file));
    }
}
