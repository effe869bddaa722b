// Companies and people that no list holds, from evidence in the text (issue 11): names
// ending in an organisation word ("Marine Midland Brokerage Service", "JFE Holdings"),
// gazetteer names a division or legal suffix extends ("Nomura International Ltd"),
// newswire tickers (`DELTAUS CORP <DLTA>`, `<Dale Burdett Inc>`), `X & Y` and `X.com`
// names, the outlet a story credits ("(Reuters)", "Source: Politico"), cue patterns
// ("shares of X", "X's chief executive", "analysts at X", "companies such as X and Y") and
// lists of companies. The document-level decisions that follow them are scan_decide.cc's.

#include <algorithm>
#include <cctype>
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

// Words that end (or sit inside) a company name, case-exact.
const ViewSet kOrgWords = {
    "Bank",           "Banks",           "Bancorp",       "Bancshares",
    "Bankshares",     "Securities",      "Exchange",      "Capital",
    "Group",          "Holdings",        "Holding",       "Media",
    "Research",       "Partners",        "Associates",    "Brothers",
    "Financial",      "Brokerage",       "Investments",   "Trust",
    "Airlines",       "Airways",         "Motors",        "Chemicals",
    "Chemical",       "Petroleum",       "Resources",     "Industries",
    "Electronics",    "Technologies",    "Systems",       "Software",
    "Communications", "Pharmaceuticals", "Foods",         "Stores",
    "Products",       "Enterprises",     "Insurance",     "Assurance",
    "Realty",         "Properties",      "Ventures",      "Labs",
    "Studios",        "Entertainment",   "Networks",      "Telecom",
    "Mining",         "Steel",           "Semiconductor", "Semiconductors",
    "Brands",         "Restaurants",     "Hotels",        "Automotive",
    "Microsystems",   "Robotics",        "Therapeutics",  "Biosciences",
    "Interactive",    "Dynamics",        "Analytics",     "Computing",
    "Aerospace",      "Pharma",          "Services",      "Markets",
    "Division",       "Savings",         "Bankcorp",      "Publications",
    "Engineering",    "Manufacturing",   "Laboratories",  "Instruments",
    "Minerals",       "Utilities",       "Logistics",     "Telecommunications",
    "Electric",       "Beverages",       "Funds",         "Breweries",
    "Brewery"};

// Words that may end a name after an organisation word ("Capital Markets", "Brokerage
// Service"), or extend a gazetteer name as a named unit ("Nomura International").
const ViewSet kUnitWords = {"Markets",    "Service", "Services",    "Division",  "International",
                            "Securities", "Bank",    "Electronics", "Chemicals", "Chemical",
                            "Brokerage",  "Capital", "Motors",      "Research",  "Financial"};

// Words of public bodies (central banks, development banks, regulators): a name holding one
// is not a company.
const ViewSet kPublicWords = {"Reserve",    "Central",    "World",     "Export",    "Import",
                              "Monetary",   "Commission", "Council",   "Ministry",  "Department",
                              "Agency",     "Authority",  "Committee", "Board",     "Bureau",
                              "Government", "Fed",        "Treasury",  "Parliament"};

// Regions and the countries a wire story's units are most often named after (the
// places of "its Hong Kong unit" and "Norway-based X").
const ViewSet kRegions = {
    "North",    "South",       "East",      "West",        "Latin",         "Middle",
    "Far",      "Pacific",     "Atlantic",  "European",    "Asian",         "African",
    "Arab",     "Nordic",      "Europe",    "Asia",        "Africa",        "America",
    "Americas", "Hong",        "Kong",      "Japan",       "China",         "Taiwan",
    "Korea",    "India",       "Singapore", "Australia",   "Canada",        "Mexico",
    "Brazil",   "Argentina",   "Britain",   "France",      "Germany",       "Italy",
    "Spain",    "Netherlands", "Belgium",   "Switzerland", "Sweden",        "Norway",
    "Ireland",  "Israel",      "Russia",    "Turkey",      "Indonesia",     "Malaysia",
    "Thailand", "Philippines", "Zealand",   "Overseas",    "International", "Domestic",
    "Foreign",  "Global",      "Eurobond",  "Caribbean",   "Gulf"};

// After "X's": the noun marks X as a company.
const ViewSet kOwnedByCompany = {
    "shares",       "stock",        "board",     "subsidiary",   "unit",     "division",
    "earnings",     "revenue",      "revenues",  "profit",       "profits",  "shareholders",
    "stockholders", "chairman",     "ceo",       "headquarters", "products", "acquisition",
    "quarterly",    "executives",   "employees", "ipo",          "merger",   "takeover",
    "shareholder",  "subsidiaries", "units",     "brands"};

}  // namespace

bool Scan::org_word(std::size_t i) const { return capw(i) && in_set(kOrgWords, tx(i)); }

bool Scan::legal_word(std::size_t i) const {
  if (!capw(i)) return false;
  if (is(i, kLxLegal)) return true;
  // "CORP", "INC", "LTD" in all-capital headlines.
  const std::string_view w = tx(i);
  if (has(i, kHasLower) || w.size() < 2 || w.size() > 11) return false;
  char buf[12];
  buf[0] = w[0];
  for (std::size_t k = 1; k < w.size(); ++k) buf[k] = ascii_lower(w[k]);
  return is_legal_suffix(std::string_view(buf, w.size()));
}

bool Scan::public_word(std::size_t k) const { return word(k) && in_set(kPublicWords, tx(k)); }

bool Scan::public_name(std::size_t b, std::size_t e) const {
  for (std::size_t k = b; k < e; ++k)
    if (public_word(k) &&
        !(tx(k) == "Department" && k + 1 < t_.size() &&
          (tx(k + 1) == "Stores" || tx(k + 1) == "Store")))  // "Federated Department Stores"
      return true;
  return false;
}

