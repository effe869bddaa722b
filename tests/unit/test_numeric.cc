// Numeric entity recognisers: money, percentages, dates (entities/numeric.h).
#include <doctest/doctest.h>

#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/numeric.h"
#include "newsdex/entities.h"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string r = "{";
    for (const std::string& s : v) r += (r.size() > 1 ? ", \"" : "\"") + s + "\"";
    return (r + "}").c_str();
  }
};
}  // namespace doctest

using newsdex::CivilDate;
using newsdex::Entity;
using newsdex::EntityKind;
namespace nd = newsdex::detail;

namespace {

struct Case {
  std::string_view text;
  std::vector<std::string> want;  // "key@surface text", in order
};

/// "key@text" for each entity; also checks offsets and kinds.
std::vector<std::string> render(std::string_view text, const std::vector<Entity>& got,
                                EntityKind kind) {
  std::vector<std::string> r;
  for (const Entity& e : got) {
    CHECK(e.kind == kind);
    REQUIRE(e.begin <= e.end);
    REQUIRE(e.end <= text.size());
    CHECK(text.substr(e.begin, e.end - e.begin) == e.text);
    r.push_back(e.key + "@" + e.text);
  }
  return r;
}

std::vector<std::string> money(std::string_view text) {
  std::vector<Entity> out;
  nd::find_money(text, out);
  return render(text, out, EntityKind::money);
}

std::vector<std::string> percent(std::string_view text) {
  std::vector<Entity> out;
  nd::find_percent(text, out);
  return render(text, out, EntityKind::percent);
}

std::vector<std::string> dates(std::string_view text,
                               std::optional<CivilDate> published = std::nullopt) {
  std::vector<Entity> out;
  nd::find_dates(text, published, out);
  return render(text, out, EntityKind::date);
}

void run_table(const std::vector<Case>& table, std::vector<std::string> (*fn)(std::string_view)) {
  for (const Case& c : table) {
    INFO("text: ", std::string(c.text));
    CHECK(fn(c.text) == c.want);
  }
}

}  // namespace

TEST_CASE("to_iso") {
  CHECK(newsdex::to_iso({2025, 1, 22}) == "2025-01-22");
  CHECK(newsdex::to_iso({2025, 6, 0}) == "2025-06");
  CHECK(newsdex::to_iso({2025, 0, 0}) == "2025");
  CHECK(newsdex::to_iso({987, 3, 4}) == "0987-03-04");
}

TEST_CASE("parse_iso_date") {
  CHECK(newsdex::parse_iso_date("2025") == CivilDate{2025, 0, 0});
  CHECK(newsdex::parse_iso_date("2025-01") == CivilDate{2025, 1, 0});
  CHECK(newsdex::parse_iso_date("2025-01-22") == CivilDate{2025, 1, 22});
  CHECK(newsdex::parse_iso_date("2024-02-29") == CivilDate{2024, 2, 29});
  for (std::string_view bad : {"", "20x5", "2025-13", "2025-00", "2025-02-30", "2023-02-29",
                               "2025-1-22", "2025/01/22", "2025-01-22x", "0000", "202", "2025-"}) {
    INFO(std::string(bad));
    CHECK_FALSE(newsdex::parse_iso_date(bad).has_value());
  }
}

