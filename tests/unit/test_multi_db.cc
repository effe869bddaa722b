// Several databases searched as one give what one database of all their documents gives:
// the same totals, hits, facet counts and labels, and each facet count equals the total of
// the query with that filter.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>

#include "fixtures.h"
#include "newsdex/error.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "tmpdir.h"

using namespace newsdex;
namespace fs = std::filesystem;

namespace {

IndexOptions opts() { return test_index_options(); }

SearchResults run(Searcher& s, const std::string& q, std::vector<EntityKind> facets = {}) {
  return search_all(s, q, std::move(facets));
}

std::set<std::string> ids(const SearchResults& r) {
  std::set<std::string> out;
  for (const Hit& h : r.hits) out.insert(h.id);
  return out;
}

// kind → key → (count, label)
std::map<std::string, std::map<std::string, std::pair<std::size_t, std::string>>> facets(
    const SearchResults& r) {
  std::map<std::string, std::map<std::string, std::pair<std::size_t, std::string>>> out;
  for (const FacetResult& f : r.facets) {
    auto& kind = out[std::string(to_string(f.kind))];
    for (const FacetCount& c : f.counts) kind[c.key] = {c.count, c.label};
    for (const FacetCount& b : f.buckets) kind["bucket " + b.key] = {b.count, b.label};
  }
  return out;
}

std::string quoted(const std::string& key) {
  return key.find(' ') == std::string::npos ? key : "\"" + key + "\"";
}

// The seeds split over two databases (three and two articles), and all five in one.
struct Split {
  TempDir dir;
  Split() {
    std::vector<fs::path> seeds;
    for (const auto& e : fs::directory_iterator(NEWSDEX_SEEDS_DIR)) seeds.push_back(e.path());
    std::sort(seeds.begin(), seeds.end());
    REQUIRE(seeds.size() == 5);
    for (std::size_t i = 0; i < seeds.size(); ++i) {
      fs::create_directories(dir.path / (i < 3 ? "a" : "b"));
      fs::create_directories(dir.path / "all");
      fs::copy_file(seeds[i], dir.path / (i < 3 ? "a" : "b") / seeds[i].filename());
      fs::copy_file(seeds[i], dir.path / "all" / seeds[i].filename());
    }
    Indexer(dir / "a.db", opts()).index({dir / "a"});
    Indexer(dir / "b.db", opts()).index({dir / "b"});
    Indexer(dir / "all.db", opts()).index({dir / "all"});
  }
};

}  // namespace

TEST_CASE("two databases searched as one answer as one database of all their documents") {
  Split s;
  const SearcherOptions so{"english", NEWSDEX_GAZETTEER_DIR};
  Searcher both({s.dir / "a.db", s.dir / "b.db"}, so);
  Searcher all(s.dir / "all.db", so);
  Searcher a(s.dir / "a.db", so), b(s.dir / "b.db", so);
  CHECK(both.document_count() == 5);
  const std::vector<EntityKind> kinds(std::begin(kAllEntityKinds), std::end(kAllEntityKinds));
  std::size_t compared = 0;
  for (const char* q : {"microsoft", "cloud", "openai -oracle", "\"right of first refusal\"",
                        "company:softbank", "money:>=1e9", "date:2025-01", "person:trump"}) {
    CAPTURE(q);
    SearchResults r = run(both, q, kinds);
    SearchResults one = run(all, q, kinds);
    CHECK(r.total == one.total);
    CHECK(r.total == run(a, q).total + run(b, q).total);  // the sum of the parts
    CHECK(ids(r) == ids(one));
    CHECK(facets(r) == facets(one));  // keys, counts, labels, money and date buckets
    for (const FacetResult& f : r.facets) {
      CHECK(f.exact);
      for (const FacetCount& c : f.counts) {
        const std::string filter = std::string(to_string(f.kind)) + ":" + quoted(c.key);
        CAPTURE(filter);
        CHECK(run(both, std::string(q) + " " + filter).total == c.count);
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
  IndexOptions o = opts();
  o.language = "german";
  Indexer(s.dir / "de.db", o).index({s.dir / "b"});
  CHECK_THROWS_WITH_AS(Searcher({s.dir / "a.db", s.dir / "de.db"}),
                       doctest::Contains("search them apart"), ConfigError);
  CHECK_THROWS_AS(Searcher(std::vector<std::string>{}), ConfigError);
  CHECK_THROWS_WITH_AS(Searcher({s.dir / "a.db", s.dir / "missing.db"}),
                       doctest::Contains("missing.db: no such database"), IndexError);
}
