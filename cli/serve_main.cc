// newsdex-serve: the HTTP server behind `newsdex serve` (which runs this executable with its
// own arguments). A program of its own so that only the server links the HTTP library and
// what it brings (OpenSSL, brotli): see cli/main.cc.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>

#include "output.h"
#include "serve.h"

using namespace newsdex;

int main(int argc, char** argv) {
  auto logger = spdlog::stderr_color_mt("newsdex");
  logger->set_pattern("newsdex: %^%l%$: %v");
  spdlog::set_default_logger(logger);

  CLI::App app{"newsdex serve — the JSON API and search page over HTTP"};
  app.require_subcommand(1);
  bool verbose = false, quiet = false;
  app.add_flag("-v,--verbose", verbose, "More log output on stderr");
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr");
  cli::ServeArgs args;
  cli::add_serve_command(app, args);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  spdlog::set_level(quiet     ? spdlog::level::err
                    : verbose ? spdlog::level::debug
                              : spdlog::level::info);
  return cli::exit_status([&] { return cli::run_serve(args); });
}
