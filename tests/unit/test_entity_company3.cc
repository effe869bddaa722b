// Company recognition from the language around a name no list holds (issue 11, third
// round): deal objects, listings, appositives, descriptors, news agencies, dateline outlets,
// and names of ordinary words before an organisation word and a legal suffix. Every
// sentence and every company name is made up for the test; each rule has positive and
// negative cases.

#include <doctest/doctest.h>

#include <string>

#include "entity_keys.h"

using newsdex::test::companies;

TEST_CASE("company3: the object of a deal is a company") {
  CHECK(companies("The board approved the acquisition of Quillmore for cash.") == "quillmore");
  CHECK(companies("Profits fell at Dravenport, a unit of Halvex.") == "dravenport | halvex");
  CHECK(companies("Shares rose after talks on a merger with Tessaly were dropped.") == "tessaly");
  CHECK(companies("The plant was acquired by Brundell in March.") == "brundell");
  CHECK(companies("Ostrava Mills agreed to buy Pelmark for 40 mln dlrs.") == "pelmark");
  CHECK(companies("The group is acquiring Corvana, it said.") == "corvana");
  // A backer and the company it backs.
  CHECK(companies("The search firm has acquired Vantory-backed Glimmet to grow.") ==
        "vantory | glimmet");
  // A one-letter head joined by a hyphen.
  CHECK(companies("The maker is buying Q-Stellar for 200 mln dlrs.") == "q-stellar");
  // Not a company: a modifier of a common noun, a place's possessive, a person, a public body.
  CHECK(companies("The couple bought Manhattan apartments last year.").empty());
  CHECK(companies("It is a unit of Britain's largest retailer.").empty());
  CHECK(companies("The painting was bought by Jane Hollis at auction.").empty());
  CHECK(companies("The stake was acquired by Treasury officials.").empty());
  CHECK(companies("They want to buy American goods.").empty());
}

TEST_CASE("company3: a listing, a descriptor, an appositive, a news agency") {
  CHECK(companies("Shares of Brellin (Nasdaq: BRLN) jumped on the news.") == "brellin | nasdaq");
  CHECK(companies("Network equipment giant Tarvick is buying a rival.") == "tarvick");
  CHECK(companies("Internet phone upstart Pollux has raised more money.") == "pollux");
  CHECK(companies("The official news agency Tanvug said talks ended.") == "tanvug");
  CHECK(companies("The account moved to ad agency Brellowkite last week.") == "brellowkite");
  CHECK(companies("The space agency Orbitra launched a probe.").empty());
  CHECK(companies("Volvo works with its Chinese parent company Zhelun on new cars.") ==
        "volvo | zhelun");
  CHECK(companies("TDK invests in electric air mobility company Aviora Share") == "tdk | aviora");
  CHECK(companies("It is a new company Tom said nothing about.").empty());
  CHECK(companies("Orvane, the nation's seventh-largest airline, filed for bankruptcy.") ==
        "orvane");
  CHECK(companies("Kestrow, a division of a larger group, said sales rose.") == "kestrow");
  CHECK(companies("The plan was drafted, Yomtak news agency said.") == "yomtak");
  // Not a company: a central bank, a person's role, a lone given name, no modifier.
  CHECK(companies("The central bank Altavia kept rates unchanged.").empty());
  CHECK(companies("Helen, the company's founder, declined to comment.").empty());
  CHECK(companies("Brellin (born 1950) jumped on the news.").empty());
}

TEST_CASE("company3: a dateline's outlet, dotted or hyphenated") {
  CHECK(companies("Eclipse tonight\n\nMOSCOW, October 28 (Vostok-Press) - People will see it.") ==
        "vostok-press");
  // A known name glued to the outlet's suffix is the outlet, not the company.
  CHECK(companies("Prices fell\n\nNEW YORK (CBS.MW) -- Prices fell 0.1 percent.") == "cbs.mw");
  // Not in a dateline: a ticker in brackets stays the company's.
  CHECK(companies("Shares of IBM (IBM.N) rose today.") == "ibm");
}

TEST_CASE("company3: ordinary words, an organisation word and a legal suffix") {
  CHECK(companies("PROFIT\n\nHarbor Energy Partners Ltd said it had a loss.") ==
        "harbor energy partners");
  CHECK(companies("Results\n\nNorth West Airlines Inc said traffic fell.") ==
        "north west airlines");
  CHECK(companies("All regional Hollister Department Stores will change names.") ==
        "hollister department stores");
  // Ordinary words and a suffix alone at a sentence start stay ambiguous.
  CHECK(companies("Results\n\nNorth West Co said traffic fell.").empty());
  CHECK(companies("The Commerce Department Stores data were revised.").empty());
}

