// Near-duplicate collapse and more-like-this, on the seed articles (real text): exact copies
// and near-copies (a re-scrape with a changed line, a syndicated copy with a credit line) of
// one seed form one story; the five seeds, five write-ups of one piece of news, stay five.
// Collapsed searches count stories in total and facets, and a facet count equals the
// collapsed total of the query with that key's filter; similar() finds the other seeds and
// never the article itself or its copies.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "index/story.h"
#include "newsdex/error.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "seed_stories.h"
#include "tmpdir.h"

using namespace newsdex;

namespace {

// A re-scrape: one sentence of the middle reworded, an update line added at the end.
std::string rescrape(const std::string& body) {
  std::string b = body;
  const std::size_t dot = b.find(". ", b.size() / 2);
  REQUIRE(dot != std::string::npos);
  b.insert(dot, ", people familiar with the matter said");
  return b + "\nThis article was updated on Jan. 23 with comment from the company.";
}

std::string record(const std::string& id, const std::string& title, const std::string& body,
                   const std::string& date) {
  return nlohmann::json{{"id", id}, {"title", title}, {"body", body}, {"date", date}}.dump() + "\n";
}

// seeds 0-4, then: two exact copies of seed 0, a re-scrape of seed 0, a syndicated copy of
// seed 3 (another date, a credit line first).
std::string corpus() {
  const auto s = seeds();
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i)
    out += record(s[i].id, s[i].title, s[i].body, "2025-01-22");
  out += record("copy-a", s[0].title, s[0].body, "2025-01-22");
  out += record("copy-b", s[0].title, s[0].body, "2025-01-24");
  out += record("rescrape", s[0].title, rescrape(s[0].body), "2025-01-23");
  out +=
      record("syndicated", s[3].title, "(Reprinted with permission.)\n" + s[3].body, "2025-02-01");
  return out;
}

// corpus() indexed into dir/db.
void index_corpus(const TempDir& dir) {
  dir.write("in.jsonl", corpus());
  Indexer ix(dir / "db", test_index_options());
  ix.index({dir / "in.jsonl"});
}

SearchResults find(Searcher& s, const std::string& q, bool collapse,
                   std::vector<EntityKind> facets = {}) {
  SearchRequest r;
  r.query = q;
  r.limit = 100;
  r.facets = std::move(facets);
  r.facet_size = 1000;
  r.collapse = collapse;
  return s.search(r);
}

const Hit* hit(const SearchResults& r, const std::string& id) {
  for (const Hit& h : r.hits)
    if (h.id == id) return &h;
  return nullptr;
}

}  // namespace

TEST_CASE("fingerprints: copies equal, near-copies close, different articles far") {
  const auto s = seeds();
  using detail::distance;
  using detail::fingerprint;
  const auto a = fingerprint(s[0].title, s[0].body);
  const auto copy = fingerprint(s[0].title, s[0].body);
  CHECK(a.simhash != 0);
  CHECK(a.exact == copy.exact);
  CHECK(a.simhash == copy.simhash);
  // Spacing and punctuation are not words: the exact hash ignores them.
  std::string spaced = s[0].body;
  std::replace(spaced.begin(), spaced.end(), '\n', ' ');
  CHECK(fingerprint(s[0].title, "  " + spaced + " ").exact == a.exact);
  const auto near = fingerprint(s[0].title, rescrape(s[0].body));
  CHECK(near.exact != a.exact);
  CHECK(distance(a.simhash, near.simhash) <= detail::kMaxDistance);
  for (std::size_t i = 0; i < s.size(); ++i)
    for (std::size_t j = i + 1; j < s.size(); ++j) {
      CAPTURE(i);
      CAPTURE(j);
      CHECK(distance(fingerprint(s[i].title, s[i].body).simhash,
                     fingerprint(s[j].title, s[j].body).simhash) > detail::kMaxDistance);
    }
  // Too short for a simhash: exact matches only.
  CHECK(fingerprint("Title", "Microsoft and OpenAI share the data centres.").simhash == 0);
}

