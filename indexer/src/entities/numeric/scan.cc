// Trigger blocks: the one vectorised pass over a text that classifies every byte and
// keeps, per 64-byte block, the positions where a numeric recogniser may start (see
// "Triggers" in scan.h).

#include "entities/numeric/scan.h"

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdex::detail::numeric {
namespace {

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

}  // namespace

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

}  // namespace newsdex::detail::numeric
