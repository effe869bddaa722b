#pragma once
// The seeds split over two databases (three articles and two) and all five in one, and
// what the tests of several databases compare (test_multi_db.cc, test_remote.cc).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "fixtures.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "tmpdir.h"

/// Twenty-four short articles (JSONL) whose entities repeat in overlapping patterns: many
/// documents share a whole key set, and key sets share keys (what facets over remote shards
/// count: remote_facets.h).
inline std::string repeating_record(int i) {
  std::string body = "Weekly technology report number " + std::to_string(i) + ".";
  if (i % 2 == 0) body += " Microsoft announced new cloud servers.";
  if (i % 3 == 0) body += " OpenAI released a model for compute workloads.";
  if (i % 4 == 0) body += " Google answered with its own cloud offer.";
  if (i % 5 == 0) body += " Nvidia sold more chips.";
  if (i % 3 == 1) body += " Satya Nadella said the deal was good.";
  if (i % 2 == 1) body += " The company raised $10 billion from investors.";
  if (i % 3 == 2) body += " A rival spent $500 million on data centers.";
  if (i % 4 == 1) body += " Revenue rose 12% over the year.";
  const std::string date = "2024-0" + std::to_string(1 + i % 3) + "-" + std::to_string(10 + i % 2);
  return R"({"id":"r)" + std::to_string(i) + R"(","title":"Report )" + std::to_string(i) +
         R"(","date":")" + date + R"(","body":")" + body + "\"}\n";
}

/// a.db (seeds 0-2), b.db (seeds 3-4), all.db (all five), in a temporary directory; with
/// @p repeating, the 24 repeating_record()s instead (even ones in a.db, odd ones in b.db).
struct Split {
  TempDir dir;
  explicit Split(bool repeating = false) {
    namespace fs = std::filesystem;
    fs::create_directories(dir.path / "a");
    fs::create_directories(dir.path / "b");
    fs::create_directories(dir.path / "all");
    if (repeating) {
      std::string a, b, all;
      for (int i = 0; i < 24; ++i) {
        (i % 2 ? b : a) += repeating_record(i);
        all += repeating_record(i);
      }
      dir.write("a/a.jsonl", a);
      dir.write("b/b.jsonl", b);
      dir.write("all/all.jsonl", all);
    } else {
      std::vector<fs::path> seeds;
      for (const auto& e : fs::directory_iterator(NEWSDEX_SEEDS_DIR)) seeds.push_back(e.path());
      std::sort(seeds.begin(), seeds.end());
      REQUIRE(seeds.size() == 5);
      for (std::size_t i = 0; i < seeds.size(); ++i) {
        fs::copy_file(seeds[i], dir.path / (i < 3 ? "a" : "b") / seeds[i].filename());
        fs::copy_file(seeds[i], dir.path / "all" / seeds[i].filename());
      }
    }
    // Sentences repeated across the records would be page chrome to the indexer, and more
    // of them in all.db than in either part: kept, so that all hold the same text.
    newsdex::IndexOptions o = test_index_options();
    o.remove_chrome = !repeating;
    newsdex::Indexer(dir / "a.db", o).index({dir / "a"});
    newsdex::Indexer(dir / "b.db", o).index({dir / "b"});
    newsdex::Indexer(dir / "all.db", o).index({dir / "all"});
  }
};

/// The ids of the hits, as a set (databases of other docids order ties apart).
inline std::set<std::string> hit_ids(const newsdex::SearchResults& r) {
  std::set<std::string> out;
  for (const newsdex::Hit& h : r.hits) out.insert(h.id);
  return out;
}

/// kind → key → (count, label), money and date buckets as keys "bucket <key>".
inline std::map<std::string, std::map<std::string, std::pair<std::size_t, std::string>>> facet_map(
    const newsdex::SearchResults& r) {
  std::map<std::string, std::map<std::string, std::pair<std::size_t, std::string>>> out;
  for (const newsdex::FacetResult& f : r.facets) {
    auto& kind = out[std::string(to_string(f.kind))];
    for (const newsdex::FacetCount& c : f.counts) kind[c.key] = {c.count, c.label};
    for (const newsdex::FacetCount& b : f.buckets) kind["bucket " + b.key] = {b.count, b.label};
    kind["distinct"] = {f.distinct, f.exact ? "exact" : "sampled"};
  }
  return out;
}

/// Queries the tests of several databases run: words, a phrase, exclusion, entity, money
/// and date filters, a wildcard.
inline const std::vector<std::string>& split_queries() {
  static const std::vector<std::string> q = {"microsoft",
                                             "cloud",
                                             "openai -oracle",
                                             "\"right of first refusal\"",
                                             "company:softbank",
                                             "money:>=1e9",
                                             "date:2025-01",
                                             "micro* compute",
                                             "openai company:msft money:<1e12",
                                             "report",
                                             "report -company:google",
                                             "report money:>=1e9",
                                             "re* cloud",
                                             "s* -microsoft"};
  return q;
}

/// Every entity kind.
inline std::vector<newsdex::EntityKind> all_kinds() {
  return {std::begin(newsdex::kAllEntityKinds), std::end(newsdex::kAllEntityKinds)};
}
