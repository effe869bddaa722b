// Several databases searched as one give what one database of all their documents gives:
// the same totals, hits, facet counts and labels, and each facet count equals the total of
// the query with that filter.
#include <doctest/doctest.h>

#include <map>
#include <optional>

#include "newsdex/error.h"
#include "remote_facets.h"
#include "split_fixture.h"

using namespace newsdex;

namespace {

SearchResults run(Searcher& s, const std::string& q, std::vector<EntityKind> facets = {}) {
  return search_all(s, q, std::move(facets));
}

std::string quoted(const std::string& key) {
  return key.find(' ') == std::string::npos ? key : "\"" + key + "\"";
}

}  // namespace

TEST_CASE("two databases searched as one answer as one database of all their documents") {
  Split s;
  const SearcherOptions so{"english", NEWSDEX_GAZETTEER_DIR};
  Searcher both({s.dir / "a.db", s.dir / "b.db"}, so);
  Searcher all(s.dir / "all.db", so);
  Searcher a(s.dir / "a.db", so), b(s.dir / "b.db", so);
  CHECK(both.document_count() == 5);
  const std::vector<EntityKind> kinds = all_kinds();
  std::size_t compared = 0;
  // `oracle softbank`, `quokka softbank`: the default match (best) over several databases;
  // `person:trump`: a surname resolved through the alias table built from both.
  std::vector<std::string> queries = split_queries();
  queries.insert(queries.end(), {"oracle softbank", "quokka softbank", "person:trump"});
  for (const std::string& q : queries) {
    CAPTURE(q);
    SearchResults r = run(both, q, kinds);
    SearchResults one = run(all, q, kinds);
    CHECK(r.total == one.total);
    CHECK(r.total == run(a, q).total + run(b, q).total);  // the sum of the parts
    CHECK(hit_ids(r) == hit_ids(one));
    CHECK(facet_map(r) == facet_map(one));  // keys, counts, labels, money and date buckets
    for (const FacetResult& f : r.facets) {
      CHECK(f.exact);
      for (const FacetCount& c : f.counts) {
        const std::string filter = std::string(to_string(f.kind)) + ":" + quoted(c.key);
        CAPTURE(filter);
        CHECK(run(both, q + " " + filter).total == c.count);
        ++compared;
      }
    }
  }
  CHECK(compared > 20);
  // Labels come from whichever database holds them (a multi-database's own metadata is its
  // first part's): SoftBank is only named in both, Stargate's label is kept.
  DatabaseStats st = both.stats(100);
  DatabaseStats st_all = all.stats(100);
  CHECK(st.documents == 5);
  CHECK(st.disk_bytes > 0);
  CHECK(st.first_date == st_all.first_date);
  CHECK(st.last_date == st_all.last_date);
  REQUIRE(st.top.size() == st_all.top.size());
  for (std::size_t k = 0; k < st.top.size(); ++k) {
    CAPTURE(to_string(st.top[k].kind));
    REQUIRE(st.top[k].counts.size() == st_all.top[k].counts.size());
    for (std::size_t i = 0; i < st.top[k].counts.size(); ++i) {
      CHECK(st.top[k].counts[i].key == st_all.top[k].counts[i].key);
      CHECK(st.top[k].counts[i].count == st_all.top[k].counts[i].count);
      CHECK(st.top[k].counts[i].label == st_all.top[k].counts[i].label);
    }
  }
}

TEST_CASE("databases stemmed in different languages are not searched as one") {
  Split s;
  IndexOptions o = test_index_options();
  o.language = "german";
  Indexer(s.dir / "de.db", o).index({s.dir / "b"});
  CHECK_THROWS_WITH_AS(Searcher({s.dir / "a.db", s.dir / "de.db"}),
                       doctest::Contains("search them apart"), ConfigError);
  CHECK_THROWS_AS(Searcher(std::vector<std::string>{}), ConfigError);
  CHECK_THROWS_WITH_AS(Searcher({s.dir / "a.db", s.dir / "missing.db"}),
                       doctest::Contains("missing.db: no such database"), IndexError);
}