TEST_CASE("company3: the guards of the cues") {
  // People own companies: "owned by" is no cue.
  CHECK(companies("The fund, which is owned by Issam Qadri, bought shares.").empty());
  // A place and its state after a deal verb.
  CHECK(companies("It acquired Falworth, Maine-based Tolley Shoes, in 1978.").find("falworth") ==
        std::string::npos);
  // A nationality before "news agency"; the end of "Central Bank of X".
  CHECK(companies("His Moravian counterpart spoke to the official Moravian news agency.").empty());
  CHECK(companies("He headed the Central Bank of Veloria, the nation's central bank.")
            .find("veloria") == std::string::npos);
  // The initials of a legal form are no part of the key.
  CHECK(companies("Pittmore agreed to acquire Drexo International N.V. in a swap.") ==
        "drexo international");
  // Countries that produce oil are no companies.
  CHECK(companies("Kuwait, along with the much smaller producer Ostravia, pumped more.").empty());
}

TEST_CASE("company3: possessives and lists") {
  CHECK(companies("Bugs were found in Veritoss' backup software; Veritoss' shares fell.") ==
        "veritoss");
  CHECK(companies("Quorvane's executives met on Monday.") == "quorvane");
  // A list of strong names with one company and nothing else: all companies.
  CHECK(companies("Steel shares rose, with Tarnell, Allegheny Technologies and Nucrest up.") ==
        "tarnell | allegheny technologies | nucrest");
  // Places of a list of addresses are no companies.
  CHECK(companies("Deposits of Farmers State Bank, Hart, Tex., were assumed by Hale Bank.")
            .find("hart") == std::string::npos);
  // Without a company among them, a list of names stays unknown.
  CHECK(companies("Visitors came from Ostravia, Veloria and Moravia.").empty());
}

TEST_CASE("company3: units and legal names after 'of'") {
  CHECK(companies("Orders at its Halverd Graphics subsidiary rose.") == "halverd graphics");
  CHECK(companies("Orders at its Quarnby unit rose.") == "quarnby");
  CHECK(companies("Its Quarnby plans were dropped.").empty());
  // A name with a legal suffix after a lower-case word and "of".
  CHECK(companies("It downgraded 110 mln dlrs of debt of Tolland General Corp.") ==
        "tolland general");
  // A person before "of", or a name that goes on after the suffix: not this rule's.
  CHECK(companies("said Jon Orwell of Breton Data Inc.").find("orwell") == std::string::npos);
  CHECK(companies("TRE, since December a unit of Vorlan Co of Ostravia, was contacted.")
            .find("vorlan") == std::string::npos);
  // Two names joined by "and" before a suffix, at a sentence start.
  CHECK(companies("DEBT CUT\n\nStandish and Moore Corp said it cut the rating.") ==
        "standish and moore");
  CHECK(companies("DEBT CUT\n\nStandard Corp said it cut the rating.").empty());
  // Two words after a possessive are the name, not the owner's.
  CHECK(companies("It sold control of Halden's North Ridge Coal Corp to a group.") ==
        "north ridge coal");
}

TEST_CASE("company3: a known name and its unit words inside a long capitalised run") {
  CHECK(companies("It is led by Goldman Sachs Inc and Merrill Lynch Capital Markets.") ==
        "goldman sachs | merrill lynch capital markets");
  // Other capitalised words after the name: a title, not the unit's name.
  CHECK(companies("It is led by Goldman Sachs Inc and Merrill Lynch Capital Research Report.")
            .find("merrill lynch capital") == std::string::npos);
}

TEST_CASE("company3: what companies do: make things, report results") {
  CHECK(companies("Steel stocks rose, led by Nucrest, which makes flat-rolled steel.") ==
        "nucrest");
  CHECK(companies("In London, Cable Wireless posted its first net profit in three years.") ==
        "cable wireless");
  CHECK(companies("Tarvell reported a 12 pct rise in quarterly profit.") == "tarvell");
  // Places produce; people report news; a country reports a surplus.
  CHECK(companies("In the oil patch, Kern Valley, which produces oil, is busy.").empty());
  CHECK(companies("Ostravia reported a trade surplus in May.").empty());
}

