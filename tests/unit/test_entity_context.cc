// Entity decisions that take the whole document into account (issue 11): the franc a bare
// "francs" means, vague amounts in words, and short company names that stand for a longer
// name of the same document. Every sentence is made up for the test; each rule has positive
// and negative cases.

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "entities/numeric.h"
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
