// Companies that no list holds, from the deal and news-wire language around them (issue 11,
// third round): the object of a deal ("the acquisition of X", "agreed to buy X", "a unit of
// X", "merger with X", "acquired Benchmark-backed X"), a name and its listing ("X (Nasdaq:
// XYZ)"), a descriptor after a modifier ("network equipment giant X", "parent company X",
// "ad agency X", "lead manager X", "from rival X"), an appositive ("X, the VoIP upstart", "X,
// a unit of Y"), what companies do ("X, which makes ...", "X posted a quarterly profit", "X
// today announced"), "its X subsidiary", a news agency ("Yonhap news agency said"), an
// exchange as a market ("trade on NASDAQ") and an outlet glued to a known name in a dateline
// ("NEW YORK (CBS.MW) --"). Each cue was read on samples of four corpora and carries the
// guards that reading asked for. Every cue is a bounded look at the tokens next to the name,
// so the pass stays linear.

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
namespace {

// "GPUs", "APIs": capitals and a final "s".
bool plural_acronym(std::string_view w) {
  if (w.size() < 3 || w.size() > 7 || w.back() != 's') return false;
  for (std::size_t k = 0; k + 1 < w.size(); ++k)
    if (!(w[k] >= 'A' && w[k] <= 'Z')) return false;
  return true;
}

// "the acquisition of X", "a unit of X": nouns before "of" whose object is a company.
const ViewSet kDealOf = {"acquisition", "takeover",  "buyout",       "subsidiary",   "unit",
                         "division",    "affiliate", "shareholders", "stockholders", "shareholder"};

// "merger with X", "merge with X".
const ViewSet kDealWith = {"merger", "merge", "merged", "merging", "merges"};

// "acquired by X" (not "owned by" nor "bought by": people own and buy companies).
const ViewSet kDealBy = {"acquired", "purchased"};

// Verbs whose object is a company: "agreed to acquire X", "is buying X".
const ViewSet kDealVerbs = {"acquire", "acquires", "acquiring", "buys",
                            "buying",  "bought",   "acquired"};

// Lower-case words that may follow a company name that is the object of a cue; any other
// lower-case word means the capitalised word was a modifier ("bought Manhattan apartments").
const ViewSet kAfterObject = {"for",   "in",    "from",  "and",   "said", "says",   "on",
                              "at",    "to",    "which", "that",  "with", "last",   "earlier",
                              "this",  "after", "by",    "as",    "or",   "would",  "will",
                              "could", "has",   "had",   "is",    "was",  "shares", "stock",
                              "were",  "are",   "have",  "did",   "may",  "can",    "because",
                              "but",   "when",  "if",    "while", "amid", "over"};

// Nouns that, after a modifier, introduce a company: "equipment giant X", "VoIP upstart X".
const ViewSet kDescriptors = {
    "giant",       "specialist", "upstart",      "startup",   "maker",        "chipmaker",
    "retailer",    "carrier",    "airline",      "insurer",   "lender",       "operator",
    "provider",    "developer",  "vendor",       "publisher", "conglomerate", "firm",
    "bank",        "brokerage",  "manufacturer", "supplier",  "distributor",  "chain",
    "homebuilder", "automaker",  "carmaker",     "outfit",    "steelmaker",   "drugmaker",
    "broker",      "company"};

// Agencies that are companies: "ad agency X", "news agency X" (not "space agency NASA").
const ViewSet kAgencyKinds = {"ad",       "advertising",   "news",        "marketing", "media",
                              "creative", "digital",       "talent",      "travel",    "ratings",
                              "rating",   "credit-rating", "recruitment", "staffing",  "pr"};

// Words before "rival X" that leave the name a company's ("from rival X", "and rival X"; not
// "Russian rival Svetlana ...", "its rival SteamVR": people and products have rivals too).
const ViewSet kRivalBefore = {"from", "at",  "after", "with", "to",
                              "by",   "and", "than",  "over", "against"};

// Words before such a noun that are no modifier of it ("central bank X", "the firm X" is
// rule_company_cues').
const ViewSet kNotModifiers = {"the",     "a",     "an",    "this",   "that",    "its",
                               "their",   "his",   "her",   "our",    "central", "said",
                               "another", "which", "whose", "and",    "or",      "of",
                               "to",      "by",    "as",    "former", "state",   "state-owned"};

// Words that may follow the noun of an appositive ("X, a startup that ...").
const ViewSet kAfterAppositive = {"that", "which", "whose", "based", "in",   "with",
                                  "of",   "known", "said",  "and",   "from", "for"};

// Last words of organisations that are not companies.
const ViewSet kNonCompanyHeads = {"Foundation", "Institute", "University", "Association",
                                  "Council",    "Society",   "College",    "School",
                                  "Center",     "Centre",    "Alliance",   "Consortium"};

// Acronyms of fields and things, not names ("responsible AI", "in IT, which makes").
const ViewSet kFieldAcronyms = {"AI",  "ML",  "IT", "VR",  "AR",  "XR",  "API", "IoT", "SaaS",
                                "GPU", "CPU", "TV", "PC",  "UI",  "UX",  "AGI", "LLM", "NLP",
                                "HR",  "PR",  "QA", "ERP", "CRM", "B2B", "B2C", "EV",  "5G"};

// Nouns after "its X" that make X a unit of a company.
const ViewSet kUnitNouns = {"unit",  "subsidiary",   "division", "affiliate",
                            "units", "subsidiaries", "divisions"};

// "X, which makes ...": verbs of a company's trade (not "produces": "Kern County, which
// produces two-thirds of the state's oil").
const ViewSet kMakesVerbs = {"makes",   "manufactures", "develops", "publishes", "distributes",
                             "markets", "designs",      "supplies", "licenses"};

// "X reported a profit": verbs and the results a company reports.
const ViewSet kReportVerbs = {"reported", "posted", "reports", "posts", "booked"};
const ViewSet kResults = {
    "profit",        "profits",   "earnings",  "revenue",        "revenues",      "net",
    "loss",          "losses",    "quarterly", "fourth-quarter", "third-quarter", "second-quarter",
    "first-quarter", "operating", "pretax",    "pre-tax"};

// Words after "news" that make "X news agency" the outlet of a report.
const ViewSet kAgencyWords = {"newswire", "wire", "agency"};

}  // namespace

