// Entity decisions that take the whole document into account (issue 11): the franc a bare
// "francs" means, vague amounts in words, and short company names that stand for a longer
// name of the same document. Every sentence is made up for the test; each rule has positive
// and negative cases.

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "entities/names.h"
#include "entities/numeric.h"
#include "entity_keys.h"
#include "index/source_aware.h"
#include "newsdex/entities.h"

using newsdex::Entity;
using newsdex::EntityKind;

namespace {

/// The money keys find_money() gives, space-separated, in text order.
std::string money(const std::string& text) {
  std::vector<Entity> out;
  newsdex::detail::find_money(text, out);
  std::string s;
  for (const Entity& e : out) s += (s.empty() ? "" : " ") + e.key;
  return s;
}

}  // namespace

TEST_CASE("money: a bare franc takes the one country the document names") {
  CHECK(money("The Brussels maker lost 42 mln francs last year.") == "BEF:42000000");
  CHECK(money("Banque Nouvelle de Paris will lead the 300 mln franc issue.") == "FRF:300000000");
  CHECK(money("A Zurich insurer paid 12.5 francs a share.") == "CHF:12.5");
  CHECK(money("Tillemans SA <TLMN.BR> earned 9 mln francs.") == "BEF:9000000");
  CHECK(money("The 250 mln-franc tranche was sold in Paris.") == "FRF:250000000");
  // No country, or two: no amount (the guidelines give no currency to guess).
  CHECK(money("The group lost 42 mln francs last year.").empty());
  CHECK(money("Paris and Geneva banks shared 42 mln francs.").empty());
  // A qualifier still wins over the document's country.
  CHECK(money("The Paris firm paid 8 mln Swiss francs.") == "CHF:8000000");
  // "Francs" in a name is no currency.
  CHECK(money("Paris: 3 Francs Bourgeois shops closed.").empty());
}

TEST_CASE("money: rand after a number, priced or scaled") {
  CHECK(money("Gold was valued at 612.40 rand an ounce.") == "ZAR:612.4");
  CHECK(money("Reserves rose 80 mln rand.") == "ZAR:80000000");
  CHECK(money("He scored 3 Rand points.").empty());
}

TEST_CASE("money: vague amounts in words are skipped") {
  CHECK(money("It cost the bank several hundred thousand dollars.").empty());
  CHECK(money("a few million dollars were lost").empty());
  CHECK(money("It cost the bank two hundred thousand dollars.") == "USD:200000");
  CHECK(money("It cost half a million dollars.") == "USD:500000");
}

namespace {

using newsdex::test::companies;
using newsdex::test::keys_found;

std::string people_found(const std::string& text) { return keys_found(text, EntityKind::person); }

}  // namespace

TEST_CASE("money: a bare dollar takes the one other dollar the document names") {
  CHECK(money("The Toronto miner earned 282 mln Canadian dlrs, up from 278 mln dlrs.") ==
        "CAD:282000000 CAD:278000000");
  CHECK(money("Shares closed at 15.50 H.K. Dlrs, up 40 cents on the day.") == "HKD:15.5 HKD:0.4");
  // The U.S. dollar named too, or no other dollar: a bare dollar is the U.S. one.
  CHECK(money("It sold 50 mln Australian dlrs of bonds and 20 mln U.S. dlrs of notes; fees "
              "were 2 mln dlrs.") == "AUD:50000000 USD:20000000 USD:2000000");
  CHECK(money("Net profit was 5 mln dlrs, or 12 cts a share.") == "USD:5000000 USD:0.12");
  // Two other dollars: no telling which.
  CHECK(money("It raised 10 mln Canadian dlrs and 8 mln Australian dlrs; costs were 1 mln "
              "dlrs.") == "CAD:10000000 AUD:8000000 USD:1000000");
}

TEST_CASE("companies: a Romance organisation head starts a name") {
  CHECK(companies("The loan was led by Banque Fontenelle de Lyon, the bank said.") ==
        "banque fontenelle de lyon");
  CHECK(companies("Banco Pardal Atlantico and Banque d'Escompte et de Gestion SA shared it.") ==
        "banco pardal atlantico | banque d'escompte et de gestion");
  CHECK(companies("She opened a banque account in the town.").empty());
  CHECK(companies("The word Banque alone is no name.").empty());
}

TEST_CASE("companies: a name wrapped at a fixed-width line break stays one name") {
  // Newswire copy wrapped near 70 columns: the unit word is on the next line.
  CHECK(companies("The bonds were priced at par and placed by the lead manager Nomura\n"
                  "International Ltd, the issuer said on Tuesday.") == "nomura international");
  // A short line (a list, a menu) ends the name.
  CHECK(companies("Brokers:\nNomura\nInternational news") == "nomura");
}

