// money:<range> and percent:<range> over the digit terms (schema 5 and 6) match exactly the
// documents a number-by-number check of the range matches, at every kind of bound (issue 13:
// a filter costs what it matches).
#include <doctest/doctest.h>

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/schema.h"
#include "money_range.h"

using namespace newsdex;
using detail::AmountRange;

namespace {

struct Doc {
  std::vector<std::string> keys;  // money keys (CUR:AMOUNT) or percent keys
};

// The documents' money (or percent) terms as the document builder writes them.
Xapian::Database money_db(const std::vector<Doc>& docs, EntityKind kind = EntityKind::money) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const Doc& d : docs) {
    std::vector<std::string> terms;
    for (const auto& k : d.keys) schema::append_entity_terms(kind, k, terms);
    Xapian::Document doc;
    for (const auto& t : terms) doc.add_boolean_term(t);
    doc.add_boolean_term("Qdoc");  // every document has a term even without money
    db.add_document(doc);
  }
  return db;
}

std::set<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire e(db);
  e.set_query(q);
  std::set<Xapian::docid> out;
  const Xapian::MSet m = e.get_mset(0, db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) out.insert(*it);
  return out;
}

// What the range matches, number by number.
std::set<Xapian::docid> expected(const std::vector<Doc>& docs, EntityKind kind,
                                 const std::string& currency, const AmountRange& r) {
  std::set<Xapian::docid> out;
  for (std::size_t i = 0; i < docs.size(); ++i)
    for (const auto& k : docs[i].keys)
      if ((currency.empty() || k.compare(0, 4, currency + ":") == 0) &&
          r.contains(schema::entity_number(kind, k)))
        out.insert(Xapian::docid(i + 1));
  return out;
}

struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    s += 0x9e3779b97f4a7c15ull;
    std::uint64_t z = s;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
};

// Amounts as news writes them ($123.4 million, $2 billion, EUR 40,000), plus the awkward
// ones: powers of ten, clamped decades, long digit strings.
std::string amount_text(Rng& rng) {
  static const char* fixed[] = {"1000000", "100000000", "1000000000", "999999999", "0.005",
                                "0.01",    "5e18",      "2e19",       "1",         "123456789012",
                                "0.5",     "10",        "99.95",      "1e18",      "150000000"};
  if (rng.below(5) == 0) return fixed[rng.below(std::size(fixed))];
  const std::uint64_t mantissa = 1 + rng.below(9999);  // up to 4 significant digits
  const int scale = int(rng.below(13));                // 1 .. 1e12 times
  std::string s = std::to_string(mantissa);
  s.append(std::size_t(scale), '0');
  if (rng.below(4) == 0 && s.size() > 1)  // a decimal
    s = s.substr(0, s.size() - 1) + "." + s.substr(s.size() - 1);
  return s;
}

}  // namespace

TEST_CASE("amount_digits: decade and significant digits, compared as strings within a decade") {
  auto a = schema::amount_digits(123400000);
  REQUIRE(a);
  CHECK(a->decade == 8);
  CHECK(a->digits == "1234");
  CHECK(schema::amount_digits(1e9)->digits == "1");
  CHECK(schema::amount_digits(1e9)->decade == 9);
  CHECK(schema::amount_digits(0.05)->decade == -2);
  CHECK(!schema::amount_digits(0));
  CHECK(!schema::amount_digits(-3));
  CHECK(schema::decade_of(999999999) == 8);
  CHECK(schema::decade_of(1e25) == 18);
  CHECK(schema::decade_of(0) == -3);
}

TEST_CASE("money digit terms: prefixes of the digits and the whole amount, per currency too") {
  std::vector<std::string> t;
  schema::append_entity_terms(EntityKind::money, "USD:123400000", t);
  const std::vector<std::string> want = {
      "XMOUSD:123400000", "XMD8",       "XMCUSD:8",    "XMD8:1",       "XMD8:12",       "XMD8:123",
      "XMD8:1234;",       "XMCUSD:8:1", "XMCUSD:8:12", "XMCUSD:8:123", "XMCUSD:8:1234;"};
  CHECK(t == want);
  t.clear();
  schema::append_entity_terms(EntityKind::money, "USD:5e19", t);  // clamped: no digit terms
  CHECK(t == std::vector<std::string>{"XMOUSD:5e19", "XMD18", "XMCUSD:18"});
}