// True if the capitalised run [i, e) may be the object of a deal cue: what follows it is
// punctuation, the end, a legal suffix, a possessive or one of kAfterObject.
bool Scan::object_end_ok(std::size_t e) const {
  if (e >= t_.size() || has(e, kNewlineBefore)) return true;
  if (has(e, kPunct)) return !punct(e, '-') || !glued(e);
  if (!word(e)) return false;
  if (capw(e)) return is(e, kLxLegal);
  return in_set(kAfterObject, lower(e));
}

// Length of a company name at i for a cue: company_name_at(), or a one-letter head joined
// by a hyphen ("P-Cube", "E-Trade"), which namey() refuses on its own.
std::size_t Scan::cue_name_at(std::size_t i, std::size_t max_words) const {
  if (capw(i) && !covered_[i] && !has(i, kHasLower) && t_[i].end - t_[i].begin == 1 &&
      i + 2 < t_.size() && has(i + 1, kPunct) && is_dash(t_[i + 1].cp) && glued(i + 1) &&
      glued(i + 2) && titlew(i + 2) && !covered_[i + 2])
    return 3;
  std::size_t len = company_name_at(i, max_words);
  // "Union Bank of ...": an ordinary first word before a head that takes "of".
  if (len == 0 && titlew(i) && !covered_[i] && i + 2 < t_.size() && spaced(i + 1) && word(i + 1) &&
      kOfHeads.count(tx(i + 1)) && !covered_[i + 1] && lower_is(i + 2, "of"))
    len = 2;
  // "Union Bank of Switzerland", "Bank of New York": a head that takes "of" and a place.
  std::size_t e = i + len;
  if (len > 0 && word(e - 1) && kOfHeads.count(tx(e - 1)) && e + 1 < t_.size() && spaced(e) &&
      lower_is(e, "of") && spaced(e + 1) && capw(e + 1) && !covered_[e + 1]) {
    e += 2;
    if (e < t_.size() && spaced(e) && capw(e) && !covered_[e] && !is(e, kLxLegal)) ++e;
    len = e - i;
  }
  return len;
}

