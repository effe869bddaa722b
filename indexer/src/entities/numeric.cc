// Numeric entity recognisers: money amounts, percentages and dates.
//
// Each recogniser is a hand-written single pass over the text. It jumps from trigger to
// trigger (a digit, a currency sign, the first letter of a possible keyword at a word
// start) and does a bounded look-around from there: whitespace runs between tokens are
// capped, keywords are found with one hash probe, and a failed attempt always resumes past
// its trigger. The cost is therefore linear in the input whatever it contains (invalid
// UTF-8, megabytes without a newline, runs of digits or dollar signs), and nothing is
// allocated except the entities. No regex anywhere.

#include "entities/numeric.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdex {

std::string to_iso(const CivilDate& d) {
  char buf[64];
  int len;
  if (d.month == 0) {
    len = std::snprintf(buf, sizeof buf, "%04d", d.year);
  } else if (d.day == 0) {
    len = std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    len = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return std::string(buf, len > 0 ? static_cast<std::size_t>(len) : 0);
}

namespace detail {
namespace {

using std::size_t;
using std::string_view;
using u8 = unsigned char;

constexpr long double kMaxMoney = 1e15L;  // larger amounts are noise (or overflow bait)
constexpr int kMaxDigits = 20;            // longer digit strings are not amounts
constexpr size_t kMaxGap = 12;            // most bytes of whitespace between two tokens

// ---------------------------------------------------------------------------------------
// Characters

inline u8 at(string_view s, size_t i) { return static_cast<u8>(s[i]); }
constexpr bool is_digit(unsigned c) { return c - '0' < 10u; }
constexpr bool is_alpha(unsigned c) { return (c | 0x20u) - 'a' < 26u; }
constexpr bool is_upper(unsigned c) { return c - 'A' < 26u; }
constexpr bool is_alnum(unsigned c) { return is_digit(c) || is_alpha(c); }
constexpr u8 lower(u8 c) { return is_upper(c) ? static_cast<u8>(c + 32) : c; }

constexpr char32_t kBad = 0xFFFFFFFF;

/// The code point starting at @p i; *len is its length (1 for an invalid byte).
char32_t decode_at(string_view s, size_t i, size_t* len) {
  const u8 c = at(s, i);
  *len = 1;
  if (c < 0x80) return c;
  size_t need;
  char32_t cp;
  if ((c & 0xE0) == 0xC0) {
    need = 1, cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    need = 2, cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    need = 3, cp = c & 0x07;
  } else {
    return kBad;
  }
  if (s.size() - i <= need) return kBad;
  for (size_t k = 1; k <= need; ++k) {
    const u8 cc = at(s, i + k);
    if ((cc & 0xC0) != 0x80) return kBad;
    cp = (cp << 6) | (cc & 0x3F);
  }
  *len = need + 1;
  return cp;
}

/// The code point that ends just before @p i (kBad if none or invalid).
char32_t decode_before(string_view s, size_t i) {
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
bool is_separator(char32_t cp) {
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
bool word_char_at(string_view s, size_t i) {
  if (i >= s.size()) return false;
  const u8 c = at(s, i);
  if (c < 0x80) return is_alnum(c) || c == '_';
  size_t len;
  return !is_separator(decode_at(s, i, &len));
}

/// Skips whitespace between two tokens: ASCII blanks and line breaks, no-break, thin,
/// narrow and figure spaces. At most kMaxGap bytes, so look-ahead stays bounded.
size_t skip_space(string_view s, size_t i) {
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

/// A single space (ASCII or no-break) at @p i, as between a currency sign and its number.
size_t skip_one_space(string_view s, size_t i) {
  if (i < s.size() && at(s, i) == ' ') return i + 1;
  if (i + 1 < s.size() && at(s, i) == 0xC2 && at(s, i + 1) == 0xA0) return i + 2;
  return i;
}

size_t word_end(string_view s, size_t i) {
  while (i < s.size() && is_alpha(at(s, i))) ++i;
  return i;
}

size_t digits_end(string_view s, size_t i) {
  while (i < s.size() && is_digit(at(s, i))) ++i;
  return i;
}

/// Case-insensitive comparison of s[b, b+w.size()) with lower-case @p w.
bool ieq_at(string_view s, size_t b, string_view w) {
  if (b > s.size() || s.size() - b < w.size()) return false;
  for (size_t k = 0; k < w.size(); ++k)
    if (lower(at(s, b + k)) != static_cast<u8>(w[k])) return false;
  return true;
}

/// Whether the whole word @p w (lower-case) starts at @p b.
bool word_at(string_view s, size_t b, string_view w) {
  return ieq_at(s, b, w) && !word_char_at(s, b + w.size());
}

/// Whether a number starting at @p i is not the tail of something else: a word ("x86",
/// "COVID-19"), a decimal or version ("1.2.3", ".5"), a time ("3:12"), a fraction ("24/7").
bool clean_start(string_view s, size_t i) {
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
bool clean_end(string_view s, size_t e) {
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
Num parse_num(string_view s, size_t i) {
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
constexpr Word kWords[] = {
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
constexpr size_t kMaxWordLen = 12;
constexpr size_t kTableBits = 10;
constexpr std::uint16_t kEmpty = 0xFFFF;

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

constexpr auto kKeys = [] {
  std::array<WordKey, std::size(kWords)> k{};
  for (size_t i = 0; i < k.size(); ++i) k[i] = key_of(kWords[i].text);
  return k;
}();

constexpr auto kTable = [] {
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

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = 0x8080808080808080ull;

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

const Word* lookup(string_view s, size_t b, size_t e) {
  if (e <= b || e - b > kMaxWordLen) return nullptr;
  return lookup_key(key_of(s.substr(b, e - b)), s, b, e);
}

/// The word after @p p, separated by whitespace (or a hyphen if @p hyphen).
struct NextWord {
  size_t b = 0, e = 0;
  const Word* w = nullptr;
};

NextWord next_word(string_view s, size_t p, bool hyphen) {
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

bool is(const NextWord& nw, Cat c) { return nw.w && nw.w->cat == c; }

/// Whether the word before @p b (across whitespace) is @p w (lower-case).
bool prev_word_is(string_view s, size_t b, string_view w) {
  size_t k = b;
  while (k > 0 && b - k < kMaxGap && (at(s, k - 1) == ' ' || at(s, k - 1) == '\n')) --k;
  if (k == b || k < w.size()) return false;
  const size_t start = k - w.size();
  return ieq_at(s, start, w) && !word_char_before(s, start);
}

// ---------------------------------------------------------------------------------------
// Money

void emit_money(std::vector<Entity>& out, string_view s, size_t b, size_t e, string_view code,
                long double v) {
  if (!(v > 0) || v > kMaxMoney) return;
  std::string key;
  key.reserve(code.size() + 20);
  key.append(code);
  key.push_back(':');
  char buf[32];
  if (v >= 0.995L) {
    const int len = std::snprintf(buf, sizeof buf, "%lld", std::llround(v));
    key.append(buf, static_cast<size_t>(len));
  } else {
    const long long c = std::llround(v * 100);
    if (c <= 0) return;
    key += "0.";
    key.push_back(static_cast<char>('0' + c / 10));
    if (c % 10) key.push_back(static_cast<char>('0' + c % 10));
  }
  out.push_back(Entity{EntityKind::money, std::move(key), std::string(s.substr(b, e - b)), b, e,
                       static_cast<double>(v)});
}

struct Scale {
  long double mult = 1;
  size_t e = 0;
  bool found = false;
  bool blocked = false;  ///< letters glued to the number that are no scale: "$5x"
};

bool usable_scale(const Word* w, bool attached) {
  return w && w->cat == Cat::scale && (attached || !(w->flags & kAttachOnly));
}

/// A scale after a number: "bn", " billion", "-billion", " lakh crore".
Scale parse_scale(string_view s, size_t p) {
  Scale r;
  r.e = p;
  if (p < s.size() && is_alpha(at(s, p))) {
    const size_t t = word_end(s, p);
    const Word* w = lookup(s, p, t);
    if (!usable_scale(w, true) || word_char_at(s, t)) {
      r.blocked = true;
      return r;
    }
    r.mult = w->mult, r.e = t, r.found = true;
  } else {
    const NextWord nw = next_word(s, p, true);
    if (!usable_scale(nw.w, false)) return r;
    r.mult = nw.w->mult, r.e = nw.e, r.found = true;
  }
  const NextWord nw = next_word(s, r.e, false);  // "lakh crore", "thousand million"
  if (usable_scale(nw.w, false) && nw.w->mult > r.mult) r.mult *= nw.w->mult, r.e = nw.e;
  return r;
}

struct Qualifier {
  string_view text;
  Fam fam;
  string_view code;
};

constexpr Qualifier kQualifiers[] = {
    {"U.S.", Fam::dollar, "USD"},        {"US", Fam::dollar, "USD"},
    {"American", Fam::dollar, "USD"},    {"Canadian", Fam::dollar, "CAD"},
    {"Cdn", Fam::dollar, "CAD"},         {"Australian", Fam::dollar, "AUD"},
    {"Aust", Fam::dollar, "AUD"},        {"Hong Kong", Fam::dollar, "HKD"},
    {"H.K.", Fam::dollar, "HKD"},        {"Singapore", Fam::dollar, "SGD"},
    {"New Zealand", Fam::dollar, "NZD"}, {"N.Z.", Fam::dollar, "NZD"},
    {"Taiwan", Fam::dollar, "TWD"},      {"Swiss", Fam::franc, "CHF"},
    {"French", Fam::franc, "FRF"},       {"Belgian", Fam::franc, "BEF"},
    {"West German", Fam::mark, "DEM"},   {"German", Fam::mark, "DEM"},
    {"Mexican", Fam::peso, "MXN"},       {"Philippine", Fam::peso, "PHP"},
    {"Pakistani", Fam::rupee, "PKR"},    {"Indian", Fam::rupee, "INR"},
};

struct CurHit {
  string_view code;
  size_t e = 0;
  Fam fam = Fam::other;
  bool ok = false;
  bool cents = false;
  bool needs_scale = false;
};

/// A currency after an amount: " dollars", " U.S. dlrs", "-dollar", " euros", " cents",
/// " USD", "€", "¢".
CurHit parse_currency_after(string_view s, size_t p) {
  CurHit r;
  const size_t n = s.size();
  size_t q = skip_space(s, p);
  const bool spaced = q > p;
  const bool hyphen = !spaced && p < n && at(s, p) == '-';
  if (hyphen) q = p + 1;
  if (!hyphen && q + 1 < n && at(s, q) == 0xC2 && at(s, q + 1) == 0xA2) {  // ¢
    r.code = "USD", r.e = q + 2, r.ok = true, r.cents = true;
    return r;
  }
  if (!hyphen && q + 2 < n && at(s, q) == 0xE2 && at(s, q + 1) == 0x82 &&
      at(s, q + 2) == 0xAC) {  // €
    r.code = "EUR", r.e = q + 3, r.ok = true;
    return r;
  }
  if (q == p || q >= n || !is_alpha(at(s, q))) return r;
  if (is_upper(at(s, q))) {
    for (const Qualifier& ql : kQualifiers) {
      if (s.compare(q, ql.text.size(), ql.text) != 0) continue;
      const size_t qe = q + ql.text.size();
      if (word_char_at(s, qe)) continue;
      const NextWord nw = next_word(s, qe, false);
      if (is(nw, Cat::cur) && nw.w->fam == ql.fam) {
        r.code = ql.code, r.e = nw.e, r.fam = ql.fam, r.ok = true;
        return r;
      }
    }
  }
  const size_t t = word_end(s, q);
  if (word_char_at(s, t)) return r;
  const Word* w = lookup(s, q, t);
  if (!w) return r;
  if (w->cat == Cat::cur && !w->code.empty()) {
    r.code = w->code, r.e = t, r.fam = w->fam, r.ok = true;
    r.cents = w->flags & kCents;
    r.needs_scale = w->flags & kNeedsScale;
    if (w->fam == Fam::pound) {
      const NextWord nw = next_word(s, t, false);
      if (is(nw, Cat::of)) return CurHit{};  // "6 billion pounds of carbon" is a weight
      if (nw.w && nw.w->text == "sterling") r.e = nw.e, r.needs_scale = false;
    }
  } else if (w->cat == Cat::code && spaced) {
    r.code = w->code, r.e = t, r.ok = true;
    r.needs_scale = w->code == "CAD";  // "3 CAD models"
  }
  return r;
}

/// Amount after a currency sign or code: the number at @p num_at, its scale, and the
/// "$5-10 billion" / "$5 to $10 billion" range form where the first number takes the
/// second's scale. Returns where scanning resumes.
size_t amount_after_sign(string_view s, size_t b, size_t num_at, string_view sign, string_view code,
                         std::vector<Entity>& out) {
  const Num n = parse_num(s, num_at);
  if (!n.ok || !clean_end(s, n.e)) return n.e;
  const Scale sc = parse_scale(s, n.e);
  if (sc.blocked) return n.e;
  if (sc.found) {
    emit_money(out, s, b, sc.e, code, n.value * sc.mult);
    return sc.e;
  }
  if (!n.grouped) {
    const size_t sz = s.size();
    size_t q = skip_space(s, n.e);
    size_t r = std::string_view::npos;
    if (q < sz && at(s, q) == '-') {
      r = q + 1;
    } else if (q + 2 < sz && at(s, q) == 0xE2 && at(s, q + 1) == 0x80 && at(s, q + 2) == 0x93) {
      r = q + 3;  // en dash
    } else if (q > n.e && word_at(s, q, "to")) {
      r = q + 2;
    }
    if (r != std::string_view::npos) {
      r = skip_space(s, r);
      const bool signed2 = !sign.empty() && s.compare(r, sign.size(), sign) == 0;
      if (signed2) r += sign.size();
      if (r < sz && is_digit(at(s, r))) {
        const Num n2 = parse_num(s, r);
        if (n2.ok && clean_end(s, n2.e) && n2.value >= n.value) {
          const Scale sc2 = parse_scale(s, n2.e);
          if (sc2.found) {
            emit_money(out, s, b, n.e, code, n.value * sc2.mult);
            if (signed2) return n.e;  // the second amount is found on its own
            emit_money(out, s, n2.b, sc2.e, code, n2.value * sc2.mult);
            return sc2.e;
          }
        }
      }
    }
  }
  emit_money(out, s, b, n.e, code, n.value);
  return n.e;
}

/// '$' with its optional country prefix: "$5", "US$2m", "A$5m", "HK$", "C$".
size_t money_dollar(string_view s, size_t i, std::vector<Entity>& out) {
  size_t k = i;
  while (k > 0 && i - k < 3 && is_upper(at(s, k - 1))) --k;
  string_view code = "USD";
  if (k < i) {
    if (word_char_before(s, k)) return i + 1;
    const string_view pre = s.substr(k, i - k);
    if (pre == "US")
      code = "USD";
    else if (pre == "A" || pre == "AU")
      code = "AUD";
    else if (pre == "C" || pre == "CA")
      code = "CAD";
    else if (pre == "HK")
      code = "HKD";
    else if (pre == "S" || pre == "SG")
      code = "SGD";
    else if (pre == "NZ")
      code = "NZD";
    else if (pre == "NT")
      code = "TWD";
    else if (pre == "R")
      code = "BRL";
    else if (pre == "MX")
      code = "MXN";
    else if (pre == "USD" || pre == "AUD" || pre == "CAD" || pre == "HKD" || pre == "SGD" ||
             pre == "NZD")
      code = pre;
    else
      return i + 1;
  } else if (i > 0) {
    // "a$5", "5$", and code: "s/x/$1/", "\\$1", "=$5", "${1}", "@$2".
    const u8 p = at(s, i - 1);
    if (word_char_before(s, i) || p == '/' || p == '\\' || p == '=' || p == '{' || p == '@' ||
        p == '$')
      return i + 1;
  }
  const size_t q = skip_one_space(s, i + 1);
  if (q >= s.size() || !is_digit(at(s, q))) return i + 1;
  return amount_after_sign(s, k, q, "$", code, out);
}

/// A currency sign other than '$' (£ € ¥ ₹ ₩ ₽) of @p len bytes at @p i.
size_t money_sign(string_view s, size_t i, size_t len, string_view code, std::vector<Entity>& out) {
  const size_t q = skip_one_space(s, i + len);
  if (q >= s.size() || !is_digit(at(s, q))) return i + len;
  return amount_after_sign(s, i, q, s.substr(i, len), code, out);
}

/// A number followed by a currency word or code: "5 mln dlrs", "17 cents", "2 billion
/// euros", "10 million yuan", "300 million pounds", "5 million USD", "20€".
size_t money_number(string_view s, size_t i, std::vector<Entity>& out) {
  if (!clean_start(s, i)) return digits_end(s, i);
  const Num n = parse_num(s, i);
  if (!n.ok || !clean_end(s, n.e)) return n.e;
  const Scale sc = parse_scale(s, n.e);
  if (sc.blocked) return n.e;
  const CurHit c = parse_currency_after(s, sc.found ? sc.e : n.e);
  if (!c.ok || (c.needs_scale && !sc.found)) return n.e;
  // "in 2019 dollars" (inflation-adjusted) is a year, not an amount.
  if (!sc.found && !n.grouped && n.digits == 4 && n.frac == 0 && n.value >= 1900 &&
      n.value < 2100 && c.fam == Fam::dollar)
    return n.e;
  long double v = n.value * sc.mult;
  if (c.cents) v /= 100;
  emit_money(out, s, i, c.e, c.code, v);
  return c.e;
}

struct WordNum {
  long double value = 0;
  size_t e = 0;
  bool ok = false;
  bool scaled = false;  ///< a scale word (thousand, million...) followed
};

/// Number words from the word @p w ending at @p e: "five", "twenty-five", "two hundred",
/// "a billion", "half a trillion", "half-billion", "a quarter of a billion",
/// "quarter-million", "ten thousand".
WordNum parse_word_number(string_view s, size_t e, const Word* w) {
  WordNum r;
  size_t end = e;
  long double v = 0;
  bool need_scale = false;  // "a", "half", "quarter" alone are no amounts
  bool hundred = false;
  NextWord nw = next_word(s, e, true);
  Cat cat = w->cat;
  if (cat == Cat::a && (is(nw, Cat::quarter) || is(nw, Cat::half))) {
    cat = nw.w->cat;  // "a quarter million", "a quarter of a", "a half-billion"
    end = nw.e;
    nw = next_word(s, end, true);
  }
  switch (cat) {
    case Cat::a:
      v = 1, need_scale = true;
      break;
    case Cat::half:
    case Cat::quarter:
      v = cat == Cat::half ? 0.5L : 0.25L, need_scale = true;
      if (is(nw, Cat::of)) {  // "quarter of a"
        end = nw.e;
        nw = next_word(s, end, true);
        if (!is(nw, Cat::a)) return r;
      }
      if (is(nw, Cat::a)) {  // "half a"
        end = nw.e;
        nw = next_word(s, end, true);
      }
      break;
    case Cat::unit:
      v = w->value;
      break;
    case Cat::tens:
      v = w->value;
      if (is(nw, Cat::unit) && nw.w->value < 10) {  // "twenty-five", "twenty five"
        v += nw.w->value, end = nw.e;
        nw = next_word(s, end, true);
      }
      break;
    case Cat::hundred:
      v = 100, hundred = true;
      break;
    default:
      return r;
  }
  if (!hundred && is(nw, Cat::hundred)) {
    v *= 100, end = nw.e, hundred = true;
    nw = next_word(s, end, true);
  }
  if (!need_scale && is(nw, Cat::and_)) {  // "one and a half billion"
    const NextWord a = next_word(s, nw.e, false);
    const NextWord h = is(a, Cat::a) ? next_word(s, a.e, true) : NextWord{};
    if (is(h, Cat::half)) {
      v += 0.5L, end = h.e;
      nw = next_word(s, end, true);
    }
  }
  if (usable_scale(nw.w, false)) {
    v *= nw.w->mult, end = nw.e, r.scaled = true;
    const NextWord nw2 = next_word(s, end, true);
    if (usable_scale(nw2.w, false) && nw2.w->mult > nw.w->mult) v *= nw2.w->mult, end = nw2.e;
  }
  if (need_scale && !r.scaled && !hundred) return r;
  r.value = v, r.e = end, r.ok = true;
  return r;
}

/// The keyword @p w at a word start [b, e): currency codes and "Rs" before a number,
/// number words before a currency ("half a trillion dollars"), and "billion-dollar".
size_t money_word(string_view s, size_t b, size_t e, const Word* w, std::vector<Entity>& out) {
  const size_t sz = s.size();
  if (w->cat == Cat::code || w->cat == Cat::rs) {  // "USD 5 million", "Rs16,189 crore"
    size_t p = e;
    if (w->cat == Cat::rs && p < sz && at(s, p) == '.') ++p;
    const size_t q = skip_one_space(s, p);
    if (q >= sz || !is_digit(at(s, q))) return e;
    return amount_after_sign(s, b, q, {}, w->code, out);
  }
  if (word_char_at(s, e)) return e;
  if (w->cat == Cat::scale) {  // "billion-dollar", "a billion dollar" minus the "a"
    if (!(w->flags & kAdjective)) return e;
    if (b >= 6 && (ieq_at(s, b - 6, "multi-") || ieq_at(s, b - 6, "multi "))) return e;
    if (e < sz && at(s, e) == '-') {
      const CurHit c = parse_currency_after(s, e);
      if (c.ok && !c.cents) emit_money(out, s, b, c.e, c.code, w->mult);
      return c.ok ? c.e : e;
    }
    const NextWord nw = next_word(s, e, false);
    if (is(nw, Cat::cur) &&
        (nw.w->text == "dollar" || nw.w->text == "euro" || nw.w->text == "pound")) {
      emit_money(out, s, b, nw.e, nw.w->code, w->mult);
      return nw.e;
    }
    return e;
  }
  switch (w->cat) {
    case Cat::unit:
    case Cat::tens:
    case Cat::hundred:
    case Cat::a:
    case Cat::half:
    case Cat::quarter:
      break;
    default:
      return e;
  }
  const WordNum wn = parse_word_number(s, e, w);
  if (!wn.ok) return e;
  const CurHit c = parse_currency_after(s, wn.e);
  if (!c.ok || (c.needs_scale && !wn.scaled)) return e;
  emit_money(out, s, b, c.e, c.code, c.cents ? wn.value / 100 : wn.value);
  return c.e;
}

// ---------------------------------------------------------------------------------------
// Calendar

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool valid_year(int y) { return y >= 1 && y <= 9999; }
bool valid_month(const CivilDate& d) { return valid_year(d.year) && d.month >= 1 && d.month <= 12; }
bool valid_day(const CivilDate& d) {
  return valid_month(d) && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

// Howard Hinnant's days_from_civil / civil_from_days.
long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

CivilDate civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

/// 0 = Sunday.
int weekday(long long days) { return static_cast<int>(((days + 4) % 7 + 7) % 7); }

// ---------------------------------------------------------------------------------------
// Dates

void emit_date(std::vector<Entity>& out, string_view s, size_t b, size_t e, const CivilDate& d) {
  out.push_back(Entity{EntityKind::date, to_iso(d), std::string(s.substr(b, e - b)), b, e, 0});
}

/// Whether an absolute date span reads like a table row rather than prose: three or more
/// blanks in a row without a line break ("SEP    26     1799").
bool table_like(string_view s, size_t b, size_t e) {
  int run = 0;
  bool line_break = false;
  for (size_t k = b; k < e; ++k) {
    const u8 c = at(s, k);
    if (c == ' ' || c == '\t') {
      if (++run >= 3 && !line_break) return true;
    } else if (c == '\n' || c == '\r') {
      line_break = true;
    } else {
      run = 0, line_break = false;
    }
  }
  return false;
}

/// Skips an ordinal suffix ("st", "nd", "rd", "th") at @p p.
size_t skip_ordinal(string_view s, size_t p) {
  if (ieq_at(s, p, "st") || ieq_at(s, p, "nd") || ieq_at(s, p, "rd") || ieq_at(s, p, "th"))
    return p + 2;
  return p;
}

/// Whether a number (not a time such as "3:12" or "05.00") follows @p p on the same line:
/// a table row ("13  Jul 1261 1265 1264"), not a date.
bool number_follows(string_view s, size_t p) {
  size_t q = p;
  while (q < s.size() && q - p < kMaxGap && (at(s, q) == ' ' || at(s, q) == '\t')) ++q;
  if (q == p || q >= s.size() || !is_digit(at(s, q))) return false;
  const size_t r = digits_end(s, q);
  return !(r + 1 < s.size() && (at(s, r) == ':' || at(s, r) == '.') && is_digit(at(s, r + 1)));
}

/// Whether a time-zone abbreviation follows @p p ("1600 EST": a time, not a year).
bool zone_follows(string_view s, size_t p) {
  static constexpr string_view kZones[] = {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST",
                                           "PDT", "GMT", "BST", "CET", "UTC", "JST", "HKT"};
  if (p + 4 > s.size() || at(s, p) != ' ' || word_char_at(s, p + 4)) return false;
  for (string_view z : kZones)
    if (s.compare(p + 1, 3, z) == 0) return true;
  return false;
}

/// A four-digit year at @p p that ends cleanly ("2019", "2019’s", not "20195", "2019.5",
/// "1261 1265", "1600 EST").
bool year_at(string_view s, size_t p, int lo, int hi, int* year) {
  if (p + 4 > s.size() || digits_end(s, p) != p + 4) return false;
  if (word_char_at(s, p + 4) || !clean_end(s, p + 4) || number_follows(s, p + 4)) return false;
  const int y = (at(s, p) - '0') * 1000 + (at(s, p + 1) - '0') * 100 + (at(s, p + 2) - '0') * 10 +
                (at(s, p + 3) - '0');
  if (y < lo || y > hi) return false;
  if (y % 100 < 60 && y / 100 < 24 && zone_follows(s, p + 4)) return false;
  *year = y;
  return true;
}

constexpr int kMinYear = 1500, kMaxYear = 2999;            // with a day
constexpr int kMinYearMonth = 1800, kMaxYearMonth = 2199;  // "June 2019"

/// ", 2025" / " 2025" after a day: the year of a full date.
bool year_after_day(string_view s, size_t p, int* year, size_t* end) {
  if (p < s.size() && at(s, p) == ',') ++p;
  const size_t q = skip_space(s, p);
  if (q == p || !year_at(s, q, kMinYear, kMaxYear, year)) return false;
  *end = q + 4;
  return true;
}

/// Digits at a clean start: "2025-01-22" (or 2025/01/22), "22 January 2025",
/// "22nd of Jan. 2025". Returns where scanning resumes.
size_t date_digits(string_view s, size_t i, std::vector<Entity>& out) {
  const size_t r = digits_end(s, i);
  const size_t len = r - i;
  const size_t sz = s.size();
  if (!clean_start(s, i)) return r;
  if (len == 4) {
    if (r + 5 >= sz || (at(s, r) != '-' && at(s, r) != '/')) return r;
    const u8 sep = at(s, r);
    if (!(is_digit(at(s, r + 1)) && is_digit(at(s, r + 2)) && at(s, r + 3) == sep &&
          is_digit(at(s, r + 4)) && is_digit(at(s, r + 5))))
      return r;
    const size_t end = r + 6;
    if (end < sz) {
      const u8 c = at(s, end);
      const bool iso_time = c == 'T' && end + 1 < sz && is_digit(at(s, end + 1));
      if (is_digit(c) || (word_char_at(s, end) && !iso_time)) return r;
      if ((c == '-' || c == '/' || c == '.') && end + 1 < sz && is_digit(at(s, end + 1))) return r;
    }
    CivilDate d{(at(s, i) - '0') * 1000 + (at(s, i + 1) - '0') * 100 + (at(s, i + 2) - '0') * 10 +
                    (at(s, i + 3) - '0'),
                (at(s, r + 1) - '0') * 10 + (at(s, r + 2) - '0'),
                (at(s, r + 4) - '0') * 10 + (at(s, r + 5) - '0')};
    if (d.year < kMinYear || d.year > kMaxYear || !valid_day(d)) return r;
    emit_date(out, s, i, end, d);
    return end;
  }
  if (len > 2) return r;
  const int day = len == 1 ? at(s, i) - '0' : (at(s, i) - '0') * 10 + (at(s, i + 1) - '0');
  const size_t p = skip_ordinal(s, r);
  if (word_char_at(s, p)) return r;
  NextWord mw = next_word(s, p, false);
  if (is(mw, Cat::of)) mw = next_word(s, mw.e, false);
  if (!is(mw, Cat::month)) return r;
  size_t q = mw.e;
  if ((mw.w->flags & kAbbrev) && q < sz && at(s, q) == '.') ++q;
  CivilDate d{0, mw.w->value, day};
  size_t end;
  if (!year_after_day(s, q, &d.year, &end) || !valid_day(d) || table_like(s, i, end)) return r;
  emit_date(out, s, i, end, d);
  return end;
}

/// Whether the word before @p b (across a space) is a month name.
bool prev_word_is_month(string_view s, size_t b) {
  size_t k = b;
  while (k > 0 && b - k < 3 && at(s, k - 1) == ' ') --k;
  if (k == b) return false;
  const size_t e = k;
  while (k > 0 && e - k <= kMaxWordLen && is_alpha(at(s, k - 1))) --k;
  if (k == e || word_char_before(s, k)) return false;
  const Word* w = lookup(s, k, e);
  return w && w->cat == Cat::month;
}

/// A month name at [b, e): "Jan. 22, 2025", "January 22 2025", "June 2019", "Sept. 2024".
size_t date_month(string_view s, size_t b, size_t e, const Word* w, std::vector<Entity>& out) {
  const size_t sz = s.size();
  size_t p = e;
  if ((w->flags & kAbbrev) && p < sz && at(s, p) == '.') ++p;
  bool comma = false;
  size_t q = skip_space(s, p);
  if (q == p) {
    if (!(p < sz && at(s, p) == ',')) return e;
    comma = true;  // "June, 2019"
    q = skip_space(s, p + 1);
    if (q == p + 1) return e;
  }
  if (q >= sz || !is_digit(at(s, q))) return e;
  const size_t r = digits_end(s, q);
  if (r - q == 4) {
    CivilDate d{0, w->value, 0};
    if (!year_at(s, q, kMinYearMonth, kMaxYearMonth, &d.year)) return e;
    if (prev_word_is_month(s, b)) return e;  // archive menus: "Oct Nov Dec 2016 Jan Feb"
    if (table_like(s, b, r)) return e;
    emit_date(out, s, b, r, d);
    return r;
  }
  if (comma || r - q > 2) return e;
  const int day = r - q == 1 ? at(s, q) - '0' : (at(s, q) - '0') * 10 + (at(s, q + 1) - '0');
  const size_t t = skip_ordinal(s, r);
  if (word_char_at(s, t) || !clean_end(s, t)) return e;
  CivilDate d{0, w->value, day};
  size_t end;
  if (!year_after_day(s, t, &d.year, &end) || !valid_day(d) || table_like(s, b, end)) return e;
  emit_date(out, s, b, end, d);
  return end;
}

/// "yesterday", "today", "tomorrow", "last Tuesday", "next Monday", "last month",
/// "next year", "this year" resolved against the published date.
size_t date_relative(string_view s, size_t b, size_t e, const Word* w, const CivilDate& pub,
                     std::vector<Entity>& out) {
  if (word_char_at(s, e)) return e;
  if (w->cat == Cat::rel_day) {
    if (!valid_day(pub)) return e;
    const CivilDate d = civil_from_days(days_from_civil(pub.year, pub.month, pub.day) + w->value);
    if (valid_year(d.year)) emit_date(out, s, b, e, d);
    return e;
  }
  const NextWord nw = next_word(s, e, false);
  if (!nw.w) return e;
  const Cat c = nw.w->cat;
  if (c != Cat::weekday && c != Cat::month_word && c != Cat::year_word) return e;
  if (prev_word_is(s, b, "the")) return e;  // "over the next year" is a span of time
  const int dir = w->value;
  if (c == Cat::weekday) {
    if (dir == 0 || !valid_day(pub)) return e;
    const long long today = days_from_civil(pub.year, pub.month, pub.day);
    const int wd = weekday(today);
    int delta = dir < 0 ? (wd - nw.w->value + 7) % 7 : (nw.w->value - wd + 7) % 7;
    if (delta == 0) delta = 7;
    const CivilDate d = civil_from_days(today + dir * delta);
    if (valid_year(d.year)) emit_date(out, s, b, nw.e, d);
  } else if (c == Cat::month_word) {
    if (!valid_month(pub)) return e;
    int m = pub.month + dir, y = pub.year;
    if (m == 0) m = 12, --y;
    if (m == 13) m = 1, ++y;
    if (valid_year(y)) emit_date(out, s, b, nw.e, CivilDate{y, m, 0});
  } else {
    if (!valid_year(pub.year) || !valid_year(pub.year + dir)) return e;
    emit_date(out, s, b, nw.e, CivilDate{pub.year + dir, 0, 0});
  }
  return nw.e;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Public entry points

namespace {

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

/// Classifies 64 bytes at @p p: bit k of each mask for byte p[k].
inline void classify64(const u8* p, std::uint64_t* digit, std::uint64_t* letter,
                       std::uint64_t* word, std::uint64_t* any) {
  std::uint64_t d = 0, l = 0, u = 0, a = 0;
#if defined(__SSE2__)
  const __m128i c0 = _mm_set1_epi8('0'), c9 = _mm_set1_epi8(9), c20 = _mm_set1_epi8(0x20);
  const __m128i ca = _mm_set1_epi8('a'), c25 = _mm_set1_epi8(25), cu = _mm_set1_epi8('_');
  const __m128i cd = _mm_set1_epi8('$'), cc2 = _mm_set1_epi8(static_cast<char>(0xC2));
  const __m128i ce2 = _mm_set1_epi8(static_cast<char>(0xE2));
  for (int k = 0; k < 4; ++k) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i xd = _mm_sub_epi8(x, c0);
    const __m128i md = _mm_cmpeq_epi8(_mm_min_epu8(xd, c9), xd);
    const __m128i xa = _mm_sub_epi8(_mm_or_si128(x, c20), ca);
    const __m128i ml = _mm_cmpeq_epi8(_mm_min_epu8(xa, c25), xa);
    const __m128i mu = _mm_cmpeq_epi8(x, cu);
    const __m128i ma = _mm_or_si128(_mm_cmpeq_epi8(x, cd),
                                    _mm_or_si128(_mm_cmpeq_epi8(x, cc2), _mm_cmpeq_epi8(x, ce2)));
    const int sh = 16 * k;
    d |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(md))} << sh;
    l |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(ml))} << sh;
    u |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(mu))} << sh;
    a |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(ma))} << sh;
  }
#else
  for (int k = 0; k < 64; ++k) {
    const u8 c = p[k];
    const std::uint64_t bit = std::uint64_t{1} << k;
    if (is_digit(c)) d |= bit;
    if (is_alpha(c)) l |= bit;
    if (c == '_') u |= bit;
    if (c == '$' || c == 0xC2 || c == 0xE2) a |= bit;
  }
#endif
  *digit = d, *letter = l, *word = d | l | u, *any = a;
}

/// The trigger masks of @p s, in a per-thread buffer valid until the next call.
const std::vector<TriggerBlock>& trigger_blocks(string_view s) {
  thread_local std::vector<TriggerBlock> blocks;
  const size_t n = s.size();
  const size_t nb = (n + 63) / 64;
  blocks.resize(nb);
  const auto* p = reinterpret_cast<const u8*>(s.data());
  std::uint64_t carry_word = 0, carry_digit = 0;  // byte 63 of the block before
  for (size_t b = 0; b < nb; ++b) {
    std::uint64_t d, l, w, a;
    if (64 * b + 64 <= n) {
      classify64(p + 64 * b, &d, &l, &w, &a);
    } else {
      u8 tail[64] = {};  // NUL bytes trigger nothing
      std::memcpy(tail, p + 64 * b, n - 64 * b);
      classify64(tail, &d, &l, &w, &a);
    }
    const std::uint64_t word_before = w << 1 | carry_word;
    const std::uint64_t digit_before = d << 1 | carry_digit;
    blocks[b] = {d & ~word_before, d & ~digit_before, l & ~word_before, a, l};
    carry_word = w >> 63, carry_digit = d >> 63;
  }
  return blocks;
}

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

constexpr bool is_money_trigger_word(const Word& w) {
  switch (w.cat) {
    case Cat::unit:
    case Cat::tens:
    case Cat::hundred:
    case Cat::a:
    case Cat::half:
    case Cat::quarter:
    case Cat::code:
    case Cat::rs:
      return true;
    case Cat::scale:
      return (w.flags & kAdjective) != 0;
    default:
      return false;
  }
}

constexpr bool is_relative_date_word(const Word& w) {
  return w.cat == Cat::rel_day || w.cat == Cat::rel_dir;
}

/// Bloom filters over the first four letters (case-folded, zero-padded) of the money
/// keywords (number words, "billion"-style adjectives, currency codes, "Rs") and of the
/// relative date words: a word whose bit is clear is none of them and triggers nothing.
/// Exact-case keywords are checked by the table probe after.
constexpr size_t kPrefixBits = 12;
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
constexpr PrefixBloom kMoneyPrefixes = make_prefix_bloom(is_money_trigger_word);
constexpr PrefixBloom kDatePrefixes = make_prefix_bloom(is_relative_date_word);

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

/// The month name (possibly abbreviated, with a dot or a comma) just before the number at
/// @p i, as in "Jan. 22", "June 2019", "June, 2019"; not before @p floor.
const Word* month_before(string_view s, size_t i, size_t floor, size_t* wb, size_t* we) {
  size_t k = i;
  while (k > floor && i - k < kMaxGap) {
    const u8 c = at(s, k - 1);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      --k;
    } else if (c == 0xA0 && k - 1 > floor && at(s, k - 2) == 0xC2) {
      k -= 2;
    } else {
      break;
    }
  }
  if (k == i) return nullptr;
  if (k > floor && (at(s, k - 1) == '.' || at(s, k - 1) == ',')) --k;
  const size_t e = k;
  while (k > floor && e - k <= kMaxWordLen && is_alpha(at(s, k - 1))) --k;
  if (k == e || e - k > kMaxWordLen || word_char_before(s, k)) return nullptr;
  const Word* w = lookup(s, k, e);
  if (!w || w->cat != Cat::month) return nullptr;
  *wb = k, *we = e;
  return w;
}

void money_pass(string_view s, const std::vector<TriggerBlock>& blocks, std::vector<Entity>& out) {
  const size_t n = s.size();
  scan_triggers(
      blocks, [](const TriggerBlock& b) { return b.digit_start | b.letter_start | b.anywhere; },
      [&](size_t i) -> size_t {
        const u8 c = at(s, i);
        if (is_alpha(c)) {
          if (!may_be_keyword(kMoneyPrefixes, s, blocks, i)) return i;
          WordKey key;
          const size_t e = scan_word(s, i, &key);
          if (word_char_before(s, i)) return e;
          const Word* w = lookup_key(key, s, i, e);
          return w ? money_word(s, i, e, w, out) : e;
        }
        if (is_digit(c)) return money_number(s, i, out);
        if (c == '$') return money_dollar(s, i, out);
        if (c == 0xC2 && i + 1 < n) {
          const u8 c1 = at(s, i + 1);
          if (c1 == 0xA3) return money_sign(s, i, 2, "GBP", out);
          if (c1 == 0xA5) return money_sign(s, i, 2, "JPY", out);
        } else if (c == 0xE2 && i + 2 < n && at(s, i + 1) == 0x82) {
          const u8 c2 = at(s, i + 2);
          if (c2 == 0xAC) return money_sign(s, i, 3, "EUR", out);
          if (c2 == 0xB9) return money_sign(s, i, 3, "INR", out);
          if (c2 == 0xA9) return money_sign(s, i, 3, "KRW", out);
          if (c2 == 0xBD) return money_sign(s, i, 3, "RUB", out);
        }
        return i + 1;
      });
}

/// A percentage at the digit @p i (the byte before no digit); returns where scanning
/// resumes.
size_t percent_at(string_view s, size_t i, std::vector<Entity>& out) {
  const size_t n = s.size();
  if (!clean_start(s, i)) return digits_end(s, i);
  const Num num = parse_num(s, i);
  const size_t start = i;
  if (!num.ok || !clean_end(s, num.e)) return num.e;
  // The unit: "%", "％", "percent", "per cent", "pct", "percentage point(s)".
  const size_t q = skip_space(s, num.e);
  size_t end = 0;
  if (q < n && at(s, q) == '%') {
    if (!(q + 1 < n && is_alnum(at(s, q + 1)))) end = q + 1;  // not "%20" (URL escape)
  } else if (q + 2 < n && at(s, q) == 0xEF && at(s, q + 1) == 0xBC && at(s, q + 2) == 0x85) {
    end = q + 3;
  } else if (q < n && is_alpha(at(s, q))) {
    const size_t t = word_end(s, q);
    if (!word_char_at(s, t)) {
      const string_view w = s.substr(q, t - q);
      if (w.size() == 7 && ieq_at(s, q, "percent")) {
        end = t;
      } else if (w.size() == 3 && ieq_at(s, q, "pct")) {
        end = t;
      } else if (w.size() == 3 && ieq_at(s, q, "per")) {
        size_t u = skip_space(s, t);
        if (u == t && u < n && at(s, u) == '-') ++u;
        if (u > t && word_at(s, u, "cent")) end = u + 4;
      } else if (w.size() == 10 && ieq_at(s, q, "percentage")) {
        size_t u = skip_space(s, t);
        if (u == t && u < n && at(s, u) == '-') ++u;
        if (u > t && word_at(s, u, "points"))
          end = u + 6;
        else if (u > t && word_at(s, u, "point"))
          end = u + 5;
      }
    }
  }
  if (end == 0) return num.e;
  // A leading minus: "-2.5%", "−2.5%" (U+2212), but not the dash of "10-15%".
  size_t b = start;
  bool neg = false;
  if (start >= 1 && at(s, start - 1) == '-' &&
      !(start >= 2 && (is_alnum(at(s, start - 2)) || at(s, start - 2) == '-'))) {
    b = start - 1, neg = true;
  } else if (start >= 3 && at(s, start - 3) == 0xE2 && at(s, start - 2) == 0x88 &&
             at(s, start - 1) == 0x92) {
    b = start - 3, neg = true;
  }
  // Key: the number without grouping, leading zeros or trailing fraction zeros.
  std::string key;
  std::string_view digits = s.substr(num.b, num.e - num.b);
  const size_t dot = digits.find('.');
  const string_view ip = digits.substr(0, dot);
  string_view fp = dot == string_view::npos ? string_view{} : digits.substr(dot + 1);
  while (!fp.empty() && fp.back() == '0') fp.remove_suffix(1);
  for (char ch : ip)
    if (ch != ',' && !(key.empty() && ch == '0')) key.push_back(ch);
  if (key.empty()) key.push_back('0');
  if (!fp.empty()) key.append(".").append(fp);
  if (neg && key != "0") key.insert(key.begin(), '-');
  const double value = static_cast<double>(neg ? -num.value : num.value);
  out.push_back(Entity{EntityKind::percent, std::move(key), std::string(s.substr(b, end - b)), b,
                       end, value});
  return end;
}

void percent_pass(string_view s, const std::vector<TriggerBlock>& blocks,
                  std::vector<Entity>& out) {
  scan_triggers(
      blocks, [](const TriggerBlock& b) { return b.digit_first; },
      [&](size_t i) { return percent_at(s, i, out); });
}

void dates_pass(string_view s, const std::vector<TriggerBlock>& blocks,
                const std::optional<CivilDate>& published, std::vector<Entity>& out) {
  const size_t base = out.size();
  size_t floor = 0;  // end of the last date found: look-back stops there
  const std::uint64_t letters = published ? ~std::uint64_t{0} : 0;
  scan_triggers(
      blocks,
      [letters](const TriggerBlock& b) { return b.digit_start | (b.letter_start & letters); },
      [&](size_t i) -> size_t {
        size_t next;
        if (is_digit(at(s, i))) {
          size_t wb, we;
          next = i;
          if (const Word* w = month_before(s, i, floor, &wb, &we))
            next = date_month(s, wb, we, w, out);
          if (next <= i) next = date_digits(s, i, out);
        } else {
          if (!may_be_keyword(kDatePrefixes, s, blocks, i)) return i;
          WordKey key;
          const size_t e = scan_word(s, i, &key);
          next = e;
          const Word* w = word_char_before(s, i) ? nullptr : lookup_key(key, s, i, e);
          if (w && (w->cat == Cat::rel_day || w->cat == Cat::rel_dir))
            next = date_relative(s, i, e, w, *published, out);
        }
        if (out.size() > base) floor = out.back().end;
        return next;
      });
}

}  // namespace

void find_money(std::string_view s, std::vector<Entity>& out) {
  money_pass(s, trigger_blocks(s), out);
}

void find_percent(std::string_view s, std::vector<Entity>& out) {
  percent_pass(s, trigger_blocks(s), out);
}

void find_dates(std::string_view s, const std::optional<CivilDate>& published,
                std::vector<Entity>& out) {
  dates_pass(s, trigger_blocks(s), published, out);
}

void find_numeric(std::string_view s, const std::optional<CivilDate>& published,
                  std::vector<Entity>& out) {
  const std::vector<TriggerBlock>& blocks = trigger_blocks(s);
  money_pass(s, blocks, out);
  percent_pass(s, blocks, out);
  dates_pass(s, blocks, published, out);
}

std::optional<CivilDate> find_published_date(std::string_view head) {
  // The first five non-empty lines, at most 600 bytes.
  size_t limit = std::min<size_t>(head.size(), 600);
  int lines = 0;
  for (size_t p = 0; p < limit;) {
    size_t nl = head.find('\n', p);
    if (nl == string_view::npos || nl >= limit) break;
    if (head.substr(p, nl - p).find_first_not_of(" \t\r") != string_view::npos && ++lines == 5) {
      limit = nl;
      break;
    }
    p = nl + 1;
  }
  std::vector<Entity> dates;
  find_dates(head.substr(0, limit), std::nullopt, dates);
  for (const Entity& e : dates)
    if (e.key.size() == 10) return parse_iso_date(e.key);
  return std::nullopt;
}

std::optional<CivilDate> parse_iso_date(std::string_view s) {
  auto digits = [&](size_t b, size_t len, int* v) {
    *v = 0;
    for (size_t k = b; k < b + len; ++k) {
      if (!is_digit(at(s, k))) return false;
      *v = *v * 10 + (at(s, k) - '0');
    }
    return true;
  };
  CivilDate d;
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  if (!digits(0, 4, &d.year) || !valid_year(d.year)) return std::nullopt;
  if (s.size() >= 7) {
    if (s[4] != '-' || !digits(5, 2, &d.month) || !valid_month(d)) return std::nullopt;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !digits(8, 2, &d.day) || !valid_day(d)) return std::nullopt;
  }
  return d;
}

}  // namespace detail
}  // namespace newsdex
