// Gazetteer loading: corpus/gazetteer/{companies,products,people}.tsv and first_names.lst.
// See corpus/gazetteer/README.md for the format.

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analysis/fold.h"
#include "entities/names.h"
#include "newsdex/error.h"

namespace newsdex::detail {
namespace {

std::string read_file(const std::string& path, bool required) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    // A missing optional file is fine; one that exists but cannot be opened (no file
    // descriptors left, no permission, a symlink loop) is an error either way, never
    // silently skipped. "Missing" is decided by the directory entry, since a failed
    // ifstream open need not set errno.
    const int err = errno;
    std::error_code ec;
    const bool missing = !std::filesystem::exists(std::filesystem::symlink_status(path, ec));
    if (required || !missing)
      throw ConfigError("cannot read gazetteer file '" + path +
                        "': " + (err ? std::strerror(err) : "cannot open"));
    return {};
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw ConfigError("error reading gazetteer file '" + path + "'");
  return ss.str();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (true) {
    const std::size_t j = s.find(sep, i);
    out.push_back(s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return out;
}

/// Normalised form of a name for case-insensitive lookups: lower-case, one space between
/// words, curly apostrophes folded, possessive dropped.
std::string normalise_name(std::string_view s) {
  std::string c = collapse_space(s);
  std::string out;
  out.reserve(c.size());
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (c.compare(i, 3, "\xE2\x80\x99") == 0 || c.compare(i, 3, "\xE2\x80\x98") == 0) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(c[i]);
  }
  return lower_utf8(strip_possessive(out));
}

AliasMode word_mode(std::string_view w) {
  bool upper = false, lower = false;
  bool first_upper = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= 'A' && c <= 'Z') {
      upper = true;
      if (i == 0) first_upper = true;
    } else if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c >= 0x80) {
      lower = true;  // non-ASCII letters: compared byte-exactly in every mode
    }
  }
  if (!lower) return AliasMode::exact;  // "IBM", "365", "X"
  if (first_upper) return AliasMode::cap;
  if (upper) return AliasMode::mixed;
  return AliasMode::lower;
}

}  // namespace

std::vector<AliasToken> tokenize_alias(std::string_view alias, bool exact) {
  std::vector<NameToken> toks;
  tokenize_names(alias, toks);
  std::vector<AliasToken> out;
  out.reserve(toks.size());
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const NameToken& t = toks[k];
    AliasToken a;
    a.text = std::string(alias.substr(t.begin, t.end - t.begin));
    a.space_before = k > 0 && (t.flags & kSpaceBefore);
    if (t.flags & kPunct)
      a.mode = AliasMode::punct;
    else
      a.mode = exact ? AliasMode::exact : word_mode(a.text);
    out.push_back(std::move(a));
  }
  return out;
}

void Gazetteer::load_dir(const std::string& dir) {
  const std::string base = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  parse_tsv(EntityKind::company, read_file(base + "companies.tsv", true), base + "companies.tsv");
  parse_tsv(EntityKind::product, read_file(base + "products.tsv", true), base + "products.tsv");
  parse_tsv(EntityKind::person, read_file(base + "people.tsv", true), base + "people.tsv");
  parse_first_names(read_file(base + "first_names.lst", false));
  finish();
}

void Gazetteer::parse_tsv(EntityKind kind, std::string_view content, std::string_view origin) {
  std::size_t lineno = 0;
  for (std::string_view line : split(content, '\n')) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    std::vector<std::string_view> cols = split(line, '\t');
    if (cols.size() < 2 || trim(cols[0]).empty() || trim(cols[1]).empty())
      throw ConfigError(std::string(origin) + ":" + std::to_string(lineno) +
                        ": expected key<TAB>Label[<TAB>aliases[<TAB>extra]]");
    const std::string key =
        fold_name_key(lower_utf8(collapse_space(trim(cols[0]))));  // as extract()
    auto& keys = by_key_[static_cast<unsigned>(kind)];
    std::uint32_t idx;
    auto it = keys.find(key);
    if (it != keys.end()) {
      idx = it->second;  // a repeated key adds aliases
    } else {
      idx = static_cast<std::uint32_t>(entries_.size());
      GazEntry e;
      e.kind = kind;
      e.key = key;
      std::string_view label = trim(cols[1]);
      while (!label.empty() && (label.front() == '~' || label.front() == '='))
        label.remove_prefix(1);
      e.label = std::string(label);
      entries_.push_back(std::move(e));
      keys.emplace(key, idx);
      by_name_[static_cast<unsigned>(kind)].emplace(key, idx);
    }
    add_alias(idx, trim(cols[1]), AliasRole::normal);
    if (cols.size() >= 3)
      for (std::string_view a : split(cols[2], '|')) {
        a = trim(a);
        if (!a.empty()) add_alias(idx, a, AliasRole::normal);
      }
    if (cols.size() >= 4) {
      for (std::string_view x : split(cols[3], '|')) {
        x = trim(x);
        if (x.empty()) continue;
        if (kind == EntityKind::company) {
          if (x.front() == '$')
            add_alias(idx, x.substr(1), AliasRole::dollar_ticker);
          else
            add_alias(idx, x, AliasRole::ticker);
        } else {
          entries_[idx].context.push_back(lower_utf8(collapse_space(x)));
        }
      }
    }
  }
}