// Shared checks of a cue's name, then the rule's candidate.
bool Scan::add_cued_company(std::size_t i, std::size_t len) {
  // "WTC International N.V.": the initials of a legal form are no part of the name.
  if (len >= 2 && !has(i + len - 1, kHasLower) &&
      t_[i + len - 1].end - t_[i + len - 1].begin == 1 && i + len < t_.size() &&
      punct(i + len, '.') && glued(i + len))
    --len;
  // "its Luxembourg-based Clearstream unit": the place is no part of the name.
  if (len >= 4 && has(i + 1, kPunct) && is_dash(t_[i + 1].cp) && glued(i + 1) && glued(i + 2) &&
      (lower_is(i + 2, "based") || lower_is(i + 2, "born") || lower_is(i + 2, "headquartered"))) {
    i += 3;
    len -= 3;
  }
  // "AutoFlightX Share": a share button glued to a headline.
  if (len >= 2 && tx(i + len - 1) == "Share") --len;
  const std::size_t e = i + len;
  // "company PT Tambang Timah": the name goes on into another name.
  if (e < t_.size() && spaced(e) && capw(e) && covered_[e]) return false;
  // "Secondly, the ...", "Clearly, the giant ...": a sentence adverb; "10,000 GPUs": a plural.
  if (len == 1 && ends_with(lower(i), "ly") && has(i, kSentenceStart)) return false;
  if (len == 1 && plural_acronym(tx(i))) return false;
  // "to buy David's patents": a lone given name is a person's.
  if (len == 1 && first_name(i)) return false;
  // "merging with AI", "in AI, which makes": a field's acronym; a known product.
  if (len == 1 && in_set(kFieldAcronyms, tx(i))) return false;
  if (g_.find_name(EntityKind::product, tx(i)) >= 0 && len == 1) return false;
  // "acquired Falmouth, Maine-based ...", "Falmouth, Mass.": a place and its state.
  if (e + 2 < t_.size() && punct(e, ',') && capw(e + 1) && glued(e + 2) &&
      (punct(e + 2, '.') || (has(e + 2, kPunct) && is_dash(t_[e + 2].cp))))
    return false;
  if (len >= 2 && first_name(i)) return false;  // "bought by Jane Doe": the person rules'
  bool strong = false;
  for (std::size_t q = i; q < e; ++q) strong |= word(q) && (!common(q) || !has(q, kHasLower));
  // "Union Bank of Switzerland": a head and "of" make a name of ordinary words.
  strong |= len >= 4 && lower_is(i + 2, "of") && kOfHeads.count(tx(i + 1)) > 0;
  if (!strong || public_name(i, e)) return false;
  // "a unit of Britain's BP": a place's possessive is no company.
  if (e + 1 < t_.size() && has(e, kPunct) && is_apostrophe(t_[e].cp) && lower_is(e + 1, "s") &&
      e + 2 < t_.size() && capw(e + 2))
    return false;
  add_rule(EntityKind::company, i, e, e, gaz_or_key(i, e), false);
  return true;
}

// "the acquisition of X", "a unit of X", "merger with X", "acquired by X", "agreed to buy
// X", "is acquiring X": the object of the deal is a company.
bool Scan::rule_deal_cue(std::size_t i) {
  if (!capw(i) || covered_[i] || noisy(i) || !spaced(i) || i < 2 || has(i, kSentenceStart))
    return false;
  const std::size_t p = i - 1;
  if (!word(p) || has(p, kHasUpper)) return false;
  const std::string_view prev = lower(p);
  // (Case-exact: "the Division of Pain Medicine" is no unit of a company.)
  const std::string_view prev2 =
      word(p - 1) && !has(p - 1, kHasUpper) ? lower(p - 1) : std::string_view();
  bool cue = false;
  if (prev == "of")
    cue = in_set(kDealOf, prev2);
  else if (prev == "with")
    cue = in_set(kDealWith, prev2);
  else if (prev == "by")
    cue = in_set(kDealBy, prev2);
  else if (prev == "buy" || prev == "acquire" || prev == "purchase")
    cue = prev2 == "to";  // "agreed to buy X", not "buy American"
  else if (in_set(kDealVerbs, prev))
    cue = !(prev == "acquired" && lower_is(i, "by"));
  if (!cue) return false;
  // "acquired Benchmark-backed Metaweb": the backer and the company backed.
  if (i + 3 < t_.size() && has(i + 1, kPunct) && is_dash(t_[i + 1].cp) && glued(i + 1) &&
      glued(i + 2) &&
      (lower_is(i + 2, "backed") || lower_is(i + 2, "owned") || lower_is(i + 2, "funded") ||
       lower_is(i + 2, "born") || lower_is(i + 2, "based")) &&
      spaced(i + 3) && capw(i + 3) && !covered_[i + 3]) {
    const std::size_t len = cue_name_at(i + 3, 3);
    if (len == 0 || !object_end_ok(i + 3 + len)) return false;
    // The backer too; not the place of "Tunisia-born X", "Paris-based X".
    if (!common(i) && has(i, kHasLower) && !lower_is(i + 2, "born") && !lower_is(i + 2, "based"))
      add_cued_company(i, 1);
    return add_cued_company(i + 3, len);
  }
  const std::size_t len = cue_name_at(i, 3);
  if (len == 0 || !object_end_ok(i + len)) return false;
  return add_cued_company(i, len);
}

