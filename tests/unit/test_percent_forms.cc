// Percent forms of issue 11's sixth round (entities/numeric/percent.cc): British "pc",
// hyphenated adjectives, fractions of one percent, "5 1/2 pct", ranges of two "%" values.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "entities/numeric.h"
#include "newsdex/entities.h"

namespace {

/// "key@surface" of every percentage found in @p text, in order.
std::vector<std::string> percents(std::string_view text) {
  std::vector<newsdex::Entity> out;
  newsdex::detail::find_percent(text, out);
  std::vector<std::string> r;
  for (const newsdex::Entity& e : out) {
    CHECK(e.kind == newsdex::EntityKind::percent);
    REQUIRE(e.end <= text.size());
    CHECK(text.substr(e.begin, e.end - e.begin) == e.text);
    r.push_back(e.key + "@" + e.text);
  }
  return r;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("percent forms: British pc, glued to the number and in lower case") {
  CHECK(percents("The fund took a 12pc holding last spring.") == V{"12@12pc"});
  CHECK(percents("Prices climbed 3.5pc in May, then 4pc.") == V{"3.5@3.5pc", "4@4pc"});
  // Pieces, computers and capitals are not percentages.
  CHECK(percents("We shipped 40pcs and 12 PCs; model 7PC.").empty());
}

TEST_CASE("percent forms: a hyphenated adjective") {
  CHECK(percents("a 49-pct-owned affiliate") == V{"49@49-pct"});
  CHECK(percents("its 20-percent share and a 3-percentage-point lead") ==
        V{"20@20-percent", "3@3-percentage-point"});
  CHECK(percents("the 2-person team").empty());
}

TEST_CASE("percent forms: fractions of one percent") {
  CHECK(percents("Rates rose half a percentage point.") == V{"0.5@half a percentage point"});
  CHECK(percents("It cut a quarter of a percent off.") == V{"0.25@a quarter of a percent"});
  CHECK(percents("up three-quarters of one per cent") == V{"0.75@three-quarters of one per cent"});
  CHECK(percents("a half percentage point cut") == V{"0.5@a half percentage point"});
  // A fraction of something else is no percentage (the guidelines' "half").
  CHECK(percents("half of the voters and a quarter of a mile").empty());
  CHECK(percents("nine percentage points") == V{"9@nine percentage points"});
}

TEST_CASE("percent forms: a whole number before a fraction") {
  CHECK(percents("a coupon of 7 3/4 pct") == V{"7.75@7 3/4 pct"});
  CHECK(percents("yields 8-1/4 pct and 1/2 pct") == V{"8.25@8-1/4 pct", "0.5@1/2 pct"});
}

TEST_CASE("percent forms: a range of two percent signs is not a negative") {
  CHECK(percents("growth of 6%-8% a year") == V{"6@6%", "8@8%"});
  CHECK(percents("a fall of -3% then") == V{"-3@-3%"});
}
