#pragma once
// What the commands print: search and stats results as JSON (docs/json.md) and as text for
// people, and the search options that arrive as strings (command line, HTTP parameters).
// One place, so that `newsdex search --json` and every other front end say the same thing.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newsdex/searcher.h"

namespace newsdex::cli {

/// Search options given as words, as on the command line.
struct SearchParams {
  std::string match = "all";          ///< all | any
  std::string facets;                 ///< comma-separated kinds, or "all"
  std::string date_bucket = "month";  ///< year | month | day
  bool sample = false;                ///< count facets over a sample
  bool no_collapse = false;           ///< every copy of a story, not one hit per story
};

/// Parses "company,person" or "all". @throws newsdex::ConfigError naming an unknown kind.
std::vector<EntityKind> parse_kinds(const std::string& list);

/// Fills @p req from @p params. @throws newsdex::ConfigError for a bad value.
void apply_search_params(SearchRequest& req, const SearchParams& params);

/// The snippet with its highlights in bold (ANSI) when @p bold, else plain.
std::string highlighted(const Hit& hit, bool bold);

/// One facet's counts: [{key, label, count}...].
nlohmann::json facet_json(const FacetResult& facet);

/// The JSON of `newsdex search --json` (docs/json.md).
nlohmann::json search_json(const SearchResults& results, const SearchRequest& request);

/// The text of `newsdex search` for people.
std::string search_text(const SearchResults& results, const std::string& query, bool bold);

/// The JSON of `newsdex stats --json`; @p dbs as given.
nlohmann::json stats_json(const DatabaseStats& stats, const std::vector<std::string>& dbs);

/// The text of `newsdex stats`.
std::string stats_text(const DatabaseStats& stats, const std::vector<std::string>& dbs);

}  // namespace newsdex::cli
