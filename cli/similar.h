#pragma once
// `newsdex similar --db D ID`: more like this (Searcher::similar), printed as search is.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "newsdex/searcher.h"
#include "output.h"

namespace newsdex::cli {

struct SimilarArgs {
  std::vector<std::string> dbs;
  std::string id;
  std::string filter;  ///< a query whose matches the similar articles must be among
  bool json = false;
  SearchParams params;
  SearchRequest req;
  SearcherOptions options;
};

/// Registers the `similar` subcommand on @p app, its options parsed into @p a.
CLI::App* add_similar_command(CLI::App& app, SimilarArgs& a);

/// Runs it: 0, or 2 for a malformed filter; IndexError (exit 1) for an unknown id.
int run_similar(SimilarArgs& a, bool bold);

}  // namespace newsdex::cli
