#pragma once
// The scan engine shared by the numeric recognisers (money.cc, percent.cc, dates.cc):
// character and UTF-8 helpers, number parsing, the compile-time keyword table and its
// lookup, and the trigger blocks and prefix blooms that tell a recogniser where to look.
// What runs per byte or per trigger is inline or constexpr here, as it was in one file.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "newsdex/entities.h"

namespace newsdex::detail::numeric {

using std::size_t;
using std::string_view;
using u8 = unsigned char;

inline constexpr int kMaxDigits = 20;  // longer digit strings are not amounts
inline constexpr size_t kMaxGap = 12;  // most bytes of whitespace between two tokens

// ---------------------------------------------------------------------------------------
// Characters

inline u8 at(string_view s, size_t i) { return static_cast<u8>(s[i]); }
constexpr bool is_digit(unsigned c) { return c - '0' < 10u; }
constexpr bool is_alpha(unsigned c) { return (c | 0x20u) - 'a' < 26u; }
constexpr bool is_upper(unsigned c) { return c - 'A' < 26u; }
constexpr bool is_alnum(unsigned c) { return is_digit(c) || is_alpha(c); }
constexpr u8 lower(u8 c) { return is_upper(c) ? static_cast<u8>(c + 32) : c; }

inline constexpr char32_t kBad = 0xFFFFFFFF;

/// The code point starting at @p i (utf8::decode); *len is its length (1 for an invalid
/// byte, which yields kBad).
inline char32_t decode_at(string_view s, size_t i, size_t* len) {
  std::uint32_t cp;
  const int n = utf8::decode(reinterpret_cast<const unsigned char*>(s.data()), s.size(), i, cp);
  if (n == 0) {
    *len = 1;
    return kBad;
  }
  *len = static_cast<size_t>(n);
  return cp;
}

/// The code point that ends just before @p i (kBad if none or invalid).
inline char32_t decode_before(string_view s, size_t i) {
  if (i == 0) return kBad;
  size_t k = i - 1;
  for (int cont = 0; k > 0 && cont < 3 && (at(s, k) & 0xC0) == 0x80; ++cont) --k;
  size_t len;
  const char32_t cp = decode_at(s, k, &len);
  return k + len == i ? cp : kBad;
}

/// True for code points that separate words: ASCII non-alphanumerics, spaces, punctuation,
/// quotes, dashes and currency signs. Other non-ASCII code points count as letters; an
/// invalid byte counts as a separator.
inline bool is_separator(char32_t cp) {
  if (cp == kBad) return true;
  if (cp < 0x80) return !is_alnum(cp) && cp != '_';
  return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2190 && cp <= 0x22FF) ||
         (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF || (cp >= 0xFF01 && cp <= 0xFF0F);
}

/// Whether the character ending at @p i is part of a word (a letter, digit or '_').
inline bool word_char_before(string_view s, size_t i) {
  if (i == 0) return false;
  const u8 c = at(s, i - 1);
  if (c < 0x80) return is_alnum(c) || c == '_';
  return !is_separator(decode_before(s, i));
}

/// Whether the character starting at @p i is part of a word.
inline bool word_char_at(string_view s, size_t i) {
  if (i >= s.size()) return false;
  const u8 c = at(s, i);
  if (c < 0x80) return is_alnum(c) || c == '_';
  size_t len;
  return !is_separator(decode_at(s, i, &len));
}

/// Skips whitespace between two tokens: ASCII blanks and line breaks, no-break, thin,
/// narrow and figure spaces. At most kMaxGap bytes, so look-ahead stays bounded.
inline size_t skip_space(string_view s, size_t i) {
  const size_t n = s.size();
  const size_t lim = std::min(n, i + kMaxGap);
  size_t p = i;
  while (p < lim) {
    const u8 c = at(s, p);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++p;
    } else if (c == 0xC2 && p + 1 < n && at(s, p + 1) == 0xA0) {  // U+00A0
      p += 2;
    } else if (c == 0xE2 && p + 2 < n && at(s, p + 1) == 0x80 &&
               (at(s, p + 2) == 0x87 || at(s, p + 2) == 0x89 || at(s, p + 2) == 0x8A ||
                at(s, p + 2) == 0xAF)) {  // U+2007 U+2009 U+200A U+202F
      p += 3;
    } else {
      break;
    }
  }
  return p;
}