void Gazetteer::parse_first_names(std::string_view content) {
  for (std::string_view line : split(content, '\n')) {
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    std::size_t i = 0;
    while (i < t.size()) {
      while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
      std::size_t j = i;
      while (j < t.size() && t[j] != ' ' && t[j] != '\t') ++j;
      if (j > i) first_names_.emplace(t.substr(i, j - i));
      i = j;
    }
  }
}

void Gazetteer::add_alias(std::uint32_t entry, std::string_view text, AliasRole role) {
  bool weak = false, exact = false;
  while (!text.empty() && (text.front() == '~' || text.front() == '=')) {
    if (text.front() == '~')
      weak = true;
    else
      exact = true;
    text.remove_prefix(1);
  }
  text = trim(text);
  if (text.empty()) return;
  const bool ticker = role == AliasRole::ticker || role == AliasRole::dollar_ticker;
  Alias a;
  a.entry = entry;
  a.tokens = tokenize_alias(text, exact || ticker);
  if (a.tokens.empty() || a.tokens.size() > 12) return;
  a.role = role;
  a.weak = weak;
  const GazEntry& e = entries_[entry];
  if (role == AliasRole::normal && e.kind == EntityKind::person && a.tokens.size() == 1) {
    // One word of the person's name ("Nadella", "Xi"): a lone surname.
    const std::string w = lower_utf8(a.tokens[0].text);
    std::vector<NameToken> lt;
    tokenize_names(e.label, lt);
    for (const NameToken& t : lt)
      if (lower_utf8(std::string_view(e.label).substr(t.begin, t.end - t.begin)) == w)
        a.role = AliasRole::surname;
  }
  if (a.tokens.size() == 1 && a.tokens[0].mode != AliasMode::punct && !ticker) {
    std::string l = a.tokens[0].text;
    for (char& c : l) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    a.common = is_common_word(l);
  }
  // Same alias twice: ignore within an entry, first entry wins across entries.
  std::string norm;
  for (const AliasToken& t : a.tokens) {
    if (t.space_before) norm.push_back(' ');
    norm += t.mode == AliasMode::exact || t.mode == AliasMode::punct ? t.text : lower_utf8(t.text);
  }
  norm += ticker ? "\x01t" : "";
  auto seen = alias_seen_.find(norm);
  if (seen != alias_seen_.end()) {
    const Alias& other = aliases_[seen->second];
    if (other.entry != entry) {
      const GazEntry& o = entries_[other.entry];
      conflicts_.push_back(std::string(text) + " (" + std::string(to_string(e.kind)) + " " + e.key +
                           ") vs (" + std::string(to_string(o.kind)) + " " + o.key + ")");
    }
    return;
  }
  alias_seen_.emplace(norm, static_cast<std::uint32_t>(aliases_.size()));
  by_name_[static_cast<unsigned>(e.kind)].emplace(normalise_name(text), entry);
  aliases_.push_back(std::move(a));
}

