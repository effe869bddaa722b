// People of the grown people.tsv (issue 11, branch gaz-pp) and where a listed lone surname
// may stand alone (entities/names/scan_surname.cc): in a headline before the headline's verb,
// at a sentence start; not before a noun of things named after people, not after a particle,
// and never for a surname the gazetteer leaves unlisted because several people, a place, a
// company or a word share it. Every text is made up for the test.

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "entity_keys.h"
#include "newsdex/entities.h"

namespace {

void expect(const std::vector<std::pair<std::string, std::string>>& cases) {
  newsdex::test::expect_keys(newsdex::EntityKind::person, cases);
}

}  // namespace

TEST_CASE("people gazetteer: politicians, executives and athletes named in full") {
  expect({
      {"Chancellor Gerhard Schroeder met Jacques Chirac in Berlin on Tuesday.",
       "gerhard schroeder|jacques chirac"},
      {"Shares rose after Mary Barra and Jamie Dimon spoke at the forum.",
       "mary barra|jamie dimon"},
      {"Iga Swiatek beat Aryna Sabalenka in the final.", "iga swiatek|aryna sabalenka"},
      // Accents and a variant spelling fold into one key.
      {"Gerhard Schröder spoke first.", "gerhard schroeder"},
      {"Vincent Cable, for the Liberal Democrats, spoke.", "vince cable"},
  });
}

TEST_CASE("people gazetteer: a distinctive lone surname in a headline or at a sentence start") {
  expect({
      {"Federer Wins Third Wimbledon Title\n\nThe Swiss beat the American in straight sets.",
       "federer"},
      {"Kudlow Backs Tariff Pause\n\nThe adviser spoke to reporters.", "kudlow"},
      {"Sarkozy said on Monday that France would act.", "sarkozy"},
      {"Nadal and Djokovic meet in the final; Nadal leads their rivalry.", "nadal|djokovic"},
      // Another person of the document with that surname is the one meant, not the listed one.
      {"Senna Suspension Upheld\n\nUEFA upheld the ban on midfielder Marcos Senna on Thursday.",
       "marcos senna"},
      // With the full name in the document, the headline's surname takes the full key.
      {"Berlusconi Vows to Fight On\n\nSilvio Berlusconi said he would stay in office.",
       "silvio berlusconi"},
  });
}

TEST_CASE("people gazetteer: where a listed name is no mention of its person") {
  expect({
      // A noun of things named after people.
      {"Thatcher Foundation Opens Archive\n\nThe papers go online next week.", ""},
      // Running text: a capitalised word after the surname makes a longer name.
      {"She joined Merkel Solar Partners in May.", ""},
      // A listed full name that names a place or an institution.
      {"He studied at Kim Il Sung University in Pyongyang.", ""},
      {"A gala at the Nelson Mandela Foundation raised funds.", ""},
      {"The ball stuck in the St James Park mud.", ""},
      // After a particle the rules key the whole name.
      {"A tape attributed to Ayman al-Zawahiri aired on Friday.", "ayman al-zawahiri"},
  });
}

TEST_CASE("people gazetteer: shared and ambiguous surnames are not listed alone") {
  expect({
      {"Bush Vows to Veto Spending Bill\n\nThe president spoke in Ohio.", ""},
      {"Clinton Speaks at Rally\n\nThousands attended.", ""},
      {"Powell Says Rates Will Hold\n\nMarkets were calm.", ""},
      {"Jordan Opens Border Crossing\n\nThe kingdom said trade would resume.", ""},
      {"Rice Prices Climb in Asia\n\nExporters held stock.", ""},
      {"Gallant Effort Falls Short\n\nThe visitors lost 2-1.", ""},
  });
}
