// The text helpers of names.h: lower_utf8 (ASCII fast path, ICU simple case mapping),
// collapse_space, strip_possessive and clamp_utf8. Used by the gazetteer loader, the rules
// and the extractor to make keys.

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "entities/names.h"
#include "entities/names/chars.h"

namespace newsdex::detail {

using names::ascii_lower;
using names::decode;
using names::ends_with;
using names::u8;

std::string lower_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const u8*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {  // a run of ASCII bytes at once
      std::size_t j = i + 1;
      while (j < n && p[j] < 0x80) ++j;
      const std::size_t o = out.size();
      out.resize(o + (j - i));
      char* d = out.data() + o;
      for (std::size_t k = i; k < j; ++k) *d++ = ascii_lower(static_cast<char>(p[k]));
      i = j;
      continue;
    }
    std::uint32_t cp = 0;
    const int len = decode(p, n, i, cp);
    if (len == 0) {
      ++i;
      continue;
    }
    const UChar32 lc = u_tolower(static_cast<UChar32>(cp));
    char buf[4];
    std::int32_t k = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), k, 4, lc, err);
    if (!err) out.append(buf, static_cast<std::size_t>(k));
    i += static_cast<std::size_t>(len);
  }
  return out;
}

std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const u8 c = static_cast<u8>(s[i]);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    std::size_t skip = 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<u8>(s[i + 1]) == 0xA0) space = true, skip = 2;
    if (space) {
      pending = !out.empty();
      i += skip - 1;
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string_view strip_possessive(std::string_view s) {
  if (ends_with(s, "'s") || ends_with(s, "'S")) return s.substr(0, s.size() - 2);
  if (ends_with(s, "\xE2\x80\x99s") || ends_with(s, "\xE2\x80\x99S"))
    return s.substr(0, s.size() - 4);
  if (s.size() > 2 && ends_with(s, "s'")) return s.substr(0, s.size() - 1);
  if (s.size() > 4 && ends_with(s, "s\xE2\x80\x99")) return s.substr(0, s.size() - 3);
  return s;
}

std::string_view clamp_utf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t n = max;
  while (n > 0 && (static_cast<u8>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace newsdex::detail
