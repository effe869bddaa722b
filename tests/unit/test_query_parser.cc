// The query language: what each form becomes, and where malformed queries fail.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/schema.h"
#include "newsdex/error.h"
#include "query_parser.h"

using namespace newsdex;

namespace {
// Money and percent ranges expand over the terms a database holds: two documents, as the
// document builder writes them, one mentioning $2 million and 34%, one $5 billion.
Xapian::Database numeric_db() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto entity = [](Xapian::Document& d, EntityKind kind, const std::string& key) {
    std::vector<std::string> terms;
    schema::append_entity_terms(kind, key, terms);
    for (const auto& t : terms) d.add_boolean_term(t);
  };
  Xapian::Document a, b;
  entity(a, EntityKind::money, "USD:2000000");
  entity(a, EntityKind::percent, "34");
  entity(b, EntityKind::money, "USD:5000000000");
  db.add_document(a);
  db.add_document(b);
  return db;
}

struct Fixture {
  Analyzer analyzer;
  EntityExtractor extractor{EntityOptions{NEWSDEX_GAZETTEER_DIR}};
  QueryParser parser{analyzer, [this]() -> const EntityExtractor& { return extractor; }};
  Xapian::Database db = numeric_db();
  std::string describe(const std::string& q, DefaultMatch m = DefaultMatch::all) {
    return parser.parse(q, m, db).query.get_description();
  }
  // The documents @p q matches (1: $2 million and 34%, 2: $5 billion).
  std::vector<Xapian::docid> hits(const std::string& q) {
    Xapian::Enquire e(db);
    e.set_query(parser.parse(q, DefaultMatch::all, db).query);
    std::vector<Xapian::docid> out;
    const Xapian::MSet m = e.get_mset(0, 10);
    for (auto it = m.begin(); it != m.end(); ++it) out.push_back(*it);
    std::sort(out.begin(), out.end());
    return out;
  }
};
}  // namespace

TEST_CASE_FIXTURE(Fixture, "queries become the Xapian queries they mean") {
  struct Row {
    const char* in;
    const char* out;
  } rows[] = {
      {"openai", "Query(openai)"},
      {"openai compute", "Query((openai AND comput))"},
      {"refusals", "Query(refus)"},
      {"\"right of first refusal\"", "Query((right PHRASE 4 of PHRASE 4 first PHRASE 4 refus))"},
      {"softbank -oracle", "Query((softbank AND_NOT oracl))"},
      {"softbank NOT oracle", "Query((softbank AND_NOT oracl))"},
      {"a OR b", "Query((a OR b))"},
      {"(a OR b) c", "Query(((a OR b) AND c))"},
      {"a AND b", "Query((a AND b))"},
      {"GPT-4", "Query(gpt-4)"},
      {"$500", "Query($500)"},
      {"cloud NEAR compute", "Query((cloud NEAR 11 comput))"},
      {"cloud NEAR/3 compute", "Query((cloud NEAR 4 comput))"},
      {"title:openai", "Query(Sopenai)"},
      {"title:\"exclusive provider\"", "Query((Sexclus PHRASE 2 Sprovid))"},
      {"source:\"The Verge\" ai", "Query((ai FILTER XSthe verge))"},
      {"-oracle", "Query((<alldocuments> AND_NOT oracl))"},
      {"“smart quotes”", "Query((smart PHRASE 2 quot))"},
  };
  for (const auto& r : rows) {
    std::string input = r.in;
    CAPTURE(input);
    CHECK(describe(r.in) == r.out);
  }
  CHECK(describe("openai compute", DefaultMatch::any) == "Query((openai OR comput))");
}

TEST_CASE_FIXTURE(Fixture, "words with a colon that are no field's misspelling stay words") {
  CHECK(describe("re:Invent") == "Query((re PHRASE 2 invent))");
  CHECK(describe("3:12") == "Query(3:12)");
  CHECK(describe("\"compnay:oracle\"") == "Query((compnay PHRASE 2 oracl))");
}