std::size_t Scan::ticker_open(std::size_t i) const {
  if (i >= 4 && punct(i - 1, '>'))
    for (std::size_t q = i - 1; q-- > 0 && q + 10 > i;)
      if (punct(q, '<')) return q;
  return i;
}

std::size_t Scan::possessor_end(std::size_t p) const {
  if (p >= 3 && lower_is(p - 1, "s") && glued(p - 1) && has(p - 2, kPunct) &&
      is_apostrophe(t_[p - 2].cp) && glued(p - 2))
    return p - 2;
  if (p >= 2 && has(p - 1, kPunct) && is_apostrophe(t_[p - 1].cp) && glued(p - 1) && word(p - 2) &&
      tx(p - 2).back() == 's')
    return p - 1;
  return 0;
}

// "X (Nasdaq: XYZ)", "X, the VoIP upstart", "X, a unit of Y", "Yonhap news agency said".
bool Scan::rule_name_context(std::size_t i) {
  if (!capw(i) || covered_[i] || noisy(i)) return false;
  // The name starts here: not the second word of a longer capitalised run, nor the end of
  // "Central Bank of Ceylon".
  if (i > 0 && spaced(i) && capw(i - 1) && !has(i, kSentenceStart)) return false;
  if (i >= 2 && lower_is(i - 1, "of") && capw(i - 2)) return false;
  const std::size_t len = cue_name_at(i, 3);
  if (len == 0) return false;
  const std::size_t e = i + len;
  // "X (Nasdaq: XYZ)", "X (NYSE: ABC)": a listing.
  const bool listing = e + 3 < t_.size() && punct(e, '(') && spaced(e) && word(e + 1) &&
                       is(e + 1, kLxExchange) && punct(e + 2, ':');
  bool cue = listing;
  // "network equipment giant X", "IP platform specialist X": a company noun after a
  // modifier (a lower-case word or an acronym) introduces the name.
  if (!cue && i >= 2 && spaced(i) && !has(i, kSentenceStart) && word(i - 1) &&
      !has(i - 1, kHasUpper) && spaced(i - 1) && word(i - 2)) {
    const bool modifier =
        !in_set(kNotModifiers, lower(i - 2)) && (!has(i - 2, kHasLower) || !has(i - 2, kHasUpper));
    cue =
        (modifier &&
         (in_set(kDescriptors, lower(i - 1)) ||
          // "lead manager Union Bank of Switzerland" (bond issues)
          (lower_is(i - 1, "manager") && (lower_is(i - 2, "lead") || lower_is(i - 2, "co-lead"))) ||
          (lower_is(i - 1, "agency") && in_set(kAgencyKinds, lower(i - 2))))) ||
        // "pressure from rival Jetstar" (not "to emulate rival Ghana")
        (lower_is(i - 1, "rival") && !has(i - 2, kHasUpper) && in_set(kRivalBefore, lower(i - 2)));
  }
  // "its Harris Graphics subsidiary", "their Seneca unit": a unit of the company spoken of;
  // "Phillips' Aminoil subsidiary", "Litton's Data Systems division": of a company named.
  if (!cue && i >= 1 && spaced(i) && e < t_.size() && spaced(e) && word(e) && !has(e, kHasUpper) &&
      in_set(kUnitNouns, lower(e))) {
    if (lower_is(i - 1, "its") || lower_is(i - 1, "their")) {
      cue = true;
    } else {
      // The company's possessive: "X's" or "Xs'" right before the unit's name, or before
      // Reuters' ticker of X ("Marriott Corp's <MHS> Straw Hat Pizza unit").
      const std::size_t owner_end = possessor_end(ticker_open(i));
      // A company found here, or the first word of one found elsewhere ("Phillips Petroleum
      // ... Phillips' Aminoil subsidiary": the short name is only propagated later). Not a
      // compound adjective ("Facebook's Pittsburgh-based division") nor a field's two letters
      // ("Alphabet's VC division", "Broadcom's RF division").
      const bool adjective = word(e - 1) && !has(e - 1, kHasUpper);
      const bool field = len == 1 && !has(i, kHasLower) && t_[i].end - t_[i].begin <= 2;
      if (owner_end > 0 && capw(owner_end - 1) && !adjective && !field)
        for (const Cand& c : cands_)
          if (!c.dead && c.kind == EntityKind::company &&
              (c.te == owner_end ||
               (c.te - c.tb >= 2 && c.tb != owner_end - 1 && tx(c.tb) == tx(owner_end - 1))))
            cue = true;
    }
  }
  // "X, which makes ...", "X posted a fourth-quarter profit": what companies do.
  if (!cue && e + 1 < t_.size()) {
    std::size_t k = e;
    if (punct(k, ',') || punct(k, '(')) {
      if (lower_is(k + 1, "which") && k + 2 < t_.size() && word(k + 2) &&
          in_set(kMakesVerbs, lower(k + 2)))
        cue = true;
    } else if (spaced(k) && word(k) && in_set(kReportVerbs, lower(k))) {
      // Up to six words to the result: "reported a 12 pct rise in quarterly profit".
      for (std::size_t q = k + 1, s = 0; !cue && q < t_.size() && s < 7; ++q, ++s) {
        if (has(q, kNewlineBefore) || (has(q, kPunct) && !is_dash(t_[q].cp))) break;
        if (word(q) && has(q, kHasUpper)) break;
        cue = word(q) && in_set(kResults, lower(q));
      }
    }
  }
  // "Suralco, jointly owned by the U.S. company Alcoa": a company owns it.
  if (!cue && e + 3 < t_.size() && punct(e, ',')) {
    std::size_t k = e + 1;
    if (lower_is(k, "jointly") || lower_is(k, "wholly") || lower_is(k, "majority") ||
        lower_is(k, "partly") || lower_is(k, "privately"))
      ++k;
    if (k + 1 < t_.size() && (lower_is(k, "owned") || lower_is(k, "controlled")) &&
        lower_is(k + 1, "by"))
      for (const Cand& c : cands_)
        if (!c.dead && c.kind == EntityKind::company && c.tb > k + 1 && c.tb <= k + 10) cue = true;
  }
  // "X today announced", "X announced today": press-release phrasing for a company (not for
  // "the Linux Foundation" or a university).
  if (!cue && e + 1 < t_.size() && spaced(e) &&
      ((lower_is(e, "today") && lower_is(e + 1, "announced")) ||
       (lower_is(e, "announced") && lower_is(e + 1, "today"))) &&
      !(word(e - 1) && in_set(kNonCompanyHeads, tx(e - 1))) &&
      // ("Papers with Code today announced": the name started before "with".)
      !(i >= 2 && word(i - 1) && !has(i - 1, kHasUpper) && t_[i - 1].end - t_[i - 1].begin <= 4 &&
        capw(i - 2) && !has(i, kSentenceStart)))
    cue = true;
  // "X news agency", "X newswire", "X wire service".
  if (!cue && e < t_.size() && spaced(e) && word(e) && !has(e, kHasUpper)) {
    // (Not "the official Algerian news agency": a nationality.)
    const std::string_view last = lower(e - 1);
    const bool demonym =
        len == 1 && (ends_with(last, "ian") || ends_with(last, "ese") || ends_with(last, "ish"));
    if (lower_is(e, "news") && e + 1 < t_.size() && word(e + 1) &&
        in_set(kAgencyWords, lower(e + 1)) && !demonym)
      cue = true;
    if (lower_is(e, "newswire") ||
        (lower_is(e, "wire") && e + 1 < t_.size() && lower_is(e + 1, "service")))
      cue = true;
  }
  // Appositives: "X, the VoIP upstart", "X, a unit of Y", "X, the nation's largest lender".
  if (!cue && e + 2 < t_.size() && punct(e, ',') && glued(e) &&
      (lower_is(e + 1, "the") || lower_is(e + 1, "a") || lower_is(e + 1, "an"))) {
    std::size_t k = e + 2;
    if ((lower_is(k, "unit") || lower_is(k, "division") || lower_is(k, "subsidiary") ||
         lower_is(k, "affiliate")) &&
        lower_is(k + 1, "of"))
      cue = true;
    // "the ... NOUN" with only lower-case words before the noun (a "'s" allowed once).
    for (std::size_t s = 0; !cue && s < 6 && k < t_.size(); ++s, ++k) {
      if (has(k, kNewlineBefore)) break;
      if (has(k, kPunct)) {
        if (is_apostrophe(t_[k].cp) && lower_is(k + 1, "s")) {
          ++k;
          continue;
        }
        if (is_dash(t_[k].cp) && glued(k)) continue;  // "seventh-largest"
        break;
      }
      if (!word(k) || has(k, kHasUpper) || lower_is(k, "a") || lower_is(k, "an") ||
          lower_is(k, "the"))
        break;  // ("Naples, the family founded a demolition company": a clause)
      if (is(k, kLxCompanyNoun) || lower_is(k, "upstart") || lower_is(k, "airline") ||
          lower_is(k, "carrier") || lower_is(k, "insurer") || lower_is(k, "lender")) {
        // "Smith, the company's founder": the noun owns what follows.
        const bool owner = k + 1 < t_.size() && has(k + 1, kPunct) && is_apostrophe(t_[k + 1].cp);
        const bool closes = k + 1 >= t_.size() || has(k + 1, kPunct) ||
                            (word(k + 1) && in_set(kAfterAppositive, lower(k + 1)));
        cue = !owner && closes && s > 0 && !(lower_is(k, "bank") && lower_is(k - 1, "central"));
        break;
      }
    }
  }
  if (!cue) return false;
  // A lone given name ("Jack, the upstart's founder") is a person's, unless listed.
  if (first_name(i) && len == 1 && !listing) return false;
  return add_cued_company(i, len);
}

