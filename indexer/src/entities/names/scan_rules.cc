// The scanner's rules for names the gazetteer lacks: companies before a legal or
// descriptive suffix or after a company cue, people after a cue or a role, or starting
// with a known given name; then rule-found names whose words also occur in lower case are
// dropped.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entities/names.h"
#include "entities/names/chars.h"
#include "entities/names/lexicon.h"
#include "entities/names/scan.h"

namespace newsdex::detail::names {

// --------------------------------------------------------------- rules

void Scan::add_rule(EntityKind kind, std::size_t tb, std::size_t te, std::size_t name_te,
                    std::string key, bool check_lower) {
  Cand c;
  c.tb = static_cast<std::uint32_t>(tb);
  c.te = static_cast<std::uint32_t>(te);
  c.name_te = static_cast<std::uint32_t>(name_te);
  c.b = t_[tb].begin;
  c.e = t_[te - 1].end;
  if (c.e - c.b > kMaxEntityBytes) return;
  if (key.empty() || key.size() > kMaxEntityBytes) return;
  // A page label alone ("Published: 2 Nov 2023") names nothing.
  if (te == tb + 1 && te < t_.size() && punct(te, ':') && page_label(tb)) return;
  c.kind = kind;
  c.key = std::move(key);
  c.rule = true;
  c.check_lower = check_lower;
  claim(c);
  cands_.push_back(std::move(c));
}

void Scan::add_person(std::size_t i, std::size_t len, bool check_lower) {
  std::string key =
      lower_utf8(collapse_space(text_.substr(t_[i].begin, t_[i + len - 1].end - t_[i].begin)));
  add_rule(EntityKind::person, i, i + len, i + len, std::move(key), check_lower);
}

// One pass over the lower-case words for the few words the rules asked about.
void Scan::find_lower_occurrences() {
  if (wanted_lower_.empty()) return;
  std::uint64_t lengths = 0;  // bit n: some wanted word has n bytes
  // Bit (first byte, last byte) of the wanted words: most words are ruled out without a hash.
  static thread_local std::array<std::uint64_t, 256 * 256 / 64> ends{};
  auto end_bit = [](std::string_view w) {
    return static_cast<std::size_t>(static_cast<u8>(w.front())) * 256 + static_cast<u8>(w.back());
  };
  for (const std::string& w : wanted_lower_) {
    lengths |= 1ull << std::min<std::size_t>(w.size(), 63);
    if (!w.empty()) ends[end_bit(w) >> 6] |= 1ull << (end_bit(w) & 63);
  }
  const NameToken* tok = t_.data();
  const auto* p = reinterpret_cast<const u8*>(text_.data());
  for (std::size_t k = 0; k < t_.size(); ++k) {
    // One rarely taken branch: a lower-case word of a wanted length and first/last byte.
    const NameToken& t = tok[k];
    const std::size_t len = t.end - t.begin;
    const std::size_t eb = static_cast<std::size_t>(p[t.begin]) * 256 + p[t.end - 1];
    const bool maybe =
        ((t.flags & (kWord | kHasUpper | kHasDigit | kHasLower)) == (kWord | kHasLower)) &
        (len < 63) & (lengths >> (len & 63) & 1) & (ends[eb >> 6] >> (eb & 63) & 1);
    if (!maybe) continue;
    const std::string_view w = tx(k);
    if (wanted_lower_.find(w) != wanted_lower_.end()) seen_lower_.emplace(w);
  }
  for (const std::string& w : wanted_lower_)
    if (!w.empty()) ends[end_bit(w) >> 6] = 0;
}

// ", Canada's deputy chief of delegation", ", the chief executive", ", a researcher": a role
// in apposition after a name (@p k: the comma); or a speech verb right after it ("said").
bool Scan::role_apposition(std::size_t k) const {
  if (k < t_.size() && spaced(k) && word(k) && !has(k, kHasUpper) &&
      (lower_is(k, "said") || lower_is(k, "says") || lower_is(k, "told")))
    return true;
  if (!(k < t_.size() && punct(k, ',') && glued(k))) return false;
  for (std::size_t q = k + 1, s = 0; s < 6 && q < t_.size(); ++q, ++s) {
    if (punct(q, ',') || punct(q, '.') || has(q, kNewlineBefore)) return false;
    if (word(q) && !has(q, kHasUpper) && is(q, kLxPersonRole)) return true;
    if (!(word(q) || (has(q, kPunct) && is_apostrophe(t_[q].cp)))) return false;
  }
  return false;
}

/// Length in tokens of a person name starting at i: 2-4 capitalised words, an initial
/// ("J.") allowed in the middle. 0 if there is none.
std::size_t Scan::person_name_at(std::size_t i, bool need_first_name) const {
  if (!titlew(i) || covered_[i]) return 0;
  if (need_first_name && !first_name(i)) return 0;
  if (!need_first_name && common(i) && !first_name(i)) return 0;
  std::size_t k = i + 1, words_n = 1, last = i, suffix_end = 0;
  bool split = false, label = false;
  // "Jean-Francois Theodore", "Jean-Claude Juncker": a hyphenated given name.
  while (k + 1 < t_.size() && has(k, kPunct) && is_dash(t_[k].cp) && glued(k) && glued(k + 1) &&
         titlew(k + 1) && !covered_[k + 1] && k < i + 4) {
    last = k + 1;
    k += 2;
  }
  while (k < t_.size() && words_n < 4) {
    // "Glenn W.\n    Bailey": a wrapped line inside the name (not a new paragraph).
    if (!(spaced(k) || name_wrap(k)) || covered_[k]) break;
    // "Charles B. Gates Jr.": a generational suffix ends the name, and is part of it.
    if (words_n >= 2 && (tx(k) == "Jr" || tx(k) == "Sr")) {
      suffix_end = k + 1 < t_.size() && punct(k + 1, '.') && glued(k + 1) ? k + 2 : k + 1;
      k = suffix_end;
      break;
    }
    // "Fernand St Germain", "Yves St. Laurent": "St" before the surname.
    if (words_n >= 1 && tx(k) == "St" && k + 2 < t_.size()) {
      const std::size_t nx = punct(k + 1, '.') && glued(k + 1) ? k + 2 : k + 1;
      if (nx < t_.size() && spaced(nx) && titlew(nx) && !common(nx) && !covered_[nx]) {
        k = nx;
        continue;
      }
    }
    // middle initial "F."
    if (capw(k) && t_[k].end - t_[k].begin == 1 && k + 1 < t_.size() && punct(k + 1, '.') &&
        glued(k + 1)) {
      k += 2;
      continue;
    }
    // "John F Kennedy": an initial without its dot, a name on both sides.
    if (capw(k) && t_[k].end - t_[k].begin == 1 && words_n == 1 && k + 1 < t_.size() &&
        spaced(k + 1) && titlew(k + 1) && !common(k + 1) && tx(k) != "A" && tx(k) != "I") {
      ++k;
      continue;
    }
    // "Theo van Gogh", "Ursula von der Leyen": particles inside a name.
    if (words_n >= 1 && word(k) && !has(k, kUpperFirst) && k + 1 < t_.size() && spaced(k + 1) &&
        (lower_is(k, "van") || lower_is(k, "von") || lower_is(k, "de") || lower_is(k, "der") ||
         lower_is(k, "den") || lower_is(k, "da") || lower_is(k, "di") || lower_is(k, "du") ||
         lower_is(k, "bin") || lower_is(k, "al") || lower_is(k, "le")) &&
        (titlew(k + 1) || (k + 2 < t_.size() && lower_is(k + 1, "der") && titlew(k + 2)))) {
      ++k;
      continue;
    }
    // "O'Neill", "d'Arsonval", "al-Sadr": a surname particle glued to the next word.
    if (const std::size_t q = surname_particle(k); q != 0) {
      last = k + 2;
      ++words_n;
      k += 3;
      continue;
    }
    // "Robert White, Canada's deputy chief of delegation": a known given name and a surname
    // spelt like a common word, then a role in apposition.
    // (Not "Blu-Ray Association said": a word glued before, an organisation word.)
    if (words_n == 1 && titlew(k) && common(k) && first_name(i) && !is(k, kLxLegal) &&
        !is(k, kLxDesc) && !org_word(k) && (i == 0 || !glued(i)) && role_apposition(k + 1)) {
      last = k;
      ++words_n;
      ++k;
      break;
    }
    // "Asja Fischer Assistant Professor, Ruhr-University Bochum": a speaker card's role
    // phrase ends the name.
    if (words_n >= 2 && card_role_end(k) != 0) break;
    if (!titlew(k) || common(k) || is(k, kLxLegal) || is(k, kLxDesc)) break;
    // "Jane Doe Title: Founder", "Jane Doe Published: 12 Sep": a page label after the name.
    if (words_n >= 2 && k + 1 < t_.size() && punct(k + 1, ':') && page_label(k)) {
      label = true;
      break;
    }
    // "Virginia Coach Al Groh", "Security Advisor Henry Kissinger": a role word between
    // capitalised words introduces the name after it.
    if (is(k, kLxPersonCue) && k + 1 < t_.size() && spaced(k + 1) && titlew(k + 1)) break;
    if (words_n >= 2 && first_name(k) && !first_name(last)) {
      split = true;  // "Sara Morrison Alex Murdaugh": two names side by side
      break;
    }
    last = k;
    ++words_n;
    ++k;
    // "Kilroy-Silk", "Bankman-Fried"
    while (k + 1 < t_.size() && has(k, kPunct) && is_dash(t_[k].cp) && glued(k) && glued(k + 1) &&
           titlew(k + 1) && !covered_[k + 1]) {
      last = k + 1;
      k += 2;
    }
    // "Lee Hun-jai", "Ban Ki-moon": a Korean given name's lower-case second syllable.
    if (words_n == 2 && k + 1 < t_.size() && has(k, kPunct) && is_dash(t_[k].cp) && glued(k) &&
        glued(k + 1) && word(k + 1) && !has(k + 1, kHasUpper) && !has(k + 1, kHasDigit) &&
        t_[k + 1].end - t_[k + 1].begin <= 4 && t_[last].end - t_[last].begin <= 4 &&
        !(k + 2 < t_.size() && glued(k + 2) && word(k + 2))) {
      last = k + 1;
      k += 2;
      break;
    }
  }
  if (words_n < 2) return 0;
  // "Josh Achiam Researcher at OpenAI", "Jane Doe Director of Research": a profile card's role
  // after the name, then "at"/"of" and where, or a speaker card's role phrase (not a named
  // chair: "the John L. Hinds Professor of History").
  const bool role_after = (k + 1 < t_.size() && spaced(k) && capw(k) && is(k, kLxPersonCue) &&
                           has(k, kHasLower) && spaced(k + 1) && !lower_is(k, "professor") &&
                           (lower_is(k + 1, "at") || lower_is(k + 1, "of"))) ||
                          (card_role_end(k) != 0 && !(i > 0 && lower_is(i - 1, "the")));
  // A longer capitalised run goes on: an organisation or a title, not a person.
  if (!split && !label && !role_after && k < t_.size() && spaced(k) && capw(k)) return 0;
  // "Jonathan Guyer Formula 1": a number after the last word makes it a product/title.
  if (k < t_.size() && spaced(k) && word(k) && has(k, kHasDigit) && !has(k, kUpperFirst)) {
    if (words_n <= 2) return 0;
    std::size_t q = last;
    while (q > i && !word(q - 1)) --q;
    last = q - 1;
    while (last > i && !word(last)) --last;
    if (last == i) return 0;
  }
  const std::string_view ln = tx(last);
  // "Will Apple ...": the last word is a one-word gazetteer name that did not match here.
  // A word that only starts longer names ("Fox" of "Fox Corporation") may end a person's.
  if (starts_name(last) && one_word_alias(last)) return 0;
  if (ln.size() < 2) return 0;
  return (suffix_end ? suffix_end : last + 1) - i;
}

/// Length in tokens of a company name starting at i: 1..max capitalised words, the first
/// one not a common word; "&" and "and" may join words. 0 if none.
std::size_t Scan::company_name_at(std::size_t i, std::size_t max_words) const {
  if (!namey(i)) return 0;
  std::size_t k = i + 1, words_n = 1, end = i + 1;
  while (k < t_.size() && words_n < max_words) {
    if (has(k, kNewlineBefore) || covered_[k]) break;
    if (spaced(k) && capw(k) && !is(k, kLxPersonCue | kLxCompanyRole)) {
      ++words_n;
      end = ++k;
      continue;
    }
    if (punct(k, '&') && spaced(k) && k + 1 < t_.size() && capw(k + 1) && spaced(k + 1) &&
        !covered_[k + 1]) {
      k += 2;
      ++words_n;
      end = k;
      continue;
    }
    // "Baldwin O'Bryan Architects": an apostrophe's surname inside a company's name.
    if (has(k, kPunct) && is_apostrophe(t_[k].cp) && glued(k) && k + 1 < t_.size() &&
        glued(k + 1) && titlew(k + 1) && !covered_[k + 1] &&
        (tx(k - 1) == "O" || tx(k - 1) == "D")) {
      k += 2;
      end = k;
      continue;
    }
    if ((punct(k, '.') || is_dash(t_[k].cp)) && has(k, kPunct) && glued(k) && k + 1 < t_.size() &&
        word(k + 1) && glued(k + 1) && !covered_[k + 1]) {  // "Amazon.com", "Hewlett-Packard"
      k += 2;
      end = k;
      continue;
    }
    break;
  }
  return end - i;
}

// "Acme Corp", "Acme Holdings Inc.", "Procter & Gamble Co", "Texaco Inc <TX>".
bool Scan::rule_legal_suffix(std::size_t i) {
  if (!capw(i) || covered_[i] || !is(i, kLxLegal)) return false;
  std::string_view suf = tx(i);
  // The suffix must follow the name (space, or ", Inc.").
  std::size_t j = i;  // exclusive end of the name part
  if (i >= 1 && punct(i - 1, ',') && glued(i - 1) && spaced(i))
    j = i - 1;
  else if (!spaced(i))
    return false;
  if (j == 0) return false;
  // "Kidder Peabody and Co": the connector belongs to the suffix.
  if (suf == "Co" && j >= 2 && (punct(j - 1, '&') || lower_is(j - 1, "and")) && spaced(j - 1)) --j;
  // "Co Ltd", "Holdings Plc": handled from the first suffix word.
  if (capw(j - 1) && is(j - 1, kLxLegal)) return false;
  // Short, ambiguous suffixes need a strong name before them.
  const bool weak_suffix = suf == "SA" || suf == "AG" || suf == "AB" || suf == "NV" ||
                           suf == "BV" || suf == "KK" || suf == "LP" || suf == "Co" ||
                           suf == "ASA" || suf == "KG" || suf == "Spa" || suf == "SPA" ||
                           suf == "Oy" || suf == "Sdn";
  // Walk back over the name.
  std::size_t b = j, words_n = 0;
  bool mixed_case = false;        // a word with lower-case letters seen
  bool joined = false;            // "Standard and Poor's Corp": two names joined
  bool inner_possessive = false;  // "International King's Table Inc"
  while (b > 0 && words_n < 5) {
    const std::size_t k = b - 1;
    if (covered_[k]) break;
    // "Heck's Inc", "Chili's Inc": an "'s" right before the suffix is the name's own.
    if (words_n == 0 && k + 1 == j && lower_is(k, "s") && glued(k) && k >= 2 &&
        has(k - 1, kPunct) && is_apostrophe(t_[k - 1].cp) && glued(k - 1) && capw(k - 2) &&
        !covered_[k - 2] && !is(k - 2, kLxLegal)) {
      b = k - 2;
      ++words_n;
      mixed_case |= has(k - 2, kHasLower);
      if (has(k - 2, kNewlineBefore)) break;  // not the headline above ("... BANKRUPTCY")
      continue;
    }
    // "E.A. Viner Holdings Ltd": initials before the name.
    if (words_n > 0 && punct(k, '.') && glued(k) && spaced(k + 1) && k >= 1 && capw(k - 1) &&
        !has(k - 1, kHasLower) && t_[k - 1].end - t_[k - 1].begin == 1 && !covered_[k - 1]) {
      b = k - 1;
      ++words_n;
      continue;
    }
    if (capw(k) && (is(k, kLxLegal) || (is(k, kLxLeading) && spaced(k + 1)))) break;
    // "SALE OF ASSETS McLean Industries Inc": an all-caps headline before the name.
    if (mixed_case && capw(k) && !has(k, kHasLower) && t_[k].end - t_[k].begin > 1 && k >= 1 &&
        spaced(k) && capw(k - 1) && !has(k - 1, kHasLower))
      break;
    if (capw(k) || (word(k) && has(k, kHasDigit) && has(k, kHasUpper))) {
      ++words_n;
      b = k;
      mixed_case |= has(k, kHasLower);
      if (has(k, kNewlineBefore)) break;
      continue;
    }
    // "Fireman's Fund Corp" (not "Finland's Neste Oy": a place's possessive); an ordinary
    // word's inside a longer name: "International King's Table Inc".
    if (lower_is(k, "s") && glued(k) && k >= 2 && has(k - 1, kPunct) &&
        is_apostrophe(t_[k - 1].cp) && glued(k - 1) && capw(k - 2) && !covered_[k - 2] &&
        !is(k - 2, kLxLegal) && words_n > 0 &&
        (!common(k - 2) || (words_n == 1 && k >= 3 && spaced(k - 2) && capw(k - 3) &&
                            !covered_[k - 3] && !has(k - 2, kNewlineBefore)))) {
      // "NACCO's North American Coal Corp": two words after the possessive are the name.
      if (words_n >= 2) break;
      b = k - 2;
      ++words_n;
      inner_possessive = true;
      if (has(k - 2, kNewlineBefore)) break;
      continue;
    }
    // (Not before "Spa"/"SPA": "Banco di Sicilia and Efibanca Spa" is a list.)
    if ((punct(k, '&') ||
         ((lower_is(k, "and") || lower_is(k, "und") || lower_is(k, "et")) && suf != "Spa" &&
          suf != "SPA") ||
         lower_is(k, "de") ||
         (lower_is(k, "of") && k >= 1 && word(k - 1) && kOfHeads.count(tx(k - 1)))) &&
        k >= 1 && capw(k - 1) && !covered_[k - 1] && words_n > 0) {
      b = k;
      joined |= punct(k, '&') || lower_is(k, "and");
      continue;
    }
    // "General Motors of Canada Ltd", "David Wyss of Data Resources Inc": the name goes on
    // before "of", or a person precedes it. Either way, not this rule's business; after a
    // lower-case word ("debt of Michigan General Corp") the name starts after "of".
    if (lower_is(k, "of") && words_n > 0) {
      // (Not "a unit of Aluminum Co of America": the name goes on after the suffix.)
      if (k >= 1 && word(k - 1) && !has(k - 1, kHasUpper) && spaced(k) && !lower_is(i + 1, "of"))
        break;
      return false;
    }
    if ((punct(k, '.') || punct(k, '/') || (has(k, kPunct) && is_dash(t_[k].cp))) && glued(k) &&
        glued(k + 1) && k >= 1 && word(k - 1) && words_n > 0) {  // "WGM/Eastman Inc"
      b = k;
      continue;
    }
    break;
  }
  // Trim leading connectors and sentence words ("The", "Rival", "Yesterday"), but not an
  // initial ("A.H. Robins Co").
  // A country's possessive that lost its apostrophe ("to acquire UKs Abbey National Plc").
  while (b < j && (has(b, kPunct) || (word(b) && !capw(b)) ||
                   (is(b, kLxLeading) && !(b + 1 < j && punct(b + 1, '.') && glued(b + 1))) ||
                   (b + 1 < j && (tx(b) == "UKs" || tx(b) == "USs" || tx(b) == "EUs"))))
    ++b;
  if (b >= j || !capw(b)) return false;
  // "Texaco Canada Ltd": the walk stopped at a gazetteer name; the rest is not a name.
  if (b > 0 && covered_[b - 1] && spaced(b) && capw(b - 1)) return false;

  // At least one word that is not a common word unless the suffix is unambiguous.
  bool strong = inner_possessive;  // a possessive inside makes a name of ordinary words
  for (std::size_t k = b; k < j; ++k)
    if (capw(k) && !common(k)) strong = true;
  // "Energy Development Partners Ltd said": an organisation word before the suffix makes a
  // name of ordinary words at a sentence start too.
  const bool org_before = !weak_suffix && j - b >= 2 && (org_word(j - 1) || joined);
  if (!strong && (weak_suffix || (has(b, kSentenceStart) && !org_before))) return false;
  if (weak_suffix && noisy(i)) return false;
  // Extend over "Inc." / "Co., Ltd." / "Holdings Inc".
  std::size_t e = i + 1;
  auto dot_after = [&](std::size_t k) { return k < t_.size() && punct(k, '.') && glued(k); };
  auto abbrev = [](std::string_view s) {
    return s == "Inc" || s == "Corp" || s == "Co" || s == "Ltd" || s == "Cos" || s == "Bhd" ||
           s == "Pty" || s == "Plc";
  };
  if (abbrev(tx(i)) && dot_after(e)) ++e;
  for (int more = 0; more < 2; ++more) {
    std::size_t k = e;
    if (k < t_.size() && punct(k, ',') && glued(k)) ++k;
    if (k < t_.size() && spaced(k) && capw(k) && is(k, kLxLegal) && !covered_[k]) {
      e = k + 1;
      if (abbrev(tx(k)) && dot_after(e)) ++e;
    } else {
      break;
    }
  }
  std::string name(text_.substr(t_[b].begin, t_[j - 1].end - t_[b].begin));
  std::string key = NameRecognizer::company_key(name);
  // Government corporations are government bodies, not companies (the guidelines): the
  // name is claimed, so no other rule makes it one.
  static const ViewSet kGovernmentCorps = {"commodity credit",
                                           "federal deposit insurance",
                                           "federal savings and loan insurance",
                                           "pension benefit guaranty",
                                           "overseas private investment",
                                           "resolution trust",
                                           "federal crop insurance",
                                           "corporation for public broadcasting"};
  for (std::string_view g : kGovernmentCorps)
    if (key == g ||
        (key.size() > g.size() && key.compare(key.size() - g.size(), g.size(), g) == 0 &&
         key[key.size() - g.size() - 1] == ' ')) {
      for (std::size_t k = b; k < e; ++k) covered_[k] = 1;
      return true;
    }
  // (An own "'s" stays out of the key, as company_key() and canonical_key() drop it: "Heck's
  // Inc" and "Heck's said" are one key, which the filter company:"heck's" finds.)
  std::int64_t known = g_.find_name(EntityKind::company, name);
  if (known < 0) known = find_company(name);  // "Morgan Stanley Group Inc"
  if (known >= 0) key = g_.entry(static_cast<std::uint32_t>(known)).key;
  add_rule(EntityKind::company, b, e, j, std::move(key), false);
  return true;
}

// "Synergy Research Group", "Anduril Industries", "Scale AI".
bool Scan::rule_desc_suffix(std::size_t i) {
  if (!capw(i) || covered_[i] || !is(i, kLxDesc) || !spaced(i) || noisy(i)) return false;
  // Not followed by more capitalised words (unless a legal suffix, handled before) nor by
  // "of X" ("Reserve Bank of New Zealand").
  if (i + 1 < t_.size() && spaced(i + 1) && (capw(i + 1) || lower_is(i + 1, "of"))) return false;
  const bool ai = tx(i) == "AI";
  std::size_t b = i, words_n = 0;
  while (b > 0 && words_n < (ai ? 1u : 3u)) {
    const std::size_t k = b - 1;
    if (!namey(k) || noisy(k)) break;
    if (!has(k, kHasLower)) break;  // all-caps words: acronyms, not names
    b = k;
    ++words_n;
    if (!spaced(k)) break;
  }
  if (words_n == 0) return false;
  // The run must start here: a capitalised word before it makes it part of a title;
  // "10 Breakthrough Technologies" is a list title, "Human-Centered AI" a compound.
  if (b > 0 && spaced(b) && (capw(b - 1) || (word(b - 1) && has(b - 1, kHasDigit)))) return false;
  if (b > 0 && !spaced(b) && has(b - 1, kPunct) && is_dash(t_[b - 1].cp)) return false;
  if (ai) {
    // "X AI" is mostly a product or a field ("Vertex AI", "Constitutional AI"): only with a
    // company cue before it or a company verb after it.
    static const ViewSet kAfter = {"ceo",        "cto",      "cfo",      "founder",    "cofounder",
                                   "co-founder", "said",     "says",     "raised",     "announced",
                                   "launched",   "released", "unveiled", "introduced", "acquired",
                                   "told",       "founded",  "builds",   "develops",   "makes",
                                   "offers",     "provides", "secured",  "closed"};
    const bool after = i + 1 < t_.size() && word(i + 1) && kAfter.count(lower(i + 1));
    const bool before = b > 0 && word(b - 1) && !has(b - 1, kHasUpper) && is(b - 1, kLxCompanyNoun);
    if (has(b, kSentenceStart) || !(after || before)) return false;
  }
  if (public_name(b, i + 1)) return false;  // "Reserve Bank", "World Bank"
  std::string key = lower_utf8(collapse_space(text_.substr(t_[b].begin, t_[i].end - t_[b].begin)));
  add_rule(EntityKind::company, b, i + 1, i, std::move(key), true);
  return true;
}

// After a role ("CEO of", "founder at"): the company named next.
void Scan::company_after_role(std::size_t from) {
  for (std::size_t k = from, steps = 0; k < t_.size() && steps < 7; ++k, ++steps) {
    if (has(k, kNewlineBefore) || punct(k, '.') || punct(k, ';')) return;
    if (lower_is(k, "of") || lower_is(k, "at")) {
      std::size_t y = k + 1;
      if (lower_is(y, "the")) return;
      const std::size_t len = company_name_at(y, 3);
      if (len == 0 || noisy(y)) return;
      // "officer at AI-powered customer platform X": a compound adjective, not a name.
      {
        const std::size_t last = y + len - 1;
        if (last > y && word(last) && !has(last, kUpperFirst) && has(last - 1, kPunct) &&
            is_dash(t_[last - 1].cp))
          return;
      }
      // Not a person ("of Jane Doe") nor a place-like common word.
      std::string name(text_.substr(t_[y].begin, t_[y + len - 1].end - t_[y].begin));
      std::string key = NameRecognizer::company_key(name);
      const std::int64_t known = g_.find_name(EntityKind::company, name);
      if (known >= 0) key = g_.entry(static_cast<std::uint32_t>(known)).key;
      add_rule(EntityKind::company, y, y + len, y + len, std::move(key), false);
      return;
    }
  }
}

// "CEO Jane Doe", "said Jane Doe", "Jane Doe, chief executive of Acme", "Jane Doe said".
bool Scan::rule_person_cues(std::size_t i) {
  if (!titlew(i) || covered_[i]) return false;
  // Inside a long capitalised run (menus, tag clouds) only after a title and before "said":
  // "Deputy Prime Minister and Finance-Economy Minister Lee Hun-jai said".
  // Or as a caption's "Name, Role, Company" (role_caption()).
  const bool in_run = has(i, kTitleRun);
  const bool title_before = i >= 1 && spaced(i) && is(i - 1, kLxTitle);
  // Pre-cue.
  bool cue = false;
  if (i >= 1 && spaced(i)) {
    std::size_t c = i - 1;
    if (punct(c, '.') && c >= 1 && glued(c)) --c;  // "Dr. Jane Doe"
    if (is(c, kLxPersonCue) && !has(c + 1, kNewlineBefore) && !soft_cue_refused(c)) {
      cue = true;
      // "by" introduces bylines and authors, but also titles ("Seen by Contemporary
      // Observers"): only with a known given name.
      if (lower_is(c, "by") && !first_name(i)) cue = false;
      // "by" only for bylines at a line start ("By Jane Doe").
    } else if (c >= 1 && lower_is(c, "to") && lower_is(c - 1, "according")) {
      cue = true;
    } else if (punct(c, ',') && glued(c) && c >= 1 && word(c - 1) && !has(c - 1, kHasUpper) &&
               is(c - 1, kLxPersonCue) && !lower_is(c - 1, "said") && !lower_is(c - 1, "says") &&
               !lower_is(c - 1, "told") && !lower_is(c - 1, "by") && !soft_cue_refused(c - 1)) {
      // "the oil minister, Rilwanu Lukman, said": a role, a comma, the name.
      cue = !soft_apposition_refused(c - 1, i);
    }
    // "Secretary of State Colin Powell"
    if (!cue && i >= 3 && capw(i - 1)) cue = title_phrase_before(i);
  }
  // "an Oklahoma Republican, asked the COO": after an indefinite article, a description.
  if (!cue && i >= 1 && spaced(i) && (lower_is(i - 1, "an") || lower_is(i - 1, "a")) &&
      !has(i - 1, kHasUpper))
    return false;
  std::size_t len = person_name_at(i, false);
  if (len == 0) return false;
  const std::size_t e = i + len;
  const bool caption = first_name(i) && role_caption(e);
  // In a profile page's run ("... Past Editions 2020 Jane Doe is the Founder and CEO of"):
  // the two words right before "is the <role>" are a name.
  auto role_after_is = [&](std::size_t k) {
    if (!(k + 2 < t_.size() && (lower_is(k, "is") || lower_is(k, "was")) && !has(k, kHasUpper)))
      return false;
    ++k;
    if (!(lower_is(k, "the") || lower_is(k, "a") || lower_is(k, "an"))) return false;
    ++k;
    // (The role capitalised too: "is the Founder and CEO".)
    for (std::size_t s = 0; s < 2 && k < t_.size() && word(k); ++s, ++k)
      if (is(k, kLxPersonRole) || in_set(W.person_roles, lower(k))) return true;
    return false;
  };
  const bool profile = len == 2 && !common(i) && !common(i + 1) && role_after_is(e);
  if (in_run && !caption && !profile &&
      !(title_before && e < t_.size() && (lower_is(e, "said") || lower_is(e, "says")) &&
        !has(e, kHasUpper)))
    return false;
  bool post = false, role_company = false;
  if (!cue) {
    std::size_t k = e;
    if (k < t_.size() && punct(k, ',') && glued(k)) {
      ++k;
      if (lower_is(k, "the") || lower_is(k, "a") || lower_is(k, "an") || lower_is(k, "former") ||
          lower_is(k, "then"))
        ++k;
      for (std::size_t s = 0; s < 6 && k < t_.size(); ++s, ++k) {
        if (punct(k, ',') || punct(k, '.') || has(k, kNewlineBefore)) break;
        if (is(k, kLxPersonRole)) {
          post = true;
          role_company = is(k, kLxCompanyRole);
          break;
        }
        // "the airline 's gregarious Australian chief executive"
        if (!(word(k) || (has(k, kPunct) && (is_dash(t_[k].cp) || is_apostrophe(t_[k].cp))))) break;
      }
    } else if (k < t_.size() &&
               (lower_is(k, "said") || lower_is(k, "says") || lower_is(k, "told") ||
                lower_is(k, "wrote") || lower_is(k, "added") || lower_is(k, "explained") ||
                lower_is(k, "noted"))) {
      post = !has(k, kHasUpper);
    } else if (k < t_.size() && (lower_is(k, "is") || lower_is(k, "was"))) {
      ++k;
      if (lower_is(k, "the") || lower_is(k, "a") || lower_is(k, "an")) ++k;
      for (std::size_t s = 0; s < 2 && k < t_.size(); ++s, ++k) {
        if (is(k, kLxPersonRole)) {
          post = true;
          role_company = is(k, kLxCompanyRole);
          break;
        }
        if (!word(k) || lower_is(k, "of") || lower_is(k, "for")) break;
      }
    }
  }
  if (!cue && !post) post = age_apposition(e);  // "Jane Doe, 45, said"
  // "Jane Doe, who chairs the committee": a relative pronoun only people take; the name
  // starts here ("Admiral John Poindexter, who" is John Poindexter's).
  if (!cue && !post && e + 1 < t_.size() && punct(e, ',') && glued(e) &&
      (lower_is(e + 1, "who") || lower_is(e + 1, "whose")) && !has(e + 1, kHasUpper))
    post = (len == 2 || first_name(i)) &&
           !(i >= 1 && spaced(i) && capw(i - 1) && !(has(i - 1, kSentenceStart) && common(i - 1)));
  if (!cue && !post) post = caption;
  if (!cue && !post) return false;
  // "LVMH Moet Hennessy Louis said": the name goes on a company's name (not in a caption,
  // where "Yelp Eat24 Mike Ghaffary, CEO," follows the previous picture's company).
  if (!cue && !caption && !profile) {
    std::size_t k = i;
    while (k > 0 && i - k < 3 && spaced(k) && capw(k - 1) && !covered_[k - 1]) --k;
    if (k > 0 && k < i + 1 && spaced(k) && covered_[k - 1] && capw(k - 1))
      for (const Cand& c : cands_)
        if (!c.dead && c.te == k && c.kind == EntityKind::company) return false;
  }
  // A heading may hold a real name after a cue, but not a bare "X Y said"; after "says"
  // in a headline ("IBM Says Swamps Rivals") only a known given name starts a name.
  if (has(i, kHeading) && !cue) return false;
  if (has(i, kHeading) && i >= 1 && (lower_is(i - 1, "says") || lower_is(i - 1, "said")) &&
      !first_name(i))
    return false;
  add_person(i, e - i, !cue && !caption);
  if (role_company) company_after_role(e);
  return true;
}

// "Daniel Garry" where Daniel is a known given name.
bool Scan::rule_first_name(std::size_t i) {
  if (!titlew(i) || covered_[i] || noisy(i)) return false;
  if (!first_name(i)) return false;
  if (has(i, kSentenceStart) && common(i)) return false;
  // "St. Louis Cardinals", "Ft. Worth"
  if (i >= 2 && punct(i - 1, '.') && glued(i - 1) &&
      (tx(i - 2) == "St" || tx(i - 2) == "Mt" || tx(i - 2) == "Ft"))
    return false;
  // A capitalised word before it makes it part of something longer ("Grace Hopper
  // Celebration" is caught by the run check; "Rhode Island Jane"?).
  // A nationality is no part of the name ("American Andy Roddick"), nor a capitalised
  // conjunction or preposition where no sentence start was seen ("Dominican Republic -- When
  // Sandro Batista smashed"); an article starts a title or a team ("The Charlotte Bobcats").
  if (i >= 1 && spaced(i) && capw(i - 1) && !covered_[i - 1] && !is(i - 1, kLxTitle) &&
      !((has(i - 1, kSentenceStart) ||
         (is(i - 1, kLxLeading) && !lower_is(i - 1, "the") && !lower_is(i - 1, "a"))) &&
        common(i - 1)) &&
      !demonym(i - 1))
    return false;
  const std::size_t len = person_name_at(i, true);
  if (len == 0) return false;
  add_person(i, len, true);
  return true;
}

// "Paris-based startup Mistral", "AI startup Glean", "Glean, a startup that ...",
// "Acme CEO Jane Doe".
bool Scan::rule_company_cues(std::size_t i) {
  if (!namey(i) || noisy(i)) return false;
  auto make = [&](std::size_t b, std::size_t len) {
    std::string name(text_.substr(t_[b].begin, t_[b + len - 1].end - t_[b].begin));
    std::string key = NameRecognizer::company_key(name);
    const std::int64_t known = g_.find_name(EntityKind::company, name);
    if (known >= 0) key = g_.entry(static_cast<std::uint32_t>(known)).key;
    add_rule(EntityKind::company, b, b + len, b + len, std::move(key), false);
    return true;
  };
  // Preceded by a company noun: "startup Glean", "-based AI company Mistral".
  if (i >= 1 && spaced(i) && !has(i, kSentenceStart)) {
    std::size_t c = i - 1;
    if (word(c) && !has(c, kHasUpper) && is(c, kLxCompanyNoun)) {
      bool ok = is(c, kLxCompanyIntro);
      if (!ok) {
        // look back for "-based" within 5 tokens
        for (std::size_t k = c, s = 0; k-- > 0 && s < 6; ++s) {
          if (has(k + 1, kNewlineBefore) || punct(k, '.') || punct(k, ',')) break;
          if (lower_is(k, "based") && k >= 1 && has(k - 1, kPunct) && is_dash(t_[k - 1].cp)) {
            ok = true;
            break;
          }
        }
      }
      if (ok) {
        const std::size_t len = company_name_at(i, 3);
        if (len > 0) {
          // "startup Jane Doe" is a person; let the person rules decide.
          if (len >= 2 && first_name(i)) return false;
          return make(i, len);
        }
      }
    }
  }
  // Followed by a role: "Acme CEO Jane Doe", "Acme co-founder ...".
  {
    const std::size_t len = company_name_at(i, 2);
    if (len > 0 && len <= 2) {
      const std::size_t r = i + len;
      if (r < t_.size() && spaced(r) &&
          (tx(r) == "CEO" || tx(r) == "CTO" || tx(r) == "CFO" || lower_is(r, "founder") ||
           lower_is(r, "co-founder") || lower_is(r, "cofounder") ||
           (r + 2 < t_.size() && lower_is(r, "co") && is_dash(t_[r + 1].cp) &&
            lower_is(r + 2, "founder")) ||
           (lower_is(r, "chief") && r + 1 < t_.size() && lower_is(r + 1, "executive")))) {
        if (!(len == 1 && first_name(i))) {
          // The role must be followed by a person-like name or a verb; keep it simple:
          // require the next token after the role to be capitalised (a name).
          std::size_t nx = r + 1;
          if (lower_is(r, "chief")) nx = r + 2;
          if (lower_is(r, "co")) nx = r + 3;
          if (nx < t_.size() && titlew(nx)) return make(i, len);
        }
      }
    }
  }
  // Appositive: "Glean, a startup that ...", "Virtana, a cloud company", "Explosion, the company
  // behind spaCy" (after "the" the noun must be followed by "behind", "that", "which" or
  // "whose": "Smith, the company's founder" is a person).
  {
    const std::size_t len = company_name_at(i, 3);
    if (len == 0) return false;
    if (i >= 1 && spaced(i) && capw(i - 1)) return false;
    std::size_t k = i + len;
    if (!(k < t_.size() && punct(k, ',') && glued(k))) return false;
    ++k;
    if (lower_is(k, "the") && k + 2 < t_.size() && word(k + 1) && !has(k + 1, kHasUpper) &&
        is(k + 1, kLxCompanyNoun) && spaced(k + 2) &&
        (lower_is(k + 2, "behind") || lower_is(k + 2, "that") || lower_is(k + 2, "which") ||
         lower_is(k + 2, "whose"))) {
      if (first_name(i) && len >= 2) return false;
      return make(i, len);
    }
    if (!(lower_is(k, "a") || lower_is(k, "an"))) return false;
    ++k;
    for (std::size_t s = 0; s < 6 && k < t_.size(); ++s, ++k) {
      if (punct(k, ',') || punct(k, '.') || has(k, kNewlineBefore)) return false;
      if (word(k) && !has(k, kHasUpper) && is(k, kLxCompanyNoun)) {
        if (first_name(i) && len >= 2) return false;
        return make(i, len);
      }
      if (!(word(k) || (has(k, kPunct) && is_dash(t_[k].cp)))) return false;
    }
  }
  return false;
}

void Scan::rules_pass() {
  // Every rule starts on a capitalised word that no gazetteer name claimed.
  std::vector<std::uint32_t>& caps = caps_;
  caps.resize(caps_all_.size());
  {
    std::size_t m = 0;
    for (std::uint32_t i : caps_all_) {
      caps[m] = i;
      m += !covered_[i];
    }
    caps.resize(m);
  }
  // Company suffix rules first: they bind tighter than person rules.
  for (std::uint32_t i : caps)
    if (!covered_[i]) rule_legal_suffix(i);
  org_rules_pass();
  for (std::uint32_t i : caps)
    if (!covered_[i]) rule_desc_suffix(i);
  for (std::uint32_t i : caps)
    if (!covered_[i] && titlew(i)) rule_party_cue(i);
  for (std::uint32_t i : caps)
    if (!covered_[i] && titlew(i)) rule_name_over_company(i);
  for (std::uint32_t i : caps)
    if (!covered_[i] && titlew(i)) rule_person_cues(i);
  person_rules4();
  person_name_runs();
  for (std::uint32_t i : caps)
    if (!covered_[i] && titlew(i)) rule_first_name(i);
  for (std::uint32_t i : caps)
    if (!covered_[i]) rule_company_cues(i);
  org_cues_late();
  syndicate_members();
  list_members();
  person_list_members();

  // Words of rule-found names that also occur in lower case are ordinary words; surnames
  // that do are not propagated to sentence starts.
  for (const Cand& c : cands_) {
    if (c.rule && c.check_lower)
      for (std::uint32_t k = c.tb; k < c.name_te; ++k)
        if (word(k) && has(k, kHasLower)) wanted_lower_.emplace(lower(k));
    if (c.kind == EntityKind::person && c.te - c.tb >= 2) wanted_lower_.emplace(lower(c.te - 1));
  }
  find_lower_occurrences();
  for (Cand& c : cands_) {
    if (!c.rule || !c.check_lower) continue;
    for (std::uint32_t k = c.tb; k < c.name_te; ++k)
      if (word(k) && has(k, kHasLower) && !first_name(k) && lower_seen(k) &&
          // A person's lower-case particle ("al-Sadr", "van Gogh") is no ordinary word.
          (c.kind != EntityKind::person || has(k, kUpperFirst) || place_head(c.tb))) {
        c.dead = true;
        break;
      }
    if (c.dead)
      for (std::uint32_t k = c.tb; k < c.te; ++k) covered_[k] = 0;
  }
}

}  // namespace newsdex::detail::names
