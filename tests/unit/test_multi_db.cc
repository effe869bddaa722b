// Several databases searched as one give what one database of all their documents gives:
// the same totals, hits, facet counts and labels, and each facet count equals the total of
// the query with that filter; the same people's alias table, from the parts' stored inputs
// or, for databases of an earlier build, from their terms.
#include <doctest/doctest.h>
#include <xapian.h>

#include <fstream>
#include <map>
#include <optional>

#include "core/alias_input.h"
#include "core/schema.h"
#include "newsdex/entities.h"
#include "newsdex/error.h"
#include "part_aliases.h"
#include "remote_facets.h"
#include "split_fixture.h"

using namespace newsdex;

namespace {

SearchResults run(Searcher& s, const std::string& q, std::vector<EntityKind> facets = {}) {
  return search_all(s, q, std::move(facets));
}

std::string quoted(const std::string& key) {
  return key.find(' ') == std::string::npos ? key : "\"" + key + "\"";
}

}  // namespace

TEST_CASE("two databases searched as one answer as one database of all their documents") {
  Split s;
  const SearcherOptions so{"english", NEWSDEX_GAZETTEER_DIR};
  Searcher both({s.dir / "a.db", s.dir / "b.db"}, so);
  Searcher all(s.dir / "all.db", so);
  Searcher a(s.dir / "a.db", so), b(s.dir / "b.db", so);
  CHECK(both.document_count() == 5);
  const std::vector<EntityKind> kinds = all_kinds();
  std::size_t compared = 0;
  // `oracle softbank`, `quokka softbank`: the default match (best) over several databases;
  // `person:trump`: a surname resolved through the alias table built from both.
  std::vector<std::string> queries = split_queries();
  queries.insert(queries.end(), {"oracle softbank", "quokka softbank", "person:trump"});
  for (const std::string& q : queries) {
    CAPTURE(q);
    SearchResults r = run(both, q, kinds);
    SearchResults one = run(all, q, kinds);
    CHECK(r.total == one.total);
    CHECK(r.total == run(a, q).total + run(b, q).total);  // the sum of the parts
    CHECK(hit_ids(r) == hit_ids(one));
    CHECK(facet_map(r) == facet_map(one));  // keys, counts, labels, money and date buckets
    for (const FacetResult& f : r.facets) {
      CHECK(f.exact);
      for (const FacetCount& c : f.counts) {
        const std::string filter = std::string(to_string(f.kind)) + ":" + quoted(c.key);
        CAPTURE(filter);
        CHECK(run(both, q + " " + filter).total == c.count);
        ++compared;
      }
    }
  }
  CHECK(compared > 20);
  // Labels come from whichever database holds them (a multi-database's own metadata is its
  // first part's): SoftBank is only named in both, Stargate's label is kept.
  DatabaseStats st = both.stats(100);
  DatabaseStats st_all = all.stats(100);
  CHECK(st.documents == 5);
  CHECK(st.disk_bytes > 0);
  CHECK(st.first_date == st_all.first_date);
  CHECK(st.last_date == st_all.last_date);
  REQUIRE(st.top.size() == st_all.top.size());
  std::size_t top_keys = 0;
  for (std::size_t k = 0; k < st.top.size(); ++k) {
    CAPTURE(to_string(st.top[k].kind));
    REQUIRE(st.top[k].counts.size() == st_all.top[k].counts.size());
    top_keys += st.top[k].counts.size();
    for (std::size_t i = 0; i < st.top[k].counts.size(); ++i) {
      CHECK(st.top[k].counts[i].key == st_all.top[k].counts[i].key);
      CHECK(st.top[k].counts[i].count == st_all.top[k].counts[i].count);
      CHECK(st.top[k].counts[i].label == st_all.top[k].counts[i].label);
    }
  }
  CHECK(top_keys > 10);  // the loops compared keys
}

