// Page furniture that varies per page (issue 11, source-aware extraction): photo credits,
// runs of headlines, sign-up forms (entities/furniture.h) give no entities; author lists
// and author bios are bylines (index/source_aware.h). Every text is made up for the test;
// each rule has cases that must not fire.

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entities/furniture.h"
#include "entity_keys.h"
#include "index/source_aware.h"
#include "newsdex/entities.h"

using newsdex::Entity;
using newsdex::EntityKind;

namespace {

/// The furniture of @p text, overlapping spans merged, each as its text, joined by " | ".
std::string spans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& [b, e] : newsdex::detail::furniture_spans(text))
    if (!merged.empty() && b < merged.back().second)
      merged.back().second = std::max(merged.back().second, e);
    else
      merged.emplace_back(b, e);
  std::string out;
  for (const auto& [b, e] : merged)
    out += (out.empty() ? "" : " | ") + std::string(text.substr(b, e - b));
  return out;
}

/// A mention of @p surface (its first occurrence in @p text) as @p kind, keyed lower-case.
Entity mention(std::string_view text, std::string_view surface, EntityKind kind) {
  Entity e;
  e.kind = kind;
  e.text = std::string(surface);
  for (char c : surface) e.key.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
  e.begin = text.find(surface);
  REQUIRE(e.begin != std::string_view::npos);
  e.end = e.begin + surface.size();
  return e;
}

/// The keys left in @p ents, space-separated.
std::string keys(const std::vector<Entity>& ents) {
  std::string s;
  for (const Entity& e : ents) s += (s.empty() ? "" : ",") + e.key;
  return s;
}

}  // namespace

TEST_CASE("furniture: photo credits after a cue end at the agency") {
  CHECK(spans("Share on Flipboard Credit: Marta Quill / NurPhoto via Getty Images Big Tech is "
              "racing.") == "Credit: Marta Quill / NurPhoto via Getty Images");
  CHECK(spans("The lab in Leeds.\nPhotograph: Tomas Verrill/Reuters\nSales rose.") ==
        "Photograph: Tomas Verrill/Reuters");
  // No agency: the run of capitalised words, up to the sentence's end.
  CHECK(spans("Photo by Ines Darrow. Orbitrix said on Monday it would hire.") ==
        "Photo by Ines Darrow.");
  // A cue must be a word of its own, and prose after a cue is not a credit.
  CHECK(spans("The Photographer: a film about Quill.") == "");
  CHECK(spans("Credit: the company was slow to pay.") == "");
}

TEST_CASE("furniture: credits without a cue need `via` or `/` before the agency") {
  CHECK(spans("A robot arm in a warehouse.\nAnn Velder/Corbis via Getty Images This story is "
              "long.") == "Ann Velder/Corbis via Getty Images");
  CHECK(spans("The picture.\nJo Brant/Getty Images\nText.") == "Jo Brant/Getty Images");
  // A caption's credit line on its own.
  CHECK(spans("A caption.\nGetty Images This story is one of many.") == "Getty Images");
  // The company in prose.
  CHECK(spans("The model was sued by Getty Images in Delaware.") == "");
  CHECK(spans("Getty Images sued the startup.") == "");
}

