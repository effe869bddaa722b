// One key per person across a corpus (core/aliases.h), source-aware extraction
// (index/source_aware.h), and facet counts equal to the totals of their filters on real text:
// tests/data/entity_keys/news.jsonl, short news articles written for this test, where people
// are named in full, by surname alone, by a variant given name, and in bylines, and the
// publisher names itself.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/alias_input.h"
#include "core/aliases.h"
#include "core/label.h"
#include "core/schema.h"
#include "fixtures.h"
#include "index/source_aware.h"
#include "newsdex/entities.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "tmpdir.h"

using namespace newsdex;
using detail::AliasTable;

namespace {

std::map<std::string, std::string> aliases_of(const AliasTable& t) {
  std::map<std::string, std::string> out;
  for (const auto& e : t.evidence()) out[e.key] = e.canonical;
  return out;
}

std::string filter_of(EntityKind kind, const std::string& key) {
  const std::string field(to_string(kind));
  if (kind == EntityKind::company || kind == EntityKind::person || kind == EntityKind::product)
    return field + ":\"" + key + "\"";
  return field + ":" + key;
}

std::size_t total(Searcher& s, const std::string& q) {
  SearchRequest r;
  r.query = q;
  r.limit = 0;
  return s.search(r).total;
}

}  // namespace

TEST_CASE("alias table: surnames, variant given names, and the evidence that keeps names apart") {
  const AliasTable t = AliasTable::build({
      {"donald trump", 373},   {"trump", 304},                            // the one Trump: resolves
      {"vince cable", 4},      {"vincent cable", 5},                      // a variant given name
      {"joe biden", 201},      {"joseph biden", 3},     {"biden", 232},   // nickname table, surname
      {"bill clinton", 40},    {"hillary clinton", 35}, {"clinton", 50},  // two: stays apart
      {"michael jordan", 3},   {"jordan", 90},   // the surname far more frequent: something else
      {"jordan peterson", 30}, {"peterson", 2},  // `jordan` is a given name too
      {"andy roddick", 20},                      // no `roddick` key: a filter-only surname
      {"chris hale", 3},       {"christopher hale", 2}, {"christine hale", 4},  // ambiguous start
      {"george w bush", 6},    {"george bush", 2},                              // initials dropped
      {"madonna", 9},
  });
  const auto a = aliases_of(t);
  CHECK(t.resolve("trump") == "donald trump");
  CHECK(t.resolve("vincent cable") == "vincent cable");  // the most frequent full form
  CHECK(t.resolve("vince cable") == "vincent cable");
  CHECK(t.resolve("joseph biden") == "joe biden");
  CHECK(t.resolve("biden") == "joe biden");
  CHECK(t.resolve("clinton") == "clinton");
  CHECK(t.resolve("jordan") == "jordan");
  CHECK(t.resolve("michael jordan") == "michael jordan");
  CHECK(t.resolve("peterson") == "jordan peterson");
  CHECK(t.resolve("chris hale") == "chris hale");  // christopher or christine: neither
  CHECK(t.resolve("george bush") == "george w bush");
  CHECK(t.resolve("madonna") == "madonna");
  CHECK(t.resolve("andy roddick") == "andy roddick");
  CHECK(a.count("roddick") == 1);
  CHECK(t.resolve("roddick") == "roddick");  // not a key: facets never see it
  CHECK(t.members("roddick") == std::vector<std::string>{"andy roddick"});
  CHECK(t.members("joe biden") == std::vector<std::string>{"joe biden", "biden", "joseph biden"});
  CHECK(t.members("biden") == t.members("joseph biden"));
  CHECK(t.members("clinton") == std::vector<std::string>{"clinton"});
  // Each alias looked up: one missing from the evidence fails, where a loop over the
  // evidence would check nothing for it.
  auto rule_of = [&](std::string_view key) {
    const detail::AliasEvidence* e = find_by(t.evidence(), &detail::AliasEvidence::key, key);
    REQUIRE_MESSAGE(e, std::string(key));
    return std::string(e->rule);
  };
  CHECK(rule_of("vince cable") == "given-name variant");
  CHECK(rule_of("joseph biden") == "given-name variant");
  CHECK(rule_of("george bush") == "middle initial");
  CHECK(rule_of("trump") == "surname");
  const detail::AliasEvidence* trump = find_by(t.evidence(), &detail::AliasEvidence::key, "trump");
  REQUIRE(trump);
  CHECK(trump->key_docs == 304);
  CHECK(trump->canonical_docs == 373);
  // The gazetteer's word for it: one document each, but `trump` is Donald Trump.
  const AliasTable few =
      AliasTable::build({{"donald trump", 1}, {"trump", 1}, {"jordan", 1}, {"michael jordan", 1}},
                        [](std::string_view w) {
                          return w == "trump" ? std::string("donald trump") : std::string(w);
                        });
  CHECK(few.resolve("trump") == "donald trump");
  CHECK(few.resolve("jordan") == "jordan");
  CHECK(aliases_of(AliasTable::build({{"donald trump", 1}, {"trump", 1}})).empty());
  // Stored and read back: the same table.
  const auto back = AliasTable::parse(t.serialize());
  REQUIRE(back);
  CHECK(aliases_of(*back) == a);
  CHECK(back->members("roddick") == t.members("roddick"));
  CHECK(back->resolve("vince cable") == "vincent cable");
  CHECK_FALSE(
      AliasTable::parse(std::string("\x05"
                                    "abc",
                                    4)));
  CHECK(AliasTable::parse("")->empty());
}

