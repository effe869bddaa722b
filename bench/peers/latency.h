#pragma once
/// @file latency.h
/// The query-latency harness shared by xapian_search, fts5_search and query_bench, so the
/// three engines are timed by the same code (PISA's query benchmark is the model):
///
///  - read the queries (one per line; blank lines and `#` comments skipped);
///  - warm-up: run every query `warmup` times, untimed (page cache, lazily built tables);
///  - then `runs` timed passes over the whole list, each query timed on its own with
///    steady_clock -- passes rather than "query 1 N times, then query 2" so that no query
///    gets a cache advantage from its own previous run that the others do not get;
///  - every result folds into a checksum printed at the end, so nothing can be optimised
///    away;
///  - JSON on stdout, logs on stderr.
///
/// Percentiles are nearest-rank over all timed samples (queries x runs).
///
/// With --cpu, each query is timed by its thread's CPU clock (CLOCK_THREAD_CPUTIME_ID)
/// instead of steady_clock: on a shared machine a query's wall time includes the time other
/// processes held the core, its CPU time does not (each engine here answers on one thread).

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "common.h"

namespace bench {

/// What one query run returns to the harness.
struct QueryOutcome {
  std::uint64_t total = 0;     ///< matching documents reported by the engine
  bool total_exact = true;     ///< false when the engine gave an estimate
  std::uint64_t checksum = 0;  ///< anything derived from the results (keeps them alive)
};

/// Runs a query; throws (any std::exception) when the engine rejects it.
using QueryFn = std::function<QueryOutcome(const std::string& query)>;

struct HarnessOptions {
  std::size_t runs = 5;    ///< timed passes
  std::size_t warmup = 1;  ///< untimed passes (at least 1)
  bool cpu = false;        ///< time by the thread's CPU clock, not steady_clock
};

/// Common flags: --runs N, --warmup N. Returns true if argv[i] was one (and advances i).
inline bool parse_harness_flag(int argc, char** argv, int& i, HarnessOptions& opt) {
  if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
    opt.runs = parse_count("--runs", argv[++i]);
    if (opt.runs == 0) opt.runs = 1;
    return true;
  }
  if (std::strcmp(argv[i], "--warmup") == 0 && i + 1 < argc) {
    opt.warmup = parse_count("--warmup", argv[++i]);
    return true;
  }
  if (std::strcmp(argv[i], "--cpu") == 0) {
    opt.cpu = true;
    return true;
  }
  return false;
}

inline std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "error: cannot open query file %s\n", path.c_str());
    std::exit(1);
  }
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    out.push_back(line.substr(first));
  }
  if (out.empty()) {
    std::fprintf(stderr, "error: no queries in %s\n", path.c_str());
    std::exit(1);
  }
  return out;
}

inline double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
  if (rank == 0) rank = 1;
  return sorted[std::min(rank, sorted.size()) - 1];
}

/// Runs the harness and prints the JSON object. @p header is inserted verbatim after the
/// opening brace (engine-specific fields, each followed by ", "). Returns the exit code:
/// 0, or 1 if every query failed.
inline int run_latency(const std::string& header, const std::string& queries_file,
                       const std::vector<std::string>& queries, const HarnessOptions& opt,
                       const QueryFn& fn) {
  using clock = std::chrono::steady_clock;
  const std::size_t n = queries.size();
  std::vector<bool> failed(n, false);
  std::vector<QueryOutcome> last(n);
  std::uint64_t checksum = 0;
  std::size_t errors = 0;

  // Warm-up, untimed. A query the engine rejects is reported once and left out.
  // At least one pass: it also finds the queries an engine rejects.
  const std::size_t warmup = std::max<std::size_t>(opt.warmup, 1);
  for (std::size_t w = 0; w < warmup; ++w) {
    for (std::size_t q = 0; q < n; ++q) {
      if (failed[q]) continue;
      try {
        last[q] = fn(queries[q]);
        checksum += last[q].checksum + last[q].total;
      } catch (const std::exception& e) {
        failed[q] = true;
        ++errors;
        std::fprintf(stderr, "warning: query %zu rejected, left out: %s\n  query: %s\n", q + 1,
                     e.what(), queries[q].c_str());
      }
    }
  }
  if (errors == n) {
    std::fprintf(stderr, "error: every query failed\n");
    return 1;
  }

  std::vector<std::vector<double>> per_query(n);
  std::vector<double> all;
  all.reserve(n * opt.runs);
  for (std::size_t r = 0; r < opt.runs; ++r) {
    for (std::size_t q = 0; q < n; ++q) {
      if (failed[q]) continue;
      timespec c0{}, c1{};
      if (opt.cpu) clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
      const auto t0 = clock::now();
      const QueryOutcome out = fn(queries[q]);
      const auto t1 = clock::now();
      if (opt.cpu) clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
      const double ms =
          opt.cpu ? double(c1.tv_sec - c0.tv_sec) * 1e3 + double(c1.tv_nsec - c0.tv_nsec) / 1e6
                  : std::chrono::duration<double, std::milli>(t1 - t0).count();
      checksum += out.checksum + out.total;
      last[q] = out;
      per_query[q].push_back(ms);
      all.push_back(ms);
    }
    std::fprintf(stderr, "run %zu/%zu done\n", r + 1, opt.runs);
  }

  std::vector<double> sorted = all;
  std::sort(sorted.begin(), sorted.end());
  double sum = 0;
  for (const double v : sorted) sum += v;
  std::uint64_t total_hits = 0;
  std::size_t estimated = 0;
  for (std::size_t q = 0; q < n; ++q) {
    if (failed[q]) continue;
    total_hits += last[q].total;
    if (!last[q].total_exact) ++estimated;
  }

  std::printf(
      "{%s\"clock\": \"%s\", \"queries_file\": \"%s\", \"n_queries\": %zu, \"errors\": %zu, "
      "\"runs\": %zu, "
      "\"warmup\": %zu, \"samples\": %zu, \"p50_ms\": %.4f, \"p95_ms\": %.4f, "
      "\"p99_ms\": %.4f, \"mean_ms\": %.4f, \"max_ms\": %.4f, \"qps\": %.1f, "
      "\"total_hits\": %llu, \"estimated_totals\": %zu, \"checksum\": %llu, "
      "\"queries\": [",
      header.c_str(), opt.cpu ? "thread-cpu" : "wall", json_escape(queries_file).c_str(),
      n - errors, errors, opt.runs, warmup, sorted.size(), percentile(sorted, 50),
      percentile(sorted, 95), percentile(sorted, 99), sorted.empty() ? 0.0 : sum / sorted.size(),
      sorted.empty() ? 0.0 : sorted.back(), sum > 0 ? sorted.size() * 1000.0 / sum : 0.0,
      static_cast<unsigned long long>(total_hits), estimated,
      static_cast<unsigned long long>(checksum));
  bool first = true;
  for (std::size_t q = 0; q < n; ++q) {
    std::printf("%s{\"query\": \"%s\", ", first ? "" : ", ", json_escape(queries[q]).c_str());
    first = false;
    if (failed[q]) {
      std::printf("\"error\": true}");
      continue;
    }
    std::vector<double> s = per_query[q];
    std::sort(s.begin(), s.end());
    std::printf("\"total\": %llu, \"exact\": %s, \"median_ms\": %.4f}",
                static_cast<unsigned long long>(last[q].total),
                last[q].total_exact ? "true" : "false", percentile(s, 50));
  }
  std::printf("]}\n");
  return 0;
}

}  // namespace bench
