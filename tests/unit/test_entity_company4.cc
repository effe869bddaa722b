// Company recognition in tech news (issue 11, fourth round): a role held at a company, the
// company's people or new model, a startup's domain name, a nationality before a company
// noun, a profile heading cut after its role, and tag lists under an article. Every
// sentence and every company name is made up for the test (OpenAI stands for a name the
// gazetteer knows); each rule has positive and negative cases.

#include <doctest/doctest.h>

#include <string>

#include "entity_keys.h"

using newsdex::test::companies;

TEST_CASE("company4: a role held at a company") {
  CHECK(companies("The CEO of Vennaro said demand grew.") == "vennaro");
  CHECK(companies("He was a co-founder of Plumlake in 2019.") == "plumlake");
  CHECK(companies("She is chief executive at Dorrant, which sells sensors.") == "dorrant");
  CHECK(companies("The chief technology officer of Kivvon said sales rose.") == "kivvon");
  CHECK(companies("He is the founder and CEO of Move.io and a keen sailor.") == "move.io");
  // Not a company: a non-company organisation, a role of countries, a modifier of a company
  // noun, a product of the company named next, a line break, a possessive.
  CHECK(companies("He is co-founder of Brightwell Foundation.").empty());
  CHECK(companies("The CEO of Harwick University spoke.").empty());
  CHECK(companies("She was president of Corvania for ten years.").empty());
  CHECK(companies("He is co-founder of CDX and web security startup Qorvex.") == "qorvex");
  CHECK(companies("said Ana Ruiz, the CTO of Lumo at Brackwell.").find("lumo") ==
        std::string::npos);
  CHECK(companies("He is chief technology officer of Ciena\nGameswire's creed is passion.")
            .find("gameswire") == std::string::npos);
  CHECK(companies("He is a founder of Zorba's weekly meetup.").empty());
  // An appositive that names another kind of organisation.
  CHECK(companies("He was a cofounder of HackRing, the elite group of hackers.").empty());
  CHECK(companies("said the founder of Quilter Hub , a community forum.").empty());
  CHECK(companies("said the founder of Quilter, a software company.") == "quilter");
}

TEST_CASE("company4: the company's people and its new model") {
  CHECK(companies("Zephlin's CEO said the round closed.") == "zephlin");
  CHECK(companies("Tovaro's co-founder left in May.") == "tovaro");
  CHECK(companies("Quorbit's new model beats rivals on reasoning.") == "quorbit");
  CHECK(companies("Analysts said Marvane's investors were pleased.") == "marvane");
  // Not a company: a given name, a university, an ordinary possessive.
  CHECK(companies("Sarah's CEO friend called.").empty());
  CHECK(companies("Harwick University's founders met.").empty());
  CHECK(companies("Zephlin's dog barked at the window.").empty());
}

TEST_CASE("company4: a startup's domain name") {
  CHECK(companies("Trellis.ai raised 5 million dollars.") == "trellis.ai");
  CHECK(companies("We partnered with lablab.ai , a hackathon community.") == "lablab.ai");
  CHECK(companies("Then lablab.ai is an organization that hosts events.") == "lablab.ai");
  // Not a company: a bare lower-case host, a path, part of an address.
  CHECK(companies("Visit trellis.ai to sign up.").empty());
  CHECK(companies("Read Trellis.ai/blog for details.").empty());
  CHECK(companies("Write to team@Trellis.ai today.").empty());
}

TEST_CASE("company4: a nationality before a company noun") {
  CHECK(companies("French company Idemo's algorithms scan faces.") == "idemo");
  CHECK(companies("The Swiss company Typewise makes keyboards.") == "typewise");
  // Not a company: no name after the noun, a name that goes on into another name.
  CHECK(companies("Many Estonian startup founders met in May.").empty());
  CHECK(companies("The pair met at a Finnish company picnic.").empty());
}

TEST_CASE("company4: a profile heading keeps the company after the role") {
  CHECK(companies("Amara Otieno Founder and CEO Brightloom Ltd\nShe builds data tools.") ==
        "brightloom");
}

TEST_CASE("company4: a tag list under an article names no company") {
  CHECK(companies("Sales rose.\nTopics Artificial intelligence (AI) OpenAI Computing US World")
            .empty());
  CHECK(companies("Topics of the talk included OpenAI and its rivals.") == "openai");
  // Nor people, a hyphenated name included; but a site's "Featured Topics" menu before the
  // story leaves the story's people.
  const auto people = [](const std::string& text) {
    return newsdex::test::keys_found(text, newsdex::EntityKind::person);
  };
  CHECK(people("Sales rose, said Maria Lopez.\nTopics Artificial intelligence (AI) Elon Musk X Sam "
               "Bankman-Fried US World") == "maria lopez");
  CHECK(people("Grid\n\nFeatured Topics Newsletters Events Podcasts Brian Bergstein archive page "
               "Danielle Fongler says grid power can spread.")
            .find("danielle fongler") != std::string::npos);
}

