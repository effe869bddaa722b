// People after cues of issue 11's sixth round (entities/names/scan_person4.cc): role nouns
// of science, faith, the arts, politics and sport; plural titles and roles before a list
// of names; a name set off by commas before a speech verb; a surname spelt like a common
// word after such a cue. Every sentence is made up for the test; each rule has positive
// and negative cases.

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "entity_keys.h"
#include "newsdex/entities.h"

using newsdex::EntityKind;

namespace {

std::string people(const std::string& text) {
  return newsdex::test::keys_found(text, EntityKind::person, "|");
}

void expect(const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [text, want] : cases) {
    CAPTURE(text);
    CHECK(people(text) == want);
  }
}

}  // namespace

TEST_CASE("person4: a role noun of learning, faith, the arts or sport before a full name") {
  expect({
      {"The prize went to Dutch mathematician Wiebke Tarrant for her proof.", "wiebke tarrant"},
      {"Shia cleric Haider Qasimi called for calm in the city.", "haider qasimi"},
      {"The league fined defensive tackle Dorrell Mabry on Friday.", "dorrell mabry"},
      {"The exhibition shows work by photographer Velko Ardanza and others.", "velko ardanza"},
      // A capitalised role inside a sentence belongs to a title, and an organisation's
      // words are no surname.
      {"Tickets for the Player Awards Gala sold out.", ""},
      {"The official Labor Party line did not change.", ""},
  });
}

TEST_CASE("person4: a role, a comma and a name that closes the apposition") {
  expect({
      {"The chief negotiator, Tamsin Abara, said talks would resume.", "tamsin abara"},
      {"It was a setback for the challenger, Kofi Brandt.", "kofi brandt"},
      // The name must end its phrase: here it starts a longer one.
      {"Ask the referee, Gorton Fields Stadium Trust will decide.", ""},
  });
}

TEST_CASE("person4: plural titles and roles before a list of names") {
  expect({
      {"Sens. Orrin Vastola and Delphine Ruark asked the agency for its records.",
       "orrin vastola|delphine ruark"},
      {"The report praised coaches Tobin Aldane, Mirek Sova and Patrice Elund.",
       "tobin aldane|mirek sova|patrice elund"},
      {"Sens. Orrin Vastola, a Vermont independent, and Delphine Ruark wrote to them.",
       "orrin vastola|delphine ruark"},
      // Plural roles before companies or places: no people.
      {"The ministers Grand Rapids and Lake Placid hosted nothing.", ""},
  });
}

TEST_CASE("person4: a name set off by commas before a speech verb") {
  expect({
      {"The deputy speaker of the new assembly, Dahir Warsame, said 120 members voted.",
       "dahir warsame"},
      // Capitalised words before the comma make a list, not an apposition.
      {"Shares of Acme, Brent Holdings, said nothing.", ""},
      {"The firm's unit, Northgate Logistics, said profit rose.", ""},
  });
}

TEST_CASE("person4: a surname spelt like a common word after a cue") {
  expect({
      {"Yesterday senators Angus King and Maria Cantwell asked for a delay.",
       "angus king|maria cantwell"},
      {"The studio hired director Kevin Price for the sequel.", "kevin price"},
      // A capitalised word after the name makes something longer.
      {"They ordered the Angus King Burger twice.", ""},
  });
}

TEST_CASE("person4: a name after an indefinite article is a description") {
  expect({
      {"Mary Quist, a Nevada Democrat, asked the CEO Dario Fennimore to testify.",
       "mary quist|dario fennimore"},
      {"Lev Ostrow, an Ohio Republican, wrote to the chairman Ruth Kaldane.",
       "lev ostrow|ruth kaldane"},
  });
}

