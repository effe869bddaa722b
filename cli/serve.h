#pragma once
// `newsdex serve`: a read-only HTTP front end (docs/http.md). serve.cc runs the server (the
// worker pool, one Searcher per worker, signals, the access log) and answers the JSON API;
// serve_page.cc renders the search page at `/` as plain HTML.

#include <CLI/CLI.hpp>
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/searcher.h"

namespace newsdex::cli {

/// What `newsdex serve` is given on the command line.
struct ServeArgs {
  std::vector<std::string> dbs;
  std::string listen = "127.0.0.1:8080";  ///< HOST:PORT; port 0 picks a free one
  std::size_t workers = 0;                ///< 0: one per core
  double time_limit_ms = 1000;            ///< per search (SearchRequest::time_limit_ms)
  SearcherOptions options;
};

/// Registers the `serve` subcommand.
CLI::App* add_serve_command(CLI::App& app, ServeArgs& a);

/// Serves until SIGTERM or SIGINT, then drains the requests under way and returns 0.
int run_serve(const ServeArgs& a);

/// Limits of what a request may ask (docs/http.md).
inline constexpr std::size_t kMaxQueryBytes = 1024;  ///< longer `q`: 414
inline constexpr std::size_t kMaxLimit = 100;        ///< `limit` above it is lowered to it
inline constexpr std::size_t kMaxFacetSize = 100;    ///< likewise `facet_size` and `top`
inline constexpr std::size_t kMaxOffset = 10000;     ///< a larger `offset`: 400

/// A request that cannot be answered: its HTTP status, a message, and for a malformed
/// query the byte position of the problem.
struct HttpError : std::runtime_error {
  HttpError(int http_status, const std::string& message, std::optional<std::size_t> at = {})
      : std::runtime_error(message), status(http_status), position(at) {}
  int status;
  std::optional<std::size_t> position;
};

/// Query-string parameters (name → value; a name may repeat), as cpp-httplib gives them.
using Params = std::multimap<std::string, std::string>;

/// The value of parameter @p name as a whole number: @p fallback when absent, @p max when
/// larger and @p clamp, else. @throws HttpError 400 when it is not a whole number or is
/// larger than @p max without @p clamp.
std::size_t number_param(const Params& params, const std::string& name, std::size_t fallback,
                         std::size_t max, bool clamp);

/// @p text with &, <, >, " and ' escaped for HTML text and attribute values.
std::string html_escape(std::string_view text);

/// The search page for @p params (q, f..., offset, bucket; docs/http.md) searched with
/// @p searcher; @p status is set to 400 when the query is malformed (the page says where).
std::string render_page(Searcher& searcher, const Params& params, const ServeArgs& args,
                        int& status);

/// A stored article as a page (`/documents/ID`).
std::string render_article(const Article& article);

}  // namespace newsdex::cli