TEST_CASE("stories: copies and near-copies collapse, with their count, --no-collapse shows all") {
  TempDir dir;
  index_corpus(dir);
  Searcher s(dir / "db");
  const auto seed = seeds();
  const SearchResults all = find(s, "openai", false);
  REQUIRE(all.total == 9);
  for (const Hit& h : all.hits) CHECK(h.duplicates == 0);
  const SearchResults stories = find(s, "openai", true);
  CHECK(stories.total == 5);
  CHECK(stories.total_exact);
  REQUIRE(stories.hits.size() == 5);
  std::size_t shown = 0;
  for (const Hit& h : stories.hits) shown += 1 + h.duplicates;
  CHECK(shown == 9);
  // Seed 0's story has four documents, seed 3's two, the others one each.
  std::map<std::string, std::size_t> dups;
  for (const Hit& h : stories.hits) dups[h.title] = h.duplicates;
  CHECK(dups[seed[0].title] == 3);
  CHECK(dups[seed[3].title] == 1);
  CHECK(dups[seed[1].title] == 0);
  CHECK(dups[seed[2].title] == 0);
  CHECK(dups[seed[4].title] == 0);
  // Again: a Searcher's later collapsed queries count by docid, not by value; the same.
  const SearchResults again = find(s, "openai", true);
  REQUIRE(again.hits.size() == stories.hits.size());
  for (std::size_t i = 0; i < again.hits.size(); ++i) {
    CHECK(again.hits[i].id == stories.hits[i].id);
    CHECK(again.hits[i].duplicates == stories.hits[i].duplicates);
  }
  // The total is exact however few hits are asked for (Xapian's own collapsed totals are
  // estimates), with and without facets.
  for (const std::size_t limit : {0, 1, 2}) {
    CAPTURE(limit);
    SearchRequest few;
    few.query = "openai";
    few.limit = limit;
    CHECK(s.search(few).total == 5);
    CHECK(s.search(few).total_exact);
    few.facets = {EntityKind::company};
    CHECK(s.search(few).total == 5);
    CHECK(s.search(few).total == 5);  // the second faceted query counts by the docids
  }
  // Ties go to the earliest copy: seed 0 itself stands for its copies on an equal score.
  CHECK(hit(stories, "copy-a") == nullptr);
  // A filter that one copy alone matches finds the story through that copy.
  const SearchResults rescraped = find(s, "\"people familiar with the matter\"", true);
  REQUIRE(rescraped.total == 1);
  CHECK(rescraped.hits[0].id == "rescrape");
  CHECK(rescraped.hits[0].duplicates == 0);
}

TEST_CASE("stories: facet counts are stories and equal the collapsed filtered total") {
  TempDir dir;
  index_corpus(dir);
  Searcher s(dir / "db");
  const std::vector<EntityKind> kinds{EntityKind::company, EntityKind::person, EntityKind::money,
                                      EntityKind::date};
  // The first faceted query counts values as the match runs; the second counts docids
  // into the forward index: both must count stories.
  for (int round = 0; round < 2; ++round) {
    CAPTURE(round);
    const SearchResults r = find(s, "openai", true, kinds);
    REQUIRE(r.total == 5);
    bool microsoft = false;
    for (const FacetResult& f : r.facets) {
      for (const FacetCount& c : f.counts) {
        CAPTURE(c.key);
        CHECK(c.count <= r.total);
        if (f.kind == EntityKind::company && c.key == "microsoft") {
          microsoft = true;
          CHECK(c.count == 5);  // five stories, though nine documents mention it
        }
        if (f.kind == EntityKind::date) continue;  // a bucket, not a filter value
        std::string key = c.key.find(' ') == std::string::npos ? c.key : "\"" + c.key + "\"";
        const SearchResults filtered =
            find(s, "openai " + std::string(to_string(f.kind)) + ":" + key, true);
        CHECK(filtered.total == c.count);
      }
      if (f.kind == EntityKind::date) {
        // 2025-01: seed 0's story (three of its copies), seeds 1-4 (seed 3's copy is in
        // 2025-02): five stories; 2025-02: one.
        std::map<std::string, std::size_t> hist;
        for (const FacetCount& b : f.buckets) hist[b.key] = b.count;
        CHECK(hist["2025-01"] == 5);
        CHECK(hist["2025-02"] == 1);
        CHECK(find(s, "openai date:2025-01", true).total == 5);
        CHECK(find(s, "openai date:2025-02", true).total == 1);
      }
    }
    CHECK(microsoft);
  }
  // Without collapse, documents.
  const SearchResults docs = find(s, "openai", false, {EntityKind::company});
  REQUIRE(docs.facets.size() == 1);
  const FacetCount* microsoft = find_by(docs.facets[0].counts, &FacetCount::key, "microsoft");
  REQUIRE(microsoft);
  CHECK(microsoft->count == 9);
}

