// check_database() on a fresh index of the seed articles and on damaged copies of it: each
// damage is reported as the problem it is (kind, document, text), never as a crash.
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/alias_input.h"
#include "core/schema.h"
#include "newsdex/check.h"
#include "newsdex/indexer.h"
#include "tmpdir.h"

using namespace newsdex;
namespace fs = std::filesystem;

namespace {

const std::string s0 = "000_c4ea8bca68074bc0.txt", s1 = "001_33af297cb036e2ea.txt",
                  s2 = "002_4eb8863552187eec.txt";

// The seed articles, indexed once; every test damages its own copy.
const std::string& seed_db() {
  static TempDir dir;
  static const std::string db = [] {
    IndexOptions o;
    o.gazetteer_dir = NEWSDEX_GAZETTEER_DIR;
    o.jobs = 2;
    o.shard_docs = 2;
    Indexer(dir / "db", o).index({NEWSDEX_SEEDS_DIR});
    return dir / "db";
  }();
  return db;
}

struct Copy {
  TempDir dir;
  std::string db = dir / "db";
  Copy() { fs::copy(seed_db(), db, fs::copy_options::recursive); }
};

CheckReport check(const std::string& db, bool entities = true) {
  CheckOptions o;
  o.gazetteer_dir = NEWSDEX_GAZETTEER_DIR;
  o.entities = entities;
  return check_database(db, o);
}

std::vector<CheckProblem> of_kind(const CheckReport& r, CheckProblemKind kind) {
  std::vector<CheckProblem> out;
  for (const auto& p : r.problems)
    if (p.kind == kind) out.push_back(p);
  return out;
}

bool has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// Changes one document of @p db (by its id) through @p edit.
template <class F>
Xapian::docid edit_document(const std::string& db, const std::string& id, F edit) {
  Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
  const std::string idt = schema::id_term(id);
  auto pl = w.postlist_begin(idt);
  REQUIRE(pl != w.postlist_end(idt));
  const Xapian::docid docid = *pl;
  Xapian::Document doc = w.get_document(docid);
  edit(doc);
  w.replace_document(docid, doc);
  w.commit();
  return docid;
}

bool is_entity_term(const std::string& t) {
  for (const char* p : {"XCO", "XPE", "XPR", "XMO", "XPC", "XDA", "XMD", "XMC"})
    if (t.rfind(p, 0) == 0) return true;
  return false;
}

}  // namespace

TEST_CASE("check: a freshly indexed database is sound") {
  const CheckReport r = check(seed_db());
  CHECK(r.ok());
  CHECK(r.problems.empty());
  CHECK(r.documents == 5);
  CHECK(r.entities_checked);
  const CheckReport quick = check(seed_db(), false);
  CHECK(quick.ok());
  CHECK(quick.documents == 5);
  CHECK(!quick.entities_checked);
}

TEST_CASE("check: a truncated table is a problem, not a crash") {
  Copy c;
  const fs::path table = fs::path(c.db) / "postlist.glass";
  fs::resize_file(table, fs::file_size(table) / 2);
  const CheckReport r = check(c.db);
  CHECK(!r.ok());
  const auto tables = of_kind(r, CheckProblemKind::table);
  // The table itself; and, when the cut falls in blocks the documents' values are read from
  // (it depends on the table's layout), each document that cannot be read.
  REQUIRE(!tables.empty());
  CHECK(has(tables[0].what, "postlist table: "));
  for (const auto& t : tables) CHECK(has(t.what, "DatabaseError"));
}