TEST_CASE("money: table") {
  run_table(
      {
          // Symbols and scales.
          {"a $500 billion partnership", {"USD:500000000000@$500 billion"}},
          {"a $500 Billion partnership", {"USD:500000000000@$500 Billion"}},
          {"half a trillion dollars of spending", {"USD:500000000000@half a trillion dollars"}},
          {"raised $1 billion.", {"USD:1000000000@$1 billion"}},
          {"a billion-dollar deal", {"USD:1000000000@a billion-dollar"}},
          {"the billion-dollar question", {"USD:1000000000@billion-dollar"}},
          {"trillion-dollar club", {"USD:1000000000000@trillion-dollar"}},
          {"a multibillion-dollar deal, a multi-billion-dollar bet", {}},
          {"$1.13bn in revenue", {"USD:1130000000@$1.13bn"}},
          {"£600m deal", {"GBP:600000000@£600m"}},
          {"€3.5 million grant", {"EUR:3500000@€3.5 million"}},
          {"US$2m seed", {"USD:2000000@US$2m"}},
          {"$1.8 bln loan", {"USD:1800000000@$1.8 bln"}},
          {"$728 mil budget", {"USD:728000000@$728 mil"}},
          {"Rs 16,189 crore", {"INR:161890000000@Rs 16,189 crore"}},
          {"Rs. 5 lakh and ₹2 lakh crore",
           {"INR:500000@Rs. 5 lakh", "INR:2000000000000@₹2 lakh crore"}},
          {"up 17 cents a share", {"USD:0.17@17 cents"}},
          {"5 mln dlrs and 1.5 billion dlrs",
           {"USD:5000000@5 mln dlrs", "USD:1500000000@1.5 billion dlrs"}},
          {"20 mln Canadian dlrs, 3 mln U.S. dlrs",
           {"CAD:20000000@20 mln Canadian dlrs", "USD:3000000@3 mln U.S. dlrs"}},
          {"$12,000 fine", {"USD:12000@$12,000"}},
          {"¥100 billion", {"JPY:100000000000@¥100 billion"}},
          {"A$5m, C$3 million, HK$10bn, S$2 billion",
           {"AUD:5000000@A$5m", "CAD:3000000@C$3 million", "HKD:10000000000@HK$10bn",
            "SGD:2000000000@S$2 billion"}},
          {"€1.2tn", {"EUR:1200000000000@€1.2tn"}},
          {"2 billion euros", {"EUR:2000000000@2 billion euros"}},
          {"300 million pounds", {"GBP:300000000@300 million pounds"}},
          {"10 million yuan", {"CNY:10000000@10 million yuan"}},
          {"$3 trillion and $2 thousand",
           {"USD:3000000000000@$3 trillion", "USD:2000@$2 thousand"}},
          {"$50k salary, $5M, $2B", {"USD:50000@$50k", "USD:5000000@$5M", "USD:2000000000@$2B"}},
          {"two hundred million dollars", {"USD:200000000@two hundred million dollars"}},
          {"twenty-five cents", {"USD:0.25@twenty-five cents"}},
          {"a quarter of a billion dollars", {"USD:250000000@a quarter of a billion dollars"}},
          {"five dollars", {"USD:5@five dollars"}},
          {"a quarter-million-dollar machine, a half-billion-dollar fund",
           {"USD:250000@a quarter-million-dollar", "USD:500000000@a half-billion-dollar"}},
          {"half-a-million dollars, a quarter million euros",
           {"USD:500000@half-a-million dollars", "EUR:250000@a quarter million euros"}},
          {"twenty-six thousand pounds a year", {"GBP:26000@twenty-six thousand pounds"}},
          {"one and a half billion dollars", {"USD:1500000000@one and a half billion dollars"}},
          {"USD$200 trillion, CHF24.3M",
           {"USD:200000000000000@USD$200 trillion", "CHF:24300000@CHF24.3M"}},
          {"$0.17 per share, $1.50 each", {"USD:0.17@$0.17", "USD:1.5@$1.50"}},
          {"€ 3,5 (a decimal comma)", {}},
          {"EUR 5 million and 7 million USD",
           {"EUR:5000000@EUR 5 million", "USD:7000000@7 million USD"}},
          {"20€ and 99¢", {"EUR:20@20€", "USD:0.99@99¢"}},
          {"$5-10 billion", {"USD:5000000000@$5", "USD:10000000000@10 billion"}},
          {"$5 billion to $10 billion",
           {"USD:5000000000@$5 billion", "USD:10000000000@$10 billion"}},
          {"$5 to $10 billion", {"USD:5000000000@$5", "USD:10000000000@$10 billion"}},
          {"1.5 billion Swiss francs", {"CHF:1500000000@1.5 billion Swiss francs"}},
          {"300 pounds sterling", {"GBP:300@300 pounds sterling"}},
          {"Rs16,189 crore", {"INR:161890000000@Rs16,189 crore"}},
          // U+00A0 between number and unit, U+2019 after.
          {"$5\u00a0billion’s worth", {"USD:5000000000@$5\u00a0billion"}},
          {"Reuters wraps\n5.93\nmln dlrs", {"USD:5930000@5.93\nmln dlrs"}},
          // Not money.
          {"a billion people, one of the best, a dollar store, 300 pounds of beef", {}},
          {"6 billion pounds of carbon, a five-hundred-pound capsule, 1 trillion pounds of ice",
           {}},
          {"he won 3 games; 5 m away; three CAD models", {}},
          {"in 2019 dollars", {}},
          {"call 1-800-555-0199, version 1.2.3 dollars, at 3:12", {}},
          {"echo $PATH; s/x/$1/; x=$2; ${3}; costs $", {}},
          {"$0 and $0.00", {}},
          {"multi-million dollar, $5x", {}},
          {"ABC$5 a$5 5$", {}},
      },
      money);
}