// "NEW YORK (CBS.MW) --", "(Forbes.com)": an outlet in brackets whose first part the
// gazetteer knows is the dotted name, not the company.
bool Scan::rule_dotted_outlet(std::size_t lp) {
  if (!punct(lp, '(') || lp + 4 >= t_.size()) return false;
  const std::size_t b = lp + 1;
  if (!covered_[b] || !capw(b) || !glued(b)) return false;
  std::size_t e = b + 1;
  bool dotted = false;
  while (e + 1 < t_.size() && glued(e) && punct(e, '.') && glued(e + 1) && word(e + 1) &&
         !has(e + 1, kHasLower)) {
    e += 2;
    dotted = true;
  }
  if (!dotted || e >= t_.size() || !punct(e, ')') || !glued(e)) return false;
  // A dateline's outlet: a dash follows.
  if (!(e + 1 < t_.size() && has(e + 1, kPunct) &&
        (is_dash(t_[e + 1].cp) || t_[e + 1].cp == 0x2014)))
    return false;
  const std::vector<std::int32_t>& owner = owners();
  const std::int32_t oi = owner[b];
  if (oi < 0) return false;
  const Cand& o = cands_[static_cast<std::size_t>(oi)];
  if (o.kind != EntityKind::company || o.tb != b || o.te != b + 1) return false;
  kill_covered(b, b + 1, owner);
  add_rule(EntityKind::company, b, e, e,
           lower_utf8(text_.substr(t_[b].begin, t_[e - 1].end - t_[b].begin)), false);
  return true;
}

