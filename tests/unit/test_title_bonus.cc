// The default matching (DefaultMatch::best) ranks, among the documents with the same number
// of the query's words, a document whose headline names all the words above one that only
// says them often: kTitleBonus x the words' idf sum (searcher/src/best_match.h; measured in
// bench/ranking/README.md). A headline naming some of the words earns nothing. The matches,
// totals and tiers stay those of the words.
#include <doctest/doctest.h>

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

// Our own sentences. `retire` is about the lighthouse keeper (both words in its headline,
// each said once more in a long body); `festival` repeats both words in a short body under
// a headline that names neither, so plain BM25 (`any`) ranks it first. `notes` says both
// words, one of them in its headline. `open-day` has `lighthouse` in its headline but never
// `keeper`: one word, a lower tier, title or not. The rest say neither word (so that the
// words are in fewer than half the documents: BM25 ranks, not the language model newsdex
// uses for a query of common words only).
struct Fixture {
  TempDir tmp;
  std::string db = tmp / "db";
  Fixture() {
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

SearchResults run(Searcher& s, const std::string& q, DefaultMatch m) {
  SearchRequest r;
  r.query = q;
  r.limit = 100;
  r.match = m;
  return s.search(r);
}

std::vector<std::string> ids(Searcher& s, const std::string& q, DefaultMatch m) {
  std::vector<std::string> out;
  for (const Hit& h : run(s, q, m).hits) out.push_back(h.id);
  return out;
}

double score_of(const SearchResults& r, const std::string& id) {
  for (const Hit& h : r.hits)
    if (h.id == id) return h.score;
  FAIL("no hit " << id);
  return 0;
}

}  // namespace

TEST_CASE("within a tier, the article whose headline names the words comes first") {
  Fixture f;
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
  Fixture f;
  Searcher s(f.db);
  const SearchResults any = run(s, "lighthouse keeper", DefaultMatch::any);
  const SearchResults best = run(s, "lighthouse keeper", DefaultMatch::best);
  // A hit's score under best is BM25 plus the title bonus (the tiers taken out).
  CHECK(score_of(best, "retire") > score_of(any, "retire") + 0.1);
  CHECK(score_of(best, "festival") == doctest::Approx(score_of(any, "festival")));
  CHECK(score_of(best, "notes") == doctest::Approx(score_of(any, "notes")));  // one of two
  CHECK(score_of(best, "open-day") == doctest::Approx(score_of(any, "open-day")));
  // A word of the query absent from the index: no headline can name it, no bonus.
  const SearchResults three = run(s, "lighthouse keeper quokka", DefaultMatch::best);
  CHECK(score_of(three, "retire") ==
        doctest::Approx(score_of(run(s, "lighthouse keeper quokka", DefaultMatch::any), "retire")));
}

TEST_CASE("the title bonus leaves the matches and the strict modes alone") {
  Fixture f;
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
