/// @file facet_filter_check.cc
/// Whether every facet count equals the total of the same query with that key's filter,
/// through the public API (newsdex::Searcher), on a real database.
///
///   facet_filter_check [--db DB]... [--top N] [--query Q]... [--gazetteer DIR] [--no-collapse]
///
/// For each query (the whole database, `stats`, always; then each --query), the top N keys
/// of every kind (company, person, product, money, percent, date: year buckets for the
/// whole database, month buckets for a query) are counted, and each is checked against the
/// total of `<query> <kind>:<key>`: the queries' counts and totals are stories (collapsed,
/// docs/duplicates.md) unless --no-collapse; `stats` counts documents, so the whole
/// database's are checked against uncollapsed totals. Prints every mismatch and a summary
/// line on stdout; exit status 0 when all agree, 1 when some do not, 2 on a usage error.
/// bench/facet_filter_check.sh runs it over the BBC and tech corpora.

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "newsdex/searcher.h"

namespace {

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: facet_filter_check --db DB [--db DB]... [--top N] [--query Q]... "
               "[--gazetteer DIR] [--no-collapse]\n");
  std::exit(2);
}

// The filter of one facet key, as a person would type it; empty if the key cannot be
// written in the query language (a double quote inside).
std::string filter_of(newsdex::EntityKind kind, const std::string& key) {
  if (key.find('"') != std::string::npos) return {};
  const std::string field(newsdex::to_string(kind));
  if (kind == newsdex::EntityKind::company || kind == newsdex::EntityKind::person ||
      kind == newsdex::EntityKind::product)
    return field + ":\"" + key + "\"";
  return field + ":" + key;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> dbs, queries;
  std::size_t top = 20;
  std::string gazetteer;
  bool collapse = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--no-collapse") {
      collapse = false;
      continue;
    }
    if (i + 1 >= argc) usage();
    if (a == "--db")
      dbs.push_back(argv[++i]);
    else if (a == "--query")
      queries.push_back(argv[++i]);
    else if (a == "--top")
      top = std::size_t(std::strtoul(argv[++i], nullptr, 10));
    else if (a == "--gazetteer")
      gazetteer = argv[++i];
    else
      usage();
  }
  if (dbs.empty() || top == 0) usage();
  try {
    newsdex::SearcherOptions so;
    so.gazetteer_dir = gazetteer;
    newsdex::Searcher s(dbs, so);
    std::size_t checked = 0, mismatches = 0, unwritable = 0;
    auto total_of = [&](const std::string& q, bool stories) {
      newsdex::SearchRequest r;
      r.query = q;
      r.collapse = stories;
      r.limit = 0;
      r.snippet_bytes = 0;
      return s.search(r).total;
    };
    auto check = [&](const std::string& query, const std::vector<newsdex::FacetResult>& facets,
                     bool stories) {
      for (const newsdex::FacetResult& f : facets)
        for (const newsdex::FacetCount& c : f.counts) {
          const std::string filter = filter_of(f.kind, c.key);
          if (filter.empty()) {
            ++unwritable;
            continue;
          }
          const std::string q = query.empty() ? filter : "(" + query + ") " + filter;
          const std::size_t total = total_of(q, stories);
          ++checked;
          if (total != c.count) {
            ++mismatches;
            std::printf("MISMATCH  %-8s %-40s facet %zu, `%s` %zu\n",
                        std::string(newsdex::to_string(f.kind)).c_str(), c.label.c_str(), c.count,
                        q.c_str(), total);
          }
        }
    };
    check("", s.stats(top).top, false);
    for (const std::string& q : queries) {
      newsdex::SearchRequest r;
      r.query = q;
      r.limit = 0;
      r.snippet_bytes = 0;
      r.collapse = collapse;
      r.facets.assign(std::begin(newsdex::kAllEntityKinds), std::end(newsdex::kAllEntityKinds));
      r.facet_size = top;
      r.date_bucket = newsdex::DateBucket::month;
      check(q, s.search(r).facets, collapse);
    }
    std::printf("%zu documents, %zu queries, top %zu keys per kind: %zu checked, %zu mismatches",
                s.document_count(), queries.size() + 1, top, checked, mismatches);
    if (unwritable) std::printf(", %zu keys not writable as a filter", unwritable);
    std::printf("\n");
    return mismatches ? 1 : 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "facet_filter_check: %s\n", e.what());
    return 2;
  }
}