TEST_CASE("person4: surnames with a glued particle") {
  expect({
      {"The fund was run by chairman Dermot O'Kelleher until May.", "dermot o'kelleher"},
      {"Yesterday Paul O\u2019Rourke said nothing.", "paul o'rourke"},
      {"Followers of the cleric Yasin al-Hakimi marched on Friday.", "yasin al-hakimi"},
      {"The painter Joost van Haaren said little.", "joost van haaren"},
      {"French chemist Honore Lucien d'Estrelles described it first.", "honore lucien d'estrelles"},
      // A glued capital after an apostrophe is no surname on its own ("Rock'N Roll").
      {"They played Rock'N Roll all night.", ""},
  });
}

TEST_CASE("person4: initials before a surname, with a cue or a speech verb") {
  expect({
      {"Yesterday T.J. Marwick said the shares were cheap.", "t.j. marwick"},
      {"Analyst R. K. Bhandari expects a cut.", "r. k. bhandari"},
      // Places and postscripts in initials, and initials with no evidence.
      {"N.Y. Ferrybridge said it had hired 200 people.", ""},
      {"P.S. Deepwater was the name of the boat.", ""},
      {"The A.J. Hardcastle trophy was lost.", ""},
  });
}

TEST_CASE("person4: a label after a name is not part of it") {
  expect({
      {"Speakers: Rosa Menendez de Uriarte Title : Founder and CEO of a small firm.",
       "rosa menendez de uriarte"},
  });
}

TEST_CASE("person4: a party member before a name") {
  expect({
      {"The bill was backed by Democrat Lorna Pettifer and others.", "lorna pettifer"},
      {"Republican Davin Osterhout's plan failed.", "davin osterhout"},
      // A capitalised party word in a heading belongs to it.
      {"Republican Convention Opens\n\nThe hall was full.", ""},
  });
}

TEST_CASE("person4: a caption's name and company") {
  expect({
      {"Growth was fast.\nAbove: Marcus Whitlow, Pinterest", "marcus whitlow"},
      // Without a known given name, a caption names a game or a product.
      {"Above: Hearthstone Battlegrounds, a new mode.", ""},
      {"Above: The Pixel 8, a phone.", ""},
  });
}

TEST_CASE("person4: a hyphenated particle name after a cue") {
  expect({
      {"Pakistan captain Shoaib-ul-Rashid said the pitch was dry.", "shoaib-ul-rashid"},
      // No cue before it, or a capitalised word after it: no name.
      {"The Shoaib-ul-Rashid stand was full.", ""},
      {"The captain Shoaib-ul-Rashid Trophy was lost.", ""},
  });
}

TEST_CASE("person4: the company after a person's role keeps a glued surname and no adjective") {
  using newsdex::test::keys_found;
  CHECK(keys_found("Sean O'Bryan, a partner at Baldwin O'Bryan Architects, said so.",
                   EntityKind::company, "|") == "baldwin o'bryan architects");
  CHECK(keys_found("Dana O'Connell, chief strategy officer at AI-powered platform Dialvox, said.",
                   EntityKind::company, "|")
            .find("ai-powered") == std::string::npos);
  // A plural role before companies: no people ("key players X, Y").
  CHECK(people("Key players Insilico Medicine, Kebotix and Atomwise lead the field.") == "");
}

TEST_CASE("person4: places with a particle and companies named by initials") {
  expect({
      {"A union spokesman in Rio de Janeiro said the strike went on; rio de janeiro", ""},
      {"Yesterday H.T. Walgrave said it would raise its dividend.", ""},
  });
}

TEST_CASE("person4: a page label alone is no company") {
  using newsdex::test::keys_found;
  const std::string page =
      "a computer and IT specialist Published: 10 Apr 2023 Dora Quillon obituary Alex Bellos's M";
  CHECK(keys_found(page, EntityKind::company, "|").find("published") == std::string::npos);
}

TEST_CASE("person4: a known given name and a common-word surname in running text") {
  expect({
      {"The sketch shows Bill Hader turning into Kate Darling on stage.",
       "bill hader|kate darling"},
      // The surname goes on after a dot or a hyphen, or the word is used in lower case.
      {"My thanks go to Simon St.Laurent for the index.", ""},
      {"The talk by Guillaume Saint-Jacques was short.", ""},
      {"She studied at the Ross School of Business.", ""},
      {"We met at Grace Church and then left the church.", ""},
  });
}