TEST_CASE("check: a document whose entity terms were removed is named") {
  Copy c;
  std::vector<std::string> removed;
  const Xapian::docid docid = edit_document(c.db, s0, [&](Xapian::Document& d) {
    for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t)
      if (is_entity_term(*t)) removed.push_back(*t);
    for (const auto& t : removed) d.remove_term(t);
  });
  REQUIRE(removed.size() > 5);
  CHECK(std::find(removed.begin(), removed.end(), "XCOsoftbank") != removed.end());
  // Another document gains a company it does not mention.
  edit_document(c.db, s1, [](Xapian::Document& d) { d.add_boolean_term("XCOquokka"); });

  const CheckReport r = check(c.db);
  CHECK(!r.ok());
  // The entity terms against the text, and each kind's facet value against the terms.
  const auto data = of_kind(r, CheckProblemKind::data);
  CHECK(r.total_problems == 2 + data.size());
  REQUIRE(data.size() >= 3);  // s0: company, person, product, money...; s1: company
  for (const auto& p : data) CHECK(has(p.what, "facet value disagrees with the X"));
  CHECK(data.back().id == s1);
  CHECK(data.back().what ==
        "company facet value disagrees with the XCO terms: not in the value: quokka");
  const auto ents = of_kind(r, CheckProblemKind::entities);
  REQUIRE(ents.size() == 2);
  CHECK(ents[0].id == s0);
  CHECK(ents[0].docid == docid);
  CHECK(has(ents[0].what, "entity terms missing: "));
  CHECK(!has(ents[0].what, "extra"));
  for (const auto& t : removed) CHECK(has(ents[0].what, t));
  CHECK(ents[1].id == s1);
  CHECK(ents[1].what == "entity terms extra: XCOquokka");

  // --quick does not compare the terms with the text; the values with the terms, it does.
  const CheckReport quick = check(c.db, false);
  CHECK(of_kind(quick, CheckProblemKind::entities).empty());
  CHECK(of_kind(quick, CheckProblemKind::data).size() == data.size());
}

TEST_CASE("check: a facet value that disagrees with the entity terms is named, also --quick") {
  Copy c;
  const Xapian::docid docid = edit_document(c.db, s0, [](Xapian::Document& d) {
    // Microsoft's documents counted without it: the value lists one company less.
    std::vector<std::string_view> keys;
    const std::string value = d.get_value(schema::facet_slot(EntityKind::company));
    REQUIRE(schema::decode_keys(value, keys));
    std::vector<std::string_view> kept;
    for (std::string_view k : keys)
      if (k != "microsoft") kept.push_back(k);
    REQUIRE(kept.size() + 1 == keys.size());
    d.add_value(schema::facet_slot(EntityKind::company), schema::encode_keys(kept));
    d.add_value(schema::facet_slot(EntityKind::person),
                std::string("\x05"
                            "ab"));  // damaged: 5 bytes promised, 2 given
  });
  for (bool entities : {true, false}) {
    CAPTURE(entities);
    const CheckReport r = check(c.db, entities);
    const auto data = of_kind(r, CheckProblemKind::data);
    REQUIRE(data.size() == 2);
    CHECK(data[0].docid == docid);
    CHECK(data[0].what ==
          "company facet value disagrees with the XCO terms: not in the value: microsoft");
    CHECK(data[1].what == "person facet value does not decode");
  }
}

TEST_CASE("check: leftovers beside the database are reported with what index does") {
  Copy c;
  fs::create_directory(c.db + ".old");
  CheckReport r = check(c.db);
  auto left = of_kind(r, CheckProblemKind::leftover);
  REQUIRE(left.size() == 1);
  CHECK(r.total_problems == 1);
  CHECK(has(left[0].what, c.db + ".old: the database before an interrupted merge's swap"));
  CHECK(has(left[0].what, "the next `newsdex index` deletes it"));

  fs::create_directory(c.db + ".new");
  fs::create_directory(c.db + ".tmp-99999999");  // above any pid_max: no such process
  r = check(c.db);
  left = of_kind(r, CheckProblemKind::leftover);
  REQUIRE(left.size() == 3);
  CHECK(has(left[0].what, c.db + ".new: a merged database that was never swapped in"));
  CHECK(
      has(left[2].what, c.db + ".tmp-99999999: temporary shards of an index run that was killed"));

  // The database moved aside and not back: no database, and .old holds it.
  fs::remove_all(c.db + ".new");
  fs::remove_all(c.db + ".tmp-99999999");
  fs::remove_all(c.db + ".old");
  fs::rename(c.db, c.db + ".old");
  r = check(c.db);
  REQUIRE(of_kind(r, CheckProblemKind::open).size() == 1);
  CHECK(has(of_kind(r, CheckProblemKind::open)[0].what, "no such database"));
  left = of_kind(r, CheckProblemKind::leftover);
  REQUIRE(left.size() == 1);
  CHECK(has(left[0].what, "the next `newsdex index` moves it back to " + c.db));
}

