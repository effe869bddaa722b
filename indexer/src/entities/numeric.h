#pragma once
// Recognisers for numeric entities: money, percentages and dates. Internal header.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "newsdex/entities.h"

namespace newsdex::detail {

/// Appends money mentions: "$500 billion", "half a trillion dollars", "$1.13bn", "£600m",
/// "€3.5 million", "US$2m", "$1.8 bln", "$728 mil", "Rs 16,189 crore", "17 cents",
/// "billion-dollar", "5 mln dlrs". Key "CUR:AMOUNT" in whole units; Entity::amount set.
/// Absurd amounts (over 1e15 units) are skipped, never overflow.
void find_money(std::string_view text, std::vector<Entity>& out);

/// Appends percentages: "34%", "34 percent", "34 per cent", "3.5 percentage points".
void find_percent(std::string_view text, std::vector<Entity>& out);

/// Appends dates: "Jan. 22, 2025", "January 22, 2025", "22 January 2025", "2025-01-22",
/// "June 2019"; relative dates ("last Tuesday", "next year", "yesterday") only when
/// @p published is given, resolved against it.
void find_dates(std::string_view text, const std::optional<CivilDate>& published,
                std::vector<Entity>& out);

/// find_money, find_percent and find_dates in one: the same mentions appended in the same
/// order (money, then percentages, then dates), the text classified once.
void find_numeric(std::string_view text, const std::optional<CivilDate>& published,
                  std::vector<Entity>& out);

/// How much of an article's start find_published_date() reads.
inline constexpr std::size_t kPublishedDateHeadBytes = 600;

/// The published date stated in the head of an article ("Jan. 22, 2025, 3:12 a.m." or
/// "date 2025-01-22" in its first five non-empty lines, within kPublishedDateHeadBytes of
/// @p text); a full year-month-day date only.
std::optional<CivilDate> find_published_date(std::string_view text);

}  // namespace newsdex::detail