TEST_CASE("company4: a startup called X") {
  CHECK(companies("He built a startup called Vorlix in 2011, then sold it.") == "vorlix");
  CHECK(companies("A company named Quellspire pools the data.") == "quellspire");
  // Not a company: a person called so, a name that goes on ("Planwise 5D").
  CHECK(companies("It was founded by a comedian called Dario Venn.").find("dario") ==
        std::string::npos);
  CHECK(companies("Files were taken from a company called Planwise 5D last year.").empty());
}

TEST_CASE("company4: a funding headline") {
  CHECK(companies("Trevolta raises $12 million for crop sensors") == "trevolta");
  CHECK(companies("Meanwhile, Ohio-based Brankle raised $7.5 million for its app.") == "brankle");
  CHECK(companies("And Swarvo Mobile raised $3.5 million for its shops.") == "swarvo mobile");
  // In a run of menu words only a distinctive last word: "Test Management Languages
  // GridQuell raises".
  CHECK(companies("Test Management Development Languages GridQuell raises $5M for chips") ==
        "gridquell");
  CHECK(companies("Test Management Development Languages Vendral raises $5M for chips").empty());
  // Not a name: the end of another teaser, a pronoun, a glued name part.
  CHECK(companies("a cable that connects Europe with Africa Kelvane raises $15 million").empty());
  CHECK(companies("It raises $20 million a year.").empty());
}

TEST_CASE("company4: a name that a person rule found but a company's word ends") {
  CHECK(companies("Ads\n\nLemmon Advertising, a subsidiary of Ted Marlow Worldwide, merged.")
            .find("ted marlow worldwide") != std::string::npos);
  CHECK(newsdex::test::keys_found("Ads\n\nLemmon Advertising, a subsidiary of Ted Marlow "
                                  "Worldwide, merged.",
                                  newsdex::EntityKind::person)
            .empty());
}

TEST_CASE("company4: two or three ordinary capitalised words after 'a company called'") {
  CHECK(companies("Mobile\n\nHis latest act, a Silicon Valley company called Digital Chocolate, "
                  "is developing games.") == "digital chocolate");
  // One ordinary word alone is not enough; nor is a run that goes on.
  CHECK(companies("Mobile\n\nHe joined a firm called Square last year.").empty());
}

TEST_CASE("company4: a listed company's group or holding company is that company") {
  // The gazetteer lists Morgan Stanley, Royal Bank of Scotland, Reuters and UBS.
  CHECK(companies("Lead underwriter Morgan Stanley Group Inc said it would buy.") ==
        "morgan stanley");
  CHECK(companies("It sold a stake in Royal Bank of Scotland Group Plc, to acquire it.") ==
        "royal bank of scotland");
  CHECK(companies("Shares in Reuters Holdings Plc of London rose.") == "reuters");
  // A listed company's formal name ("Mazda Motor", "Qantas Airways").
  CHECK(companies("Mazda Motor Corp said it would build a plant for Mazda.") == "mazda");
  // A name before "Group" that is only a ticker ("AI" is C3.ai's) is no listed company.
  CHECK(companies("She is general manager of the AI Group at Intel.").find("c3.ai") ==
        std::string::npos);
  // A country's possessive that lost its apostrophe is no part of the name.
  CHECK(companies("It wants to acquire UKs Abbey National Plc.") == "abbey national");
}

TEST_CASE("company4: a named unit after a company's possessive") {
  CHECK(companies("Pellmark Corp said it won. The Navy chose Pellmark's Zeltronics division.") ==
        "pellmark | zeltronics");
  // The possessive of the first word of a company named elsewhere in the text.
  CHECK(companies("Quarvis Petroleum said it would pay. OKC disputed Quarvis' Aminex subsidiary.")
            .find("aminex") != std::string::npos);
  // Not a compound adjective, nor a field's two letters, nor a person's unit.
  CHECK(companies("Pellmark Corp grew. Pellmark's Denver-based division hired.") == "pellmark");
  CHECK(companies("Pellmark Corp grew. Pellmark's VC division invested.") == "pellmark");
  CHECK(companies("Smith's Brellix unit closed.").empty());
}

TEST_CASE("company4: a name owned by a company") {
  CHECK(companies("The refinery is run by Suralvex, jointly owned by the U.S. company Alcoa.") ==
        "suralvex | alcoa");
  CHECK(companies("It used Tokvine, owned by Spanish carrier Telefonica.") ==
        "tokvine | telefonica");
  // Owned by a person or a country: no cue.
  CHECK(companies("It went to Greenvale, owned by Denmark.").empty());
}

