// The default matching (DefaultMatch::best): documents with any of the words, those with
// more of them first; never an empty answer while some word matches. `all` stays strict AND.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "fixtures.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "tmpdir.h"

using namespace newsdex;

namespace {

std::string record(const std::string& id, const std::string& title, const std::string& body) {
  return R"({"id": ")" + id + R"(", "title": ")" + title + R"(", "body": ")" + body +
         R"(", "source": "Fixture", "date": "2024-03-01"})" + "\n";
}

// Short articles in our own words. `glacier` and `saxophone` never meet. `harbour` and
// `ferry` meet once, in a long article that says each once; another says `harbour` over and
// over (title too) without `ferry`, so plain BM25 (`any`) ranks it first.
struct Fixture {
  TempDir tmp;
  std::string db = tmp / "db";
  Fixture() {
    tmp.write(
        "in.jsonl",
        record("ice-1", "Glacier retreat measured",
               "Surveyors measured the glacier again this spring and found it shorter.") +
            record("ice-2", "A winter walk",
                   "The path climbs past a glacier to a hut where walkers rest.") +
            record("jazz-1", "Late set at the club",
                   "A saxophone solo closed the night; the band packed up at two.") +
            record("sea-1", "Harbour, harbour, harbour",
                   "The harbour master says the harbour is full; harbour dues rise and "
                   "the harbour wall needs work.") +
            record("sea-2", "Town notes",
                   "A market, a library, and a ferry that stops at the harbour twice a "
                   "day; the notes run on about parking, bins, the weather, the school "
                   "fete, the new roundabout and the long queue at the post office.") +
            record("sea-3", "Ferry fares",
                   "Ferry fares rise again this spring, the operator said.") +
            record("sea-4", "Ferry strike", "Crews on the island ferry walked out on Monday."));
    Indexer ix(db, test_index_options());
    ix.index({tmp / "in.jsonl"});
  }
};

SearchResults run(Searcher& s, const std::string& q, std::vector<EntityKind> facets = {},
                  std::optional<DefaultMatch> m = std::nullopt) {
  SearchRequest r;
  r.query = q;
  r.limit = 100;
  r.facets = std::move(facets);
  if (m) r.match = *m;
  return s.search(r);
}

std::vector<std::string> ids(const SearchResults& r) {
  std::vector<std::string> out;
  for (const Hit& h : r.hits) out.push_back(h.id);
  return out;
}

}  // namespace

TEST_CASE("the default match is best") { CHECK(SearchRequest{}.match == DefaultMatch::best); }

TEST_CASE("two words that never occur together: hits by default, none with --match all") {
  Fixture f;
  Searcher s(f.db);
  const SearchResults best = run(s, "glacier saxophone");
  CHECK(best.total == 3);
  CHECK(best.total_exact);
  const std::vector<std::string> got = ids(best);
  CHECK(std::find(got.begin(), got.end(), "jazz-1") != got.end());
  CHECK(std::find(got.begin(), got.end(), "ice-1") != got.end());
  CHECK(run(s, "glacier saxophone", {}, DefaultMatch::all).total == 0);
  CHECK(run(s, "glacier saxophone", {}, DefaultMatch::any).total == 3);
}

TEST_CASE("documents with all the words outrank those with some, however often they say one") {
  Fixture f;
  Searcher s(f.db);
  // Plain BM25 puts the article repeating `harbour` first; best puts the one with both.
  REQUIRE(!run(s, "harbour ferry", {}, DefaultMatch::any).hits.empty());
  CHECK(run(s, "harbour ferry", {}, DefaultMatch::any).hits[0].id == "sea-1");
  const SearchResults best = run(s, "harbour ferry");
  REQUIRE(best.hits.size() == 4);
  CHECK(best.total == 4);
  CHECK(best.hits[0].id == "sea-2");
  CHECK(best.hits[1].id == "sea-1");               // then BM25 among the one-word documents
  CHECK(best.hits[0].score < best.hits[1].score);  // the score stays BM25 (rank says more)
  // The strict AND finds sea-2 alone.
  const std::vector<std::string> all = ids(run(s, "harbour ferry", {}, DefaultMatch::all));
  CHECK(all == std::vector<std::string>{"sea-2"});
  // Three words, one of them absent everywhere: the two-word document still comes first.
  const SearchResults three = run(s, "harbour ferry quokka");
  REQUIRE(three.hits.size() == 4);
  CHECK(three.hits[0].id == "sea-2");
  CHECK(run(s, "harbour ferry quokka", {}, DefaultMatch::all).total == 0);
}

