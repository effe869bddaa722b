// `newsdex serve`: the server and the JSON API (docs/http.md). The page is in serve_page.cc.
//
// Connections are the tasks of a pool of worker threads, one per core; each worker owns a
// Searcher (a Searcher is not thread-safe) and reopens it when a request finds it older
// than kReopenEvery, so an index run's commits are seen within that time without a restart.
// Keep-alive is off: a connection is one request, so an idle browser connection never holds
// a worker. SIGTERM and SIGINT: every connection accepted before the signal is answered,
// then the server stops accepting and exits 0.
#include "serve.h"

#include <httplib.h>
#include <pthread.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "newsdex/error.h"
#include "output.h"

namespace newsdex::cli {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

std::size_t number_param(const Params& params, const std::string& name, std::size_t fallback,
                         std::size_t max, bool clamp) {
  auto it = params.find(name);
  if (it == params.end()) return fallback;
  const std::string& v = it->second;
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec == std::errc::invalid_argument || end != v.data() + v.size())
    throw HttpError(400, name + ": '" + v + "' is not a whole number");
  if (ec == std::errc::result_out_of_range || n > max) {
    if (clamp) return max;
    throw HttpError(400, name + ": " + v + " is larger than " + std::to_string(max));
  }
  return n;
}

namespace {

constexpr auto kReopenEvery = std::chrono::milliseconds(250);

// The Searcher of the worker thread running the current request.
struct Worker {
  Searcher searcher;
  Clock::time_point checked = Clock::now();
};
thread_local Worker* t_worker = nullptr;
thread_local Clock::time_point t_started;  // when the current request was routed

// The Searcher of this worker, reopened first if it was last checked kReopenEvery ago.
Searcher& searcher() {
  Worker& w = *t_worker;
  const auto now = Clock::now();
  if (now - w.checked >= kReopenEvery) {
    w.checked = now;
    try {
      if (w.searcher.reopen())
        spdlog::debug("worker: reopened ({} documents)", w.searcher.document_count());
    } catch (const Error& e) {
      spdlog::warn("{} (answering from the view opened before)", e.what());
    }
  }
  return w.searcher;
}

// httplib's task queue: a fixed set of workers, each with the Searcher it was given.
class WorkerPool : public httplib::TaskQueue {
 public:
  explicit WorkerPool(std::vector<Searcher>& searchers) {
    for (Searcher& s : searchers)
      threads_.emplace_back([this, s = std::move(s)]() mutable { run(std::move(s)); });
  }
  void enqueue(std::function<void()> fn) override {
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(fn));
      ++enqueued_;
    }
    cv_.notify_one();
  }
  // Waits until every connection accepted so far has been answered (draining: httplib's
  // stop() closes the connections still queued unanswered, so they must be done first).
  void wait_answered() {
    std::unique_lock lock(mutex_);
    const std::size_t target = enqueued_;
    done_cv_.wait(lock, [&] { return finished_ >= target; });
  }
  void shutdown() override {  // runs what is queued, then joins
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

 private:
  void run(Searcher s) {
    Worker w{std::move(s)};
    t_worker = &w;
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return stop_ || !jobs_.empty(); });
        if (jobs_.empty()) break;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
      {
        std::lock_guard lock(mutex_);
        ++finished_;
      }
      done_cv_.notify_all();
    }
    t_worker = nullptr;
  }
  std::vector<std::thread> threads_;
  std::deque<std::function<void()>> jobs_;
  std::mutex mutex_;
  std::condition_variable cv_, done_cv_;
  std::size_t enqueued_ = 0, finished_ = 0;
  bool stop_ = false;
};

void send_json(httplib::Response& res, const json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& message,
                std::optional<std::size_t> position = {}) {
  json body = {{"error", message}, {"status", status}};
  if (position) body["position"] = *position;
  send_json(res, body, status);
}

// A message of apply_search_params/parse_kinds names the command-line option: name the
// parameter instead.
std::string parameter_message(std::string m) {
  if (m.rfind("--", 0) == 0) m.erase(0, 2);
  if (m.rfind("date-bucket", 0) == 0) m.replace(0, 11, "date_bucket");
  if (m.rfind("facet-size", 0) == 0) m.replace(0, 10, "facet_size");
  return m;
}