TEST_CASE("databases stemmed in different languages are not searched as one") {
  Split s;
  IndexOptions o = test_index_options();
  o.language = "german";
  Indexer(s.dir / "de.db", o).index({s.dir / "b"});
  CHECK_THROWS_WITH_AS(Searcher({s.dir / "a.db", s.dir / "de.db"}),
                       doctest::Contains("search them apart"), ConfigError);
  CHECK_THROWS_AS(Searcher(std::vector<std::string>{}), ConfigError);
  CHECK_THROWS_WITH_AS(Searcher({s.dir / "a.db", s.dir / "missing.db"}),
                       doctest::Contains("missing.db: no such database"), IndexError);
}

namespace {

// Searchers constructed while one lives count facets the remote way (remote_facets.h).
struct ValueCountFacets {
  ValueCountFacets() { detail::g_value_count_facets = true; }
  ~ValueCountFacets() { detail::g_value_count_facets = false; }
  ValueCountFacets(const ValueCountFacets&) = delete;
  ValueCountFacets& operator=(const ValueCountFacets&) = delete;
};

std::vector<std::string> ranked_ids(const SearchResults& r) {
  std::vector<std::string> out;
  for (const Hit& h : r.hits) out.push_back(h.id);
  return out;
}

// The three ways of counting facets agree on @p s's databases.
void check_value_counts(const Split& s) {
  const SearcherOptions so{"english", NEWSDEX_GAZETTEER_DIR};
  for (const std::vector<std::string>& dbs :
       {std::vector<std::string>{s.dir / "all.db"},
        std::vector<std::string>{s.dir / "a.db", s.dir / "b.db"}}) {
    CAPTURE(dbs.size());
    Searcher indexed(dbs, so);
    std::optional<Searcher> counted;
    {
      ValueCountFacets on;
      counted.emplace(dbs, so);
    }
    run(indexed, "openai", all_kinds());  // its later queries count by the forward index
    std::size_t keys = 0;
    for (const std::string& q : split_queries())
      for (DateBucket bucket : {DateBucket::year, DateBucket::month, DateBucket::day}) {
        CAPTURE(q);
        SearchRequest req;
        req.query = q;
        req.limit = 100;
        req.facets = all_kinds();
        req.facet_size = 1000;
        req.date_bucket = bucket;
        Searcher fresh(dbs, so);  // its first facet query: FacetSpy
        const SearchResults spy = fresh.search(req);
        const SearchResults index = indexed.search(req);
        const SearchResults values = counted->search(req);
        CHECK(values.total == spy.total);
        CHECK(ranked_ids(values) == ranked_ids(spy));
        CHECK(facet_map(values) == facet_map(spy));
        CHECK(facet_map(values) == facet_map(index));
        for (const FacetResult& f : values.facets) keys += f.counts.size();
      }
    CHECK(keys > 40);
    const DatabaseStats a = indexed.stats(1000), b = counted->stats(1000);
    CHECK(a.documents == b.documents);
    REQUIRE(a.top.size() == b.top.size());
    std::size_t top_keys = 0;
    for (std::size_t k = 0; k < a.top.size(); ++k) {
      CAPTURE(to_string(a.top[k].kind));
      REQUIRE(a.top[k].counts.size() == b.top[k].counts.size());
      top_keys += a.top[k].counts.size();
      CHECK(a.top[k].distinct == b.top[k].distinct);
      for (std::size_t i = 0; i < a.top[k].counts.size(); ++i) {
        CHECK(a.top[k].counts[i].key == b.top[k].counts[i].key);
        CHECK(a.top[k].counts[i].count == b.top[k].counts[i].count);
        CHECK(a.top[k].counts[i].label == b.top[k].counts[i].label);
      }
    }
    CHECK(top_keys > 5);  // the loops compared keys (9 on the repeating split)
  }
}

}  // namespace

TEST_CASE("facets from Xapian's ValueCountMatchSpy (the remote path) equal newsdex's own") {
  // Remote servers run only Xapian's own match spies: facets over remote shards are counted
  // per distinct key set, decoded and summed. The same counts must come out as from
  // FacetSpy (a Searcher's first facet query) and from the forward index (its later ones),
  // on one database and on several; on the seeds and on articles that share key sets.
  for (const bool repeating : {false, true}) {
    CAPTURE(repeating);
    check_value_counts(Split(repeating));
  }
}

