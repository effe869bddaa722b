// Searcher::reopen() picks up what an index run committed after the Searcher was opened
// (facet counts included), and Searcher::document() returns a stored article by its id.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "fixtures.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "tmpdir.h"

using namespace newsdex;
namespace fs = std::filesystem;

namespace {

// The seeds copied into two folders: the first three and the last two.
void split_seeds(const TempDir& dir) {
  std::vector<fs::path> seeds;
  for (const auto& e : fs::directory_iterator(NEWSDEX_SEEDS_DIR)) seeds.push_back(e.path());
  std::sort(seeds.begin(), seeds.end());
  REQUIRE(seeds.size() == 5);
  fs::create_directories(dir.path / "first");
  fs::create_directories(dir.path / "rest");
  for (std::size_t i = 0; i < seeds.size(); ++i)
    fs::copy_file(seeds[i], dir.path / (i < 3 ? "first" : "rest") / seeds[i].filename());
}

std::size_t company_count(Searcher& s, const std::string& key) {
  for (const FacetResult& f : search_all(s, "microsoft", {EntityKind::company}).facets)
    for (const FacetCount& c : f.counts)
      if (c.key == key) return c.count;
  return 0;
}

}  // namespace

TEST_CASE("reopen() shows what an index run committed after the Searcher was opened") {
  TempDir tmp;
  split_seeds(tmp);
  const std::string db = tmp / "db";
  { Indexer(db, test_index_options()).index({tmp / "first"}); }
  Searcher s(db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  REQUIRE(s.document_count() == 3);
  const std::size_t before = search_all(s, "microsoft").total;
  CHECK(before == 3);
  // Twice: the second facet query of a Searcher counts through its cached facet index,
  // which reopen() must drop.
  const std::size_t msft = company_count(s, "microsoft");
  CHECK(company_count(s, "microsoft") == msft);
  CHECK_FALSE(s.reopen());  // nothing new yet

  { Indexer(db, test_index_options()).index({tmp / "rest"}); }
  CHECK(s.document_count() == 3);  // the old view until reopened
  CHECK(search_all(s, "microsoft").total == before);
  CHECK(s.reopen());
  CHECK(s.document_count() == 5);
  CHECK(search_all(s, "microsoft").total == 5);
  CHECK(company_count(s, "microsoft") == 5);
  CHECK_FALSE(s.reopen());
}

TEST_CASE("reopen() follows several databases searched as one") {
  TempDir tmp;
  split_seeds(tmp);
  { Indexer(tmp / "a", test_index_options()).index({tmp / "first"}); }
  { Indexer(tmp / "b", test_index_options()).index({tmp / "first"}); }
  Searcher s(std::vector<std::string>{tmp / "a", tmp / "b"},
             SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK(s.document_count() == 6);
  { Indexer(tmp / "b", test_index_options()).index({tmp / "rest"}); }
  CHECK(s.reopen());
  CHECK(s.document_count() == 8);
}

TEST_CASE("document() returns the stored article of an id, and nothing for an unknown id") {
  TempDir tmp;
  const std::string db = tmp / "db";
  { Indexer(db, test_index_options()).index({NEWSDEX_SEEDS_DIR}); }
  Searcher s(db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  const SearchResults r = search_all(s, "\"right of first refusal\"");
  REQUIRE(!r.hits.empty());
  const Hit& hit = r.hits[0];
  const std::optional<Article> a = s.document(hit.id);
  REQUIRE(a.has_value());
  CHECK(a->id == hit.id);
  CHECK(a->title == hit.title);
  CHECK(a->date == hit.date);
  CHECK(a->path == hit.path);
  CHECK(a->body.find("right of first refusal") != std::string::npos);
  CHECK_FALSE(s.document("no-such-id").has_value());
  CHECK_FALSE(s.document("").has_value());
}
