/// @file fts5_index.cc
/// The SQLite FTS5 peer.
///
///   fts5_index DB JSONL [--limit N]
///
/// One FTS5 table `t(id UNINDEXED, title, body)` with `tokenize='porter unicode61'`
/// (Porter stemming over Unicode-aware word splitting with diacritics folded: the closest
/// FTS5 gets to Xapian's english stemmer). Positions are always kept by FTS5, so phrase
/// queries work as in Xapian. The table stores its content (FTS5's default), so
/// the database also holds the raw text -- part of its size, and what lets it show
/// titles and snippets.
///
/// All rows go in through one prepared INSERT inside one transaction. Durability is
/// switched off (`PRAGMA journal_mode=OFF`, `PRAGMA synchronous=OFF`): the Xapian peer
/// does not fsync per document either (it syncs at its flushes and final commit), and a
/// bulk load into a fresh file needs no rollback journal -- a crash means re-running the
/// load. With the defaults (rollback journal, synchronous=FULL) and one transaction the
/// cost is a journal of the few pages that existed before and one more sync: on the first
/// 2,000 tech articles both settings ran in 1.3-2.3 s, no difference above the noise.
/// The database file is created anew (an existing one is removed).
///
/// Prints one JSON line to stdout (same fields as xapian_index); logs to stderr.

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "jsonl_reader.h"

namespace {

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: fts5_index DB JSONL [--limit N]\n");
  std::exit(2);
}

[[noreturn]] void die(sqlite3* db, const char* what) {
  std::fprintf(stderr, "error: %s: %s\n", what, db ? sqlite3_errmsg(db) : "out of memory");
  std::exit(1);
}

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "error: %s: %s\n", sql, err ? err : "?");
    sqlite3_free(err);
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  std::string jsonl_path;
  std::size_t limit = 0;
  bench::parse_two_paths(argc, argv, usage, db_path, jsonl_path, limit);

  bench::JsonlReader reader(jsonl_path);
  const auto start = std::chrono::steady_clock::now();

  std::error_code ec;
  std::filesystem::remove(db_path, ec);
  sqlite3* db = nullptr;
  if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) die(db, "open");
  exec(db, "PRAGMA journal_mode=OFF");
  exec(db, "PRAGMA synchronous=OFF");
  exec(db,
       "CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, title, body, "
       "tokenize='porter unicode61')");
  exec(db, "BEGIN");

  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO t(id, title, body) VALUES (?1, ?2, ?3)", -1, &insert,
                         nullptr) != SQLITE_OK)
    die(db, "prepare");

  std::size_t docs = 0;
  std::size_t text_bytes = 0;
  bench::Record rec;
  while ((limit == 0 || docs < limit) && reader.next(rec)) {
    // SQLITE_STATIC: the views stay valid until the next reader.next(), after step().
    sqlite3_bind_text(insert, 1, rec.id.data(), static_cast<int>(rec.id.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, rec.title.data(), static_cast<int>(rec.title.size()),
                      SQLITE_STATIC);
    sqlite3_bind_text(insert, 3, rec.body.data(), static_cast<int>(rec.body.size()), SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) die(db, "insert");
    sqlite3_reset(insert);
    ++docs;
    text_bytes += rec.title.size() + rec.body.size();
    if (docs % 1000 == 0) std::fprintf(stderr, "fts5_index: %zu docs\n", docs);
  }
  sqlite3_finalize(insert);
  exec(db, "COMMIT");
  if (sqlite3_close(db) != SQLITE_OK) die(db, "close");

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::size_t bytes = reader.bytes_read();
  std::printf(
      "{\"engine\": \"fts5\", \"docs\": %zu, \"bytes\": %zu, \"text_bytes\": %zu, "
      "\"bad_records\": %zu, \"seconds\": %.3f, \"docs_per_s\": %.1f, \"mb_per_s\": %.3f, "
      "\"db\": \"%s\", \"sqlite\": \"%s\"}\n",
      docs, bytes, text_bytes, reader.bad_records(), seconds, seconds > 0 ? docs / seconds : 0.0,
      seconds > 0 ? bytes / 1e6 / seconds : 0.0, bench::json_escape(db_path).c_str(),
      sqlite3_libversion());
  return 0;
}
