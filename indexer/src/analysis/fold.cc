#include "analysis/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace newsdex::detail {

bool fold_latin_marks(icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return false;
  // Nothing to do when NFD would change nothing and there is no mark: the common case of a
  // non-ASCII word without accents (`’`, `€`, CJK) is one quick check.
  bool marks = false;
  icu::UnicodeString scratch;
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    if (c >= 0xC0 && (u_charType(c) == U_NON_SPACING_MARK || nfd->getDecomposition(c, scratch))) {
      marks = true;
      break;
    }
    i += U16_LENGTH(c);
  }
  if (!marks) return true;
  icu::UnicodeString decomposed, kept;
  nfd->normalize(s, decomposed, status);
  if (U_FAILURE(status)) return false;
  bool latin_base = false;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) {
      if (!latin_base) kept.append(c);
      continue;
    }
    UErrorCode sc = U_ZERO_ERROR;
    latin_base = uscript_getScript(c, &sc) == USCRIPT_LATIN && U_SUCCESS(sc);
    kept.append(c);
  }
  icu::UnicodeString composed;
  nfc->normalize(kept, composed, status);
  if (U_FAILURE(status)) return false;
  s.fastCopyFrom(composed);
  return true;
}

std::string fold_accents(std::string_view utf8) {
  bool ascii = true;
  for (unsigned char c : utf8)
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) return std::string(utf8);
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size())));
  std::string out;
  if (!fold_latin_marks(u)) return std::string(utf8);
  u.toUTF8String(out);
  return out;
}

std::string fold_name_key(std::string_view utf8) {
  std::string out = fold_accents(utf8);
  // U+2019 and U+2018 (E2 80 99 / 98) and U+02BC (CA BC): the ASCII apostrophe.
  std::size_t w = 0;
  for (std::size_t r = 0; r < out.size();) {
    const auto c = static_cast<unsigned char>(out[r]);
    if (c == 0xE2 && r + 2 < out.size() && static_cast<unsigned char>(out[r + 1]) == 0x80 &&
        (static_cast<unsigned char>(out[r + 2]) == 0x99 ||
         static_cast<unsigned char>(out[r + 2]) == 0x98)) {
      out[w++] = '\'';
      r += 3;
    } else if (c == 0xCA && r + 1 < out.size() && static_cast<unsigned char>(out[r + 1]) == 0xBC) {
      out[w++] = '\'';
      r += 2;
    } else {
      out[w++] = out[r++];
    }
  }
  out.resize(w);
  return out;
}

}  // namespace newsdex::detail