TEST_CASE("companies: a headline name of ordinary words the story gives with a suffix") {
  CHECK(companies("SUMMIT ENERGY <SUM> EXTENDS OFFER\n\nSummit Energy Inc said it extended "
                  "the offer.") == "summit energy");
  // The story never gives it a legal suffix: ordinary words stay out.
  CHECK(companies("NORTH AMERICA <NAX> SALES RISE\n\nSales in North America rose.").empty());
  // A unit's country is no name ("Ortan Motor Co of Canada Ltd" for CANADA).
  CHECK(companies("ORTAN CANADA <OC> NET\n\nOrtan Motor Co of Canada Ltd said net fell.")
            .find("canada") == std::string::npos);
  // The tail of a longer name is not the name ("Velto Industries Inc" for INDUSTRIES).
  CHECK(companies("VELTO INDUSTRIES <VLT> NET\n\nVelto Industries Inc said net rose.") ==
        "velto industries");
}

TEST_CASE("bylines: a writer's role after By, an Authors list") {
  auto people = [](const std::string& text) {
    std::vector<Entity> ents = newsdex::test::gazetteer_extractor().extract(text);
    newsdex::detail::drop_source_entities(text, {}, ents);
    std::string out;
    std::set<std::string> seen;
    for (const Entity& e : ents)
      if (e.kind == EntityKind::person && seen.insert(e.key).second)
        out += (out.empty() ? "" : " | ") + e.key;
    return out;
  };
  CHECK(people("Phone recall\n\nBy guest contributor Marta Quillon. The maker, said Tomas "
               "Brandt, will replace the batteries.") == "tomas brandt");
  {
    // A byline without "By", right before the page's share bar.
    const std::string shared =
        "Search deal\n\nGoogle buys a start-up Helen Okafor Share on Facebook Share on X\nThe "
        "deal, said Tomas Brandt, closed.";
    auto at = [&](const std::string& name) {
      const std::size_t b = shared.find(name);
      return Entity{EntityKind::person, newsdex::detail::lower_utf8(name), name, b,
                    b + name.size()};
    };
    std::vector<Entity> ents{at("Helen Okafor"), at("Tomas Brandt")};
    newsdex::detail::drop_source_entities(shared, {}, ents);
    REQUIRE(ents.size() == 1);
    CHECK(ents[0].key == "tomas brandt");
  }
  CHECK(people("Spam finder\n\nThe detector works, said Helen Okafor.\nAuthors Rachel Fong "
               "Jonas Verlaine\nResearch Overview") == "helen okafor");
  // A wire story's credits: reporters (each after their city) and editors.
  CHECK(people("Chip deal\n\nThe deal closed, said Helen Okafor. (Reporting by Tina Marlow in "
               "New York and Rama Venkat in Bengaluru; Editing by Simon Carrow-Moore)") ==
        "helen okafor");
  CHECK(people("Chip deal\n\nThe deal closed, said Helen Okafor.\nAdditional reporting by Ivo "
               "Marren; Writing by Lena Okonkwo") == "helen okafor");
  // "Story by" anywhere on a line: the page's author line.
  CHECK(people("Flood alerts\n\nThe tool warns people early, said Helen Okafor. Story by Ivo "
               "Marren Ivo covers policy.") == "helen okafor");
  // A picture credit ("Name/Agency"), a signature with a writer's title, a tips address.
  CHECK(people("Chip news\n\nBy Lena Okonkwo archive page Ivo Marren/MITTR | Getty The chip, "
               "said Helen Okafor, is fast.") == "helen okafor");
  CHECK(people("Chip news\n\nThe chip is fast, said Helen Okafor.\nThanks for reading, Ivo Marren "
               "Senior AI Staff Writer") == "helen okafor");
  CHECK(people("Chip news\n\nThe chip is fast, said Helen Okafor. For AI coverage, send news "
               "tips to Ivo Marren.") == "helen okafor");
  CHECK(people("Chip news\n\nThe chip is fast, Helen Okafor told staff writer Ivo Marren.") ==
        "helen okafor");
  // Not a signature: a writer quoted in the story, after a comma.
  CHECK(people("Chip news\n\nThe chip is fast, said Ivo Marren, a senior writer, and Helen "
               "Okafor.") == "ivo marren | helen okafor");
  // Prose: "By late afternoon" is no byline.
  const std::string prose =
      "Talks\n\nBy late afternoon Mr. Tomas Brandt had left, said Helen Okafor.";
  REQUIRE(newsdex::test::gazetteer_extractor().extract(prose).size() >= 2);
  CHECK(people(prose) == "tomas brandt | helen okafor");
}

