// The scanner's set-up and its document-level end: the constructor (tokens, lower-cased
// text, the tokens each pass visits, photo credits), propagation of names found in full to
// their short and surname-only mentions, resolution of overlaps, and NameRecognizer.

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

namespace newsdex::detail {
namespace names {

// --------------------------------------------------------------- set-up

Scan::Scan(const Gazetteer& g, std::string_view text, ScanBuffers& b)
    : g_(g),
      table_(g.word_table()),
      text_(text),
      W(words()),
      t_(b.tokens),
      covered_(b.covered),
      cands_(b.cands),
      caps_(b.caps),
      caps_all_(b.caps_all),
      gaz_starts_(b.gaz_starts),
      common_(b.common),
      lex_(b.lex),
      info_(b.info),
      lower_text_(b.lower_text),
      wanted_lower_(b.wanted_lower),
      seen_lower_(b.seen_lower) {
  tokenize_names(text, t_);
  covered_.assign(t_.size(), 0);
  common_.assign(t_.size(), -1);
  lex_.assign(t_.size(), 0);
  info_.assign(t_.size(), &kUnknownInfo);
  cands_.clear();
  wanted_lower_.clear();
  seen_lower_.clear();
  lower_text_.resize(text.size());
  {
    const auto* src = reinterpret_cast<const u8*>(text.data());
    auto* dst = reinterpret_cast<u8*>(lower_text_.data());
    const std::size_t len = text.size();
    for (std::size_t k = 0; k < len; ++k) {
      const u8 ch = src[k];
      dst[k] = static_cast<u8>(ch + (static_cast<u8>(ch - 'A') < 26 ? 32 : 0));
    }
  }
  {
    // Every capitalised word, and every token a gazetteer alias may start at (a word with
    // a capital or a digit, or punctuation starting an alias, whose first two bytes start
    // some alias), collected without a branch per token.
    caps_all_.resize(t_.size());
    gaz_starts_.resize(t_.size());
    const NameToken* tok = t_.data();
    const auto* low = reinterpret_cast<const u8*>(lower_text_.data());
    std::size_t m = 0, gn = 0;
    for (std::size_t k = 0; k < t_.size(); ++k) {
      const NameToken& t = tok[k];
      const std::uint32_t f = t.flags;
      caps_all_[m] = static_cast<std::uint32_t>(k);
      m += (f & (kWord | kLong | kUpperFirst)) == (kWord | kUpperFirst);
      const bool word_ok = ((f & (kWord | kLong)) == kWord) & ((f & (kHasUpper | kHasDigit)) != 0);
      const bool punct_ok =
          ((f & kWord) == 0) & g_.punct_starts_alias(static_cast<u8>(t.cp < 128 ? t.cp : 0));
      const u8 b0 = low[t.begin];
      const u8 b1 = t.end - t.begin > 1 ? low[t.begin + 1] : 0;
      gaz_starts_[gn] = static_cast<std::uint32_t>(k);
      gn += (word_ok | punct_ok) & g_.may_start_folded(b0, b1);
    }
    caps_all_.resize(m);
    gaz_starts_.resize(gn);
  }
  mark_credits();
}

// --------------------------------------------------------------- document level

void Scan::propagate() {
  // Keys of everything named strongly in the document.
  ViewSet present;
  for (const Cand& c : cands_)
    if (!c.dead && !c.weak && !c.surname) present.insert(c.key);
  // Weak aliases need one of their context companies.
  for (Cand& c : cands_) {
    if (c.dead || !c.weak) continue;
    bool ok = false;
    for (const std::string& k : g_.entry(static_cast<std::uint32_t>(c.entry)).context)
      if (present.count(k)) ok = true;
    if (!ok) {
      c.dead = true;
      for (std::uint32_t k = c.tb; k < c.te; ++k) covered_[k] = 0;
    }
  }
  // Surname-only and short-name mentions of people/companies found in full.
  StringMap<std::string> surnames;  // surname -> key ("" = ambiguous)
  StringMap<std::string> short_names;
  StringSet short_first;  // first words of short_names
  for (const Cand& c : cands_) {
    if (c.dead) continue;
    if (c.kind == EntityKind::person && c.te - c.tb >= 2 && !c.surname) {
      std::size_t last = c.te - 1;
      if (!titlew(last)) continue;
      const std::string_view s = lower(last);
      auto it = surnames.find(s);
      if (it == surnames.end())
        surnames.emplace(std::string(s), c.key);
      else if (it->second != c.key)
        it->second.clear();
    } else if (c.kind == EntityKind::company && c.rule && c.name_te > c.tb) {
      std::string s = lower_utf8(collapse_space(text_.substr(c.b, t_[c.name_te - 1].end - c.b)));
      short_first.emplace(lower_utf8(tx(c.tb)));
      short_names.emplace(s, c.key);
    }
  }
  // Lone surnames from the gazetteer: the full key when the full name is in the document,
  // else the key of another full name the document gives with that surname ("Marcos Senna
  // ... Senna suspension" is not Ayrton Senna), else the surname itself.
  for (Cand& c : cands_) {
    if (c.dead || !c.surname || present.count(c.key)) continue;
    std::string own = lower_utf8(text_.substr(c.b, c.e - c.b));
    auto it = surnames.find(own);
    c.key = it != surnames.end() && !it->second.empty() ? it->second : std::move(own);
  }
  if (surnames.empty() && short_names.empty()) return;
  // Bit (first byte, last byte) of every key looked up below: most words miss without a hash.
  static thread_local std::array<std::uint64_t, 256 * 256 / 64> ends{};
  auto end_bit = [](std::string_view w) {
    return static_cast<std::size_t>(static_cast<u8>(w.front())) * 256 + static_cast<u8>(w.back());
  };
  std::uint64_t lengths = 0;  // bit n: some key has n bytes (63: longer)
  auto note = [&](std::string_view w) {
    if (w.empty()) return;
    ends[end_bit(w) >> 6] |= 1ull << (end_bit(w) & 63);
    lengths |= 1ull << std::min<std::size_t>(w.size(), 63);
  };
  for (const auto& [k, v] : surnames) note(k);
  for (const std::string& k : short_first) note(k);
  const std::size_t n = t_.size();
  for (std::size_t ci = 0; ci < caps_all_.size(); ++ci) {
    std::size_t i = caps_all_[ci];
    if (covered_[i] || !titlew(i)) continue;
    const std::string_view l = lower(i);
    if (!(lengths >> std::min<std::size_t>(l.size(), 63) & 1) ||
        !(ends[end_bit(l) >> 6] >> (end_bit(l) & 63) & 1))
      continue;  // neither a surname nor the first word of a short name
    const bool cap_before =
        i >= 1 && spaced(i) && capw(i - 1) && !is(i - 1, kLxTitle) && !(covered_[i - 1]);
    const bool cap_after = i + 1 < n && spaced(i + 1) && capw(i + 1);
    auto it = surnames.find(l);
    const bool short_hit = short_first.find(l) != short_first.end();
    if (it == surnames.end() && !short_hit) continue;
    const bool risky = (has(i, kSentenceStart) || noisy(i)) && (common(i) || lower_seen(i));
    if (it != surnames.end() && !it->second.empty() && !cap_before && !cap_after && !risky) {
      Cand c;
      c.tb = static_cast<std::uint32_t>(i);
      c.te = c.tb + 1;
      c.b = t_[i].begin;
      c.e = t_[i].end;
      c.kind = EntityKind::person;
      c.key = it->second;
      c.rule = true;
      claim(c);
      cands_.push_back(std::move(c));
      continue;
    }
    if (!short_hit || cap_before || risky) continue;
    // Short company names: up to 3 words.
    std::string acc;
    for (std::size_t k = i; k < n && k < i + 3; ++k) {
      if (k > i) {
        if (!spaced(k) || !capw(k) || covered_[k]) break;
        acc.push_back(' ');
      }
      acc += lower_utf8(tx(k));
      auto sn = short_names.find(acc);
      if (sn != short_names.end() && !(k + 1 < n && spaced(k + 1) && capw(k + 1))) {
        Cand c;
        c.tb = static_cast<std::uint32_t>(i);
        c.te = static_cast<std::uint32_t>(k + 1);
        c.b = t_[i].begin;
        c.e = t_[k].end;
        c.kind = EntityKind::company;
        c.key = sn->second;
        c.rule = true;
        claim(c);
        cands_.push_back(std::move(c));
        while (ci + 1 < caps_all_.size() && caps_all_[ci + 1] <= k) ++ci;
        break;
      }
    }
  }
  for (const auto& [k, v] : surnames)
    if (!k.empty()) ends[end_bit(k) >> 6] = 0;
  for (const std::string& k : short_first)
    if (!k.empty()) ends[end_bit(k) >> 6] = 0;
}

void Scan::resolve(std::vector<Entity>& out) {
  std::sort(cands_.begin(), cands_.end(), [](const Cand& a, const Cand& b) { return a.b < b.b; });
  std::uint32_t last_end = 0;
  for (Cand& c : cands_) {
    if (c.dead || c.b < last_end || c.e <= c.b) continue;
    if (c.e - c.b > kMaxEntityBytes || c.key.empty()) continue;
    Entity e;
    e.kind = c.kind;
    if (c.key.size() <= kMaxEntityBytes)
      e.key = std::move(c.key);  // cands_ is not read after resolve()
    else
      e.key = std::string(clamp_utf8(c.key, kMaxEntityBytes));
    e.text = std::string(text_.substr(c.b, c.e - c.b));
    e.begin = c.b;
    e.end = c.e;
    out.push_back(std::move(e));
    last_end = c.e;
  }
}

void Scan::run(std::vector<Entity>& out) {
  if (t_.empty()) return;
  gazetteer_pass();
  drop_link_bars();
  extend_gazetteer();
  rules_pass();
  propagate();
  late_person_rules();
  document_decisions();
  drop_heading_words();
  resolve(out);
}

}  // namespace names

using names::Scan;
using names::ScanBuffers;

std::string NameRecognizer::company_key(std::string_view name) {
  std::string s = collapse_space(strip_possessive(collapse_space(name)));
  // Drop trailing legal suffixes ("Inc.", ", Ltd", "Co., Ltd.").
  for (int round = 0; round < 3; ++round) {
    while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ' ')) s.pop_back();
    const std::size_t sp = s.rfind(' ');
    if (sp == std::string::npos) break;
    std::string_view last(s.data() + sp + 1, s.size() - sp - 1);
    if (!names::is_legal_suffix(last)) break;
    s.resize(sp);
  }
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ' ')) s.pop_back();
  // "Heck's Inc": the name's own "'s" before the suffix goes too, as from "Heck's".
  s.resize(strip_possessive(s).size());
  std::string key = lower_utf8(s);
  if (key.size() > kMaxEntityBytes) key = std::string(clamp_utf8(key, kMaxEntityBytes));
  return key;
}

std::string_view NameRecognizer::same_company_head(std::string_view name) {
  const std::size_t cut = name.find_last_of(" \n");
  if (cut == std::string_view::npos || cut == 0) return {};
  const std::string_view last = name.substr(cut + 1);
  // (Not "Motors", "Oil", "Bank", "International": "Chrysler Motors", "Shell Oil" and
  // "Nomura International" were units of their own in the news.)
  static constexpr std::string_view kTails[] = {"group", "holdings", "holding",
                                                "motor", "airways",  "industrie"};
  for (std::string_view t : kTails)
    if (last.size() == t.size() &&
        std::equal(last.begin(), last.end(), t.begin(),
                   [](char a, char b) { return names::ascii_lower(a) == b; }))
      return name.substr(0, cut);
  return {};
}

void NameRecognizer::find(std::string_view text, std::vector<Entity>& out) const {
  thread_local ScanBuffers buffers;
  {
    Scan scan(gaz_, text, buffers);
    scan.run(out);
  }
  // Do not keep the buffers of a huge document (a megabyte-long line) alive per thread.
  if (buffers.tokens.capacity() > (std::size_t{1} << 20)) buffers = ScanBuffers{};
}

}  // namespace newsdex::detail