TEST_CASE("person4: analysts before a name may be a firm") {
  expect({
      {"Sales doubled, according to a report by analysts Screen Digest.", ""},
  });
}

TEST_CASE("person4: a profile page's name before 'is the <role>', inside a menu's run") {
  // A speaker page: the menu, the heading "Name Role Company", then the biography.
  CHECK(people("Dovra Orlunde - Example Summit\n\nHome Mentors Past Editions 2019 2020 Dovra "
               "Orlunde Founder and CEO Brightvale Ltd Dovra Orlunde is the Founder and CEO of "
               "Brightvale.") == "dovra orlunde");
  // Not a name: ordinary words before "is the", or three capitalised words.
  CHECK(people("Home Past Editions 2019 Research Overview is the Founder and CEO of Brightvale.")
            .empty());
  CHECK(people("Home Past Editions Mentors Code Ethics Brightvale Ltd Board is the head of the "
               "group.")
            .empty());
}

TEST_CASE("person4: a fictional world's name is no person") {
  CHECK(people("Games\n\nFans explore Harry Potter\u2019s universe in the app. Later Harry Potter "
               "returns.")
            .empty());
  // A work's cast and crew, in lower case: the name is the work's.
  CHECK(people("Films\n\nThe tale of the Marlow Quist stuntman who broke his neck. Marlow Quist "
               "audiobooks sold well.")
            .empty());
  // A speaker card's role and a verb leave the person a person.
  CHECK(people("Speakers\n\nThe actress Kerry Washington spoke.\nKerry Washington Actor, "
               "Director, Producer\nSean Penn stars as Milk.") == "kerry washington|sean penn");
  // An author's or an actor's works leave the person a person.
  CHECK(people("Books\n\nRobert Caro\u2019s books are long, said Maria Lopez.") ==
        "robert caro|maria lopez");
}

TEST_CASE("person4: a typographic apostrophe in a name gives the same key as the ASCII one") {
  CHECK(people("Talks\n\nThe deal, said Andrea O\u2019Sullivan, is done.") == "andrea o'sullivan");
  CHECK(people("Talks\n\nThe deal, said Andrea O'Sullivan, is done.") == "andrea o'sullivan");
  CHECK(newsdex::test::gazetteer_extractor().canonical_key(
            EntityKind::person, "Andrea O\u2019Sullivan") == "andrea o'sullivan");
}

TEST_CASE("person4: a party's members are no person") {
  CHECK(people("Vote\n\nThe Christian Democrats won, said Maria Lopez.") == "maria lopez");
}

TEST_CASE("person4: the other members of a list that a person opens") {
  expect({
      {"Lab\n\nShe was supervised by Sharon Goldwater, Aren Jarlsen and Simon Kello at the lab.",
       "sharon goldwater|aren jarlsen|simon kello"},
      {"Druva\n\nIt was founded by Jaspreet Singh, Milind Borate, and Ramani Kothandaraman.",
       "jaspreet singh|milind borate|ramani kothandaraman"},
      // Not members: a company, a party's member, a degree ("Carnegie Mellon" after a person
      // still is one: a known miss).
      {"Deal\n\nThe deal was backed by Sharon Goldwater and Orvale Capital.", "sharon goldwater"},
      {"Vote\n\nConservative leader Michael Howard and Liberal Democrat leader Charles Kennedy "
       "spoke.",
       "michael howard|charles kennedy"},
      {"Paper\n\nIt was written by William Isaac and Oxford PhD candidate Marie Png.",
       "william isaac|marie png"},
  });
}

TEST_CASE("person4: a pioneer, a visionary, a guru or a legend before a full name") {
  expect({{"Games\n\nVideo game pioneer Tavo Hesketh is going mobile.", "tavo hesketh"},
          {"Basketball legend Wilt Chamberlain threw underhand.", "wilt chamberlain"}});
}

