/// @file xapian_index.cc
/// The plain Xapian peer: what a Xapian user writes by following the getting-started guide.
///
///   xapian_index DB JSONL [--limit N]
///
/// Per record: a TermGenerator (english Stem, STEM_SOME, positions on) indexes the title
/// twice -- with the `S` prefix (for `title:` searches) and unprefixed with a weight of
/// kTitleWeight so a word in the title counts more in free-text ranking -- then the body
/// unprefixed, after a position gap so phrases do not span title and body. The document
/// gets the boolean id term `Q<id>` and is stored with `replace_document("Q"+id, doc)`,
/// so re-running is idempotent. No explicit commit until the end: Xapian's default flush
/// (XAPIAN_FLUSH_THRESHOLD, 10,000 documents unless set in the environment) applies.
/// Document data is the title (what a result list shows).
///
/// Prints one JSON line to stdout: docs, bytes (JSONL bytes read), text_bytes (title +
/// body), seconds (open to final commit), docs_per_s, mb_per_s (bytes / 1e6 / seconds).
/// Logs go to stderr.

#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

#include "jsonl_reader.h"

namespace {

constexpr Xapian::termcount kTitleWeight = 2;

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: xapian_index DB JSONL [--limit N]\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  std::string jsonl_path;
  std::size_t limit = 0;  // 0: all
  bench::parse_two_paths(argc, argv, usage, db_path, jsonl_path, limit);

  try {
    bench::JsonlReader reader(jsonl_path);
    const auto start = std::chrono::steady_clock::now();

    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    // XAPIAN_INDEX_SPELLING=1: also fill Xapian's spelling table (FLAG_SPELLING), to measure
    // what did-you-mean from a spelling table costs at index time (docs/query-language.md).
    if (const char* sp = std::getenv("XAPIAN_INDEX_SPELLING"); sp && *sp == '1') {
      tg.set_database(db);
      tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    }

    std::size_t docs = 0;
    std::size_t text_bytes = 0;
    bench::Record rec;
    std::string idterm;
    while ((limit == 0 || docs < limit) && reader.next(rec)) {
      Xapian::Document doc;
      tg.set_document(doc);
      // Utf8Iterator over the parser's buffer: no copy of the body.
      const Xapian::Utf8Iterator title(rec.title.data(), rec.title.size());
      tg.index_text(title, 1, "S");
      tg.index_text(title, kTitleWeight);
      tg.increase_termpos();
      tg.index_text(Xapian::Utf8Iterator(rec.body.data(), rec.body.size()));
      doc.set_data(std::string(rec.title));
      // resize + copy rather than assign("Q").append(id): GCC 12 warns falsely (-Wrestrict).
      idterm.resize(1 + rec.id.size());
      idterm[0] = 'Q';
      rec.id.copy(idterm.data() + 1, rec.id.size());
      doc.add_boolean_term(idterm);
      db.replace_document(idterm, doc);
      ++docs;
      text_bytes += rec.title.size() + rec.body.size();
      if (docs % 1000 == 0) std::fprintf(stderr, "xapian_index: %zu docs\n", docs);
    }
    db.commit();
    db.close();

    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::size_t bytes = reader.bytes_read();
    std::printf(
        "{\"engine\": \"xapian\", \"docs\": %zu, \"bytes\": %zu, \"text_bytes\": %zu, "
        "\"bad_records\": %zu, \"seconds\": %.3f, \"docs_per_s\": %.1f, \"mb_per_s\": %.3f, "
        "\"db\": \"%s\"}\n",
        docs, bytes, text_bytes, reader.bad_records(), seconds, seconds > 0 ? docs / seconds : 0.0,
        seconds > 0 ? bytes / 1e6 / seconds : 0.0, bench::json_escape(db_path).c_str());
    return 0;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "error: %s\n", e.get_description().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
  }
  return 1;
}
