// Indexing and searching the seed articles through the library API.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/schema.h"
#include "fixtures.h"
#include "index/batch_queue.h"
#include "newsdex/analysis.h"
#include "newsdex/corpus_reader.h"
#include "newsdex/error.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "tmpdir.h"

using namespace newsdex;
namespace fs = std::filesystem;

namespace {
IndexOptions opts() {
  IndexOptions o = test_index_options();
  o.shard_docs = 2;  // several shards even for five documents
  return o;
}

std::set<std::string> ids(Searcher& s, const std::string& q, DefaultMatch m = DefaultMatch::all) {
  SearchRequest r;
  r.query = q;
  r.limit = 100;
  r.match = m;
  std::set<std::string> out;
  for (const auto& h : s.search(r).hits) out.insert(h.id);
  return out;
}

std::size_t total(Searcher& s, const std::string& q) {
  SearchRequest r;
  r.query = q;
  r.limit = 0;
  r.collapse = false;  // documents: the synthetic records are near-copies of one another
  return s.search(r).total;
}

const std::string s0 = "000_c4ea8bca68074bc0.txt", s1 = "001_33af297cb036e2ea.txt",
                  s2 = "002_4eb8863552187eec.txt", s3 = "003_4e9636121e169030.txt",
                  s4 = "004_02c51db9a2736ba4.txt";
}  // namespace

