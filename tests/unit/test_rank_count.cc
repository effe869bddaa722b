// An exact search ranks the page and counts every match in two passes (searcher.cc,
// exact_search: a ranking that may skip documents which cannot reach the page, and a
// boolean match that the spies count): the answer must be the one a single exhaustive,
// weighted match gives. A time limit keeps the single match, so the same request with and
// without one (never reached) must answer alike: hits, scores, order, copies, totals,
// facets, in every matching mode, collapsed and not, on several pages. The articles are
// the seeds' lines (real text), with copies so that stories collapse. And several
// databases' stories are numbered as one (part_stories.h): a copy in another database joins
// its article's story, and the two searched as one answer as one database of both.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/schema.h"
#include "fixtures.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "part_stories.h"
#include "seed_stories.h"
#include "tmpdir.h"

using namespace newsdex;

namespace {

// Each line of 60 bytes or more of each seed as an article, and exact copies of every
// seventh one (later in the file: a story of two documents apart in docid order). With
// @p split, the articles in @p first and the copies after them in @p second.
std::string line_corpus(std::string* first = nullptr) {
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
  if (first) {
    *first = out;
    return copies;
  }
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

TEST_CASE("several databases' stories are numbered as one through the facet files' story keys") {
  // a.db holds the articles, b.db the copies of some of them: every copy's story spans the
  // two databases, which only the story keys tell (each file numbers its own stories).
  TempDir dir;
  std::string first;
  dir.write("b.jsonl", line_corpus(&first));
  dir.write("a.jsonl", first);
  dir.write("all.jsonl", first + line_corpus(&first));
  for (const char* name : {"a", "b", "all"})
    Indexer(dir / (std::string(name) + ".db"), test_index_options())
        .index({dir / (std::string(name) + ".jsonl")});
  const std::vector<Xapian::Database> parts{Xapian::Database(dir / "a.db"),
                                            Xapian::Database(dir / "b.db")};
  std::vector<detail::FacetIndex> facets(2);
  facets[0].use_file(dir / "a.db");
  facets[1].use_file(dir / "b.db");
  detail::PartStories stories;
  stories.load(facets, parts);
  // Every document of b is a copy: its story is that of the document of a with its key.
  std::map<std::string, std::uint32_t> by_key;
  for (auto it = parts[0].postlist_begin(""); it != parts[0].postlist_end(""); ++it)
    by_key[parts[0].get_document(*it).get_value(schema::kSlotStory)] = stories.story(0, *it);
  std::size_t joined = 0;
  for (auto it = parts[1].postlist_begin(""); it != parts[1].postlist_end(""); ++it) {
    const std::string key = parts[1].get_document(*it).get_value(schema::kSlotStory);
    REQUIRE(by_key.count(key));
    CHECK(stories.story(1, *it) == by_key[key]);
    CHECK(stories.story(1, *it) != 0);
    ++joined;
  }
  CHECK(joined >= 5);
  CHECK(stories.size() == by_key.size() + 1);  // ids from 1, one per key
  // Searched as one: the same stories, copies and facets as all.db (a story's copies tie,
  // and the tie goes to the lower docid, which interleaving makes b's copy: compared by
  // story, an article and its copy as one).
  Searcher both({dir / "a.db", dir / "b.db"}), all(dir / "all.db");
  std::size_t copies = 0;
  for (const char* q : {"microsoft", "openai cloud", "data OR center", "compute"}) {
    SearchRequest req;
    req.query = q;
    req.limit = 200;
    req.snippet_bytes = 0;
    req.facets = {EntityKind::company, EntityKind::person, EntityKind::money, EntityKind::date};
    req.facet_size = 1000;
    for (int round = 0; round < 2; ++round) {  // (the second from the Searchers' indexes)
      INFO("query ", q, ", round ", round);
      const SearchResults x = both.search(req), y = all.search(req);
      CHECK(x.collapsed);
      CHECK(x.total == y.total);
      CHECK(x.total < x.hits.size() + 1000);
      std::map<std::string, std::size_t> dx, dy;
      auto story = [](std::string id) {
        if (id.size() > 5 && id.ends_with("-copy")) id.resize(id.size() - 5);
        return id;
      };
      for (const Hit& h : x.hits) dx[story(h.id)] = h.duplicates;
      for (const Hit& h : y.hits) dy[story(h.id)] = h.duplicates;
      CHECK(dx == dy);
      CHECK(dx.size() == x.hits.size());
      for (const Hit& h : x.hits) copies += h.duplicates;
      REQUIRE(x.facets.size() == y.facets.size());
      for (std::size_t f = 0; f < x.facets.size(); ++f) {
        std::map<std::string, std::size_t> cx, cy;
        for (const FacetCount& c : x.facets[f].counts) cx[c.key] = c.count;
        for (const FacetCount& c : y.facets[f].counts) cy[c.key] = c.count;
        for (const FacetCount& c : x.facets[f].buckets) cx["bucket " + c.key] = c.count;
        for (const FacetCount& c : y.facets[f].buckets) cy["bucket " + c.key] = c.count;
        CHECK(cx == cy);
        CHECK(x.facets[f].exact);
      }
    }
  }
  CHECK(copies > 0);  // stories spanning the two databases matched
}
