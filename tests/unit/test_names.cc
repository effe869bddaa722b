// Company / person / product recognition and the EntityExtractor (entities/names/, gazetteer.cc,
// extractor.cc). Table-driven: a sentence and the compact list of what must be found.

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "entities/names.h"
#include "newsdex/entities.h"
#include "newsdex/error.h"

#ifndef NEWSDEX_GAZETTEER_DIR
#define NEWSDEX_GAZETTEER_DIR "corpus/gazetteer"
#endif
#ifndef NEWSDEX_SEEDS_DIR
#define NEWSDEX_SEEDS_DIR "corpus/seeds"
#endif

using newsdex::Entity;
using newsdex::EntityExtractor;
using newsdex::EntityKind;

namespace {

const EntityExtractor& extractor() {
  static const EntityExtractor ex(newsdex::EntityOptions{NEWSDEX_GAZETTEER_DIR});
  return ex;
}

bool is_name(EntityKind k) {
  return k == EntityKind::company || k == EntityKind::person || k == EntityKind::product;
}

/// "company:microsoft person:satya nadella": names only, first mention order, no repeats.
std::string names(const std::string& text) {
  std::string out;
  std::set<std::string> seen;
  for (const Entity& e : extractor().extract(text)) {
    if (!is_name(e.kind)) continue;
    std::string item = std::string(to_string(e.kind)) + ":" + e.key;
    if (!seen.insert(item).second) continue;
    if (!out.empty()) out += ' ';
    out += item;
  }
  return out;
}

struct Case {
  std::string text;
  std::string expected;
};

void check_table(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(names(c.text) == c.expected);
  }
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("gazetteer names, aliases and the brief's examples") {
  check_table({
      {"Microsoft CEO Satya Nadella said Azure revenue grew 30% last quarter.",
       "company:microsoft person:satya nadella product:azure"},
      {"OpenAI’s CEO Sam Altman met Microsoft’s CEO Satya Nadella.",
       "company:openai person:sam altman company:microsoft person:satya nadella"},
      {"Backed by OpenAI, Oracle, and Softbank, the Stargate Project was announced.",
       "company:openai company:oracle company:softbank product:stargate"},
      {"Microsoft Corp. and Open AI signed a deal with SoftBank Group Corp.",
       "company:microsoft company:openai company:softbank"},
      {"Rivals like Amazon Web Services (AWS), Google Cloud Platform, and Google Cloud compete.",
       "company:amazon web services product:google cloud platform company:google cloud"},
      {"Microsoft Azure powers models like GPT-3, GPT-4 and DALL·E for OpenAI.",
       "product:azure product:gpt-3 product:gpt-4 product:dall-e company:openai"},
      {"OpenAI launched DALL-E 3 inside ChatGPT Plus.",
       "company:openai product:dall-e product:chatgpt"},
      {"It will reach Microsoft 365, Azure AI, and Bing.",
       "product:microsoft 365 product:azure ai product:bing"},
      {"Competition from Google Amazon and IBM is growing.",
       "company:google company:amazon company:ibm"},
      {"SoftBank’s Vision Fund invested in the startup.",
       "company:softbank company:softbank vision fund"},
      {"Meta Platforms, formerly Facebook, owns Instagram and WhatsApp.",
       "company:meta company:instagram company:whatsapp"},
      {"Alphabet, Google’s parent, reported earnings.", "company:alphabet company:google"},
      {"Larry Ellison, the Chairman of Oracle, spoke.", "person:larry ellison company:oracle"},
      {"former President Donald Trump announced it", "person:donald trump"},
      {"Source: TechCrunch", "company:techcrunch"},
      {"A report by Synergy Research Group found", "company:synergy research group"},
      {"SHARES OF MICROSOFT AND NVIDIA ROSE", "company:microsoft company:nvidia"},
  });
}

TEST_CASE("case sensitivity: fruit, words and short all-caps names") {
  check_table({
      {"She ate an apple and a pear.", ""},
      {"Apple unveiled a new iPhone.", "company:apple product:iphone"},
      {"In a word, the results excel.", ""},
      {"Word of the deal spread quickly.", ""},
      {"Microsoft integrates Copilot into its apps such as Word, Excel, and Outlook.",
       "company:microsoft product:copilot product:microsoft word product:microsoft excel "
       "product:outlook"},
      {"Teams of engineers work on windows and doors.", ""},
      {"Ibm and Aws are not how the names are written.", ""},
      {"IBM and AWS are.", "company:ibm company:amazon web services"},
  });
}

TEST_CASE("possessives are not part of the span") {
  for (const char* text : {"Microsoft’s cloud", "Microsoft's cloud"}) {
    CAPTURE(text);
    auto ents = extractor().extract(text);
    REQUIRE(ents.size() == 1);
    CHECK(ents[0].key == "microsoft");
    CHECK(ents[0].text == "Microsoft");
    CHECK(ents[0].begin == 0);
    CHECK(ents[0].end == 9);
  }
  auto ents = extractor().extract("Sam Altman’s ambitions");
  REQUIRE(ents.size() == 1);
  CHECK(ents[0].text == "Sam Altman");
}

TEST_CASE("stock tickers") {
  check_table({
      {"Shares of MSFT rose while $NVDA fell.", "company:microsoft company:nvidia"},
      // The exchange of a listing counts too (GUIDELINES.md: exchanges are companies).
      {"Apple (NASDAQ: AAPL) and IBM (NYSE:IBM) reported.",
       "company:apple company:nasdaq company:ibm company:new york stock exchange"},
      {"$META and $T rallied.", "company:meta company:at&t"},
      {"The T in the chart is a typo; NOW is the time; SHOP here.", ""},
      {"Texaco Inc <TX> said; International Business Machines Corp <IBM> rose.",
       "company:texaco company:ibm"},
      // The ticker of the company named before it, not the listed company its letters spell
      // (EDP: Energias de Portugal; BT: British Telecom).
      {"Shares of Verlan Energy Corp <EDP> fell.", "company:verlan energy"},
      {"Bankers Trust Co <BT> raised its prime rate.", "company:bankers trust"},
  });
  auto ents = extractor().extract("Buy $MSFT now");
  REQUIRE(ents.size() == 1);
  CHECK(ents[0].text == "$MSFT");
}

TEST_CASE("rules find companies the gazetteer lacks") {
  check_table({
      {"Zentrox Inc. said it would cut jobs.", "company:zentrox"},
      {"Shares in Tibbett & Britten Group Plc rose.", "company:tibbett & britten group"},
      {"The deal values Pernotti Holdings Ltd at $2bn.", "company:pernotti holdings"},
      {"Bellofram Corp and Railway Maintenance Equipment Co have been sold.",
       "company:bellofram company:railway maintenance equipment"},
      {"Investors include Quarkwise Labs and Novalith Technologies.",
       "company:quarkwise labs company:novalith technologies"},
      {"The Paris-based startup Mistralix raised money.", "company:mistralix"},
      {"The AI startup Glimmerly launched a chatbot.", "company:glimmerly"},
      {"Kash Shaikh is CEO and President of Virtana, a cloud platform.",
       "person:kash shaikh company:virtana"},
      {"Zephyra, a San Francisco-based startup, raised $5 million.", "company:zephyra"},
      {"Zephyra CEO Mara Quell said growth was strong.", "company:zephyra person:mara quell"},
      {"Jane Quill, chief executive of Zorvex, said sales rose.",
       "person:jane quill company:zorvex"},
      {"The Berlin-based company Veltrana hired staff.", "company:veltrana"},
      {"Zorvex Corp said on Monday. Later, Zorvex said more.", "company:zorvex"},
  });
}

TEST_CASE("rules find people the gazetteer lacks") {
  check_table({
      {"says Daniel Garry, a cardiologist who leads a chimera project.", "person:daniel garry"},
      {"NIH ethicist David Resnik said during the meeting.", "person:david resnik"},
      {"Hiromitsu Nakauchi, a stem-cell biologist at Stanford, began.",
       "person:hiromitsu nakauchi"},
      {"The company’s chief executive Takashi Nishioka took over.", "person:takashi nishioka"},
      {"Juan Carlos Izpisua Belmonte of the Salk Institute showed data.",
       "person:juan carlos izpisua belmonte"},
      {"Political commentator Jan Wolkowicz dismissed it; Wolkowicz later said more.",
       "person:jan wolkowicz"},
      {"Mr Kilroy-Silk said; Robert Kilroy-Silk is an MEP.", "person:robert kilroy-silk"},
  });
  // A surname alone after the full name maps to the full key.
  std::vector<std::string> keys;
  for (const Entity& e : extractor().extract("Daniel Garry leads it. Garry says pigs help."))
    if (e.kind == EntityKind::person) keys.push_back(e.key);
  CHECK(keys == std::vector<std::string>{"daniel garry", "daniel garry"});
}

TEST_CASE("lone surnames: full key only when the full name is in the document") {
  check_table({
      {"It is due to Trump's thoughtless tax cut policy.", "person:trump"},
      {"Nadella said the deal was good.", "person:nadella"},
      {"Satya Nadella spoke first. Later Nadella said the deal was good.", "person:satya nadella"},
      {"President Biden signed it.", "person:biden"},
      {"Tim Cook took the stage. Cook said the iPhone sold well.",
       "person:tim cook product:iphone"},
      {"Let it cook. Cook the rice.", ""},
  });
}

TEST_CASE("negatives: sentence starts, headings and page chrome") {
  check_table({
      {"The Transition from Exclusivity to Broader Partnerships\nThe announcement came.", ""},
      {"Share on Facebook Share on X Share on LinkedIn", ""},
      {"Follow us on Twitter and like us on Facebook.", ""},
      {"Featured Topics Newsletters Events Podcasts Featured Topics", ""},
      {"Sign up for our Newsletter\nSubscribe Today\nLeave a Reply", ""},
      {"Facebook X Pinterest YouTube Instagram Tiktok More From", ""},
      {"Photograph: Jane Smith/Getty Images", ""},
      {"(Photo by Omar Marques/SOPA Images/LightRocket via Getty Images)", ""},
      {"VentureBeat Homepage Follow us on Facebook Follow us on X", ""},
      {"Artificial Intelligence View All AI, ML and Deep Learning Auto ML Data Labelling "
       "Synthetic Data Conversational AI NLP Text-to-Speech Security View All Data Security",
       ""},
      {"Conversational AI and Generative AI are buzzwords.", ""},
      {"Complicating the partnership landscape is the launch.", ""},
      {"Aligning with Visionary Goals\nReading Between the Lines\nEmerging Opportunities:", ""},
      {"Will Apple release it? Grace Period Ends Today.", "company:apple"},
      {"The St. Louis Cardinals won.", ""},
      // Neither "Orange" (a company) nor "Swift" (a product) alone; Taylor Swift is a listed
      // person since people.tsv grew by category (branch gaz-pp).
      {"Orange County officials and Taylor Swift fans.", "person:taylor swift"},
  });
}

TEST_CASE("numbers are merged with names without overlaps") {
  const std::string text =
      "Microsoft made a $1 billion investment in OpenAI in 2019; AWS holds a 34% share, "
      "followed by Microsoft Azure at 21%.";
  const auto ents = extractor().extract(text);
  for (std::size_t i = 1; i < ents.size(); ++i) {
    CHECK(ents[i - 1].begin <= ents[i].begin);
    CHECK(ents[i - 1].end <= ents[i].begin);
  }
  std::set<std::string> got;
  for (const Entity& e : ents) got.insert(std::string(to_string(e.kind)) + ":" + e.key);
  for (const char* want : {"company:microsoft", "company:openai", "company:amazon web services",
                           "product:azure", "money:USD:1000000000", "percent:34", "percent:21"}) {
    CAPTURE(want);
    CHECK(got.count(want) == 1);
  }
  for (const Entity& e : ents) CHECK(text.substr(e.begin, e.end - e.begin) == e.text);
}

TEST_CASE("canonical_key") {
  const EntityExtractor& ex = extractor();
  CHECK(ex.canonical_key(EntityKind::company, "MSFT") == "microsoft");
  CHECK(ex.canonical_key(EntityKind::company, "$MSFT") == "microsoft");
  CHECK(ex.canonical_key(EntityKind::company, "Microsoft Corp.") == "microsoft");
  CHECK(ex.canonical_key(EntityKind::company, "microsoft’s") == "microsoft");
  // A listed company's group, as the extractor keys it; not a ticker's ("AI" is C3.ai's).
  CHECK(ex.canonical_key(EntityKind::company, "Morgan Stanley Group Inc") == "morgan stanley");
  CHECK(ex.canonical_key(EntityKind::company, "ubs group") == "ubs");
  CHECK(ex.canonical_key(EntityKind::company, "Mazda Motor Corp") == "mazda");
  // A name's own "'s" before its legal form, as the extractor keys "Brenny's Inc".
  CHECK(ex.canonical_key(EntityKind::company, "Brenny's Inc") == "brenny");
  CHECK(ex.canonical_key(EntityKind::company, "AI Group") == "ai group");
  CHECK(ex.canonical_key(EntityKind::company, "MICROSOFT") == "microsoft");
  CHECK(ex.canonical_key(EntityKind::company, "Open AI") == "openai");
  CHECK(ex.canonical_key(EntityKind::company, "Softbank") == "softbank");
  CHECK(ex.canonical_key(EntityKind::company, "Facebook") == "meta");
  CHECK(ex.canonical_key(EntityKind::company, "AWS") == "amazon web services");
  CHECK(ex.canonical_key(EntityKind::company, "Acme Corp.") == "acme");
  CHECK(ex.canonical_key(EntityKind::company, "  Foo   Bar ") == "foo bar");
  CHECK(ex.canonical_key(EntityKind::person, "sam altman") == "sam altman");
  CHECK(ex.canonical_key(EntityKind::person, "Sam Altman's") == "sam altman");
  CHECK(ex.canonical_key(EntityKind::person, "Nadella") == "satya nadella");
  CHECK(ex.canonical_key(EntityKind::person, "Jane  Doe") == "jane doe");
  CHECK(ex.canonical_key(EntityKind::product, "DALL·E") == "dall-e");
  CHECK(ex.canonical_key(EntityKind::product, "Microsoft Azure") == "azure");
  CHECK(ex.canonical_key(EntityKind::product, "word") == "microsoft word");
  CHECK(ex.canonical_key(EntityKind::product, "gpt-4") == "gpt-4");
}

TEST_CASE("protected words") {
  const auto& words = extractor().protected_words();
  CHECK(std::is_sorted(words.begin(), words.end()));
  CHECK(std::adjacent_find(words.begin(), words.end()) == words.end());
  for (const char* w : {"windows", "azure", "teams", "microsoft", "oracle"}) {
    CAPTURE(w);
    CHECK(std::binary_search(words.begin(), words.end(), std::string(w)));
  }
  for (const std::string& w : words) {
    CAPTURE(w);
    CHECK(w.find(' ') == std::string::npos);
    CHECK(newsdex::detail::lower_utf8(w) == w);
  }
}

TEST_CASE("kind names") {
  for (EntityKind k : newsdex::kAllEntityKinds)
    CHECK(newsdex::parse_entity_kind(to_string(k)) == k);
  CHECK(to_string(EntityKind::company) == "company");
  CHECK(to_string(EntityKind::percent) == "percent");
  CHECK_FALSE(newsdex::parse_entity_kind("Company").has_value());
  CHECK_FALSE(newsdex::parse_entity_kind("").has_value());
}

TEST_CASE("configuration errors") {
  CHECK_THROWS_AS(EntityExtractor(newsdex::EntityOptions{"/nonexistent/gazetteer"}),
                  newsdex::ConfigError);
  {
    // The optional first-name list may be missing, but one that exists and cannot be
    // opened (here a symlink loop: ELOOP) is an error naming the file and the reason.
    namespace fs = std::filesystem;
    // Per process: two build trees may run their tests at once.
    const fs::path dir =
        fs::temp_directory_path() / ("newsdex-gaz-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* f : {"companies.tsv", "products.tsv", "people.tsv"})
      fs::copy_file(fs::path(NEWSDEX_GAZETTEER_DIR) / f, dir / f);
    CHECK_NOTHROW(EntityExtractor(newsdex::EntityOptions{dir.string()}));
    fs::create_symlink("first_names.lst", dir / "first_names.lst");
    CHECK_THROWS_WITH_AS(EntityExtractor(newsdex::EntityOptions{dir.string()}),
                         doctest::Contains("first_names.lst"), newsdex::ConfigError);
    fs::remove_all(dir);
  }
  newsdex::detail::Gazetteer g;
  CHECK_THROWS_AS(g.parse_tsv(EntityKind::company, "only-one-column\n", "test.tsv"),
                  newsdex::ConfigError);
  // Comments, blank lines, CRLF and repeated keys are fine.
  newsdex::detail::Gazetteer h;
  h.parse_tsv(EntityKind::company, "# c\n\nacme\tAcme\tAcme Corp.\r\nacme\tAcme\tACME\n", "t");
  h.finish();
  CHECK(h.count(EntityKind::company) == 1);
  CHECK(h.find_name(EntityKind::company, "acme corp.") == 0);
}

TEST_CASE("gazetteer data") {
  newsdex::detail::Gazetteer g;
  g.load_dir(NEWSDEX_GAZETTEER_DIR);
  CHECK(g.count(EntityKind::company) >= 300);
  CHECK(g.count(EntityKind::person) >= 150);
  CHECK(g.count(EntityKind::product) >= 200);
  CHECK(g.is_first_name("Daniel"));
  for (const std::string& c : g.conflicts()) {
    CAPTURE(c);
    CHECK_MESSAGE(false, "alias claimed by two entries");
  }
  // Keys are lower-case and every entry has its label as an alias.
  for (std::size_t i = 0; i < g.entry_count(); ++i) {
    const auto& e = g.entry(static_cast<std::uint32_t>(i));
    CAPTURE(e.key);
    CHECK(e.key == newsdex::detail::lower_utf8(e.key));
    CHECK(g.find_name(e.kind, e.label) >= 0);
  }
}

TEST_CASE("seed articles") {
  struct Seed {
    const char* file;
    const char* companies;
    const char* people;
  };
  const Seed seeds[] = {
      {"000_c4ea8bca68074bc0.txt", "microsoft nvidia openai oracle softbank",
       "donald trump larry ellison sam altman satya nadella"},
      {"001_33af297cb036e2ea.txt", "amazon google microsoft openai oracle softbank", "trump"},
      {"002_4eb8863552187eec.txt",
       "amazon web services google cloud microsoft openai oracle softbank "
       "synergy research group techcrunch",
       ""},
      {"003_4e9636121e169030.txt", "microsoft openai softbank softbank vision fund", ""},
      {"004_02c51db9a2736ba4.txt", "amazon google ibm microsoft openai", ""},
  };
  for (const Seed& s : seeds) {
    CAPTURE(s.file);
    const std::string text = read(std::string(NEWSDEX_SEEDS_DIR) + "/" + s.file);
    REQUIRE_FALSE(text.empty());
    std::set<std::string> co, pe;
    for (const Entity& e : extractor().extract(text)) {
      if (e.kind == EntityKind::company) co.insert(e.key);
      if (e.kind == EntityKind::person) pe.insert(e.key);
    }
    auto join = [](const std::set<std::string>& keys) {
      std::string out;
      for (const auto& k : keys) out += (out.empty() ? "" : " ") + k;
      return out;
    };
    CHECK(join(co) == s.companies);
    CHECK(join(pe) == s.people);
  }
}

TEST_CASE("robustness: invalid UTF-8, mixed scripts, long runs, huge lines") {
  const EntityExtractor& ex = extractor();
  // Invalid and truncated UTF-8 around names.
  std::string bad =
      "\xff\xfe Microsoft\xc3 said \xe2\x80 OpenAI and \xed\xa0\x80 Nvidia\xf4\x90\x80\x80 beat "
      "Apple\xe2.";
  CHECK(names(bad) == "company:microsoft company:openai company:nvidia company:apple");
  // Mixed scripts.
  CHECK(names("微软 Microsoft 与 OpenAI 合作；Яндекс и Samsung.") ==
        "company:microsoft company:openai company:samsung");
  CHECK(names("Nestlé and Telefónica signed.") == "company:nestle company:telefonica");
  // Every byte value, twice.
  std::string bytes;
  for (int round = 0; round < 2; ++round)
    for (int c = 0; c < 256; ++c) bytes.push_back(static_cast<char>(c));
  CHECK_NOTHROW(ex.extract(bytes));
  // A 5,000-character capitalised run: one giant word, then 5,000 capitalised words.
  std::string giant(5000, 'A');
  std::string words;
  for (int i = 0; i < 1000; ++i) words += "Abcd ";
  for (const std::string& t : {giant, "Acme " + giant + " Inc", words + "Inc.", words}) {
    const auto ents = ex.extract(t);
    for (const Entity& e : ents) {
      CHECK(e.text.size() <= newsdex::detail::kMaxEntityBytes);
      CHECK(e.key.size() <= newsdex::detail::kMaxEntityBytes);
    }
  }
  // A 10 MB single line mixing names, numbers and noise, handled whole (speed: bench/).
  std::string big;
  big.reserve(10u << 20);
  const char* pieces[] = {"Microsoft CEO Satya Nadella said ",
                          "$5 billion ",
                          "34% ",
                          "Zentrox Inc ",
                          "the quick brown fox ",
                          "\xff\xfe ",
                          "Jane Quill, a scientist, ",
                          "Share on Facebook ",
                          "AAAA BBBB CCCC DDDD "};
  for (std::size_t i = 0; big.size() < (10u << 20); ++i) big += pieces[i % std::size(pieces)];
  const auto ents = ex.extract(big);
  CHECK(ents.size() > 1000);
  for (std::size_t i = 1; i < ents.size(); ++i) REQUIRE(ents[i - 1].end <= ents[i].begin);
}
