// Lists of companies (issue 11): a loan's or an issue's syndicate after its noun ("Managers
// are A, B and C"), and lists whose members are mostly companies or that a company noun
// introduces ("stocks such as X and Y"). Split from scan_org.cc, whose rules find one name at
// a time.

#include <algorithm>
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

// Words after "and" that go on a name rather than start the next one ("Mitsui Trust and
// Banking Co", "Raymond James and Associates", "Alex. Brown and Sons").
const ViewSet kAndTails = {"Banking", "Associates", "Sons",     "Co",
                           "Company", "Partners",   "Brothers", "Shanghai"};

// Nouns after which "such as / including / like" introduces companies.
const ViewSet kListNouns = {"companies",  "firms",       "stocks",    "rivals",        "giants",
                            "brands",     "makers",      "banks",     "lenders",       "brokers",
                            "startups",   "carriers",    "retailers", "shares",        "players",
                            "insurers",   "competitors", "airlines",  "manufacturers", "vendors",
                            "publishers", "outlets",     "clients",   "customers",     "investors"};

}  // namespace

// A loan's or an issue's syndicate: "Managers are Arab Banking Corp, Gulf International Bank,
// Istituto Bancario San Paolo di Torino and Sumitomo Finance (Asia) Ltd", "The co-leads are
// Privatbanken A/S and Generale Bank Brussels". After a syndicate noun and "are" or "include",
// every member up to the sentence's end is a bank: members split at commas (the last one at
// "and" too), each one to eight tokens opening with a capitalised word, its legal form off the
// key; members found already stay as they are.
void Scan::syndicate_members() {
  static const ViewSet kSyndicate = {"managers",    "co-managers", "co-leads", "underwriters",
                                     "bookrunners", "arrangers",   "co-lead",  "lead"};
  const std::size_t n = t_.size();
  for (std::size_t s = 2; s + 1 < n; ++s) {
    if (!(lower_is(s, "are") || lower_is(s, "include")) || !word(s - 1)) continue;
    std::string noun(lower(s - 1));
    // "co-managers": three tokens.
    if (s >= 3 && has(s - 2, kPunct) && is_dash(t_[s - 2].cp) && glued(s - 2) && glued(s - 1))
      noun = std::string(lower(s - 3)) + "-" + noun;
    if (!in_set(kSyndicate, noun) || noun == "lead" || noun == "co-lead") continue;
    // "Alex. Brown and Sons": a dot that ends no sentence.
    auto ends_sentence = [&](std::size_t e) {
      if (!punct(e, '.') || (e + 1 < n && glued(e + 1)) || e == 0) return false;
      const std::size_t len = t_[e - 1].end - t_[e - 1].begin;
      return !(capw(e - 1) && (len <= 3 || tx(e - 1) == "Alex"));
    };
    std::size_t k = s + 1;
    for (int members = 0; members < 16 && k < n; ++members) {
      if (!capw(k) || (has(k, kNewlineBefore) && !wrapped(k))) break;
      // The member: up to the next comma, "and" before a capitalised word, or the sentence end.
      std::size_t e = k;
      while (e < n && e < k + 9 && !(punct(e, ',') && glued(e)) &&
             !(lower_is(e, "and") && e + 1 < n && capw(e + 1) && !has(e, kHasUpper) &&
               !in_set(kAndTails, tx(e + 1))) &&
             !ends_sentence(e))
        ++e;
      if (e == k || e >= k + 9) break;
      std::size_t name_e = trim_suffixes(k, e);
      // "Privatbanken A/S": a Nordic legal form of three tokens.
      if (name_e >= k + 4 && tx(name_e - 3) == "A" && punct(name_e - 2, '/') &&
          tx(name_e - 1) == "S")
        name_e -= 3;
      bool free = name_e > k;
      for (std::size_t q = k; q < e && free; ++q) free = !covered_[q];
      if (free && !public_name(k, name_e) && !(first_name(k) && name_e - k == 2))
        add_rule(EntityKind::company, k, e, name_e, gaz_or_key(k, name_e), false);
      k = e;
      if (k < n && punct(k, ',') && glued(k)) ++k;
      if (k < n && lower_is(k, "and")) ++k;
      if (k >= n || !spaced(k)) break;
    }
  }
}

