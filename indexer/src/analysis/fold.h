#pragma once
// Accent folding: Latin letters lose their combining marks (`é` → `e`, `ñ` → `n`, `Việt` →
// `viet`), so `Nestlé` and `Nestle` are one word to the index, the query and the entity keys.
// The text is decomposed (NFD; the analyzer's input is already NFKC case-folded, so this is
// NFKD of the original), every non-spacing mark (Mn) that follows a Latin base letter is
// dropped, and the rest is composed again (NFC): marks of other scripts stay (Cyrillic `й`,
// Devanagari vowel signs), and so do letters that are not base + mark (`ø`, `ł`, `·`).
#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace newsdex::detail {

/// Folds @p s in place; false (and @p s unchanged) on an ICU failure.
bool fold_latin_marks(icu::UnicodeString& s);

/// fold_latin_marks() of UTF-8 text; ASCII is returned as it is, at no cost.
std::string fold_accents(std::string_view utf8);

/// An entity name's key as the index keeps it: fold_accents(), and typographic apostrophes
/// (U+2019, U+2018, U+02BC) as the ASCII one (`o’sullivan` and `o'sullivan` are one key).
std::string fold_name_key(std::string_view utf8);

}  // namespace newsdex::detail