TEST_CASE_FIXTURE(Fixture, "entity filters accept aliases and ranges") {
  CHECK(describe("company:msft") == "Query(0 * XCOmicrosoft)");
  CHECK(describe("cloud company:\"Microsoft Corp.\"") == "Query((cloud FILTER XCOmicrosoft))");
  // Nothing in range: a filter that matches nothing (the bare prefix is never a term).
  CHECK(describe("cloud money:>=1e20") == "Query((cloud FILTER XMO))");
  // A decade wholly inside the range by its term; the edge decades by digit terms
  // (test_money_range.cc checks them against every amount).
  CHECK(describe("money:usd>=1e17") ==
        "Query(0 * (XMCUSD:18 OR XMCUSD:17:1; OR XMCUSD:17:1 OR "
        "XMCUSD:17:2; OR XMCUSD:17:2 OR XMCUSD:17:3; OR "
        "XMCUSD:17:3 OR XMCUSD:17:4; OR XMCUSD:17:4 OR "
        "XMCUSD:17:5; OR XMCUSD:17:5 OR XMCUSD:17:6; OR "
        "XMCUSD:17:6 OR XMCUSD:17:7; OR XMCUSD:17:7 OR "
        "XMCUSD:17:8; OR XMCUSD:17:8 OR XMCUSD:17:9; OR "
        "XMCUSD:17:9))");
  CHECK(hits("money:>=1e9") == std::vector<Xapian::docid>{2});
  CHECK(hits("money:>=1e6") == std::vector<Xapian::docid>{1, 2});
  CHECK(hits("money:usd>=1e6") == std::vector<Xapian::docid>{1, 2});
  CHECK(hits("money:eur>=1e6").empty());
  CHECK(hits("money:2e6") == std::vector<Xapian::docid>{1});
  CHECK(hits("money:>2e6") == std::vector<Xapian::docid>{2});
  CHECK(hits("money:<5e9") == std::vector<Xapian::docid>{1});
  CHECK(hits("money:2e6..5e9") == std::vector<Xapian::docid>{1, 2});
  // Percent ranges the same way (schema 6): decade terms inside, digit terms at the ends.
  CHECK(describe("percent:30..50") ==
        "Query(0 * (XPD1:3; OR XPD1:3 OR XPD1:4; OR XPD1:4 OR XPD1:5;))");
  CHECK(hits("percent:>=30") == std::vector<Xapian::docid>{1});
  CHECK(hits("percent:34") == std::vector<Xapian::docid>{1});
  CHECK(hits("percent:>34").empty());
  CHECK(hits("percent:>=50").empty());
  CHECK(describe("percent:>=5000") ==
        "Query(0 * (XPD4 OR XPD5 OR XPD6 OR XPD7 OR XPD8 OR XPD9 OR "
        "XPD10 OR XPD11 OR XPD12 OR XPD13 OR XPD14 OR XPD15 OR "
        "XPD16 OR XPD17 OR XPD18 OR XPD3:5; OR XPD3:5 OR XPD3:6; OR "
        "XPD3:6 OR XPD3:7; OR XPD3:7 OR XPD3:8; OR XPD3:8 OR XPD3:9; "
        "OR XPD3:9))");
  CHECK(describe("date:2025") == "Query(VALUE_RANGE 0 20250000 20259999)");
  CHECK(describe("date:2025-01..2025-03") == "Query(VALUE_RANGE 0 20250100 20250399)");
  CHECK(describe("date:>=2024-06") == "Query(VALUE_GE 0 20240600)");
}

TEST_CASE_FIXTURE(Fixture, "malformed queries say what is wrong and where") {
  struct Row {
    const char* in;
    std::size_t pos;
    const char* msg;
  } rows[] = {
      {"\"right of first", 0, "unbalanced quote"},
      {"openai \"right", 7, "unbalanced quote"},
      {"(openai OR microsoft", 0, "unbalanced bracket"},
      {"openai)", 6, "unbalanced bracket"},
      {"softbank AND", 9, "AND needs a term after it"},
      {"OR softbank", 0, "OR needs a term before it"},
      {"softbank OR", 9, "OR needs a term after it"},
      {"AND x", 0, "AND needs a term before it"},
      {"softbank NOT", 9, "NOT needs a term after it"},
      {"()", 0, "empty brackets"},
      {"", 0, "empty query"},
      {"company:", 0, "needs a value"},
      {"money:lots", 6, "money: cannot read"},
      {"percent:>=x", 8, "percent: cannot read"},
      {"date:2025-13", 5, "date: cannot read"},
      {"date:2025-03..2025-01", 5, "ends before it starts"},
      {"cloud NEAR/0 x", 6, "NEAR/n"},
      {"!!!", 0, "no words"},
      // Past the largest double only after the suffix scales it: not "every amount".
      {"money:>=1e308t", 6, "money: cannot read"},
      {"money:1e308b..", 6, "money: cannot read"},
      {"money:5m..1k", 6, "ends before it starts"},
      {"percent:50..10", 8, "ends before it starts"},
      {"openai \xff\xfe", 7, "not valid UTF-8"},
      // A misspelt field matched nothing, silently.
      {"cloud compnay:oracle", 6, "did you mean company:"},
      {"Person:altman", 0, "did you mean person:"},
      {"dates:2025", 0, "did you mean date:"},
      {"caf\xc3", 3, "not valid UTF-8"},
  };
  for (const auto& r : rows) {
    std::string input = r.in;
    CAPTURE(input);
    try {
      parser.parse(r.in, DefaultMatch::all, db);
      FAIL("no error");
    } catch (const QueryError& e) {
      CHECK(e.position() == r.pos);
      CHECK(std::string(e.what()).find(r.msg) != std::string::npos);
    }
  }
}

TEST_CASE_FIXTURE(Fixture, "brackets nested without bound get a located error, not a crash") {
  // 100 levels parse; deeper is refused at the bracket that goes too deep. Thousands of
  // levels overflowed the stack before the bound.
  auto nested = [](std::size_t depth) {
    return std::string(depth, '(') + "openai" + std::string(depth, ')');
  };
  CHECK(describe(nested(100)) == "Query(openai)");
  for (std::size_t depth : {101, 5000, 200000}) {
    CAPTURE(depth);
    try {
      parser.parse(nested(depth), DefaultMatch::all, db);
      FAIL("no error");
    } catch (const QueryError& e) {
      CHECK(e.position() == 100);
      CHECK(std::string(e.what()).find("nested deeper than 100") != std::string::npos);
    }
  }
  // Unbalanced, deep: the same bound, not a stack overflow.
  CHECK_THROWS_AS(parser.parse(std::string(300000, '(') + "x", DefaultMatch::all, db), QueryError);
}