// Lists: "stocks such as JFE Holdings and BHP Billiton", "Google, Uber, Amazon, Machine
// Zone, GrubHub and Yelp": in a list introduced by a company noun, or where most members
// are companies already, the other capitalised members are companies too.
void Scan::list_members() {
  const std::size_t n = t_.size();
  const std::vector<std::int32_t> owner = owners();
  for (std::size_t s = 0; s < n; ++s) {
    // A list starts after "such as" / "including" / "like" or at any capitalised word.
    bool introduced = false;
    std::size_t start = s;
    if ((lower_is(s, "as") && s >= 2 && lower_is(s - 1, "such") && word(s - 2) &&
         in_set(kListNouns, lower(s - 2))) ||
        ((lower_is(s, "including") || lower_is(s, "like")) && s >= 1 &&
         ((word(s - 1) && in_set(kListNouns, lower(s - 1))) ||
          // "the mobile giants, including Google, Uber and Amazon"
          (lower_is(s, "including") && s >= 2 && punct(s - 1, ',') && word(s - 2) &&
           in_set(kListNouns, lower(s - 2)))))) {
      introduced = true;
      start = s + 1;
    } else if (capw(s) && s >= 1 && spaced(s) && word(s - 1) && !has(s - 1, kHasUpper) &&
               in_set(kListNouns, lower(s - 1))) {
      introduced = true;  // "French companies Snecma and Sagem", "competitors Unilever and ..."
    } else if (!(capw(s) && (s == 0 || punct(s - 1, ',') || !capw(s - 1)))) {
      continue;
    }
    // Members: runs of 1-3 capitalised words separated by ", " or " and " / ", and ".
    struct Member {
      std::size_t b, e;
      bool company, other;
    };
    // Most capitalised words start no list: no separator after their run.
    {
      std::size_t e = start + 1;
      while (e < n && e < start + 3 && spaced(e) && capw(e) && !is(e, kLxLeading)) ++e;
      if (!(e < n && ((punct(e, ',') && glued(e)) || (lower_is(e, "and") && spaced(e))))) continue;
    }
    thread_local std::vector<Member> members;
    members.clear();
    std::size_t k = start;
    while (k < n && members.size() < 40) {
      if (!capw(k) || has(k, kNewlineBefore) || has(k, kHeading)) break;
      std::size_t e = k + 1;
      while (e < n && e < k + 3 && spaced(e) && capw(e) && !is(e, kLxLeading)) ++e;
      // "Dillon Read and Co Inc", "Allen and Company": "and" and a word that goes on the name,
      // then its legal form.
      if (e + 1 < n && lower_is(e, "and") && in_set(kAndTails, tx(e + 1))) {
        e += 2;
        while (e < n && spaced(e) && legal_word(e)) ++e;
      }
      // Glued parts ("Eat24", "Amazon.com").
      Member m{k, e, false, false};
      if (owner[k] >= 0) {
        const Cand& c = cands_[static_cast<std::size_t>(owner[k])];
        m.company = c.kind == EntityKind::company && c.tb <= k && c.te >= e;
      }
      for (std::size_t q = k; q < e; ++q)
        if (covered_[q] && !m.company) m.other = true;
      members.push_back(m);
      k = e;
      if (k < n && punct(k, ',') && glued(k)) {
        ++k;
        if (lower_is(k, "and")) ++k;
        continue;
      }
      if (lower_is(k, "and") && spaced(k)) {
        ++k;
        continue;
      }
      break;
    }
    if (members.size() < 2) continue;
    std::size_t companies = 0, others = 0;
    for (const Member& m : members) {
      companies += m.company;
      others += m.other;
    }
    // Without a company noun before it, a list of companies holds few products or people
    // ("applications like Google Apps, Slack, Jira and Zendesk" is not one).
    // A list of three or more strong names, one of them a company and none anything else
    // ("US Steel, Allegheny Technologies and Nucor").
    bool all_strong = members.size() >= 3 && companies >= 1 && others == 0;
    // ... in a sentence about companies' shares or trade ("steelmakers' shares rose, with
    // US Steel, ..."), not "researchers at IBM, HP, MIT, Purdue and Stanford".
    if (all_strong) {
      bool about = false;
      for (std::size_t q = start, steps = 0; q-- > 0 && steps < 16 && !about; ++steps) {
        if (punct(q, '.') || has(q + 1, kNewlineBefore)) break;
        about = word(q) && !has(q, kHasUpper) &&
                (in_set(kListNouns, lower(q)) || ends_with(lower(q), "makers"));
      }
      all_strong = about;
    }
    for (const Member& m : members)
      all_strong &=
          m.company ||
          (m.e - m.b <= 2 && !first_name(m.b) && (!common(m.e - 1) || !has(m.e - 1, kHasLower)) &&
           // "Hart, Tex.", "West Hartford, Conn.": places.
           !(m.e < n && punct(m.e, '.') && glued(m.e) && has(m.e - 1, kHasLower) &&
             t_[m.e - 1].end - t_[m.e - 1].begin <= 5));
    const bool list =
        introduced || all_strong ||
        (members.size() >= 3 && companies * 2 >= members.size() && others * 5 <= members.size());
    if (!list) {
      s = std::max(s, members.back().e - 1);
      continue;
    }
    for (const Member& m : members) {
      if (m.company || m.other) continue;
      bool strong = false;
      for (std::size_t q = m.b; q < m.e; ++q) strong |= !common(q) || !has(q, kHasLower);
      if (!strong || (first_name(m.b) && m.e - m.b >= 2) || public_name(m.b, m.e) ||
          legal_word(m.b))
        continue;
      if (m.e - m.b == 1 && !has(m.b, kHasLower) && t_[m.b].end - t_[m.b].begin < 2) continue;
      const std::size_t name_e = trim_suffixes(m.b, m.e);  // ("Sutro and Co Inc")
      if (name_e <= m.b) continue;
      add_rule(EntityKind::company, m.b, m.e, name_e, gaz_or_key(m.b, name_e), false);
    }
    s = std::max(s, members.back().e - 1);
  }
}

}  // namespace newsdex::detail::names