TEST_CASE("source-aware extraction: no publisher, no bylines, labels without control characters") {
  EntityExtractor ex(EntityOptions{NEWSDEX_GAZETTEER_DIR});
  const std::string text =
      "Council news\n\nBy Priya Raman and Daniel Mercer\nMicrosoft told Reuters that Helen "
      "Okafor would visit. Priya Raman did not say. The deal was signed by Satya Nadella.\n"
      "Read more > Nov 18 Tom Avery Microsoft opens an office. On Nov. 18 Rachel Mercer spoke.";
  std::vector<Entity> ents = ex.extract(text, std::nullopt);
  auto keys = [&] {
    std::set<std::string> out;
    for (const Entity& e : ents) out.insert(std::string(to_string(e.kind)) + ":" + e.key);
    return out;
  };
  REQUIRE(keys().count("person:priya raman"));
  REQUIRE(keys().count("company:reuters"));
  detail::drop_source_entities(text, detail::publisher_keys(ex, "Reuters"), ents);
  const auto k = keys();
  CHECK_FALSE(k.count("person:priya raman"));    // a byline, and every mention of her
  CHECK_FALSE(k.count("person:daniel mercer"));  // the byline's second name
  CHECK_FALSE(k.count("company:reuters"));       // the publisher
  CHECK(k.count("person:helen okafor"));
  CHECK(k.count("person:rachel mercer"));    // `Nov. 18` is prose, no entry stamp
  CHECK_FALSE(k.count("person:tom avery"));  // a live blog's entry stamp: its author
  CHECK(k.count("person:satya nadella"));    // `signed by` in prose is no byline
  CHECK(k.count("company:microsoft"));
  const auto bbc = detail::publisher_keys(ex, "BBC News");
  CHECK(std::find(bbc.begin(), bbc.end(), ex.canonical_key(EntityKind::company, "BBC")) !=
        bbc.end());
  CHECK(detail::publisher_keys(ex, "").empty());
  CHECK(schema::clean_label("Trans\nWorld Airlines Inc") == "Trans World Airlines Inc");
  CHECK(schema::clean_label(" \tA\x01 B\r\n\xC2\x85"
                            "C\xE2\x80\xA8 ") == "A B C");
  CHECK(schema::clean_label("Caf\xC3\xA9 \xE2\x80\x94 Ltd") == "Caf\xC3\xA9 \xE2\x80\x94 Ltd");
}

