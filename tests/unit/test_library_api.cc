// The embedding API on the seed articles: structured filters give what the same filter
// written in the query gives, Indexer::remove() deletes one document by id, and the
// gazetteer is found without being named, and read by a searcher only when a filter needs it.
#include <doctest/doctest.h>

#include <cstdlib>
#include <set>

#include "fixtures.h"
#include "newsdex/analysis.h"
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

TEST_CASE(
    "a search reads the gazetteer only when a filter needs it, and analyses queries with "
    "the words the index stored") {
  SeedIndex seeds;
  Searcher full(seeds.db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  // No gazetteer where this searcher looks: it opens, and answers what needs none alike.
  TempDir tmp;
  const std::string missing = tmp / "no-gazetteer";
  Searcher lazy(seeds.db, SearcherOptions{"english", missing});
  const std::vector<EntityKind> kinds = {EntityKind::company, EntityKind::person,
                                         EntityKind::money};
  auto same = [&](const std::string& q) {
    CAPTURE(q);
    const SearchResults a = search_all(full, q, kinds), b = search_all(lazy, q, kinds);
    CHECK(a.total == b.total);
    CHECK(ids(a) == ids(b));
    REQUIRE(a.facets.size() == b.facets.size());
    for (std::size_t f = 0; f < a.facets.size(); ++f)
      CHECK(a.facets[f].counts.size() == b.facets[f].counts.size());
    return a.total;
  };
  CHECK(same("cloud") > 0);
  CHECK(same("company:oracle") > 0);  // a key the index holds as written
  CHECK(same("person:\"larry ellison\" OR oracle") > 0);
  // The stemmer leaves product and company names alone (EntityExtractor::protected_words):
  // every such word of the seeds whose stem differs finds the same documents without the
  // gazetteer, because the index stored the words it was written with.
  AnalyzerOptions plain_opts;
  plain_opts.language = "english";
  Analyzer plain(plain_opts);
  std::size_t protected_checked = 0;
  const EntityExtractor extractor(EntityOptions{NEWSDEX_GAZETTEER_DIR});  // outlives the loop
  for (const std::string& w : extractor.protected_words())
    if (plain.stem(w) != w && search_all(full, w).total > 0) {
      same(w);
      ++protected_checked;
    }
  CHECK(protected_checked > 0);
  // A name the index does not hold as written needs the gazetteer's canonical key.
  CHECK(search_all(full, "company:\"Oracle Corporation\"").total > 0);
  CHECK_THROWS_WITH_AS(search_all(lazy, "company:\"Oracle Corporation\""),
                       doctest::Contains("no-gazetteer"), ConfigError);
}
