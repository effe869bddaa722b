// The embedding API on the seed articles: structured filters give what the same filter
// written in the query gives, Indexer::remove() deletes one document by id, and the
// gazetteer is found without being named.
#include <doctest/doctest.h>

#include <cstdlib>
#include <set>

#include "fixtures.h"
#include "newsdex/entities.h"
#include "newsdex/error.h"
#include "tmpdir.h"

using namespace newsdex;

namespace {

std::set<std::string> ids(const SearchResults& r) {
  std::set<std::string> out;
  for (const Hit& h : r.hits) out.insert(h.id);
  return out;
}

struct SeedIndex {
  TempDir tmp;
  std::string db = tmp / "db";
  SeedIndex() {
    Indexer indexer(db, test_index_options());
    indexer.index({NEWSDEX_SEEDS_DIR});
  }
};

SearchResults with_filters(Searcher& s, const std::string& q, std::vector<Filter> filters) {
  SearchRequest r;
  r.query = q;
  r.limit = 100;
  r.filters = std::move(filters);
  r.facets = {EntityKind::company};
  r.facet_size = 1000;
  return s.search(r);
}

}  // namespace

TEST_CASE("a structured filter matches what the same filter in the query matches") {
  SeedIndex seeds;
  Searcher s(seeds.db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  struct Case {
    std::string query;
    Filter filter;
    std::string written;
  };
  const Case cases[] = {
      {"ai", {"company", "oracle"}, "ai company:oracle"},
      {"", {"company", "oracle"}, "company:oracle"},
      {"data centers", {"money", ">=1e9"}, "data centers money:>=1e9"},
      {"", {"person", "sam altman"}, "person:\"sam altman\""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.written);
    SearchResults structured = with_filters(s, c.query, {c.filter});
    SearchResults written = search_all(s, c.written, {EntityKind::company});
    CHECK(structured.total > 0);
    CHECK(structured.total == written.total);
    CHECK(ids(structured) == ids(written));
    REQUIRE(structured.facets.size() == 1);
    CHECK(structured.facets[0].counts.size() == written.facets[0].counts.size());
  }
  // Filters narrow: every filter must hold.
  SearchResults both = with_filters(s, "", {{"company", "oracle"}, {"company", "softbank"}});
  SearchResults oracle = with_filters(s, "", {{"company", "oracle"}});
  CHECK(both.total <= oracle.total);
  CHECK(both.total == search_all(s, "company:oracle company:softbank").total);
}

TEST_CASE("a bad structured filter is a QueryError naming the filter") {
  SeedIndex seeds;
  Searcher s(seeds.db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK_THROWS_WITH_AS(with_filters(s, "ai", {{"company", ""}}),
                       doctest::Contains("filter 1 (company:)"), QueryError);
  CHECK_THROWS_WITH_AS(with_filters(s, "ai", {{"company", "a\"b"}}),
                       doctest::Contains("may not hold"), QueryError);
  CHECK_THROWS_WITH_AS(with_filters(s, "ai", {{"compnay", "oracle"}}),
                       doctest::Contains("filter 1"), QueryError);
  CHECK_THROWS_WITH_AS(with_filters(s, "ai", {{"money", ">=lots"}}),
                       doctest::Contains("filter 1 (money:>=lots)"), QueryError);
}

TEST_CASE("Indexer::remove deletes one document by id, visible after commit and reopen") {
  SeedIndex seeds;
  Searcher s(seeds.db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  SearchResults before = search_all(s, "company:oracle");
  REQUIRE(before.total >= 2);
  const std::string victim = before.hits[0].id;
  {
    Indexer indexer(seeds.db, test_index_options());
    CHECK(indexer.remove(victim));
    CHECK_FALSE(indexer.remove(victim + "-no-such-document"));
    indexer.commit();
  }
  Searcher after_searcher(seeds.db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  SearchResults after = search_all(after_searcher, "company:oracle");
  CHECK(after.total == before.total - 1);
  CHECK(ids(after).count(victim) == 0);
  CHECK(after_searcher.document_count() == 4);
  // A re-run of the index brings it back (its source file is still there).
  {
    Indexer indexer(seeds.db, test_index_options());
    IndexSummary sum = indexer.index({NEWSDEX_SEEDS_DIR});
    CHECK(sum.indexed == 1);
  }
  Searcher again(seeds.db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK(search_all(again, "company:oracle").total == before.total);
}

TEST_CASE("the gazetteer is found without being named, and NEWSDEX_GAZETTEER_DIR overrides it") {
  const std::string found = default_gazetteer_dir();
  CHECK(!found.empty());
  CHECK_NOTHROW(EntityExtractor{});  // the default directory exists and loads
  TempDir tmp;
  ::setenv("NEWSDEX_GAZETTEER_DIR", tmp.path.c_str(), 1);
  CHECK(default_gazetteer_dir() == tmp.path.string());
  ::setenv("NEWSDEX_GAZETTEER_DIR", (tmp / "missing").c_str(), 1);
  CHECK_THROWS_WITH_AS(EntityExtractor{}, doctest::Contains("missing"), ConfigError);
  ::unsetenv("NEWSDEX_GAZETTEER_DIR");
  CHECK(default_gazetteer_dir() == found);
}
