/// @file serve_bench.cc
/// The cost of answering over HTTP: the same faceted query mix run by C concurrent clients
/// against a running `newsdex serve` (GET /api/search) and, in this process, by C threads
/// each with its own newsdex::Searcher on the same databases. Latency p50/p99, throughput,
/// errors (a non-200 answer, or a total that differs from the library's for that query),
/// and the ratios server / library. The server has one worker per core; the library is also
/// run with one thread per core ("library_at_cores"): the same parallelism, without HTTP.
///
///   serve_bench --url http://127.0.0.1:PORT --db DB [--db ...] --queries bench/queries.txt
///               [--clients 8,32] [--requests N] [--facets company,person,product,money,date]
///               [--gazetteer DIR]
///
/// Each query is the first TAB-separated column of a line of the query file; the mix is
/// walked in order by all clients together (request i asks query i mod n). Before timing,
/// every query runs once through each path (untimed): the server's workers and the
/// library's Searchers have loaded what they cache. Output: one JSON object per client
/// count on stdout; bench/serve_bench.sh runs it.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "newsdex/searcher.h"
#include "peers/latency.h"
#include "url_encode.h"  // cli/

namespace {

using Clock = std::chrono::steady_clock;
using bench::percentile;
using bench::read_queries;

struct Args {
  std::string url;
  std::vector<std::string> dbs;
  std::string queries;
  std::vector<std::size_t> clients{8, 32};
  std::size_t requests = 800;
  std::string facets = "company,person,product,money,date";
  std::string gazetteer;
};

struct Run {
  std::vector<double> ms;  // every request's latency
  std::size_t errors = 0;
  double seconds = 0;
};

std::vector<newsdex::EntityKind> kinds(const std::string& list) {
  std::vector<newsdex::EntityKind> out;
  std::size_t pos = 0;
  while (pos <= list.size()) {
    const std::size_t comma = std::min(list.find(',', pos), list.size());
    if (auto k = newsdex::parse_entity_kind(list.substr(pos, comma - pos))) out.push_back(*k);
    pos = comma + 1;
  }
  return out;
}

// Runs @p total requests over @p clients threads; @p ask(thread, i) answers request i and
// returns false for an error.
template <class Ask>
Run run(std::size_t clients, std::size_t total, Ask&& ask) {
  std::atomic<std::size_t> next{0};
  std::vector<Run> per(clients);
  std::vector<std::thread> threads;
  const auto t0 = Clock::now();
  for (std::size_t c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      for (std::size_t i; (i = next++) < total;) {
        const auto s = Clock::now();
        const bool ok = ask(c, i);
        per[c].ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
        if (!ok) ++per[c].errors;
      }
    });
  for (auto& t : threads) t.join();
  Run r;
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  for (const Run& p : per) {
    r.ms.insert(r.ms.end(), p.ms.begin(), p.ms.end());
    r.errors += p.errors;
  }
  std::sort(r.ms.begin(), r.ms.end());
  return r;
}

nlohmann::json summary(const Run& r) {
  return {{"requests", r.ms.size()},        {"errors", r.errors},
          {"seconds", r.seconds},           {"qps", double(r.ms.size()) / r.seconds},
          {"p50_ms", percentile(r.ms, 50)}, {"p99_ms", percentile(r.ms, 99)}};
}

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: serve_bench --url URL --db DB [--db DB...] --queries FILE "
               "[--clients 8,32] [--requests N] [--facets KINDS] [--gazetteer DIR]\n");
  std::exit(2);
}

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string f = argv[i];
    if (i + 1 >= argc) usage();
    const std::string v = argv[++i];
    if (f == "--url") {
      a.url = v;
    } else if (f == "--db") {
      a.dbs.push_back(v);
    } else if (f == "--queries") {
      a.queries = v;
    } else if (f == "--clients") {
      a.clients.clear();
      for (std::size_t pos = 0; pos < v.size();) {
        const std::size_t comma = std::min(v.find(',', pos), v.size());
        a.clients.push_back(std::stoul(v.substr(pos, comma - pos)));
        pos = comma + 1;
      }
    } else if (f == "--requests") {
      a.requests = std::stoul(v);
    } else if (f == "--facets") {
      a.facets = v;
    } else if (f == "--gazetteer") {
      a.gazetteer = v;
    } else {
      usage();
    }
  }
  if (a.url.empty() || a.dbs.empty() || a.queries.empty() || a.clients.empty()) usage();
  return a;
}

}  // namespace

