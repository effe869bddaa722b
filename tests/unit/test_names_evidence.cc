// Companies and people that no gazetteer list holds, recognised from evidence in the text
// (entities/names/scan_org.cc, issue 11), and the percentages found from their unit
// (number words, fractions, ranges). Every sentence is made up for the test; each rule has
// positive and negative cases.

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "entities/numeric.h"
#include "entity_keys.h"
#include "newsdex/entities.h"

using newsdex::Entity;
using newsdex::EntityKind;

namespace {

const newsdex::EntityExtractor& ex() { return newsdex::test::gazetteer_extractor(); }

/// The distinct "kind:key" of the companies and people found, in order of first mention.
std::string found(const std::string& text) {
  std::string out;
  std::set<std::string> seen;
  for (const Entity& e : ex().extract(text)) {
    if (e.kind != EntityKind::company && e.kind != EntityKind::person) continue;
    std::string item = std::string(to_string(e.kind)) + ":" + e.key;
    if (!seen.insert(item).second) continue;
    out += (out.empty() ? "" : " ") + item;
  }
  return out;
}

void expect(const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [text, want] : cases) {
    CAPTURE(text);
    CHECK(found(text) == want);
  }
}

std::string percents(const std::string& text) {
  std::vector<Entity> out;
  newsdex::detail::find_percent(text, out);
  std::string s;
  for (const Entity& e : out) s += (s.empty() ? "" : " ") + e.key;
  return s;
}

}  // namespace

TEST_CASE("organisation words end a company name") {
  expect({
      {"Shares of regional lender Quillfeather Bancorp rose on the news.",
       "company:quillfeather bancorp"},
      {"The deal was arranged by Ostrander Brokerage Service, the unit said.",
       "company:ostrander brokerage service"},
      {"Brokers said Tamsworth Capital Markets bought the bonds.",
       "company:tamsworth capital markets"},
      {"Steel makers such as Korvanu Holdings gained.", "company:korvanu holdings"},
      {"It was a bad week in Northern Airways' history.", "company:northern airways"},
      {"Northern Media said nothing.", ""},
      // Negatives: public bodies, ordinary words, a person before the word.
      {"The Reserve Bank said deposits rose.", ""},
      {"The World Bank approved the loan.", ""},
      {"The Social Media team met on Monday.", ""},
  });
}

TEST_CASE("a gazetteer name extended by a unit or a legal suffix") {
  // "Nomura" is in the gazetteer; the named unit gets its own key, the parent keeps its own.
  expect({
      {"The bonds were led by Nomura International Ltd. Nomura said demand was strong.",
       "company:nomura international company:nomura"},
      {"Nomura said demand was strong.", "company:nomura"},
  });
}

TEST_CASE("newswire tickers and bracketed names") {
  expect({
      {"ZENTRIQUA CORP <ZNQ> YEAR NET\n\nZentriqua Corp said its net income rose.",
       "company:zentriqua"},
      {"It bought the loans from Pellham Savings Federal <PSF.O>.",
       "company:pellham savings federal"},
      {"<Dorwick and Hale Ltd> said it would buy the plant.", "company:dorwick and hale"},
      {"U.S. TROOPS GET COST-OF-LIVING INCREASE\n\nThe rise was small.", ""},
      // A listed person's lone surname (Ray Kurzweil's) opening the headline's company.
      {"KURZWEIL PIANO WORKS INC <KPW> 4TH QTR LOSS\n\nShr loss 21 cts vs loss 29 cts",
       "company:kurzweil piano works"},
      {"KURZWEIL SAID TO PLAN BOOK\n\nThe book is due in May.", "person:kurzweil"},
  });
}

TEST_CASE("X & Y names and X.com names") {
  expect({
      {"The buyout firm Brannock Velte & Rusk agreed to pay.", "company:brannock velte & rusk"},
      {"Listings site Flatfinder.com was sold on Friday.", "company:flatfinder.com"},
      {"Our Love & Sex section is popular.", ""},
      {"Write to jane@Example.com for details.", ""},
  });
}

TEST_CASE("credited outlets") {
  expect({
      {"Metals slide hits miners (Reuters)\n\nReuters - Metal prices fell.", "company:reuters"},
      {"BALTIMORE (AP) -- A patient said the pain eased.", "company:associated press"},
      {"The law expires on Sunday.\nSource: Quillpost", "company:quillpost"},
      {"Posted by a blogger 2:10 pm (PDT)\n\nThe servers launched.", ""},
      {"How machine learning helps (Infographic)\n\nIt helps.", ""},
  });
}