std::int64_t Scan::find_company(std::string_view name) const {
  auto lookup = [&](std::string_view n) -> std::int64_t {
    const std::int64_t known = g_.find_name(EntityKind::company, n);
    if (known < 0) return -1;
    // find_name() also answers tickers: "BA's profits" (British Airways) is not Boeing, "AI
    // Group" not C3.ai. A real alias ("GM") is a candidate of its word with the normal role.
    bool caps = true;
    for (char c : n) caps &= !(c >= 'a' && c <= 'z') && c != ' ';
    if (!caps || n.size() > 5) return known;
    const std::string key = NameRecognizer::company_key(n);
    if (g_.entry(static_cast<std::uint32_t>(known)).key == key) return known;
    if (const WordInfo* w = table_.find(key))
      for (std::uint32_t ai : w->candidates) {
        const Alias& a = g_.alias(ai);
        if (a.role == AliasRole::normal && a.tokens.size() == 1 && a.entry == known) return known;
      }
    return -1;
  };
  if (const std::int64_t known = lookup(name); known >= 0) return known;
  // "Royal Bank of Scotland Group Plc", "Mazda Motor Corp": the group of a listed company,
  // or its formal name, is that company (one key with the short name, in the text and in
  // the corpus).
  const std::string_view head = NameRecognizer::same_company_head(name);
  return head.empty() ? -1 : lookup(head);
}

std::string Scan::gaz_or_key(std::size_t b, std::size_t e) const {
  std::string name(text_.substr(t_[b].begin, t_[e - 1].end - t_[b].begin));
  for (char& c : name)
    if (c == '\n' || c == '\r') c = ' ';
  const std::int64_t known = find_company(name);
  if (known < 0) return NameRecognizer::company_key(name);
  return g_.entry(static_cast<std::uint32_t>(known)).key;
}

void Scan::kill_covered(std::size_t b, std::size_t e, const std::vector<std::int32_t>& owner) {
  // Through the token -> candidate index: linear in the span, whatever the document.
  for (std::size_t k = b; k < e && k < owner.size(); ++k) {
    if (owner[k] < 0) continue;
    Cand& c = cands_[static_cast<std::size_t>(owner[k])];
    if (c.dead) continue;
    c.dead = true;
    for (std::uint32_t q = c.tb; q < c.te; ++q) covered_[q] = 0;
  }
}

// "Nomura International Ltd", "Eastman Kodak Co", "Merrill Lynch Capital Markets": a
// gazetteer company followed by a unit word or by capitalised words and a legal suffix is
// the longer name (a named unit keeps its own key, as the guidelines ask).
std::vector<std::int32_t>& Scan::owners() {
  thread_local std::vector<std::int32_t> owner;
  owner.assign(t_.size(), -1);
  for (std::size_t ci = 0; ci < cands_.size(); ++ci) {
    const Cand& c = cands_[ci];
    if (c.dead) continue;
    for (std::uint32_t k = c.tb; k < c.te && k < owner.size(); ++k)
      owner[k] = static_cast<std::int32_t>(ci);
  }
  return owner;
}

void Scan::extend_gazetteer() {
  const std::size_t ncands = cands_.size();
  const std::vector<std::int32_t> owner = owners();
  for (std::size_t ci = 0; ci < ncands; ++ci) {
    Cand& c = cands_[ci];
    if (c.dead || c.kind != EntityKind::company || c.entry < 0 || c.rule) continue;
    // In a long capitalised run ("Goldman Sachs Inc and Merrill Lynch Capital Markets") only
    // unit words extend a name.
    if (has(c.tb, kHeading)) continue;
    const bool title_run = has(c.tb, kTitleRun);
    std::size_t k = c.te, last_unit = 0, suffix_end = 0;
    bool other_words = false, non_unit = false;
    for (std::size_t steps = 0; k < t_.size() && steps < 5; ++steps) {
      if (!(spaced(k) || wrapped(k)) || !capw(k)) break;
      if (covered_[k]) {
        // Another gazetteer company right after ("Eastman Kodak"): part of the name.
        const std::int32_t oi = owner[k];
        if (oi < 0) break;
        const Cand& o = cands_[static_cast<std::size_t>(oi)];
        if (o.dead || o.tb != k || o.kind != EntityKind::company || o.entry < 0) break;
        k = o.te;
        other_words = true;
        continue;
      }
      if (legal_word(k) ||
          ((lower_is(k, "and") || punct(k, '&')) && k + 1 < t_.size() && tx(k + 1) == "Co")) {
        // "Co Plc", "and Co Inc.", "Co., Ltd.": every suffix word.
        std::size_t q = k;
        while (q < t_.size() && q < k + 6 &&
               (legal_word(q) || punct(q, '.') || punct(q, ',') || lower_is(q, "and") ||
                punct(q, '&')))
          ++q;
        while (q > k && !legal_word(q - 1) && !punct(q - 1, '.')) --q;
        suffix_end = q;
        break;
      }
      if (in_set(kUnitWords, tx(k)))
        last_unit = k + 1;
      else
        non_unit = true;
      if (!has(k, kHasLower) && t_[k].end - t_[k].begin < 2) break;
      other_words = true;
      ++k;
    }
    std::size_t name_end = 0, end = 0;
    if (title_run && (suffix_end || !last_unit || non_unit)) continue;
    if (suffix_end && !other_words && !last_unit) {
      // "McDonnell Douglas Corp": the suffix belongs to the name found.
      c.te = static_cast<std::uint32_t>(suffix_end);
      c.e = t_[suffix_end - 1].end;
      claim(c);
      continue;
    }
    if (suffix_end && other_words) {
      name_end = trim_suffixes(c.tb, suffix_end);
      end = suffix_end;
    } else if (last_unit) {
      name_end = end = last_unit;
    } else {
      continue;
    }
    if (public_name(c.tb, name_end)) continue;
    const std::size_t tb = c.tb;
    std::string key = gaz_or_key(tb, name_end);
    kill_covered(tb, end, owner);
    add_rule(EntityKind::company, tb, end, name_end, std::move(key), false);
  }
}

