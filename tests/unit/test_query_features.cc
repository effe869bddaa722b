// What a user meets beyond matching (issue 12): accent folding, did-you-mean, sort by date.
// The fixture articles are short texts in our own words, on the subjects of real news
// articles (bbc-news and tech-articles), with the accents those articles use.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "fixtures.h"
#include "newsdex/entities.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "tmpdir.h"

using namespace newsdex;

namespace {

// Subjects: bbc-news bbc-business-050 (a); tech-articles (b-g). Dates are the fixture's own.
const char* const kArticles =
    R"({"id": "a", "date": "2005-02-24", "source": "BBC News", "title": "Bad weather hits Nestle sales", "body": "Sales at Nestle, the Swiss food and drink group, slipped as poor weather, dearer raw materials and a slow European economy weighed on them."}
{"id": "b", "date": "2023-05-02", "source": "The Guardian", "title": "Laptops for children", "body": "Firms such as Nickelodeon and Nestlé were keen to advertise to the children who got the new school laptops. The chairs of French café culture have lasted a hundred years."}
{"id": "c", "date": "2019-11-20", "source": "Wired", "title": "After the fire", "body": "She sat with a cup of tea in a smart cafe north of the town and said that everything she owned had burned."}
{"id": "d", "date": "2024-03-01", "source": "Wired", "title": "China and AI chips", "body": "China wants chips of its own for artificial intelligence and works to end Nvidia's lead there, as a matter of national strategy."}
{"id": "e", "date": "2021-04-12", "source": "VentureBeat", "title": "Cloud rendering", "body": "The platform runs in a datacenter on servers built around chips from Nvidia, among them the Nvidia RTX A6000 chips launched today."}
{"id": "f", "date": "2018-02-12", "source": "MIT Technology Review", "title": "TPUs", "body": "A German startup, RiseML, reported that Google's newest TPUs matched Nvidia's newest chips on peak performance when training image models, and cost less."}
{"id": "g", "date": "2020-08-01", "source": "The Verge", "title": "Intel stumbled", "body": "While Intel faltered, Arm, which designs chips for phones, and Nvidia, which sells chips for graphics and AI, grew. It also won French banks such as BNP Paribas, Société Générale and Natixis."}
)";

struct Db {
  TempDir tmp;
  std::string path = tmp / "db";
  Db() {
    tmp.write("articles.jsonl", kArticles);
    Indexer ix(path, test_index_options());
    REQUIRE(ix.index({tmp / "articles.jsonl"}).indexed == 7);
  }
};

SearchResults run(Searcher& s, const std::string& q, SortOrder sort = SortOrder::relevance) {
  SearchRequest r;
  r.query = q;
  r.limit = 100;
  r.sort = sort;
  return s.search(r);
}

std::set<std::string> ids(Searcher& s, const std::string& q) {
  std::set<std::string> out;
  for (const Hit& h : run(s, q).hits) out.insert(h.id);
  return out;
}

// The highlighted stretches of a hit's snippet.
std::set<std::string> highlighted(const Hit& h) {
  std::set<std::string> out;
  for (const Highlight& hl : h.highlights)
    out.insert(h.snippet.substr(hl.begin, hl.end - hl.begin));
  return out;
}

}  // namespace