TEST_CASE("companies: legal forms, initials and an own 's before the suffix") {
  // Legal forms of Germany, Italy, Finland, Singapore; the form is no part of the key.
  CHECK(companies("Applied chemicals group Halvorn KGaA said it is selling a unit.") == "halvorn");
  CHECK(companies("Finanziaria Di Vellano Spa said shareholders approved the dividend.") ==
        "finanziaria di vellano");
  CHECK(companies("Brondel GMBH of West Germany joined the group.") == "brondel");
  CHECK(companies("The group Kestava Oy said it will close a refinery.") == "kestava");
  // A connector of another language inside the name.
  CHECK(companies("It sold its unit Noblen und Tharl GmbH to a rival.") == "noblen und tharl");
  // Initials belong to the name ("A.H. Belo Corp"), the leading "A" included.
  CHECK(companies("Filing\n\nE.J. Quenby Holdings Ltd said the filing would not matter.") ==
        "e.j. quenby holdings");
  CHECK(companies("A.H. Tolvane Co said its board met.") == "a.h. tolvane");
  // An "'s" right before the suffix is the name's own; a place's possessive is not.
  CHECK(companies("Brenny's Inc said it filed for protection.") == "brenny");
  // One key for the name with its suffix and for its mentions after.
  CHECK(companies("Brenny's Inc filed. Brenny's said it would pay.") == "brenny");
  CHECK(companies("Finland's Kestava Oy said it will close a refinery.") == "kestava");
  // "Spa" joins no list: two banks, the second with its form.
  CHECK(companies("The banks are Banca di Vellano and Orbica Spa.").find("vellano and") ==
        std::string::npos);
  CHECK(companies("The banks are Banca di Vellano and Orbica SPA.").find("vellano and") ==
        std::string::npos);
}

TEST_CASE("companies: words, Bank of and a place name a bank, central banks do not") {
  CHECK(companies("Brenlow National Bank of Tarrow said it raised its prime rate.") ==
        "brenlow national bank of tarrow");
  CHECK(companies("The Quenby Bank of Mallory said profits rose.") == "quenby bank of mallory");
  CHECK(companies("Shares of Vellano Savings Bank of New Orvik rose.") ==
        "vellano savings bank of new orvik");
  // The legal form and a branch are no part of the name; "St." is.
  CHECK(companies("Ostrel Bank of Tarrow Ltd lead managed the issue.") == "ostrel bank of tarrow");
  CHECK(companies("Quenby Federal Bank of Tarrow F.S.B. said it was sold.") ==
        "quenby federal bank of tarrow");
  CHECK(companies("It repaid its debt to First Harrow Bank of St. Orvik last week.") ==
        "first harrow bank of st. orvik");
  // Central banks and other banks are no companies; nor is "Bank of" a country alone (a
  // place that is no country makes a bank: test_entity_company4.cc).
  CHECK(companies("The National Bank of Hungary cut its rate.").empty());
  CHECK(companies("The State Bank of Pakistan said reserves fell.").empty());
  CHECK(companies("The Reserve Bank of Tarrow said reserves fell.").empty());
  CHECK(companies("The Bank of Ghana said reserves fell.").empty());
  CHECK(companies("Volunteers at the Food Bank of Tarrow said demand rose.").empty());
  // A listed bank's name inside a public bank's name is not that bank.
  CHECK(companies("The Federal Reserve Bank of New York said reserves fell.").empty());
  // A holding company and its bank are two companies: the short name is not the bank's.
  const std::string held = " | " +
                           companies(
                               "KELVAR UNION <KVU> BUYS LENDER\n\nIts Kelvar Union Bank of "
                               "Tarrow unit bought a lender.") +
                           " | ";
  CHECK(held.find(" | kelvar union | ") != std::string::npos);
  CHECK(held.find(" | kelvar union bank of tarrow | ") != std::string::npos);
}

TEST_CASE("companies: an outlet named by an ordinary word, credited as a source") {
  CHECK(companies("The chip is late, according to Variety.") == "variety");
  CHECK(companies("Its founder told Quartz in an interview that the chip was late.") == "quartz");
  CHECK(companies("A Vice report found the flaw in the lock.") == "vice");
  CHECK(companies("Motherboard noted that the tool was easy to use.") == "motherboard");
  CHECK(companies("The files, obtained by Time from the agency, show it.") == "time");
  // No credit, or a longer name: no outlet.
  CHECK(companies("It is time to act, said the Vice chairman.").empty());
  CHECK(companies("Time will tell whether the chip sells.").empty());
  CHECK(companies("Several Fortune 500 companies bought the chip.").empty());
  CHECK(companies("She told Vice President Okafor that the chip was late.").find("vice") ==
        std::string::npos);
}

TEST_CASE("companies: an abbreviation spelt out before it at a title's end is no outlet") {
  // "Artificial intelligence (AI)" at a title's end: the words before spell it.
  CHECK(companies("The inventor turned against AI | Artificial intelligence (AI)\n\nThe "
                  "scientist was there at the dawn.")
            .empty());
  // An outlet credited at a title's end still is one.
  CHECK(companies("Rocket launch set for Monday (SPACE.com)\n\nThe launch is on.") == "space.com");
}

