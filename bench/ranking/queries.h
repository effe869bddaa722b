#pragma once
// The dev set's queries file, as peer_run and newsdex_run read it (header-only: peer_run
// links no newsdex code).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace ranking {

struct Query {
  std::string id, corpus, text;
};

/// The queries of @p path (`qid <TAB> corpus <TAB> query`; blank lines and `#` comments
/// skipped) whose corpus is @p corpus. Exits 1 with a message naming the file (and the line)
/// if it cannot be read or a line lacks its fields.
inline std::vector<Query> read_queries(const std::string& path, const std::string& corpus) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "error: %s: cannot read\n", path.c_str());
    std::exit(1);
  }
  std::vector<Query> out;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t a = line.find('\t');
    const std::size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos) {
      std::fprintf(stderr, "error: %s:%zu: expected qid, corpus, query (tab-separated)\n",
                   path.c_str(), n);
      std::exit(1);
    }
    Query q{line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)};
    if (q.corpus == corpus) out.push_back(std::move(q));
  }
  return out;
}

}  // namespace ranking
