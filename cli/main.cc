// newsdex: index | search | stats | entities | check | remove | serve (run as newsdex-serve,
// serve*.cc) | serve-shard (serve_shard.cc) | similar (similar.cc). What search and stats
// print is in output.cc (shared with the other front ends). Results on stdout (text, or
// --json); logs and progress on stderr. Exit 0 ok, 1 failure, 2 usage or query error.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "aliases_cmd.h"
#include "newsdex/check.h"
#include "newsdex/corpus_reader.h"
#include "newsdex/entities.h"
#include "newsdex/error.h"
#include "newsdex/indexer.h"
#include "newsdex/searcher.h"
#include "output.h"
#include "remove.h"
#include "search_args.h"
#include "serve_shard.h"
#include "similar.h"

using json = nlohmann::json;
using namespace newsdex;

// jemalloc (linked into this executable, cli/CMakeLists.txt) reads its options from this
// symbol. One arena: jemalloc 5.3 segfaults when the arena of a new thread cannot be
// allocated (out of memory: seen under `ulimit -v` 90-100 MB, tests/cli/mem_limit.sh), while
// with threads sharing arena 0 it returns the failure that newsdex reports. Indexing the 2k
// tech slice took 4.68/3.91/4.56 s against 5.46/4.40/3.76 s with the default (interleaved,
// within this machine's noise); each thread keeps its own cache in front of the arena.
extern "C" {
const char* malloc_conf = "narenas:1";
}