TEST_CASE("the seed articles are found by what they say") {
  TempDir tmp;
  std::string db = tmp / "db";
  {
    Indexer ix(db, opts());
    IndexSummary s = ix.index({NEWSDEX_SEEDS_DIR});
    CHECK(s.indexed == 5);
    CHECK(s.bad == 0);
    CHECK(s.documents == 5);
  }
  Searcher s(db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK(s.document_count() == 5);
  CHECK(ids(s, "softbank") == std::set<std::string>{s0, s1, s2, s3});
  CHECK(ids(s, "\"right of first refusal\"") == std::set<std::string>{s0, s1, s2});
  CHECK(ids(s, "softbank -oracle") == std::set<std::string>{s3});
  CHECK(ids(s, "refusals") == ids(s, "refusal"));
  CHECK(!ids(s, "refusals").empty());
  CHECK(total(s, "microsoft") == 5);
  CHECK(total(s, "nadella") >= 1);  // Nadella’s → nadella
  CHECK(total(s, "GPT-4") == 1);
  CHECK(total(s, "gpt NEAR 4") == 1);
  CHECK(total(s, "\"$500 billion\"") >= 1);
  CHECK(total(s, "title:stargate") == 0);
  CHECK(total(s, "title:openai") >= 3);
  CHECK(total(s, "microsof*") == 5);
  CHECK(total(s, "zzzzqqq") == 0);
  CHECK(total(s, "zzzzqqq OR softbank") == 4);
  // Words without an operator: all of them (--match all), or any, all-words first (best).
  CHECK(ids(s, "(oracle OR google) softbank", DefaultMatch::all).size() == 3);
  CHECK(total(s, "(oracle OR google) softbank") == 5);
  CHECK(ids(s, "zzzzqqq softbank", DefaultMatch::any).size() == 4);
}

TEST_CASE("the published date of a plain-text article is detected and filterable") {
  TempDir tmp;
  std::string db = tmp / "db";
  { Indexer(db, opts()).index({NEWSDEX_SEEDS_DIR}); }
  Searcher s(db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  SearchRequest r;
  r.query = "microsoft";
  r.limit = 10;
  std::map<std::string, std::string> date_of, title_of;
  for (const auto& h : s.search(r).hits) date_of[h.id] = h.date, title_of[h.id] = h.title;
  CHECK(date_of[s1] == "2025-01-22");
  CHECK(date_of[s2] == "2025-01-22");
  CHECK(title_of[s1].rfind("Microsoft loses OpenAI's exclusive", 0) == 0);
  CHECK(title_of[s2] == "Microsoft’s Evolving Partnership with OpenAI");
  // No headline: the first sentence of the first paragraph, which stays in the body.
  CHECK(title_of[s0] ==
        "The relationship between tech titan Microsoft and artificial intelligence pioneer "
        "OpenAI has taken an intriguing turn.");
  CHECK(total(s, "\"intriguing turn\"") == 1);
  CHECK(total(s, "microsoft date:2025-01") == 2);
  CHECK(total(s, "microsoft date:2024") == 0);
}

TEST_CASE("a query made of a document's own words finds it (analysis parity)") {
  TempDir tmp;
  std::string db = tmp / "db";
  { Indexer(db, opts()).index({NEWSDEX_SEEDS_DIR}); }
  Searcher s(db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CorpusReader reader({NEWSDEX_SEEDS_DIR});
  Analyzer analyzer;
  int checked = 0;
  reader.read(
      [&](Article&& a) {
        std::vector<Token> toks;
        analyzer.analyze(a.body, toks);
        // Every 37th surface word, as the user would type it (Microsoft’s, GPT-4, $500...).
        for (std::size_t i = 0; i < toks.size(); i += 37) {
          if (toks[i].compound) continue;
          std::string surface = a.body.substr(toks[i].begin, toks[i].end - toks[i].begin);
          CAPTURE(surface);
          CHECK(ids(s, "\"" + surface + "\"").count(a.id) == 1);
          CHECK(ids(s, surface).count(a.id) == 1);
          ++checked;
        }
        return true;
      },
      [](BadRecord&&) {});
  CHECK(checked > 50);
}

TEST_CASE("indexing the same input twice leaves the same documents, changes are replaced") {
  TempDir tmp;
  std::string db = tmp / "db", in = tmp / "in";
  fs::create_directories(in);
  for (const auto& e : fs::directory_iterator(NEWSDEX_SEEDS_DIR))
    fs::copy_file(e.path(), fs::path(in) / e.path().filename());
  IndexSummary first = Indexer(db, opts()).index({in});
  CHECK(first.indexed == 5);
  IndexSummary again = Indexer(db, opts()).index({in});
  CHECK(again.indexed == 0);
  CHECK(again.unchanged == 5);
  CHECK(again.documents == 5);

  tmp.write("in/" + s0, "A brand new title about quokkas\nQuokkas are small marsupials.\n");
  fs::remove(fs::path(in) / s4);
  IndexSummary changed = Indexer(db, opts()).index({in});
  CHECK(changed.replaced == 1);
  CHECK(changed.unchanged == 3);
  CHECK(changed.documents == 5);  // without --prune the removed file's document stays
  IndexOptions prune = opts();
  prune.prune = true;
  IndexSummary pruned = Indexer(db, prune).index({in});
  CHECK(pruned.pruned == 1);
  CHECK(pruned.documents == 4);
  Searcher s(db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK(total(s, "quokkas") == 1);
  CHECK(total(s, "\"right of first refusal\"") == 2);
}

TEST_CASE("bad input is reported with its file and line, counted, and skipped") {
  TempDir tmp;
  tmp.write("in/good.txt", "A good article title here\nIt mentions SoftBank and Oracle.\n");
  tmp.write("in/empty.txt", "");
  tmp.write("in/blank.txt", "  \n\n  ");
  tmp.write("in/binary.txt", std::string("ELF\0\0\x01\x02", 7));
  tmp.write("in/latin1.txt", "Caf\xe9 au lait is good\n");
  tmp.write("in/notes.bin", "ignored: not a known extension");
  tmp.write(
      "in/feed.jsonl",
      "{\"id\": \"j1\", \"title\": \"First\", \"body\": \"Nvidia chips\"}\n"
      "{\"id\": \"j2\", \"title\": \"Broken\", \"body\": \n"
      "\n"
      "[1, 2, 3]\n"
      "{\"title\": \"no id\", \"body\": \"x\"}\n"
      "{\"id\": 42, \"title\": \"Numeric id\", \"body\": \"quantum\", \"date\": \"2024-05-06\"}\n"
      "{\"id\": \"j1\", \"title\": \"dup\", \"body\": \"dup\"}\n"
      "{\"id\": \"j9\", \"title\": \"Truncated\", \"body\": \"cut off");
  std::vector<BadRecord> bad;
  IndexSummary s = Indexer(tmp / "db", opts()).index({tmp / "in"}, {}, [&](const BadRecord& b) {
    bad.push_back(b);
  });
  CHECK(s.indexed == 3);  // good.txt, j1, 42
  CHECK(s.bad == 9);
  std::map<std::string, std::string> why;
  for (const auto& b : bad)
    why[fs::path(b.file).filename().string() + ":" + std::to_string(b.line)] = b.reason;
  CHECK(why["empty.txt:0"] == "empty file");
  CHECK(why["blank.txt:0"] == "empty file");
  CHECK(why["binary.txt:0"].find("binary") != std::string::npos);
  CHECK(why["latin1.txt:0"] == "invalid UTF-8 at byte 3");
  CHECK(why["feed.jsonl:2"].find("invalid JSON") != std::string::npos);
  CHECK(why["feed.jsonl:4"] == "not a JSON object");
  CHECK(why["feed.jsonl:5"] == "missing \"id\"");
  CHECK(why["feed.jsonl:7"].find("duplicate id") != std::string::npos);
  CHECK(why["feed.jsonl:8"].find("invalid JSON") != std::string::npos);
  CHECK(why.count("notes.bin:0") == 0);
}

TEST_CASE("a missing input path is a clear error") {
  TempDir tmp;
  Indexer ix(tmp / "db", opts());
  CHECK_THROWS_WITH_AS(ix.index({tmp / "nope"}), doctest::Contains("no such file or directory"),
                       CorpusError);
}

TEST_CASE("a second writer on the same database fails fast") {
  TempDir tmp;
  Indexer first(tmp / "db", opts());
  CHECK_THROWS_WITH_AS(Indexer(tmp / "db", opts()), doctest::Contains("locked"), IndexError);
}

TEST_CASE("the write lock is <db>.lock, held for the indexer's whole life, merges included") {
  TempDir tmp;
  const std::string lock = tmp / "db.lock";
  auto free_now = [&] {
    const int fd = ::open(lock.c_str(), O_RDWR | O_CLOEXEC);
    REQUIRE(fd >= 0);
    const bool got = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd);
    return got;
  };
  {
    Indexer ix(tmp / "db", opts());
    CHECK_FALSE(free_now());
    ix.index({NEWSDEX_SEEDS_DIR});  // a merge: Xapian's lock is let go during the swap
    CHECK_FALSE(free_now());
  }
  CHECK(free_now());
}

TEST_CASE("searching what is not a newsdex database is a clear error") {
  TempDir tmp;
  CHECK_THROWS_WITH_AS(Searcher(tmp / "missing"), doctest::Contains("no such database"),
                       IndexError);
  tmp.write("junk/file.txt", "hello");
  CHECK_THROWS_WITH_AS(Searcher(tmp / "junk"), doctest::Contains("not a Xapian database"),
                       IndexError);
  CHECK_THROWS_WITH_AS(Indexer(tmp / "junk", opts()), doctest::Contains("not a Xapian database"),
                       IndexError);
}

TEST_CASE("an index written by an older schema is refused with what to do") {
  TempDir tmp;
  {
    Xapian::WritableDatabase w(tmp / "old", Xapian::DB_CREATE);
    w.set_metadata("newsdex:schema", "2");
    Xapian::Document d;
    d.add_boolean_term("Qold");
    w.add_document(d);
    w.commit();
  }
  CHECK_THROWS_WITH_AS(Searcher(tmp / "old"), doctest::Contains("index schema 2"), IndexError);
  CHECK_THROWS_WITH_AS(Indexer(tmp / "old", opts()), doctest::Contains("index into a new --db"),
                       IndexError);
}

TEST_CASE("inflections meet through stems, in words and in phrases, snippets show the body") {
  TempDir tmp;
  tmp.write("in/a.txt",
            "Chipmakers are raising prices\nThe company raised its prices twice, "
            "and rivals are raising theirs.\n");
  tmp.write("in/b.txt", "Weather report\nRain is expected over the weekend.\n");
  { Indexer(tmp / "db", opts()).index({tmp / "in"}); }
  Searcher s(tmp / "db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK(total(s, "raise") == 1);
  CHECK(total(s, "\"raises price\"") == 1);  // the title's "raising prices": rais price
  CHECK(total(s, "\"raised prices\"") == 1);
  CHECK(total(s, "title:\"raise prices\"") == 1);
  CHECK(total(s, "\"prices raised\"") == 0);  // order still matters
  SearchRequest r;
  r.query = "twice";
  SearchResults res = s.search(r);
  REQUIRE(res.hits.size() == 1);
  CHECK(res.hits[0].snippet.find("raised its prices twice") != std::string::npos);
  // A wildcard's matches are highlighted too (they never were): `rival*` → `rivals`.
  r.query = "rival*";
  res = s.search(r);
  REQUIRE(res.hits.size() == 1);
  REQUIRE(res.hits[0].highlights.size() == 1);
  const Highlight hl = res.hits[0].highlights[0];
  CHECK(res.hits[0].snippet.substr(hl.begin, hl.end - hl.begin) == "rivals");
}

TEST_CASE("commits inside a shard change nothing a search can see") {
  TempDir tmp;
  IndexOptions every = opts();
  every.shard_docs = 5;
  every.shard_flush_docs = 2;  // commits after the 2nd and 4th document of the shard
  { Indexer(tmp / "a", opts()).index({NEWSDEX_SEEDS_DIR}); }
  { Indexer(tmp / "b", every).index({NEWSDEX_SEEDS_DIR}); }
  Searcher a(tmp / "a", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  Searcher b(tmp / "b", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  for (const char* q :
       {"openai", "\"right of first refusal\"", "company:oracle", "cloud -softbank"}) {
    CAPTURE(q);
    CHECK(ids(a, q) == ids(b, q));
    CHECK(total(a, q) > 0);
  }
  CHECK(b.stats().documents == 5);
}

TEST_CASE("a snippet finds a match deep in a long body, past look-alike words") {
  TempDir tmp;
  std::string body;
  for (int i = 0; i < 300; ++i) body += "An open question about opera and operators remains. ";
  body += "Finally OpenAI announced the quokka model. ";
  for (int i = 0; i < 50; ++i) body += "Weather was mild. ";
  tmp.write("in/long.txt", "A long article\n" + body + "\n");
  { Indexer(tmp / "db", opts()).index({tmp / "in"}); }
  Searcher s(tmp / "db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  SearchRequest r;
  r.query = "openai quokka";
  SearchResults res = s.search(r);
  REQUIRE(res.hits.size() == 1);
  const Hit& h = res.hits[0];
  CHECK(h.snippet.rfind("… ", 0) == 0);  // starts inside the body
  CHECK(h.snippet.find("OpenAI announced the quokka") != std::string::npos);
  REQUIRE(h.highlights.size() == 2);
  CHECK(h.snippet.substr(h.highlights[0].begin, h.highlights[0].end - h.highlights[0].begin) ==
        "OpenAI");
  CHECK(h.snippet.substr(h.highlights[1].begin, h.highlights[1].end - h.highlights[1].begin) ==
        "quokka");
}

TEST_CASE("a worker that fails ends the run with its error, not a hang") {
  // Every worker fails at start (no such stemmer) while the reader fills the batch queue:
  // the run must stop with the workers' error.
  TempDir tmp;
  for (int i = 0; i < 12; ++i)
    tmp.write("in/a" + std::to_string(i) + ".txt", "Title " + std::to_string(i) + "\nBody.\n");
  IndexOptions o = opts();
  o.language = "klingon";
  o.shard_docs = 1;
  CHECK_THROWS_WITH_AS(Indexer(tmp / "db", o).index({tmp / "in"}),
                       doctest::Contains("unknown stemming language"), ConfigError);
}

TEST_CASE("batches shrink towards the end of the input, within their bounds") {
  using detail::next_batch_size;
  // 100 records read in 1 MB of 10 MB: about 900 to come, two workers.
  CHECK(next_batch_size(10'000'000, 1'000'000, 100, 0, 2, 25, 200) == 200);
  // 300 KB left at 100 KB per 10 records: 30 to come plus 4 batched, a share of 17.
  CHECK(next_batch_size(10'000'000, 9'700'000, 970, 4, 2, 5, 200) == 17);
  CHECK(next_batch_size(10'000'000, 9'700'000, 970, 4, 2, 25, 200) == 25);    // floor
  CHECK(next_batch_size(10'000'000, 10'000'000, 1000, 3, 2, 25, 200) == 25);  // all read
  CHECK(next_batch_size(10'000'000, 0, 0, 0, 2, 25, 200) == 200);             // nothing read yet
  CHECK(next_batch_size(10, 5, 1, 0, 2, 25, 8) == 8);  // floor above the maximum: maximum
  // Far from the end the maximum holds for any number of workers.
  for (unsigned jobs : {1u, 2u, 8u})
    CHECK(next_batch_size(1'000'000'000, 1'000'000, 100, 0, jobs, 25, 200) == 200);
}

namespace {
// n JSONL records "r0000"... of about 1.1 KB each; every @p changed_every-th one (0: none)
// with the title "Tale" instead of "Story".
std::string numbered_jsonl(int n, int changed_every = 0) {
  std::string jsonl;
  for (int i = 0; i < n; ++i) {
    char id[16];  // "r" and up to 11 characters of an int, and the terminator
    std::snprintf(id, sizeof id, "r%04d", i);
    std::string body;
    for (int k = 0; body.size() < 1000; ++k)
      body += "word" + std::to_string((i * 31 + k * 7) % 997) + " ";
    const bool changed = changed_every > 0 && i % changed_every == 0;
    jsonl += std::string("{\"id\": \"") + id + "\", \"title\": \"" +
             (changed ? "Tale " : "Story ") + id + "\", \"body\": \"" + body + "\"}\n";
  }
  return jsonl;
}

// Documents whose docid is not their record's position in numbered_jsonl() order.
std::size_t out_of_order(const std::string& db_path, int n) {
  Xapian::Database db(db_path);
  std::size_t bad = db.get_lastdocid() == Xapian::docid(n) ? 0 : 1;
  for (Xapian::docid did = 1; did <= Xapian::docid(n); ++did) {
    char id[8];
    std::snprintf(id, sizeof id, "r%04d", int(did - 1));
    Xapian::PostingIterator p = db.postlist_begin(schema::id_term(id));
    if (p == db.postlist_end(schema::id_term(id)) || *p != did) ++bad;
  }
  return bad;
}

IndexOptions numbered_options(std::size_t shard_docs, std::size_t flush_docs,
                              std::size_t checkpoint_docs) {
  IndexOptions o = opts();
  o.shard_docs = shard_docs;
  o.shard_flush_docs = flush_docs;
  o.checkpoint_docs = checkpoint_docs;
  o.remove_chrome = false;  // the synthetic bodies repeat one another
  return o;
}
}  // namespace

TEST_CASE("batches shrink towards the end of the input, every record once, in input order") {
  // 1,200 records, 1.3 MB: more than the reader's read-ahead, so the bytes still to come
  // are known well before the end.
  TempDir tmp;
  const int n = 1200;
  tmp.write("in.jsonl", numbered_jsonl(n));
  IndexSummary s = Indexer(tmp / "db", numbered_options(100, 5, 100000))
                       .index({tmp / "in.jsonl"});  // 5: the smallest batch
  CHECK(s.indexed == std::size_t(n));
  CHECK(s.documents == std::size_t(n));
  // Fixed batches would make 12 shards, minimal ones 240: shrinking lies in between.
  CHECK(s.shards > 12);
  CHECK(s.shards < 40);
  CHECK(out_of_order(tmp / "db", n) == 0);
}

TEST_CASE("checkpoint merges run while indexing goes on, every record once, in input order") {
  // Checkpoints after 50, 100, 200, 400 and 800 new documents: each merge runs on a thread
  // of its own while the reader and the workers carry on with the next shards.
  TempDir tmp;
  const int n = 1200;
  tmp.write("in.jsonl", numbered_jsonl(n));
  IndexSummary s = Indexer(tmp / "db", numbered_options(20, 5, 50)).index({tmp / "in.jsonl"});
  CHECK(s.indexed == std::size_t(n));
  CHECK(s.documents == std::size_t(n));
  CHECK(out_of_order(tmp / "db", n) == 0);
  // A second run with every tenth record changed replaces exactly those.
  tmp.write("in.jsonl", numbered_jsonl(n, 10));
  IndexSummary again = Indexer(tmp / "db", numbered_options(20, 5, 50)).index({tmp / "in.jsonl"});
  CHECK(again.replaced == std::size_t(n / 10));
  CHECK(again.unchanged == std::size_t(n - n / 10));
  CHECK(again.documents == std::size_t(n));
  Searcher searcher(tmp / "db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK(total(searcher, "tale") == std::size_t(n / 10));
  CHECK(total(searcher, "story") == std::size_t(n - n / 10));
}

TEST_CASE("a checkpoint merge replaces documents in the background while the reader goes on") {
  // 1,500 documents, then 4,500 records: the 1,500 again with every second one changed,
  // and 3,000 new. The first checkpoint (1,500 new or changed, as many as the database
  // holds) comes at record 2,250; its merge takes the bulk path (more than 1,000 documents
  // on top of existing ones): it deletes 750 old versions, compacts and swaps directories
  // on its own thread while the reader looks the next 2,250 ids up in its view. With
  // XAPIAN_FLUSH_THRESHOLD=3 the deletions commit every 3 changes, as more than 10,000
  // replaced documents would by default. (Whether Xapian then reports the view invalidated
  // depends on which blocks it reads, so the reader's retry is not proven by this test.)
  TempDir tmp;
  const int old_docs = 1500, n = 4500;
  tmp.write("in.jsonl", numbered_jsonl(old_docs));
  { Indexer(tmp / "db", numbered_options(100, 25, 100000)).index({tmp / "in.jsonl"}); }
  tmp.write("in.jsonl", numbered_jsonl(n, 2));
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "3", 1);
  IndexSummary again;
  try {
    again = Indexer(tmp / "db", numbered_options(100, 25, 50)).index({tmp / "in.jsonl"});
  } catch (...) {
    ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
    throw;
  }
  ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
  CHECK(again.replaced == std::size_t(old_docs / 2));
  CHECK(again.unchanged == std::size_t(old_docs / 2));
  CHECK(again.indexed == std::size_t(n - old_docs));
  CHECK(again.documents == std::size_t(n));
  Searcher searcher(tmp / "db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK(total(searcher, "tale") == std::size_t(n / 2));
  CHECK(total(searcher, "story") == std::size_t(n / 2));
  // Each id once: the replaced ones' old versions are gone.
  Xapian::Database db(tmp / "db");
  std::size_t twice = 0;
  for (int i = 0; i < n; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "r%04d", i);
    if (db.get_termfreq(schema::id_term(id)) != 1) ++twice;
  }
  CHECK(twice == 0);
}

TEST_CASE("a database path with a trailing slash is the same database") {
  TempDir tmp;
  IndexSummary s = Indexer(tmp / "db/", opts()).index({NEWSDEX_SEEDS_DIR});
  CHECK(s.documents == 5);
  CHECK(fs::exists(tmp / "db.lock"));
  CHECK_FALSE(fs::exists(tmp / "db/.lock"));
  IndexSummary again = Indexer(tmp / "db", opts()).index({NEWSDEX_SEEDS_DIR});
  CHECK(again.unchanged == 5);
}

TEST_CASE("what add() wrote and index() meets again is not indexed twice") {
  TempDir tmp;
  tmp.write("in.jsonl", numbered_jsonl(30));
  Indexer ix(tmp / "db", numbered_options(20, 5, 100000));
  bool added = false;
  CorpusReader(std::vector<std::string>{tmp / "in.jsonl"})
      .read(
          [&](Article&& a) {
            if (!added) ix.add(a);  // not committed
            added = true;
            return true;
          },
          [](BadRecord&&) {});
  IndexSummary s = ix.index({tmp / "in.jsonl"});
  CHECK(s.unchanged == 1);
  CHECK(s.indexed == 29);
  CHECK(s.documents == 30);
}

TEST_CASE("stats give the published-date range at the precision the dates have") {
  TempDir tmp;
  tmp.write("in.jsonl",
            "{\"id\": \"a\", \"title\": \"Old\", \"body\": \"one\", \"date\": \"2019\"}\n"
            "{\"id\": \"b\", \"title\": \"Mid\", \"body\": \"two\", \"date\": \"2021-03\"}\n"
            "{\"id\": \"c\", \"title\": \"New\", \"body\": \"three\", \"date\": \"2024-07-09\"}\n");
  tmp.write("in2.jsonl",
            "{\"id\": \"d\", \"title\": \"A\", \"body\": \"one\", \"date\": \"2018-11\"}\n"
            "{\"id\": \"e\", \"title\": \"B\", \"body\": \"two\", \"date\": \"2021-03\"}\n");
  { Indexer(tmp / "db", opts()).index({tmp / "in.jsonl"}); }
  Searcher s(tmp / "db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  DatabaseStats st = s.stats();
  CHECK(st.documents == 3);
  CHECK(st.first_date == "2019");
  CHECK(st.last_date == "2024-07-09");
  { Indexer(tmp / "db2", opts()).index({tmp / "in2.jsonl"}); }
  DatabaseStats st2 =
      Searcher(tmp / "db2", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR}).stats();
  CHECK(st2.first_date == "2018-11");
  CHECK(st2.last_date == "2021-03");
}

TEST_CASE("stats and search survive writers committing under an open searcher") {
  TempDir tmp;
  const std::string db = tmp / "db";
  { Indexer(db, opts()).index({NEWSDEX_SEEDS_DIR}); }
  Searcher s(db, SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  CHECK(s.stats().documents == 5);
  // Rounds of 40 add()s and a commit(), each by a new writer. Every commit makes a new
  // revision, and glass reuses the blocks of the revision two back: after two commits the
  // searcher's view is gone, and Xapian reports DatabaseModifiedError on its next read.
  auto write_rounds = [&](int from, int to) {
    for (int round = from; round < to; ++round) {
      Indexer ix(db, opts());
      for (int k = 0; k < 40; ++k) {
        Article a;
        a.id = "extra-" + std::to_string(round) + "-" + std::to_string(k);
        a.title = "Quokka census number " + std::to_string(k);
        a.body = "Round " + std::to_string(round) + ": marsupials counted on Rottnest Island, " +
                 std::string(200, 'x') + " " + std::to_string(k * 7919);
        ix.add(a);
      }
      ix.commit();
    }
  };
  write_rounds(0, 4);
  DatabaseStats st;
  REQUIRE_NOTHROW(st = s.stats());
  CHECK(st.documents == 5 + 4 * 40);
  CHECK(total(s, "quokka") == 4 * 40);
  // The same for search(): four more rounds, then a search first.
  write_rounds(4, 8);
  std::size_t found = 0;
  REQUIRE_NOTHROW(found = total(s, "quokka"));
  CHECK((found == 4 * 40 || found == 8 * 40));  // the old view if it still reads, else new
}

TEST_CASE("page-chrome models stored by earlier builds (chrome: keys) are dropped") {
  TempDir tmp;
  const std::string db = tmp / "db";
  { Indexer(db, opts()).index({NEWSDEX_SEEDS_DIR}); }
  {
    Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
    w.set_metadata("chrome:WIRED", std::string(64, '\x01'));
    w.set_metadata("chrome:VentureBeat", std::string(64, '\x02'));
    // A current model (the seeds are too few to learn one) stays: only the old prefix goes.
    w.set_metadata("chrome2:WIRED", std::string(64, '\x03'));
    w.commit();
  }
  IndexSummary again = Indexer(db, opts()).index({NEWSDEX_SEEDS_DIR});
  CHECK(again.unchanged == 5);
  Xapian::Database r(db);
  CHECK(r.metadata_keys_begin("chrome:") == r.metadata_keys_end("chrome:"));
  CHECK(r.get_metadata("chrome2:WIRED") == std::string(64, '\x03'));
  CHECK(r.get_metadata(std::string(schema::kMetaSchema)) == schema::kVersion);
}

TEST_CASE("a merge that cannot swap its result in leaves the database open and usable") {
  TempDir tmp;
  const std::string db = tmp / "db";
  Indexer ix(db, opts());
  // A non-empty <db>.old, made after the constructor's recovery: renaming <db> onto it fails.
  tmp.write("db.old/junk", "not a database");
  CHECK_THROWS_WITH_AS(ix.index({NEWSDEX_SEEDS_DIR}),
                       doctest::Contains("cannot swap in the merged database"), IndexError);
  CHECK_FALSE(fs::exists(db + ".old"));  // rolled back: the database before the merge, open
  IndexSummary s = ix.index({NEWSDEX_SEEDS_DIR});
  CHECK(s.indexed == 5);
  CHECK(s.documents == 5);
}
