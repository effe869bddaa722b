/// @file newsdex_run.cc
/// Ranked runs of newsdex for the graded dev set (bench/ranking/README.md), through the
/// public API (newsdex::Searcher), one process per run.
///
///   newsdex_run DB QUERIES.tsv CORPUS [--match best|all|any] [--k N] [--name NAME]
///               [--no-collapse]
///
/// QUERIES.tsv: `qid <TAB> corpus <TAB> query`; only the lines whose corpus is CORPUS are
/// run, as typed, in the newsdex query language. Prints a TREC run, one line per hit:
/// `qid Q0 docid rank score NAME` (NAME: `newsdex-<match>` unless given). Hits are stories
/// (docs/duplicates.md) unless --no-collapse.

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "newsdex/searcher.h"
#include "queries.h"

namespace {

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: newsdex_run DB QUERIES.tsv CORPUS [--match best|all|any] [--k N] "
               "[--name NAME] [--no-collapse]\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> pos;
  std::string match = "best", name;
  std::size_t k = 100;
  bool collapse = true;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--match") == 0 && has_value)
      match = argv[++i];
    else if (std::strcmp(argv[i], "--k") == 0 && has_value)
      k = std::strtoul(argv[++i], nullptr, 10);
    else if (std::strcmp(argv[i], "--name") == 0 && has_value)
      name = argv[++i];
    else if (std::strcmp(argv[i], "--no-collapse") == 0)
      collapse = false;
    else if (argv[i][0] == '-')
      usage();
    else
      pos.emplace_back(argv[i]);
  }
  if (pos.size() != 3 || k == 0) usage();
  newsdex::SearchRequest proto;
  proto.limit = k;
  proto.snippet_bytes = 0;
  proto.collapse = collapse;
  if (match == "best")
    proto.match = newsdex::DefaultMatch::best;
  else if (match == "all")
    proto.match = newsdex::DefaultMatch::all;
  else if (match == "any")
    proto.match = newsdex::DefaultMatch::any;
  else
    usage();
  if (name.empty()) name = "newsdex-" + match;
  try {
    newsdex::Searcher searcher(pos[0]);
    for (const ranking::Query& q : ranking::read_queries(pos[1], pos[2])) {
      newsdex::SearchRequest req = proto;
      req.query = q.text;
      for (const newsdex::Hit& h : searcher.search(req).hits)
        std::printf("%s Q0 %s %zu %.6f %s\n", q.id.c_str(), h.id.c_str(), h.rank, h.score,
                    name.c_str());
    }
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
  }
  return 1;
}