inline size_t word_end(string_view s, size_t i) {
  while (i < s.size() && is_alpha(at(s, i))) ++i;
  return i;
}

inline size_t digits_end(string_view s, size_t i) {
  while (i < s.size() && is_digit(at(s, i))) ++i;
  return i;
}

/// Case-insensitive comparison of s[b, b+w.size()) with lower-case @p w.
inline bool ieq_at(string_view s, size_t b, string_view w) {
  if (b > s.size() || s.size() - b < w.size()) return false;
  for (size_t k = 0; k < w.size(); ++k)
    if (lower(at(s, b + k)) != static_cast<u8>(w[k])) return false;
  return true;
}

/// Whether the whole word @p w (lower-case) starts at @p b.
inline bool word_at(string_view s, size_t b, string_view w) {
  return ieq_at(s, b, w) && !word_char_at(s, b + w.size());
}

/// Whether a number starting at @p i is not the tail of something else: a word ("x86",
/// "COVID-19"), a decimal or version ("1.2.3", ".5"), a time ("3:12"), a fraction ("24/7").
inline bool clean_start(string_view s, size_t i) {
  if (i == 0) return true;
  const u8 p = at(s, i - 1);
  if (p >= 0x80) return is_separator(decode_before(s, i));
  if (is_alnum(p) || p == '_') return false;
  const bool after_digit = i >= 2 && is_digit(at(s, i - 2));
  switch (p) {
    case '.':
      return false;
    case ',':
    case ':':
    case '/':
      return !after_digit;
    case '-':
      return !(i >= 2 && is_alpha(at(s, i - 2)));
    default:
      return true;
  }
}

/// Whether a number ending at @p e is not the head of something else ("1.2.3", "3:12").
inline bool clean_end(string_view s, size_t e) {
  if (e + 1 >= s.size()) return true;
  const u8 c = at(s, e);
  return !((c == '.' || c == ':' || c == ',' || c == '/') && is_digit(at(s, e + 1)));
}

// ---------------------------------------------------------------------------------------
// Numbers

struct Num {
  size_t b = 0, e = 0;  ///< span
  long double value = 0;
  int digits = 0;        ///< digit count (integer and fraction)
  int frac = 0;          ///< fraction digit count
  bool grouped = false;  ///< had thousands separators
  bool ok = false;       ///< at most kMaxDigits digits
};

/// Parses "12", "12,000", "16,189", "1,00,000" (Indian grouping), "1.13", "12,000.50" at
/// a digit. Consumes the whole digit string even when it is too long to be a number.
inline Num parse_num(string_view s, size_t i) {
  Num n;
  n.b = i;
  const size_t sz = s.size();
  long double v = 0;
  int nd = 0;
  auto take = [&](u8 c) {
    if (nd < kMaxDigits + 1) v = v * 10 + (c - '0');
    ++nd;
  };
  size_t p = i;
  while (p < sz && is_digit(at(s, p))) take(at(s, p++));
  if (p - i <= 3) {
    while (p + 1 < sz && at(s, p) == ',' && is_digit(at(s, p + 1))) {
      const size_t q = digits_end(s, p + 1);
      const size_t k = q - (p + 1);
      const bool good =
          k == 3 || (k == 2 && q + 1 < sz && at(s, q) == ',' && is_digit(at(s, q + 1)));
      if (!good) break;
      for (size_t t = p + 1; t < q; ++t) take(at(s, t));
      p = q;
      n.grouped = true;
    }
  }
  int nf = 0;
  if (p + 1 < sz && at(s, p) == '.' && is_digit(at(s, p + 1))) {
    ++p;
    while (p < sz && is_digit(at(s, p))) {
      take(at(s, p++));
      ++nf;
    }
  }
  n.e = p;
  n.digits = nd;
  n.frac = nf;
  n.ok = nd > 0 && nd <= kMaxDigits;
  if (n.ok) n.value = nf ? v / std::pow(10.0L, nf) : v;
  return n;
}