TEST_CASE("money: amounts and absurd numbers") {
  std::vector<Entity> out;
  nd::find_money("$1.13bn", out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].amount == doctest::Approx(1.13e9));
  out.clear();
  nd::find_money("17 cents", out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].amount == doctest::Approx(0.17));

  CHECK(money("$99999999999999999999 trillion").empty());
  CHECK(money("$999999999999999999999999999999999999 and 5 dollars") ==
        std::vector<std::string>{"USD:5@5 dollars"});
  CHECK(money("$2000 trillion").empty());  // over 1e15
  CHECK(money("$1000 trillion") == std::vector<std::string>{"USD:1000000000000000@$1000 trillion"});
  CHECK(money("$5 million trillion").empty());
  CHECK(money("$0.0000000000000000001").empty());
  const std::string digits(5000, '9');
  CHECK(money("$" + digits + " million").empty());
  CHECK(money(digits + " dollars").empty());
}

TEST_CASE("percent: table") {
  run_table(
      {
          {"up 34% on", {"34@34%"}},
          {"34 percent, 34 per cent, 34 pct", {"34@34 percent", "34@34 per cent", "34@34 pct"}},
          {"rose 3.5 percentage points", {"3.5@3.5 percentage points"}},
          {"fell -2.5% and −1.25%", {"-2.5@-2.5%", "-1.25@−1.25%"}},
          {"3.50% and 010%", {"3.5@3.50%", "10@010%"}},
          {"1,000% gain", {"1000@1,000%"}},
          {"10-15% range", {"15@15%", "10@10"}},
          {"5\u00a0% and 7 Percent", {"5@5\u00a0%", "7@7 Percent"}},
          {"half .5% share", {}},
          {"url%20a 1%20b v1.2% COVID-19% x86% 3:15%", {}},
          {"100 percentage of", {}},
      },
      percent);
  std::vector<Entity> out;
  nd::find_percent("fell -2.5%", out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].amount == doctest::Approx(-2.5));
}