// Newswire tickers: "DELTAUS CORP <DLTA>", "Atlantic Financial Federal <ATLF.O>", and
// bracketed private companies: "<Mitsubishi Chemical Industries Ltd>".
bool Scan::rule_ticker_cue(std::size_t lt, const std::vector<std::int32_t>& owner) {
  if (!punct(lt, '<') || lt + 2 >= t_.size() || !capw(lt + 1) || !glued(lt + 1)) return false;
  std::size_t gt = lt + 1;
  while (gt < t_.size() && gt < lt + 12 && !punct(gt, '>') && !has(gt, kNewlineBefore)) ++gt;
  if (gt >= t_.size() || !punct(gt, '>')) return false;
  bool spaced_inside = false;
  for (std::size_t k = lt + 2; k < gt; ++k) spaced_inside |= spaced(k);
  // "<Mitsubishi Chemical Industries Ltd>", "<Nolan, Norton and Co>": the brackets hold a
  // name (a ticker, "<BP.L>", has no space inside).
  if (spaced_inside) {
    const std::size_t e = gt;
    const std::size_t name_e = trim_suffixes(lt + 1, e);
    if (name_e <= lt + 1 || public_name(lt + 1, name_e)) return false;
    std::string key = gaz_or_key(lt + 1, name_e);
    kill_covered(lt + 1, e, owner);
    add_rule(EntityKind::company, lt + 1, e, name_e, std::move(key), false);
    return true;
  }
  // A ticker: the name is the capitalised run right before "<".
  if (lt == 0 || !spaced(lt)) return false;
  std::size_t e = lt;
  // "STOP AND SHOP'S <SHP>": the possessive is not part of the name.
  if (e >= 3 && lower_is(e - 1, "s") && has(e - 2, kPunct) && is_apostrophe(t_[e - 2].cp)) e -= 2;
  std::size_t b = e;
  bool lone_person = false;  // listed surnames inside the name: killed if the name is kept
  for (std::size_t words_n = 0; b > 0 && words_n < 6;) {
    const std::size_t k = b - 1;
    if (covered_[k]) {
      // "KURZWEIL MUSIC SYSTEMS INC <KURM>", "CARTER HAWLEY HALE <CHH>": a listed person's
      // lone surname (Ray Kurzweil's) inside an all-capital headline's company name.
      const std::int32_t oi = owner[k];
      if (oi < 0 || words_n == 0 || has(k, kHasLower) || !capw(k)) break;
      const Cand& c = cands_[static_cast<std::size_t>(oi)];
      if (c.dead || c.kind != EntityKind::person || c.tb != k || c.te != k + 1) break;
      b = k;
      ++words_n;
      lone_person = true;
      if (has(k, kNewlineBefore)) break;
      continue;
    }
    if (capw(k)) {
      b = k;
      ++words_n;
      if (has(k, kNewlineBefore)) break;
      continue;
    }
    // "Wendy's International", "Industrial Bank of Japan"
    if (lower_is(k, "s") && k >= 2 && has(k - 1, kPunct) && is_apostrophe(t_[k - 1].cp) &&
        glued(k) && glued(k - 1) && capw(k - 2) && words_n > 0) {
      b = k - 1;
      continue;
    }
    if (lower_is(k, "of") && k >= 1 && capw(k - 1) && kOfHeads.count(tx(k - 1)) && words_n > 0) {
      b = k;
      continue;
    }
    if ((punct(k, '&') || lower_is(k, "and")) && k >= 1 && capw(k - 1) && words_n > 0) {
      b = k;
      continue;
    }
    if ((punct(k, '.') || punct(k, '/') ||
         (has(k, kPunct) && (is_dash(t_[k].cp) || is_apostrophe(t_[k].cp)))) &&
        glued(k) && glued(k + 1) && k >= 1 && word(k - 1) && words_n > 0) {
      b = k;
      continue;
    }
    break;
  }
  // "EX-ARCO": a prefix, not part of the name.
  if (b + 2 < e && lower_is(b, "ex") && has(b + 1, kPunct) && is_dash(t_[b + 1].cp)) b += 2;
  while (b < e && (has(b, kPunct) || is(b, kLxLeading) || lower_is(b, "and") || lower_is(b, "of") ||
                   lower_is(b, "s")))
    ++b;
  if (b >= e || !capw(b)) return false;
  if (!has(e - 1, kHasLower)) {
    // An all-capital headline: the name is the longest tail of the run that the story
    // writes with a capital ("MOODY'S MAY DOWNGRADE CONSECO <CNC>" -> Conseco); failing
    // that, the last word if it is not an ordinary one.
    std::size_t best = e;
    for (std::size_t c = b; c < e && best == e; ++c) {
      if (!word(c) || !capw(c) || legal_word(c)) continue;
      const std::size_t ce = trim_suffixes(c, e);
      if (ce <= c) continue;
      const std::string_view want(lower_text_.data() + t_[c].begin, t_[ce - 1].end - t_[c].begin);
      for (std::size_t at = lower_text_.find(want, t_[e - 1].end); at != std::string::npos;
           at = lower_text_.find(want, at + 1)) {
        const bool boundary =
            (at == 0 || !std::isalnum(static_cast<unsigned char>(text_[at - 1]))) &&
            (at + want.size() >= text_.size() ||
             !std::isalnum(static_cast<unsigned char>(text_[at + want.size()])));
        if (boundary && std::isupper(static_cast<unsigned char>(text_[at])) != 0) {
          best = c;
          break;
        }
      }
    }
    if (best == e && (b == 0 || has(b, kNewlineBefore)) && trim_suffixes(b, e) > b &&
        trim_suffixes(b, e) - b <= 5) {
      best = b;  // the headline starts with the name: "LE PEEP RESTAURANTS INC <LPEP>"
    } else if (best == e) {
      std::size_t last = e - 1;
      while (last > b && (legal_word(last) || !word(last))) --last;
      if (!word(last) || common(last) || legal_word(last) || t_[last].end - t_[last].begin < 3)
        return false;
      best = last;
    }
    b = best;
  }
  const std::size_t name_e = trim_suffixes(b, e);
  if (name_e <= b || public_name(b, name_e)) return false;
  bool strong = false;
  for (std::size_t k = b; k < name_e; ++k) strong |= word(k) && (!common(k) || org_word(k));
  // "SUMMIT ENERGY <SUM>" ... "Summit Energy Inc said": ordinary words, but the story names
  // them with a legal suffix too.
  // (Not the tail of a longer headline name: "FORD CANADA <FC>" is Ford's unit, not Canada.)
  if (!strong && (b == 0 || has(b, kNewlineBefore) || !capw(b - 1)))
    strong = named_with_suffix(b, name_e);
  if (!strong) return false;  // "North America", "Japan"
  std::string key = gaz_or_key(b, name_e);
  // (Only such surnames are covered between b and the ticker.)
  if (lone_person) kill_covered(b, lt, owner);
  add_rule(EntityKind::company, b, lt, name_e, std::move(key), false);
  return true;
}