TEST_CASE("a stub file naming two databases is searched as those two databases") {
  // A stub is opened as the databases it names (stub.h): facets counted per database in a
  // long-lived Searcher's later queries too (one Xapian database over a stub interleaves the
  // shards' docids, which the forward index cannot read), labels from every part.
  Split s;
  s.dir.write("both.stub", "# two shards\nglass " + (s.dir / "a.db") + "\n\nauto b.db\n");
  const SearcherOptions so{"english", NEWSDEX_GAZETTEER_DIR};
  Searcher stub(s.dir / "both.stub", so), all(s.dir / "all.db", so);
  CHECK(stub.document_count() == all.document_count());
  std::size_t keys = 0;
  for (int round = 0; round < 2; ++round) {  // the first facet query, then the index's
    for (const std::string& q : split_queries()) {
      CAPTURE(round);
      CAPTURE(q);
      const SearchResults r = run(stub, q, all_kinds()), one = run(all, q, all_kinds());
      CHECK(r.total == one.total);
      CHECK(hit_ids(r) == hit_ids(one));
      CHECK(facet_map(r) == facet_map(one));  // keys, counts, labels and buckets
      for (const FacetResult& f : r.facets) keys += f.counts.size();
    }
  }
  CHECK(keys > 80);
  // A stub naming a database that is not there fails naming it.
  s.dir.write("broken.stub", "glass " + (s.dir / "missing.db") + "\n");
  CHECK_THROWS_WITH_AS(Searcher(s.dir / "broken.stub", so), doctest::Contains("missing.db"),
                       IndexError);
}

namespace {

// The alias table as `newsdex aliases` shows it, one line per alias.
std::vector<std::string> alias_lines(Searcher& s) {
  std::vector<std::string> out;
  for (const EntityAlias& e : s.person_aliases())
    out.push_back(e.key + " > " + e.canonical + " (" + e.label + ") " + e.rule + " " +
                  std::to_string(e.key_docs) + "/" + std::to_string(e.canonical_docs) + "/" +
                  std::to_string(e.rival_docs));
  return out;
}

// Every person facet count of @p q on @p s equals the total of @p q with its filter; the
// counts, as facet_map().
std::map<std::string, std::pair<std::size_t, std::string>> people_of(Searcher& s,
                                                                     const std::string& q) {
  const SearchResults r = run(s, q, {EntityKind::person});
  for (const FacetResult& f : r.facets)
    for (const FacetCount& c : f.counts) {
      const std::string filter = "(" + q + ") person:" + quoted(c.key);
      CAPTURE(filter);
      CHECK(run(s, filter).total == c.count);
    }
  return facet_map(r)["person"];
}

}  // namespace

