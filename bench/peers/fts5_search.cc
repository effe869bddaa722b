/// @file fts5_search.cc
/// Query-latency peer: SQLite FTS5 over a database built by fts5_index.
///
///   fts5_search DB QUERIES [--runs N] [--warmup N] [--limit K]
///
/// The database is opened once, read-only, with SQLite's default settings (page cache
/// of 2,000 KiB, no mmap). Each timed query runs two prepared statements, bound afresh:
///
///   SELECT id, title FROM t WHERE t MATCH ?1 ORDER BY rank LIMIT ?2   -- top K by BM25
///   SELECT count(*)  FROM t WHERE t MATCH ?1                          -- exact total
///
/// FTS5 has no estimated count, so its total is always exact: compare it with
/// `xapian_search --exact-count` and with newsdex's exact totals.
///
/// Queries must be in FTS5 MATCH syntax (bench/queries.txt, column 3).

#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include "latency.h"

namespace {

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: fts5_search DB QUERIES [--runs N] [--warmup N] [--limit K]\n");
  std::exit(2);
}

sqlite3_stmt* prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "error: prepare %s: %s\n", sql, sqlite3_errmsg(db));
    std::exit(1);
  }
  return stmt;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  std::string queries_path;
  bench::HarnessOptions opt;
  int limit = 10;
  for (int i = 1; i < argc; ++i) {
    if (bench::parse_harness_flag(argc, argv, i, opt)) continue;
    if (std::strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
      limit = static_cast<int>(bench::parse_count("--limit", argv[++i]));
    } else {
      bench::take_positional(argv[i], db_path, queries_path, usage);
    }
  }
  if (db_path.empty() || queries_path.empty()) usage();

  const std::vector<std::string> queries = bench::read_queries(queries_path);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "error: open %s: %s\n", db_path.c_str(), db ? sqlite3_errmsg(db) : "?");
    return 1;
  }
  sqlite3_stmt* top =
      prepare(db, "SELECT id, title FROM t WHERE t MATCH ?1 ORDER BY rank LIMIT ?2");
  sqlite3_stmt* count = prepare(db, "SELECT count(*) FROM t WHERE t MATCH ?1");
  sqlite3_stmt* docs_stmt = prepare(db, "SELECT count(*) FROM t");
  long long docs = 0;
  if (sqlite3_step(docs_stmt) == SQLITE_ROW) docs = sqlite3_column_int64(docs_stmt, 0);
  sqlite3_finalize(docs_stmt);

  auto fail = [&](sqlite3_stmt* stmt) {
    std::string msg = sqlite3_errmsg(db);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    throw std::runtime_error(msg);
  };

  auto run = [&](const std::string& text) {
    bench::QueryOutcome out;
    sqlite3_bind_text(top, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    sqlite3_bind_int(top, 2, limit);
    int rc;
    while ((rc = sqlite3_step(top)) == SQLITE_ROW) {
      out.checksum += static_cast<std::uint64_t>(sqlite3_column_bytes(top, 0)) +
                      static_cast<std::uint64_t>(sqlite3_column_bytes(top, 1));
    }
    if (rc != SQLITE_DONE) fail(top);
    sqlite3_reset(top);

    sqlite3_bind_text(count, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    rc = sqlite3_step(count);
    if (rc != SQLITE_ROW) fail(count);
    out.total = static_cast<std::uint64_t>(sqlite3_column_int64(count, 0));
    sqlite3_reset(count);
    return out;
  };

  const std::string header = "\"engine\": \"fts5\", \"mode\": \"exact\", \"db\": \"" +
                             bench::json_escape(db_path) + "\", \"docs\": " + std::to_string(docs) +
                             ", \"limit\": " + std::to_string(limit) + ", ";
  int rc = 1;
  try {
    rc = bench::run_latency(header, queries_path, queries, opt, run);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
  }
  sqlite3_finalize(top);
  sqlite3_finalize(count);
  sqlite3_close(db);
  return rc;
}
