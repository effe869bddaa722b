#pragma once
// `newsdex aliases`: which person keys count as another across the corpus, and why.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "newsdex/searcher.h"

namespace newsdex::cli {

struct AliasesArgs {
  std::vector<std::string> dbs;
  std::vector<std::string> keys;  ///< only the aliases of these (keys or names), if any
  bool json = false;
  SearcherOptions options;
};

/// Registers the command on @p app; its options fill @p a.
CLI::App* add_aliases_command(CLI::App& app, AliasesArgs& a);
/// Prints the aliases (text or JSON) on stdout; 0, or 1 if none matched the keys asked for.
int run_aliases(const AliasesArgs& a);

}  // namespace newsdex::cli
