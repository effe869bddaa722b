#pragma once
// What several test files build their indexes and searches with.
#include <string>
#include <string_view>
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

/// The element of @p items whose @p member is @p value, or nullptr: a count or hit named in a
/// test is looked up so, then REQUIREd, never checked in a loop under `if (c.key == ...)`,
/// which checks nothing when the key is missing.
template <class T>
const T* find_by(const std::vector<T>& items, std::string T::*member, std::string_view value) {
  for (const T& item : items)
    if (item.*member == value) return &item;
  return nullptr;
}