int main(int argc, char** argv) try {
  const Args a = parse(argc, argv);
  std::vector<std::string> queries;
  for (const std::string& line : read_queries(a.queries))
    queries.push_back(line.substr(0, line.find('\t')));
  const std::size_t n = queries.size();
  const std::size_t max_clients = *std::max_element(a.clients.begin(), a.clients.end());

  // The library: one Searcher per client thread, as the server has one per worker.
  std::vector<newsdex::Searcher> searchers;
  for (std::size_t c = 0; c < max_clients; ++c)
    searchers.emplace_back(a.dbs, newsdex::SearcherOptions{"english", a.gazetteer});
  std::vector<std::size_t> totals(n);  // the library's answer, the server's must equal it
  auto request = [&](std::size_t q) {
    newsdex::SearchRequest r;
    r.query = queries[q];
    r.facets = kinds(a.facets);
    r.time_limit_ms = 0;
    return r;
  };
  for (std::size_t c = 0; c < max_clients; ++c)  // warm-up, untimed: every Searcher
    for (std::size_t q = 0; q < n; ++q) totals[q] = searchers[c].search(request(q)).total;
  auto library = [&](std::size_t c, std::size_t i) {
    return searchers[c].search(request(i % n)).total == totals[i % n];
  };

  std::vector<std::string> targets;
  for (const std::string& q : queries)
    targets.push_back("/api/search?q=" + newsdex::cli::url_encode(q) + "&facets=" + a.facets);
  std::vector<std::unique_ptr<httplib::Client>> http;
  for (std::size_t c = 0; c < max_clients; ++c) {
    http.push_back(std::make_unique<httplib::Client>(a.url));
    http.back()->set_read_timeout(60, 0);
  }
  auto server = [&](std::size_t c, std::size_t i) {
    auto res = http[c]->Get(targets[i % n]);
    if (!res || res->status != 200) return false;
    const auto body = nlohmann::json::parse(res->body, nullptr, false);
    return body.is_object() && body.contains("total") && body["total"] == totals[i % n];
  };
  std::size_t warm_errors = 0;  // warm-up, untimed: every query reaches the server's workers
  for (std::size_t pass = 0; pass < 2; ++pass)
    warm_errors += run(std::min<std::size_t>(max_clients, 8), n, server).errors;
  if (warm_errors) std::fprintf(stderr, "serve_bench: %zu errors in the warm-up\n", warm_errors);

  // The library as the server runs it: as many threads as it has workers (one per core),
  // so the difference is HTTP alone, not how many searches share the cores.
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const Run lib_cores = run(std::min(cores, max_clients), a.requests, library);
  for (std::size_t clients : a.clients) {
    const Run lib = run(clients, a.requests, library);
    const Run srv = run(clients, a.requests, server);
    nlohmann::json out = {
        {"clients", clients},
        {"queries", n},
        {"facets", a.facets},
        {"library", summary(lib)},
        {"server", summary(srv)},
        {"library_at_cores", summary(lib_cores)},
        {"cores", cores},
        {"ratio",
         {{"p50", percentile(srv.ms, 50) / percentile(lib.ms, 50)},
          {"p99", percentile(srv.ms, 99) / percentile(lib.ms, 99)},
          {"qps", (double(srv.ms.size()) / srv.seconds) / (double(lib.ms.size()) / lib.seconds)},
          {"qps_vs_library_at_cores", (double(srv.ms.size()) / srv.seconds) /
                                          (double(lib_cores.ms.size()) / lib_cores.seconds)}}}};
    std::printf("%s\n", out.dump().c_str());
    std::fflush(stdout);
  }
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "serve_bench: %s\n", e.what());
  return 1;
}
