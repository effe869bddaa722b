// The scanner's first passes: page chrome (photo credits, social-link bars) and gazetteer
// matching (aliases and tickers, with the context checks that accept or reject a match).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "entities/names.h"
#include "entities/names/chars.h"
#include "entities/names/scan.h"

namespace newsdex::detail::names {

// --------------------------------------------------------------- page chrome

// Photo credits ("Photograph: Jane Doe/Getty Images", "(Photo by Jane Doe via Getty
// Images)", "Illustration: WIRED Staff; Getty Images") name photographers and agencies,
// not the story's subjects: their tokens are claimed up front so nothing matches there.
void Scan::mark_credits() {
  static constexpr std::string_view kTriggers[] = {
      "photograph",   "photographs",   "photo",       "photos",   "photography",
      "illustration", "illustrations", "image",       "images",   "credit",
      "credits",      "courtesy",      "artwork",     "graphic",  "caption",
      "video",        "photographer",  "illustrator", "animation"};
  // Bit c - 'a' of kShapes[n]: some trigger has n bytes and starts with c.
  static constexpr auto kShapes = [] {
    std::array<std::uint32_t, 14> m{};
    for (std::string_view w : kTriggers) m[w.size()] |= 1u << (w[0] - 'a');
    return m;
  }();
  const std::size_t n = t_.size();
  const NameToken* tok = t_.data();
  const auto* low = reinterpret_cast<const u8*>(lower_text_.data());
  for (std::size_t i = 0; i + 1 < n; ++i) {
    // One rarely taken branch: the length and first letter of some trigger, a plain word.
    const std::size_t len = tok[i].end - tok[i].begin;
    const unsigned f = static_cast<unsigned>(low[tok[i].begin]) - 'a';
    const bool shape = (len < 14) & (f < 26) & (kShapes[len < 14 ? len : 0] >> (f & 31) & 1) &
                       ((tok[i].flags & (kWord | kLong | kHasDigit)) == kWord);
    if (!shape) continue;
    bool trigger = false;
    const std::string_view lw = lower(i);
    for (std::string_view w : kTriggers)
      if (w == lw) {
        trigger = true;
        break;
      }
    if (!trigger) continue;
    std::size_t k = i + 1;
    if (punct(k, ':') && glued(k))
      ++k;
    else if ((lower_is(k, "by") || lower_is(k, "of")) && spaced(k) && has(i, kUpperFirst))
      ++k;
    else
      continue;
    for (std::size_t steps = 0; k < n && steps < 16; ++k, ++steps) {
      if (has(k, kNewlineBefore) || punct(k, ')') || punct(k, '.') || punct(k, '|')) break;
      covered_[k] = 1;
    }
  }
}

// Runs of three or more brand names separated only by spaces ("Facebook X Pinterest
// YouTube Instagram Tiktok"): social-link bars and menus, not mentions.
void Scan::drop_link_bars() {
  std::size_t g = 0;
  while (g < cands_.size()) {
    std::size_t h = g + 1;
    auto single = [&](const Cand& c) {
      return c.te == c.tb + 1 && c.kind != EntityKind::person && word(c.tb);
    };
    if (!single(cands_[g])) {
      g = h;
      continue;
    }
    std::size_t members = 1;
    while (h < cands_.size() && single(cands_[h])) {
      const Cand& a = cands_[h - 1];
      const Cand& b = cands_[h];
      if (!spaced(b.tb)) break;
      std::size_t between = b.tb - a.te;
      if (between > 1) break;
      if (between == 1 && !(capw(a.te) && spaced(a.te) && t_[a.te].end - t_[a.te].begin <= 8))
        break;
      ++members;
      ++h;
    }
    if (members >= 3)
      for (std::size_t k = g; k < h; ++k) {
        cands_[k].dead = true;
        for (std::uint32_t q = cands_[k].tb; q < cands_[k].te; ++q) covered_[q] = 1;
      }
    g = h;
  }
}

// --------------------------------------------------------------- gazetteer matching

bool Scan::match_alias(const Alias& a, std::size_t i, std::size_t& end) const {
  const std::size_t n = a.tokens.size();
  if (i + n > t_.size()) return false;
  for (std::size_t k = 0; k < n; ++k) {
    const AliasToken& at = a.tokens[k];
    const NameToken& t = t_[i + k];
    if (k > 0) {
      if (t.flags & kNewlineBefore) return false;
      if (bool(t.flags & kSpaceBefore) != at.space_before) return false;
    }
    if (covered_[i + k]) return false;
    std::string_view s = tx(i + k);
    if (at.mode == AliasMode::punct) {
      // "Standard and Poor's", "Procter and Gamble": "and" stands for an alias's "&".
      if (at.text == "&" && (t.flags & kWord) && s == "and") continue;
      if (!(t.flags & kPunct)) return false;
      if (s == at.text) continue;
      std::uint32_t acp = 0;
      const auto* ap = reinterpret_cast<const u8*>(at.text.data());
      if (at.text.empty() ||
          (ap[0] < 0x80 ? (acp = ap[0], true) : decode(ap, at.text.size(), 0, acp) > 0)) {
        if (is_apostrophe(acp) && is_apostrophe(t.cp)) continue;
        if (is_dash(acp) && is_dash(t.cp)) continue;
      }
      return false;
    }
    if (!(t.flags & kWord) || (t.flags & kLong) || s.size() != at.text.size()) return false;
    switch (at.mode) {
      case AliasMode::exact:  // sizes are equal (checked above)
        if (!same_bytes(s.data(), at.text.data(), s.size())) return false;
        break;
      case AliasMode::cap:
        if (s[0] != at.text[0]) return false;
        for (std::size_t q = 1; q < s.size(); ++q)
          if (ascii_lower(s[q]) != ascii_lower(at.text[q])) return false;
        break;
      case AliasMode::mixed:
        if (!(t.flags & kHasUpper)) return false;
        [[fallthrough]];
      case AliasMode::lower:
        for (std::size_t q = 0; q < s.size(); ++q)
          if (ascii_lower(s[q]) != ascii_lower(at.text[q])) return false;
        break;
      default:
        return false;
    }
  }
  end = i + n;
  return true;
}

bool Scan::exchange_context(std::size_t i, std::size_t end) const {
  // "$MSFT"
  if (i >= 1 && punct(i - 1, '$') && glued(i)) return true;
  // "<IBM>" (Reuters); one-letter tickers only as "$T" (they were reassigned over time)
  if (i >= 1 && punct(i - 1, '<') && glued(i) && end < t_.size() && punct(end, '>') && glued(end) &&
      t_[end - 1].end - t_[i].begin >= 2)
    return true;
  // "NASDAQ: MSFT", "(NYSE:IBM)"
  if (i >= 2 && punct(i - 1, ':') && word(i - 2) && is(i - 2, kLxExchange)) return true;
  return false;
}

bool Scan::chrome_context(std::size_t i, std::size_t end) const {
  // "Share on Facebook", "Follow us on Twitter", "Find us via LinkedIn"
  if (i >= 2 && (lower_is(i - 1, "on") || lower_is(i - 1, "via") || lower_is(i - 1, "to"))) {
    for (std::size_t k = i - 1; k-- > 0 && k + 4 >= i;) {
      if (has(k + 1, kNewlineBefore)) break;
      if (is(k, kLxChromeVerb)) return lower_is(i - 1, "to") ? lower_is(k, "subscribe") : true;
    }
  }
  // "VentureBeat Homepage", "© 2023 VentureBeat", "Copyright 2024 Wired"
  if (end < t_.size() && lower_is(end, "homepage")) return true;
  for (std::size_t k = i, steps = 0; k-- > 0 && steps < 4; ++steps) {
    if (has(k + 1, kNewlineBefore)) break;
    if (punct(k, 0xA9) || lower_is(k, "copyright")) return true;
    if (!(word(k) && has(k, kHasDigit) && !has(k, kHasLower)) && !punct(k, ',') && !punct(k, '-'))
      break;
  }
  return false;
}

bool Scan::accept_gazetteer(const Alias& a, std::size_t i, std::size_t end, Cand& c) const {
  const GazEntry& e = g_.entry(a.entry);
  const bool single = end - i == 1;
  c.tb = static_cast<std::uint32_t>(i);
  c.te = static_cast<std::uint32_t>(end);
  c.b = t_[i].begin;
  c.e = t_[end - 1].end;
  c.kind = e.kind;
  c.key = e.key;
  c.entry = static_cast<std::int32_t>(a.entry);

  if (a.role == AliasRole::ticker || a.role == AliasRole::dollar_ticker) {
    const bool ctx = exchange_context(i, end);
    if (a.role == AliasRole::dollar_ticker && !ctx) return false;
    // A bare ticker in an all-capital headline is a word ("GET COST-OF-LIVING INCREASE").
    if (!ctx &&
        (noisy(i) || (end < t_.size() && glued(end) && has(end, kPunct) && is_dash(t_[end].cp))))
      return false;
    if (i >= 1 && punct(i - 1, '$') && glued(i)) {
      c.b = t_[i - 1].begin;
      c.tb = static_cast<std::uint32_t>(i - 1);
    }
    return true;
  }
  if (chrome_context(i, end)) return false;
  // "ENERGY DEVELOPMENT <EDP>": Reuters' ticker of the company named before it, not the
  // listed company whose name the letters spell (EDP, Energias de Portugal); a ticker of the
  // listed company is matched by its ticker alias above.
  if (single && i >= 1 && punct(i - 1, '<') && glued(i) && end < t_.size() && punct(end, '>') &&
      glued(end) && !has(i, kHasLower))
    return false;
  // "Jane Doe/Getty Images", "AFP/Getty": a photo credit.
  if (i >= 2 && punct(i - 1, '/') && glued(i - 1) && glued(i) && capw(i - 2)) return false;
  // "Block.one", "Meta.ai": part of a longer dotted name.
  if (end + 1 < t_.size() && punct(end, '.') && glued(end) && glued(end + 1) && word(end + 1) &&
      !has(end + 1, kUpperFirst) && has(end - 1, kWord))
    return false;

  // A capitalised word right before or after a single-word alias: part of a longer name
  // ("Orange County", "Taylor Swift", "Harrison Ford").
  const bool cap_before = i >= 1 && titlew(i - 1) && spaced(i) && !is(i - 1, kLxTitle) &&
                          !covered_[i - 1] && !(has(i - 1, kSentenceStart) && common(i - 1));
  const bool cap_after = end < t_.size() && titlew(end) && spaced(end) && !covered_[end];
  if (single && e.kind != EntityKind::person && cap_before && first_name(i - 1)) return false;
  if (a.weak || a.common) {
    if (has(i, kSentenceStart) || noisy(i)) return false;
    if (single && (cap_before || cap_after)) return false;
  }
  if (e.kind == EntityKind::person && person_names_place(i, end)) return false;
  if (a.weak && !e.context.empty()) c.weak = true;
  if (a.role == AliasRole::surname) {
    if (cap_before || (cap_after && !headline_surname_ok(i, end))) return false;
    if (surname_after_particle(i)) return false;
    c.surname = true;
  }
  return true;
}

void Scan::gazetteer_pass() {
  std::size_t i = 0;  // matches start at or after i (the end of the previous one)
  for (const std::uint32_t k : gaz_starts_) {
    if (k < i || covered_[k]) continue;
    i = k;
    // Skip words glued to a preceding letter/digit word by an apostrophe etc. is not
    // needed: words are maximal, so a match always starts on a word boundary.
    const WordInfo* w = info(i);
    bool matched = false;
    if (w) {
      for (std::uint32_t ai : w->candidates) {
        const Alias& a = g_.alias(ai);
        std::size_t end = 0;
        if (!match_alias(a, i, end)) continue;
        Cand c;
        if (!accept_gazetteer(a, i, end, c)) continue;
        // The match must not end inside a word joined by an apostrophe-less glue such as
        // "Apple2" (impossible: words are maximal) or continue a dotted host name
        // ("apple.com" is lower-case, never eligible).
        claim(c);
        cands_.push_back(std::move(c));
        i = end;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
}

}  // namespace newsdex::detail::names