std::size_t Scan::trim_suffixes(std::size_t b, std::size_t e) const {
  std::size_t name_e = e;
  while (name_e > b &&
         (punct(name_e - 1, '.') || punct(name_e - 1, ',') || legal_word(name_e - 1) ||
          punct(name_e - 1, '&') || lower_is(name_e - 1, "and")))
    --name_e;
  return name_e;
}

// The end of "Bank of <place>" at @p bank ("Bank of New York", "Bank of Japan Ltd": up to three
// title-case words, then a legal suffix or its initials), or 0; @p name_end: the place's end.
std::size_t Scan::bank_of_place(std::size_t bank, std::size_t& name_end) const {
  if (tx(bank) != "Bank" || bank + 2 >= t_.size() || !spaced(bank + 1) || !lower_is(bank + 1, "of"))
    return 0;
  // Place words are written in title case ("Florida F.S.B.", "Chicago Tokyo Branch",
  // "Scotland Group Plc": the initials, the branch and the group are not the place's).
  auto place_word = [&](std::size_t k) {
    return k < t_.size() && spaced(k) && word(k) && capw(k) && has(k, kHasLower) && !covered_[k] &&
           !noisy(k) && !legal_word(k) && !has(k, kNewlineBefore) && tx(k) != "Branch" &&
           tx(k) != "Group" && tx(k) != "Holdings";
  };
  std::size_t e = bank + 2;
  for (std::size_t words_n = 0; words_n < 3 && place_word(e); ++words_n) {
    // "Bank of St. Paul"
    if (tx(e) == "St" && e + 2 < t_.size() && punct(e + 1, '.') && glued(e + 1) && spaced(e + 2) &&
        capw(e + 2))
      e += 2;
    ++e;
  }
  if (e == bank + 2) return 0;
  name_end = e;
  // "F.S.B.", "N.A.": the initials of a legal form.
  if (e + 1 < t_.size() && spaced(e) && t_[e].end - t_[e].begin == 1 && capw(e) &&
      punct(e + 1, '.') && glued(e + 1)) {
    e += 2;
    while (e + 1 < t_.size() && glued(e) && t_[e].end - t_[e].begin == 1 && capw(e) &&
           punct(e + 1, '.') && glued(e + 1))
      e += 2;
    return e;
  }
  if (e < t_.size() && spaced(e) && legal_word(e)) {
    ++e;
    if (e < t_.size() && punct(e, '.') && glued(e)) ++e;
  }
  return e;
}

// Whether the bank named by words [b, bank) + "Bank of" + a place (up to @p e) is one that is
// no company: a central bank named "National/State Bank of" its country, or a bank of another
// kind ("Food Bank of", "the West Bank of").
bool Scan::central_bank_place(std::size_t b, std::size_t e) const {
  // Countries whose central bank is, or is called in English, "the Bank of" them (a word of
  // the country's name is enough: "Sierra" Leone, "Papua" New Guinea, "Sri" Lanka).
  static const ViewSet kCentral = {
      "England",     "Japan",    "Canada",      "France",   "Italy",     "Spain",       "Portugal",
      "Greece",      "Finland",  "Korea",       "Israel",   "Thailand",  "Mexico",      "Russia",
      "Ghana",       "Uganda",   "Tanzania",    "Jamaica",  "Namibia",   "Botswana",    "Zambia",
      "Mauritius",   "Sierra",   "Guyana",      "Albania",  "Lithuania", "Latvia",      "Estonia",
      "Slovenia",    "Algeria",  "Sudan",       "Eritrea",  "Papua",     "Mozambique",  "Malawi",
      "Lebanon",     "Jordan",   "Libya",       "Tunisia",  "Morocco",   "Norway",      "Sweden",
      "Denmark",     "Germany",  "Netherlands", "Belgium",  "Austria",   "Switzerland", "Poland",
      "Hungary",     "Romania",  "Bulgaria",    "Croatia",  "Serbia",    "Ukraine",     "Turkey",
      "Egypt",       "Nigeria",  "Kenya",       "Zimbabwe", "Australia", "Zealand",     "Brazil",
      "Argentina",   "Chile",    "Peru",        "Colombia", "Venezuela", "Indonesia",   "Malaysia",
      "Philippines", "Pakistan", "Bangladesh",  "Vietnam",  "Iran",      "Iraq",        "Sri",
      "Nepal",       "Bhutan",   "Afghanistan", "Mongolia", "Guatemala", "Honduras",    "Belize",
      "Barbados",    "Bahamas",  "Trinidad",    "Slovakia", "Ethiopia",  "Rwanda",      "Angola"};
  for (std::size_t k = b; k < e; ++k)
    if (word(k) && in_set(kCentral, tx(k))) return true;
  return false;
}

bool Scan::public_bank(std::size_t b, std::size_t bank, std::size_t e) const {
  static const ViewSet kOtherBanks = {"Food",  "Blood", "Data",  "Seed", "Gene", "Memory",
                                      "Sperm", "Milk",  "Eye",   "West", "East", "North",
                                      "South", "Left",  "Right", "River"};
  for (std::size_t k = b; k < bank; ++k)
    if (in_set(kOtherBanks, tx(k))) return true;
  // Central banks: the National Bank of Belgium, of Poland, of Hungary ..., the State Bank of
  // Pakistan and of Vietnam.
  static const ViewSet kNationalBankCountries = {
      "Belgium", "Poland",     "Hungary",   "Serbia",     "Ukraine",     "Romania",
      "Georgia", "Moldova",    "Slovakia",  "Cambodia",   "Kazakhstan",  "Ethiopia",
      "Rwanda",  "Tajikistan", "Macedonia", "Yugoslavia", "Austria",     "Angola",
      "Belarus", "Kyrgyzstan", "Bulgaria",  "Croatia",    "Switzerland", "Denmark"};
  if (bank + 2 >= e) return false;
  return (tx(bank - 1) == "National" && in_set(kNationalBankCountries, tx(bank + 2))) ||
         (tx(bank - 1) == "State" && (tx(bank + 2) == "Pakistan" || tx(bank + 2) == "Vietnam"));
}

