#include "similar.h"

#include <cstdio>
#include <iostream>

#include "newsdex/error.h"

namespace newsdex::cli {

CLI::App* add_similar_command(CLI::App& app, SimilarArgs& a) {
  auto* cmd = app.add_subcommand(
      "similar", "More like this: the articles most like one, by id (itself and its copies not)");
  cmd->add_option("--db", a.dbs, "Database directory; several --db are searched as one")
      ->required();
  cmd->add_option("id", a.id, "The article's id (as `search` shows it)")->required();
  cmd->add_option("--filter", a.filter,
                  "Only articles matching this query (docs/query-language.md), e.g. "
                  "'date:2024 company:openai'");
  cmd->add_flag("--json", a.json, "JSON output, as `search --json` (docs/json.md)");
  add_result_options(*cmd, a.req, a.params);
  cmd->add_option("--gazetteer", a.options.gazetteer_dir,
                  "Gazetteer directory (for entity filters: company:msft)");
  return cmd;
}

int run_similar(SimilarArgs& a, bool bold) {
  a.req.query = a.filter;
  apply_search_params(a.req, a.params);
  Searcher searcher(a.dbs, a.options);
  SearchResults r;
  try {
    r = searcher.similar(a.id, a.req);
  } catch (const QueryError& e) {
    std::fprintf(stderr, "newsdex: --filter: %s", query_error_text(e, a.filter).c_str());
    return 2;
  }
  if (a.json) {
    nlohmann::json out = search_json(r, a.req);
    out["similar_to"] = a.id;
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << search_text(
        r, "articles like " + a.id + (a.filter.empty() ? "" : " (" + a.filter + ")"), bold);
  }
  return 0;
}

}  // namespace newsdex::cli
