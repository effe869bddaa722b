// The fast word segmenter agrees with ICU's root word break iterator, segment for segment.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/segmenter.h"

using newsdex::detail::Segment;
using newsdex::detail::WordSegmenter;

namespace {
std::string show(std::string_view text, const std::vector<Segment>& segs) {
  std::string out;
  // Appended piece by piece: g++ 12 -O2 warns falsely (-Wrestrict) on "[" + std::string(...).
  for (const Segment& s : segs) {
    out += '[';
    out += text.substr(s.begin, s.end - s.begin);
    out += ']';
  }
  return out;
}
void check_same(WordSegmenter& ws, const std::string& text) {
  std::vector<Segment> fast, icu;
  ws.segment(text, fast);
  ws.segment_icu(text, icu);
  CAPTURE(text);
  CHECK(show(text, fast) == show(text, icu));
}
}  // namespace

TEST_CASE("the fast path segments technical English as ICU does") {
  WordSegmenter ws;
  for (const char* t :
       {"U.S. and U.K. regulators",
        "can't won't Microsoft’s ‘quoted’ “double” — dash – en…",
        "3.5 1,000,000 2025-01-22 3:12 a.m. $500 €3 GPT-4o C++20 C# .NET",
        "snake_case _ __ _a a_ 1_000 a.b.c 1.2.3 x:y 1:2 a,b 1;2 a;b",
        "e-mail foo@example.com https://x.io/a?b=c&d=e #tag @user (parens) [br] {c}",
        "tab\there\nnew line\r\nform\ffeed\vvertical no\u00a0break end.",
        "trailing.",
        "'",
        "'a'",
        "a'",
        ".5",
        "5.",
        "a..b",
        "1..2",
        "1,a",
        "a,1",
        "a.1",
        "1.a",
        "a'1",
        "1'2"})
    check_same(ws, t);
}

TEST_CASE("the fast path agrees with ICU on the seed articles") {
  WordSegmenter ws;
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(NEWSDEX_SEEDS_DIR)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    check_same(ws, ss.str());
    ++files;
  }
  CHECK(files == 5);
}

TEST_CASE("the fast path agrees with ICU on random strings of the characters it handles") {
  // Every class the fast path knows, neighbours it must not know (é, ·, ™, emoji, CJK),
  // and whitespace, drawn at random: 20,000 strings of up to 24 characters.
  const std::vector<std::string> alphabet = {
      "a",      "Z",      "q",      "0",      "7",      "_",          ".",      "'",      ":",
      ",",      ";",      "-",      "$",      "#",      "+",          "@",      "/",      "\"",
      " ",      "\n",     "\t",     "\u2019", "\u2018", "\u201c",     "\u201d", "\u2014", "\u2013",
      "\u2026", "\u00a0", "\u00e9", "\u00b7", "\u2122", "\U0001F600", "\u4e2d", "\u0301"};
  std::mt19937 rng(12345);
  WordSegmenter ws;
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    const int len = 1 + int(rng() % 24);
    for (int j = 0; j < len; ++j) s += alphabet[rng() % alphabet.size()];
    check_same(ws, s);
  }
}
