#pragma once
// UTF-8, the one decoder of newsdex (RFC 3629: no overlongs, no surrogates, nothing past
// U+10FFFF): the readers validate records with it and the entity recognisers decode with it.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsdex::utf8 {

/// Decodes the sequence at p[i] (i < n) into @p cp. Returns its length (2-4; 1 for ASCII),
/// or 0 if the bytes at @p i are not a valid sequence (cp is then unspecified).
inline int decode(const unsigned char* p, std::size_t n, std::size_t i, std::uint32_t& cp) {
  const unsigned char c = p[i];
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  int len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF)
    len = 2, cp = c & 0x1F;
  else if (c == 0xE0)
    len = 3, lo = 0xA0, cp = c & 0x0F;
  else if (c >= 0xE1 && c <= 0xEC)
    len = 3, cp = c & 0x0F;
  else if (c == 0xED)
    len = 3, hi = 0x9F, cp = c & 0x0F;
  else if (c >= 0xEE && c <= 0xEF)
    len = 3, cp = c & 0x0F;
  else if (c == 0xF0)
    len = 4, lo = 0x90, cp = c & 0x07;
  else if (c >= 0xF1 && c <= 0xF3)
    len = 4, cp = c & 0x07;
  else if (c == 0xF4)
    len = 4, hi = 0x8F, cp = c & 0x07;
  else
    return 0;
  if (i + static_cast<std::size_t>(len) > n) return 0;
  if (p[i + 1] < lo || p[i + 1] > hi) return 0;
  cp = (cp << 6) | (p[i + 1] & 0x3F);
  for (int k = 2; k < len; ++k) {
    const unsigned char b = p[i + static_cast<std::size_t>(k)];
    if (b < 0x80 || b > 0xBF) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  return len;
}

/// Byte offset of the first invalid sequence, or npos if @p s is valid UTF-8.
inline std::size_t first_invalid(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= n) {
      unsigned long long w;
      __builtin_memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    std::uint32_t cp;
    const int len = decode(p, n, i, cp);
    if (len == 0) return i;
    i += static_cast<std::size_t>(len);
  }
  return std::string_view::npos;
}

}  // namespace newsdex::utf8