TEST_CASE("dates: table") {
  run_table(
      {
          {"Jan. 22, 2025, 3:12 a.m.", {"2025-01-22@Jan. 22, 2025"}},
          {"on January 22, 2025.", {"2025-01-22@January 22, 2025"}},
          {"Jan 22 2025", {"2025-01-22@Jan 22 2025"}},
          {"22 January 2025", {"2025-01-22@22 January 2025"}},
          {"the 22nd of Jan. 2025 and March 3rd, 2024",
           {"2025-01-22@22nd of Jan. 2025", "2024-03-03@March 3rd, 2024"}},
          {"published 2025-01-22T10:00Z", {"2025-01-22@2025-01-22"}},
          {"example.com/2025/01/22/story", {"2025-01-22@2025/01/22"}},
          {"in June 2019 and Sept. 2024", {"2019-06@June 2019", "2024-09@Sept. 2024"}},
          {"SEPT 2024, june, 2019", {"2024-09@SEPT 2024", "2019-06@june, 2019"}},
          {"Feb. 29, 2024 but not Feb 30, 2024 or Feb 29, 2023", {"2024-02-29@Feb. 29, 2024"}},
          {"in 2019, in fiscal 2024, since 1999", {}},
          {"you may 2 things; May 5; may be", {}},
          {"May 2019 update, the May 5, 2020 event",
           {"2019-05@May 2019", "2020-05-05@May 5, 2020"}},
          {"at 3:12, 10/12/2025, score 3-1, 2025-13-01, 2025-01-22-7, 12025-01-22", {}},
          {"January 2025’s results", {"2025-01@January 2025"}},
          {"Jan 22, 2025 3:12 PM and Mon 12 Nov 2018 05.00 EST",
           {"2025-01-22@Jan 22, 2025", "2018-11-12@12 Nov 2018"}},
          // Commodity price tables, not dates.
          {"COCOA 13  Jul 1261 1265 1264 1262   34  Sep 1975 1980", {}},
          {"SEP    26     1999   up; SPOT PRODUCTS--APRIL 7 1600 EST", {}},
          {"the notes are due January 22,\n    1990, it said",
           {"1990-01-22@January 22,\n    1990"}},
          {"2016 Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec 2017 Jan Feb", {}},
          {"May/June 2023 issue", {"2023-06@June 2023"}},
          {"Janu 2025 and Mayday 2025 and 5th Avenue", {}},
          {"yesterday, last Tuesday and next year", {}},  // no published date
      },
      [](std::string_view t) { return dates(t); });
}

TEST_CASE("dates: relative to the published date") {
  const CivilDate pub{2025, 1, 22};  // a Wednesday
  CHECK(
      dates("yesterday, today and tomorrow", pub) ==
      std::vector<std::string>{"2025-01-21@yesterday", "2025-01-22@today", "2025-01-23@tomorrow"});
  CHECK(dates("Last Tuesday and last Wednesday", pub) ==
        std::vector<std::string>{"2025-01-21@Last Tuesday", "2025-01-15@last Wednesday"});
  CHECK(dates("next Monday and next Wednesday", pub) ==
        std::vector<std::string>{"2025-01-27@next Monday", "2025-01-29@next Wednesday"});
  CHECK(dates("last month, next month, this month", pub) ==
        std::vector<std::string>{"2024-12@last month", "2025-02@next month", "2025-01@this month"});
  CHECK(dates("last year, next year’s and this year", pub) ==
        std::vector<std::string>{"2024@last year", "2026@next year", "2025@this year"});
  CHECK(dates("last week, this Tuesday, over the next year, the last month", pub).empty());
  CHECK(dates("yesterday", CivilDate{2024, 3, 1}) ==
        std::vector<std::string>{"2024-02-29@yesterday"});
  CHECK(dates("tomorrow", CivilDate{2024, 12, 31}) ==
        std::vector<std::string>{"2025-01-01@tomorrow"});
  CHECK(dates("next month", CivilDate{2024, 12, 0}) ==
        std::vector<std::string>{"2025-01@next month"});
  // A published date that only knows the year resolves only year-relative mentions.
  CHECK(dates("yesterday, last month, last year", CivilDate{2025, 0, 0}) ==
        std::vector<std::string>{"2024@last year"});
  CHECK(dates("yesterday", CivilDate{2025, 2, 30}).empty());  // invalid published date
  // Absolute dates are found alongside.
  CHECK(dates("On Jan. 21, 2025, yesterday", pub) ==
        std::vector<std::string>{"2025-01-21@Jan. 21, 2025", "2025-01-21@yesterday"});
}