namespace {

// Checks numeric_range_query() against number-by-number matching for ranges of every kind
// (open and closed ends, one end, both) between @p bounds and random ones among them; returns
// how many ranges were checked and how many matched something.
std::pair<std::size_t, std::size_t> check_ranges(const std::vector<Doc>& docs, EntityKind kind,
                                                 const std::vector<std::string>& currencies,
                                                 const std::vector<double>& bounds, Rng& rng) {
  const Xapian::Database db = money_db(docs, kind);
  std::size_t ranges = 0, nonempty = 0;
  for (const std::string& currency : currencies) {
    for (double lo : bounds) {
      for (bool lo_open : {false, true}) {
        std::vector<AmountRange> rs = {{lo, INFINITY, lo_open, false},
                                       {-INFINITY, lo, false, lo_open}};
        for (int k = 0; k < 3; ++k) {
          const double hi = bounds[rng.below(bounds.size())];
          if (hi >= lo) rs.push_back({lo, hi, lo_open, rng.below(2) == 0});
        }
        for (const AmountRange& r : rs) {
          const auto want = expected(docs, kind, currency, r);
          const auto got = matches(db, detail::numeric_range_query(db, kind, currency, r));
          std::string diff;  // the numbers of the documents on one side only
          for (std::size_t i = 0; i < docs.size(); ++i)
            if (got.count(Xapian::docid(i + 1)) != want.count(Xapian::docid(i + 1)))
              for (const auto& k : docs[i].keys) diff += k + " ";
          INFO(to_string(kind) << " currency '" << currency << "' range " << r.lo
                               << std::string(r.lo_open ? " (open)" : "") << " .. " << r.hi
                               << std::string(r.hi_open ? " (open)" : "")
                               << "; documents told apart wrongly: " << diff);
          CHECK(got == want);
          ++ranges;
          nonempty += !want.empty();
        }
      }
    }
  }
  return {ranges, nonempty};
}

// Percentages as the recogniser keys them: the shortest decimal, up to 4 places, negative
// ones and zero too (`-3.5`, `0`, `12`, `0.25`, `150`, `1000`).
std::string percent_text(Rng& rng) {
  static const char* fixed[] = {"0",   "100",  "10",   "1",    "-3.5", "-100",   "0.0001",
                                "0.5", "99.9", "1000", "2.25", "50",   "33.3333"};
  if (rng.below(4) == 0) return fixed[rng.below(std::size(fixed))];
  const std::uint64_t v = 1 + rng.below(2000);  // 0.1% .. 200%, one decimal
  std::string s = std::to_string(v / 10);
  if (v % 10) s += "." + std::to_string(v % 10);
  return s;
}

}  // namespace

TEST_CASE("money ranges: the same documents as checking every amount, at every bound") {
  Rng rng{20261206};
  std::vector<Doc> docs(400);
  const char* currencies[] = {"USD", "EUR", "GBP"};
  for (Doc& d : docs) {
    const std::size_t n = rng.below(4);  // some documents have no amount
    for (std::size_t i = 0; i < n; ++i)
      d.keys.push_back(std::string(currencies[rng.below(3)]) + ":" + amount_text(rng));
  }
  // Bounds: amounts that occur (exact hits on an end), powers of ten, and numbers between.
  std::vector<double> bounds = {
      0.001, 0.005, 0.01, 0.5,  1,    10, 99.95, 1e6,          1e8,       1.5e8,     1e9,
      1e12,  1e18,  5e18, 2e19, 1e30, -1, 0,     123456789012, 999999999, 150000000, 1234.5};
  for (int i = 0; i < 40; ++i) {
    const Doc& d = docs[rng.below(docs.size())];
    if (!d.keys.empty()) bounds.push_back(schema::money_amount(d.keys[0]));
  }
  const auto [ranges, nonempty] = check_ranges(docs, EntityKind::money, {"", "USD"}, bounds, rng);
  CHECK(ranges > 300);
  CHECK(nonempty > ranges / 2);  // the ranges matched something: the comparison was real
}

TEST_CASE("percent digit terms: a percentage's decade and digits, none for zero or below") {
  std::vector<std::string> t;
  schema::append_entity_terms(EntityKind::percent, "12.5", t);
  CHECK(t == std::vector<std::string>{"XPC12.5", "XPD1", "XPD1:1", "XPD1:12", "XPD1:125;"});
  t.clear();
  schema::append_entity_terms(EntityKind::percent, "-3.5", t);  // clamped: no digit terms
  CHECK(t == std::vector<std::string>{"XPC-3.5", "XPD-3"});
}

TEST_CASE("percent ranges: the same documents as checking every percentage, at every bound") {
  Rng rng{61202026};
  std::vector<Doc> docs(400);
  for (Doc& d : docs) {
    const std::size_t n = rng.below(4);  // some documents have no percentage
    for (std::size_t i = 0; i < n; ++i) d.keys.push_back(percent_text(rng));
  }
  // Bounds: zero and below (the clamped decade with the negative ones), powers of ten,
  // percentages that occur and numbers between them.
  std::vector<double> bounds = {-200, -100, -3.5, -1, 0,     0.0001, 0.001, 0.01, 0.5, 1,
                                9.99, 10,   12.5, 50, 99.95, 100,    150,   1000, 1e6};
  for (int i = 0; i < 40; ++i) {
    const Doc& d = docs[rng.below(docs.size())];
    if (!d.keys.empty()) bounds.push_back(schema::entity_number(EntityKind::percent, d.keys[0]));
  }
  const auto [ranges, nonempty] = check_ranges(docs, EntityKind::percent, {""}, bounds, rng);
  CHECK(ranges > 300);
  CHECK(nonempty > ranges / 2);
}

TEST_CASE("money ranges: a bound's query has a few dozen terms, not one per amount") {
  std::vector<Doc> docs;
  for (int i = 1; i <= 2000; ++i)  // 2,000 distinct amounts from $100.1 million
    docs.push_back({{"USD:" + std::to_string(100000000 + i * 100000)}});
  const Xapian::Database db = money_db(docs);
  const Xapian::Query q =
      detail::numeric_range_query(db, EntityKind::money, "", {1e8, INFINITY, false, false});
  CHECK(q.get_num_subqueries() < 40);
  CHECK(matches(db, q).size() == 2000);
  const Xapian::Query mid =
      detail::numeric_range_query(db, EntityKind::money, "", {1.5e8, 1.6e8, false, true});
  CHECK(mid.get_num_subqueries() < 80);
  CHECK(matches(db, mid).size() == 100);  // 150.0 .. 159.9 million
}