namespace {

bool stderr_is_terminal() { return ::isatty(2) && !std::getenv("CI"); }
bool stdout_is_terminal() { return ::isatty(1); }

std::string human_duration(double s) {
  if (!(s >= 0) || s > 1e7) return "--:--";
  int t = int(s + 0.5);
  char buf[32];
  if (t >= 3600)
    std::snprintf(buf, sizeof buf, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
  else
    std::snprintf(buf, sizeof buf, "%d:%02d", t / 60, t % 60);
  return buf;
}

// True if @p typed is @p name with a letter or two wrong, missing, extra or swapped: their
// lengths differ by at most one and at most two letters of one are not in the other.
bool similar_word(const std::string& typed, const std::string& name) {
  if (typed.size() + 1 < name.size() || name.size() + 1 < typed.size()) return false;
  std::multiset<char> left(name.begin(), name.end());
  std::size_t missing = 0;
  for (char c : typed) {
    auto it = left.find(char(std::tolower(static_cast<unsigned char>(c))));
    if (it == left.end())
      ++missing;
    else
      left.erase(it);
  }
  return missing <= 2 && left.size() <= 2;
}

// --- index -------------------------------------------------------------------------------

struct IndexArgs {
  std::string db;
  std::vector<std::string> inputs;
  bool json = false;
  std::uint64_t max_record_mb = 8;
  IndexOptions options;
};

int run_index(IndexArgs& a) {
  a.options.max_record_bytes = a.max_record_mb << 20;
  // Inputs first: a missing one must not leave an empty database behind (which later
  // searched as "0 results").
  CorpusReader inputs_exist(a.inputs);
  Indexer indexer(a.db, a.options);
  const bool progress = stderr_is_terminal();
  auto on_progress = [&](const IndexProgress& p) {
    if (!progress) return;
    double mb = double(p.bytes_done) / 1e6;
    double rate = p.seconds > 0 ? mb / p.seconds : 0;
    double pct = p.bytes_total ? 100.0 * double(p.bytes_done) / double(p.bytes_total) : 100;
    double eta = rate > 0 ? (double(p.bytes_total) - double(p.bytes_done)) / 1e6 / rate : -1;
    std::fprintf(stderr, "\r\x1b[Kindexing: %zu docs · %.0f docs/s · %.1f MB/s · %.0f%% · ETA %s",
                 p.documents, p.seconds > 0 ? double(p.documents) / p.seconds : 0, rate, pct,
                 human_duration(eta).c_str());
    std::fflush(stderr);
  };
  IndexSummary s = indexer.index(a.inputs, on_progress);
  if (progress) std::fprintf(stderr, "\r\x1b[K");
  if (a.json) {
    json bad = json::array();
    for (const auto& b : s.bad_records)
      bad.push_back({{"file", b.file}, {"line", b.line}, {"reason", b.reason}});
    json out = {{"db", a.db},
                {"indexed", s.indexed},
                {"replaced", s.replaced},
                {"unchanged", s.unchanged},
                {"pruned", s.pruned},
                {"bad", s.bad},
                {"chrome_sources", s.chrome_sources},
                {"shards", s.shards},
                {"documents", s.documents},
                {"bytes", s.bytes},
                {"seconds", s.seconds},
                {"mb_per_s", s.seconds > 0 ? double(s.bytes) / 1e6 / s.seconds : 0.0},
                {"bad_records", bad}};
    std::cout << out.dump() << "\n";
  } else {
    std::printf(
        "%s: %zu indexed, %zu replaced, %zu unchanged, %zu pruned, %zu bad; "
        "%zu documents; %.1f MB in %.2f s (%.1f MB/s)\n",
        a.db.c_str(), s.indexed, s.replaced, s.unchanged, s.pruned, s.bad, s.documents,
        double(s.bytes) / 1e6, s.seconds, s.seconds > 0 ? double(s.bytes) / 1e6 / s.seconds : 0.0);
    for (const auto& b : s.bad_records)
      std::printf("  bad: %s%s: %s\n", b.file.c_str(),
                  b.line ? (":" + std::to_string(b.line)).c_str() : "", b.reason.c_str());
  }
  bool nothing = s.indexed + s.replaced + s.unchanged == 0;
  if (nothing) spdlog::error("nothing could be indexed");
  return nothing ? 1 : 0;
}

// --- search ------------------------------------------------------------------------------

struct SearchArgs {
  std::vector<std::string> dbs;
  std::vector<std::string> words;
  bool json = false;
  cli::SearchParams params;
  SearchRequest req;
  SearcherOptions options;
};

int run_search(SearchArgs& a) {
  std::string query;
  for (const auto& w : a.words) query += (query.empty() ? "" : " ") + w;
  a.req.query = query;
  cli::apply_search_params(a.req, a.params);
  Searcher searcher(a.dbs, a.options);
  SearchResults r;
  try {
    r = searcher.search(a.req);
  } catch (const QueryError& e) {
    std::fprintf(stderr, "newsdex: %s", cli::query_error_text(e, query).c_str());
    return 2;
  }
  if (a.json)
    std::cout << cli::search_json(r, a.req).dump(2) << "\n";
  else
    std::cout << cli::search_text(r, query, stdout_is_terminal());
  return 0;
}

// --- stats -------------------------------------------------------------------------------

int run_stats(const std::vector<std::string>& dbs, const SearcherOptions& options, bool as_json,
              std::size_t top) {
  Searcher searcher(dbs, options);
  DatabaseStats s = searcher.stats(top);
  if (as_json)
    std::cout << cli::stats_json(s, dbs).dump(2) << "\n";
  else
    std::cout << cli::stats_text(s, dbs);
  return 0;
}

// --- entities ----------------------------------------------------------------------------

int run_entities(const std::vector<std::string>& inputs, const EntityOptions& options,
                 bool as_json) {
  EntityExtractor extractor(options);
  CorpusReader reader(inputs);
  std::size_t docs = 0, bad = 0;
  reader.read(
      [&](Article&& a) {
        ++docs;
        // Plain-text files: offsets into the file itself. Others: into title + "\n\n" + body.
        std::string text;
        if (!a.path.empty() && a.path.size() > 4 &&
            a.path.compare(a.path.size() - 4, 4, ".txt") == 0) {
          std::ifstream in(a.path, std::ios::binary);
          text.assign(std::istreambuf_iterator<char>(in), {});
        } else {
          text = a.title + "\n\n" + a.body;
        }
        // The reader gives dates as ISO (or none); relative dates need at least a month.
        std::optional<CivilDate> published;
        if (a.date.size() >= 7) published = parse_iso_date(a.date);
        auto ents = extractor.extract(text, published);
        if (as_json) {
          json arr = json::array();
          for (const auto& e : ents)
            arr.push_back({{"kind", to_string(e.kind)},
                           {"key", e.key},
                           {"text", e.text},
                           {"begin", e.begin},
                           {"end", e.end}});
          json o = {{"id", a.id}, {"entities", arr}};
          if (!a.path.empty()) o["path"] = a.path;
          if (!a.date.empty()) o["date"] = a.date;
          std::cout << o.dump() << "\n";
        } else {
          std::printf("%s%s\n", a.path.empty() ? a.id.c_str() : a.path.c_str(),
                      a.title.empty() ? "" : ("  —  " + a.title).c_str());
          for (EntityKind k : kAllEntityKinds) {
            std::vector<std::string> keys;
            std::map<std::string, int> counts;
            for (const auto& e : ents)
              if (e.kind == k && counts[e.key]++ == 0) keys.push_back(e.key);
            if (keys.empty()) continue;
            std::string line;
            for (const auto& key : keys)
              line += (line.empty() ? "" : " · ") + key +
                      (counts[key] > 1 ? " ×" + std::to_string(counts[key]) : "");
            std::printf("  %-8s %s\n", std::string(to_string(k)).c_str(), line.c_str());
          }
          std::printf("\n");
        }
        return true;
      },
      [&](BadRecord&& b) {
        ++bad;
        spdlog::warn("{}{}: skipped: {}", b.file, b.line ? ":" + std::to_string(b.line) : "",
                     b.reason);
      });
  if (docs == 0) {
    spdlog::error("no documents could be read");
    return 1;
  }
  return 0;
}

// --- check -------------------------------------------------------------------------------

struct CheckArgs {
  std::string db;
  bool json = false;
  bool quick = false;
  CheckOptions options;
};

CLI::App* add_check_command(CLI::App& app, CheckArgs& a) {
  auto* check = app.add_subcommand(
      "check", "Check a database's integrity (exit 0 sound, 1 problems found; docs/check.md)");
  check->add_option("--db", a.db, "Database directory")->required();
  check->add_flag("--json", a.json, "JSON output (docs/json.md)");
  check->add_flag("--quick", a.quick, "Skip comparing entity terms with the documents' text");
  check->add_option("--gazetteer", a.options.gazetteer_dir,
                    "Gazetteer directory the database was indexed with");
  return check;
}

int run_check(CheckArgs& a) {
  a.options.entities = !a.quick;
  const bool progress = stderr_is_terminal();
  auto on_progress = [&](const CheckProgress& p) {
    if (!progress) return;
    if (p.stage == "tables")
      std::fprintf(stderr, "\r\x1b[Kchecking: Xapian's table check");
    else
      std::fprintf(stderr, "\r\x1b[Kchecking: %zu of %zu docs · %.0f docs/s · %.0f%%", p.done,
                   p.total, p.seconds > 0 ? double(p.done) / p.seconds : 0,
                   p.total ? 100.0 * double(p.done) / double(p.total) : 100);
    std::fflush(stderr);
  };
  const CheckReport r = check_database(a.db, a.options, on_progress);
  if (progress) std::fprintf(stderr, "\r\x1b[K");
  if (a.json) {
    json problems = json::array();
    for (const auto& p : r.problems) {
      json o = {{"kind", to_string(p.kind)}, {"what", p.what}};
      if (p.docid) o["docid"] = p.docid;
      if (!p.id.empty()) o["id"] = p.id;
      problems.push_back(o);
    }
    json out = {{"db", a.db},
                {"documents", r.documents},
                {"entities_checked", r.entities_checked},
                {"ok", r.ok()},
                {"total_problems", r.total_problems},
                {"problems", problems}};
    std::cout << out.dump(2) << "\n";
  } else {
    for (const auto& p : r.problems) {
      std::string doc;
      if (p.docid) doc = "document " + std::to_string(p.docid);
      if (!p.id.empty()) doc += (doc.empty() ? "" : " ") + ("(" + p.id + ")");
      std::printf("%s: %s%s%s\n", std::string(to_string(p.kind)).c_str(), doc.c_str(),
                  doc.empty() ? "" : ": ", p.what.c_str());
    }
    std::string verdict = "ok";
    if (!r.ok())
      verdict =
          std::to_string(r.total_problems) + (r.total_problems == 1 ? " problem" : " problems");
    if (r.problems.size() < r.total_problems)
      verdict += " (the first " + std::to_string(r.problems.size()) + " listed)";
    std::printf("%s: %zu documents checked%s: %s\n", a.db.c_str(), r.documents,
                r.entities_checked ? ", entity terms compared" : "", verdict.c_str());
  }
  return r.ok() ? 0 : 1;
}

// Runs newsdex-serve, found beside this executable, with the same arguments.
int run_serve_executable(int argc, char** argv) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::string server = (self.parent_path() / "newsdex-serve").string();
  std::vector<char*> args(argv, argv + argc);
  args[0] = const_cast<char*>(server.c_str());
  args.push_back(nullptr);
  ::execv(server.c_str(), args.data());
  spdlog::error("cannot run {}: {} (it is built and installed beside newsdex)", server,
                std::strerror(errno));
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"newsdex — full-text search with entity facets for tech news"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(NEWSDEX_VERSION));
  cli::LogFlags log_flags;
  cli::start_logging(app, log_flags);