TEST_CASE("best keeps filters, exclusions and explicit operators") {
  Fixture f;
  Searcher s(f.db);
  CHECK(ids(run(s, "harbour ferry -market")).size() == 3);  // sea-2 says `market`
  CHECK(run(s, "glacier saxophone source:fixture").total == 3);
  CHECK(run(s, "glacier AND saxophone").total == 0);                 // an explicit AND is strict
  CHECK(run(s, "\"harbour wall\" ferry").hits.at(0).id == "sea-1");  // the phrase is one part
}

TEST_CASE("facets count every document the default match finds") {
  Fixture f;
  Searcher s(f.db);
  const SearchResults r = run(s, "glacier saxophone", {EntityKind::date});
  REQUIRE(r.facets.size() == 1);
  REQUIRE(r.total > 0);  // else 0 counted == 0 found would hold with no facet counted
  std::size_t counted = 0;
  for (const FacetCount& b : r.facets[0].buckets) counted += b.count;
  CHECK(counted == r.total);
  CHECK(r.facets[0].exact);
}

// The title bonus of best (searcher/src/best_match.h): among the documents with the same
// number of the query's words, a document whose headline names all the words comes first
// (kTitleBonus x the words' idf sum, measured in bench/ranking/README.md); a headline naming
// some of the words earns nothing; the matches, totals and tiers stay those of the words.
namespace {

// Our own sentences. `retire` is about the lighthouse keeper (both words in its headline,
// each said once more in a long body); `festival` repeats both words in a short body under
// a headline that names neither, so plain BM25 (`any`) ranks it first. `notes` says both
// words, one of them in its headline. `open-day` has `lighthouse` in its headline but never
// `keeper`: one word, a lower tier, title or not. The rest say neither word (so that the
// words are in fewer than half the documents: BM25 ranks, not the language model newsdex
// uses for a query of common words only).
struct TitleFixture {
  TempDir tmp;
  std::string db = tmp / "db";
  TitleFixture() {
    tmp.write(
        "in.jsonl",
        record("retire", "The last lighthouse keeper retires",
               "After forty years on the rock, the keeper of the north lighthouse hands over "
               "the keys on Friday. The light itself was automated a decade ago, and the "
               "council says the tower will open to visitors next summer, with a small museum "
               "in the old oil store, a cafe in the boat shed and a path cut along the cliff "
               "so that walkers can reach it at low tide without a guide. Local schools have "
               "asked for visits, and the harbour board is looking for volunteers to run the "
               "shop.") +
            record("festival", "Coast diary",
                   "A lighthouse keeper, a lighthouse keeper's dog and a lighthouse keeper's "
                   "boat: the lighthouse keeper festival drew crowds, and the lighthouse keeper "
                   "quiz was won by a lighthouse keeper.") +
            record("notes", "Notes of a keeper",
                   "The tide tables, the lamp oil and the lighthouse log are kept in a drawer.") +
            record("open-day", "Lighthouse open day",
                   "The tower on the point opens its doors on Saturday; tickets are free.") +
            record("ferry", "Ferry timetable changes",
                   "The winter timetable starts on Monday; the first boat leaves at seven.") +
            record("council", "Town hall notes",
                   "The council met on Tuesday to discuss bins, parking and the library.") +
            record("goal", "Goalkeeper signs",
                   "The club signed a keeper from the second division on a two-year deal.") +
            record("market", "Market day moves",
                   "The Thursday market moves to the square while the road is resurfaced.") +
            record("choir", "Choir wins cup",
                   "The town choir won the regional cup with a song about the sea.") +
            record("bakery", "Bakery reopens",
                   "The bakery on the quay reopened after a fire, with the same bread."));
    Indexer ix(db, test_index_options());
    ix.index({tmp / "in.jsonl"});
  }
};

std::vector<std::string> ids(Searcher& s, const std::string& q, DefaultMatch m) {
  return ids(run(s, q, {}, m));
}

double score_of(const SearchResults& r, const std::string& id) {
  for (const Hit& h : r.hits)
    if (h.id == id) return h.score;
  FAIL("no hit " << id);
  return 0;
}

}  // namespace