// "will trade on NASDAQ", "listed on the NYSE": an exchange as a market, and the exchange of
// a listing, "(Nasdaq: EBAY)", which the guidelines count as a company (a blind annotator of
// gold-fresh3 keyed "(Nasdaq: AMZN)" so); not "the Nasdaq composite".
bool Scan::rule_exchange_name(std::size_t i) {
  if (!capw(i) || covered_[i] || noisy(i) || !is(i, kLxExchange)) return false;
  const std::size_t e = i + 1;
  const bool listing = punct(i - 1, '(') && e + 1 < t_.size() && punct(e, ':') && word(e + 1);
  if (!listing) {
    if (!spaced(i)) return false;
    std::size_t p = i - 1;
    if (lower_is(p, "the") && p >= 1) --p;
    if (!lower_is(p, "on")) return false;
    if (e < t_.size() && spaced(e) && capw(e)) return false;  // "the OTC Bulletin Board"
    if (e < t_.size() &&
        (punct(e, ':') ||
         (word(e) && (lower_is(e, "composite") || lower_is(e, "index") || has(e, kHasDigit)))))
      return false;
  }
  // The exchange under the key its full name has in the gazetteer ("on the NYSE" and "the
  // New York Stock Exchange": one key).
  static constexpr std::pair<std::string_view, std::string_view> kFullNames[] = {
      {"NYSE", "New York Stock Exchange"},
      {"AMEX", "American Stock Exchange"},
      {"LSE", "London Stock Exchange"},
      {"NASDAQ", "Nasdaq Stock Market"},
      {"Nasdaq", "Nasdaq Stock Market"}};
  std::string key;
  for (const auto& [acronym, full] : kFullNames)
    if (tx(i) == acronym)
      if (const std::int64_t known = g_.find_name(EntityKind::company, full); known >= 0)
        key = g_.entry(static_cast<std::uint32_t>(known)).key;
  // A listing's exchange only under a full name ("TSE:2121" is Tokyo's or Toronto's).
  if (key.empty()) {
    if (listing) return false;
    key = std::string(lower(i));
  }
  add_rule(EntityKind::company, i, e, e, std::move(key), false);
  return true;
}

