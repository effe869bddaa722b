// newsdex-serve: the HTTP server behind `newsdex serve` (which runs this executable with its
// own arguments). A program of its own so that only the server links the HTTP library and
// what it brings (OpenSSL, brotli): see cli/main.cc.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>

#include "output.h"
#include "serve.h"

using namespace newsdex;

int main(int argc, char** argv) {
  CLI::App app{"newsdex serve — the JSON API and search page over HTTP"};
  app.require_subcommand(1);
  cli::LogFlags log_flags;
  cli::start_logging(app, log_flags);
  cli::ServeArgs args;
  cli::add_serve_command(app, args);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  cli::apply_log_level(log_flags);
  return cli::exit_status([&] { return cli::run_serve(args); });
}