// The parameters of /api/search, as `newsdex search` takes them (docs/http.md).
SearchRequest search_request(const Params& p, const ServeArgs& args) {
  static const std::vector<std::string> known = {"q",          "limit",      "offset", "facets",
                                                 "facet_size", "match",      "sample", "sort",
                                                 "collapse",   "date_bucket"};
  for (const auto& [name, value] : p) {
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw HttpError(400, "unknown parameter '" + name +
                               "' (q, limit, offset, facets, facet_size, match, date_bucket, "
                               "sample, sort, collapse)");
    if (p.count(name) > 1) throw HttpError(400, "parameter '" + name + "' given more than once");
  }
  auto get = [&](const std::string& name, const std::string& fallback) {
    auto it = p.find(name);
    return it == p.end() ? fallback : it->second;
  };
  if (!p.count("q")) throw HttpError(400, "missing parameter q (the query)");
  SearchRequest req;
  req.query = get("q", "");
  if (req.query.size() > kMaxQueryBytes)
    throw HttpError(414, "q is " + std::to_string(req.query.size()) + " bytes; at most " +
                             std::to_string(kMaxQueryBytes) + " are accepted");
  req.limit = number_param(p, "limit", 10, kMaxLimit, true);
  req.offset = number_param(p, "offset", 0, kMaxOffset, false);
  req.facet_size = number_param(p, "facet_size", 10, kMaxFacetSize, true);
  req.time_limit_ms = args.time_limit_ms;
  SearchParams sp;
  sp.match = get("match", SearchParams{}.match);
  sp.facets = get("facets", "");
  sp.date_bucket = get("date_bucket", "month");
  sp.sort = get("sort", "relevance");
  auto flag = [&](const std::string& name, const char* fallback) {
    const std::string v = get(name, fallback);
    if (v != "0" && v != "1" && v != "true" && v != "false")
      throw HttpError(400, name + ": '" + v + "' is not one of 0, 1, true, false");
    return v == "1" || v == "true";
  };
  sp.sample = flag("sample", "0");
  sp.no_collapse = !flag("collapse", "1");  // collapse=0: `newsdex search --no-collapse`
  try {
    apply_search_params(req, sp);
  } catch (const ConfigError& e) {
    throw HttpError(400, parameter_message(e.what()));
  }
  return req;
}

// Runs @p f, turning what it throws into an error response.
template <class F>
void answer(httplib::Response& res, F&& f) {
  try {
    f();
  } catch (const HttpError& e) {
    send_error(res, e.status, e.what(), e.position);
  } catch (const QueryError& e) {
    send_error(res, 400, std::string("query error: ") + e.what(), e.position());
  } catch (const Error& e) {
    spdlog::error("{}", e.what());
    send_error(res, 500, e.what());
  }
}

void add_routes(httplib::Server& svr, const ServeArgs& args) {
  svr.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    answer(res, [&] {
      send_json(res, {{"status", "ok"}, {"documents", searcher().document_count()}});
    });
  });
  svr.Get("/api/search", [&args](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] {
      SearchRequest sr = search_request(req.params, args);
      send_json(res, search_json(searcher().search(sr), sr));
    });
  });
  svr.Get("/api/stats", [&args](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] {
      for (const auto& [name, value] : req.params)
        if (name != "top") throw HttpError(400, "unknown parameter '" + name + "' (top)");
      const std::size_t top = number_param(req.params, "top", 10, kMaxFacetSize, true);
      send_json(res, stats_json(searcher().stats(top), args.dbs));
    });
  });
  svr.Get(R"(/api/documents/(.+))", [](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] {
      const std::string id = req.matches[1];
      std::optional<Article> a = searcher().document(id);
      if (!a) throw HttpError(404, "no document with id '" + id + "'");
      json out = {{"id", a->id},         {"title", a->title}, {"date", a->date},
                  {"source", a->source}, {"url", a->url},     {"body", a->body}};
      if (!a->path.empty()) out["path"] = a->path;
      send_json(res, out);
    });
  });
  svr.Get("/", [&args](const httplib::Request& req, httplib::Response& res) {
    int status = 200;
    std::string html = render_page(searcher(), req.params, args, status);
    res.status = status;
    res.set_content(html, "text/html; charset=utf-8");
  });
  svr.Get(R"(/documents/(.+))", [](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    std::optional<Article> a = searcher().document(id);
    res.status = a ? 200 : 404;
    res.set_content(a ? render_article(*a)
                      : "<!doctype html><title>Not found</title><p>No document with id " +
                            html_escape(id) + ". <a href=\"/\">Search</a>",
                    "text/html; charset=utf-8");
  });
  // Read-only: nothing is written over HTTP.
  auto refuse = [](const httplib::Request& req, httplib::Response& res) {
    send_error(res, 405, req.method + " is not served: newsdex serve is read-only (GET only)");
    res.set_header("Allow", "GET, HEAD");
  };
  svr.Post(".*", refuse);
  svr.Put(".*", refuse);
  svr.Delete(".*", refuse);
  svr.Patch(".*", refuse);
  svr.Options(".*", refuse);
}

