// Remote shards: two `newsdex serve-shard` servers started here on loopback answer as the
// same data searched locally (totals, ranking, snippets, filters, exact facets and labels,
// stats), and a shard that goes away or stops answering gives an error naming it within
// the timeout, not a hang.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "newsdex/error.h"
#include "split_fixture.h"

using namespace newsdex;
using Clock = std::chrono::steady_clock;

namespace {

// A loopback port nobody listens on now (the kernel's choice for port 0).
unsigned free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  socklen_t len = sizeof a;
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
  ::close(fd);
  return ntohs(a.sin_port);
}

bool accepts(unsigned port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(std::uint16_t(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// Runs the newsdex executable with @p args, stdout to @p out, stderr to @p log. It gets
// SIGTERM if this test process dies (a crash must not leave shard servers running).
pid_t spawn_cli(const std::vector<std::string>& args, const std::string& log,
                const std::string& out = "/dev/null") {
  std::vector<std::string> all = {NEWSDEX_CLI};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {  // only async-signal-safe calls until exec
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) ::_exit(126);
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (o < 0 || e < 0 || ::dup2(o, 1) < 0 || ::dup2(e, 2) < 0) ::_exit(126);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// `newsdex serve-shard --db DB --listen 127.0.0.1:<free port>`, stopped (SIGTERM) at the end.
struct Shard {
  pid_t pid = -1;
  unsigned port = 0;
  std::string url, log;

  Shard(const TempDir& dir, const std::string& db, std::vector<std::string> extra = {}) {
    static int n = 0;
    log = dir / ("shard" + std::to_string(++n) + ".log");
    for (int attempt = 0; attempt < 5 && pid < 0; ++attempt) {  // a port taken meanwhile
      port = free_port();
      url = "tcp://127.0.0.1:" + std::to_string(port);
      std::vector<std::string> args = {"serve-shard", "--db", db, "--listen",
                                       "127.0.0.1:" + std::to_string(port)};
      args.insert(args.end(), extra.begin(), extra.end());
      pid = spawn_cli(args, log);
      const auto deadline = Clock::now() + std::chrono::seconds(20);
      while (!accepts(port)) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid || Clock::now() > deadline) {
          stop();
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
    INFO(read_file(log));
    REQUIRE(pid > 0);
  }
  ~Shard() { stop(); }
  Shard(const Shard&) = delete;
  Shard& operator=(const Shard&) = delete;

  // SIGTERM; serve-shard's exit status (-1 if it was not running or died of a signal).
  int stop() {
    if (pid <= 0) return -1;
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  // The xapian-tcpsrv serve-shard runs: the leader of its own process group.
  pid_t server() const {
    const std::string p = std::to_string(pid);
    pid_t child = 0;
    std::ifstream("/proc/" + p + "/task/" + p + "/children") >> child;
    return child;
  }
};

// Hits in the same order with the same scores, snippets and highlights; returns how many
// hits were compared so.
std::size_t check_same_hits(const SearchResults& a, const SearchResults& b) {
  REQUIRE(a.hits.size() == b.hits.size());
  for (std::size_t i = 0; i < a.hits.size(); ++i) {
    CAPTURE(i);
    CHECK(a.hits[i].id == b.hits[i].id);
    CHECK(a.hits[i].title == b.hits[i].title);
    CHECK(a.hits[i].date == b.hits[i].date);
    CHECK(a.hits[i].score == doctest::Approx(b.hits[i].score).epsilon(1e-12));
    CHECK(a.hits[i].snippet == b.hits[i].snippet);
    REQUIRE(a.hits[i].highlights.size() == b.hits[i].highlights.size());
    for (std::size_t h = 0; h < a.hits[i].highlights.size(); ++h) {
      CHECK(a.hits[i].highlights[h].begin == b.hits[i].highlights[h].begin);
      CHECK(a.hits[i].highlights[h].end == b.hits[i].highlights[h].end);
    }
  }
  return a.hits.size();
}

// The same hits ranked alike (check_same_hits), for BM25. A query whose words are all in
// most documents is ranked by LMWeight (SearchResults::weighting), whose scores over remote
// shards differ slightly from the same shards local (e.g. 2.01492 against 2.01625), which
// can reorder hits: there the same documents, in any order. A known gap (docs/scale-out.md).
// Returns how many hits were compared hit by hit (none under LMWeight).
std::size_t check_same_ranking(const SearchResults& remote, const SearchResults& local) {
  CHECK(remote.weighting == local.weighting);
  if (local.weighting == "bm25") return check_same_hits(remote, local);
  std::set<std::string> a, b;
  for (const Hit& h : remote.hits) a.insert(h.id);
  for (const Hit& h : local.hits) b.insert(h.id);
  CHECK(a == b);
  return 0;
}

// Returns how many top keys were compared.
std::size_t check_same_stats(const DatabaseStats& a, const DatabaseStats& b) {
  CHECK(a.documents == b.documents);
  CHECK(a.distinct_terms == b.distinct_terms);
  CHECK(a.total_length == b.total_length);
  CHECK(a.first_date == b.first_date);
  CHECK(a.last_date == b.last_date);
  REQUIRE(a.top.size() == b.top.size());
  std::size_t compared = 0;
  for (std::size_t k = 0; k < a.top.size(); ++k) {
    CAPTURE(to_string(a.top[k].kind));
    CHECK(a.top[k].distinct == b.top[k].distinct);
    REQUIRE(a.top[k].counts.size() == b.top[k].counts.size());
    compared += a.top[k].counts.size();
    for (std::size_t i = 0; i < a.top[k].counts.size(); ++i) {
      CHECK(a.top[k].counts[i].key == b.top[k].counts[i].key);
      CHECK(a.top[k].counts[i].count == b.top[k].counts[i].count);
      CHECK(a.top[k].counts[i].label == b.top[k].counts[i].label);
    }
  }
  return compared;
}

const SearcherOptions kOptions{"english", NEWSDEX_GAZETTEER_DIR};

}  // namespace

TEST_CASE("two serve-shard servers answer as the same data searched locally") {
  for (const bool repeating : {false, true}) {
    CAPTURE(repeating);
    Split s(repeating);
    Shard a(s.dir, s.dir / "a.db"), b(s.dir, s.dir / "b.db");
    Searcher remote({a.url, b.url}, kOptions);
    Searcher mixed({a.url, s.dir / "b.db"}, kOptions);  // remote and local as one
    Searcher local({s.dir / "a.db", s.dir / "b.db"}, kOptions);
    Searcher one(s.dir / "all.db", kOptions);
    CHECK(remote.document_count() == one.document_count());
    std::size_t keys = 0, ranked = 0;
    for (const std::string& q : split_queries()) {
      CAPTURE(q);
      const SearchResults r = search_all(remote, q, all_kinds());
      const SearchResults m = search_all(mixed, q, all_kinds());
      const SearchResults l = search_all(local, q, all_kinds());
      const SearchResults o = search_all(one, q, all_kinds());
      // As one database of all the documents: totals, the same hits, exact facets with
      // their labels, the money and date buckets.
      CHECK(r.total == o.total);
      CHECK(r.total_exact);
      CHECK(hit_ids(r) == hit_ids(o));
      CHECK(facet_map(r) == facet_map(o));
      CHECK(facet_map(m) == facet_map(o));
      // As the same shards searched locally: the same ranking (ties broken by the same
      // docids), scores, snippets and highlights (check_same_ranking).
      ranked += check_same_ranking(r, l);
      ranked += check_same_ranking(m, l);  // a wildcard too (query_parser.cc: wildcard_terms)
      for (const FacetResult& f : r.facets) keys += f.counts.size();
    }
    CHECK(keys > 40);
    CHECK(ranked > 20);  // hits compared by score, snippet and highlights (48 and 186)
    // A day histogram and a page of hits further on.
    SearchRequest req;
    // BM25 here and remotely, on both corpora: a word in at most half the documents
    // (intriguing, nvidia, google) keeps it from LMWeight, whose hits are compared only as a
    // set (`oracle` alone, in 3 of 5 seeds, was: the page's order went unchecked).
    req.query = "oracle OR intriguing OR nvidia OR google";
    req.offset = 1;
    req.limit = 2;
    req.facets = {EntityKind::date, EntityKind::money};
    req.date_bucket = DateBucket::day;
    const SearchResults r = remote.search(req), l = local.search(req);
    CHECK(check_same_ranking(r, l) == 2);
    CHECK(facet_map(r) == facet_map(l));
    // stats over the shards: all but the size on disk, which a remote server does not say.
    const DatabaseStats st = remote.stats(100);
    CHECK(check_same_stats(st, one.stats(100)) > 5);  // top keys compared: 34 and 9
    CHECK(check_same_stats(mixed.stats(100), one.stats(100)) > 5);
    CHECK(st.disk_bytes == 0);
    // A Xapian stub file naming a remote shard is one too (its facets counted the remote way;
    // newsdex's own counting would fail there: "MatchSpy not suitable for use with remote").
    s.dir.write("b.stub", "remote " + b.url.substr(6) + "\n");
    Searcher stubbed({s.dir / "a.db", s.dir / "b.stub"}, kOptions);
    const SearchResults st_r = search_all(stubbed, "stargate", all_kinds());
    const SearchResults st_l = search_all(local, "stargate", all_kinds());
    CHECK(facet_map(st_r) == facet_map(st_l));
    check_same_ranking(st_r, st_l);
  }
}

TEST_CASE("a remote shard that goes away gives an error naming it within the timeout") {
  Split s;
  SearcherOptions o = kOptions;
  o.remote_timeout_ms = 1500;
  Shard a(s.dir, s.dir / "a.db");
  SearchRequest req;
  req.query = "openai";
  req.facets = {EntityKind::company, EntityKind::date};

  SUBCASE("stopped mid-session") {
    Shard b(s.dir, s.dir / "b.db");
    Searcher searcher({a.url, b.url}, o);
    CHECK(searcher.search(req).total == 5);
    CHECK(b.stop() == 0);  // stopped as asked, not failed
    const auto t0 = Clock::now();
    CHECK_THROWS_WITH_AS(searcher.search(req),
                         doctest::Contains((b.url + ": search failed").c_str()), IndexError);
    CHECK(Clock::now() - t0 < std::chrono::milliseconds(3500));
    CHECK_THROWS_WITH_AS(searcher.stats(), doctest::Contains(b.url.c_str()), IndexError);
  }
  SUBCASE("hung mid-session") {
    Shard b(s.dir, s.dir / "b.db");
    Searcher searcher({a.url, b.url}, o);
    CHECK(searcher.search(req).total == 5);
    const pid_t server = b.server();
    REQUIRE(server > 0);
    REQUIRE(::kill(-server, SIGSTOP) == 0);  // the server and its connections
    const auto t0 = Clock::now();
    CHECK_THROWS_WITH_AS(
        searcher.search(req),
        doctest::Contains(
            (b.url + ": search failed: no answer from the remote shard within 1500 ms").c_str()),
        IndexError);
    const auto waited = Clock::now() - t0;
    CHECK(waited >= std::chrono::milliseconds(1400));
    CHECK(waited < std::chrono::milliseconds(4000));
    ::kill(-server, SIGCONT);
  }
  SUBCASE("a connection the server closed when idle is opened again") {
    Shard b(s.dir, s.dir / "b.db", {"--idle-timeout", "0.2"});
    Searcher searcher({a.url, b.url}, o);
    const std::size_t total = searcher.search(req).total;
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    CHECK(searcher.search(req).total == total);
    CHECK(searcher.stats().documents == 5);
  }
  SUBCASE("unreachable or malformed") {
    const std::string nobody = "tcp://127.0.0.1:" + std::to_string(free_port());
    CHECK_THROWS_WITH_AS(Searcher({a.url, nobody}, o),
                         doctest::Contains((nobody + ": cannot reach the shard").c_str()),
                         IndexError);
    for (const char* bad : {"tcp://127.0.0.1", "tcp://:7331", "tcp://localhost:0",
                            "tcp://localhost:99999", "tcp://[::1]7331", "tcp://localhost:7x"}) {
      CAPTURE(bad);
      CHECK_THROWS_WITH_AS(Searcher(bad, o), doctest::Contains("expected tcp://HOST:PORT"),
                           IndexError);
    }
  }
}

TEST_CASE("serve-shard refuses what it cannot serve, with a message") {
  Split s;
  const std::string log = s.dir / "refused.log";
  const auto exit_status = [&](const std::vector<std::string>& args) {
    std::ofstream(log, std::ios::trunc).flush();
    int status = 0;
    ::waitpid(spawn_cli(args, log), &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  const std::string listen = "127.0.0.1:" + std::to_string(free_port());
  CHECK(exit_status({"serve-shard", "--db", s.dir / "missing.db", "--listen", listen}) == 1);
  CHECK(read_file(log).find("missing.db: no such database") != std::string::npos);
  CHECK(exit_status({"serve-shard", "--db", s.dir / "a", "--listen", listen}) == 1);
  CHECK(read_file(log).find("not a Xapian database") != std::string::npos);
  CHECK(exit_status({"serve-shard", "--db", s.dir / "a.db", "--listen", "127.0.0.1:x"}) == 2);
  CHECK(read_file(log).find("--listen 127.0.0.1:x: bad port") != std::string::npos);
  // The port already served: xapian-tcpsrv's own message, and exit 1.
  Shard a(s.dir, s.dir / "a.db");
  CHECK(exit_status({"serve-shard", "--db", s.dir / "b.db", "--listen",
                     "127.0.0.1:" + std::to_string(a.port)}) == 1);
  CHECK(read_file(log).find("in use") != std::string::npos);
}

TEST_CASE("newsdex search and stats print the same for remote shards as for the shards local") {
  Split s;
  Shard a(s.dir, s.dir / "a.db"), b(s.dir, s.dir / "b.db");
  const auto cli_json = [&](std::vector<std::string> args) {
    const std::string out = s.dir / "out.json", log = s.dir / "cli.log";
    args.insert(args.end(), {"--json", "--gazetteer", NEWSDEX_GAZETTEER_DIR});
    int status = 0;
    ::waitpid(spawn_cli(args, log, out), &status, 0);
    INFO(read_file(log));
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    nlohmann::json j = nlohmann::json::parse(read_file(out));
    j.erase("elapsed_ms");
    j.erase("db");
    return j;
  };
  std::size_t ranked = 0;  // queries whose hits were compared whole, in order (BM25)
  for (const char* q : {"openai money:>=1e9", "cloud -oracle", "micro* compute"}) {
    CAPTURE(q);
    const std::vector<std::string> search = {"search", "--facets", "all", "--limit", "20", q};
    auto remote = search, local = search;
    remote.insert(remote.begin() + 1, {"--db", a.url, "--db", b.url});
    // Remote shards are not collapsed (docs/duplicates.md), and say so: the same as local
    // shards with --no-collapse.
    local.insert(local.begin() + 1,
                 {"--db", s.dir / "a.db", "--db", s.dir / "b.db", "--no-collapse"});
    nlohmann::json r = cli_json(remote), l = cli_json(local);
    CHECK(r["total"].get<std::size_t>() > 0);
    CHECK(r["collapsed"] == false);
    CHECK(r.value("collapse_off", "").find("remote shards") == 0);
    r.erase("collapse_off");
    if (l["weighting"] == "lm") {  // see check_same_ranking: the same hits, in any order
      for (nlohmann::json* j : {&r, &l}) {
        std::set<std::string> ids;
        for (const auto& h : (*j)["hits"]) ids.insert(h["id"].get<std::string>());
        (*j)["hits"] = ids;
      }
    } else {
      ++ranked;
    }
    CHECK(r == l);
  }
  CHECK(ranked >= 1);  // micro* compute; the other two are ranked by LMWeight
  nlohmann::json remote = cli_json({"stats", "--db", a.url, "--db", b.url});
  nlohmann::json local = cli_json({"stats", "--db", s.dir / "a.db", "--db", s.dir / "b.db"});
  CHECK(remote["disk_bytes"] == 0);
  CHECK(local["disk_bytes"] > 0);
  remote.erase("disk_bytes");
  local.erase("disk_bytes");
  CHECK(remote == local);
}