// ---------------------------------------------------------------------------------------
// Keywords

// clang-format off
enum class Cat : u8 {
  // Number words.
  unit, tens, hundred, a, half, quarter, of, and_,
  // Money.
  scale, cur, code, rs,
  // Dates.
  month, weekday, rel_day, rel_dir, month_word, year_word,
};
// clang-format on
enum class Fam : u8 { other, dollar, franc, mark, peso, rupee, pound };
enum : u8 {
  kExact = 1,       // case-sensitive
  kAttachOnly = 2,  // scale letter only when glued to the number: "$5m", "$50k"
  kNeedsScale = 4,  // currency word only after a scale: "300 million pounds"
  kCents = 8,       // hundredths of the currency: "17 cents"
  kAbbrev = 16,     // month abbreviation, may take a dot
  kAdjective = 32,  // "billion-dollar"
};

struct Word {
  string_view text;
  Cat cat;
  u8 flags = 0;
  int value = 0;  // number words, months, weekdays, relative offsets
  long double mult = 0;
  string_view code{};
  Fam fam = Fam::other;
};

constexpr Word num(string_view t, Cat c, int v) { return {t, c, 0, v, 0, {}, Fam::other}; }
constexpr Word scale(string_view t, long double m, u8 f = 0) {
  return {t, Cat::scale, f, 0, m, {}, Fam::other};
}
constexpr Word cur(string_view t, string_view code, Fam fam = Fam::other, u8 f = 0) {
  return {t, Cat::cur, f, 0, 0, code, fam};
}
constexpr Word iso(string_view t, string_view code = {}) {
  return {t, Cat::code, kExact, 0, 0, code.empty() ? t : code, Fam::other};
}
constexpr Word month(string_view t, int m, u8 f = 0) {
  return {t, Cat::month, f, m, 0, {}, Fam::other};
}