TEST_CASE("companies: a government corporation is no company") {
  CHECK(companies("Grain\n\nThe U.S. Commodity Credit Corporation (CCC) sold wheat. The Federal "
                  "Deposit Insurance Corp said it closed a bank.")
            .empty());
  // A company named like one is still a company.
  CHECK(companies("Grain\n\nOrvale Commodity Trading Corp said it sold wheat.") ==
        "orvale commodity trading");
}

TEST_CASE("companies: an acronym before a strong organisation word starts a name") {
  CHECK(companies("Orvale news\n\nUS Airways said it will add flights.") == "us airways");
  CHECK(companies("Orvale news\n\nUK Airways Holdings said it will add flights.") ==
        "uk airways holdings");
  // Without the organisation word: no name.
  CHECK(companies("Orvale news\n\nUS carriers said they will add flights.").empty());
}

TEST_CASE("companies: a heading word the story writes only in lower case is no name") {
  // "SNAP" (Snap Inc. in the gazetteer) in a capitals heading, "snap" in the story.
  CHECK(companies("PARTY CONSIDERS SNAP POLL\n\nThe party is considering a snap poll in May.")
            .empty());
  // The story writes it capitalised too: the company.
  CHECK(companies("SNAP SHARES RISE\n\nSnap said its users grew; a snap decision followed.") ==
        "snap");
}

TEST_CASE("publisher keys: the outlet as the extractor keys its credit") {
  const auto ap = newsdex::detail::publisher_keys(newsdex::test::gazetteer_extractor(), "AP");
  CHECK(std::find(ap.begin(), ap.end(), "associated press") != ap.end());
  std::vector<Entity> ents =
      newsdex::test::gazetteer_extractor().extract("Storm news (AP)\n\nAP - The storm hit Ohio.");
  newsdex::detail::drop_source_entities("Storm news (AP)\n\nAP - The storm hit Ohio.", ap, ents);
  for (const Entity& e : ents) CHECK(e.kind != EntityKind::company);
}

TEST_CASE("people: Korean given names, Attorney General, a role then a comma") {
  CHECK(people_found("Trade news\n\nFinance Minister Yoon Sung-ho said exports rose.") ==
        "yoon sung-ho");
  CHECK(people_found("Court news\n\nThe case was opened by State Attorney General Marla Quenby "
                     "last week.") == "marla quenby");
  CHECK(people_found("Oil news\n\nThe oil minister, Tobenna Okafor, said output would fall.") ==
        "tobenna okafor");
  // A place after the comma is no person; a digit after the dash is no name.
  CHECK(people_found("Oil news\n\nThe minister, in Lagos Monday, said output would fall.").empty());
  CHECK(people_found("Car news\n\nThe Kia Sorento-x5 sold well.").empty());
  // General Motors is no title before a name.
  CHECK(people_found("Car news\n\nGeneral Motors Corp said sales rose.").empty());
}

TEST_CASE("people: a title inside a long capitalised run, before said") {
  CHECK(people_found("Trade news\n\nDeputy Prime Minister and Finance-Economy Minister Yoon "
                     "Sung-ho said Monday that exports rose.") == "yoon sung-ho");
  // A menu of capitalised words with a title in it: nothing.
  CHECK(people_found("Home News Sport Business Minister Park Ridge Weather Travel Culture\n\nThe "
                     "weather was fine.")
            .empty());
}

TEST_CASE("money: ranges give both ends, priced amounts keep their decimals") {
  CHECK(money("Spending will be in the 45-50 mln dlr range.") == "USD:45000000 USD:50000000");
  CHECK(money("It paid prices from 8.00 to 10.625 dlrs a share.") == "USD:8 USD:10.625");
  CHECK(money("Costs of 30 to 40 mln dlrs were set aside.") == "USD:30000000 USD:40000000");
  // Not a range: a year span, a count before an amount.
  CHECK(money("In 1986-87 it earned 5 mln dlrs.") == "USD:5000000");
  CHECK(money("It sold 3 to 4 cars for 12 dlrs each.") == "USD:12");
  CHECK(money("The share was 7.21 dlrs, then 1.70 dlrs.") == "USD:7.21 USD:1.7");
}

TEST_CASE("people: hyphenated given names, places ending in a place word") {
  CHECK(people_found("Exchange news\n\nExchange chief Jean-Marc Duvalle held talks on Monday.") ==
        "jean-marc duvalle");
  CHECK(people_found("Travel news\n\nVisitors to Dalia Island said the ferry was late.").empty());
  CHECK(people_found("Travel news\n\nDalia Isicoff said the ferry was late.") == "dalia isicoff");
}