TEST_CASE("find_published_date") {
  CHECK(nd::find_published_date("Jan. 22, 2025, 3:12 a.m.\n\nTechnology\n") ==
        CivilDate{2025, 1, 22});
  CHECK(nd::find_published_date(" date 2025-01-22 Microsoft’s Evolving Partnership\n") ==
        CivilDate{2025, 1, 22});
  CHECK_FALSE(nd::find_published_date("In June 2019 Microsoft said\nnothing").has_value());
  CHECK_FALSE(nd::find_published_date("").has_value());
  // Only the first five non-empty lines count.
  CHECK_FALSE(nd::find_published_date("a\n\nb\nc\n\n\nd\ne\nJan. 22, 2025\n").has_value());
  CHECK(nd::find_published_date("a\n\nb\nc\n\n\nd\nJan. 22, 2025\n") == CivilDate{2025, 1, 22});
  // ... and the first 600 bytes.
  CHECK_FALSE(nd::find_published_date(std::string(700, 'x') + " 2025-01-22").has_value());
}

TEST_CASE("invalid UTF-8 and odd bytes do not break anything") {
  const std::string junk =
      "\xff\xfe$5\xe2\x82 million \xc2 17\xe2\x80 cents \xe2\x82\xac"
      "5 bn \xc2\xa3\xc2\xa3 9 % Jan\xc3 22, 2025 \xf0\x9f\x98 June 2019\xe2";
  std::vector<Entity> out;
  nd::find_money(junk, out);
  nd::find_percent(junk, out);
  nd::find_dates(junk, CivilDate{2025, 1, 22}, out);
  for (const Entity& e : out) CHECK(junk.substr(e.begin, e.end - e.begin) == e.text);
  CHECK(money(junk) == std::vector<std::string>{"USD:5@$5",
                                                "EUR:5000000000@\xe2\x82\xac"
                                                "5 bn",
                                                "GBP:9@\xc2\xa3 9"});
  CHECK(dates(junk) == std::vector<std::string>{"2019-06@June 2019"});
  // Truncated sequences at the very end.
  for (std::string_view tail : {"$", "\xe2", "\xe2\x82", "\xc2", "5", "5 ", "5 mil", "Jan 2",
                                "2025-01-2", "Rs", "half a", "last"}) {
    std::vector<Entity> o;
    nd::find_money(tail, o);
    nd::find_percent(tail, o);
    nd::find_dates(tail, CivilDate{2025, 1, 22}, o);
    CHECK(o.empty());
  }
}

TEST_CASE("10 MB single-line documents stay linear") {
  const std::string sentence =
      "Microsoft and OpenAI, a longtime partnership, are undergoing a shift in 2025 and "
      "people said ";
  std::string big;
  big.reserve(10'500'000);
  int planted = 0;
  for (int k = 1; big.size() < 10'000'000; ++k) {
    big += sentence;
    if (k % 1000 == 0) {
      big += "$500 billion, 34% and Jan. 22, 2025 ";
      ++planted;
    }
  }
  // Speed is measured in bench/, not here; this proves big inputs are handled whole.
  std::vector<Entity> m, p, d;
  nd::find_money(big, m);
  nd::find_percent(big, p);
  nd::find_dates(big, CivilDate{2025, 1, 22}, d);
  CHECK(planted > 50);
  CHECK(m.size() == static_cast<size_t>(planted));
  CHECK(p.size() == static_cast<size_t>(planted));
  CHECK(d.size() == static_cast<size_t>(planted));

  // Degenerate inputs: long runs of triggers.
  for (const std::string& run : {std::string(10'000'000, '9'), std::string(10'000'000, '$'),
                                 std::string(10'000'000, ' '), std::string(10'000'000, 'a'),
                                 [] {
                                   std::string s;
                                   while (s.size() < 10'000'000) s += "1,000,00";
                                   return s;
                                 }(),
                                 [] {
                                   std::string s;
                                   while (s.size() < 10'000'000)
                                     s += "a half a $5-$5 to 2025-01- May 5 last ";
                                   return s;
                                 }()}) {
    std::vector<Entity> o;
    nd::find_money(run, o);
    nd::find_percent(run, o);
    nd::find_dates(run, CivilDate{2025, 1, 22}, o);
    for (const Entity& e : o) CHECK(e.end <= run.size());
  }
}

