#include "aliases_cmd.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace newsdex::cli {

CLI::App* add_aliases_command(CLI::App& app, AliasesArgs& a) {
  auto* cmd = app.add_subcommand(
      "aliases", "Show which person keys count as one person across the corpus, and why");
  cmd->add_option("--db", a.dbs, "Database directory; several --db count as one")
      ->required()
      ->allow_extra_args(false);  // one path per --db: the keys follow
  cmd->add_option("keys", a.keys, "Only the aliases of these people (keys or names)");
  cmd->add_flag("--json", a.json, "JSON output");
  cmd->add_option("--gazetteer", a.options.gazetteer_dir, "Gazetteer directory");
  return cmd;
}

namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return s;
}

}  // namespace

int run_aliases(const AliasesArgs& a) {
  Searcher s(a.dbs, a.options);
  std::vector<EntityAlias> shown;
  for (EntityAlias& e : s.person_aliases()) {
    bool wanted = a.keys.empty();
    for (const std::string& k : a.keys)
      wanted = wanted || lower(k) == e.key || lower(k) == e.canonical;
    if (wanted) shown.push_back(std::move(e));
  }
  if (a.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const EntityAlias& e : shown)
      out.push_back({{"key", e.key},
                     {"canonical", e.canonical},
                     {"label", e.label},
                     {"rule", e.rule},
                     {"key_docs", e.key_docs},
                     {"canonical_docs", e.canonical_docs},
                     {"rival_docs", e.rival_docs}});
    std::puts(out.dump(2).c_str());
  } else {
    for (const EntityAlias& e : shown) {
      std::printf("%-28s -> %-28s %s: %zu documents, full name %zu", e.key.c_str(),
                  e.canonical.c_str(), e.rule.c_str(), e.key_docs, e.canonical_docs);
      if (e.rival_docs) std::printf(", other full names with the surname %zu", e.rival_docs);
      std::printf("\n");
    }
  }
  return shown.empty() && !a.keys.empty() ? 1 : 0;
}

}  // namespace newsdex::cli