TEST_CASE("furniture: runs of headlines, not lists in prose") {
  const std::string related =
      "He said it would ship.\nWatch Next: Orla Penn on Living with Robots Coaching Football "
      "President Dale Varga on How Machines Will Affect Jobs Rob Tilley & Sara Moon Talk "
      "Flying Cars The New Frontier of Farm Robots\nMore text here.";
  const std::string run = spans(related);
  CHECK(run.starts_with("Watch Next:"));
  CHECK(run.ends_with("Farm Robots"));
  // A line-up of speaker cards run together is no run of headlines: roles followed by "at".
  CHECK(spans("Speakers\nList of Speakers Ivana Potrel Senior Research Engineer at Quorbit Labs "
              "Europe Habib Benlarmi Full Professor at Vellum University Girmaw Tessaye Principal "
              "Research Scientist at Dorrant AI Lab Akram Zaytoun\nMore text here.") == "");
  // Fewer capitalised words than a run needs.
  CHECK(spans("Orla Penn on Living with Robots and Farm Machines Today") == "");
  // A list in prose: commas (or semicolons) every few names.
  CHECK(spans("Guests included Orla Penn, Dale Varga, Rob Tilley, Sara Moon, Ted Ruiz, Amy Lo, "
              "Kai Moss, and Lee Park of Varga Robotics.") == "");
  CHECK(spans("Roblox CEO Dale Varga; Gumi CEO Rob Tilley; Schell CEO Sara Moon; Fable CEO Amy "
              "Lo; Nvidia VP Ted Ruiz.") == "");
  // Wire copy in capitals is no run of headlines.
  CHECK(spans("OIL MINISTER RILWANU LUKMAN SAID OPEC WOULD MEET IN VIENNA NEXT WEEK TO REVIEW "
              "THE OUTPUT CEILING AND THE PRICE OF CRUDE") == "");
  // A run stops at a line break: the title above the page's menu keeps its names.
  CHECK(spans("Orbitrix Buys Kelvane\n\nHome News Gear Science Security Culture Ideas Business "
              "Podcasts Video Events Jobs Coupons Newsletters Magazine Store Deals Reviews Games "
              "Health Travel Money Sports") ==
        "Home News Gear Science Security Culture Ideas "
        "Business Podcasts Video Events Jobs Coupons "
        "Newsletters Magazine Store Deals Reviews Games "
        "Health Travel Money Sports");
  // Prose with many capitalised words: a semicolon or a sentence's end ends a run.
  CHECK(spans("Others include Ann Lee of Sugar Foods; Tom Ray of Harbour Seafood Processors and "
              "First Choice Foods; Ed Pike of Commodity Manager and Private Label Distribution; "
              "Bo Tran of Basic American Foods and Al Moss.") == "");
  CHECK(spans("Talks were held in Edinburgh, Wales Secretary Peter Hale and Welsh First Minister "
              "Rhod Morgan in Cardiff and Northern Ireland Minister Jon Sprat in Belfast. The "
              "Government Said Nothing More About It") == "");
}

TEST_CASE("furniture: a byline's bio line") {
  const std::string verge =
      "Chatbot ends\n\nBy Tom Wirral , a senior editor covering Orbitrix, games, and tech. He "
      "founded OrbNews before joining Gadgetry in 2012.\n| Share this story Orbitrix said so.";
  CHECK(spans(verge) ==
        "By Tom Wirral , a senior editor covering Orbitrix, games, and tech. He founded OrbNews "
        "before joining Gadgetry in 2012.");
  CHECK(spans("Title\n\nBy Ana Pell, an investigations editor covering chips.\nText.") ==
        "By Ana Pell, an investigations editor covering chips.");
  // A byline without a bio, and a sentence that starts with `By`.
  CHECK(spans("Title\n\nBy Ana Pell\nOrbitrix, a chip maker, grew.") == "");
  CHECK(spans("Title\n\nBy March, a reporter at Orbitrix had quit.") == "");
}

TEST_CASE("furniture: an author box, a writer's sentence and what they cover") {
  CHECK(spans("Title\n\nThe phone sold well. Elena is a tech reporter at Gadgetry. She covers "
              "Orbitrix and digital trends. She studied history.") ==
        "Elena is a tech reporter at Gadgetry. She covers Orbitrix and digital trends");
  // Not a writer, or not what they cover: the article's own text.
  CHECK(spans("Title\n\nMara is a chip designer at Orbitrix. She covers the night shift.") == "");
  CHECK(spans("Title\n\nElena is a tech reporter at Gadgetry. She said Orbitrix grew.") == "");
}

TEST_CASE("furniture: an author's bio at the page's end") {
  const std::string body(400, 'x');
  const std::string page = "Chips\n\nOrbitrix said sales rose. " + body +
                           "\nTopics Chips Ivo Marren was Gadgetry's Tech Editor from 2011. He "
                           "has been featured on Quorbit News and Vellum TV.\nSubscribe";
  CHECK(spans(page) ==
        "Chips Ivo Marren was Gadgetry's Tech Editor from 2011. He has been featured on Quorbit "
        "News and Vellum TV.");
  // Not a bio: no writer's role, or early in the text (an article about a journalist).
  CHECK(spans("Chips\n\n" + body + "\nIvo Marren was Gadgetry's chief chip designer.") == "");
  CHECK(spans("Chips\n\nIvo Marren is a reporter at Gadgetry who broke the story. " + body + body +
              body + body + body + body + body + body) == "");
}

