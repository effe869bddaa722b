// The query language: what each form becomes, and where malformed queries fail.
#include <doctest/doctest.h>

#include "newsdex/error.h"
#include "query_parser.h"

using namespace newsdex;

namespace {
struct Fixture {
  Analyzer analyzer;
  EntityExtractor extractor{EntityOptions{NEWSDEX_GAZETTEER_DIR}};
  QueryParser parser{analyzer, extractor};
  std::string describe(const std::string& q, DefaultMatch m = DefaultMatch::all) {
    return parser.parse(q, m).query.get_description();
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

TEST_CASE_FIXTURE(Fixture, "entity filters accept aliases and ranges") {
  CHECK(describe("company:msft") == "Query(0 * XCOmicrosoft)");
  CHECK(describe("cloud company:\"Microsoft Corp.\"") == "Query((cloud FILTER XCOmicrosoft))");
  CHECK(describe("cloud money:>=1e20") == "Query((cloud FILTER XMO))");
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
  };
  for (const auto& r : rows) {
    std::string input = r.in;
    CAPTURE(input);
    try {
      parser.parse(r.in, DefaultMatch::all);
      FAIL("no error");
    } catch (const QueryError& e) {
      CHECK(e.position() == r.pos);
      CHECK(std::string(e.what()).find(r.msg) != std::string::npos);
    }
  }
}