TEST_CASE("random fragment soup keeps the invariants") {
  // Fragments that half-build mentions, glued at random: every prefix and suffix of a
  // pattern, invalid bytes, cut UTF-8 sequences. Checks offsets, ordering and key shapes.
  static const char* const kFragments[] = {"$",
                                           "5",
                                           "17",
                                           "2025",
                                           "1,000",
                                           ".",
                                           ",",
                                           "-",
                                           " ",
                                           "  ",
                                           "\n",
                                           "\xc2\xa0",
                                           "\xe2\x82\xac",
                                           "\xc2\xa3",
                                           "\xe2\x80\x99",
                                           "\xe2",
                                           "\xc2",
                                           "\xff",
                                           "%",
                                           "per",
                                           "cent",
                                           "cents",
                                           "pct",
                                           "billion",
                                           "bn",
                                           "m",
                                           "k",
                                           "dollars",
                                           "dlrs",
                                           "euros",
                                           "pounds",
                                           "of",
                                           "a",
                                           "half",
                                           "quarter",
                                           "twenty",
                                           "five",
                                           "hundred",
                                           "Rs",
                                           "USD",
                                           "US",
                                           "A",
                                           "crore",
                                           "lakh",
                                           "Jan",
                                           "May",
                                           "June",
                                           "Sept",
                                           "22",
                                           "31",
                                           "2nd",
                                           "1999",
                                           "last",
                                           "next",
                                           "this",
                                           "Tuesday",
                                           "month",
                                           "year",
                                           "today",
                                           "the",
                                           "99999999999999999999999",
                                           "0.5",
                                           "multi",
                                           "to",
                                           "T",
                                           "12:30",
                                           "/"};
  std::uint64_t rng = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return rng;
  };
  std::size_t found[3] = {0, 0, 0};  // money, percentages, dates: the checks below had input
  for (int iter = 0; iter < 20000; ++iter) {
    std::string text;
    const int parts = static_cast<int>(next() % 24);
    for (int k = 0; k < parts; ++k) text += kFragments[next() % std::size(kFragments)];
    const std::optional<CivilDate> pub =
        next() % 2 ? std::optional<CivilDate>(CivilDate{2000 + static_cast<int>(next() % 30),
                                                        1 + static_cast<int>(next() % 12),
                                                        1 + static_cast<int>(next() % 28)})
                   : std::nullopt;
    std::vector<Entity> m, p, d;
    nd::find_money(text, m);
    nd::find_percent(text, p);
    nd::find_dates(text, pub, d);
    found[0] += m.size();
    found[1] += p.size();
    found[2] += d.size();
    for (const auto* list : {&m, &p, &d}) {
      std::size_t last = 0;
      for (const Entity& e : *list) {
        INFO("text: ", text, " entity: ", e.key, "@", e.text);
        REQUIRE(e.begin >= last);
        REQUIRE(e.begin < e.end);
        REQUIRE(e.end <= text.size());
        CHECK(text.substr(e.begin, e.end - e.begin) == e.text);
        CHECK((static_cast<unsigned char>(text[e.begin]) & 0xC0) != 0x80);
        CHECK((e.end == text.size() || (static_cast<unsigned char>(text[e.end]) & 0xC0) != 0x80));
        last = e.end;
      }
    }
    for (const Entity& e : m) {
      CHECK(e.key.size() > 4);
      CHECK(e.key[3] == ':');
      CHECK(e.amount > 0);
      CHECK(e.amount <= 1e15);
    }
    for (const Entity& e : d) CHECK(newsdex::parse_iso_date(e.key).has_value());
    if (!pub) {
      for (const Entity& e : d) CHECK(std::isdigit(static_cast<unsigned char>(e.text.back())));
    }
  }
  CHECK(found[0] > 300);  // 586, 62 and 142 when written
  CHECK(found[1] > 30);
  CHECK(found[2] > 70);
}

TEST_CASE("recognisers append to a non-empty vector") {
  std::vector<Entity> out;
  nd::find_money("$5 billion on Jan. 22, 2025", out);
  nd::find_dates("$5 billion on Jan. 22, 2025", std::nullopt, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].key == "USD:5000000000");
  CHECK(out[1].key == "2025-01-22");
}