TEST_CASE("company3: guards read on tech news") {
  // Universities and people in a list with one company, outside talk of shares or trade.
  CHECK(companies("Researchers at IBM, HP, Merton, Purlow, and Stanvale hope to build it.") ==
        "ibm | hp");
  // A sentence adverb, a plural acronym, a field's acronym, a place of birth.
  CHECK(companies("Secondly, the real value of the startup is talent.").empty());
  CHECK(companies("It reportedly required more than 10,000 GPUs to train.").empty());
  CHECK(companies("He has the option of merging with AI in the future.").empty());
  CHECK(companies("It grew with the acquisition of Tunisia-born Dravex by a rival.") == "dravex");
  // People buy companies; a given name alone is a person's; an academic division.
  CHECK(companies("Taylor Commercial was eventually bought by Marla and Perrin.").empty());
  CHECK(companies("Rivals wanted to buy David's patents.").empty());
  CHECK(companies("He is chief of the Division of Pain Medicine at the university.").empty());
  // An appositive that is a clause, not a noun phrase.
  CHECK(companies("After they left Nervi, the family founded a demolition company.").empty());
  CHECK(companies("Embra, the mug company, hired him.") == "embra");
}

TEST_CASE("company3: an exchange as a market counts as a company") {
  CHECK(companies("Pelmark will trade on NASDAQ under the symbol <PLMK>.") == "nasdaq");
  // Under the key of the exchange's full name in the gazetteer: one key for both forms.
  CHECK(companies("It plans an initial public offering on the NYSE next month.") ==
        "new york stock exchange");
  CHECK(companies("It listed on the NYSE. The New York Stock Exchange said volume rose.") ==
        "new york stock exchange");
  // The exchange of a listing; not an index, nor an exchange word before a colon elsewhere.
  CHECK(companies("Shares of the firm (NYSE: XYZ) rose.") == "new york stock exchange");
  CHECK(companies("Stocks fell on the Nasdaq composite index.").empty());
  CHECK(companies("Nasdaq: the index fell.").empty());
}

TEST_CASE("company3: 'and' stands for a gazetteer alias's '&'") {
  // The gazetteer lists "Standard & Poor's" (key s&p global) and "Johnson & Johnson".
  CHECK(companies("Standard and Poor's Corp said it cut the rating.") == "s&p global");
  CHECK(companies("It bought a unit of Johnson and Johnson last year.") == "johnson & johnson");
  // Not a name of ordinary words joined by "and".
  CHECK(companies("Research and Development spending rose.").empty());
}

TEST_CASE("company3: a lead manager of a bond issue, a bank 'of' a place") {
  CHECK(companies("The bond was priced at par, said lead manager Verdal Bank of Ostravia.") ==
        "verdal bank of ostravia");
  CHECK(companies("The notes were priced by lead manager Union Bank of Switzerland.") ==
        "union bank of switzerland");
  CHECK(companies("He was named general manager Tom Verdal last week.").empty());
  // A public body stays one.
  CHECK(companies("It was led by network giant Central Bank of Ostravia.").empty());
}

TEST_CASE("company3: press-release phrasing") {
  CHECK(companies("Testalon today announced a new testing service.") == "testalon");
  CHECK(companies("San Mateo-based Cyrava announced today that it raised funds.") == "cyrava");
  // Not a foundation, nor the tail of a name with a lower-case word inside.
  CHECK(companies("The Quillon Foundation today announced new grants.").empty());
  CHECK(companies("Then Papers with Quill today announced a partnership.").find("quill") ==
        std::string::npos);
}

TEST_CASE("company3: guards read on BBC news") {
  // "rival" after a preposition; not after a verb, nor a nationality before a person.
  CHECK(companies("Fares fell under pressure from rival Quantair last year.") == "quantair");
  CHECK(companies("The country wants to emulate rival Ostravia, which grew cocoa.").empty());
  // A place before "-based" is no part of a unit's name.
  CHECK(companies("It might sell its Vaduz-based Clearmont unit.") == "clearmont");
  // An exchange word that starts a longer name; a plural at a headline's start.
  CHECK(companies("The stock trades on the OTC Bulletin Board.").find("otc") == std::string::npos);
  CHECK(companies("Brewers' profits lose their fizz").empty());
}
