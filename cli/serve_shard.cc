// newsdex serve-shard: one database on Xapian's remote protocol, for `newsdex search --db
// tcp://HOST:PORT`. The server is Xapian's own `xapian-tcpsrv` (Debian's xapian-tools):
// facets need no match spy of newsdex's on the server (searcher/src/remote_facets.h), so
// nothing of newsdex has to be registered there, and Xapian 1.4 installs no headers for its
// server classes to build one of our own on.
//
// This process checks the database, starts xapian-tcpsrv (read-only) in a process group of
// its own, and stays in front of it: on SIGINT, SIGTERM or SIGHUP it ends the whole group,
// the connections xapian-tcpsrv forked for its clients included, so a stopped shard is gone
// for its clients too (they get an error naming it, not a half-alive server).
#include "serve_shard.h"

#include <netdb.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "newsdex/error.h"
#include "newsdex/searcher.h"

namespace newsdex::cli {

namespace {

struct Address {
  std::string host;
  unsigned port = 0;
};

// HOST:PORT, [IPv6]:PORT, or PORT alone (on 127.0.0.1).
Address parse_listen(const std::string& listen) {
  const auto bad = [&](const std::string& why) {
    return ConfigError("--listen " + listen + ": " + why +
                       " (expected HOST:PORT, e.g. 127.0.0.1:7331)");
  };
  Address a{"127.0.0.1", 0};
  std::string_view port = listen;
  if (!listen.empty() && listen[0] == '[') {
    const auto close = listen.find(']');
    if (close == std::string::npos || close + 1 >= listen.size() || listen[close + 1] != ':')
      throw bad("malformed address");
    a.host = listen.substr(1, close - 1);
    port = std::string_view(listen).substr(close + 2);
  } else if (const auto colon = listen.rfind(':'); colon != std::string::npos) {
    a.host = listen.substr(0, colon);
    port = std::string_view(listen).substr(colon + 1);
  }
  if (a.host.empty()) throw bad("no host");
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), a.port);
  if (ec != std::errc() || end != port.data() + port.size() || a.port == 0 || a.port > 65535)
    throw bad("bad port '" + std::string(port) + "'");
  return a;
}

bool loopback(const std::string& host) {
  return host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1";
}

// xapian-tcpsrv on PATH, or empty.
std::string find_tcpsrv() {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/bin:/bin";
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    std::string dir(dirs.substr(0, colon));
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    const std::string exe = (dir.empty() ? std::string(".") : dir) + "/xapian-tcpsrv";
    if (::access(exe.c_str(), X_OK) == 0) return exe;
  }
  return {};
}

// Whether something accepts connections at @p a (the server, once it listens).
bool accepting(const Address& a) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(a.host.c_str(), std::to_string(a.port).c_str(), &hints, &found) != 0)
    return false;
  bool ok = false;
  for (addrinfo* ai = found; ai && !ok; ai = ai->ai_next) {
    const int fd = ::socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd < 0) continue;
    ok = ::connect(fd, ai->ai_addr, ai->ai_addrlen) == 0;
    if (ok) {  // take the server's greeting, so that it sees a client leave, not an error
      const timeval wait{1, 0};
      ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
      char greeting[4096];
      [[maybe_unused]] const auto n = ::read(fd, greeting, sizeof greeting);
    }
    ::close(fd);
  }
  ::freeaddrinfo(found);
  return ok;
}

// SIGTERM to the server's process group, then SIGCONT: a stopped member (SIGSTOP) takes
// the SIGTERM only once continued.
void stop_group(pid_t leader) {
  ::kill(-leader, SIGTERM);
  ::kill(-leader, SIGCONT);
}

std::string millis(double seconds) { return std::to_string(std::llround(seconds * 1000)); }

}  // namespace

CLI::App* add_serve_shard_command(CLI::App& app, ServeShardArgs& a) {
  auto* cmd = app.add_subcommand(
      "serve-shard",
      "Serve one database to `newsdex search --db tcp://HOST:PORT` (docs/scale-out.md)");
  cmd->add_option("--db", a.db, "Database directory")->required();
  cmd->add_option("--listen", a.listen,
                  "HOST:PORT to listen on (PORT alone: 127.0.0.1:PORT). Anything but loopback "
                  "lets every machine that reaches it read the whole database")
      ->required();
  cmd->add_option("--idle-timeout", a.idle_timeout_s,
                  "Seconds before an idle connection is closed (searchers reconnect)")
      ->default_val(60)
      ->check(CLI::Range(0.001, 86400.0));
  cmd->add_option("--active-timeout", a.active_timeout_s,
                  "Seconds a client may take mid-exchange before its connection is closed")
      ->default_val(60)
      ->check(CLI::Range(0.001, 86400.0));
  return cmd;
}