// clang-format off
inline constexpr Word kWords[] = {
    num("one", Cat::unit, 1), num("two", Cat::unit, 2), num("three", Cat::unit, 3),
    num("four", Cat::unit, 4), num("five", Cat::unit, 5), num("six", Cat::unit, 6),
    num("seven", Cat::unit, 7), num("eight", Cat::unit, 8), num("nine", Cat::unit, 9),
    num("ten", Cat::unit, 10), num("eleven", Cat::unit, 11), num("twelve", Cat::unit, 12),
    num("thirteen", Cat::unit, 13), num("fourteen", Cat::unit, 14),
    num("fifteen", Cat::unit, 15), num("sixteen", Cat::unit, 16),
    num("seventeen", Cat::unit, 17), num("eighteen", Cat::unit, 18),
    num("nineteen", Cat::unit, 19), num("twenty", Cat::tens, 20), num("thirty", Cat::tens, 30),
    num("forty", Cat::tens, 40), num("fifty", Cat::tens, 50), num("sixty", Cat::tens, 60),
    num("seventy", Cat::tens, 70), num("eighty", Cat::tens, 80), num("ninety", Cat::tens, 90),
    num("hundred", Cat::hundred, 100), num("a", Cat::a, 1), num("an", Cat::a, 1),
    num("half", Cat::half, 0), num("quarter", Cat::quarter, 0), num("of", Cat::of, 0),
    num("and", Cat::and_, 0),

    scale("thousand", 1e3L), scale("k", 1e3L, kAttachOnly), scale("million", 1e6L, kAdjective),
    scale("mln", 1e6L), scale("mn", 1e6L), scale("mil", 1e6L), scale("m", 1e6L, kAttachOnly),
    scale("mm", 1e6L, kAttachOnly), scale("billion", 1e9L, kAdjective), scale("bn", 1e9L),
    scale("bln", 1e9L), scale("b", 1e9L, kAttachOnly), scale("trillion", 1e12L, kAdjective),
    scale("tn", 1e12L), scale("trn", 1e12L), scale("t", 1e12L, kAttachOnly),
    scale("crore", 1e7L), scale("crores", 1e7L), scale("cr", 1e7L), scale("lakh", 1e5L),
    scale("lakhs", 1e5L), scale("lac", 1e5L),

    cur("dollar", "USD", Fam::dollar), cur("dollars", "USD", Fam::dollar),
    cur("dlr", "USD", Fam::dollar), cur("dlrs", "USD", Fam::dollar), cur("euro", "EUR"),
    cur("euros", "EUR"), cur("pound", "GBP", Fam::pound, kNeedsScale),
    cur("pounds", "GBP", Fam::pound, kNeedsScale), cur("sterling", "GBP"), cur("stg", "GBP"),
    cur("pence", "GBP", Fam::other, kCents), cur("cent", "USD", Fam::other, kCents),
    cur("cents", "USD", Fam::other, kCents), cur("cts", "USD", Fam::other, kCents),
    cur("yen", "JPY"), cur("yuan", "CNY"), cur("renminbi", "CNY"),
    cur("rupee", "INR", Fam::rupee), cur("rupees", "INR", Fam::rupee),
    cur("won", "KRW", Fam::other, kNeedsScale), cur("rand", "ZAR", Fam::other, kNeedsScale),
    // No code of their own: only with a qualifier ("Swiss francs", "Mexican pesos").
    cur("franc", {}, Fam::franc), cur("francs", {}, Fam::franc), cur("mark", {}, Fam::mark),
    cur("peso", {}, Fam::peso), cur("pesos", {}, Fam::peso),
    cur("marks", "DEM", Fam::mark, kNeedsScale),  // Reuters: "32 mln marks"
    cur("guilders", "NLG"), cur("lire", "ITL"), cur("roubles", "RUB"), cur("rubles", "RUB"),
    cur("ringgit", "MYR"), cur("baht", "THB"), cur("rupiah", "IDR"), cur("riyals", "SAR"),
    cur("dirhams", "AED"), cur("naira", "NGN"), cur("shekels", "ILS"), cur("kronor", "SEK"),

    iso("USD"), iso("EUR"), iso("GBP"), iso("JPY"), iso("CNY"), iso("RMB", "CNY"), iso("INR"),
    iso("AUD"), iso("CAD"), iso("HKD"), iso("SGD"), iso("CHF"), iso("KRW"), iso("NZD"),
    iso("BRL"), iso("RUB"), iso("SEK"), iso("ZAR"), iso("MXN"), iso("TWD"),
    {"Rs", Cat::rs, kExact, 0, 0, "INR", Fam::rupee},

    month("january", 1), month("february", 2), month("march", 3), month("april", 4),
    month("may", 5), month("june", 6), month("july", 7), month("august", 8),
    month("september", 9), month("october", 10), month("november", 11),
    month("december", 12), month("jan", 1, kAbbrev), month("feb", 2, kAbbrev),
    month("mar", 3, kAbbrev), month("apr", 4, kAbbrev), month("jun", 6, kAbbrev),
    month("jul", 7, kAbbrev), month("aug", 8, kAbbrev), month("sep", 9, kAbbrev),
    month("sept", 9, kAbbrev), month("oct", 10, kAbbrev), month("nov", 11, kAbbrev),
    month("dec", 12, kAbbrev),

    num("sunday", Cat::weekday, 0), num("monday", Cat::weekday, 1),
    num("tuesday", Cat::weekday, 2), num("wednesday", Cat::weekday, 3),
    num("thursday", Cat::weekday, 4), num("friday", Cat::weekday, 5),
    num("saturday", Cat::weekday, 6), num("yesterday", Cat::rel_day, -1),
    num("today", Cat::rel_day, 0), num("tomorrow", Cat::rel_day, 1),
    num("last", Cat::rel_dir, -1), num("next", Cat::rel_dir, 1), num("this", Cat::rel_dir, 0),
    num("month", Cat::month_word, 0), num("year", Cat::year_word, 0),
};
// clang-format on

