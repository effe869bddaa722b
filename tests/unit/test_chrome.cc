// Page chrome: text repeated across many articles of one source is dropped.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

#include "corpus/chrome.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "tmpdir.h"

using newsdex::detail::ChromeModel;

namespace {
const std::string kMenu = "Featured Topics Newsletters Events Podcasts Sign in Subscribe now";
const std::string kFooter = "Follow us on Facebook Twitter LinkedIn. All rights reserved.";
const char* kWords[] = {"quantum", "battery", "satellite", "protein", "robot",  "chip",
                        "vaccine", "solar",   "drone",     "fusion",  "ledger", "glacier"};
std::string article(int i) {
  // Real articles differ right after the menu and right before the footer (a word that is
  // the same in most of them is, by this definition, part of the chrome).
  std::string body = kMenu + " " + std::to_string(i) + "th story reports that the ";
  unsigned x = 2166136261u ^ unsigned(i);  // pseudo-random words: content does not repeat
  for (int k = 0; k < 8; ++k) {
    x = x * 1103515245u + 12345u;
    body += std::string(kWords[(x >> 16) % 12]) + " ";
  }
  body += "market grew " + std::to_string(i) + " percent, said analyst " + std::to_string(i) +
          ".\n" + kFooter;
  return body;
}
// A second source with its own chrome, some documents too short for a shingle, and some
// text shared by a few (fewer than 5%) of its documents.
std::string other_article(int i) {
  if (i % 9 == 0) return "Short note " + std::to_string(i);
  std::string body = "Home World Tech Science Opinion Video Audio Newsletter\n";
  unsigned x = 0x9E3779B9u ^ unsigned(i * 7919);
  for (int k = 0; k < 30; ++k) {
    x = x * 1664525u + 1013904223u;
    body += std::string(kWords[(x >> 13) % 12]) + (k % 10 == 9 ? ".\n" : " ");
  }
  if (i % 25 == 0) body += "a rare phrase seen in only a few of the stories ";
  return body + "Copyright Other Media Group, all rights reserved worldwide";
}

std::uint64_t fnv(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Everything a model exposes, for comparing two of them.
std::string state(const ChromeModel& m) {
  std::string out;
  for (const char* src : {"Example News", "Other Media", "Tiny Blog", "Unseen"}) {
    out += std::string(src) + " learned " + std::to_string(m.documents_learned(src)) + " has " +
           std::to_string(m.has(src)) + " model " + std::to_string(fnv(m.serialize(src))) + "\n";
    for (int i = 0; i < 120; i += 7) {
      out += m.clean(src, article(i)) + "\n";
      out += m.clean(src, other_article(i)) + "\n";
    }
  }
  for (const std::string& s : m.sources()) out += s + "\n";
  return out;
}

void observe_all(ChromeModel& m, int part = 0, int parts = 1) {
  int k = 0;  // documents in reading order, dealt out to the parts in turn
  for (int i = 0; i < 120; ++i) {
    if (k++ % parts == part) m.observe("Example News", article(i));
    if (i < 90 && k++ % parts == part) m.observe("Other Media", other_article(i));
    if (i < 10 && k++ % parts == part) m.observe("Tiny Blog", kMenu + " " + std::to_string(i));
  }
}

}  // namespace

TEST_CASE("chrome models (format chrome2:) are stable: same shingle hashes and serialized form") {
  ChromeModel m;
  for (int i = 0; i < 40; ++i) m.observe("Example News", article(i));
  m.finish();
  std::string data = m.serialize("Example News");
  CHECK(data.size() == 8 * sizeof(std::uint64_t));  // 4 menu and 4 footer shingles
  CHECK(fnv(data) == 0x3667a075b44abda0ull);        // as word_hash() first wrote it
  CHECK(m.clean("Example News", article(7)) ==
        "7th story reports that the drone solar robot ledger robot fusion drone robot market "
        "grew 7 percent, said analyst 7.");
}

TEST_CASE("merging models learned from disjoint shares equals one model over all documents") {
  ChromeModel whole;
  observe_all(whole);
  for (int parts : {2, 3, 5}) {
    CAPTURE(parts);
    std::vector<ChromeModel> models(parts);
    for (int p = 0; p < parts; ++p) observe_all(models[p], p, parts);
    ChromeModel merged = std::move(models[0]);
    for (int p = 1; p < parts; ++p) merged.merge(std::move(models[p]));
    CHECK(merged.documents_learned("Example News") == 120);
    CHECK(merged.documents_learned("Other Media") == 90);
    CHECK(merged.documents_learned("Tiny Blog") == 10);
    ChromeModel serial = whole;
    serial.finish();
    merged.finish(unsigned(parts));
    CHECK(serial.has("Example News"));
    CHECK(serial.has("Other Media"));
    CHECK_FALSE(serial.has("Tiny Blog"));
    CHECK(serial.clean("Other Media", other_article(4)).find("Copyright") == std::string::npos);
    CHECK(serial.clean("Other Media", other_article(25)).find("rare phrase") != std::string::npos);
    CHECK(state(merged) == state(serial));
  }
  // Merging into an empty model, or merging an empty one, changes nothing.
  ChromeModel a, b = whole, c = whole, empty;
  a.merge(std::move(b));
  c.merge(std::move(empty));
  ChromeModel serial = whole;
  serial.finish();
  a.finish();
  c.finish();
  CHECK(state(a) == state(serial));
  CHECK(state(c) == state(serial));
}

TEST_CASE("finish on several threads equals finish on one") {
  ChromeModel serial;
  observe_all(serial);
  // More sources than threads, and sources too small to learn from.
  for (int s = 0; s < 12; ++s)
    for (int i = 0; i < 15 + 5 * s; ++i)
      serial.observe("Source " + std::to_string(s), s % 2 ? article(i) : other_article(i));
  for (unsigned threads : {0u, 2u, 3u, 8u, 64u}) {
    CAPTURE(threads);
    ChromeModel parallel = serial;
    parallel.finish(threads);
    ChromeModel one = serial;
    one.finish();
    CHECK(state(parallel) == state(one));
    CHECK(parallel.sources() == one.sources());
    std::size_t models = 0;  // sources with a model: the comparisons compared some
    for (const std::string& src : one.sources()) {
      CHECK(parallel.serialize(src) == one.serialize(src));
      models += one.has(src);
    }
    CHECK(models > 6);  // 13 when written
  }
}

TEST_CASE("clean is safe to call from several threads at once") {
  ChromeModel m;
  observe_all(m);
  m.finish();
  std::vector<std::string> expected;
  for (int i = 0; i < 200; ++i) expected.push_back(m.clean("Example News", article(i)));
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int round = 0; round < 20; ++round)
        for (int i = 0; i < 200; ++i)
          if (m.clean("Example News", article(i)) != expected[std::size_t(i)]) ++mismatches;
    });
  for (auto& t : threads) t.join();
  CHECK(mismatches == 0);
}

