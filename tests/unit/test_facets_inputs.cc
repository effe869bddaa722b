// Facets agree with filters; product names are not stemmed; HTML, gzip and long lines.
#include <doctest/doctest.h>
#include <zlib.h>

#include <filesystem>

#include "fixtures.h"
#include "newsdex/error.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "tmpdir.h"

using namespace newsdex;

namespace {
IndexOptions opts() { return test_index_options(); }
SearchResults run(Searcher& s, const std::string& q, std::vector<EntityKind> facets = {}) {
  return search_all(s, q, std::move(facets));
}
std::string quoted(const std::string& key) {
  return key.find(' ') == std::string::npos ? key : "\"" + key + "\"";
}
}  // namespace

TEST_CASE("every facet count equals the total of the query with that key's filter added") {
  TempDir tmp;
  { Indexer(tmp / "db", opts()).index({NEWSDEX_SEEDS_DIR}); }
  Searcher s(tmp / "db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  for (const char* q : {"microsoft", "cloud", "\"right of first refusal\"", "openai -oracle"}) {
    SearchResults r = run(s, q, {std::begin(kAllEntityKinds), std::end(kAllEntityKinds)});
    std::size_t checked = 0;
    for (const FacetResult& f : r.facets) {
      CHECK(f.exact);
      for (const FacetCount& c : f.counts) {
        std::string filter = std::string(to_string(f.kind)) + ":" + quoted(c.key);
        CAPTURE(filter);
        CHECK(run(s, std::string(q) + " " + filter).total == c.count);
        CHECK(c.count <= r.total);
        ++checked;
      }
    }
    CHECK(checked > 5);
  }
  // The seeds: Microsoft everywhere, SoftBank in four, two amounts of $500 billion.
  SearchResults r = run(s, "microsoft", {EntityKind::company, EntityKind::money, EntityKind::date});
  auto count_of = [&](std::size_t i, const std::string& key) -> std::size_t {
    for (const auto& c : r.facets[i].counts)
      if (c.key == key) return c.count;
    return 0;
  };
  CHECK(count_of(0, "microsoft") == 5);
  CHECK(count_of(0, "softbank") == 4);
  CHECK(count_of(1, "USD:500000000000") >= 1);
  CHECK(count_of(2, "2025-01") == 2);
  CHECK(run(s, "company:msft").total == 5);
  CHECK(run(s, "company:\"Microsoft Corp.\"").total == 5);
  CHECK(run(s, "money:>=1e9").total == run(s, "money:USD:1e9..1e12").total);
  CHECK(run(s, "money:>=1e13").total == 0);
  CHECK(run(s, "percent:>=30").total == 1);
  CHECK(run(s, "microsoft money:>=1e20").total == 0);
}

