#pragma once
// What several test files build their indexes and searches with.
#include <string>
#include <utility>
#include <vector>

#include "newsdex/indexer.h"
#include "newsdex/searcher.h"

/// Index options for tests: the repository's gazetteer, two workers.
inline newsdex::IndexOptions test_index_options() {
  newsdex::IndexOptions o;
  o.gazetteer_dir = NEWSDEX_GAZETTEER_DIR;
  o.jobs = 2;
  return o;
}

/// Up to 100 hits of @p q, with every key of the @p facets asked for.
inline newsdex::SearchResults search_all(newsdex::Searcher& s, const std::string& q,
                                         std::vector<newsdex::EntityKind> facets = {}) {
  newsdex::SearchRequest r;
  r.query = q;
  r.limit = 100;
  r.facets = std::move(facets);
  r.facet_size = 1000;
  return s.search(r);
}
