#pragma once
// HTML pages as articles: the text of the article (gumbo's HTML5 tree, page furniture
// dropped), its title and published date. The public entry is newsdex::parse_html_article
// (corpus_reader.h); this header holds what the reader checks before parsing.
#include <cstddef>
#include <string>
#include <string_view>

#include "newsdex/article.h"

namespace newsdex::detail {

/// Deepest nesting an HTML page may ask for. The HTML5 tree builder does work in proportion
/// to the open elements at every tag (and gumbo records each parse error with a copy of
/// them), so a page of 60 KB of unclosed `<tr><td><table>` took 2.5 s and 500 MB, and 100 KB
/// of unclosed `<div>` 17 s and 3.2 GB; real pages nest a few dozen deep.
inline constexpr std::size_t kMaxHtmlDepth = 512;

/// How deep the tags of @p html nest, counted cheaply before parsing: elements opened and
/// not yet closed, where void elements (`<br>`, `<img>`...), self-closed tags and elements
/// whose end tag HTML lets one omit (`<p>`, `<li>`, `<td>`...) do not count; comments and
/// the contents of script and style elements are skipped. Linear in the input.
std::size_t html_nesting_depth(std::string_view html);

/// Why @p html is refused before parsing (nested deeper than kMaxHtmlDepth), or empty.
std::string html_rejection(std::string_view html);

/// parse_html_article() of a page html_rejection() accepted (the check not done again).
Article parse_checked_html(std::string_view html);

}  // namespace newsdex::detail
