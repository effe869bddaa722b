#pragma once
// Edit distance of two short words: insertions, deletions, substitutions and swaps of two
// adjacent bytes (optimal string alignment), stopping early past a bound. Used for the
// misspelt field names of the query parser and for did-you-mean (suggest.cc), which runs
// it over thousands of vocabulary terms per query word: one reused row triple, no
// allocation per call once the rows are as long as the words.
#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace newsdex::detail {

/// The distance of @p a and @p b, or @p bound + 1 once it must exceed @p bound.
inline std::size_t edit_distance(std::string_view a, std::string_view b,
                                 std::size_t bound = std::size_t(-1) / 2) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > bound) return bound + 1;
  thread_local std::vector<std::size_t> rows;
  rows.assign(3 * (m + 1), 0);
  std::size_t* prev2 = rows.data();
  std::size_t* prev = prev2 + (m + 1);
  std::size_t* cur = prev + (m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > bound) return bound + 1;
    std::size_t* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return std::min(prev[m], bound + 1);
}

}  // namespace newsdex::detail
