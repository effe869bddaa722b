#include "remove.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "newsdex/indexer.h"

namespace newsdex::cli {

CLI::App* add_remove_command(CLI::App& app, RemoveArgs& a) {
  auto* cmd = app.add_subcommand(
      "remove", "Delete documents by id (a later index run of their source adds them back)");
  cmd->add_option("--db", a.db, "Database directory")->required()->check(CLI::ExistingDirectory);
  cmd->add_option("ids", a.ids, "Document ids (as `search` shows them)")->required();
  cmd->add_flag("--json", a.json, "Print what was removed as JSON");
  return cmd;
}

int run_remove(const RemoveArgs& a) {
  Indexer indexer(a.db);
  std::vector<std::string> removed, missing;
  for (const auto& id : a.ids) (indexer.remove(id) ? removed : missing).push_back(id);
  indexer.commit();
  if (a.json) {
    std::cout << nlohmann::json{{"db", a.db}, {"removed", removed}, {"not_found", missing}}.dump()
              << "\n";
  } else {
    std::printf("%s: %zu removed, %zu not found\n", a.db.c_str(), removed.size(), missing.size());
    for (const auto& id : missing) std::printf("  not found: %s\n", id.c_str());
  }
  if (!missing.empty())
    spdlog::error("{} of {} ids are not in {}", missing.size(), a.ids.size(), a.db);
  return missing.empty() ? 0 : 1;
}

}  // namespace newsdex::cli
