// The scanner's third-round person evidence (issue 11): cues that no given-name list
// holds. A title phrase ("Secretary of State Colin Powell"), a nationality before a given
// name ("American Andy Roddick"), an age apposition ("John Smith, 45, said"), a given name
// before a word the gazetteer knows as a company ("Henry Ford once said"), and, after
// propagation (so that a surname given in full elsewhere keeps the full key), one-word
// names after an honorific ("Mr Berlusconi", "Sir Richard", "Judge (Harold) Greene"), a
// family noun ("his wife Barbara") or as the speaker of a quote (`," Burress said of his`).
//
// Every rule looks at a bounded window of tokens around one capitalised word.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "entities/names.h"
#include "entities/names/chars.h"
#include "entities/names/lexicon.h"
#include "entities/names/scan.h"

namespace newsdex::detail::names {

namespace {

// Nationality adjectives: "Italian driver", "American Andy Roddick". Evidence of a person
// only before a known given name or a role word, never alone.
const ViewSet kDemonyms = {
    "American",   "British",     "English",     "Scottish",   "Welsh",      "Irish",
    "French",     "German",      "Italian",     "Spanish",    "Portuguese", "Dutch",
    "Belgian",    "Swiss",       "Austrian",    "Swedish",    "Norwegian",  "Danish",
    "Finnish",    "Polish",      "Czech",       "Russian",    "Ukrainian",  "Greek",
    "Turkish",    "Israeli",     "Palestinian", "Iraqi",      "Iranian",    "Afghan",
    "Pakistani",  "Indian",      "Chinese",     "Japanese",   "Korean",     "Thai",
    "Indonesian", "Malaysian",   "Filipino",    "Vietnamese", "Australian", "Canadian",
    "Mexican",    "Brazilian",   "Argentine",   "Chilean",    "Colombian",  "Venezuelan",
    "Cuban",      "Egyptian",    "Saudi",       "Syrian",     "Lebanese",   "Jordanian",
    "Kenyan",     "Nigerian",    "Sudanese",    "Ethiopian",  "Zimbabwean", "Croatian",
    "Serbian",    "Romanian",    "Hungarian",   "Bulgarian",  "Slovak",     "Argentinian",
    "Taiwanese",  "Singaporean", "Peruvian",    "Moroccan",   "Algerian",   "Tunisian",
    "Libyan",     "Yemeni",      "Kuwaiti",     "Zambian",    "Ghanaian"};

// Honorifics and titles that make the one capitalised word after them a person's name
// ("Mr Berlusconi", "Sir Richard", "Prince Harry", "Gov. Schwarzenegger").
const ViewSet kHonorifics = {"Mr",   "Mrs",      "Ms",       "Dr",        "Sir",        "Dame",
                             "Lord", "Prince",   "Princess", "President", "Senator",    "Sen",
                             "Gov",  "Governor", "Rep",      "Judge",     "Chancellor", "Premier",
                             "Pope", "Mayor",    "Sheikh",   "Gen",       "Ayatollah"};

// Offices named with "of": "Secretary of State Colin Powell", "Minister of Finance X".
const ViewSet kOfficeTitles = {
    "secretary", "minister",     "director",   "chairman",   "chairwoman",    "president",
    "governor",  "commissioner", "ambassador", "chancellor", "administrator", "undersecretary",
    "deputy",    "mayor",        "vp",         "premier"};

// Family nouns: "his wife Barbara", "her brother Ken" (with a possessive and a given name).
// (Each is a person cue of lexicon.cc, which rule_lone_honorific() tests first.)
const ViewSet kFamily = {"wife",    "husband", "widow",  "son",    "daughter",
                         "brother", "sister",  "mother", "father", "partner"};

// Adverbs between a name and its speech verb ("Henry Ford once said").
const ViewSet kSpeechAdverbs = {"once",     "also",  "later", "then", "previously", "recently",
                                "famously", "often", "has",   "had",  "reportedly"};

bool quote_cp(std::uint32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x00BB;
}

}  // namespace

// "Secretary of State Colin Powell", "Minister of Trade and Industry Jane Doe": a title
// word, "of", one to three capitalised words (an "and" between them), then the name at i.
bool Scan::title_phrase_before(std::size_t i) const {
  if (i < 3 || !spaced(i)) return false;
  // Cheap test first: "of" two to four tokens before the name.
  auto of_at = [&](std::size_t k) {
    return t_[k].end - t_[k].begin == 2 && lower_text_[t_[k].begin] == 'o' &&
           lower_text_[t_[k].begin + 1] == 'f';
  };
  if (!of_at(i - 2) && !of_at(i - 3) && !(i >= 4 && of_at(i - 4))) return false;
  std::size_t k = i, words_n = 0;
  while (k > 0 && words_n < 4 && spaced(k)) {
    const std::size_t p = k - 1;
    if (capw(p) && !covered_[p]) {
      ++words_n;
      k = p;
    } else if (lower_is(p, "and") && words_n > 0) {
      k = p;
    } else {
      break;
    }
  }
  if (words_n == 0 || words_n > 3 || k < 2 || !spaced(k) || !lower_is(k - 1, "of")) return false;
  const std::size_t t = k - 2;
  if (!spaced(k - 1) || !word(t) || !kOfficeTitles.count(lower(t))) return false;
  // The office's words are not roles themselves ("Head of Data Science Evangelism").
  for (std::size_t p = k; p < i; ++p)
    if (is(p, kLxPersonCue)) return false;
  return true;
}

// A role noun of the third round ("star", "driver", "captain") capitalised inside a
// sentence is part of a name or a title ("Star Trek", "Ravens Star Jamal Lewis Pleads"),
// not a cue; at a sentence start ("Striker Emile Heskey") or in capitals it is.
bool Scan::soft_cue_refused(std::size_t c) const {
  if (!word(c) || !has(c, kUpperFirst) || !W.soft_person_cues.count(lower(c))) return false;
  if (!has(c, kHasLower)) return false;  // "SKIPPER Patrick Vieira"
  if (has(c, kHeading)) return true;
  if (has(c, kSentenceStart)) return false;
  // After a dateline or a dash: "AMSTERDAM Cyclist Leontien", "(AP) - Striker Emile".
  return !(c >= 1 && (!word(c - 1) || !has(c - 1, kHasLower)));
}

// "the driver, Rust Belt cities": after a third-round role noun and a comma, the name must
// end its phrase (a comma, a full stop, a dash, "and", "of", "who" or a speech verb).
bool Scan::soft_apposition_refused(std::size_t c, std::size_t i) const {
  if (!word(c) || !W.soft_person_cues.count(lower(c))) return false;
  const std::size_t e = i + person_name_at(i, false);
  if (e == i || e >= t_.size()) return false;
  if (!word(e)) return false;
  return !(lower_is(e, "and") || lower_is(e, "of") || lower_is(e, "who") || speech_after(e));
}

// A line wrap inside a name: after a word or an initial's dot, one line break and
// no indentation, in a paragraph of long lines ("Glenn W.\n    Bailey").
bool Scan::name_wrap(std::size_t k) const {
  if (wrapped(k)) return true;
  if (k < 2 || k >= t_.size() || !has(k, kNewlineBefore) || has(k, kHeading)) return false;
  if (!(punct(k - 1, '.') && glued(k - 1) && capw(k - 2) && t_[k - 2].end - t_[k - 2].begin == 1))
    return false;
  std::size_t breaks = 0;
  for (std::size_t p = t_[k - 1].end; p < t_[k].begin; ++p) {
    if (text_[p] == '\n') ++breaks;
    if (text_[p] != '\n' && text_[p] != ' ' && text_[p] != '\r') return false;
  }
  if (breaks != 1 || text_[t_[k].begin - 1] != '\n') return false;  // no indented paragraph
  const std::size_t gap_b = t_[k - 1].end;
  std::size_t line_b = text_.rfind('\n', gap_b - 1);
  line_b = line_b == std::string_view::npos ? 0 : line_b + 1;
  return gap_b - line_b >= 40;
}

// Some one-word gazetteer name is spelt like token i ("Ford", "Apple").
bool Scan::one_word_alias(std::size_t i) const {
  if (const WordInfo* w = info(i))
    for (std::uint32_t a : w->candidates)
      if (g_.alias(a).tokens.size() == 1) return true;
  return false;
}

bool Scan::demonym(std::size_t i) const {
  return i < t_.size() && capw(i) && has(i, kHasLower) && kDemonyms.count(tx(i)) != 0;
}

// "John Smith, 45, said": e is the token after the name.
bool Scan::age_apposition(std::size_t e) const {
  if (e + 2 >= t_.size() || !punct(e, ',') || !glued(e)) return false;
  const std::size_t a = e + 1;
  if (!word(a) || !has(a, kHasDigit) || has(a, kHasUpper) || has(a, kHasLower)) return false;
  const std::size_t len = t_[a].end - t_[a].begin;
  if (len != 2) return false;  // 10..99
  return punct(a + 1, ',') && glued(a + 1) && a + 2 < t_.size() && spaced(a + 2);
}

// "Julie Ask, Principal Analyst, Forrester", "Mike Ghaffary, CEO, Yelp": a caption's
// name, a comma, one to three capitalised words ending in a role, a comma or a dash.
bool Scan::role_caption(std::size_t e) const {
  if (e >= t_.size() || !punct(e, ',') || !glued(e)) return false;
  for (std::size_t k = e + 1; k < t_.size() && k <= e + 3; ++k) {
    if (!spaced(k) || !capw(k)) return false;
    if (is(k, kLxPersonRole))
      return k + 1 < t_.size() &&
             (punct(k + 1, ',') || (has(k + 1, kPunct) && is_dash(t_[k + 1].cp)));
  }
  return false;
}

// "said", "says", "told" at k (lower case); with @p deeds also "would", "won", "beat",
// "scored", "finished". One switch on the first letter: called for most capitalised words.
bool Scan::person_verb(std::size_t k, bool deeds) const {
  if (!word(k) || has(k, kHasUpper)) return false;
  const std::string_view w = lower(k);
  switch (w[0]) {
    case 's':
      return w == "said" || w == "says" || (deeds && w == "scored");
    case 't':
      return w == "told";
    case 'w':
      return deeds && (w == "would" || w == "won");
    case 'b':
      return deeds && w == "beat";
    case 'f':
      return deeds && w == "finished";
    default:
      return false;
  }
}

// "said", "says", "told", "added" at e, or after one adverb ("once said").
bool Scan::speech_after(std::size_t e) const {
  auto verb = [&](std::size_t k) {
    return k < t_.size() && word(k) && !has(k, kHasUpper) &&
           (lower_is(k, "said") || lower_is(k, "says") || lower_is(k, "told") ||
            lower_is(k, "added"));
  };
  if (verb(e)) return true;
  return e < t_.size() && word(e) && !has(e, kHasUpper) && kSpeechAdverbs.count(lower(e)) &&
         verb(e + 1);
}

// "Henry Ford once said", "CEO Jane Apple": a given name before one word that the
// gazetteer knows as a one-word company name (matched there or refused after the given
// name), with a person cue before it or a speech verb after it.
bool Scan::rule_name_over_company(std::size_t i) {
  if (!titlew(i) || covered_[i] || noisy(i)) return false;
  const std::size_t j = i + 1;
  if (j >= t_.size() || !spaced(j) || !titlew(j)) return false;
  if (j + 1 < t_.size() && spaced(j + 1) && capw(j + 1)) return false;
  if (!first_name(i) || (has(i, kSentenceStart) && common(i))) return false;
  // "Charlie Blackwell-Thompson": the surname goes on after a hyphen.
  if (j + 1 < t_.size() && glued(j + 1) && has(j + 1, kPunct) && is_dash(t_[j + 1].cp))
    return false;
  // Nothing capitalised before it either ("Rhode Island Ford").
  if (i >= 1 && spaced(i) && capw(i - 1) && !is(i - 1, kLxTitle) && !is(i - 1, kLxPersonCue) &&
      !(has(i - 1, kSentenceStart) && common(i - 1)))
    return false;
  const bool cue = i >= 1 && spaced(i) && is(i - 1, kLxPersonCue) && !lower_is(i - 1, "by") &&
                   !soft_cue_refused(i - 1);
  if (!cue && !speech_after(j + 1)) return false;
  Cand* company = nullptr;
  if (covered_[j]) {
    for (Cand& c : cands_)
      if (!c.dead && c.tb == j && c.te == j + 1 && c.kind == EntityKind::company && !c.rule)
        company = &c;
    if (!company) return false;
  } else {
    if (!one_word_alias(j)) return false;  // person_name_at() takes the other names
  }
  if (company) {
    company->dead = true;
    covered_[j] = 0;
  }
  add_person(i, j + 1 - i, false);
  return true;
}

void Scan::add_late_person(std::size_t tb, std::size_t te, std::string key) {
  Cand c;
  c.tb = static_cast<std::uint32_t>(tb);
  c.te = static_cast<std::uint32_t>(te);
  c.name_te = c.te;
  c.b = t_[tb].begin;
  c.e = t_[te - 1].end;
  if (c.e - c.b > kMaxEntityBytes || key.empty() || key.size() > kMaxEntityBytes) return;
  c.kind = EntityKind::person;
  c.key = std::move(key);
  c.rule = true;
  claim(c);
  cands_.push_back(std::move(c));
}

// "Mr Berlusconi", "Sir Richard said", "Judge (Harold) Greene", "his wife Barbara said".
bool Scan::rule_lone_honorific(std::size_t i) {
  if (!titlew(i) || covered_[i] || has(i, kTitleRun) || i < 1 || !spaced(i)) return false;
  // The cheap test first: the word before is a title or a role noun (cached list bits;
  // every honorific and family noun below is one), or a bracket.
  {
    std::size_t c = i - 1;
    if (punct(c, '.') && glued(c) && c >= 1) --c;
    if (!punct(i - 1, ')') && !is(c, kLxTitle | kLxPersonCue)) return false;
  }
  // One word only: a capitalised word after it makes a longer name, the cue rules' business.
  if (i + 1 < t_.size() && spaced(i + 1) && capw(i + 1)) return false;
  if (i + 1 < t_.size() && glued(i + 1) && has(i + 1, kPunct) && is_dash(t_[i + 1].cp))
    return false;
  if (common(i) && !first_name(i)) return false;
  // "Judge (Harold) Greene": a given name in brackets between the title and the surname.
  if (punct(i - 1, ')') && i >= 4 && glued(i - 1) && first_name(i - 2) && glued(i - 2) &&
      punct(i - 3, '(') && spaced(i - 3) && kHonorifics.count(tx(i - 4))) {
    add_late_person(i, i + 1, lower_utf8(tx(i - 2)) + " " + lower_utf8(tx(i)));
    return true;
  }
  // The name goes on: "Ayatollah Ali al-Sistani", Dr Thamsanqa "Wilkie" Kambule.
  if (i + 1 < t_.size() && spaced(i + 1)) {
    const std::size_t k = i + 1;
    if (has(k, kPunct) && quote_cp(t_[k].cp)) return false;
    if (word(k) && !has(k, kHasUpper) &&
        (lower_is(k, "al") || lower_is(k, "bin") || lower_is(k, "ibn") || lower_is(k, "van") ||
         lower_is(k, "von") || lower_is(k, "de") || lower_is(k, "da") || lower_is(k, "el")))
      return false;
  }
  // "President Jos&#233; Manuel Barroso": an HTML entity cuts the word.
  if (i + 1 < t_.size() && glued(i + 1) && punct(i + 1, '&')) return false;
  // "Ms Tech | Unsplash": a photo credit.
  if (i + 1 < t_.size() && punct(i + 1, '|')) return false;
  std::size_t c = i - 1;
  const bool dot = punct(c, '.') && glued(c) && c >= 1;
  if (dot) --c;  // "Gov. Schwarzenegger"
  bool honorific = word(c) && capw(c) && kHonorifics.count(tx(c));
  if (honorific && tx(c) == "Gen" && !dot) honorific = false;  // "13th Gen CPUs"
  // "the maker of Dr Pepper": a brand after a company noun and "of".
  if (honorific && c >= 2 && lower_is(c - 1, "of") && is(c - 2, kLxCompanyNoun)) return false;
  // A nickname in quotes ("Dr. Phosphine").
  if (honorific && c >= 1 && glued(c) && has(c - 1, kPunct) && quote_cp(t_[c - 1].cp) &&
      i + 1 < t_.size() && glued(i + 1) && has(i + 1, kPunct) && quote_cp(t_[i + 1].cp))
    return false;
  const bool family =
      word(c) && !has(c, kHasUpper) && kFamily.count(lower(c)) && c >= 1 &&
      (lower_is(c - 1, "his") || lower_is(c - 1, "her") || lower_is(c - 1, "their")) &&
      first_name(i);
  if (!honorific && !family) return false;
  // "Mr Mercer" where Rachel and Daniel Mercer are both named: propagate() left it
  // unclaimed because it is ambiguous, and it stays so.
  for (const Cand& p : cands_)
    if (!p.dead && p.kind == EntityKind::person && p.te - p.tb >= 2 && lower(p.te - 1) == lower(i))
      return false;
  // A word some one-word gazetteer name starts ("Dr Pepper" if listed) stays unclaimed.
  if (one_word_alias(i)) return false;
  add_late_person(i, i + 1, lower_utf8(tx(i)));
  return true;
}

// `," Burress said of his hamstring`: the speaker of a quote, one word, with a personal
// pronoun in the next few words.
bool Scan::rule_quoted_speaker(std::size_t i) {
  if (!titlew(i) || covered_[i] || noisy(i) || i < 2) return false;
  const std::size_t q = i - 1;
  if (!has(q, kPunct) || !quote_cp(t_[q].cp)) return false;
  if (common(i) || lower_seen(i)) return false;
  if (!(punct(q - 1, ',') || punct(q - 1, '?') || punct(q - 1, '!'))) return false;
  const std::size_t v = i + 1;
  if (v >= t_.size() || !spaced(v) || !word(v) || has(v, kHasUpper) ||
      !(lower_is(v, "said") || lower_is(v, "says")))
    return false;
  for (std::size_t k = v + 1; k < t_.size() && k < v + 8; ++k) {
    if (punct(k, '.') || has(k, kNewlineBefore)) break;
    if (lower_is(k, "he") || lower_is(k, "she") || lower_is(k, "his") || lower_is(k, "her")) {
      if (one_word_alias(i)) return false;
      add_late_person(i, i + 1, lower_utf8(tx(i)));
      return true;
    }
  }
  return false;
}

// One capitalised word standing alone with person evidence: after a nationality ("German
// Glock would race"), after a lower-case role ("captain Glock"), or before a speech verb
// ("Glock said").
bool Scan::lone_person_evidence(std::size_t i) const {
  // The cheap tests first: flags, a verb after it, then a lower-case role before it.
  if (!titlew(i) || covered_[i] || noisy(i)) return false;
  const std::size_t v = i + 1;
  const bool spaced_v = v < t_.size() && spaced(v);
  const bool verb = spaced_v && person_verb(v, true);
  const bool role = !verb && i >= 1 && spaced(i) && word(i - 1) && !has(i - 1, kHasUpper) &&
                    is(i - 1, kLxPersonCue) && !person_verb(i - 1, false) && !lower_is(i - 1, "by");
  if (!verb && !role) return false;
  if (spaced_v && capw(v)) return false;
  if (common(i) || lower_seen(i) || is(i, kLxLegal | kLxDesc) || one_word_alias(i)) return false;
  // After a nationality only before a verb a person does ("German Glock would race"):
  // "Czech Republic", "Greek Orthodox", "Thai Farmers" are no people.
  if (i >= 1 && spaced(i) && capw(i - 1)) return verb && demonym(i - 1);
  // Alone, a role before it or a speech verb after it ("Glock said").
  return role || (verb && person_verb(v, false));
}

// "called in Timo Glock as a replacement ... German Glock would race": a two-word name no
// cue marked, whose last word has person evidence alone elsewhere in the document; then
// every lone mention of that word takes the name's key (one decision per document).
void Scan::surname_evidence_names() {
  StringSet evidence;
  for (std::uint32_t i : caps_all_)
    if (!covered_[i] && lone_person_evidence(i)) evidence.emplace(lower(i));
  if (evidence.empty()) return;
  StringMap<std::string> keys;  // surname -> key ("" = two names share it)
  const std::size_t n = t_.size();
  for (std::uint32_t i : caps_all_) {
    const std::size_t j = i + 1;
    if (covered_[i] || !titlew(i) || common(i) || noisy(i) || j >= n || !spaced(j) || covered_[j] ||
        !titlew(j) || common(j) || evidence.find(lower(j)) == evidence.end())
      continue;
    if (i >= 1 && spaced(i) && capw(i - 1) && !demonym(i - 1)) continue;
    if (j + 1 < n && spaced(j + 1) && capw(j + 1)) continue;
    if (has(i, kSentenceStart) && (lower_seen(i) || starts_name(i))) continue;
    std::string key = lower_utf8(tx(i)) + " " + lower_utf8(tx(j));
    auto it = keys.find(lower(j));
    if (it == keys.end())
      keys.emplace(std::string(lower(j)), key);
    else if (it->second != key)
      it->second.clear();
    add_late_person(i, j + 1, std::move(key));
  }
  for (std::uint32_t i : caps_all_) {
    if (covered_[i] || !titlew(i)) continue;
    auto it = keys.find(lower(i));
    if (it == keys.end() || it->second.empty()) continue;
    if (i + 1 < n && spaced(i + 1) && capw(i + 1)) continue;
    if (i >= 1 && spaced(i) && capw(i - 1) && !demonym(i - 1) && !is(i - 1, kLxTitle)) continue;
    add_late_person(i, i + 1, it->second);
  }
}

// An all-capital word of two letters or more that is no common word, unclaimed.
bool Scan::caps_word(std::size_t i) const {
  return i < t_.size() && word(i) && has(i, kUpperFirst) && !has(i, kHasLower) &&
         !has(i, kHasDigit) && t_[i].end - t_[i].begin >= 2 && !covered_[i] && !common(i);
}

// Text in capitals (old wire copy): "OIL MINISTER RILWANU LUKMAN SAID", then "LUKMAN TOLD
// REPORTERS". A role word, two unknown capital words and a speech verb; the surname alone
// before a speech verb later takes the same key.
void Scan::caps_speakers() {
  const std::size_t n = t_.size();
  auto speech = [&](std::size_t k) {
    return k < n && spaced(k) &&
           (lower_is(k, "said") || lower_is(k, "says") || lower_is(k, "told"));
  };
  std::string surname, key;
  for (std::uint32_t i : caps_all_) {
    if (i == 0 || !caps_word(i)) continue;
    const std::size_t j = i + 1;
    if (!spaced(i) || !spaced(j) || !caps_word(j) || !speech(j + 1)) continue;
    const std::size_t c = i - 1;
    if (!word(c) || has(c, kHasLower) || !is(c, kLxPersonCue) || lower_is(c, "by")) continue;
    if (one_word_alias(i) || one_word_alias(j)) continue;
    key = lower_utf8(tx(i)) + " " + lower_utf8(tx(j));
    surname = std::string(lower(j));
    add_late_person(i, j + 1, key);
  }
  if (surname.empty()) return;
  for (std::uint32_t i : caps_all_)
    if (caps_word(i) && lower(i) == surname && speech(i + 1) &&
        !(i >= 1 && spaced(i) && capw(i - 1)))
      add_late_person(i, i + 1, key);
}

// After propagate(): what is still unclaimed and has one-word person evidence.
void Scan::late_person_rules() {
  surname_evidence_names();
  caps_speakers();
  for (std::uint32_t i : caps_all_) {
    if (i == 0 || covered_[i] || !titlew(i)) continue;
    // The word before decides which rule may apply: punctuation (a title's dot, a bracket,
    // a quote) or a title or role word (cached list bits).
    if (has(i - 1, kPunct)) {
      if (!rule_lone_honorific(i)) rule_quoted_speaker(i);
    } else if (is(i - 1, kLxTitle | kLxPersonCue)) {
      rule_lone_honorific(i);
    }
  }
}

}  // namespace newsdex::detail::names