TEST_CASE("stories: keys are stable across runs, a later copy joins the stored story") {
  TempDir dir;
  const auto seed = seeds();
  dir.write("in.jsonl", corpus());
  dir.write("more.jsonl", record("late-copy", seed[1].title, rescrape(seed[1].body), "2025-03-01"));
  {
    Indexer ix(dir / "db", test_index_options());
    ix.index({dir / "in.jsonl"});
    // Again: nothing changes; then a copy of seed 1 in a run of its own.
    const IndexSummary again = ix.index({dir / "in.jsonl"});
    CHECK(again.unchanged == 9);
    ix.index({dir / "more.jsonl"});
    // add() finds stories too.
    Article a;
    a.id = "added-copy";
    a.title = seed[2].title;
    a.body = seed[2].body;
    ix.add(a);
    ix.commit();
  }
  Searcher s(dir / "db");
  const SearchResults r = find(s, "openai", true);
  CHECK(r.total == 5);
  std::map<std::string, std::size_t> dups;
  for (const Hit& h : r.hits) dups[h.title] = h.duplicates;
  CHECK(dups[seed[1].title] == 1);
  CHECK(dups[seed[2].title] == 1);
  CHECK(find(s, "openai", false).total == 11);
}

TEST_CASE("similar: related seed articles, never the article itself or its copies") {
  TempDir dir;
  index_corpus(dir);
  Searcher s(dir / "db");
  const auto seed = seeds();
  SearchRequest req;
  req.limit = 20;
  req.facets = {EntityKind::company};
  const SearchResults r = s.similar(seed[0].id, req);
  std::set<std::string> got;
  for (const Hit& h : r.hits) got.insert(h.id);
  // The other four write-ups of the news (seed 3 once: its copy collapses into it).
  CHECK(got.count(seed[1].id) == 1);
  CHECK(got.count(seed[2].id) == 1);
  CHECK(got.count(seed[4].id) == 1);
  CHECK((got.count(seed[3].id) + got.count("syndicated")) == 1);
  CHECK(got.count(seed[0].id) == 0);
  CHECK(got.count("copy-a") == 0);
  CHECK(got.count("copy-b") == 0);
  CHECK(got.count("rescrape") == 0);
  CHECK(r.total == 4);
  REQUIRE(r.facets.size() == 1);
  for (const FacetCount& c : r.facets[0].counts) CHECK(c.count <= r.total);
  CHECK(!r.hits.empty());
  CHECK(!r.hits[0].highlights.empty());  // the words it was found by
  // A filter restricts them: only seed 3's story is dated 2025-02.
  req.query = "date:2025-02";
  const SearchResults feb = s.similar(seed[0].id, req);
  REQUIRE(feb.total == 1);
  CHECK(feb.hits[0].id == "syndicated");
  // Unknown id, bad filter.
  CHECK_THROWS_AS(s.similar("no-such-id", SearchRequest{}), IndexError);
  req.query = "date:";
  CHECK_THROWS_AS(s.similar(seed[0].id, req), QueryError);
}
