#pragma once
// Snippets: about N bytes of a hit's body around the best cluster of query words, with the
// matched words' offsets for highlighting. The body goes through the same Analyzer as the
// index, so a snippet highlights exactly the words (and stems) the query matched.
#include <cstddef>
#include <string>
#include <vector>

#include "newsdex/analysis.h"
#include "newsdex/searcher.h"
#include "query_parser.h"

namespace newsdex::detail {

/// Builds snippets; one per Searcher (it reuses a token buffer), not shared across threads.
class Snippets {
 public:
  explicit Snippets(Analyzer& analyzer) : analyzer_(analyzer) {}
  /// Sets @p hit's snippet (about @p bytes bytes of @p body, cut at words) and highlights.
  void make(const std::string& body, const ParsedQuery& pq, std::size_t bytes, Hit& hit);

 private:
  Analyzer& analyzer_;
  std::vector<Token> tokens_;
};

}  // namespace newsdex::detail
