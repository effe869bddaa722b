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
#include <fstream>
#include <string>
#include <vector>

#include "newsdex/searcher.h"

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
  std::ifstream in(pos[1]);
  if (!in) {
    std::fprintf(stderr, "error: %s: cannot read\n", pos[1].c_str());
    return 1;
  }
  try {
    newsdex::Searcher searcher(pos[0]);
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty() || line[0] == '#') continue;
      const std::size_t a = line.find('\t');
      const std::size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
      if (b == std::string::npos) {
        std::fprintf(stderr, "error: %s:%zu: expected qid, corpus, query (tab-separated)\n",
                     pos[1].c_str(), n);
        return 1;
      }
      if (line.compare(a + 1, b - a - 1, pos[2]) != 0) continue;
      newsdex::SearchRequest req = proto;
      req.query = line.substr(b + 1);
      const std::string qid = line.substr(0, a);
      for (const newsdex::Hit& h : searcher.search(req).hits)
        std::printf("%s Q0 %s %zu %.6f %s\n", qid.c_str(), h.id.c_str(), h.rank, h.score,
                    name.c_str());
    }
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
  }
  return 1;
}