  IndexArgs ia;
  auto* index = app.add_subcommand("index", "Index .txt/.html files, directories and JSONL files");
  index->add_option("--db", ia.db, "Database directory (created if missing)")->required();
  index->add_option("inputs", ia.inputs, "Files and directories to index")->required();
  index->add_flag("--json", ia.json, "Print the run's summary as JSON");
  index->add_option("--jobs,-j", ia.options.jobs, "Worker threads (0 = one per core)")
      ->check(CLI::Range(0, 256));
  index->add_option("--language", ia.options.language, "Stemming language")->default_val("english");
  index->add_flag("--prune", ia.options.prune, "Delete documents whose source is gone");
  bool no_entities = false, keep_chrome = false;
  index->add_flag("--keep-chrome", keep_chrome,
                  "Keep page chrome (text repeated across many articles of one source)");
  index
      ->add_option("--checkpoint-docs", ia.options.checkpoint_docs,
                   "Merge into the database after this many new documents")
      ->check(CLI::Range(1, 100000000));
  index->add_flag("--no-entities", no_entities, "Skip entity extraction (benchmarking only)");
  index->add_option("--shard-docs", ia.options.shard_docs, "Documents per temporary shard")
      ->check(CLI::Range(1, 1000000));
  index
      ->add_option("--shard-flush-docs", ia.options.shard_flush_docs,
                   "Documents between commits inside a temporary shard")
      ->check(CLI::Range(1, 1000000));
  index->add_option("--gazetteer", ia.options.gazetteer_dir, "Gazetteer directory");
  index
      ->add_option("--max-record-mb", ia.max_record_mb,
                   "Longer JSONL lines and larger files are skipped as bad records (indexing a "
                   "record takes about 32x its size in memory)")
      ->default_val(8)
      ->check(CLI::Range(1, 1024));