TEST_CASE("two databases of halves of real text have the alias table of one database of all") {
  // tests/data/entity_keys/news.jsonl (test_entity_keys.cc): people named in full in some
  // articles, by surname or a variant given name in others. Alternate articles in each half,
  // so an alias's evidence is split between them: the table of several databases is built
  // from the inputs their index runs stored (core/alias_input.h), merged.
  namespace fs = std::filesystem;
  TempDir dir;
  std::ifstream in(std::string(NEWSDEX_TEST_DATA_DIR) + "/entity_keys/news.jsonl");
  std::string line, half[2], whole;
  for (int i = 0; std::getline(in, line); ++i) {
    half[i % 2] += line + "\n";
    whole += line + "\n";
  }
  REQUIRE(!half[1].empty());
  dir.write("a/a.jsonl", half[0]);
  dir.write("b/b.jsonl", half[1]);
  dir.write("all/all.jsonl", whole);
  IndexOptions o = test_index_options();
  o.remove_chrome = false;  // bylines repeat: the same text in the halves as in all
  for (const std::string n : {"a", "b", "all"}) Indexer(dir / (n + ".db"), o).index({dir / n});
  const SearcherOptions so{"english", NEWSDEX_GAZETTEER_DIR};
  Searcher both({dir / "a.db", dir / "b.db"}, so), all(dir / "all.db", so), a(dir / "a.db", so);
  const std::vector<std::string> table = alias_lines(all);
  CAPTURE(doctest::toString(table));
  CHECK(table.size() >= 4);
  CHECK(alias_lines(a) != table);  // a half alone decides otherwise: the parts are needed
  CHECK(alias_lines(both) == table);
  {  // byte for byte what one database of all of them stores
    const std::vector<Xapian::Database> parts{Xapian::Database(dir / "a.db"),
                                              Xapian::Database(dir / "b.db")};
    Xapian::Database combined;
    for (const Xapian::Database& p : parts) combined.add_database(p);
    const EntityExtractor ex(EntityOptions{NEWSDEX_GAZETTEER_DIR});
    std::size_t asked = 0;  // the stored inputs hold the gazetteer's answers: none is needed
    CHECK(detail::load_person_aliases(parts, combined,
                                      [&]() -> const EntityExtractor& {
                                        ++asked;
                                        return ex;
                                      })
              .serialize() ==
          Xapian::Database(dir / "all.db").get_metadata(std::string(schema::kMetaPersonAliases)));
    CHECK(asked == 0);
  }
  const std::vector<std::string> queries = {"council", "tariffs",      "microsoft OR ferry",
                                            "said",    "person:trump", "person:avery"};
  std::size_t people = 0;
  for (const std::string& q : queries) {
    CAPTURE(q);
    const auto counts = people_of(both, q);
    CHECK(counts == people_of(all, q));
    people += counts.size();
  }
  CHECK(people > 10);
  for (const std::string f : {"person:trump", "person:\"donald trump\"", "person:avery",
                              "person:\"tom avery\"", "person:okafor", "person:mercer"}) {
    CAPTURE(f);
    CHECK(run(both, f).total == run(all, f).total);
  }
  CHECK(run(both, "person:trump").total == 5);  // as test_entity_keys.cc finds on one
  CHECK(run(both, "person:avery").total == 6);

  // Databases of an earlier build store no input: built from their person terms, the same.
  for (const std::string n : {"a", "b"}) {
    fs::copy(dir / (n + ".db"), dir / ("old-" + n + ".db"), fs::copy_options::recursive);
    Xapian::WritableDatabase w(dir / ("old-" + n + ".db"));
    w.set_metadata(std::string(schema::kMetaPersonAliasInput), "");
    w.commit();
  }
  Searcher old({dir / "old-a.db", dir / "b.db"}, so),
      old2({dir / "old-a.db", dir / "old-b.db"}, so);
  CHECK(alias_lines(old) == table);
  CHECK(alias_lines(old2) == table);
  const auto council = people_of(all, "council");
  CHECK(council.size() >= 2);  // people to compare: two empty maps would be equal
  CHECK(people_of(old, "council") == council);
  CHECK(run(old2, "person:trump").total == 5);
  // A part changed since its input was stored (a document removed, no index run since):
  // the input is stale, the table built from the terms, and counts still equal filters.
  fs::copy(dir / "b.db", dir / "changed-b.db", fs::copy_options::recursive);
  {
    Indexer changed(dir / "changed-b.db", o);
    REQUIRE(changed.remove("ek-01"));
    changed.commit();
  }
  Searcher stale({dir / "a.db", dir / "changed-b.db"}, so);
  CHECK(stale.document_count() == all.document_count() - 1);
  CHECK(people_of(stale, "said").size() > 3);
  CHECK(run(stale, "person:avery").total == 5);  // ek-01's "Mr Avery" is gone

  // A damaged input (`newsdex check` names it: test_check.cc): built from the terms instead.
  fs::copy(dir / "a.db", dir / "bad-a.db", fs::copy_options::recursive);
  {
    Xapian::WritableDatabase w(dir / "bad-a.db");
    w.set_metadata(std::string(schema::kMetaPersonAliasInput), std::string("\x05"
                                                                           "abc"));
    w.commit();
  }
  Searcher damaged({dir / "bad-a.db", dir / "b.db"}, so);  // built from the terms instead
  CHECK(alias_lines(damaged) == table);
}