void Gazetteer::finish() {
  by_first_.clear();
  first_tokens_.clear();
  std::fill(std::begin(punct_start_), std::end(punct_start_), false);
  std::fill(std::begin(start_pairs_), std::end(start_pairs_), 0);
  for (std::uint32_t i = 0; i < aliases_.size(); ++i) {
    const Alias& a = aliases_[i];
    const AliasToken& f = a.tokens[0];
    std::string k = f.text;
    for (char& c : k) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    if (f.mode == AliasMode::punct) {
      const unsigned char c = static_cast<unsigned char>(f.text[0]);
      if (c < 128) punct_start_[c] = true;
    }
    if (entries_[a.entry].kind != EntityKind::person) first_tokens_.insert(k);
    {
      const unsigned x = fold_byte(f.text[0]) * 256 + fold_byte(f.text.size() > 1 ? f.text[1] : 0);
      start_pairs_[x >> 6] |= 1ull << (x & 63);
    }
    by_first_[k].push_back(i);
  }
  auto exactness = [](const Alias& a) {
    int n = 0;
    for (const AliasToken& t : a.tokens) n += t.mode == AliasMode::exact;
    return n;
  };
  for (auto& [k, list] : by_first_)
    std::stable_sort(list.begin(), list.end(), [&](std::uint32_t x, std::uint32_t y) {
      const Alias& a = aliases_[x];
      const Alias& b = aliases_[y];
      if (a.tokens.size() != b.tokens.size()) return a.tokens.size() > b.tokens.size();
      return exactness(a) > exactness(b);
    });

  // The scanner's lookup table.
  words_.clear();
  add_scanner_words(words_);
  auto fold = [](std::string_view w) {
    std::string k(w);
    for (char& c : k) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    return k;
  };
  for (const auto& [k, list] : by_first_) words_.at(k).candidates = list;
  for (const std::string& k : first_tokens_) words_.at(k).starts_name = true;
  for (const std::string& f : first_names_) words_.variant(fold(f), f).first_name = true;

  // Protected words: single-word names of companies and products.
  protected_.clear();
  auto protect = [&](std::string_view w) {
    if (w.size() < 3) return;
    for (char c : w)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return;
    std::string l(w);
    for (char& c : l) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    protected_.push_back(std::move(l));
  };
  for (const GazEntry& e : entries_)
    if (e.kind != EntityKind::person) protect(e.key);
  for (const Alias& a : aliases_)
    if (entries_[a.entry].kind != EntityKind::person && a.tokens.size() == 1 &&
        a.role == AliasRole::normal)
      protect(a.tokens[0].text);
  std::sort(protected_.begin(), protected_.end());
  protected_.erase(std::unique(protected_.begin(), protected_.end()), protected_.end());
}

WordVariant& WordTable::variant(std::string_view key, std::string_view text) {
  WordInfo& w = at(key);
  for (WordVariant& v : w.variants)
    if (v.text == text) return v;
  WordVariant& v = w.variants.emplace_back();
  v.text = std::string(text);
  return v;
}

std::size_t Gazetteer::count(EntityKind kind) const {
  return by_key_[static_cast<unsigned>(kind)].size();
}

const std::vector<std::uint32_t>* Gazetteer::candidates(std::string_view folded) const {
  auto it = by_first_.find(folded);
  return it == by_first_.end() ? nullptr : &it->second;
}

bool Gazetteer::starts_name(std::string_view lower) const {
  return first_tokens_.find(lower) != first_tokens_.end();
}

std::int64_t Gazetteer::find_name(EntityKind kind, std::string_view name) const {
  std::string_view s = trim(name);
  // "NASDAQ: MSFT", "$MSFT"
  const std::size_t colon = s.find(':');
  if (colon != std::string_view::npos && colon < 12 && kind == EntityKind::company)
    s = trim(s.substr(colon + 1));
  if (!s.empty() && s.front() == '$') s.remove_prefix(1);
  const auto& m = by_name_[static_cast<unsigned>(kind)];
  auto it = m.find(normalise_name(s));
  if (it != m.end()) return it->second;
  // "Standard and Poor's" for the alias "Standard & Poor's" (the scanner matches so too).
  if (kind == EntityKind::company && s.find(" and ") != std::string_view::npos) {
    std::string amp(s);
    for (std::size_t at = amp.find(" and "); at != std::string::npos; at = amp.find(" and ", at))
      amp.replace(at, 5, " & ");
    it = m.find(normalise_name(amp));
    if (it != m.end()) return it->second;
  }
  return -1;
}

std::int64_t Gazetteer::find_key(EntityKind kind, std::string_view key) const {
  const auto& m = by_key_[static_cast<unsigned>(kind)];
  auto it = m.find(std::string(key));
  return it == m.end() ? -1 : static_cast<std::int64_t>(it->second);
}

}  // namespace newsdex::detail