namespace {

// Searchers constructed while one lives count facets the remote way (remote_facets.h).
struct ValueCountFacets {
  ValueCountFacets() { detail::g_value_count_facets = true; }
  ~ValueCountFacets() { detail::g_value_count_facets = false; }
  ValueCountFacets(const ValueCountFacets&) = delete;
  ValueCountFacets& operator=(const ValueCountFacets&) = delete;
};

std::vector<std::string> ranked_ids(const SearchResults& r) {
  std::vector<std::string> out;
  for (const Hit& h : r.hits) out.push_back(h.id);
  return out;
}

// The three ways of counting facets agree on @p s's databases.
void check_value_counts(const Split& s) {
  const SearcherOptions so{"english", NEWSDEX_GAZETTEER_DIR};
  for (const std::vector<std::string>& dbs :
       {std::vector<std::string>{s.dir / "all.db"},
        std::vector<std::string>{s.dir / "a.db", s.dir / "b.db"}}) {
    CAPTURE(dbs.size());
    Searcher indexed(dbs, so);
    std::optional<Searcher> counted;
    {
      ValueCountFacets on;
      counted.emplace(dbs, so);
    }
    run(indexed, "openai", all_kinds());  // its later queries count by the forward index
    std::size_t keys = 0;
    for (const std::string& q : split_queries())
      for (DateBucket bucket : {DateBucket::year, DateBucket::month, DateBucket::day}) {
        CAPTURE(q);
        SearchRequest req;
        req.query = q;
        req.limit = 100;
        req.facets = all_kinds();
        req.facet_size = 1000;
        req.date_bucket = bucket;
        Searcher fresh(dbs, so);  // its first facet query: FacetSpy
        const SearchResults spy = fresh.search(req);
        const SearchResults index = indexed.search(req);
        const SearchResults values = counted->search(req);
        CHECK(values.total == spy.total);
        CHECK(ranked_ids(values) == ranked_ids(spy));
        CHECK(facet_map(values) == facet_map(spy));
        CHECK(facet_map(values) == facet_map(index));
        for (const FacetResult& f : values.facets) keys += f.counts.size();
      }
    CHECK(keys > 40);
    const DatabaseStats a = indexed.stats(1000), b = counted->stats(1000);
    CHECK(a.documents == b.documents);
    REQUIRE(a.top.size() == b.top.size());
    for (std::size_t k = 0; k < a.top.size(); ++k) {
      CAPTURE(to_string(a.top[k].kind));
      REQUIRE(a.top[k].counts.size() == b.top[k].counts.size());
      CHECK(a.top[k].distinct == b.top[k].distinct);
      for (std::size_t i = 0; i < a.top[k].counts.size(); ++i) {
        CHECK(a.top[k].counts[i].key == b.top[k].counts[i].key);
        CHECK(a.top[k].counts[i].count == b.top[k].counts[i].count);
        CHECK(a.top[k].counts[i].label == b.top[k].counts[i].label);
      }
    }
  }
}

}  // namespace

TEST_CASE("facets from Xapian's ValueCountMatchSpy (the remote path) equal newsdex's own") {
  // Remote servers run only Xapian's own match spies: facets over remote shards are counted
  // per distinct key set, decoded and summed. The same counts must come out as from
  // FacetSpy (a Searcher's first facet query) and from the forward index (its later ones),
  // on one database and on several; on the seeds and on articles that share key sets.
  for (const bool repeating : {false, true}) {
    CAPTURE(repeating);
    check_value_counts(Split(repeating));
  }
}

TEST_CASE("a stub file naming two databases is searched as those two databases") {
  // A stub is opened as the databases it names (stub.h): facets counted per database in a
  // long-lived Searcher's later queries too (one Xapian database over a stub interleaves the
  // shards' docids, which the forward index cannot read), labels from every part.
  Split s;
  s.dir.write("both.stub", "# two shards\nglass " + (s.dir / "a.db") + "\n\nauto b.db\n");
  const SearcherOptions so{"english", NEWSDEX_GAZETTEER_DIR};
  Searcher stub(s.dir / "both.stub", so), all(s.dir / "all.db", so);
  CHECK(stub.document_count() == all.document_count());
  std::size_t keys = 0;
  for (int round = 0; round < 2; ++round) {  // the first facet query, then the index's
    for (const std::string& q : split_queries()) {
      CAPTURE(round);
      CAPTURE(q);
      const SearchResults r = run(stub, q, all_kinds()), one = run(all, q, all_kinds());
      CHECK(r.total == one.total);
      CHECK(hit_ids(r) == hit_ids(one));
      CHECK(facet_map(r) == facet_map(one));  // keys, counts, labels and buckets
      for (const FacetResult& f : r.facets) keys += f.counts.size();
    }
  }
  CHECK(keys > 80);
  // A stub naming a database that is not there fails naming it.
  s.dir.write("broken.stub", "glass " + (s.dir / "missing.db") + "\n");
  CHECK_THROWS_WITH_AS(Searcher(s.dir / "broken.stub", so), doctest::Contains("missing.db"),
                       IndexError);
}
