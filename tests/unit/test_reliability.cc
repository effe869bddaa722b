// Hostile and broken inputs (issue 15): each case below crashed, hung, exhausted memory,
// lost data or said the wrong thing before its fix.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/html.h"
#include "fixtures.h"
#include "newsdex/corpus_reader.h"
#include "newsdex/error.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "tmpdir.h"

using namespace newsdex;
namespace fs = std::filesystem;

namespace {

IndexOptions opts() { return test_index_options(); }

struct Read {
  std::vector<Article> articles;
  std::vector<BadRecord> bad;
};

Read read_all(const std::vector<std::string>& inputs, ReaderOptions o = {}) {
  Read r;
  CorpusReader reader(inputs, o);
  reader.read(
      [&](Article&& a) {
        r.articles.push_back(std::move(a));
        return true;
      },
      [&](BadRecord&& b) { r.bad.push_back(std::move(b)); });
  return r;
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

std::size_t hits(Searcher& s, const std::string& q) {
  SearchRequest r;
  r.query = q;
  return s.search(r).total;
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("HTML nesting is counted the way the tree builder will nest") {
  using detail::html_nesting_depth;
  CHECK(html_nesting_depth("<html><body><div><p>a</p></div></body></html>") == 1);
  CHECK(html_nesting_depth("<div><div><span>x</span></div></div>") == 3);
  // Void elements, self-closed tags and elements whose end tag may be left out: not counted.
  CHECK(html_nesting_depth(repeat("<p>para<br><img src=x>", 5000)) == 0);
  CHECK(html_nesting_depth("<ul>" + repeat("<li>item", 5000) + "</ul>") == 1);
  CHECK(html_nesting_depth(repeat("<span/>", 1000)) == 0);
  // Comments, scripts and quoted '>' are not tags.
  CHECK(html_nesting_depth("<!-- <div><div> --><script>if (a<b) {'<div>'}</script>") == 0);
  CHECK(html_nesting_depth("<a title='x>y'><b>t</b></a>") == 2);
  // A closing tag closes what was opened inside it.
  CHECK(html_nesting_depth("<div><span><b>x</div><div>y</div>") == 3);
  CHECK(html_nesting_depth(repeat("<tr><td><table>", 1000)) == 1000);
}

TEST_CASE("hostile HTML is a bad record with its reason, fast, deep real text is kept") {
  TempDir dir;
  // 300 KB that took gumbo tens of seconds and over 10 GB, and 500 KB of unclosed <div>.
  dir.write("in/tables.html", "<html><body>" + repeat("<tr><td><table>", 20000) + "x</body>");
  dir.write("in/divs.html", "<html><body>" + repeat("<div>", 100000) + "deep</body>");
  // 300 elements deep: past the old cut-off of 200, where the text was silently dropped.
  dir.write("in/deep.html", "<html><body><article>" + repeat("<div>", 300) +
                                "words three hundred deep" + repeat("</div>", 300) +
                                "</article></body></html>");
  Read r = read_all({dir / "in"});
  REQUIRE(r.articles.size() == 1);
  CHECK(contains(r.articles[0].body, "words three hundred deep"));
  REQUIRE(r.bad.size() == 2);
  for (const BadRecord& b : r.bad) {
    CAPTURE(b.file);
    CHECK(contains(b.reason, "HTML nested"));
    CHECK(contains(b.reason, "at most 512"));
  }
  CHECK_THROWS_AS(parse_html_article(repeat("<b>", 100000)), CorpusError);
}

TEST_CASE("--jobs out of range is a configuration error, not 24 GB or std::terminate") {
  TempDir dir;
  IndexOptions o = opts();
  o.jobs = 100000;
  CHECK_THROWS_AS(Indexer(dir / "db", o), ConfigError);
  o.jobs = 256;
  CHECK_NOTHROW(Indexer(dir / "db2", o));
}

TEST_CASE("a symlinked database is written through: the link stays, the lock is the target's") {
  TempDir dir;
  fs::create_directories(dir / "real.db");
  fs::create_symlink(dir / "real.db", dir / "link.db");
  {
    Indexer via_link(dir / "link.db", opts());
    via_link.index({NEWSDEX_SEEDS_DIR});  // into an empty database: a compaction and a swap
    // One lock whatever the spelling: the real path is refused while the link's writer lives.
    CHECK_THROWS_WITH_AS(Indexer(dir / "real.db", opts()), doctest::Contains("locked"), IndexError);
  }
  CHECK(fs::is_symlink(dir / "link.db"));
  Searcher real(dir / "real.db");
  CHECK(real.document_count() == 5);
  Searcher link(dir / "link.db");
  CHECK(hits(link, "openai") == hits(real, "openai"));
  CHECK_FALSE(fs::exists(dir / "link.db.lock"));
}

TEST_CASE("a reader finds the database a kill left between the swap's two renames") {
  TempDir dir;
  Indexer(dir / "db", opts()).index({NEWSDEX_SEEDS_DIR});
  const std::size_t before = [&] {
    Searcher s(dir / "db");
    return hits(s, "openai");
  }();
  // What a kill after `<db>` → `<db>.old` and before `<db>.new` → `<db>` leaves.
  fs::rename(dir / "db", dir / "db.old");
  fs::create_directories(dir / "db.new");
  Searcher s(dir / "db");
  CHECK(s.document_count() == 5);
  CHECK(hits(s, "openai") == before);
  CHECK(s.stats().documents == 5);
  // The next index run puts it back.
  Indexer(dir / "db", opts()).index({NEWSDEX_SEEDS_DIR});
  CHECK(fs::exists(dir / "db"));
  CHECK_FALSE(fs::exists(dir / "db.old"));
}

TEST_CASE("an empty regular file is not called a database") {
  TempDir dir;
  dir.write("empty", "");
  CHECK_THROWS_WITH_AS(Searcher(dir / "empty"), doctest::Contains("an empty file"), IndexError);
}

TEST_CASE("inputs that are not plain UTF-8 files are named for what they are") {
  TempDir dir;
  // A FIFO named *.jsonl blocked the run forever, holding the write lock.
  REQUIRE(::mkfifo((dir / "pipe.jsonl").c_str(), 0600) == 0);
  // A UTF-8 byte-order mark before the first record was "improper structure".
  dir.write("bom.jsonl",
            "\xEF\xBB\xBF{\"id\":\"b1\",\"title\":\"With a BOM\",\"body\":\"text\"}\n");
  // UTF-16 was "binary file".
  dir.write("u16.txt", std::string("\xFF\xFE", 2) + std::string("T\0i\0t\0l\0e\0", 10));
  dir.write("u16.jsonl", std::string("\xFF\xFE{\0", 4));
  // A NUL inside a JSON string was accepted while a NUL in a text file is refused.
  dir.write("nul.jsonl", "{\"id\":\"n1\",\"title\":\"a\\u0000b\",\"body\":\"text\"}\n");
  // A text file's BOM is not part of its title.
  dir.write("bom.txt", "\xEF\xBB\xBFThe title of the piece\n\nThe body of it.\n");
  Read r = read_all({dir / "pipe.jsonl", dir / "bom.jsonl", dir / "u16.txt", dir / "u16.jsonl",
                     dir / "nul.jsonl", dir / "bom.txt"});
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "b1");
  CHECK(r.articles[0].title == "With a BOM");
  CHECK(r.articles[1].title == "The title of the piece");
  REQUIRE(r.bad.size() == 4);
  CHECK(contains(r.bad[0].reason, "not a regular file"));
  CHECK(contains(r.bad[1].reason, "UTF-16"));
  CHECK(contains(r.bad[2].reason, "UTF-16"));
  CHECK(contains(r.bad[3].reason, "NUL"));
  CHECK(r.bad[3].line == 1);
  // A symlink to itself is a loop, not a missing file.
  fs::create_symlink(dir / "loop", dir / "loop");
  CHECK_THROWS_WITH_AS(CorpusReader({dir / "loop"}), doctest::Contains("symbolic links"),
                       CorpusError);
}

TEST_CASE("records over the size cap are skipped before they are held, the cap is 8 MiB") {
  TempDir dir;
  CHECK(ReaderOptions{}.max_record_bytes == 8u << 20);
  CHECK(IndexOptions{}.max_record_bytes == 8u << 20);
  const std::string big(9u << 20, 'a');
  dir.write("big.jsonl", "{\"id\":\"big\",\"title\":\"t\",\"body\":\"" + big +
                             "\"}\n{\"id\":\"small\",\"title\":\"t\",\"body\":\"b\"}\n");
  Read r = read_all({dir / "big.jsonl"});
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "small");
  REQUIRE(r.bad.size() == 1);
  CHECK(contains(r.bad[0].reason, "longer than 8 MiB"));
}

TEST_CASE("a batch of large records is cut at shard_max_bytes") {
  TempDir dir;
  std::string jsonl;
  const std::string body(4000, 'x');
  for (int i = 0; i < 10; ++i)
    jsonl += "{\"id\":\"r" + std::to_string(i) + "\",\"title\":\"t\",\"body\":\"" + body + "\"}\n";
  dir.write("in.jsonl", jsonl);
  IndexOptions o = opts();
  o.jobs = 1;  // one worker: the batch-size rule would put all ten in one batch
  o.remove_chrome = false;
  o.shard_max_bytes = 10000;  // three records of 4 KB reach it
  IndexSummary s = Indexer(dir / "db", o).index({dir / "in.jsonl"});
  CHECK(s.indexed == 10);
  CHECK(s.shards == 4);  // 3 + 3 + 3 + 1
  Searcher searcher(dir / "db");
  CHECK(searcher.document_count() == 10);
}

TEST_CASE("an input that vanishes between listing and reading is a bad record, the rest is read") {
  TempDir dir;
  dir.write("in/a.txt", "First article title here\n\nIts body.\n");
  dir.write("in/b.txt", "Second article title here\n\nIts body.\n");
  CorpusReader reader({dir / "in"});
  fs::remove(dir / "in/a.txt");
  std::vector<Article> articles;
  std::vector<BadRecord> bad;
  reader.read(
      [&](Article&& a) {
        articles.push_back(std::move(a));
        return true;
      },
      [&](BadRecord&& b) { bad.push_back(std::move(b)); });
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].title == "Second article title here");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].file == dir / "in/a.txt");
  CHECK(contains(bad[0].reason, "No such file"));
}
