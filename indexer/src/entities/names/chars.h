#pragma once
// Character classes of the name scanner: the ASCII class table, word-byte flags, the UTF-8
// decoder (core's), the class of a non-ASCII code point, apostrophes and dashes. Internal header,
// shared by the tokenizer, the text helpers and the scanner; everything is inline (called
// per byte or per token).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"
#include "entities/names.h"

namespace newsdex::detail::names {

using u8 = unsigned char;

/// Class of an ASCII byte (kAscii), or of a decoded code point in the tokenizer.
enum CharClass : u8 { kOther = 0, kLowerC, kUpperC, kDigitC, kSpaceC, kNewlineC, kPunctC, kCtrlC };

constexpr std::array<u8, 128> make_ascii_table() {
  std::array<u8, 128> t{};
  for (int c = 0; c < 128; ++c) {
    u8 v = kPunctC;
    if (c >= 'a' && c <= 'z')
      v = kLowerC;
    else if (c >= 'A' && c <= 'Z')
      v = kUpperC;
    else if (c >= '0' && c <= '9')
      v = kDigitC;
    else if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
      v = kSpaceC;
    else if (c == '\n' || c == '\r')
      v = kNewlineC;
    else if (c < 0x20 || c == 0x7f)
      v = kCtrlC;
    t[static_cast<std::size_t>(c)] = v;
  }
  return t;
}
inline constexpr std::array<u8, 128> kAscii = make_ascii_table();

inline constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

/// Bit 7 of each byte of @p w that is an ASCII character in [lo, hi].
inline std::uint64_t ascii_in_range(std::uint64_t w, unsigned lo, unsigned hi) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  const std::uint64_t x = w & ~kHighBits;
  return (x + kOnes * (0x80 - lo)) & ~(x + kOnes * (0x7F - hi)) & ~w & kHighBits;
}

/// TokenFlag bits an ASCII byte adds to the word it is part of; 0 if it ends the word.
inline constexpr auto kAsciiWordFlags = [] {
  std::array<std::uint32_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c >= 'a' && c <= 'z') t[static_cast<std::size_t>(c)] = kHasLower;
    if (c >= 'A' && c <= 'Z') t[static_cast<std::size_t>(c)] = kHasUpper;
    if (c >= '0' && c <= '9') t[static_cast<std::size_t>(c)] = kHasDigit;
  }
  return t;
}();

/// The UTF-8 decoder of the name scanner (tokenizer, lower_utf8, alias matching): core's.
using utf8::decode;

enum class NA : u8 { letter, space, newline, punct };

inline NA classify_non_ascii(std::uint32_t cp) {
  if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) return NA::newline;
  if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F ||
      cp == 0x205F || cp == 0x3000 || cp == 0xFEFF)
    return NA::space;
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return NA::punct;
  if (cp >= 0x2010 && cp <= 0x2BFF) return NA::punct;  // punctuation, currency, symbols
  if (cp >= 0x3001 && cp <= 0x303F) return NA::punct;
  if (cp >= 0xE000 && cp <= 0xF8FF) return NA::punct;  // private use
  if (cp >= 0xFE00 && cp <= 0xFE0F) return NA::punct;  // variation selectors
  if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
    return NA::punct;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return NA::punct;  // emoji
  return NA::letter;
}

inline bool is_apostrophe(std::uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00B4;
}
inline bool is_dash(std::uint32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013;
}

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

/// True if @p s ends with @p suf.
inline bool ends_with(std::string_view s, std::string_view suf) {
  if (s.size() < suf.size()) return false;
  const char* tail = s.data() + (s.size() - suf.size());
  for (std::size_t k = 0; k < suf.size(); ++k)  // short suffixes: no call to memcmp
    if (tail[k] != suf[k]) return false;
  return true;
}

}  // namespace newsdex::detail::names
