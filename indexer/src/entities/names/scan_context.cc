// Evidence that spans lines and mentions (issue 11): a name wrapped over a fixed-width line
// break ("Nomura\nInternational Ltd"), banks and companies whose name starts with an
// organisation word in French, Spanish, Italian or Portuguese ("Banque Nationale de Paris",
// "Banco Popular Espanol"), a newswire headline name of ordinary words that the story gives
// with a legal suffix ("SUMMIT ENERGY <SUM>" ... "Summit Energy Inc"), and, once the whole
// document is read, an all-capital headline word that the story writes only in lower case
// ("CONSIDERS SNAP POLL" ... "a snap poll") is no name.

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/names.h"
#include "entities/names/chars.h"
#include "entities/names/lexicon.h"
#include "entities/names/scan.h"

namespace newsdex::detail::names {
namespace {

// Words that start a company's name in Romance languages ("Banque Indosuez", "Compagnie
// Generale"), case-exact.
const ViewSet kOrgHeads = {"Banque",   "Banco",    "Banca",     "Caisse",     "Compagnie",
                           "Compania", "Compañía", "Companhia", "Societe",    "Société",
                           "Societa",  "Società",  "Sociedad",  "Financiere", "Financière"};

// Lower-case joining words inside such names ("Banque d'Arbitrage et de Credit").
const ViewSet kOrgJoins = {"de", "du", "des", "et", "del", "della", "di", "do", "da", "y", "e"};

// The shortest line a fixed-width wrap leaves (newswire copy is wrapped near 70 columns).
constexpr std::size_t kMinWrappedLine = 50;

}  // namespace

bool Scan::wrapped(std::size_t i) const {
  if (i == 0 || i >= t_.size() || !has(i, kNewlineBefore) || has(i, kHeading)) return false;
  if (!word(i - 1) && !punct(i - 1, ',') && !punct(i - 1, '&')) return false;
  // Exactly one line break, nothing else: a new paragraph is indented or follows a blank line.
  const std::size_t gap_b = t_[i - 1].end, gap_e = t_[i].begin;
  std::size_t breaks = 0;
  for (std::size_t p = gap_b; p < gap_e; ++p) {
    if (text_[p] == '\n') ++breaks;
    if (text_[p] != '\n' && text_[p] != ' ' && text_[p] != '\r') return false;
  }
  if (breaks != 1 || text_[gap_e - 1] != '\n') return false;
  std::size_t line_b = text_.rfind('\n', gap_b == 0 ? 0 : gap_b - 1);
  line_b = line_b == std::string_view::npos ? 0 : line_b + 1;
  return gap_b - line_b >= kMinWrappedLine;
}

// "Banque Nationale de Paris", "Banque d'Arbitrage et de Credit", "Banco Popular Espanol":
// an organisation head word and the capitalised words (and joining words) after it.
bool Scan::rule_org_head(std::size_t i) {
  if (!capw(i) || covered_[i] || noisy(i) || !in_set(kOrgHeads, tx(i))) return false;
  const std::size_t n = t_.size();
  std::size_t e = i + 1, last = i;
  for (std::size_t words_n = 0; e < n && words_n < 7; ++words_n) {
    if (!(spaced(e) || wrapped(e))) break;
    // "d'Investissement": an elided "de" glued to the next word.
    if (word(e) && lower_is(e, "d") && e + 2 < n && has(e + 1, kPunct) &&
        is_apostrophe(t_[e + 1].cp) && glued(e + 1) && glued(e + 2) && capw(e + 2) &&
        !covered_[e + 2]) {
      last = e + 2;
      e += 3;
      continue;
    }
    if (word(e) && !has(e, kHasUpper) && in_set(kOrgJoins, tx(e))) {
      ++e;
      continue;
    }
    if (!capw(e) || covered_[e] || legal_word(e)) break;
    last = e;
    ++e;
  }
  if (last == i) return false;  // "Banque" alone
  std::size_t end = last + 1;
  // "Banque Demachy et Associes SA": the legal suffix is not part of the key.
  std::size_t with_suffix = end;
  while (with_suffix < n && with_suffix < end + 2 && spaced(with_suffix) && legal_word(with_suffix))
    ++with_suffix;
  add_rule(EntityKind::company, i, with_suffix, end, gaz_or_key(i, end), false);
  return true;
}

// Whether the words [b, e) occur again later in the text, capitalised, right before a
// legal suffix ("Summit Energy Inc"): the story itself calls them a company's name.
bool Scan::named_with_suffix(std::size_t b, std::size_t e) const {
  if (e <= b) return false;
  const std::string_view want(lower_text_.data() + t_[b].begin, t_[e - 1].end - t_[b].begin);
  for (std::size_t at = lower_text_.find(want, t_[e - 1].end); at != std::string::npos;
       at = lower_text_.find(want, at + 1)) {
    const std::size_t end = at + want.size();
    // Not the tail of a longer name ("ESI Industries Inc" for "INDUSTRIES").
    std::size_t p = at;
    while (p > 0 && text_[p - 1] == ' ') --p;
    std::size_t pw = p;
    while (pw > 0 && std::isalpha(static_cast<unsigned char>(text_[pw - 1])) != 0) --pw;
    if (pw < p && std::isupper(static_cast<unsigned char>(text_[pw])) != 0) continue;
    // Nor the end of "Ford Motor Co of Canada Ltd".
    const std::string_view before = text_.substr(pw, p - pw);
    if (before == "of" || before == "and" || before == "de") continue;
    if ((at > 0 && std::isalnum(static_cast<unsigned char>(text_[at - 1])) != 0) ||
        !(text_[at] >= 'A' && text_[at] <= 'Z') || !(text_[at + 1] >= 'a' && text_[at + 1] <= 'z'))
      continue;
    std::size_t w = end;
    if (w >= text_.size() || (text_[w] != ' ' && text_[w] != '\n')) continue;
    ++w;
    std::size_t we = w;
    while (we < text_.size() && std::isalpha(static_cast<unsigned char>(text_[we])) != 0) ++we;
    if (we > w && std::isupper(static_cast<unsigned char>(text_[w])) != 0 &&
        is_legal_suffix(text_.substr(w, we - w)))
      return true;
  }
  return false;
}

// "RULING PARTY CONSIDERS SNAP POLL" ... "a snap poll": a one-word gazetteer name in an
// all-capital heading is an ordinary word when the story writes it in lower case and never
// capitalised.
void Scan::drop_heading_words() {
  for (Cand& c : cands_) {
    if (c.dead || c.rule || c.te != c.tb + 1 || c.kind == EntityKind::person) continue;
    const std::size_t i = c.tb;
    if (!has(i, kHeading) || has(i, kHasLower) || t_[i].end - t_[i].begin < 3) continue;
    const std::string_view w = lower(i);
    bool lower_case = false, capitalised = false;
    for (std::size_t at = lower_text_.find(w); at != std::string::npos && !capitalised;
         at = lower_text_.find(w, at + 1)) {
      if (at == t_[i].begin) continue;
      const std::size_t end = at + w.size();
      if ((at > 0 && std::isalnum(static_cast<unsigned char>(lower_text_[at - 1])) != 0) ||
          (end < lower_text_.size() &&
           std::isalnum(static_cast<unsigned char>(lower_text_[end])) != 0))
        continue;
      const char first = text_[at];
      if (first >= 'a' && first <= 'z')
        lower_case = true;
      else
        capitalised = true;
    }
    if (lower_case && !capitalised) c.dead = true;
  }
}

}  // namespace newsdex::detail::names