// "Marine Midland Brokerage Service", "JFE Holdings", "Toll Brothers", "Chase Manhattan
// Bank": a capitalised run ending in an organisation (or unit) word, with at least one word
// that is not an ordinary word, not a public body.
bool Scan::rule_org_word(std::size_t i) {
  if (!org_word(i) || covered_[i] || noisy(i) || !spaced(i)) return false;
  // The run must end here (or at unit words right after).
  std::size_t e = i + 1;
  while (e < t_.size() && spaced(e) && capw(e) && !covered_[e] && in_set(kUnitWords, tx(e)) &&
         e < i + 3)
    ++e;
  // "Commonwealth Bank of Australia", "First National Bank of Chicago": "Bank of" and a place
  // after words of the name (bank_of_place()).
  std::size_t place_name_e = 0;
  const std::size_t place_e = e == i + 1 ? bank_of_place(i, place_name_e) : 0;
  if (place_e) e = place_e;
  if (e < t_.size() && spaced(e) && (capw(e) || lower_is(e, "of"))) return false;
  std::size_t b = i, words_n = 0;
  while (b > 0 && words_n < 4) {
    const std::size_t k = b - 1;
    if (covered_[k] || noisy(k)) break;
    if (capw(k) && !is(k, kLxLegal) && !(is(k, kLxLeading) && has(k, kSentenceStart))) {
      b = k;
      ++words_n;
      if (!spaced(k) || has(k, kNewlineBefore)) break;
      continue;
    }
    // "&" joins names ("Clayton & Dubilier Capital"); "and" mostly joins two names.
    if (punct(k, '&') && k >= 1 && capw(k - 1) && !covered_[k - 1] && words_n > 0) {
      b = k;
      continue;
    }
    if ((punct(k, '.') || (has(k, kPunct) && is_dash(t_[k].cp))) && glued(k) && glued(k + 1) &&
        k >= 1 && word(k - 1) && words_n > 0) {
      b = k;
      continue;
    }
    break;
  }
  // Lead-ins of teasers and headings: "Press Release InGen Dynamics", "Guest Services".
  static const ViewSet kLeadIns = {"Press",    "Release",  "Guest",   "Sponsored", "Exclusive",
                                   "Breaking", "Analysis", "Opinion", "Update",    "Watch",
                                   "Video",    "Podcast",  "Report",  "Review",    "Interview"};
  while (b < i && (has(b, kPunct) || is(b, kLxLeading) || in_set(kLeadIns, tx(b)))) ++b;
  // "the Bank of Nova Scotia", "BANK OF BRITISH COLUMBIA": "Bank of" a place that names no
  // country's central bank ("the Bank of Japan", "Bank of England").
  if (b >= i && place_e && i + 2 < place_name_e && !central_bank_place(i + 2, place_name_e)) {
    add_rule(EntityKind::company, i, e, place_name_e, gaz_or_key(i, place_name_e), false);
    return true;
  }
  if (b >= i) return false;
  // A capitalised word right before, glued to a gazetteer name ("Microsoft Research"), is
  // extend_gazetteer's; a covered word before means the run started earlier.
  if (b > 0 && spaced(b) && covered_[b - 1] && capw(b - 1)) return false;
  if (place_e) {
    // Words and "Bank of" a place name a bank, ordinary words too ("Union Bank of
    // Switzerland"); not a public one ("Reserve Bank of India", "National Bank of Hungary").
    const std::size_t name_e = place_name_e;
    if (public_name(b, name_e) || public_bank(b, i, name_e)) return false;
    if (first_name(b) && !common(b)) return false;
    add_rule(EntityKind::company, b, e, name_e, gaz_or_key(b, name_e), false);
    return true;
  }
  bool strong = false;
  for (std::size_t k = b; k < e; ++k)
    if (word(k) && capw(k) && !common(k) && !org_word(k) && !in_set(kUnitWords, tx(k)))
      strong = true;
  // "British Airways", "General Motors", "United Airlines": a few organisation words make a
  // name of ordinary words, inside a sentence.
  static const ViewSet kStrongOrgWords = {
      "Airlines",  "Airways", "Bancorp",    "Bancshares",         "Holdings",        "Securities",
      "Petroleum", "Motors",  "Telecom",    "Telecommunications", "Pharmaceuticals", "Breweries",
      "Brewery",   "Foods",   "Bankshares", "Ventures",           "Capital"};
  // "US Airways said", "US Airways Group Inc.": a short acronym before such a word starts a
  // name, sentence start or not.
  const bool acronym =
      !has(b, kHasLower) && t_[b].end - t_[b].begin >= 2 && t_[b].end - t_[b].begin <= 4 && b < i;
  bool strong_word = false;
  for (std::size_t k = b; k <= i; ++k) strong_word |= in_set(kStrongOrgWords, tx(k));
  // Capitalised phrases, not firms: "Venture Capital firms", "Human Capital".
  static const ViewSet kCapitalPhrases = {"Venture", "Human",     "Working", "Share",
                                          "Private", "Political", "Cultural"};
  if (tx(i) == "Capital" && i - b == 1 && in_set(kCapitalPhrases, tx(b))) strong_word = false;
  if (!strong && strong_word && (!has(b, kSentenceStart) || acronym) && i - b <= 2) strong = true;
  if (!strong) return false;
  // "Merrill Lynch <MER> Capital Markets": the rest of the name before a Reuters ticker (not
  // a unit after its owner's possessive: "Ryder System Inc's <RDR> American Jet Industries").
  if (b >= 1 && punct(b - 1, '>') && spaced(b)) {
    const std::size_t lt = ticker_open(b);
    if (lt == b || possessor_end(lt) == 0) return false;
  }
  // "Mary Smith Research": a person's name before the word is not this rule's business.
  if (first_name(b) && !common(b)) return false;  // "Helen Steel", "Mary Smith Research"
  if (public_name(b, e)) return false;
  // Words of the name proper that also occur in lower case make it ordinary words; the
  // organisation words themselves ("chemicals", "brokerage") may.
  add_rule(EntityKind::company, b, e, i, gaz_or_key(b, e), i - b == 1);
  return true;
}

