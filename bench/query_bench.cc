/// @file query_bench.cc
/// Query latency of newsdex through its public API (newsdex::Searcher), timed by the same
/// harness as the peers (peers/latency.h: warm-up pass untimed, timed passes, results
/// folded into a checksum, JSON on stdout, logs on stderr).
///
///   query_bench DB QUERIES [--runs N] [--warmup N] [--limit K] [--match best|all|any]
///               [--facets company,person,money,date] [--facet-size N] [--sample N]
///               [--date-bucket year|month|day] [--snippet-bytes N] [--gazetteer DIR]
///               [--label NAME] [--also-db DB]... [--remote-timeout MS]
///               [--sort relevance|date|date:asc] [--no-suggest] [--source-facet]
///               [--no-collapse]
///
/// --also-db adds a database searched as one with DB (several shards, local directories or
/// remote `tcp://HOST:PORT`; bench/remote_bench.sh).
/// One Searcher is opened before timing starts and reused. Each timed query is one
/// Searcher::search() with a fresh SearchRequest: query parsing, ranking, the total,
/// the top K hits with their stored fields, the snippets (unless --snippet-bytes 0) and
/// the facets asked for (exact unless --sample N, which counts over N matches).
/// bench/query_bench.sh runs it with and without facets, with and without snippets, and
/// on the filter queries that only newsdex understands.

#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/entities.h"
#include "newsdex/searcher.h"
#include "peers/latency.h"

namespace {

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: query_bench DB QUERIES [--runs N] [--warmup N] [--limit K] "
               "[--match best|all|any]\n"
               "                   [--facets company,person,money,date] [--facet-size N] "
               "[--sample N]\n"
               "                   [--date-bucket year|month|day] [--snippet-bytes N] "
               "[--gazetteer DIR] [--label NAME]\n"
               "                   [--also-db DB]... [--remote-timeout MS]\n"
               "                   [--sort relevance|date|date:asc] [--no-suggest]\n"
               "                   [--no-collapse]\n");
  std::exit(2);
}

