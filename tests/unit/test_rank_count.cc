// An exact search ranks the page and counts every match in two passes (searcher.cc,
// exact_search: a ranking that may skip documents which cannot reach the page, and a
// boolean match that the spies count): the answer must be the one a single exhaustive,
// weighted match gives. A time limit keeps the single match, so the same request with and
// without one (never reached) must answer alike: hits, scores, order, copies, totals,
// facets, in every matching mode, collapsed and not, on several pages. The articles are
// the seeds' lines (real text), with copies so that stories collapse.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "fixtures.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "seed_stories.h"
#include "tmpdir.h"

using namespace newsdex;

namespace {

// Each line of 60 bytes or more of each seed as an article, and exact copies of every
// seventh one (later in the file: a story of two documents apart in docid order).
std::string line_corpus() {
  std::string out, copies;
  int n = 0;
  for (const Seed& s : seeds()) {
    std::istringstream lines(s.body);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.size() < 60) continue;
      const std::string id = s.id + "-" + std::to_string(++n);
      const std::string date = "2024-0" + std::to_string(1 + n % 9) + "-1" + std::to_string(n % 10);
      auto rec = [&](const std::string& i) {
        return nlohmann::json{{"id", i}, {"title", s.title}, {"body", line}, {"date", date}}
                   .dump() +
               "\n";
      };
      out += rec(id);
      if (n % 7 == 0) copies += rec(id + "-copy");
    }
  }
  REQUIRE(n > 30);
  return out + copies;
}

// What two answers must share (the JSON the CLI prints, less the time taken).
void same(const SearchResults& a, const SearchResults& b) {
  CHECK(a.total == b.total);
  CHECK(a.total_exact == b.total_exact);
  CHECK(a.collapsed == b.collapsed);
  REQUIRE(a.hits.size() == b.hits.size());
  for (std::size_t i = 0; i < a.hits.size(); ++i) {
    CHECK(a.hits[i].id == b.hits[i].id);
    CHECK(a.hits[i].rank == b.hits[i].rank);
    CHECK(a.hits[i].score == b.hits[i].score);
    CHECK(a.hits[i].duplicates == b.hits[i].duplicates);
  }
  REQUIRE(a.facets.size() == b.facets.size());
  for (std::size_t f = 0; f < a.facets.size(); ++f) {
    CHECK(a.facets[f].exact == b.facets[f].exact);
    CHECK(a.facets[f].distinct == b.facets[f].distinct);
    REQUIRE(a.facets[f].counts.size() == b.facets[f].counts.size());
    for (std::size_t k = 0; k < a.facets[f].counts.size(); ++k) {
      CHECK(a.facets[f].counts[k].key == b.facets[f].counts[k].key);
      CHECK(a.facets[f].counts[k].label == b.facets[f].counts[k].label);
      CHECK(a.facets[f].counts[k].count == b.facets[f].counts[k].count);
    }
    REQUIRE(a.facets[f].buckets.size() == b.facets[f].buckets.size());
    for (std::size_t k = 0; k < a.facets[f].buckets.size(); ++k) {
      CHECK(a.facets[f].buckets[k].key == b.facets[f].buckets[k].key);
      CHECK(a.facets[f].buckets[k].count == b.facets[f].buckets[k].count);
    }
  }
}

}  // namespace

TEST_CASE("ranking apart from counting answers as one exhaustive weighted match") {
  TempDir dir;
  dir.write("lines.jsonl", line_corpus());
  Indexer(dir / "lines.db", test_index_options()).index({dir / "lines.jsonl"});
  Searcher s(dir / "lines.db");
  const char* queries[] = {"microsoft",      "openai cloud",     "microsoft openai partnership",
                           "data OR center", "\"data center\"",  "ai -microsoft",
                           "compute",        "company:openai ai"};
  std::size_t compared = 0, with_hits = 0, collapsed_copies = 0;
  for (const char* q : queries)
    for (DefaultMatch match : {DefaultMatch::all, DefaultMatch::best})
      for (bool collapse : {true, false})
        for (std::size_t offset : {0, 2}) {
          SearchRequest req;
          req.query = q;
          req.match = match;
          req.collapse = collapse;
          req.offset = offset;
          req.limit = 3;  // a page far smaller than the matches: the ranking can skip
          req.snippet_bytes = 0;
          req.facets = {EntityKind::company, EntityKind::person, EntityKind::money,
                        EntityKind::date};
          req.facet_size = 50;
          SearchRequest one = req;
          one.time_limit_ms = 1e7;  // one weighted match of every document (never reached)
          const SearchResults two_passes = s.search(req);
          const SearchResults one_match = s.search(one);
          INFO("query ", q, ", collapse ", collapse, ", offset ", offset);
          same(two_passes, one_match);
          ++compared;
          with_hits += !two_passes.hits.empty();
          for (const Hit& h : two_passes.hits) collapsed_copies += h.duplicates;
        }
  CHECK(compared == 64);
  CHECK(with_hits >= 48);       // the queries match: the comparison is not of empty answers
  CHECK(collapsed_copies > 0);  // and copies collapsed into some hits
}