// "Clayton Dubilier & Rice", "Johnson & Johnson": capitalised words joined by a spaced "&".
bool Scan::rule_amp_name(std::size_t amp) {
  if (!punct(amp, '&') || !spaced(amp) || amp == 0 || amp + 1 >= t_.size()) return false;
  if (!capw(amp - 1) || !capw(amp + 1) || !spaced(amp + 1) || covered_[amp - 1] ||
      covered_[amp + 1] || noisy(amp - 1) || noisy(amp + 1))
    return false;
  std::size_t b = amp - 1, e = amp + 2;
  while (b > 0 && amp - b < 3 && spaced(b) && capw(b - 1) && !covered_[b - 1] &&
         !is(b - 1, kLxLeading))
    --b;
  while (e < t_.size() && e - amp < 3 && spaced(e) && capw(e) && !covered_[e] && !is(e, kLxLegal))
    ++e;
  std::size_t end = e;
  if (end < t_.size() && spaced(end) && capw(end) && is(end, kLxLegal)) {
    ++end;
    if (end < t_.size() && punct(end, '.') && glued(end)) ++end;
  }
  if (end < t_.size() && spaced(end) && capw(end)) return false;  // a longer title
  bool strong_left = false;
  for (std::size_t k = b; k < amp; ++k) strong_left |= !common(k);
  if (!strong_left) return false;  // "Love & Sex", "Research & Development"
  if (public_name(b, e)) return false;
  add_rule(EntityKind::company, b, end, e, gaz_or_key(b, e), true);
  return true;
}

// Outlets named by an ordinary word ("Time", "Variety"), credited as a source: "according to
// Time", "told Variety", "obtained by Time", "(via Quartz)", "a Vice report", "Motherboard
// noted", "Time magazine". Without such a cue the word is no name.
bool Scan::rule_outlet_word(std::size_t i) {
  static const ViewSet kOutletWords = {"Time",      "Variety", "Motherboard", "Fortune",
                                       "Quartz",    "Vice",    "Deadline",    "Insider",
                                       "Billboard", "Slate",   "Salon"};
  if (!word(i) || !in_set(kOutletWords, tx(i))) return false;
  // A longer name ("Time Warner", "Vice President", "Fortune 500") is not the outlet.
  const std::size_t e = i + 1;
  if (e < t_.size() && spaced(e) && (capw(e) || has(e, kHasDigit))) return false;
  static const ViewSet kReportNouns = {"report",    "story",         "article",
                                       "interview", "investigation", "reporter",
                                       "analysis",  "piece",         "magazine"};
  static const ViewSet kReportVerbs = {"reported", "reports",  "noted",   "wrote",
                                       "revealed", "magazine", "reporter"};
  const bool next_word = e < t_.size() && spaced(e) && word(e) && !has(e, kHasUpper);
  // Before it: "according to (a|the) X", "told X", "obtained/reported/published by X", "(via X".
  std::size_t p = i > 0 ? i - 1 : 0;
  const bool indefinite = i > 0 && (lower_is(p, "a") || lower_is(p, "an"));
  if (p > 0 && (indefinite || lower_is(p, "the"))) --p;
  bool cue = i > 0 && lower_is(p, "to") && p > 0 && lower_is(p - 1, "according");
  if (i > 0 && p == i - 1 && p > 0) {
    cue = cue || lower_is(p, "told") || (punct(p - 1, '(') && lower_is(p, "via")) ||
          (lower_is(p, "by") && (lower_is(p - 1, "obtained") || lower_is(p - 1, "reported") ||
                                 lower_is(p - 1, "published")));
  }
  // After it: "a Vice report", "Motherboard noted", "Time magazine".
  cue = cue || (next_word && indefinite && in_set(kReportNouns, lower(e))) ||
        (next_word && in_set(kReportVerbs, lower(e)));
  if (!cue) return false;
  add_rule(EntityKind::company, i, e, e, gaz_or_key(i, e), false);
  return true;
}

// "Rent.com", "SPACE.com", "SiliconValley.com": a capitalised word glued to ".com".
bool Scan::rule_dotcom(std::size_t i) {
  if (!capw(i) || covered_[i] || i + 2 >= t_.size()) return false;
  if (!punct(i + 1, '.') || !glued(i + 1) || !glued(i + 2) || !word(i + 2)) return false;
  const std::string_view tld = lower(i + 2);
  if (tld != "com" && tld != "net") return false;
  if (i > 0 && glued(i) && (punct(i - 1, '.') || punct(i - 1, '@') || punct(i - 1, '/')))
    return false;  // part of a host name or an address
  add_rule(EntityKind::company, i, i + 3, i + 3,
           lower_utf8(text_.substr(t_[i].begin, t_[i + 2].end - t_[i].begin)), false);
  return true;
}

