// Page chrome: text repeated across many articles of one source is dropped.
#include <doctest/doctest.h>

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
}  // namespace

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