TEST_CASE("furniture: sign-up forms and the mentions drop_furniture removes") {
  const std::string text =
      "Orbitrix grew.\nFollow us I accept Orbitrix's Terms and Conditions and Orbitrix's "
      "Privacy Policy.";
  CHECK(spans(text) == "Orbitrix's Terms | Orbitrix's Privacy Policy");
  std::vector<Entity> ents{mention(text, "Orbitrix", EntityKind::company)};
  Entity form = mention(text, "Orbitrix's Terms", EntityKind::company);
  form.end = form.begin + 8;
  ents.push_back(form);
  newsdex::detail::drop_furniture(text, ents);
  REQUIRE(ents.size() == 1);
  CHECK(ents[0].begin == 0);  // the prose mention stays
}

TEST_CASE("bylines: an author list after an `Authors` heading, unknown names between") {
  const std::string text =
      "Spam filters\n\nWe trained a model. Jack Sorel helped.\nAuthors Rina Fold Josh Tabin "
      "Jack Sorel Alex Rey Research Overview";
  std::vector<Entity> ents{mention(text, "Jack Sorel", EntityKind::person),
                           mention(text, "Alex Rey", EntityKind::person)};
  ents.push_back(ents[0]);
  ents[2].begin = text.rfind("Jack Sorel");
  ents[2].end = ents[2].begin + 10;
  std::swap(ents[1], ents[2]);
  newsdex::detail::drop_source_entities(text, {}, ents);
  CHECK(keys(ents) == "");  // both authors, with their mention in the text
  // No heading at the line's start: people of the article.
  const std::string prose = "Spam\n\nThe Authors Guild sued. Jack Sorel and Alex Rey spoke.";
  std::vector<Entity> kept{mention(prose, "Jack Sorel", EntityKind::person),
                           mention(prose, "Alex Rey", EntityKind::person)};
  newsdex::detail::drop_source_entities(prose, {}, kept);
  CHECK(keys(kept) == "jack sorel,alex rey");
}

TEST_CASE("bylines: an author's bio names the publisher") {
  const std::string text =
      "Chips\n\nNina Holt wrote about chips. Nina Holt is a senior writer at Gadgetry covering "
      "chips.";
  std::vector<Entity> ents{mention(text, "Nina Holt", EntityKind::person),
                           mention(text, "Gadgetry", EntityKind::company)};
  Entity bio = ents[0];
  bio.begin = text.rfind("Nina Holt");
  bio.end = bio.begin + 9;
  ents.insert(ents.begin() + 1, bio);
  newsdex::detail::drop_source_entities(text, {"gadgetry"}, ents);
  CHECK(keys(ents) == "");
  // Another outlet: a journalist the article is about.
  const std::string news = "Trial\n\nEvan Marsh is a reporter at The Ledger, jailed in May.";
  std::vector<Entity> kept{mention(news, "Evan Marsh", EntityKind::person),
                           mention(news, "The Ledger", EntityKind::company)};
  kept[1].key = "ledger";
  newsdex::detail::drop_source_entities(news, {"gadgetry"}, kept);
  CHECK(keys(kept) == "evan marsh,ledger");
  // A clause, not a bio's shape.
  const std::string clause =
      "Funds\n\nAri Lund is a freelance writer who covers mutual funds for Gadgetry.";
  std::vector<Entity> also{mention(clause, "Ari Lund", EntityKind::person),
                           mention(clause, "Gadgetry", EntityKind::company)};
  newsdex::detail::drop_source_entities(clause, {"gadgetry"}, also);
  CHECK(keys(also) == "ari lund");
}

TEST_CASE("furniture: the extractor drops what furniture names") {
  const auto& ex = newsdex::test::gazetteer_extractor();
  const std::string text =
      "Chips news\n\nMicrosoft said sales rose.\nCredit: Dana Wick / NurPhoto via Getty "
      "Images";
  bool wick = false, microsoft = false;
  for (const Entity& e : ex.extract(text)) {
    wick = wick || e.key.find("wick") != std::string::npos;
    microsoft = microsoft || e.key == "microsoft";
  }
  CHECK(microsoft);
  CHECK_FALSE(wick);
}