TEST_CASE("chrome repeated across a source's articles is learned and dropped") {
  ChromeModel m;
  for (int i = 0; i < 40; ++i) m.observe("Example News", article(i));
  for (int i = 0; i < 10; ++i) m.observe("Tiny Blog", kMenu + " " + std::to_string(i));
  m.finish();
  CHECK(m.has("Example News"));
  CHECK_FALSE(m.has("Tiny Blog"));  // too few documents to tell chrome from content
  std::string cleaned = m.clean("Example News", article(7));
  CHECK(cleaned.find("Newsletters") == std::string::npos);
  CHECK(cleaned.find("Facebook") == std::string::npos);
  CHECK(cleaned.rfind("7th story reports that the", 0) == 0);
  CHECK(cleaned.find("market grew 7 percent, said analyst 7.") != std::string::npos);
  // A text without chrome, and another source, are left as they are.
  CHECK(m.clean("Example News", "Nothing repeated here at all today.") ==
        "Nothing repeated here at all today.");
  CHECK(m.clean("Other", article(3)) == article(3));
  // The model survives a round trip through the database's metadata.
  ChromeModel copy;
  copy.load("Example News", m.serialize("Example News"));
  CHECK(copy.clean("Example News", article(11)) == m.clean("Example News", article(11)));
}

TEST_CASE("the indexer drops chrome from JSONL sources, and --keep-chrome keeps it") {
  TempDir tmp;
  std::string jsonl;
  for (int i = 0; i < 40; ++i)
    jsonl += "{\"id\": \"n" + std::to_string(i) + "\", \"title\": \"Story " + std::to_string(i) +
             "\", \"source\": \"Example News\", \"body\": \"" +
             article(i).replace(article(i).find('\n'), 1, "\\n") + "\"}\n";
  tmp.write("in/news.jsonl", jsonl);
  newsdex::IndexOptions o;
  o.gazetteer_dir = NEWSDEX_GAZETTEER_DIR;
  newsdex::IndexSummary s = newsdex::Indexer(tmp / "db", o).index({tmp / "in"});
  CHECK(s.chrome_sources == 1);
  o.remove_chrome = false;
  newsdex::Indexer(tmp / "raw", o).index({tmp / "in"});
  auto total = [&](const std::string& db, const std::string& q) {
    newsdex::Searcher searcher(db, newsdex::SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
    newsdex::SearchRequest r;
    r.query = q;
    return searcher.search(r).total;
  };
  CHECK(total(tmp / "db", "newsletters") == 0);
  CHECK(total(tmp / "db", "company:facebook") == 0);
  CHECK(total(tmp / "db", "quantum OR battery OR satellite") > 0);
  CHECK(total(tmp / "db", "quantum OR battery OR satellite") ==
        total(tmp / "raw", "quantum OR battery OR satellite"));
  CHECK(total(tmp / "raw", "newsletters") == 40);
}

TEST_CASE("words are split on every separator and long words hash whole") {
  // Chrome written with tabs, CR LF and form feeds between words, and words longer than the
  // 16-byte blocks the word scanner reads: learned and dropped like any other chrome,
  // while words that differ only after their 20th byte stay apart (they are not chrome).
  const std::string chrome =
      "Menu\tHome\r\nAbout\fContact-us-and-our-newsletter-subscriptions\nPrivacy-policy-and-"
      "cookie-settings-for-this-site Terms";
  auto body = [&](int i) {
    return chrome + "\n" + "supercalifragilistic" + std::to_string(i) + " story number " +
           std::to_string(i) + " about ledgers and glaciers, item " + std::to_string(i * 7);
  };
  ChromeModel m;
  for (int i = 0; i < 40; ++i) m.observe("Tabs", body(i));
  m.finish();
  REQUIRE(m.has("Tabs"));
  const std::string out = m.clean("Tabs", body(41));
  CHECK(out.find("Menu") == std::string::npos);
  CHECK(out.find("Contact-us-and-our-newsletter-subscriptions") == std::string::npos);
  CHECK(out.find("Terms") == std::string::npos);
  CHECK(out.find("supercalifragilistic41 story number 41") != std::string::npos);
  // The same words with spaces for separators are the same shingles (exact bytes of words,
  // any whitespace between them).
  std::string spaced = chrome;
  for (char& c : spaced)
    if (c == '\t' || c == '\r' || c == '\f' || c == '\n') c = ' ';
  CHECK(m.clean("Tabs", spaced + " a fresh tail of words here") == "a fresh tail of words here");
}