std::vector<newsdex::EntityKind> parse_kinds(std::string_view list) {
  std::vector<newsdex::EntityKind> kinds;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string_view name = list.substr(0, comma);
    if (!name.empty()) {
      const auto kind = newsdex::parse_entity_kind(name);
      if (!kind) {
        std::fprintf(stderr, "error: unknown facet kind '%.*s'\n", static_cast<int>(name.size()),
                     name.data());
        std::exit(2);
      }
      kinds.push_back(*kind);
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return kinds;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  std::vector<std::string> also_dbs;
  std::string queries_path;
  std::string facets_arg;
  std::string label;
  bench::HarnessOptions opt;
  newsdex::SearchRequest proto;
  newsdex::SearcherOptions sopt;
  for (int i = 1; i < argc; ++i) {
    if (bench::parse_harness_flag(argc, argv, i, opt)) continue;
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--limit") == 0 && has_value) {
      proto.limit = bench::parse_count("--limit", argv[++i]);
    } else if (std::strcmp(argv[i], "--match") == 0 && has_value) {
      const std::string_view m = argv[++i];
      if (m == "best")
        proto.match = newsdex::DefaultMatch::best;
      else if (m == "all")
        proto.match = newsdex::DefaultMatch::all;
      else if (m == "any")
        proto.match = newsdex::DefaultMatch::any;
      else
        usage();
    } else if (std::strcmp(argv[i], "--facets") == 0 && has_value) {
      facets_arg = argv[++i];
      proto.facets = parse_kinds(facets_arg);
    } else if (std::strcmp(argv[i], "--facet-size") == 0 && has_value) {
      proto.facet_size = bench::parse_count("--facet-size", argv[++i]);
    } else if (std::strcmp(argv[i], "--sample") == 0 && has_value) {
      proto.exact_facets = false;
      proto.sample_size = bench::parse_count("--sample", argv[++i]);
    } else if (std::strcmp(argv[i], "--date-bucket") == 0 && has_value) {
      const std::string_view b = argv[++i];
      if (b == "year")
        proto.date_bucket = newsdex::DateBucket::year;
      else if (b == "month")
        proto.date_bucket = newsdex::DateBucket::month;
      else if (b == "day")
        proto.date_bucket = newsdex::DateBucket::day;
      else
        usage();
    } else if (std::strcmp(argv[i], "--sort") == 0 && has_value) {
      const std::string_view v = argv[++i];
      if (v == "relevance")
        proto.sort = newsdex::SortOrder::relevance;
      else if (v == "date")
        proto.sort = newsdex::SortOrder::date;
      else if (v == "date:asc")
        proto.sort = newsdex::SortOrder::date_asc;
      else
        usage();
    } else if (std::strcmp(argv[i], "--no-suggest") == 0) {
      proto.suggest = false;
    } else if (std::strcmp(argv[i], "--source-facet") == 0) {
      proto.source_facet = true;
    } else if (std::strcmp(argv[i], "--snippet-bytes") == 0 && has_value) {
      proto.snippet_bytes = bench::parse_count("--snippet-bytes", argv[++i]);
    } else if (std::strcmp(argv[i], "--gazetteer") == 0 && has_value) {
      sopt.gazetteer_dir = argv[++i];
    } else if (std::strcmp(argv[i], "--also-db") == 0 && has_value) {
      also_dbs.emplace_back(argv[++i]);
    } else if (std::strcmp(argv[i], "--remote-timeout") == 0 && has_value) {
      sopt.remote_timeout_ms = unsigned(bench::parse_count("--remote-timeout", argv[++i]));
    } else if (std::strcmp(argv[i], "--label") == 0 && has_value) {
      label = argv[++i];
    } else if (std::strcmp(argv[i], "--no-collapse") == 0) {
      proto.collapse = false;  // every copy of a story a hit (docs/duplicates.md)
    } else {
      bench::take_positional(argv[i], db_path, queries_path, usage);
    }
  }
  if (db_path.empty() || queries_path.empty()) usage();
  if (label.empty()) label = proto.facets.empty() ? "plain" : "facets";

  try {
    const std::vector<std::string> queries = bench::read_queries(queries_path);
    std::vector<std::string> dbs = {db_path};
    dbs.insert(dbs.end(), also_dbs.begin(), also_dbs.end());
    for (std::size_t i = 1; i < dbs.size(); ++i) db_path += "+" + dbs[i];  // for the report
    newsdex::Searcher searcher(dbs, sopt);
    const std::size_t docs = searcher.document_count();
    std::fprintf(stderr, "query_bench: %s, %zu documents, %zu queries, mode %s\n", db_path.c_str(),
                 docs, queries.size(), label.c_str());

    auto run = [&](const std::string& text) {
      newsdex::SearchRequest req = proto;
      req.query = text;
      const newsdex::SearchResults res = searcher.search(req);
      bench::QueryOutcome out;
      out.total = res.total;
      out.total_exact = res.total_exact;
      for (const newsdex::Hit& hit : res.hits) {
        out.checksum += hit.id.size() + hit.title.size() + hit.snippet.size() +
                        hit.highlights.size() + hit.rank;
      }
      for (const newsdex::FacetResult& facet : res.facets) {
        out.checksum += facet.distinct + (facet.exact ? 0 : 1);
        for (const newsdex::FacetCount& c : facet.counts) out.checksum += c.count + c.key.size();
        for (const newsdex::FacetCount& c : facet.buckets) out.checksum += c.count;
      }
      return out;
    };

    std::string header = "\"engine\": \"newsdex\", \"mode\": \"" + bench::json_escape(label) +
                         "\", \"db\": \"" + bench::json_escape(db_path) +
                         "\", \"docs\": " + std::to_string(docs) +
                         ", \"limit\": " + std::to_string(proto.limit) + ", \"facets\": \"" +
                         bench::json_escape(facets_arg) +
                         "\", \"exact_facets\": " + (proto.exact_facets ? "true" : "false") +
                         ", \"snippet_bytes\": " + std::to_string(proto.snippet_bytes) + ", ";
    return bench::run_latency(header, queries_path, queries, opt, run);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "error: unknown exception\n");
  }
  return 1;
}