TEST_CASE("real text: every facet count equals the total of its filter, one key per person") {
  TempDir dir;
  Indexer(dir / "news.db", test_index_options())
      .index({std::string(NEWSDEX_TEST_DATA_DIR) + "/entity_keys/news.jsonl"});
  Searcher s(dir / "news.db", SearcherOptions{"english", NEWSDEX_GAZETTEER_DIR});
  const std::vector<EntityKind> kinds(std::begin(kAllEntityKinds), std::end(kAllEntityKinds));
  std::size_t checked = 0;
  std::map<std::string, std::size_t> people;
  for (const std::string q : {"", "council", "tariffs", "microsoft OR ferry", "person:trump"}) {
    CAPTURE(q);
    std::vector<FacetResult> facets;
    if (q.empty()) {
      facets = s.stats(20).top;
    } else {
      SearchResults r = search_all(s, q, kinds);
      facets = r.facets;
    }
    for (const FacetResult& f : facets)
      for (std::size_t i = 0; i < f.counts.size() && i < 20; ++i) {
        const FacetCount& c = f.counts[i];
        const std::string filter = filter_of(f.kind, c.key);
        CAPTURE(filter);
        CHECK(total(s, q.empty() ? filter : "(" + q + ") " + filter) == c.count);
        for (unsigned char ch : c.label) CHECK(ch >= 0x20);
        if (q.empty() && f.kind == EntityKind::person) people[c.key] = c.count;
        ++checked;
      }
  }
  CHECK(checked > 40);
  // `Trump` alone (two articles) is Donald Trump (three more): one key, five articles.
  CHECK(people.count("trump") == 0);
  CHECK(people["donald trump"] == 5);
  CHECK(total(s, "person:trump") == 5);
  CHECK(total(s, "person:\"Donald Trump\"") == 5);  // the label as a filter
  // Tom and Thomas Avery: one person; the surname alone finds him too, "Mr Avery" of
  // ek-01 (never named in full there) included: six articles.
  CHECK(people.count("tom avery") == 0);
  CHECK(people["thomas avery"] == 6);
  CHECK(total(s, "person:\"tom avery\"") == 6);
  CHECK(total(s, "person:avery") == 6);
  CHECK(total(s, "person:okafor") == people["helen okafor"]);
  // Rachel and Daniel Mercer: two people; Mercer alone is neither.
  CHECK(people["rachel mercer"] == 3);
  CHECK(people["daniel mercer"] == 2);  // his byline is not counted
  CHECK(total(s, "person:mercer") == 0);
  // The evidence, as `newsdex aliases` shows it.
  std::map<std::string, EntityAlias> shown;
  for (EntityAlias& a : s.person_aliases()) shown[a.key] = a;
  CHECK(shown["trump"].canonical == "donald trump");
  CHECK(shown["trump"].label == "Donald Trump");
  CHECK(shown["trump"].rule == "surname");
  CHECK(shown["trump"].key_docs == 2);
  CHECK(shown["trump"].canonical_docs == 3);
  CHECK(shown["tom avery"].canonical == "thomas avery");
  CHECK(shown["tom avery"].rule == "given-name variant");
  CHECK(shown.count("mercer") == 0);
  // Bylines and the publisher are no entities of the articles.
  CHECK(people.count("priya raman") == 0);
  CHECK(total(s, "company:reuters") == 0);
  CHECK(total(s, "source:reuters company:microsoft") == 5);
}

TEST_CASE("alias input: stored, read back, and parts merged as one database of both") {
  auto known = [](std::string_view w) {
    return w == "trump" ? std::string("donald trump") : std::string(w);
  };
  const std::string a = detail::make_alias_input({{"donald trump", 2}, {"jordan", 1}, {"trump", 1}},
                                                 known, "1:3:3:90"),
                    b = detail::make_alias_input(
                        {{"donald trump", 1}, {"trump", 2}, {"vince cable", 1}}, known, "7:2:4:50");
  const auto pa = detail::parse_alias_input(a), pb = detail::parse_alias_input(b);
  REQUIRE(pa);
  REQUIRE(pb);
  CHECK(pa->stamp == "1:3:3:90");
  CHECK(pa->known.size() == 1);  // only where the gazetteer names a word otherwise
  CHECK(pa->known[0].second == "donald trump");
  const auto ab = detail::merge_alias_inputs({*pa, *pb}),
             ba = detail::merge_alias_inputs({*pb, *pa});
  const std::vector<std::pair<std::string_view, std::size_t>> both = {
      {"donald trump", 3}, {"jordan", 1}, {"trump", 3}, {"vince cable", 1}};
  CHECK(ab.keys == both);
  CHECK(ba.keys == both);
  CHECK(ab.known == ba.known);
  CHECK_FALSE(detail::parse_alias_input(a.substr(0, a.size() - 1)));  // cut short
  CHECK_FALSE(detail::parse_alias_input(""));
}