TEST_CASE("company cue patterns") {
  expect({
      {"Investors sold shares of Halvorsen Dyer after the call.", "company:halvorsen dyer"},
      {"Dravonic's chief executive resigned.", "company:dravonic"},
      {"Analysts at Kestrelbrook expect a loss.", "company:kestrelbrook"},
      {"Mobiquant said in a statement that sales fell.", "company:mobiquant"},
      // Negatives: a person's possessive, a person's statement.
      {"Maria Lopez's chief concern is cost.", "person:maria lopez"},
      {"Helen Marsh said in a statement that she would stay.", "person:helen marsh"},
  });
}

TEST_CASE("lists of companies") {
  expect({
      {"Speakers come from Google, Amazon, Pinterest, Zorblax and Quintara.",
       "company:google company:amazon company:pinterest company:zorblax company:quintara"},
      {"Retailers such as Brindle Home and Peltmark cut prices.",
       "company:brindle home company:peltmark"},
      // Not a company list: places and people.
      {"She visited Paris, Berlin and Madrid.", ""},
      // Teaser lead-ins are not part of a name.
      {"Guest Press Release Quorvex Dynamics said it will hire 40 engineers this year.",
       "company:quorvex dynamics"},
  });
}

TEST_CASE("people: cues, particles, parties, places and works are not people") {
  expect({
      {"Dutch columnist Theo van Gogh was killed.", "person:theo van gogh"},
      {"Garrett Van Wagoner, the fund manager, agreed to settle.", "person:garrett van wagoner"},
      {"Dana Kovac (R-Ohio) blocked the bill. Kovac said it was unfair.", "person:dana kovac"},
      {"Fans queued for the Harry Potter books on Friday.", ""},
      {"The office in Ann Arbor, Mich., will close.", ""},
      {"Watch us play Tony Hawk Pro Skater 5. We played Tony Hawk for hours.", ""},
      {"IBM Says Swamps Rivals in Test", "company:ibm"},
  });
}

TEST_CASE("one decision per document") {
  expect({
      // The all-capital headline's short name takes the key of the full name.
      {"TARNOW MIDLAND <TMB> BUYS BROKER\n\nTarnow Midland Banks Inc said it bought a "
       "broker.",
       "company:tarnow midland banks"},
      // A person-like short name of a company named in full.
      {"Ardley Hutchins Asset Management Inc raised its stake. Ardley Hutchins said it "
       "bought more.",
       "company:ardley hutchins asset management"},
      // A news agency is not a person.
      {"Prensa Latina said the credit line was agreed.", ""},
      // The headline names the company; the story says it in full.
      {"MOODY'S MAY DOWNGRADE PELLINOR <PLN> DEBT\n\nMoody's said it may downgrade "
       "Pellinor Inc's debt.",
       "company:moody's company:pellinor"},
      // A bracketed name in full, a weak cue on a person's surname.
      {"<Orsini and Blake and Co> hired Anna Keplova. Keplova said in a statement she was "
       "glad.",
       "company:orsini and blake person:anna keplova"},
  });
}

TEST_CASE("percentages from their unit: words, fractions, ranges") {
  CHECK(percents("a coupon of 2-1/4 pct and 1/2 pct") == "2.25 0.5");
  CHECK(percents("rose five pct, then seventeen pct, then twenty-five percent") == "5 17 25");
  CHECK(percents("between 10 and 20 per cent") == "20 10");
  CHECK(percents("from 40 to 70 pct") == "70 40");
  // Not percentages: a year before "and", a word that is not a number, a bare fraction.
  CHECK(percents("in 1987 and 20 pct") == "20");
  CHECK(percents("several pct and 3/4 of the shares") == "");
  CHECK(percents("some 5/3 pct") == "");
}

TEST_CASE("money keeps the cents of priced amounts and the decimals of sub-units") {
  std::vector<Entity> out;
  newsdex::detail::find_money("rose 1.70 dlrs a share; copper at 62.05 cents; 17 cents", out);
  std::string keys;
  for (const Entity& e : out) keys += (keys.empty() ? "" : " ") + e.key;
  CHECK(keys == "USD:1.7 USD:0.6205 USD:0.17");
}
