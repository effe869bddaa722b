// The analysis chain, table-driven: input → tokens ("word", compounds marked with *).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "newsdex/analysis.h"
#include "newsdex/error.h"

using newsdex::Analyzer;
using newsdex::AnalyzerOptions;
using newsdex::Token;

namespace {
std::string tokens_of(Analyzer& a, std::string_view text) {
  std::vector<Token> toks;
  a.analyze(text, toks);
  std::string out;
  for (const auto& t : toks) {
    if (!out.empty()) out += ' ';
    out += t.text;
    if (t.compound) out += '*';
  }
  return out;
}
}  // namespace

TEST_CASE("technical tokens are kept searchable, deliberately") {
  Analyzer a;
  struct Row {
    const char* in;
    const char* out;
  } rows[] = {
      {"Microsoft’s Azure", "microsoft azure"},
      {"Nadella's plan", "nadella plan"},
      {"investors' money", "investors money"},
      {"GPT-4 launched", "gpt-4* gpt 4 launched"},
      {"GPT-4o", "gpt-4o* gpt 4o"},
      {"C++ and C# and F#", "c++ and c# and f#"},
      {"a C++20 program", "a c++20 program"},
      {"the .NET runtime", "the .net runtime"},
      {"$500 billion", "500 $500* billion"},
      {"$NVDA rose", "nvda $nvda* rose"},
      {"€3.5 million", "3.5 €3.5* million"},
      {"DALL·E 3", "dall-e* dall e 3"},
      {"DALL-E", "dall-e* dall e"},
      {"at 3:12 a.m.", "at 3:12 a.m"},
      {"the U.S. market", "the u.s market"},
      {"state-of-the-art", "state-of-the-art* state of the art"},
      {"ÉCOLE Straße", "ecole strasse"},
      // Accents of Latin letters fold (schema 5); other scripts keep their marks.
      {"Nestlé café", "nestle cafe"},
      {"São Paulo's Ångström naïve", "sao paulo angstrom naive"},
      {"Việt Nam", "viet nam"},
      {"Crème-brûlée", "creme-brulee* creme brulee"},
      {"DALL·É", "dall-e* dall e"},
      {"Йошкар-Ола", "йошкар-ола* йошкар ола"},
      {"ø ł", "ø ł"},
      {"ﬁnance", "finance"},
      {"Wi-Fi 7", "wi-fi* wi fi 7"},
      {"1,000.5 units", "1,000.5 units"},
      {"", ""},
      {"— … !!", ""},
  };
  for (const auto& r : rows) {
    std::string input = r.in;
    CAPTURE(input);
    CHECK(tokens_of(a, r.in) == r.out);
  }
}

TEST_CASE("offsets point at the surface form and positions skip compounds") {
  Analyzer a;
  std::vector<Token> toks;
  std::string text = "Microsoft’s GPT-4 costs $500";
  a.analyze(text, toks);
  REQUIRE(toks.size() == 7);
  CHECK(text.substr(toks[0].begin, toks[0].end - toks[0].begin) == "Microsoft’s");
  CHECK(toks[1].text == "gpt-4");
  CHECK(toks[1].compound);
  CHECK(text.substr(toks[1].begin, toks[1].end - toks[1].begin) == "GPT-4");
  CHECK(toks[1].position == toks[2].position);
  CHECK(toks[3].position == toks[2].position + 1);
  CHECK(toks[6].text == "$500");
  CHECK(text.substr(toks[6].begin, toks[6].end - toks[6].begin) == "$500");
}

TEST_CASE("a middle-dot split keeps surface offsets when folding changes lengths") {
  // Found by fuzz_analyzer: the parts' offsets were taken from the folded text, so `Ǆ`
  // (2 bytes, folds to `dž`, 3) put `zebra` at [36, 35) of a 35-byte text, and `ŀ` (folds to
  // `l·`, making a dot of its own) gave a token inside a character.
  Analyzer a;
  std::vector<Token> toks;
  for (std::string text :
       {"ǄǄǄǄǄǄ·zebra", "ŀc", "İ·E", "Some words then ǄǄ·zebra too", "DALL·E 3"}) {
    CAPTURE(text);
    a.analyze(text, toks);
    REQUIRE(!toks.empty());
    for (const Token& t : toks) {
      CAPTURE(t.text);
      CHECK(t.begin < t.end);
      CHECK(t.end <= text.size());
    }
  }
  std::string text = "ǄǄ·zebra";
  a.analyze(text, toks);
  REQUIRE(toks.size() == 3);
  CHECK(toks[0].text == "dzdz-zebra");  // NFKC case folding: Ǆ → d + ž; then ž → z
  CHECK(toks[0].compound);
  CHECK(toks[1].text == "dzdz");
  CHECK(text.substr(toks[1].begin, toks[1].end - toks[1].begin) == "ǄǄ");
  CHECK(toks[2].text == "zebra");
  CHECK(text.substr(toks[2].begin, toks[2].end - toks[2].begin) == "zebra");
}

