// Companies of tech news that no list holds (issue 11, fourth round), from cues read on
// tech-articles pages: a role held at the company ("CEO of X", "co-founder of X", "chief
// executive at X"), the company's people or new model ("X's CEO", "X's co-founder", "X's new
// model"), a startup's domain name ("Josh.ai", "Move.ai") and a nationality before a company
// noun ("Estonian startup X"). A rule's capitalised run that swallowed a profile heading
// ("Jane Doe Founder and CEO Acme Ltd") is cut after the role. Each cue is a bounded look
// at the tokens next to the name, so the pass stays linear; the shared checks of a cued
// name (people, field acronyms, products, places, public bodies) are add_cued_company's.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entities/names.h"
#include "entities/names/chars.h"
#include "entities/names/lexicon.h"
#include "entities/names/scan.h"

namespace newsdex::detail::names {
namespace {

// Roles held at a company ("CEO of X"; not "president of", "head of": countries and
// departments have them too).
const ViewSet kCompanyRoles = {"ceo",       "cto",      "cfo",        "coo",        "founder",
                               "cofounder", "founders", "cofounders", "co-founder", "co-founders"};

// What follows "X's" when X is a company: its people and its stake-holders.
const ViewSet kPossessedByCompany = {"ceo",         "cto",         "cfo",       "coo",
                                     "founder",     "cofounder",   "founders",  "cofounders",
                                     "co-founder",  "co-founders", "investors", "shareholders",
                                     "headquarters"};

// "X's new model", "X's latest chatbot": what an AI company releases.
const ViewSet kReleased = {"model", "models", "chatbot", "chatbots"};

// Company nouns after a nationality ("Estonian startup X", "Swiss company X").
const ViewSet kNationalNouns = {"startup",   "start-up",  "company",  "firm",     "unicorn",
                                "chipmaker", "automaker", "carmaker", "retailer", "conglomerate"};

// Endings of nationality adjectives ("Estonian", "Chinese", "British", "Israeli", "Swiss").
bool nationality_shape(std::string_view w) {
  if (w.size() < 4) return false;
  return ends_with(w, "an") || ends_with(w, "ese") || ends_with(w, "ish") || ends_with(w, "li") ||
         ends_with(w, "ch") || w == "Swiss" || w == "Thai" || w == "Iraqi" || w == "Saudi";
}

// "a startup called X", "a company named X".
const ViewSet kCalledNouns = {"startup", "start-up", "company", "firm", "outfit", "maker"};

// Funding headlines: "X raises $5M", "X closes $20 million round".
const ViewSet kRaiseVerbs = {"raises", "raised", "closes", "secures",
                             "lands",  "nabs",   "bags",   "snags"};

// Sentence openers before a funding headline's name ("And Swarm Mobile raised ...").
const ViewSet kOpeners = {"And", "But", "Or", "So", "Then", "While", "Meanwhile", "Also"};

// Lower-case words after which a run of capitalised words may hold the end of another title.
const ViewSet kNotBeforeRun = {"with", "in", "of", "s", "for", "to", "from", "at", "on", "by"};

// Top-level domains of startups' names ("Josh.ai", "Move.ai", "Replit.io").
const ViewSet kStartupDomains = {"ai", "io"};

// Last words of organisations that are not companies ("CEO of the Mozilla Foundation").
const ViewSet kNotCompanyLast = {"Foundation", "Institute", "University", "Association",
                                 "Council",    "Society",   "College",    "School",
                                 "Center",     "Centre",    "Alliance",   "Consortium",
                                 "Party",      "Committee", "Department", "Ministry"};

// What an appositive calls an organisation that is not a company.
const ViewSet kNotCompanyNouns = {
    "group",      "collective", "forum",      "community", "conference", "festival", "nonprofit",
    "non-profit", "charity",    "initiative", "coalition", "movement",   "campaign", "club"};

}  // namespace

// Token k ends a company role: "CEO", "co-founder", "chief executive", "chief technology
// officer".
bool Scan::company_role_at(std::size_t k) const {
  if (!word(k)) return false;
  const std::string_view w = lower(k);
  if (in_set(kCompanyRoles, w)) {
    // "co-founder": the role is the last token; "founder" alone too.
    return true;
  }
  if (w == "executive") return k >= 1 && lower_is(k - 1, "chief");
  if (w == "officer")
    for (std::size_t q = 1; q <= 3 && q <= k; ++q)
      if (lower_is(k - q, "chief")) return true;
  return false;
}

// The cued name at i checked as the whole name: it ends where the cue's object may end and
// is not a non-company organisation.
bool Scan::add_tech_company(std::size_t i, std::size_t len) {
  if (len == 0) return false;
  const std::size_t e = i + len;
  if (word(e - 1) && in_set(kNotCompanyLast, tx(e - 1))) return false;
  // "cofounder of LulzSec, the elite group of hackers", "founder of Turker Nation , a
  // community forum": the appositive says what it is.
  if (e + 2 < t_.size() && punct(e, ',') &&
      (lower_is(e + 1, "a") || lower_is(e + 1, "an") || lower_is(e + 1, "the")))
    for (std::size_t k = e + 2; k < t_.size() && k <= e + 5 && word(k) && !has(k, kUpperFirst); ++k)
      if (in_set(kNotCompanyNouns, lower(k))) return false;
  return add_cued_company(i, len);
}

// "CEO of X", "co-founder of X", "chief executive at X".
bool Scan::rule_role_of(std::size_t i) {
  if (!capw(i) || covered_[i] || noisy(i) || !spaced(i) || i < 2) return false;
  if (!(lower_is(i - 1, "of") || lower_is(i - 1, "at")) || has(i - 1, kHasUpper)) return false;
  if (!company_role_at(i - 2) || has(i - 1, kNewlineBefore)) return false;
  std::size_t len = cue_name_at(i, 3);
  // "officer of Ciena\nGamesBeat's creed": the name ends at a line break.
  for (std::size_t q = i + 1; q < i + len; ++q)
    if (has(q, kNewlineBefore)) len = q - i;
  const std::size_t e = i + len;
  if (len == 0 || !object_end_ok(e)) return false;
  // "co-founder of CDN and web security startup X": the name was a modifier of a company
  // noun (not "CEO at Fusemachines and an adjunct professor").
  if (lower_is(e, "and"))
    for (std::size_t k = e + 1; k < t_.size() && k <= e + 5 && word(k); ++k)
      if (capw(k)) {
        if (in_set(kNationalNouns, lower(k - 1))) return false;
        break;
      }
  // "CTO of PX at Gainsight": a product or unit of the company named next.
  if ((lower_is(e, "at") || lower_is(e, "of")) && e + 1 < t_.size() && capw(e + 1)) return false;
  // "founder of X's ...": a possessive is some other thing's.
  if (e + 1 < t_.size() && has(e, kPunct) && is_apostrophe(t_[e].cp) && glued(e)) return false;
  return add_tech_company(i, len);
}

// "X's CEO", "X's co-founder", "X's investors", "X's new model".
bool Scan::rule_possessive_role(std::size_t i) {
  if (!capw(i) || covered_[i] || noisy(i)) return false;
  if (i > 0 && spaced(i) && capw(i - 1) && !has(i, kSentenceStart)) return false;
  // A possessive within the name's three words, before the costlier look at the name.
  bool apostrophe = false;
  for (std::size_t q = i + 1; q <= i + 3 && q < t_.size() && !apostrophe; ++q)
    apostrophe = has(q, kPunct) && is_apostrophe(t_[q].cp);
  if (!apostrophe) return false;
  const std::size_t len = cue_name_at(i, 3);
  if (len == 0) return false;
  const std::size_t e = i + len;
  if (!(e + 2 < t_.size() && has(e, kPunct) && is_apostrophe(t_[e].cp) && glued(e) &&
        lower_is(e + 1, "s") && glued(e + 1) && spaced(e + 2)))
    return false;
  std::size_t k = e + 2;
  if (lower_is(k, "co") && k + 2 < t_.size() && punct(k + 1, '-') && glued(k + 1)) k += 2;
  bool cue = word(k) && in_set(kPossessedByCompany, lower(k)) &&
             (has(k, kHasLower) ? !has(k, kUpperFirst) : true);
  if (!cue && word(k) && (lower_is(k, "new") || lower_is(k, "latest")) && k + 1 < t_.size() &&
      word(k + 1) && in_set(kReleased, lower(k + 1)))
    cue = true;
  if (!cue) return false;
  return add_tech_company(i, len);
}

// "Josh.ai", "Move.ai": a capitalised name and a startup's top-level domain, not inside a
// host name, an address or a path.
bool Scan::rule_startup_domain(std::size_t i) {
  if (!word(i) || !has(i, kHasLower) || covered_[i] || noisy(i) || i + 2 >= t_.size()) return false;
  // A lower-case name ("lablab.ai") only when the text says what it is: "lablab.ai , a
  // hackathon community", "lablab.ai is an organization".
  if (!has(i, kUpperFirst) && !described_at(i + 3)) return false;
  if (!punct(i + 1, '.') || !glued(i + 1) || !glued(i + 2) || !word(i + 2)) return false;
  if (!in_set(kStartupDomains, tx(i + 2))) return false;
  if (i > 0 && glued(i) && (punct(i - 1, '.') || punct(i - 1, '@') || punct(i - 1, '/')))
    return false;
  if (i + 3 < t_.size() && glued(i + 3) && (punct(i + 3, '/') || punct(i + 3, '.')) &&
      i + 4 < t_.size() && glued(i + 4) && word(i + 4))
    return false;  // "Josh.ai/blog", "Move.ai.com"
  add_rule(EntityKind::company, i, i + 3, i + 3,
           lower_utf8(text_.substr(t_[i].begin, t_[i + 2].end - t_[i].begin)), false);
  return true;
}

// "X, a ...", "X , the ...", "X is a ...": the text says what the name at e's left is.
bool Scan::described_at(std::size_t e) const {
  if (e >= t_.size() || has(e, kNewlineBefore)) return false;
  std::size_t k = e;
  if (punct(k, ','))
    ++k;
  else if (lower_is(k, "is") && !has(k, kUpperFirst))
    ++k;
  else
    return false;
  return lower_is(k, "a") || lower_is(k, "an") || lower_is(k, "the");
}

// "Estonian startup Jobbatical", "Swiss company Typewise": a nationality, a company noun.
bool Scan::rule_national_noun(std::size_t i) {
  if (!capw(i) || covered_[i] || noisy(i) || !spaced(i) || i < 2) return false;
  if (!word(i - 1) || has(i - 1, kHasUpper) || !spaced(i - 1) || !titlew(i - 2) ||
      covered_[i - 2] || !nationality_shape(tx(i - 2)) || !in_set(kNationalNouns, lower(i - 1)))
    return false;
  const std::size_t len = strong_cue_name_at(i);
  if (len == 0 || !loose_end_ok(i + len)) return false;
  return add_tech_company(i, len);
}

// The name after a strong cue ("a company called X", "Estonian startup X"): cue_name_at(), or
// two or three capitalised ordinary words ("a company called Digital Chocolate"; one alone is
// not: "a firm called Square" is left to the lists).
std::size_t Scan::strong_cue_name_at(std::size_t i) const {
  if (const std::size_t len = cue_name_at(i, 3)) return len;
  std::size_t e = i;
  while (e < t_.size() && e < i + 3 && titlew(e) && !covered_[e] && !is(e, kLxLeading) &&
         (e == i || spaced(e)))
    ++e;
  return e - i >= 2 && !(e < t_.size() && spaced(e) && capw(e)) ? e - i : 0;
}

// After a strong cue any lower-case word may follow the name ("Estonian startup Tallvero
// closed a round"), but not another capitalised word nor a hyphen.
bool Scan::loose_end_ok(std::size_t e) const {
  if (e >= t_.size() || has(e, kNewlineBefore)) return true;
  if (word(e) && (capw(e) || has(e, kHasDigit))) return false;  // "called Planner 5D"
  return !(has(e, kPunct) && is_dash(t_[e].cp) && glued(e));
}

// "a startup called Replika", "a company named Sightful".
bool Scan::rule_called(std::size_t i) {
  if (!capw(i) || covered_[i] || noisy(i) || !spaced(i) || i < 2) return false;
  if (!(lower_is(i - 1, "called") || lower_is(i - 1, "named")) || has(i - 1, kHasUpper))
    return false;
  if (!word(i - 2) || has(i - 2, kHasUpper) || !in_set(kCalledNouns, lower(i - 2))) return false;
  const std::size_t len = strong_cue_name_at(i);
  if (len == 0 || !loose_end_ok(i + len)) return false;
  return add_tech_company(i, len);
}

// "Quadric raises $5M", "New York-based Jopwell raises $7 million", "Norway's Otovo bags
// €40M": a funding headline. A run
// of up to three capitalised words that starts a sentence or follows a lower-case word is the
// name; inside a longer run (a menu before the headline) only a last word of mixed case or
// with a digit ("HiddenLayer", "OctoML").
bool Scan::rule_raises(std::size_t r) {
  if (!word(r) || has(r, kHasUpper) || !in_set(kRaiseVerbs, lower(r)) || r < 1) return false;
  // ("Otovo bags €40M", "Wayve raises £20M": the amount in any of the three currencies.)
  if (r + 1 >= t_.size() || !spaced(r + 1) || !has(r + 1, kPunct) ||
      (t_[r + 1].cp != '$' && t_[r + 1].cp != 0x20AC && t_[r + 1].cp != 0xA3))
    return false;
  std::size_t b = r;
  while (b > 0 && r - b < 4 && capw(b - 1) && !covered_[b - 1] &&
         (b == r ? spaced(r) : spaced(b)) && !has(b, kNewlineBefore))
    --b;
  // "And Swarm Mobile raised": a conjunction opening the sentence is no part of the name.
  const bool opener = b + 1 < r && has(b, kSentenceStart) && in_set(kOpeners, tx(b));
  if (opener) ++b;
  if (b == r || (b > 0 && !spaced(b) && !has(b, kNewlineBefore))) return false;  // "Rocket.Chat"
  // After a lower-case word, but not after a preposition or a possessive's "s" (teaser lists:
  // "a cable that connects Europe with Africa NowSecure raises", "Assassin's Creed Atlas").
  const bool after_lower = b > 0 && word(b - 1) && !has(b - 1, kHasUpper) &&
                           (r - b == 1 || !in_set(kNotBeforeRun, lower(b - 1)));
  const bool clean =
      r - b <= 3 && (opener || has(b, kSentenceStart) || has(b, kNewlineBefore) || after_lower);
  if (clean) return add_tech_company(b, r - b);
  const std::string_view last = tx(r - 1);
  bool distinctive = has(r - 1, kHasDigit);
  for (std::size_t k = 1; k < last.size(); ++k) distinctive |= last[k] >= 'A' && last[k] <= 'Z';
  return distinctive && has(r - 1, kHasLower) && add_tech_company(r - 1, 1);
}

// "Linet Kwamboka Founder and CEO DataScience Ltd": a rule's run holding a role keeps only
// the name after the role.
void Scan::cut_roles_in_runs() {
  const std::size_t n = cands_.size();
  for (std::size_t ci = 0; ci < n; ++ci) {
    Cand& c = cands_[ci];
    if (!c.rule || c.dead || c.kind != EntityKind::company || c.name_te - c.tb < 3) continue;
    std::size_t cut = 0;
    for (std::size_t k = c.tb; k + 1 < c.name_te; ++k)
      if (has(k, kUpperFirst) && company_role_at(k)) cut = k + 1;
    if (cut == 0) continue;
    const std::size_t te = c.te, name_te = c.name_te;
    c.dead = true;
    for (std::size_t k = c.tb; k < c.te; ++k) covered_[k] = 0;
    const std::size_t name_e = trim_suffixes(cut, name_te);
    if (cut < name_e && capw(cut))
      add_rule(EntityKind::company, cut, te, name_e, gaz_or_key(cut, name_e), false);
  }
}

// "Topics Social media US politics Artificial intelligence (AI) OpenAI Computing": a tag
// list under an article (no sentence: no punctuation but brackets, no function word) names
// no company of the article.
void Scan::drop_topic_tags() {
  static const ViewSet kFunctionWords = {"the", "a",  "an",  "of",   "to",  "is",   "are", "was",
                                         "in",  "on", "for", "with", "and", "that", "by",  "as"};
  constexpr std::size_t kSpan = 14;
  for (std::uint32_t k : caps_all_) {
    if (t_[k].end - t_[k].begin != 6 || k + 2 >= t_.size() || tx(k) != "Topics" || !spaced(k + 1) ||
        !capw(k + 1))
      continue;
    // "Featured Topics Newsletters Events": a site's menu, then the story, whose people stay.
    const bool menu = k > 0 && tx(k - 1) == "Featured";
    std::size_t r = k + 1;
    bool sentence = false;
    for (; r < t_.size() && r < k + 1 + kSpan && !has(r, kNewlineBefore); ++r) {
      // (A hyphen inside a word goes on: "Sam Bankman-Fried".)
      if (has(r, kPunct) && is_dash(t_[r].cp) && glued(r) && r + 1 < t_.size() && glued(r + 1))
        continue;
      if (has(r, kPunct) && !punct(r, '(') && !punct(r, ')') && !punct(r, '&')) {
        sentence = !punct(r, '.');  // "... ChatGPT Loading...": a full stop ends the list
        break;
      }
      if (word(r) && !has(r, kUpperFirst) && in_set(kFunctionWords, lower(r))) {
        sentence = true;
        break;
      }
    }
    if (sentence) continue;
    for (Cand& c : cands_)
      if (!c.dead && c.tb > k && c.te <= r &&
          (c.kind == EntityKind::company || c.kind == EntityKind::product ||
           (c.kind == EntityKind::person && !menu))) {
        c.dead = true;
        for (std::uint32_t q = c.tb; q < c.te; ++q) covered_[q] = 1;
      }
  }
}

void Scan::org_cues_tech() {
  drop_topic_tags();
  cut_roles_in_runs();
  // One pass over the capitalised words, one over the punctuation (rules are tried in turn;
  // a name one of them claims is not tried again).
  for (std::uint32_t i : caps_all_) {
    if (covered_[i] || noisy(i)) continue;
    if (rule_role_of(i) || rule_possessive_role(i) || rule_national_noun(i)) continue;
    rule_called(i);
  }
  for (std::size_t k = 1; k + 1 < t_.size(); ++k) {
    if (!has(k, kPunct)) continue;
    if (t_[k].cp == '.' && !covered_[k - 1])
      rule_startup_domain(k - 1);
    else if (t_[k].cp == '$' || t_[k].cp == 0x20AC || t_[k].cp == 0xA3)
      rule_raises(k - 1);
  }
}

}  // namespace newsdex::detail::names
