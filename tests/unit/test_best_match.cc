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
  std::size_t counted = 0;
  for (const FacetCount& b : r.facets[0].buckets) counted += b.count;
  CHECK(counted == r.total);
  CHECK(r.facets[0].exact);
}