TEST_CASE("a Searcher's first facet query (from values) and later ones (forward index) agree") {
  TempDir tmp;
  { Indexer(tmp / "db", opts()).index({NEWSDEX_SEEDS_DIR}); }
  const std::vector<EntityKind> kinds(std::begin(kAllEntityKinds), std::end(kAllEntityKinds));
  for (const char* q : {"microsoft", "cloud", "company:softbank", "money:>=1e9"}) {
    CAPTURE(q);
    Searcher s(tmp / "db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
    SearchResults first = run(s, q, kinds), second = run(s, q, kinds);
    REQUIRE(first.facets.size() == second.facets.size());
    for (std::size_t k = 0; k < first.facets.size(); ++k) {
      const FacetResult &a = first.facets[k], &b = second.facets[k];
      CAPTURE(to_string(a.kind));
      CHECK(a.distinct == b.distinct);
      REQUIRE(a.counts.size() == b.counts.size());
      for (std::size_t i = 0; i < a.counts.size(); ++i) {
        CHECK(a.counts[i].key == b.counts[i].key);
        CHECK(a.counts[i].count == b.counts[i].count);
        CHECK(a.counts[i].label == b.counts[i].label);
      }
      REQUIRE(a.buckets.size() == b.buckets.size());
      for (std::size_t i = 0; i < a.buckets.size(); ++i)
        CHECK(a.buckets[i].count == b.buckets[i].count);
    }
  }
}

TEST_CASE("product names are not stemmed into other words") {
  TempDir tmp;
  tmp.write("in/a.txt", "Windows update ships today\nMicrosoft released a Windows update.\n");
  tmp.write("in/b.txt", "Cleaning the office window\nThe window was cleaned by a contractor.\n");
  { Indexer(tmp / "db", opts()).index({tmp / "in"}); }
  Searcher s(tmp / "db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK(run(s, "window").total == 1);
  CHECK(run(s, "Windows").total == 1);
  CHECK(run(s, "window").hits.at(0).id == "b.txt");
  CHECK(run(s, "Windows").hits.at(0).id == "a.txt");
}

TEST_CASE("HTML pages, gzip'd JSONL and over-long lines") {
  TempDir tmp;
  tmp.write("in/page.html",
            "<html><head><title>Nvidia unveils a chip</title>"
            "<meta property=\"article:published_time\" content=\"2024-03-18T10:00:00Z\">"
            "<script>var tracking = 'quokkascript';</script></head><body>"
            "<nav>Home News Sign up</nav><article><p>Nvidia said the Blackwell chip costs "
            "$30,000.</p><p>Jensen Huang spoke.</p></article><footer>Follow us</footer>"
            "</body></html>");
  {
    gzFile gz = gzopen((tmp / "in/feed.jsonl.gz").c_str(), "wb");
    std::string lines =
        "{\"id\": \"g1\", \"title\": \"Compressed\", \"body\": \"Zipped quokka news\"}\n"
        "{\"id\": \"g2\", \"title\": \"Long\", \"body\": \"" +
        std::string(5000, 'x') +
        "\"}\n"
        "{\"id\": \"g3\", \"title\": \"After\", \"body\": \"still read\"}\n";
    gzwrite(gz, lines.data(), unsigned(lines.size()));
    gzclose(gz);
  }
  IndexOptions o = opts();
  o.max_record_bytes = 1024;  // g2's line is over the limit
  std::vector<BadRecord> bad;
  IndexSummary sum =
      Indexer(tmp / "db", o).index({tmp / "in"}, {}, [&](const BadRecord& b) { bad.push_back(b); });
  CHECK(sum.indexed == 3);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].line == 2);
  CHECK(bad[0].reason.find("longer than") != std::string::npos);
  Searcher s(tmp / "db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  SearchResults html = run(s, "blackwell");
  REQUIRE(html.total == 1);
  CHECK(html.hits[0].title == "Nvidia unveils a chip");
  CHECK(html.hits[0].date == "2024-03-18");
  CHECK(run(s, "quokkascript").total == 0);  // script dropped
  CHECK(run(s, "\"sign up\"").total == 0);   // nav dropped
  CHECK(run(s, "zipped quokka").total == 1);
  CHECK(run(s, "\"still read\"").total == 1);
  CHECK(run(s, "company:nvidia person:\"jensen huang\"").total == 1);
}

TEST_CASE("hostile text: a 10 MB single line, mixed scripts, absurd numbers, overlong names") {
  TempDir tmp;
  std::string body;
  body.reserve(10u << 20);
  const std::string piece =
      "Microsoft paid $99999999999999999999 trillion to Ελληνικά 日本語 عربي Nvidia, "
      "then $2.5 billion. " +
      std::string(300, 'A') + " Corp. ";
  while (body.size() < (10u << 20)) body += piece;
  std::string overlong;
  for (int i = 0; i < 2000; ++i) overlong += "Zyx ";
  body += overlong + "Inc. closed at 34% on Jan. 22, 2025.";
  tmp.write("in/big.jsonl", "{\"id\": \"big\", \"title\": \"Huge\", \"body\": \"" + body + "\"}\n");
  // Invalid UTF-8 inside a JSON string is a bad record; inside a .txt file, too.
  tmp.write("in/bad.jsonl",
            std::string("{\"id\": \"x\", \"title\": \"t\", \"body\": \"\xff\xfe\"}\n"));
  IndexOptions o = opts();
  o.max_record_bytes = 16u << 20;  // over the default cap of 8 MiB
  IndexSummary s = Indexer(tmp / "db", o).index({tmp / "in"});
  CHECK(s.indexed == 1);
  CHECK(s.bad == 1);
  Searcher searcher(tmp / "db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK(run(searcher, "company:nvidia").total == 1);
  CHECK(run(searcher, "money:USD:2.5e9").total == 1);
  CHECK(run(searcher, "money:>=1e16").total == 0);  // the absurd amount was not kept
  CHECK(run(searcher, "percent:34").total == 1);
  CHECK(run(searcher, "日本語").total == 1);
}

TEST_CASE("money ranges are exact at decade boundaries") {
  TempDir tmp;
  const char* amounts[] = {"$5",           "$50",        "$500",         "$5,000",
                           "$999 million", "$1 billion", "$2.5 billion", "$10 billion",
                           "€3 million",   "17 cents"};
  for (std::size_t i = 0; i < std::size(amounts); ++i)
    tmp.write("in/a" + std::to_string(i) + ".txt", "Deal number " + std::to_string(i) +
                                                       " closes\nThe buyer paid " + amounts[i] +
                                                       " for it.\n");
  { Indexer(tmp / "db", opts()).index({tmp / "in"}); }
  Searcher s(tmp / "db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  struct Row {
    const char* q;
    std::size_t total;
  } rows[] = {
      {"money:>=1e9", 3},        {"money:>1e9", 2},      {"money:1e6..1e9", 3},
      {"money:USD:1e6..1e9", 2}, {"money:<1e3", 4},      {"money:<=500", 4},
      {"money:USD:1e2..1e4", 2}, {"money:EUR", 1},       {"money:USD", 9},
      {"money:>=1e10", 1},       {"money:10..5000", 3},  {"money:0.1..1", 1},
      {"money:>=1", 9},          {"money:USD:999e6", 1}, {"money:2.5b", 1},
  };
  for (const auto& r : rows) {
    std::string q = r.q;
    CAPTURE(q);
    CHECK(run(s, q).total == r.total);
  }
}