TEST_CASE("invalid UTF-8 is a separator, never a crash") {
  Analyzer a;
  CHECK(tokens_of(a, std::string("abc\xff\xfe"
                                 "def")) == "abc def");
  CHECK(tokens_of(a, std::string("\xc3")) == "");
}

TEST_CASE("overlong tokens are dropped") {
  Analyzer a;
  std::string huge(500, 'x');
  CHECK(tokens_of(a, "short " + huge + " word") == "short word");
}

TEST_CASE("stemming is Snowball english, with digits and protected words left alone") {
  AnalyzerOptions o;
  o.protected_words = {"windows"};
  Analyzer a(o);
  CHECK(a.stem("refusals") == "refus");
  CHECK(a.stem("refusal") == "refus");
  CHECK(a.stem("windows") == "windows");
  CHECK(a.stem("window") == "window");
  CHECK(a.stem("gpt-4") == "gpt-4");
  CHECK(a.stem("2025s") == "2025s");
}

TEST_CASE("an unknown language is a configuration error") {
  AnalyzerOptions o;
  o.language = "klingon";
  CHECK_THROWS_AS(Analyzer{o}, newsdex::Error);
}

TEST_CASE("normalize folds field values the way documents are folded") {
  Analyzer a;
  CHECK(a.normalize("The Verge") == "the verge");
  CHECK(a.normalize("Microsoft’s") == "microsoft");
  CHECK(a.normalize("Le Monde Diplomatique Économie") == "le monde diplomatique economie");
}

TEST_CASE("an accented word keeps its surface offsets") {
  Analyzer a;
  std::vector<Token> toks;
  const std::string text = "Swiss giant Nestlé said";
  a.analyze(text, toks);
  REQUIRE(toks.size() == 4);
  CHECK(toks[2].text == "nestle");
  CHECK(text.substr(toks[2].begin, toks[2].end - toks[2].begin) == "Nestlé");
}

TEST_CASE("stems() of a whole token list equals stem() of each token") {
  AnalyzerOptions o;
  o.protected_words = {"windows"};
  Analyzer batch(o), single(o);
  std::vector<Token> toks;
  batch.analyze(
      "Microsoft's Windows teams were running faster builds; the runners ran GPT-4 "
      "evaluations in 2024, generously, while OpenAI’s researchers kept researching.",
      toks);
  std::vector<const std::string*> out;
  batch.stems(toks, out);
  REQUIRE(out.size() == toks.size());
  std::size_t compounds = 0;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    CAPTURE(toks[i].text);
    if (toks[i].compound) {  // indexed as written: no stem
      CHECK(out[i] == nullptr);
      ++compounds;
      continue;
    }
    REQUIRE(out[i] != nullptr);
    CHECK(*out[i] == single.stem(toks[i].text));
  }
  CHECK(compounds == 1);  // gpt-4
  // More distinct words than the cache holds (200,000) in one list: every pointer is still
  // valid, and right, once the list is done.
  std::vector<Token> many;
  for (int i = 0; i < 230000; ++i) {
    std::string w;
    for (int v = i; w.size() < 4 || v > 0; v /= 26) w.push_back(char('a' + v % 26));
    many.push_back(Token{w + "ing", std::uint32_t(i), 0, 0, false});
  }
  batch.stems(many, out);
  REQUIRE(out.size() == many.size());
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < many.size(); i += 7)
    if (*out[i] != single.stem(many[i].text)) ++wrong;
  CHECK(wrong == 0);
  // A cache a few words short of full, then a document with more new words than fit: the
  // first fill it, the rest are kept aside; all stay valid and right, and stem() after
  // that (which clears the full cache) still stems correctly.
  Analyzer nearly(o);
  for (int i = 0; i < 199995; ++i) nearly.stem("filler" + std::to_string(i) + "s");
  std::vector<Token> fresh;
  for (int i = 0; i < 40; ++i)
    fresh.push_back(Token{"running" + std::string(std::size_t(i % 7), 'x') + char('a' + i % 26),
                          std::uint32_t(i), 0, 0, false});
  nearly.stems(fresh, out);
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    CAPTURE(fresh[i].text);
    REQUIRE(out[i] != nullptr);
    CHECK(*out[i] == single.stem(fresh[i].text));
  }
  CHECK(nearly.stem("researchers") == "research");
  CHECK(nearly.stem("running") == "run");
}