TEST_CASE("within a tier, the article whose headline names the words comes first") {
  TitleFixture f;
  Searcher s(f.db);
  // Plain BM25 prefers the short body that repeats the words.
  const std::vector<std::string> any = ids(s, "lighthouse keeper", DefaultMatch::any);
  REQUIRE(any.size() == 5);
  CHECK(any[0] == "festival");
  CHECK(any[1] == "retire");
  // best: the same documents; both-word documents first, the headline first among them;
  // the one-word documents after, the one with `lighthouse` in its headline included.
  const std::vector<std::string> best = ids(s, "lighthouse keeper", DefaultMatch::best);
  REQUIRE(best.size() == 5);
  CHECK(best[0] == "retire");
  CHECK(best[1] == "festival");
  CHECK(best[2] == "notes");
  CHECK((best[3] == "open-day" || best[4] == "open-day"));  // one word, headline or not
  CHECK((best[3] == "goal" || best[4] == "goal"));
  CHECK(ids(s, "keeper lighthouse", DefaultMatch::best) == best);  // order of words: same
}

TEST_CASE("the bonus is for a headline naming every word, and only then") {
  TitleFixture f;
  Searcher s(f.db);
  const SearchResults any = run(s, "lighthouse keeper", {}, DefaultMatch::any);
  const SearchResults best = run(s, "lighthouse keeper", {}, DefaultMatch::best);
  // A hit's score under best is BM25 plus the title bonus (the tiers taken out).
  CHECK(score_of(best, "retire") > score_of(any, "retire") + 0.1);
  CHECK(score_of(best, "festival") == doctest::Approx(score_of(any, "festival")));
  CHECK(score_of(best, "notes") == doctest::Approx(score_of(any, "notes")));  // one of two
  CHECK(score_of(best, "open-day") == doctest::Approx(score_of(any, "open-day")));
  // A word of the query absent from the index: no headline can name it, no bonus.
  const SearchResults three = run(s, "lighthouse keeper quokka", {}, DefaultMatch::best);
  CHECK(score_of(three, "retire") ==
        doctest::Approx(
            score_of(run(s, "lighthouse keeper quokka", {}, DefaultMatch::any), "retire")));
}

TEST_CASE("the title bonus leaves the matches and the strict modes alone") {
  TitleFixture f;
  Searcher s(f.db);
  SearchRequest r;
  r.query = "lighthouse keeper";
  r.limit = 100;
  const SearchResults best = s.search(r);
  CHECK(best.total == 5);
  r.match = DefaultMatch::all;
  const SearchResults all = s.search(r);
  CHECK(all.total == 3);
  REQUIRE(all.hits.size() == 3);
  CHECK(all.hits[0].id == "festival");  // --match all is plain BM25 over the AND
  // A single word is one part: no tiers, no bonus, BM25 alone.
  CHECK(ids(s, "keeper", DefaultMatch::best) == ids(s, "keeper", DefaultMatch::any));
}