TEST_CASE("accents fold: Nestlé finds Nestle, cafe finds café, and the accent is highlighted") {
  Db db;
  Searcher s(db.path, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK(ids(s, "Nestlé") == std::set<std::string>{"a", "b"});
  CHECK(ids(s, "Nestle") == std::set<std::string>{"a", "b"});
  CHECK(ids(s, "NESTLÉ") == std::set<std::string>{"a", "b"});
  CHECK(ids(s, "café") == std::set<std::string>{"b", "c"});
  CHECK(ids(s, "cafe") == std::set<std::string>{"b", "c"});
  CHECK(ids(s, "\"French cafe culture\"") == std::set<std::string>{"b"});
  CHECK(ids(s, "title:nestlé") == std::set<std::string>{"a"});
  for (const Hit& h : run(s, "cafe").hits) {
    CAPTURE(h.id);
    CHECK(highlighted(h).count(h.id == "b" ? "café" : "cafe") == 1);
  }
  for (const Hit& h : run(s, "nestle").hits)
    CHECK(highlighted(h).count(h.id == "b" ? "Nestlé" : "Nestle") == 1);
}

TEST_CASE("entity filters take a name with or without its accents") {
  Db db;
  Searcher s(db.path, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK(ids(s, "company:nestlé") == std::set<std::string>{"a", "b"});
  CHECK(ids(s, "company:Nestle") == std::set<std::string>{"a", "b"});
  EntityExtractor ex(EntityOptions{NEWSDEX_GAZETTEER_DIR});
  CHECK(ex.canonical_key(EntityKind::company, "Société Générale") == "societe generale");
  CHECK(ex.canonical_key(EntityKind::company, "Societe Generale") == "societe generale");
  CHECK(ex.canonical_key(EntityKind::person, "Zoë Kravitz") == "zoe kravitz");
  for (const Entity& e : ex.extract("It also won French banks such as BNP Paribas, Société "
                                    "Générale and Natixis."))
    if (e.kind != EntityKind::money && e.kind != EntityKind::percent) {
      CAPTURE(e.key);
      CHECK(e.key.find("\xC3") == std::string::npos);  // no é left in a name key
    }
}

TEST_CASE("did-you-mean: a missing word becomes the frequent word a letter away") {
  Db db;
  Searcher s(db.path, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  SearchResults r = run(s, "nvidai chips");
  CHECK(r.total > 0);  // the default (best) still answers with the documents about chips
  CHECK(r.suggestion == "nvidia chips");
  CHECK(run(s, "nvidia chips").suggestion.empty());  // nothing to correct
  CHECK(run(s, "chisp").suggestion == "chips");      // the surface form, not the stem `chip`
  CHECK(run(s, "Nvidai CHISP").suggestion == "Nvidia Chips");  // a capital stays a capital
  // Filters and operators stay as typed; only free words and title: values are corrected.
  CHECK(run(s, "company:nvidia (nvidai OR chisp)").suggestion ==
        "company:nvidia (nvidia OR chips)");
  CHECK(run(s, "title:chisp date:2020..2025").suggestion == "title:chips date:2020..2025");
  CHECK(run(s, "chips -nvidai").suggestion.empty());  // a word left out is not corrected
  CHECK(run(s, "company:nvidai").suggestion.empty());
  CHECK(run(s, "xyzzyq").suggestion.empty());  // nothing close
}

TEST_CASE("sort by date: newest first, oldest first, filter-only queries newest first") {
  Db db;
  Searcher s(db.path, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  auto dates = [](const SearchResults& r) {
    std::vector<std::string> out;
    for (const Hit& h : r.hits) out.push_back(h.date);
    return out;
  };
  SearchResults newest = run(s, "chips", SortOrder::date);
  CHECK(newest.sort == SortOrder::date);
  CHECK(dates(newest) ==
        std::vector<std::string>{"2024-03-01", "2021-04-12", "2020-08-01", "2018-02-12"});
  SearchResults oldest = run(s, "chips", SortOrder::date_asc);
  CHECK(dates(oldest) ==
        std::vector<std::string>{"2018-02-12", "2020-08-01", "2021-04-12", "2024-03-01"});
  SearchResults relevance = run(s, "chips");
  CHECK(relevance.sort == SortOrder::relevance);
  for (std::size_t i = 1; i < relevance.hits.size(); ++i)
    CHECK(relevance.hits[i - 1].score >= relevance.hits[i].score);
  // No words to score: newest first, whatever the request says.
  SearchResults filtered = run(s, "company:nvidia");
  CHECK(filtered.sort == SortOrder::date);
  CHECK(dates(filtered) ==
        std::vector<std::string>{"2024-03-01", "2021-04-12", "2020-08-01", "2018-02-12"});
  CHECK(dates(run(s, "company:nvidia", SortOrder::date_asc)) ==
        std::vector<std::string>{"2018-02-12", "2020-08-01", "2021-04-12", "2024-03-01"});
  CHECK(dates(run(s, "date:2019..2021 -nvidia")) == std::vector<std::string>{"2019-11-20"});
}

TEST_CASE("a query of stopwords is searched as words, with scores that rank") {
  // Every seed article has `the` and `of`: BM25's idf of such words is about 0.
  TempDir tmp;
  {
    Indexer ix(tmp / "db", test_index_options());
    REQUIRE(ix.index({NEWSDEX_SEEDS_DIR}).indexed == 5);
  }
  Searcher s(tmp / "db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  SearchResults r = run(s, "the of");
  CHECK(r.total == 5);
  REQUIRE(r.hits.size() == 5);
  CHECK(r.hits.front().score > 1.0);  // BM25 gave 0.174
  CHECK(r.hits.front().score > r.hits.back().score);
}

TEST_CASE("--sample counts a sample of the matches, scaled and marked inexact") {
  Db db;
  Searcher s(db.path, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  SearchRequest r;
  r.query = "chips";  // d, e, f, g: each mentions Nvidia
  r.facets = {EntityKind::company};
  r.exact_facets = false;
  r.sample_size = 2;
  SearchResults sampled = s.search(r);
  CHECK(sampled.total == 4);
  CHECK(sampled.hits.size() == 4);  // the hits are all there: only the counting is sampled
  REQUIRE(sampled.facets.size() == 1);
  CHECK_FALSE(sampled.facets[0].exact);
  auto count_of = [](const FacetResult& f, const std::string& key) {
    for (const FacetCount& c : f.counts)
      if (c.key == key) return c.count;
    return std::size_t(0);
  };
  CHECK(count_of(sampled.facets[0], "nvidia") == 4);  // 2 seen, scaled by 4 / 2
  r.sample_size = 4;  // no more matches than the sample: counted exactly
  CHECK(s.search(r).facets[0].exact);
  r.sample_size = 100;  // every match seen: exact
  SearchResults whole = s.search(r);
  CHECK(whole.facets[0].exact);
  CHECK(count_of(whole.facets[0], "nvidia") == 4);
}

TEST_CASE("the source facet counts matches per publisher, as source: filters do") {
  Db db;
  Searcher s(db.path, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  SearchRequest r;
  r.query = "chips";  // d, e (Wired, VentureBeat), f (MIT Technology Review), g (The Verge)
  r.source_facet = true;
  SearchResults res = s.search(r);
  REQUIRE(res.sources.size() == 4);
  for (const FacetCount& c : res.sources) {
    CAPTURE(c.key);
    CHECK(c.count == 1);
    CHECK(c.count == run(s, "chips source:\"" + c.label + "\"").total);
  }
  CHECK(res.sources[0].key == "mit technology review");  // ties by key
  CHECK(res.sources[0].label == "MIT Technology Review");
  SearchResults wired = [&] {
    r.query = "company:nvidia OR cafe";  // c, d Wired; b Guardian; e VentureBeat; f MIT; g Verge
    return s.search(r);
  }();
  REQUIRE(!wired.sources.empty());
  CHECK(wired.sources[0].label == "Wired");
  CHECK(wired.sources[0].count == 2);
  CHECK(wired.sources[0].count == run(s, "(company:nvidia OR cafe) source:wired").total);
}