TEST_CASE("check: a document without its id term is named, and the counts disagree") {
  Copy c;
  const Xapian::docid docid =
      edit_document(c.db, s1, [](Xapian::Document& d) { d.remove_term(schema::id_term(s1)); });
  const CheckReport r = check(c.db);
  const auto ids = of_kind(r, CheckProblemKind::id);
  REQUIRE(ids.size() == 1);
  CHECK(ids[0].what == "no id term (Q)");
  CHECK(ids[0].id == s1);  // from the stored fields
  CHECK(ids[0].docid == docid);
  const auto counts = of_kind(r, CheckProblemKind::count);
  REQUIRE(counts.size() == 1);
  CHECK(counts[0].what == "5 documents, but 4 id terms");
  CHECK(r.total_problems == 2);
}

TEST_CASE("check: a schema version this build does not write is reported") {
  Copy c;
  {
    Xapian::WritableDatabase w(c.db, Xapian::DB_OPEN);
    w.set_metadata(std::string(schema::kMetaSchema), "2");
    w.commit();
  }
  const CheckReport r = check(c.db);
  const auto s = of_kind(r, CheckProblemKind::schema);
  REQUIRE(s.size() == 1);
  CHECK(s[0].what == "index schema 2, but this newsdex writes " + std::string(schema::kVersion) +
                         "; documents not checked");
  CHECK(r.documents == 0);
  CHECK(r.total_problems == 1);
}

TEST_CASE("check: damaged story values are named") {
  Copy c;
  edit_document(c.db, s0, [](Xapian::Document& d) {
    CHECK(d.get_value(schema::kSlotStory).size() == 8);  // the indexer wrote both
    CHECK(d.get_value(schema::kSlotFingerprint).size() == 16);
    d.add_value(schema::kSlotStory, "abc");
  });
  edit_document(c.db, s1, [](Xapian::Document& d) { d.remove_value(schema::kSlotFingerprint); });
  edit_document(c.db, s2, [](Xapian::Document& d) {
    d.add_value(schema::kSlotFingerprint, std::string(17, 'x'));
  });
  CheckOptions o;
  o.gazetteer_dir = NEWSDEX_GAZETTEER_DIR;
  const CheckReport r = check_database(c.db, o);
  const auto data = of_kind(r, CheckProblemKind::data);
  REQUIRE(data.size() == 3);
  CHECK(data[0].id == s0);
  CHECK(data[0].what == "story key value of 3 bytes, not 8");
  CHECK(data[1].id == s1);
  CHECK(data[1].what == "a story key but no fingerprint");
  CHECK(data[2].id == s2);
  CHECK(data[2].what == "fingerprint value of 17 bytes, not 16");
}

TEST_CASE("check: damaged values and data of a document are named") {
  Copy c;
  const std::string s3 = "003_4e9636121e169030.txt";
  edit_document(c.db, s0, [](Xapian::Document& d) {
    d.add_value(schema::kSlotDate, "2024XX01");
    d.add_value(schema::kSlotHash, "nothex");
  });
  edit_document(c.db, s1, [](Xapian::Document& d) { d.remove_value(schema::kSlotDate); });
  edit_document(c.db, s2, [](Xapian::Document& d) { d.set_data("garbage"); });
  edit_document(c.db, s3, [](Xapian::Document& d) {
    std::string body = d.get_value(schema::kSlotBody);
    d.add_value(schema::kSlotBody, body.substr(0, body.size() / 2));
  });
  CheckOptions o;
  o.gazetteer_dir = NEWSDEX_GAZETTEER_DIR;
  const CheckReport r = check_database(c.db, o);
  // Entity terms are not compared where the data or the body does not decode.
  CHECK(of_kind(r, CheckProblemKind::entities).empty());
  const auto data = of_kind(r, CheckProblemKind::data);
  REQUIRE(data.size() == 5);
  CHECK(r.total_problems == 5);
  CHECK(data[0].id == s0);
  CHECK(data[0].what == "content hash value \"nothex\" is not 16 hex digits");
  CHECK(data[1].what == "date value \"2024XX01\" is not YYYYMMDD");
  CHECK(data[2].id == s1);
  CHECK(data[2].what == "no date value for the stored date 2025-01-22");
  CHECK(data[3].id == s2);  // from the id term: the data is gone
  CHECK(data[3].what == "the document data does not decode");
  CHECK(data[4].id == s3);
  CHECK(data[4].what == "the body value does not decode");

  // At most max_problems listed, all counted.
  o.max_problems = 2;
  const CheckReport capped = check_database(c.db, o);
  CHECK(capped.problems.size() == 2);
  CHECK(capped.total_problems == 5);
}

