#pragma once
// `newsdex search` takes a query that may start with '-' (`-google`, `openai -google`):
// CLI11 would read such a word as an option. query_words_last() moves every word of the
// search subcommand that is not one of its options (or an option's value) behind a `--`,
// in the order typed, so that CLI11 sees them as the query; an option's value is attached to
// it (`--db=D`). Negative numbers given to an option stay that option's value, for its check
// to refuse (`--limit -5`).
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace newsdex::cli {

/// @p argv rewritten for CLI11 (see above); unchanged unless @p search is the subcommand.
std::vector<std::string> query_words_last(const CLI::App& app, const CLI::App& search, int argc,
                                          char** argv);

}  // namespace newsdex::cli