// "Typeform Typeform evolves online forms", "Be My Eyes Be My Eyes uses GPT-4": a customer
// card, the company's name as its heading and again as the subject of its blurb's first verb
// ("uses", "provides", "offers", ...). Not a doubled name ("Sirhan Sirhan says"): no known given
// name first.
bool Scan::rule_card_company(std::size_t i) {
  if (noisy(i) || first_name(i)) return false;
  for (std::size_t n = 1; n <= 3; ++n) {
    const std::size_t v = i + 2 * n;
    if (v >= t_.size()) return false;
    bool same = true;
    for (std::size_t k = i; k < i + n && same; ++k)
      same = capw(k) && capw(k + n) && !covered_[k] && !covered_[k + n] && spaced(k + n) &&
             (k == i || spaced(k)) && tx(k) == tx(k + n);
    if (!same) continue;
    // (One ordinary word is a page's button: "Save Save this story".)
    if (n == 1 && (common(i) || !has(i, kHasLower))) return false;  // ("AI AI provides")
    // A blurb's verb (not a tag page's plural: "Bermuda Bermuda holidays").
    static const ViewSet kBlurbVerbs = {
        "uses",        "provides",  "offers",    "helps",     "enables",    "brings",
        "builds",      "makes",     "lets",      "allows",    "delivers",   "specializes",
        "specialises", "develops",  "creates",   "powers",    "bills",      "positions",
        "explores",    "evolves",   "automates", "deepens",   "combines",   "gives",
        "transforms",  "leverages", "aims",      "sells",     "designs",    "operates",
        "focuses",     "produces",  "turns",     "connects",  "simplifies", "streamlines",
        "empowers",    "supports",  "applies",   "harnesses", "integrates", "blasts",
        "describes",   "calls",     "promises",  "wants",     "plans"};
    if (!(spaced(v) && word(v) && !has(v, kHasUpper) && in_set(kBlurbVerbs, lower(v))))
      return false;
    if (public_name(i, i + n)) return false;
    std::string key = gaz_or_key(i + n, v);
    add_rule(EntityKind::company, i, i + n, i + n, key, false);
    add_rule(EntityKind::company, i + n, v, v, std::move(key), false);
    return true;
  }
  return false;
}

void Scan::org_cues_late() {
  for (std::size_t k = 0; k + 4 < t_.size(); ++k)
    if (punct(k, '(')) rule_dotted_outlet(k);
  for (std::uint32_t i : caps_all_)
    if (!covered_[i]) rule_deal_cue(i);
  for (std::uint32_t i : caps_all_)
    if (!covered_[i]) rule_name_context(i);
  for (std::uint32_t i : caps_all_)
    if (!covered_[i] && i > 0) rule_exchange_name(i);
  for (std::uint32_t i : caps_all_)
    if (!covered_[i]) rule_card_company(i);
  org_cues_tech();
}

}  // namespace newsdex::detail::names
