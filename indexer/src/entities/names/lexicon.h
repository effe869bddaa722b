#pragma once
// The name scanner's word lists (common words, legal and descriptive company suffixes,
// person and company cues, titles, abbreviations, exchanges...) as sets built once from
// compiled-in tables (lexicon.cc), the LexBit flags the word table carries for them, and
// the ending test behind is_common_word(). Internal header.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "entities/names.h"
#include "entities/names/chars.h"

namespace newsdex::detail::names {

using ViewSet = std::unordered_set<std::string_view, SvHash>;

/// Whether @p w is one of @p s (the rule files' word lists).
inline bool in_set(const ViewSet& s, std::string_view w) { return s.find(w) != s.end(); }

/// What the scanner's word lists say of a word: bits of WordInfo::exact_bits (case-exact
/// lists) and WordInfo::lower_bits (lower-case lists); kLxDone marks a token's cached bits.
enum LexBit : std::uint32_t {
  kLxLegal = 1u << 0,
  kLxDesc = 1u << 1,
  kLxTitle = 1u << 2,
  kLxExchange = 1u << 3,
  kLxPersonCue = 1u << 4,
  kLxPersonRole = 1u << 5,
  kLxCompanyRole = 1u << 6,
  kLxCompanyNoun = 1u << 7,
  kLxCompanyIntro = 1u << 8,
  kLxChromeVerb = 1u << 9,
  kLxLeading = 1u << 10,
  kLxCardMod = 1u << 11,   // a speaker card's role modifier ("Assistant", "Senior", "Data")
  kLxCardRole = 1u << 12,  // a speaker card's role noun ("Professor", "Scientist", "Lead")
  kLxDone = 1u << 31,
};

/// The word lists as sets (views into the compiled-in tables), built once by words().
struct WordSets {
  std::unordered_map<std::string_view, std::uint32_t, SvHash> exact_bits, lower_bits;
  ViewSet common, person_cues, person_roles, company_roles, company_nouns, company_intro,
      chrome_verbs, title_words, abbreviations, exchanges, legal, desc, leading, card_mods,
      card_roles;
  ViewSet soft_person_cues;  ///< person cues only in lower case or at a sentence start
  WordSets();
  /// Bit (first byte, lower-cased, & 31) of lex_shapes[n]: some word of exact_bits or
  /// lower_bits has n bytes and starts so. A cheap test before a look-up.
  std::array<std::uint32_t, 17> lex_shapes{};
  std::size_t abbreviation_max = 0;  ///< longest of kAbbreviations
};

/// The word lists, built on first use.
const WordSets& words();

/// Words that may precede "of" inside a company name ("Bank of New York Co").
extern const ViewSet kOfHeads;

/// True if @p word is one of the legal suffixes dropped from a company key (`Inc`, `Ltd`...),
/// compared byte for byte.
bool is_legal_suffix(std::string_view word);

/// True if @p w (ASCII lower-case, not empty) ends like ordinary vocabulary (`-tion`,
/// `-ing`...; long enough for the ending to count).
inline bool has_common_ending(std::string_view w) {
  const std::size_t n = w.size();
  // Endings of ordinary vocabulary.
  struct End {
    std::string_view s;
    std::size_t min;
  };
  static constexpr End kEnds[] = {
      {"ing", 6},   {"tion", 6},  {"sion", 6}, {"ment", 8}, {"ness", 7}, {"ity", 6},
      {"ical", 7},  {"ally", 6},  {"ized", 7}, {"ised", 7}, {"able", 7}, {"ible", 7},
      {"ous", 6},   {"ive", 7},   {"ful", 6},  {"less", 7}, {"ship", 7}, {"tions", 7},
      {"ments", 8}, {"ities", 7}, {"ings", 7}, {"ists", 6}, {"ance", 8}, {"ated", 7},
      {"izes", 7},  {"ises", 7},  {"ward", 7}, {"wards", 8}};
  const char last = w[n - 1];
  for (const End& e : kEnds)
    if (n >= e.min && e.s.back() == last && ends_with(w, e.s)) return true;
  return false;
}

}  // namespace newsdex::detail::names
