// tokenize_names(): splits text into the name scanner's tokens (words and punctuation) in
// one linear pass and flags them: case and digits, white space and line breaks before,
// sentence starts, headings and long capitalised runs (menus, tag clouds).

#include <unicode/uchar.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "entities/names.h"
#include "entities/names/chars.h"
#include "entities/names/lexicon.h"

namespace newsdex::detail {

using enum names::CharClass;
using names::ascii_in_range;
using names::classify_non_ascii;
using names::decode;
using names::is_apostrophe;
using names::is_dash;
using names::kAscii;
using names::kAsciiWordFlags;
using names::kHighBits;
using names::NA;
using names::u8;
using names::words;

void tokenize_names(std::string_view text, std::vector<NameToken>& out) {
  out.clear();
  const auto* p = reinterpret_cast<const u8*>(text.data());
  // Offsets are 32-bit: a (pathological) text beyond 4 GB is scanned up to that limit.
  const std::size_t n = std::min<std::size_t>(text.size(), 0xFFFFFFF0u);
  out.reserve(n / 5 + 16);
  const auto& W = words();

  // Hard-wrapped text (newswires: lines of ~65 columns, paragraphs indented): a single line
  // break inside a paragraph is just a space.
  bool wrapped = false;
  {
    std::size_t lines = 0, wrap_like = 0, pos = 0;
    while (pos < n && lines < 4096) {
      const void* nl = std::memchr(p + pos, '\n', n - pos);
      const std::size_t e = nl ? static_cast<std::size_t>(static_cast<const u8*>(nl) - p) : n;
      if (!nl) break;
      const std::size_t len = e - pos;
      if (len > 0) ++lines;  // blank lines say nothing either way
      if (len >= 40 && len <= 80) {
        const u8 last = p[e - 1] == '\r' && e - 1 > pos ? p[e - 2] : p[e - 1];
        if (last != '.' && last != '!' && last != '?' && last != ':' && last != ' ') ++wrap_like;
      }
      pos = e + 1;
    }
    // Short wires: a title line and a few wrapped lines, half of them or more wrapped.
    wrapped = wrap_like >= 2 && wrap_like * 2 + 1 >= lines;
  }
  // Two properties tracked token by token as the tokens are made:
  // Headings: short lines without final punctuation whose long words are mostly capitalised.
  // Capitalised runs (menus, tag clouds, share bars): at least 7 capitalised words joined
  // only by spaces, "and", "&", commas, slashes, dashes and hyphenated lower-case parts.
  // The closes only add kHeading / kTitleRun to tokens already made.
  std::size_t ls = 0;                        // first token of the current line
  int words_n = 0, line_caps = 0, lows = 0;  // of its first 16 words
  auto close_line = [&](std::size_t le) {
    NameToken* const tok = out.data();
    bool terminal = false;
    std::size_t k = le;
    while (k > ls) {
      const NameToken& t = tok[k - 1];
      if ((t.flags & kPunct) &&
          (t.cp == '"' || t.cp == 0x201D || t.cp == 0x2019 || t.cp == '\'' || t.cp == ')')) {
        --k;
        continue;
      }
      terminal = (t.flags & kPunct) && (t.cp == '.' || t.cp == '!' || t.cp == '?' ||
                                        t.cp == 0x2026 || t.cp == ',' || t.cp == ';');
      break;
    }
    if (words_n > 0 && words_n <= 14 && !terminal && (line_caps >= lows || words_n <= 3))
      for (std::size_t q = ls; q < le; ++q) tok[q].flags |= kHeading;
  };
  constexpr int kRunMin = 7;
  std::size_t rs = 0;
  int caps = 0;
  auto close_run = [&](std::size_t re) {
    if (caps >= kRunMin) {
      NameToken* const tok = out.data();
      for (std::size_t q = rs; q < re; ++q) tok[q].flags |= kTitleRun;
    }
  };
  // Called with each token (flags final) just before it is appended as token k.
  auto track = [&](const NameToken t) {
    const std::size_t k = out.size();
    if (t.flags & kNewlineBefore) {
      if (k > ls) {
        close_line(k);
        ls = k;
        words_n = line_caps = lows = 0;
      }
      close_run(k);
      rs = k;
      caps = 0;
    }
    if (words_n <= 15 && (t.flags & kWord)) {
      ++words_n;
      if (t.end - t.begin > 3) {
        if (t.flags & kUpperFirst)
          ++line_caps;
        else if (t.flags & kHasLower)
          ++lows;
      }
    }
    bool bridge = false, cap = false;
    if (t.flags & kWord) {
      if (t.flags & kUpperFirst)
        cap = true;
      else if (t.flags & kHasDigit && !(t.flags & kHasLower))
        bridge = true;
      else {
        const u8* w = p + t.begin;
        const std::size_t wn = t.end - t.begin;
        const bool and_or = (wn == 3 && w[0] == 'a' && w[1] == 'n' && w[2] == 'd') ||
                            (wn == 2 && w[0] == 'o' && w[1] == 'r');
        bridge = and_or || !(t.flags & kSpaceBefore);
      }
    } else {
      const std::uint32_t q = t.cp;
      bridge = q == ',' || q == '&' || q == '/' || q == '|' || q == '(' || q == ')' || q == '+' ||
               q == '#' || q == 0xB7 || is_dash(q) || q == 0x2014 || is_apostrophe(q);
      // "--" ends a wire story's dateline ("SANTO DOMINGO, Dominican Republic -- When Sandro
      // Batista ..."): the story's first words are no part of a menu with it.
      if (q == '-' && k > 0 && !(t.flags & kSpaceBefore) && (out[k - 1].flags & kPunct) &&
          out[k - 1].cp == '-')
        bridge = false;
    }
    if (cap) {
      if (caps == 0) rs = k;
      ++caps;
    } else if (!bridge) {
      close_run(k);
      caps = 0;
      rs = k + 1;
    }
  };
  bool space = true, newline = true, pending_start = true, line_has_lower = false;
  std::size_t i = 0;
  while (i < n) {
    const u8 c = p[i];
    std::uint32_t cp = c;
    int len = 1;
    u8 cls;
    if (c < 0x80) {
      cls = kAscii[c];
    } else {
      len = decode(p, n, i, cp);
      if (len == 0) {  // invalid byte: a separator
        space = true;
        ++i;
        continue;
      }
      switch (classify_non_ascii(cp)) {
        case NA::letter:
          cls = kLowerC;
          break;  // refined below
        case NA::space:
          cls = kSpaceC;
          break;
        case NA::newline:
          cls = kNewlineC;
          break;
        default:
          cls = kPunctC;
          break;
      }
    }
    if (cls == kSpaceC || cls == kCtrlC) {
      space = true;
      i += static_cast<std::size_t>(len);
      continue;
    }
    if (cls == kNewlineC && wrapped && c == '\n' && i > 0 && i + 1 < n && p[i - 1] > ' ' &&
        p[i + 1] > ' ' && line_has_lower) {  // soft line break
      space = true;
      ++i;
      continue;
    }
    if (cls == kNewlineC) {
      line_has_lower = false;
      space = newline = pending_start = true;
      i += static_cast<std::size_t>(len);
      continue;
    }
    // The token's fields stay in locals until it is appended in one piece.
    const auto tbegin = static_cast<std::uint32_t>(i);
    const std::uint32_t tflags = (space ? kSpaceBefore : 0u) | (newline ? kNewlineBefore : 0u);
    std::uint32_t f;
    space = newline = false;
    if (cls == kPunctC) {
      i += static_cast<std::size_t>(len);
      // Sentence boundaries.
      if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == 0x2022 || cp == 0x2026 ||
          cp == '|' || cp == ';') {
        bool boundary = true;
        if (cp == '.' && !out.empty()) {
          const NameToken& prev = out.back();
          if ((prev.flags & kWord) && prev.end == tbegin) {
            const std::string_view pw(text.data() + prev.begin, prev.end - prev.begin);
            if ((pw.size() == 1 && (prev.flags & kUpperFirst)) ||
                (pw.size() <= W.abbreviation_max && W.abbreviations.count(pw)))
              boundary = false;
          }
          if (i < n && (kAscii[p[i] & 0x7F] == kDigitC) && p[i] < 0x80) boundary = false;
        }
        if (cp == ';') boundary = false;
        if (boundary) pending_start = true;
      }
      f = tflags | kPunct;
    } else {  // a word: ASCII letters/digits and UTF-8 letters
      f = tflags | kWord;
      bool upper_first = false;
      if (c < 0x80) {
        upper_first = cls == kUpperC;
        f |= kAsciiWordFlags[c];
        ++i;
      }
      while (i < n) {
        if constexpr (std::endian::native == std::endian::little) {
          if (n - i >= 8) {  // eight bytes at a time while they are ASCII letters and digits
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            const std::uint64_t lo = ascii_in_range(w, 'a', 'z');
            const std::uint64_t up = ascii_in_range(w, 'A', 'Z');
            const std::uint64_t dg = ascii_in_range(w, '0', '9');
            const std::uint64_t stop = ~(lo | up | dg) & kHighBits;
            const unsigned k = stop ? static_cast<unsigned>(std::countr_zero(stop)) >> 3 : 8u;
            const std::uint64_t keep =
                k == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * k)) - 1;
            if (lo & keep) f |= kHasLower;
            if (up & keep) f |= kHasUpper;
            if (dg & keep) f |= kHasDigit;
            i += k;
            if (k == 8) continue;
            if (p[i] < 0x80) break;  // an ASCII byte that is not a letter or digit ends it
          }
        }
        const u8 d = p[i];
        if (d < 0x80) {  // one table look-up per byte
          const std::uint32_t b = kAsciiWordFlags[d];
          if (!b) break;
          f |= b;
          ++i;
          continue;
        }
        std::uint32_t dcp = d;
        const int dl = decode(p, n, i, dcp);
        if (dl == 0 || classify_non_ascii(dcp) != NA::letter) break;
        f |= kNonAscii;
        const UChar32 u = static_cast<UChar32>(dcp);
        if (u_isupper(u) || u_istitle(u)) {
          f |= kHasUpper;
          if (i == tbegin) upper_first = true;
        } else if (u_islower(u)) {
          f |= kHasLower;
        }
        i += static_cast<std::size_t>(dl);
      }
      if (upper_first) f |= kUpperFirst;
      if (f & kHasLower) line_has_lower = true;
      if (i - tbegin > kMaxTokenBytes) f |= kLong;
      if (pending_start) f |= kSentenceStart;
      pending_start = false;
    }
    const NameToken t{tbegin, static_cast<std::uint32_t>(i), cp, f};
    track(t);
    out.push_back(t);
  }

  const std::size_t count = out.size();
  if (count > ls) close_line(count);
  close_run(count);
}

}  // namespace newsdex::detail