TEST_CASE("person4: a profile page titled with a person's name and the site's") {
  expect(
      {{"Katja Orlund - Example Summit\n\nHome Mentors Past Editions 2019 Katja Orlund Lecturer, "
        "Vellum University I am a lecturer.",
        "katja orlund"},
       // Not a person: no given name first, or the name not in the body.
       {"Vellum Orlund - Example Summit\n\nHome Mentors Vellum Orlund Lecturer.", ""},
       {"Katja Orlund - Example Summit\n\nHome Mentors Past Editions 2019.", ""}});
}

TEST_CASE("person4: a speaker card's name before its role phrase") {
  expect({// After markup, a separator or a line's start; the role phrase is not the name's.
          {"Speakers\n\n\"new\">Teodora Vasquelin Assistant Professor, Vellum University "
           "\"new\">Oyelaran Tosh-Ambeke Senior Data Scientist, Quorbit",
           "teodora vasquelin|oyelaran tosh-ambeke"},
          {"Panel\n\nNdapewa Kalluri PhD Candidate, Vellum University; Ruslan Ferrowitz Research "
           "Engineer at Quorbit",
           "ndapewa kalluri|ruslan ferrowitz"},
          // Cards run together in a flattened page: each name after the previous card's
          // organisation, its role going on with "at" (not a ranking: "Leader in").
          {"Speakers\n\nList of Speakers Ivana Potrel Senior Research Engineer at Quorbit "
           "DeepMind El Habib Benlarmi Full Professor at UH2C Girmaw Abebe Tessaye Principal "
           "Research Scientist at Microsoft AI for Good Lab Akram Zaytoun Senior Applied "
           "Research Scientist at Microsoft AI for Good Lab and more",
           "ivana potrel|el habib benlarmi|girmaw abebe tessaye|akram zaytoun"},
          {"Security\n\nIt is a nine-time Gartner Magic Quadrant Leader in testing.", ""},
          // A modifier lets the organisation follow without a comma.
          {"Panel\n\n| Ilse Marrowby Co-Managing Partner Ferrow Capital |", "ilse marrowby"},
          // Not people: a role with no modifier before a capitalised word, a nationality,
          // a named chair, a name inside running text.
          {"Review\n\n| Harrow Potts Director Quorbit.", ""},
          {"News\n\n| West Germanic President of the club spoke.", ""},
          {"News\n\nShe is the Arnold Verbeck Professor of History at Vellum.", ""},
          {"News\n\nThe Arnold Verbeck Professor, Vellum said.", ""}});
}

TEST_CASE("person4: a list of names inside a capitalised run") {
  expect({// Most members open with a known given name: the others are people too.
          {"Thanks\n\nWe thank our co-authors: Orrin Vaskel, Jeff Quillon, Roger Tamsk, Diogo "
           "Marvell, and Paul Dresker, along with everyone who helped.",
           "orrin vaskel|jeff quillon|roger tamsk|diogo marvell|paul dresker"},
          // A scraped page's commas standing apart.
          {"Donors\n\nWe welcome new donors: Jed Marrow , Gabe Kessick , Michael Dunst , Jaan "
           "Vellick , and Ashton Quill.",
           "jed marrow|gabe kessick|michael dunst|jaan vellick|ashton quill"},
          // A heading's word before the first name; the next sentence's first word after the
          // last one.
          {"Credits\n\nContributors Michael Vantree, Joanne Kessick, Pamela Drunt, Andrew "
           "Solleck, Tim Varrow Recent work has shown it.",
           "michael vantree|joanne kessick|pamela drunt|andrew solleck|tim varrow"},
          // Not people: a list of titles (an article first), of places, too few given names.
          {"Films\n\nIt beat Eternal Sunshine, Finding Neverland, The Motorcycle Diaries and "
           "Vera Drake for the prize.",
           ""},
          {"Offices\n\nIt has offices in Vellum Park, Quorbit Heights, Dorrant Bay, Marrow "
           "Cross and Tellis Point.",
           ""}});
}
