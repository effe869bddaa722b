#include "aliases.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "core/schema.h"

namespace newsdex::detail {
namespace {

// Given names and the name they are short for, where the short form is not simply the start
// of the long one (starts, `vince`/`vincent`, are found from the corpus itself).
constexpr std::pair<std::string_view, std::string_view> kNicknames[] = {
    {"bill", "william"},   {"billy", "william"},   {"will", "william"},
    {"bob", "robert"},     {"bobby", "robert"},    {"rob", "robert"},
    {"jim", "james"},      {"jimmy", "james"},     {"mike", "michael"},
    {"tom", "thomas"},     {"tommy", "thomas"},    {"tony", "anthony"},
    {"joe", "joseph"},     {"dick", "richard"},    {"rick", "richard"},
    {"ted", "edward"},     {"ed", "edward"},       {"eddie", "edward"},
    {"dave", "david"},     {"danny", "daniel"},    {"andy", "andrew"},
    {"drew", "andrew"},    {"steve", "steven"},    {"stephen", "steven"},
    {"chuck", "charles"},  {"charlie", "charles"}, {"larry", "lawrence"},
    {"peggy", "margaret"}, {"liz", "elizabeth"},   {"beth", "elizabeth"},
    {"kate", "katherine"}, {"katie", "katherine"}, {"catherine", "katherine"},
    {"jenny", "jennifer"}, {"jen", "jennifer"},    {"sue", "susan"},
    {"jerry", "gerald"},   {"gerry", "gerald"},    {"ron", "ronald"},
    {"don", "donald"},     {"nate", "nathan"},     {"zach", "zachary"},
    {"jack", "john"},      {"johnny", "john"},
};

std::string_view formal(std::string_view given) {
  for (const auto& [nick, full] : kNicknames)
    if (given == nick) return full;
  return given;
}

std::string_view first_word(std::string_view key) { return key.substr(0, key.find(' ')); }

// An initial: one letter, with or without its dot.
bool initial(std::string_view t) { return t.size() == 1 || (t.size() == 2 && t[1] == '.'); }

struct Name {
  std::string_view key;
  std::size_t df = 0;
  std::string_view given;  // formal()
  std::string middle;      // middle words, initials left out
  std::string_view surname;
};

// Union-find over names.
struct Groups {
  std::vector<std::size_t> parent;
  explicit Groups(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void unite(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using ViewMap = std::unordered_map<std::string_view, V, ViewHash, std::equal_to<>>;

// AliasEvidence::rule.
constexpr const char* kRules[] = {"surname", "surname (filter only)", "given-name variant",
                                  "middle initial", "gazetteer"};

}  // namespace

AliasTable AliasTable::build(std::vector<std::pair<std::string, std::size_t>> keys,
                             const KnownName& known) {
  std::sort(keys.begin(), keys.end());  // the same table whatever the order given
  std::vector<Name> names;
  ViewMap<std::size_t> singles;   // one-word key → df
  ViewMap<std::size_t> as_given;  // word → df of the full names it begins
  std::vector<std::string_view> t;
  for (const auto& [key, df] : keys) {
    t.clear();
    for (std::size_t i = 0; i < key.size();) {
      std::size_t j = key.find(' ', i);
      if (j == std::string::npos) j = key.size();
      if (j > i) t.push_back(std::string_view(key).substr(i, j - i));
      i = j + 1;
    }
    if (t.size() == 1) singles[t[0]] += df;
    if (t.size() < 2 || initial(t.front()) || t.back().size() < 2) continue;  // `j smith`
    Name n{key, df, formal(t.front()), {}, t.back()};
    for (std::size_t i = 1; i + 1 < t.size(); ++i)
      if (!initial(t[i])) n.middle.append(n.middle.empty() ? "" : " ").append(t[i]);
    as_given[t.front()] += df;
    names.push_back(std::move(n));
  }
  // Full names: one group per (given, middle words, surname); then a given name that starts
  // exactly one longer given name of the same middle words and surname joins it (`vince` →
  // `vincent`).
  Groups g(names.size());
  std::unordered_map<std::string, std::size_t> by_sig;
  std::unordered_map<std::string, std::vector<std::size_t>> by_family;  // middle + surname
  auto family = [](const Name& n) { return n.middle + '\x1f' + std::string(n.surname); };
  for (std::size_t i = 0; i < names.size(); ++i) {
    const Name& n = names[i];
    std::string f = family(n);
    auto [it, fresh] = by_sig.try_emplace(std::string(n.given) + '\x1f' + f, i);
    if (!fresh)
      g.unite(i, it->second);
    else
      by_family[f].push_back(i);  // one name per given name
  }
  for (auto& [f, members] : by_family) {
    if (members.size() < 2) continue;
    std::sort(members.begin(), members.end(),
              [&](std::size_t x, std::size_t y) { return names[x].given < names[y].given; });
    for (std::size_t k = 0; k < members.size(); ++k) {
      const std::string_view s = names[members[k]].given;
      if (s.size() < 3) continue;
      std::size_t longer = SIZE_MAX, found = 0;
      for (std::size_t m = k + 1;
           m < members.size() && names[members[m]].given.substr(0, s.size()) == s; ++m)
        longer = members[m], ++found;
      if (found == 1) g.unite(members[k], longer);
    }
  }
  std::vector<std::size_t> group_df(names.size(), 0), best(names.size(), SIZE_MAX);
  auto better = [&](std::size_t a, std::size_t b) {  // canonical: most documents, then longer
    if (names[a].df != names[b].df) return names[a].df > names[b].df;
    if (names[a].key.size() != names[b].key.size())
      return names[a].key.size() > names[b].key.size();
    return names[a].key < names[b].key;
  };
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::size_t r = g.find(i);
    group_df[r] += names[i].df;
    if (best[r] == SIZE_MAX || better(i, best[r])) best[r] = i;
  }
  AliasTable table;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::size_t c = best[g.find(i)];
    if (c == i) continue;
    table.alias_of_.emplace(names[i].key, names[c].key);
    table.evidence_.push_back(
        {std::string(names[i].key), std::string(names[c].key), names[i].df, names[c].df, 0,
         first_word(names[i].key) == first_word(names[c].key) ? kRules[3] : kRules[2]});
  }
  // A surname alone: the full names ending in it, by group. Every one-word key, and every
  // surname no document names alone (`person:roddick` when the corpus only says `Andy
  // Roddick`: a filter, never a facet key).
  ViewMap<std::vector<std::size_t>> by_surname;  // surname → groups
  for (std::size_t i = 0; i < names.size(); ++i)
    if (g.find(i) == i) by_surname[names[i].surname].push_back(i);
  for (const auto& [word, groups] : by_surname) {
    auto single = singles.find(word);
    const std::size_t df = single == singles.end() ? 0 : single->second;
    std::size_t total = 0, top = groups.front();
    for (std::size_t r : groups) {
      total += group_df[r];
      if (group_df[r] > group_df[top] ||
          (group_df[r] == group_df[top] && better(best[r], best[top])))
        top = r;
    }
    const std::size_t top_df = group_df[top];
    auto given_it = as_given.find(word);
    const std::size_t given_df = given_it == as_given.end() ? 0 : given_it->second;
    if (top_df < 2 || top_df * 4 < total * 3 || top_df * 5 < df || given_df * 4 > top_df) continue;
    const std::string_view canonical = names[best[top]].key;
    (df ? table.alias_of_ : table.surname_of_).emplace(word, canonical);
    table.evidence_.push_back({std::string(word), std::string(canonical), df, top_df,
                               total - top_df, df ? kRules[0] : kRules[1]});
  }
  // A one-word key the gazetteer knows as a lone-surname alias of a full name the corpus
  // holds (`trump`: Donald Trump, where one article each is too little to count on).
  if (known) {
    ViewMap<std::size_t> name_index;
    for (std::size_t i = 0; i < names.size(); ++i) name_index.emplace(names[i].key, i);
    for (const auto& [word, df] : singles) {
      if (table.alias_of_.find(word) != table.alias_of_.end()) continue;
      const std::string full = known(word);
      auto it = name_index.find(full);
      if (full == word || it == name_index.end()) continue;
      const std::size_t r = g.find(it->second);
      const std::string_view canonical = names[best[r]].key;
      table.alias_of_.emplace(word, canonical);
      table.evidence_.push_back(
          {std::string(word), std::string(canonical), df, group_df[r], 0, kRules[4]});
    }
  }
  std::sort(table.evidence_.begin(), table.evidence_.end(), [](const auto& x, const auto& y) {
    return x.canonical != y.canonical ? x.canonical < y.canonical : x.key < y.key;
  });
  table.index_members();
  return table;
}

std::string AliasTable::serialize() const {
  std::vector<std::string> fields;
  fields.reserve(evidence_.size() * 6);
  for (const AliasEvidence& e : evidence_)
    for (std::string f :
         {e.key, e.canonical, std::to_string(e.key_docs), std::to_string(e.canonical_docs),
          std::to_string(e.rival_docs), std::string(e.rule)})
      fields.push_back(std::move(f));
  return schema::encode_keys(std::vector<std::string_view>(fields.begin(), fields.end()));
}

std::optional<AliasTable> AliasTable::parse(std::string_view data) {
  std::vector<std::string_view> f;
  if (!schema::decode_keys(data, f) || f.size() % 6 != 0) return std::nullopt;
  AliasTable table;
  auto number = [](std::string_view v) {
    std::size_t n = 0;
    for (char c : v) n = n * 10 + std::size_t(c >= '0' && c <= '9' ? c - '0' : 0);
    return n;
  };
  for (std::size_t i = 0; i < f.size(); i += 6) {
    const char* rule = "";
    for (const char* r : kRules)
      if (f[i + 5] == r) rule = r;
    if (!*rule) return std::nullopt;
    const bool filter_only = rule == kRules[1];
    (filter_only ? table.surname_of_ : table.alias_of_).emplace(f[i], f[i + 1]);
    table.evidence_.push_back({std::string(f[i]), std::string(f[i + 1]), number(f[i + 2]),
                               number(f[i + 3]), number(f[i + 4]), rule});
  }
  table.index_members();
  return table;
}

void AliasTable::index_members() {
  members_.clear();
  for (const auto& [alias, canonical] : alias_of_) {
    auto& m = members_[canonical];
    if (m.empty()) m.push_back(canonical);
    m.push_back(alias);
  }
  for (auto& [canonical, m] : members_) std::sort(m.begin() + 1, m.end());
}

std::string_view AliasTable::resolve(std::string_view key) const {
  if (alias_of_.empty()) return key;
  auto it = alias_of_.find(key);
  return it == alias_of_.end() ? key : std::string_view(it->second);
}

std::vector<std::string> AliasTable::members(std::string_view key) const {
  std::string_view r = resolve(key);
  if (r == key)
    if (auto s = surname_of_.find(key); s != surname_of_.end()) r = s->second;
  auto it = members_.find(r);
  return it == members_.end() ? std::vector<std::string>{std::string(r)} : it->second;
}

}  // namespace newsdex::detail
