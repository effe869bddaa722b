// libFuzzer target: the query language. Every input is a query string, parsed and run by
// newsdex::Searcher over a small index of the seed articles (corpus/seeds), built once per
// process in a temporary directory: once as typed, once matching any word with the company,
// person, money and date facets. A newsdex::QueryError is a fine outcome; any other
// exception escapes and libFuzzer reports it, as it does a crash, a sanitizer report, a
// timeout, running out of memory or a broken FUZZ_CHECK.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "fuzz_check.h"
#include "newsdex/error.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"

namespace {

constexpr std::size_t kSeedArticles = 5;  // corpus/seeds
std::string g_tmpdir;
std::unique_ptr<newsdex::Searcher> g_searcher;

void remove_tmpdir() {
  g_searcher.reset();
  std::error_code ec;
  if (!g_tmpdir.empty()) std::filesystem::remove_all(g_tmpdir, ec);
}

// What searcher.h promises about any answer.
void check(const newsdex::SearchResults& r, const newsdex::SearchRequest& req) {
  FUZZ_CHECK(r.hits.size() <= req.limit);
  FUZZ_CHECK(r.total <= kSeedArticles);
  FUZZ_CHECK(r.facets.size() == req.facets.size());
  for (const newsdex::Hit& h : r.hits)
    for (const newsdex::Highlight& hl : h.highlights)
      FUZZ_CHECK(hl.begin <= hl.end && hl.end <= h.snippet.size());
}

void run(const std::string& query, bool facets, std::size_t variant) {
  newsdex::SearchRequest req;
  req.query = query;
  if (facets) {
    req.match = newsdex::DefaultMatch::any;
    req.facets = {newsdex::EntityKind::company, newsdex::EntityKind::person,
                  newsdex::EntityKind::money, newsdex::EntityKind::date};
    req.date_bucket = static_cast<newsdex::DateBucket>(variant % 3);
    req.exact_facets = variant % 2 == 0;
    req.sample_size = 3;
  }
  try {
    check(g_searcher->search(req), req);
  } catch (const newsdex::QueryError& e) {
    FUZZ_CHECK(e.position() <= query.size());  // a byte offset into the query
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string tmpl =
      (std::filesystem::temp_directory_path() / "newsdex-fuzz-query-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) {
    std::perror("fuzz_query: mkdtemp");
    std::abort();
  }
  g_tmpdir = tmpl;
  std::atexit(remove_tmpdir);
  const std::string db = g_tmpdir + "/db";
  {
    newsdex::IndexOptions o;
    o.gazetteer_dir = NEWSDEX_GAZETTEER_DIR;
    o.jobs = 1;
    newsdex::Indexer ix(db, o);
    const newsdex::IndexSummary s = ix.index({NEWSDEX_SEEDS_DIR});
    if (s.documents != kSeedArticles) {
      std::fprintf(stderr, "fuzz_query: %zu seed articles indexed, expected %zu\n", s.documents,
                   kSeedArticles);
      std::abort();
    }
  }
  g_searcher = std::make_unique<newsdex::Searcher>(
      db, newsdex::SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);
  run(query, false, size);
  run(query, true, size);
  return 0;
}