void install_handlers(httplib::Server& svr) {
  svr.set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
    t_started = Clock::now();
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                   "form-action 'self'");
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors httplib itself answers (unknown path, a request line over its 8192 bytes) get a
  // JSON body like the API's own errors.
  svr.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        std::string message = "HTTP " + std::to_string(res.status);
        if (res.status == 404) message = "no such path: " + req.path;
        if (res.status == 414) message = "request line longer than 8192 bytes";
        if (res.status == 400) message = "malformed HTTP request (newsdex serve answers GET only)";
        send_error(res, res.status, message);
        return httplib::Server::HandlerResponse::Handled;
      }));
  svr.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        spdlog::error("internal error: {}", what);
        send_error(res, 500, "internal error: " + what);
      });
  // One access-log line per request, on stderr.
  auto access = spdlog::get("access");
  if (!access) {
    access = spdlog::stderr_logger_mt("access");
    access->set_pattern("%Y-%m-%dT%H:%M:%S.%e access: %v");
  }
  svr.set_logger([access](const httplib::Request& req, const httplib::Response& res) {
    double ms = -1;
    if (t_started != Clock::time_point{})
      ms = std::chrono::duration<double, std::milli>(Clock::now() - t_started).count();
    t_started = {};
    std::string target = req.target.size() > 300 ? req.target.substr(0, 300) + "…" : req.target;
    access->info("{} {} {} {} {}B {:.1f}ms", req.remote_addr, req.method,
                 target.empty() ? "-" : target, res.status, res.body.size(), ms);
  });
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace

CLI::App* add_serve_command(CLI::App& app, ServeArgs& a) {
  auto* serve = app.add_subcommand(
      "serve", "Serve the JSON API and the search page over HTTP, read-only (docs/http.md)");
  serve->add_option("--db", a.dbs, "Database directory; several --db are searched as one")
      ->required();
  serve->add_option("--listen", a.listen, "HOST:PORT to listen on (port 0: any free port)")
      ->default_val("127.0.0.1:8080");
  serve->add_option("--workers", a.workers, "Worker threads, each with a Searcher (0 = cores)")
      ->default_val(0)
      ->check(CLI::Range(0, 256));
  serve
      ->add_option("--time-limit-ms", a.time_limit_ms,
                   "Per search: stop counting matches after this long (facets then sampled)")
      ->default_val(1000)
      ->check(CLI::Range(0.0, 600000.0));
  serve->add_option("--gazetteer", a.options.gazetteer_dir,
                    "Gazetteer directory (for entity filters: company:msft)");
  return serve;
}

int run_serve(const ServeArgs& a) {
  const auto colon = a.listen.rfind(':');
  if (colon == std::string::npos)
    throw ConfigError("--listen: '" + a.listen + "' is not HOST:PORT");
  std::string host = a.listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  const std::string port_text = a.listen.substr(colon + 1);
  int port = -1;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (host.empty() || ec != std::errc() || end != port_text.data() + port_text.size() || port < 0 ||
      port > 65535)
    throw ConfigError("--listen: '" + a.listen + "' is not HOST:PORT (port 0-65535)");

  std::size_t workers = a.workers ? a.workers : std::max(1u, std::thread::hardware_concurrency());
  std::vector<Searcher> searchers;  // opened now: a bad --db fails before listening
  for (std::size_t i = 0; i < workers; ++i) searchers.emplace_back(a.dbs, a.options);
  const std::size_t documents = searchers[0].document_count();

  // Signals go to one thread, which stops the server; every other thread blocks them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  httplib::Server svr;
  std::atomic<WorkerPool*> pool{nullptr};
  svr.new_task_queue = [&searchers, &pool] {
    pool = new WorkerPool(searchers);  // owned and deleted by httplib
    return pool.load();
  };
  svr.set_keep_alive_max_count(1);
  svr.set_payload_max_length(4096);
  add_routes(svr, a);
  install_handlers(svr);

  int bound = port == 0 ? svr.bind_to_any_port(host) : (svr.bind_to_port(host, port) ? port : -1);
  if (bound < 0)
    throw Error("--listen " + a.listen + ": cannot listen there (" + std::strerror(errno) + ")");
  if (!is_loopback(host))
    spdlog::warn(
        "listening on {}, reachable from other machines: newsdex serve has no authentication "
        "(loopback, 127.0.0.1, is the default)",
        host);
  spdlog::info("listening on http://{}:{}/ ({} documents, {} workers)",
               host.find(':') != std::string::npos ? "[" + host + "]" : host, bound, documents,
               workers);

  std::atomic<bool> done{false}, signalled{false};
  std::thread signal_thread([&] {
    const timespec tick{0, 200'000'000};
    while (!done) {
      const int sig = sigtimedwait(&stop_signals, nullptr, &tick);
      if (sig == SIGTERM || sig == SIGINT) {
        spdlog::info("{}: answering the connections accepted so far, then exiting", strsignal(sig));
        signalled = true;
        if (WorkerPool* p = pool.load()) p->wait_answered();
        // stop() does nothing until listen_after_bind() is running (a signal soon after
        // start-up left the server in accept() for good): repeat until it has returned.
        while (!done) {
          svr.stop();
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return;
      }
    }
  });
  const bool ok = svr.listen_after_bind();
  done = true;
  signal_thread.join();
  if (!signalled) {
    spdlog::error("the server stopped unexpectedly");
    return ok ? 0 : 1;
  }
  spdlog::info("stopped");
  return 0;
}

}  // namespace newsdex::cli
