#pragma once
// newsdex remove --db DB ID...: deletes documents by id.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace newsdex::cli {

struct RemoveArgs {
  std::string db;
  std::vector<std::string> ids;
  bool json = false;
};

/// Registers the command on @p app.
CLI::App* add_remove_command(CLI::App& app, RemoveArgs& args);
/// Runs it: 0 if every id was removed, 1 if some were not in the database.
int run_remove(const RemoveArgs& args);

}  // namespace newsdex::cli
