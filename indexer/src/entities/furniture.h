#pragma once
// Page furniture that varies per page, so the chrome model (index/chrome_pass.h), which
// learns paragraphs a source repeats, leaves it: its names are no entities of the article.
//  - Photo credits: `Photograph: Jane Roe/Getty Images`, `Credit: Jane Roe / NurPhoto via
//    Getty Images`, `Photo by Jane Roe`, `Jane Roe via Getty Images`.
//  - Runs of headlines (related videos or stories, menus): at least kMinHeadlineWords
//    capitalised words in a row, with only short function words, all-capital words and
//    numbers between, within one line, no lower-case word; a semicolon, a sentence's end
//    or two commas within six words end a run (lists of names in prose).
//  - Sign-up forms: a name before `'s Privacy Policy` or `'s Terms`.
//  - A byline's bio line: `By Jo Marr , a senior editor covering Orbitrix and chips.`
//  - An author box: `Jo is a tech reporter at Example. She covers Orbitrix and chips.`
//  - An author's bio at a page's end: `Jo Marr was Example's Tech Editor ...` to the line's end.
// Found from shape and cue words, never from the names themselves.
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "newsdex/entities.h"

namespace newsdex::detail {

/// Capitalised words a run of headlines needs at least.
inline constexpr std::size_t kMinHeadlineWords = 20;

/// The furniture spans [begin, end) of @p text, sorted by begin (they may overlap).
std::vector<std::pair<std::size_t, std::size_t>> furniture_spans(std::string_view text);

/// Removes from @p ents (mentions in @p text) those that begin inside furniture.
void drop_furniture(std::string_view text, std::vector<Entity>& ents);

}  // namespace newsdex::detail