// The outlet a story credits: "... (Reuters)" ending the title, "CHICAGO (Reuters) -",
// "Source: Politico", "Via: Re/code", "Hat tip to MSPoweruser".
bool Scan::rule_source_cue(std::size_t i) {
  if (!capw(i) || covered_[i]) return false;
  std::size_t b = i, e = i + 1;
  // Names with dots, slashes or hyphens: "CBS.MW", "Re/code", "SPACE.com", "Itar-Tass".
  while (e + 1 < t_.size() && glued(e) &&
         (punct(e, '.') || punct(e, '/') || (punct(e, '-') && capw(e + 1))) && glued(e + 1) &&
         word(e + 1))
    e += 2;
  bool cue = false;
  // "(PC World)": up to three capitalised words inside the brackets.
  if (b > 0 && punct(b - 1, '(')) {
    std::size_t q = e;
    while (q < t_.size() && q < b + 3 && spaced(q) && capw(q) && !has(q, kNewlineBefore)) ++q;
    if (q < t_.size() && punct(q, ')') && glued(q)) e = q;
  }
  if (b > 0 && punct(b - 1, '(') && e < t_.size() && punct(e, ')') && glued(e)) {
    // "(Reuters)" at the end of a line, or after an all-caps dateline and before a dash.
    const bool line_end = e + 1 >= t_.size() || has(e + 1, kNewlineBefore);
    // The dateline's place in capitals, right before or at the line's start ("MOSCOW,
    // October 28 (Itar-Tass) -").
    bool caps_place = b >= 2 && capw(b - 2) && !has(b - 2, kHasLower);
    for (std::size_t k = b - 1, s = 0; !caps_place && k > 0 && s < 6; ++s) {
      --k;
      if (has(k, kNewlineBefore) || k == 0) {
        caps_place = capw(k) && !has(k, kHasLower) && t_[k].end - t_[k].begin >= 3;
        break;
      }
    }
    const bool dateline = e + 1 < t_.size() && has(e + 1, kPunct) &&
                          (is_dash(t_[e + 1].cp) || t_[e + 1].cp == 0x2014) && caps_place;
    // At a title's end, an outlet looks like one: dotted ("SPACE.com"), all capitals
    // ("AP"), or a known company ("Reuters"); not a time zone ("(PDT)").
    bool outlet_like = e > b + 1 || (!has(b, kHasLower) && t_[b].end - t_[b].begin >= 2) ||
                       g_.find_name(EntityKind::company, tx(b)) >= 0;
    // "Artificial intelligence (AI)": an abbreviation spelt by the words before it.
    if (e == b + 1 && !has(b, kHasLower)) {
      const std::string_view ab = tx(b);
      bool spelt = b >= ab.size() + 1 && ab.size() >= 2 && ab.size() <= 5;
      for (std::size_t k = 0; spelt && k < ab.size(); ++k) {
        const std::size_t w = b - 1 - ab.size() + k;
        spelt = word(w) && ascii_lower(text_[t_[w].begin]) == ascii_lower(ab[k]);
      }
      if (spelt) return false;
    }
    if (!outlet_like && line_end && b < 64) {  // a title's end: the story's first tokens
      // "NewsFactor - PeopleSoft said": the outlet starts a line of the story with a dash.
      const std::string_view name = text_.substr(t_[b].begin, t_[e - 1].end - t_[b].begin);
      for (std::size_t ci = 0; ci < caps_all_.size() && !outlet_like; ++ci) {
        const std::size_t at = t_[caps_all_[ci]].begin;
        outlet_like = has(caps_all_[ci], kNewlineBefore) &&
                      text_.compare(at, name.size(), name) == 0 &&
                      text_.compare(at + name.size(), 3, " - ") == 0;
      }
    }
    cue = (line_end && e - b <= 3 && outlet_like) || dateline;
    if (line_end && !dateline && b >= 1 && !has(b - 1, kSpaceBefore)) cue = false;
    static const ViewSet kZones = {"PDT", "PST", "EDT", "EST",  "CDT", "CST", "MDT", "MST", "GMT",
                                   "UTC", "BST", "CET", "CEST", "IST", "JST", "ET",  "PT"};
    if (e == b + 1 && in_set(kZones, tx(b))) cue = false;
  } else if (b >= 2 && punct(b - 1, ':') && glued(b - 1) &&
             (lower_is(b - 2, "source") || lower_is(b - 2, "via"))) {
    cue = true;
    while (e < t_.size() && e < i + 3 && spaced(e) && capw(e) && !has(e, kNewlineBefore) &&
           !covered_[e] && (org_word(e) || in_set(kUnitWords, tx(e))))
      ++e;
  } else if (b >= 3 && lower_is(b - 1, "to") && lower_is(b - 2, "tip") && lower_is(b - 3, "hat")) {
    cue = true;
  }
  if (!cue) return false;
  if (lower_is(b, "photo") || lower_is(b, "file") || lower_is(b, "update1")) return false;
  std::string key = gaz_or_key(b, e);
  if (key == "ap") key = "associated press";
  if (key == "afp") key = "agence france-presse";
  add_rule(EntityKind::company, b, e, e, std::move(key), false);
  return true;
}