int run_serve_shard(const ServeShardArgs& a) {
  if (a.db.rfind("tcp://", 0) == 0)
    throw ConfigError("--db " + a.db + ": serve-shard serves a local database");
  const Address addr = parse_listen(a.listen);
  std::size_t documents = 0;
  {
    // Opened as search opens it: a missing or non-newsdex database is refused here, with
    // the message search would give, not by each client.
    Searcher check(a.db);
    documents = check.document_count();
  }
  std::string db = a.db;
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) db += ".old";  // as Searcher read it (it warned)
  const std::string tcpsrv = find_tcpsrv();
  if (tcpsrv.empty()) {
    spdlog::error(
        "xapian-tcpsrv not found on PATH: serve-shard runs Xapian's remote server; install it "
        "(Debian: apt-get install xapian-tools)");
    return 1;
  }
  if (!loopback(addr.host))
    spdlog::warn(
        "listening on {}, not loopback: Xapian's remote protocol has no authentication or "
        "encryption, and anyone who can connect can read the whole database",
        addr.host);

  std::vector<std::string> args = {tcpsrv,
                                   "--interface",
                                   addr.host,
                                   "--port",
                                   std::to_string(addr.port),
                                   "--idle-timeout",
                                   millis(a.idle_timeout_s),
                                   "--active-timeout",
                                   millis(a.active_timeout_s)};
  if (spdlog::get_level() > spdlog::level::debug) args.push_back("--quiet");  // -v: connections
  args.push_back(db);
  std::vector<char*> argv;
  for (std::string& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);

  // Signals are taken synchronously (sigwaitinfo), so they are blocked from here on; the
  // server gets the mask it would have had.
  sigset_t wanted, old;
  sigemptyset(&wanted);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGCHLD}) sigaddset(&wanted, sig);
  sigprocmask(SIG_BLOCK, &wanted, &old);
  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  if (child < 0) {
    spdlog::error("cannot start xapian-tcpsrv: fork failed");
    return 1;
  }
  if (child == 0) {
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);  // this process killed outright: the listener ends
    if (::getppid() != parent) ::_exit(1);
    ::dup2(2, 1);  // its messages are logs: stderr
    sigprocmask(SIG_SETMASK, &old, nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::setpgid(child, child);
  const bool v6 = addr.host.find(':') != std::string::npos;
  const std::string url =
      "tcp://" + (v6 ? "[" + addr.host + "]" : addr.host) + ":" + std::to_string(addr.port);
  // Said once the server accepts connections (it may fail first: a port taken).
  bool serving = false;
  const timespec poll{0, 20'000'000};
  for (;;) {
    siginfo_t info;
    if ((serving ? ::sigwaitinfo(&wanted, &info) : ::sigtimedwait(&wanted, &info, &poll)) < 0) {
      if (!serving && accepting(addr)) {
        serving = true;
        spdlog::info(
            "serving {} ({} documents) on {}, read-only, with xapian-tcpsrv (pid {}); search "
            "it with `newsdex search --db {} QUERY`; stop with Ctrl-C or SIGTERM",
            a.db, documents, url, child, url);
      }
      continue;  // EINTR, or the poll's timeout
    }
    if (info.si_signo == SIGCHLD) {
      int status = 0;
      if (::waitpid(child, &status, WNOHANG) != child) continue;
      stop_group(child);  // connections it left behind
      if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        spdlog::error("cannot run {}", tcpsrv);
        return 1;
      }
      spdlog::error("xapian-tcpsrv stopped ({} {}; its message, if any, is above)",
                    WIFEXITED(status) ? "exit status" : "signal",
                    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
      return 1;
    }
    spdlog::info("signal {}: stopping the shard {}", info.si_signo, a.db);
    stop_group(child);
    int status = 0;
    ::waitpid(child, &status, 0);
    return 0;
  }
}

}  // namespace newsdex::cli