TEST_CASE("check: what is not a database is a problem, not an exception") {
  TempDir tmp;
  CheckReport r = check(tmp / "nope");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].kind == CheckProblemKind::open);
  CHECK(has(r.problems[0].what, "no such database"));
  tmp.write("notdb/x", "hi");
  r = check(tmp / "notdb");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].kind == CheckProblemKind::open);
  CHECK(has(r.problems[0].what, "cannot open the database"));
}

TEST_CASE("check: a damaged facet file of the current revision is named, a stale one is not") {
  Copy c;
  const std::string file = c.db + "/newsdex-facets";  // core/forward_index.h
  REQUIRE(fs::exists(file));
  CHECK(check(c.db, false).ok());
  const std::string saved = c.dir / "saved";
  fs::copy_file(file, saved);
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(std::streamoff(fs::file_size(file) / 2));
    f.put('\x7f').put('\x7f');
  }
  const auto data = of_kind(check(c.db, false), CheckProblemKind::data);
  REQUIRE(!data.empty());
  for (const auto& p : data) {
    CHECK(has(p.what, "facet file: "));
    CHECK(has(p.what, "damaged"));
  }
  // A commit the file was not written for (Xapian's own, here): the saved file is stale,
  // which searches ignore, so it is no problem.
  fs::copy_file(saved, file, fs::copy_options::overwrite_existing);
  edit_document(c.db, s0, [](Xapian::Document&) {});
  CHECK(check(c.db, false).ok());
}

TEST_CASE("check: the people's alias input and table (core/alias_input.h)") {
  // A sound input and table say nothing; one that differs from the person terms, and a
  // damaged one, are named; a stale one (a commit since) is not read, so it is no problem.
  Copy c;
  CHECK(check(c.db).ok());
  const std::string key(schema::kMetaPersonAliasInput);
  {
    Xapian::WritableDatabase w(c.db);
    const std::string stored = w.get_metadata(key);
    auto input = detail::parse_alias_input(stored);
    REQUIRE(input);
    REQUIRE(!input->keys.empty());
    ++input->keys[0].second;                                       // one document more for one key
    const std::string stamp = detail::alias_input_stamp(w, true);  // current after the commit
    input->stamp = stamp;
    w.set_metadata(key, detail::serialize_alias_input(*input));
    w.commit();
  }
  auto data = of_kind(check(c.db, false), CheckProblemKind::data);
  REQUIRE(data.size() == 1);
  CHECK(data[0].what == "metadata aliases:person:input differs from the person terms");
  // A commit that changes a document (one word more): the input is stale, not read.
  edit_document(c.db, s0, [](Xapian::Document& d) { d.add_boolean_term("stale"); });
  CHECK(check(c.db, false).ok());
  {
    Xapian::WritableDatabase w(c.db);
    w.set_metadata(key, std::string("\x05"
                                    "abc"));
    w.commit();
  }
  data = of_kind(check(c.db, false), CheckProblemKind::data);
  REQUIRE(data.size() == 1);
  CHECK(data[0].what == "metadata aliases:person:input is damaged");
  {  // an earlier build's database: no input at all
    Xapian::WritableDatabase w(c.db);
    w.set_metadata(key, "");
    w.commit();
  }
  CHECK(check(c.db, false).ok());
}