// "shares of X", "X's chief executive", "analysts at X", "X said in a statement",
// "companies such as X and Y": the name next to the cue is a company.
bool Scan::rule_org_cues(std::size_t i) {
  if (!capw(i) || covered_[i] || noisy(i)) return false;
  const std::size_t len = company_name_at(i, 3);
  if (len == 0) return false;
  const std::size_t e = i + len;
  if (first_name(i) && len >= 2) return false;
  // The name starts here: not the second word of "Helen Marsh said in a statement".
  if (i > 0 && spaced(i) && capw(i - 1) && !has(i, kSentenceStart)) return false;
  bool cue = false;
  if (i >= 2 && spaced(i)) {
    // "shares of X", "shares in X", "stake in X"
    if ((lower_is(i - 1, "of") || lower_is(i - 1, "in")) &&
        (lower_is(i - 2, "shares") || lower_is(i - 2, "stake") || lower_is(i - 2, "stock")))
      cue = true;
    // "analysts at X", "economist with X", "strategist at X"
    if ((lower_is(i - 1, "at") || lower_is(i - 1, "with")) &&
        (lower_is(i - 2, "analyst") || lower_is(i - 2, "analysts") ||
         lower_is(i - 2, "economist") || lower_is(i - 2, "economists") ||
         lower_is(i - 2, "strategist") || lower_is(i - 2, "strategists")))
      cue = true;
    // "the firm X" is rule_company_cues'; "X, the firm" not handled.
    // "Norway-based Den Norske Creditbank", "Palo Alto-based Credo AI": after a place (a
    // capitalised word no list makes common, no listed company or product: not "Linux-based
    // SteamOS"), a name in title case without digits (not "Intel-based PCs", "Cloud-based
    // Endpoint Protection", "Valhall-based Mali-G77").
    if (lower_is(i - 1, "based") && i >= 3 && glued(i - 1) && has(i - 2, kPunct) &&
        is_dash(t_[i - 2].cp) && glued(i - 2) && titlew(i - 3) &&
        (!common(i - 3) || in_set(kRegions, tx(i - 3))) &&
        g_.find_name(EntityKind::company, tx(i - 3)) < 0 &&
        g_.find_name(EntityKind::product, tx(i - 3)) < 0 && !demonym(i - 3) && titlew(i) &&
        !has(e - 1, kNewlineBefore) && (e > i + 1 || !common(i)) &&
        !(t_[i].end - t_[i].begin > 1 && has(i, kHasUpper) &&
          std::isupper(static_cast<unsigned char>(text_[t_[i].begin + 1])))) {
      cue = true;
      for (std::size_t q = i; q < e && cue; ++q) cue = !has(q, kHasDigit);
      // Not a party, an association or a tool ("the Python-based Keras library").
      static const ViewSet kNotFirms = {"Party",      "Association", "Institute", "University",
                                        "Foundation", "Society",     "Union",     "Federation"};
      if (in_set(kNotFirms, tx(e - 1))) cue = false;
      if (e < t_.size() && spaced(e) && word(e) && !has(e, kHasUpper) &&
          (lower_is(e, "library") || lower_is(e, "framework") || lower_is(e, "platform") ||
           lower_is(e, "language") || lower_is(e, "model") || lower_is(e, "operating")))
        cue = false;
    }
  }

  // "X's shares / chief executive / board"
  std::size_t k = e;
  // (Or "Veritas' shares": a bare apostrophe after a final "s".)
  const bool bare = k + 1 < t_.size() && has(k, kPunct) && is_apostrophe(t_[k].cp) &&
                    ends_with(lower(k - 1), "s") && word(k + 1) && !lower_is(k + 1, "s") &&
                    !has(i, kSentenceStart);  // ("Brewers' profits lose their fizz")
  if (!cue && k + 2 < t_.size() && has(k, kPunct) && is_apostrophe(t_[k].cp) &&
      (lower_is(k + 1, "s") || bare)) {
    const std::size_t n = bare ? k + 1 : k + 2;
    // (Not "the Indaba's Board of Trustees", "its Board of Governors": a non-profit's.)
    const bool trustees = lower_is(n, "board") && n + 2 < t_.size() && lower_is(n + 1, "of") &&
                          (lower_is(n + 2, "trustees") || lower_is(n + 2, "governors") ||
                           lower_is(n + 2, "regents") || lower_is(n + 2, "visitors"));
    if (n < t_.size() && word(n) && !trustees &&
        (in_set(kOwnedByCompany, lower(n)) ||
         (lower_is(n, "chief") && n + 1 < t_.size() &&
          (lower_is(n + 1, "executive") || lower_is(n + 1, "financial")))))
      cue = !first_name(i);
  }
  // "the Economist magazine", "Variety newspaper": a media outlet.
  if (!cue && k < t_.size() && spaced(k) && word(k) &&
      (lower_is(k, "magazine") || lower_is(k, "newspaper") || lower_is(k, "daily") ||
       lower_is(k, "weekly") || lower_is(k, "tabloid") || lower_is(k, "broadcaster")) &&
      !first_name(i))
    cue = true;
  // "X said in a statement"
  if (!cue && k + 3 < t_.size() && lower_is(k, "said") && lower_is(k + 1, "in") &&
      lower_is(k + 2, "a") && lower_is(k + 3, "statement"))
    cue = !first_name(i) && len <= 2;
  if (!cue) return false;
  bool strong = false;
  for (std::size_t q = i; q < e; ++q) strong |= word(q) && !common(q);
  if (!strong || public_name(i, e)) return false;
  add_rule(EntityKind::company, i, e, e, gaz_or_key(i, e), false);
  return true;
}

// "its Data Systems division", "its Canron unit": a unit of the company the story is about,
// named even by ordinary words: one to three capitalised words between "its" and "division",
// "unit" or "subsidiary" (not a region's: "its Canadian unit", "its North American
// subsidiary").
bool Scan::rule_its_unit(std::size_t i) {
  if (i == 0 || !spaced(i) || !lower_is(i - 1, "its") || noisy(i)) return false;
  std::size_t e = i;
  while (e < t_.size() && e < i + 3 && capw(e) && has(e, kHasLower) && !covered_[e] &&
         (e == i || spaced(e)) && !has(e, kNewlineBefore))
    ++e;
  if (e == i || e >= t_.size() || !spaced(e) ||
      !(lower_is(e, "division") || lower_is(e, "unit") || lower_is(e, "subsidiary")))
    return false;
  for (std::size_t q = i; q < e; ++q)
    if (demonym(q) || place_head(q) || public_word(q) || legal_word(q) || in_set(kRegions, tx(q)))
      return false;
  if (e == i + 1 && first_name(i)) return false;
  add_rule(EntityKind::company, i, e, e, gaz_or_key(i, e), false);
  return true;
}

void Scan::org_rules_pass() {
  const std::vector<std::int32_t> owner = owners();
  for (std::size_t k = 0; k < t_.size(); ++k)
    if (punct(k, '<')) rule_ticker_cue(k, owner);
  for (std::uint32_t i : caps_all_)
    if (!covered_[i]) rule_source_cue(i) || rule_outlet_word(i);
  for (std::uint32_t i : caps_all_)
    if (!covered_[i]) rule_dotcom(i);
  for (std::uint32_t i : caps_all_)
    if (!covered_[i]) rule_org_head(i);
  for (std::uint32_t i : caps_all_)
    if (!covered_[i]) rule_org_word(i);
  for (std::size_t k = 1; k + 1 < t_.size(); ++k)
    if (punct(k, '&')) rule_amp_name(k);
  for (std::uint32_t i : caps_all_)
    if (!covered_[i]) rule_org_cues(i) || rule_its_unit(i);
}

// "Rand Paul (R-Kentucky)": a party and state after a name mark a politician.
bool Scan::rule_party_cue(std::size_t i) {
  if (!titlew(i) || covered_[i]) return false;
  const std::size_t len = person_name_at(i, false);
  if (len == 0) return false;
  const std::size_t e = i + len;
  if (!(e + 3 < t_.size() && punct(e, '(') && spaced(e) && word(e + 1) &&
        (tx(e + 1) == "R" || tx(e + 1) == "D" || tx(e + 1) == "I") && has(e + 2, kPunct) &&
        is_dash(t_[e + 2].cp) && capw(e + 3)))
    return false;
  add_person(i, e - i, false);
  return true;
}

}  // namespace newsdex::detail::names