  SearchArgs sa;
  auto* search = app.add_subcommand("search", "Search a database");
  search
      ->add_option(
          "--db", sa.dbs,
          "Database directory or remote shard tcp://HOST:PORT; several --db are searched as one")
      ->required();
  search->add_option("query", sa.words, "Query (docs/query-language.md)")->required();
  search->add_flag("--json", sa.json, "JSON output (docs/json.md)");
  search
      ->add_option("--match", sa.params.match,
                   "Words without an operator: best (any word, the most words first), all, any")
      ->check(CLI::IsMember({"best", "all", "any"}))
      ->default_val("best");
  cli::add_result_options(*search, sa.req, sa.params);
  search->add_option("--gazetteer", sa.options.gazetteer_dir,
                     "Gazetteer directory (for entity filters: company:msft)");
  search
      ->add_option("--remote-timeout", sa.options.remote_timeout_ms,
                   "Milliseconds to wait for a remote shard (--db tcp://HOST:PORT)")
      ->default_val(10000)
      ->check(CLI::Range(1, 3600000));

  std::vector<std::string> stats_db;
  bool stats_json = false;
  std::size_t stats_top = 10;
  auto* stats = app.add_subcommand("stats", "Show what a database holds");
  stats
      ->add_option("--db", stats_db,
                   "Database directory or tcp://HOST:PORT; several --db count as one")
      ->required();
  stats->add_flag("--json", stats_json, "JSON output");
  stats->add_option("--top", stats_top, "Top keys per entity kind (0-10000)")
      ->default_val(10)
      ->check(CLI::Range(0, 10000));
  SearcherOptions stats_options;
  stats->add_option("--gazetteer", stats_options.gazetteer_dir, "Gazetteer directory");
  stats
      ->add_option("--remote-timeout", stats_options.remote_timeout_ms,
                   "Milliseconds to wait for a remote shard (--db tcp://HOST:PORT)")
      ->default_val(10000)
      ->check(CLI::Range(1, 3600000));