// Keyword lookup. A word of up to 12 ASCII letters is keyed by its lower-cased bytes
// (first eight in `lo`, the rest in `hi`, little-endian), looked up in an open-addressing
// table built at compile time. Words are measured eight bytes at a time (SWAR), so the
// common short word costs no per-letter loop: one load, a few ALU operations, one probe.
inline constexpr size_t kMaxWordLen = 12;
inline constexpr size_t kTableBits = 10;
inline constexpr std::uint16_t kEmpty = 0xFFFF;

struct WordKey {
  std::uint64_t lo = 0, hi = 0;  ///< lo == 0: no key (too long)
  friend constexpr bool operator==(const WordKey&, const WordKey&) = default;
};

constexpr void add_letter(WordKey& k, size_t pos, u8 c) {
  const std::uint64_t v = lower(c);
  if (pos < 8)
    k.lo |= v << (8 * pos);
  else if (pos < kMaxWordLen)
    k.hi |= v << (8 * (pos - 8));
}

constexpr WordKey key_of(string_view w) {
  WordKey k;
  for (size_t p = 0; p < w.size(); ++p) add_letter(k, p, static_cast<u8>(w[p]));
  return k;
}

constexpr size_t slot_of(const WordKey& k) {
  const std::uint64_t h = (k.lo ^ (k.hi * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull;
  return static_cast<size_t>(h >> (64 - kTableBits));
}

inline constexpr auto kKeys = [] {
  std::array<WordKey, std::size(kWords)> k{};
  for (size_t i = 0; i < k.size(); ++i) k[i] = key_of(kWords[i].text);
  return k;
}();

inline constexpr auto kTable = [] {
  std::array<std::uint16_t, size_t{1} << kTableBits> t{};
  for (auto& v : t) v = kEmpty;
  for (size_t i = 0; i < kKeys.size(); ++i) {
    size_t slot = slot_of(kKeys[i]);
    while (t[slot] != kEmpty) slot = (slot + 1) & (t.size() - 1);
    t[slot] = static_cast<std::uint16_t>(i);
  }
  return t;
}();

constexpr bool valid_keywords() {
  for (size_t i = 0; i < std::size(kWords); ++i) {
    const string_view w = kWords[i].text;
    if (w.empty() || w.size() > kMaxWordLen) return false;
    for (char c : w)
      if (!is_alpha(static_cast<u8>(c))) return false;
    for (size_t j = i + 1; j < std::size(kWords); ++j)
      if (kKeys[i] == kKeys[j]) return false;
  }
  return true;
}
static_assert(valid_keywords(), "keywords: 1-12 ASCII letters, unique case-insensitively");

/// The keyword with key @p key and text s[b, e), or nullptr.
inline const Word* lookup_key(const WordKey& key, string_view s, size_t b, size_t e) {
  if (key.lo == 0) return nullptr;
  for (size_t slot = slot_of(key);; slot = (slot + 1) & (kTable.size() - 1)) {
    const std::uint16_t i = kTable[slot];
    if (i == kEmpty) return nullptr;
    if (kKeys[i] == key) {
      const Word& w = kWords[i];
      if ((w.flags & kExact) && s.substr(b, e - b) != w.text) return nullptr;
      return &w;
    }
  }
}

inline constexpr std::uint64_t kOnes = 0x0101010101010101ull;
inline constexpr std::uint64_t kHigh = 0x8080808080808080ull;

/// Bit 7 of each byte of @p w that is an ASCII letter.
inline std::uint64_t letter_bits(std::uint64_t w) {
  const std::uint64_t y = (w | kOnes * 0x20) & ~kHigh;
  const std::uint64_t ge_a = (y + kOnes * (0x80 - 'a')) & kHigh;
  const std::uint64_t gt_z = (y + kOnes * (0x80 - 'z' - 1)) & kHigh;
  return ge_a & ~gt_z & ~w & kHigh;
}

inline std::uint64_t load8(string_view s, size_t i) {
  std::uint64_t w;
  std::memcpy(&w, s.data() + i, 8);
  return w;
}

/// Scans the ASCII letters from @p b (a letter); returns the end and sets *key.
inline size_t scan_word(string_view s, size_t b, WordKey* key) {
  const size_t n = s.size();
  *key = WordKey{};
  if constexpr (std::endian::native == std::endian::little) {
    if (n - b >= 16) {
      const std::uint64_t w = load8(s, b);
      const std::uint64_t stop = ~letter_bits(w) & kHigh;
      if (stop) {  // 1..7 letters
        const size_t len = static_cast<size_t>(std::countr_zero(stop)) >> 3;
        key->lo = (w | kOnes * 0x20) & ((std::uint64_t{1} << (8 * len)) - 1);
        return b + len;
      }
      const std::uint64_t w2 = load8(s, b + 8);
      const std::uint64_t stop2 = ~letter_bits(w2) & kHigh;
      if (stop2) {  // 8..15 letters
        const size_t len2 = static_cast<size_t>(std::countr_zero(stop2)) >> 3;
        if (8 + len2 <= kMaxWordLen) {
          key->lo = w | kOnes * 0x20;
          key->hi = (w2 | kOnes * 0x20) & ((std::uint64_t{1} << (8 * len2)) - 1);
        }
        return b + 8 + len2;
      }
      return word_end(s, b + 16);  // 16+ letters: no keyword
    }
  }
  size_t e = b;
  while (e < n && is_alpha(at(s, e))) add_letter(*key, e - b, at(s, e)), ++e;
  if (e - b > kMaxWordLen) *key = WordKey{};
  return e;
}

inline const Word* lookup(string_view s, size_t b, size_t e) {
  if (e <= b || e - b > kMaxWordLen) return nullptr;
  return lookup_key(key_of(s.substr(b, e - b)), s, b, e);
}

/// The word after @p p, separated by whitespace (or a hyphen if @p hyphen).
struct NextWord {
  size_t b = 0, e = 0;
  const Word* w = nullptr;
};

inline NextWord next_word(string_view s, size_t p, bool hyphen) {
  NextWord r;
  size_t q = skip_space(s, p);
  if (q == p) {
    if (!(hyphen && p < s.size() && at(s, p) == '-')) return r;
    q = p + 1;
  }
  if (q >= s.size() || !is_alpha(at(s, q))) return r;
  const size_t t = word_end(s, q);
  if (word_char_at(s, t)) return r;
  r.b = q;
  r.e = t;
  r.w = lookup(s, q, t);
  return r;
}

inline bool is(const NextWord& nw, Cat c) { return nw.w && nw.w->cat == c; }

// ---------------------------------------------------------------------------------------
// Triggers

// Trigger scanning. One vectorised pass over the text classifies every byte and keeps, per
// block of 64 bytes, bit masks of the positions a recogniser may start at: digits at the
// start of a number (not after a letter, digit or '_'), digits after a non-digit, ASCII
// letters at a word start, and the bytes that trigger anywhere ('$' and the lead bytes C2
// and E2 of the currency signs). A trigger depends only on its byte and the byte before,
// so each recogniser walks the set bits of its masks from where its last attempt resumed.
// A word start is first checked, without a branch, against a bloom filter of the first
// four letters of the recogniser's keywords; only the few words that pass are scanned and
// looked up.

/// Candidate positions of one 64-byte block (bit k: byte 64 * block + k).
struct TriggerBlock {
  std::uint64_t digit_start = 0;   ///< digit, the byte before no ASCII letter, digit or '_'
  std::uint64_t digit_first = 0;   ///< digit, the byte before no digit
  std::uint64_t letter_start = 0;  ///< ASCII letter, the byte before no ASCII letter, digit or '_'
  std::uint64_t anywhere = 0;      ///< '$', 0xC2, 0xE2
  std::uint64_t letters = 0;       ///< ASCII letters
};

/// The trigger masks of @p s, in a per-thread buffer valid until the next call.
const std::vector<TriggerBlock>& trigger_blocks(string_view s);

/// Calls @p handle(i) at each position whose bit is set in @p mask(block), in order, from
/// where the last call said scanning resumes (at least one past its trigger).
template <class Mask, class Handler>
void scan_triggers(const std::vector<TriggerBlock>& blocks, Mask&& mask, Handler&& handle) {
  const size_t nb = blocks.size();
  size_t b = 0;
  std::uint64_t bits = nb ? mask(blocks[0]) : 0;
  for (;;) {
    while (bits) {
      const size_t p = (b << 6) + static_cast<size_t>(std::countr_zero(bits));
      bits &= bits - 1;
      const size_t next = handle(p);
      if (next <= p + 1) continue;
      if ((next >> 6) != b) {  // resume in a later block
        b = next >> 6;
        if (b >= nb) return;
        bits = mask(blocks[b]) & (~std::uint64_t{0} << (next & 63));
      } else {
        bits &= ~std::uint64_t{0} << (next & 63);
      }
    }
    if (++b >= nb) return;
    bits = mask(blocks[b]);
  }
}

/// Bloom filters over the first four letters (case-folded, zero-padded) of the money
/// keywords (number words, "billion"-style adjectives, currency codes, "Rs") and of the
/// relative date words: a word whose bit is clear is none of them and triggers nothing.
/// Exact-case keywords are checked by the table probe after. The filters themselves are
/// kMoneyPrefixes (money.cc) and kDatePrefixes (dates.cc).
inline constexpr size_t kPrefixBits = 12;
using PrefixBloom = std::array<std::uint64_t, (size_t{1} << kPrefixBits) / 64>;
constexpr size_t prefix_slot(std::uint32_t prefix) {
  return static_cast<size_t>((prefix * 0x9E3779B1u) >> (32 - kPrefixBits));
}
template <class Pred>
constexpr PrefixBloom make_prefix_bloom(Pred pred) {
  PrefixBloom t{};
  for (const Word& w : kWords) {
    if (!pred(w)) continue;
    std::uint32_t prefix = 0;
    for (size_t k = 0; k < 4 && k < w.text.size(); ++k)
      prefix |= std::uint32_t{lower(static_cast<u8>(w.text[k]))} << (8 * k);
    const size_t b = prefix_slot(prefix);
    t[b >> 6] |= std::uint64_t{1} << (b & 63);
  }
  return t;
}

/// False if the word starting at the ASCII letter @p p cannot be a keyword of @p bloom.
inline bool may_be_keyword(const PrefixBloom& bloom, string_view s,
                           const std::vector<TriggerBlock>& blocks, size_t p) {
  const size_t k = p & 63;
  if (k > 60 || s.size() - p < 4) return true;  // the slow path decides
  static constexpr std::uint32_t kKeep[5] = {0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF};
  const auto run = std::countr_zero((~(blocks[p >> 6].letters >> k) & 0xF) | 0x10);  // 1..4
  std::uint32_t w;
  std::memcpy(&w, s.data() + p, 4);
  const size_t b = prefix_slot((w | 0x20202020u) & kKeep[run]);
  return (bloom[b >> 6] >> (b & 63)) & 1;
}

// ---------------------------------------------------------------------------------------
// Passes

// One pass per kind (money.cc, percent.cc, dates.cc) over the trigger blocks of @p s,
// appending its mentions in text order: find_money, find_percent and find_dates run one
// each, find_numeric all three over one set of blocks.
void money_pass(string_view s, const std::vector<TriggerBlock>& blocks, std::vector<Entity>& out);
void percent_pass(string_view s, const std::vector<TriggerBlock>& blocks, std::vector<Entity>& out);
void dates_pass(string_view s, const std::vector<TriggerBlock>& blocks,
                const std::optional<CivilDate>& published, std::vector<Entity>& out);

}  // namespace newsdex::detail::numeric