TEST_CASE("company4: possessives inside and before a name, a ticker between") {
  // An ordinary word's possessive inside a longer name.
  CHECK(companies("International King's Table Inc said it named a president.") ==
        "international king's table");
  // A name's own "'s" stays out of its key, so its later mentions share it; the headline
  // above is no part of it.
  CHECK(companies("BRENNY'S <BRN> FILES FOR BANKRUPTCY\n\nBrenny's Inc said it filed. Brenny's "
                  "said it would pay.") == "brenny");
  // A unit named after the owner's ticker.
  CHECK(companies("He was chief of Marrell Corp's <MRL> Straw Hat Pizza unit.") ==
        "marrell | straw hat pizza");
  // A non-profit's board is no company cue.
  CHECK(companies("It is given at the discretion of the Indaba's Board of Trustees.").empty());
}

TEST_CASE("company4: venture firms named by ordinary words") {
  CHECK(companies("The round was led by Brave Ventures with participation from others.") ==
        "brave ventures");
  CHECK(companies("It raised funds led by Social Capital and Jump Capital last year.") ==
        "social capital | jump capital");
  // The rest of a name after Reuters' ticker; capitalised phrases, not firms.
  CHECK(companies("Merrill Lynch <MER> Capital Markets said it would launch it.") ==
        "merrill lynch");
  CHECK(companies("He heads Ryder System Inc's <RDR> American Jet Industries subsidiary.") ==
        "ryder system | american jet industries");
  CHECK(companies("Why Venture Capital firms drill the need to create value.").empty());
  CHECK(companies("It studied Artificial Intelligence, Human Capital, and Innovation.").empty());
}

TEST_CASE("company4: a unit the story's company names with its") {
  CHECK(companies("Quorbit Inc said the Navy awarded a contract to its Data Systems division.") ==
        "quorbit | data systems");
  CHECK(companies("It will sell its Vellamo unit next year.") == "vellamo");
  // Not a unit's name: a region, a country, a nationality.
  CHECK(companies("It will sell its European subsidiary and its Hong Kong unit.").empty());
  CHECK(companies("It sold its Canadian unit.").empty());
}

TEST_CASE("company4: a name after a place and -based") {
  CHECK(companies("The loan is guaranteed by Norway-based Den Varske Kreditbank.") ==
        "den varske kreditbank");
  CHECK(companies("Investors backed the Palo Alto-based Quellio, which sells robots.") ==
        "quellio");
  // Not a company: a technology's base, a party, a library, a product of digits.
  CHECK(companies("It ships a Kestrel-based CPU and a Transformer-based NLP model.").empty());
  CHECK(companies("It runs the Linux-based SteamOS.").empty());
  CHECK(companies("The Moslem-based Unity Development Party won seats.").empty());
  CHECK(companies("It integrates the Python-based Korvo library.").empty());
  CHECK(companies("It moves to the Valhall-based Mali-G77 GPU.").empty());
}

TEST_CASE("company4: a customer card, a studio behind a game, a round in euros") {
  CHECK(companies("Showing 3 results\nTypevane Typevane uses GPT-4 to build forms.\nBe Our "
                  "Guide Be Our Guide provides tours.") == "typevane | be our guide");
  // Not a card: a tag page's plural, a page's button, an acronym heading.
  CHECK(companies("Tags Bermuda Bermuda holidays Bologna Bologna nights").empty());
  CHECK(companies("Save this story Save Save this story Save").empty());
  CHECK(companies("Prioritize safety\nAI AI provides new chances.").empty());
  CHECK(companies("Mercury Brook, the studio behind Star Drift, is hiring.") == "mercury brook");
  CHECK(companies("Her father, the company that she left, sued.").empty());
  CHECK(companies("Norway's Solvika bags €40M to grow.") == "solvika");
  CHECK(companies("London's Pellow raises £20M in a seed round.") == "pellow");
}

TEST_CASE("company4: the Bank of a place that is no country's central bank") {
  CHECK(companies("It has a credit line from the Bank of Vellum Shore to build a farm.") ==
        "bank of vellum shore");
  // Central banks: a country's name after "Bank of".
  CHECK(companies("The Bank of Japan and the Bank of Sierra Leone held rates.").empty());
}

TEST_CASE("company4: a loan's or an issue's syndicate, and names that go on after and") {
  CHECK(companies("The loan is lead managed by Quorbit Bank. Managers are Varrow Trust and "
                  "Banking Co Ltd, Istituto Bancario San Dorro di Pella, Kessick Finance (Asia) "
                  "Ltd and Tellis Bank. It was well received.") ==
        "quorbit bank | varrow trust and banking | istituto bancario san dorro di pella | kessick "
        "finance (asia) | tellis bank");
  CHECK(companies("The co-leads are Pellbanken A/S and Marrow Credit Bank.") ==
        "pellbanken | marrow credit bank");
  // Not a syndicate: no syndicate noun before "are".
  CHECK(companies("Rivals are Vellum and Dorrant.").empty());
  // A list member that goes on after "and" keeps its name: no "Co" or "Sons" member.
  CHECK(companies("Underwriters led by Quorbit Inc, Varrow Read and Co Inc and Alex Brent and "
                  "Sons Inc priced the issue.") == "quorbit | varrow read | alex brent and sons");
}