  std::vector<std::string> ent_inputs;
  bool ent_json = false;
  auto* ents = app.add_subcommand("entities", "Print the entities found in documents");
  ents->add_option("inputs", ent_inputs, "Files, directories, JSONL")->required();
  ents->add_flag("--json", ent_json, "JSON Lines, one object per document");
  EntityOptions ent_options;
  ents->add_option("--gazetteer", ent_options.gazetteer_dir, "Gazetteer directory");

  CheckArgs ca;
  auto* check = add_check_command(app, ca);
  cli::RemoveArgs ra;
  auto* remove = cli::add_remove_command(app, ra);

  // `serve` is its own executable, newsdex-serve (cli/serve_main.cc): the HTTP library
  // brings OpenSSL, whose start-up code crashes the process when memory is short before
  // main() runs (seen under `ulimit -v 60000`, tests/cli/mem_limit.sh), and indexing and
  // searching must not carry that. Listed here so that help and suggestions know it.
  app.add_subcommand("serve", "Serve the JSON API and the search page over HTTP (docs/http.md)")
      ->allow_extras()
      ->prefix_command();
  cli::ServeShardArgs ssa;
  auto* serve_shard = cli::add_serve_shard_command(app, ssa);
  cli::AliasesArgs aa;
  auto* aliases = cli::add_aliases_command(app, aa);
  cli::SimilarArgs sim;
  auto* similar = cli::add_similar_command(app, sim);

  // A misspelt command said only "A subcommand is required": name it, suggest one.
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (!arg.empty() && arg[0] == '-') continue;  // the global flags take no value
    if (arg == "serve") return run_serve_executable(argc, argv);
    std::string known, suggestion;
    for (const CLI::App* sub : app.get_subcommands({})) {
      known += (known.empty() ? "" : ", ") + sub->get_name();
      if (sub->get_name() == arg)
        suggestion = arg;
      else if (suggestion.empty() && similar_word(arg, sub->get_name()))
        suggestion = sub->get_name();
    }
    if (suggestion == arg) break;
    spdlog::error("unknown command '{}'{}; the commands are {} (newsdex --help)", arg,
                  suggestion.empty() ? "" : " (did you mean " + suggestion + "?)", known);
    return 2;
  }
  // A query may start with '-' (`newsdex search --db D -google`): cli/search_args.h.
  std::vector<std::string> args = cli::query_words_last(app, *search, argc, argv);
  std::vector<char*> arg_ptrs;
  for (std::string& arg : args) arg_ptrs.push_back(arg.data());
  try {
    app.parse(int(arg_ptrs.size()), arg_ptrs.data());
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  cli::apply_log_level(log_flags);
  ia.options.entities = !no_entities;
  ia.options.remove_chrome = !keep_chrome;

  return cli::exit_status([&] {
    if (*index) return run_index(ia);
    if (*search) return run_search(sa);
    if (*stats) return run_stats(stats_db, stats_options, stats_json, stats_top);
    if (*ents) return run_entities(ent_inputs, ent_options, ent_json);
    if (*check) return run_check(ca);
    if (*remove) return cli::run_remove(ra);
    if (*serve_shard) return cli::run_serve_shard(ssa);
    if (*aliases) return cli::run_aliases(aa);
    if (*similar) return cli::run_similar(sim, stdout_is_terminal());
    return 0;
  });
}
