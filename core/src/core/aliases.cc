#include "aliases.h"

#include <algorithm>
#include <limits>
#include <numeric>

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
  if (given.empty()) return given;
  for (const auto& [nick, full] : kNicknames)  // the first letter before a memcmp()
    if (given[0] == nick[0] && given == nick) return full;
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
  std::size_t surname_hash = 0;  // sorts names by surname cheaply (order needs no meaning)
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

std::size_t hash(std::string_view word) { return std::hash<std::string_view>{}(word); }

// The indices of @p hashes ordered by hash, then index: a counting sort on the top bits
// (about one hash a bucket), then each bucket of several sorted. A std::sort of the whole
// cost several times more: tens of thousands of names, in every process of several databases.
std::vector<std::size_t> hash_order(const std::vector<std::size_t>& hashes) {
  const std::size_t n = hashes.size();
  unsigned bits = 1;
  while (bits < 20 && (std::size_t{1} << bits) < n) ++bits;
  const unsigned shift = unsigned(std::numeric_limits<std::size_t>::digits) - bits;
  std::vector<std::size_t> start((std::size_t{1} << bits) + 1, 0);
  for (std::size_t h : hashes) ++start[(h >> shift) + 1];
  for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
  std::vector<std::size_t> order(n), next(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < n; ++i) order[next[hashes[i] >> shift]++] = i;
  for (std::size_t k = 0; k + 1 < start.size(); ++k)
    if (start[k + 1] - start[k] > 1)
      std::sort(order.begin() + std::ptrdiff_t(start[k]),
                order.begin() + std::ptrdiff_t(start[k + 1]), [&](std::size_t x, std::size_t y) {
                  return hashes[x] != hashes[y] ? hashes[x] < hashes[y] : x < y;
                });
  return order;
}

// A word's document frequency.
struct WordDf {
  std::size_t hash = 0;
  std::string_view word;
  std::size_t df = 0;
};

// @p v's words in hash_order(), each once with its dfs summed.
std::vector<WordDf> merged_by_hash(const std::vector<WordDf>& v) {
  std::vector<std::size_t> hashes(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) hashes[i] = v[i].hash;
  std::vector<WordDf> out;
  out.reserve(v.size());
  std::size_t run = 0;  // where the words of the current hash begin in out
  for (std::size_t i : hash_order(hashes)) {
    if (out.empty() || out.back().hash != v[i].hash) run = out.size();
    auto it = std::find_if(out.begin() + std::ptrdiff_t(run), out.end(),
                           [&](const WordDf& w) { return w.word == v[i].word; });
    if (it == out.end())
      out.push_back(v[i]);
    else
      it->df += v[i].df;
  }
  return out;
}

// The df of @p word (of hash @p h) in merged_by_hash() words, 0 if absent; @p at is where
// the word asked before was looked for (words are asked in hash order).
std::size_t df_at(const std::vector<WordDf>& v, std::size_t& at, std::size_t h,
                  std::string_view word) {
  while (at < v.size() && v[at].hash < h) ++at;
  for (std::size_t k = at; k < v.size() && v[k].hash == h; ++k)
    if (v[k].word == word) return v[k].df;
  return 0;
}

// AliasEvidence::rule.
constexpr const char* kRules[] = {"surname", "surname (filter only)", "given-name variant",
                                  "middle initial", "gazetteer"};

}  // namespace

AliasTable AliasTable::build(std::vector<std::pair<std::string, std::size_t>> keys,
                             const KnownName& known) {
  // The same table whatever the order given (a database's terms come sorted already).
  if (!std::is_sorted(keys.begin(), keys.end())) std::sort(keys.begin(), keys.end());
  return build_sorted(
      std::vector<std::pair<std::string_view, std::size_t>>(keys.begin(), keys.end()), known);
}

