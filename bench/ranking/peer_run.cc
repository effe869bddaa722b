/// @file peer_run.cc
/// Ranked runs of the two peers for the graded dev set (bench/ranking/README.md).
///
///   peer_run xapian|fts5 DB QUERIES.tsv CORPUS [--k N]
///
/// QUERIES.tsv: `qid <TAB> corpus <TAB> query`; only the lines whose corpus is CORPUS are
/// run. Prints a TREC run, one line per hit: `qid Q0 docid rank score engine`.
///
/// - xapian: a database built by bench/peers/xapian_index; Xapian::QueryParser with its
///   defaults (default operator OR), english stemmer, STEM_SOME, FLAG_DEFAULT, BM25 (Xapian's
///   default weighting). The document id is the `Q` boolean term.
/// - fts5: a database built by bench/peers/fts5_index (porter unicode61); the query's words,
///   each quoted, joined by OR; `ORDER BY rank` (bm25() with its default column weights).
/// Uses no newsdex code.

#include <sqlite3.h>
#include <xapian.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "queries.h"

namespace {

using ranking::Query;
using ranking::read_queries;

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: peer_run xapian|fts5 DB QUERIES.tsv CORPUS [--k N]\n");
  std::exit(2);
}

void run_xapian(const std::string& db_path, const std::vector<Query>& queries, unsigned k) {
  Xapian::Database db(db_path);
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(db);
  for (const Query& q : queries) {
    Xapian::Enquire enquire(db);
    enquire.set_query(qp.parse_query(q.text));
    Xapian::MSet mset = enquire.get_mset(0, k);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      std::string id;
      Xapian::Document doc = it.get_document();
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        t.skip_to("Q");
        if (t != doc.termlist_end() && (*t)[0] == 'Q') id = (*t).substr(1);
        break;
      }
      std::printf("%s Q0 %s %u %.6f xapian\n", q.id.c_str(), id.c_str(), it.get_rank() + 1,
                  it.get_weight());
    }
  }
}

// `"nvidia" OR "earnings"`: every run of letters and digits quoted, so no word is FTS5 syntax.
std::string fts5_or(const std::string& text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += " OR ";
    out += '"' + word + '"';
    word.clear();
  };
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80)
      word.push_back(char(c));
    else
      flush();
  }
  flush();
  return out;
}

int run_fts5(const std::string& db_path, const std::vector<Query>& queries, unsigned k) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "error: %s: %s\n", db_path.c_str(), sqlite3_errmsg(db));
    return 1;
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT id, rank FROM t WHERE t MATCH ?1 ORDER BY rank LIMIT ?2", -1,
                         &st, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "error: %s: %s\n", db_path.c_str(), sqlite3_errmsg(db));
    return 1;
  }
  for (const Query& q : queries) {
    const std::string match = fts5_or(q.text);
    sqlite3_bind_text(st, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, int(k));
    unsigned rank = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
      std::printf("%s Q0 %s %u %.6f fts5\n", q.id.c_str(),
                  reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), ++rank,
                  -sqlite3_column_double(st, 1));
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> pos;
  unsigned k = 100;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--k") == 0 && i + 1 < argc)
      k = unsigned(std::strtoul(argv[++i], nullptr, 10));
    else if (argv[i][0] == '-')
      usage();
    else
      pos.emplace_back(argv[i]);
  }
  if (pos.size() != 4 || (pos[0] != "xapian" && pos[0] != "fts5") || k == 0) usage();
  try {
    const std::vector<Query> queries = read_queries(pos[2], pos[3]);
    if (pos[0] == "fts5") return run_fts5(pos[1], queries, k);
    run_xapian(pos[1], queries, k);
    return 0;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "error: %s\n", e.get_description().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
  }
  return 1;
}
