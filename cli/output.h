#pragma once
// What the commands print: search and stats results as JSON (docs/json.md) and as text for
// people, and the search options that arrive as strings (command line, HTTP parameters).
// One place, so that `newsdex search --json` and every other front end say the same thing.

#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/error.h"
#include "newsdex/searcher.h"

namespace newsdex::cli {

/// Search options given as words, as on the command line.
struct SearchParams {
  std::string match = "best";         ///< best | all | any
  std::string facets;                 ///< comma-separated kinds, or "all"
  std::string date_bucket = "month";  ///< year | month | day
  bool sample = false;                ///< count facets over a sample
  std::string sort = "relevance";     ///< relevance | date | date:asc
  bool no_collapse = false;           ///< every copy of a story, not one hit per story
};

/// "relevance", "date" or "date:asc".
std::string_view sort_name(SortOrder sort);

/// Parses "company,person" or "all". @throws newsdex::ConfigError naming an unknown kind.
/// "source" (the publisher) is not an entity kind: it sets @p source when given, and is an
/// unknown kind when @p source is null.
std::vector<EntityKind> parse_kinds(const std::string& list, bool* source = nullptr);

/// Registers the options of what a search returns on @p cmd (search, similar): --limit/-n,
/// --offset, --facets, --facet-size, --date-bucket, --sort, --sample, --no-collapse.
void add_result_options(CLI::App& cmd, SearchRequest& req, SearchParams& params);

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

/// -v/-q as given on the command line.
struct LogFlags {
  bool verbose = false;
  bool quiet = false;
};

/// The "newsdex: level: message" logger on stderr as the default, and -v/-q on @p app
/// (main.cc, serve_main.cc). Call apply_log_level() once @p app has parsed.
void start_logging(CLI::App& app, LogFlags& flags);
/// Sets the log level -v/-q asked for.
void apply_log_level(const LogFlags& flags);

/// "query error at position N: what", then @p query with a caret under the position.
std::string query_error_text(const QueryError& e, const std::string& query);

/// Runs a command and turns what it throws into a logged error and the exit status: 2 for a
/// usage or query error, 1 for any other failure (main.cc, serve_main.cc).
int exit_status(const std::function<int()>& command);

}  // namespace newsdex::cli
