#pragma once
// `newsdex serve-shard`: serves one database to remote searchers (docs/scale-out.md).
#include <CLI/CLI.hpp>
#include <string>

namespace newsdex::cli {

struct ServeShardArgs {
  std::string db;
  std::string listen;
  double idle_timeout_s = 60;
  double active_timeout_s = 60;
};

/// Registers the command and its options on @p app.
CLI::App* add_serve_shard_command(CLI::App& app, ServeShardArgs& a);

/// Serves a.db until SIGINT, SIGTERM or SIGHUP; 0 then, 1 if it cannot serve.
/// @throws newsdex::IndexError for a missing or non-newsdex database; ConfigError for a bad
///         --listen.
int run_serve_shard(const ServeShardArgs& a);

}  // namespace newsdex::cli