AliasTable AliasTable::build_sorted(
    const std::vector<std::pair<std::string_view, std::size_t>>& keys, const KnownName& known) {
  // Sorted vectors rather than hash maps of strings: a searcher of several databases builds
  // the table in every process (tens of thousands of keys).
  std::vector<Name> names;
  std::vector<WordDf> singles;   // one-word key, df
  std::vector<WordDf> as_given;  // word, df of the full names it begins
  std::vector<std::string_view> t;
  names.reserve(keys.size());
  for (const auto& [key, df] : keys) {
    t.clear();
    for (std::size_t i = 0; i < key.size();) {
      std::size_t j = key.find(' ', i);
      if (j == std::string::npos) j = key.size();
      if (j > i) t.push_back(std::string_view(key).substr(i, j - i));
      i = j + 1;
    }
    if (t.size() == 1) singles.push_back({hash(t[0]), t[0], df});
    if (t.size() < 2 || initial(t.front()) || t.back().size() < 2) continue;  // `j smith`
    Name n{key, df, formal(t.front()), {}, t.back(), hash(t.back())};
    for (std::size_t i = 1; i + 1 < t.size(); ++i)
      if (!initial(t[i])) n.middle.append(n.middle.empty() ? "" : " ").append(t[i]);
    as_given.push_back({hash(t.front()), t.front(), df});
    names.push_back(std::move(n));
  }
  singles = merged_by_hash(singles);
  as_given = merged_by_hash(as_given);
  // Names by surname hash, then surname, family (surname and middle words) and given name: a
  // surname's names, a family's and each (given, family) signature are runs of this order.
  std::vector<std::size_t> hashes(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) hashes[i] = names[i].surname_hash;
  std::vector<std::size_t> order = hash_order(hashes);
  for (std::size_t b = 0, e = 0; b < order.size(); b = e) {
    e = b + 1;
    while (e < order.size() && hashes[order[e]] == hashes[order[b]]) ++e;
    if (e - b < 2) continue;
    std::sort(order.begin() + std::ptrdiff_t(b), order.begin() + std::ptrdiff_t(e),
              [&](std::size_t x, std::size_t y) {
                const Name &p = names[x], &q = names[y];
                if (int c = p.surname.compare(q.surname)) return c < 0;
                if (int c = p.middle.compare(q.middle)) return c < 0;
                if (int c = p.given.compare(q.given)) return c < 0;
                return x < y;
              });
  }
  auto same_family = [&](std::size_t x, std::size_t y) {
    return names[x].surname == names[y].surname && names[x].middle == names[y].middle;
  };
  // Full names: one group per (given, middle words, surname); then a given name that starts
  // exactly one longer given name of the same middle words and surname joins it (`vince` →
  // `vincent`).
  Groups g(names.size());
  std::vector<std::size_t> members;  // one name per given name, of one family, by given name
  for (std::size_t b = 0; b < order.size();) {
    std::size_t e = b + 1;
    while (e < order.size() && same_family(order[b], order[e])) ++e;
    members.clear();
    for (std::size_t k = b; k < e; ++k)
      if (k > b && names[order[k]].given == names[order[k - 1]].given)
        g.unite(order[k], order[k - 1]);
      else
        members.push_back(order[k]);
    for (std::size_t k = 0; k < members.size(); ++k) {
      const std::string_view s = names[members[k]].given;
      if (s.size() < 3) continue;
      std::size_t longer = SIZE_MAX, found = 0;
      for (std::size_t m = k + 1;
           m < members.size() && names[members[m]].given.substr(0, s.size()) == s; ++m)
        longer = members[m], ++found;
      if (found == 1) g.unite(members[k], longer);
    }
    b = e;
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
  table.alias_of_.reserve(names.size() / 4);
  // The evidence as views into the keys, sorted before it is copied into strings.
  struct Found {
    std::string_view key, canonical;
    std::size_t key_docs, canonical_docs, rival_docs;
    const char* rule;
  };
  std::vector<Found> found;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::size_t c = best[g.find(i)];
    if (c == i) continue;
    table.alias_of_.emplace(names[i].key, names[c].key);
    found.push_back({names[i].key, names[c].key, names[i].df, names[c].df, 0,
                     first_word(names[i].key) == first_word(names[c].key) ? kRules[3] : kRules[2]});
  }
  // A surname alone: the full names ending in it, by group (a group is of one family, so of
  // one surname: a run of `order`). Every one-word key, and every surname no document names
  // alone (`person:roddick` when the corpus only says `Andy Roddick`: a filter, never a
  // facet key).
  std::size_t single_at = 0, given_at = 0;
  for (std::size_t b = 0; b < order.size();) {
    const std::string_view word = names[order[b]].surname;
    const std::size_t h = names[order[b]].surname_hash;
    std::size_t e = b, total = 0, top = SIZE_MAX;
    for (; e < order.size() && names[order[e]].surname == word; ++e) {
      const std::size_t r = order[e];
      if (g.find(r) != r) continue;
      total += group_df[r];
      if (top == SIZE_MAX || group_df[r] > group_df[top] ||
          (group_df[r] == group_df[top] && better(best[r], best[top])))
        top = r;
    }
    b = e;
    if (top == SIZE_MAX) continue;  // (every group has its root among its names)
    const std::size_t df = df_at(singles, single_at, h, word), top_df = group_df[top];
    const std::size_t given_df = df_at(as_given, given_at, h, word);
    if (top_df < 2 || top_df * 4 < total * 3 || top_df * 5 < df || given_df * 4 > top_df) continue;
    const std::string_view canonical = names[best[top]].key;
    (df ? table.alias_of_ : table.surname_of_).emplace(word, canonical);
    found.push_back({word, canonical, df, top_df, total - top_df, df ? kRules[0] : kRules[1]});
  }
  // A one-word key the gazetteer knows as a lone-surname alias of a full name the corpus
  // holds (`trump`: Donald Trump, where one article each is too little to count on).
  if (known) {
    for (const auto& [h, word, df] : singles) {
      if (table.alias_of_.find(word) != table.alias_of_.end()) continue;
      const std::string full = known(word);
      if (full == word) continue;
      // names are in key order (keys were sorted)
      auto it = std::lower_bound(names.begin(), names.end(), full,
                                 [](const Name& n, const std::string& k) { return n.key < k; });
      if (it == names.end() || it->key != full) continue;
      const std::size_t r = g.find(std::size_t(it - names.begin()));
      const std::string_view canonical = names[best[r]].key;
      table.alias_of_.emplace(word, canonical);
      found.push_back({word, canonical, df, group_df[r], 0, kRules[4]});
    }
  }
  std::sort(found.begin(), found.end(), [](const Found& x, const Found& y) {
    const int c = x.canonical.compare(y.canonical);
    return c ? c < 0 : x.key < y.key;
  });
  table.evidence_.reserve(found.size());
  for (const Found& f : found)
    table.evidence_.push_back({std::string(f.key), std::string(f.canonical), f.key_docs,
                               f.canonical_docs, f.rival_docs, f.rule});
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
