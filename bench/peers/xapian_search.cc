/// @file xapian_search.cc
/// Query-latency peer: plain Xapian over a database built by xapian_index.
///
///   xapian_search DB QUERIES [--runs N] [--warmup N] [--limit K] [--exact-count] [--stem-all]
///
/// The database is opened once. Each timed query does what a search page does: parse
/// the string with Xapian::QueryParser (english Stem, STEM_SOME, default operator AND --
/// newsdex's default --, FLAG_DEFAULT plus FLAG_WILDCARD for `robot*`, `title:` mapped to
/// the S prefix), run Enquire (BM25, Xapian's default weighting), take the top K (10) and
/// read each hit's document data (the title).
///
/// The total count: by default get_mset(0, K) with check_at_least = 0 and
/// get_matches_estimated() -- Xapian's normal, cheap, possibly estimated total (the
/// JSON says how many totals were estimates). With --exact-count, check_at_least is the
/// document count, which makes the total exact at the cost of visiting every match;
/// that is the fair peer for a search that reports an exact total or exact facets.
///
/// --stem-all parses with STEM_ALL (stemmed terms without the Z prefix), the terms a newsdex
/// index holds (schema 3 and later: stems only): plain Xapian's query run directly on a
/// newsdex database, so both engines search the same index (bench/scale_bench.sh).
///
/// Queries must be in Xapian QueryParser syntax (bench/queries.txt, column 2).

#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>

#include "latency.h"

namespace {

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: xapian_search DB QUERIES [--runs N] [--warmup N] [--limit K] "
               "[--exact-count] [--stem-all]\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  std::string queries_path;
  bench::HarnessOptions opt;
  Xapian::doccount limit = 10;
  bool exact = false;
  bool stem_all = false;
  for (int i = 1; i < argc; ++i) {
    if (bench::parse_harness_flag(argc, argv, i, opt)) continue;
    if (std::strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
      limit = static_cast<Xapian::doccount>(bench::parse_count("--limit", argv[++i]));
    } else if (std::strcmp(argv[i], "--exact-count") == 0) {
      exact = true;
    } else if (std::strcmp(argv[i], "--stem-all") == 0) {
      stem_all = true;
    } else {
      bench::take_positional(argv[i], db_path, queries_path, usage);
    }
  }
  if (db_path.empty() || queries_path.empty()) usage();

  try {
    const std::vector<std::string> queries = bench::read_queries(queries_path);
    Xapian::Database db(db_path);
    const Xapian::doccount doccount = db.get_doccount();
    const Xapian::doccount check_at_least = exact ? doccount : 0;

    Xapian::QueryParser qp;
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(stem_all ? Xapian::QueryParser::STEM_ALL
                                      : Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_database(db);
    qp.add_prefix("title", "S");
    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
    // XAPIAN_SEARCH_SPELLING=1: also ask the spelling table for a corrected query (a database
    // built with XAPIAN_INDEX_SPELLING=1): what did-you-mean that way costs per query.
    const char* spelling = std::getenv("XAPIAN_SEARCH_SPELLING");
    const bool spell = spelling && *spelling == '1';
    if (spell) flags |= Xapian::QueryParser::FLAG_SPELLING_CORRECTION;

    std::size_t out_suggestions = 0;  // queries the spelling table corrected
    auto run = [&](const std::string& text) {
      Xapian::Query query;
      try {
        query = qp.parse_query(text, flags);
      } catch (const Xapian::QueryParserError& e) {
        throw std::runtime_error(e.get_description());
      }
      if (spell) out_suggestions += !qp.get_corrected_query_string().empty();
      Xapian::Enquire enquire(db);
      enquire.set_query(query);
      Xapian::MSet mset = enquire.get_mset(0, limit, check_at_least);
      bench::QueryOutcome out;
      out.total = mset.get_matches_estimated();
      out.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.checksum += *it + it.get_document().get_data().size();
      }
      return out;
    };

    std::string header = "\"engine\": \"xapian\", \"mode\": \"";
    header += exact ? "exact" : "estimated";
    if (stem_all) header += "\", \"stemming\": \"all";
    header += "\", \"db\": \"" + bench::json_escape(db_path) +
              "\", \"docs\": " + std::to_string(doccount) +
              ", \"limit\": " + std::to_string(limit) + ", ";
    const auto rc = bench::run_latency(header, queries_path, queries, opt, run);
    if (spell)
      std::fprintf(stderr, "xapian_search: the spelling table corrected %zu query runs\n",
                   out_suggestions);
    return rc;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "error: %s\n", e.get_description().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
  }
  return 1;
}
