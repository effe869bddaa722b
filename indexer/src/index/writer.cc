// DatabaseWriter: opening, locking and recovering the database an Indexer writes.
#include "index/writer.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>

#include "core/schema.h"

namespace fs = std::filesystem;

namespace newsdex::detail {
namespace {

// Small shards mean many compaction sources: lift the soft open-file limit to the hard one
// (commonly 1,024 of 524,288), as servers do.
void raise_open_file_limit() {
  struct rlimit rl {};
  if (::getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= rl.rlim_max) return;
  rl.rlim_cur = rl.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &rl);
}

// Refuses to create a database inside a directory that holds something else.
void check_db_path(const std::string& db) {
  std::error_code ec;
  if (!fs::exists(db, ec)) return;
  if (fs::is_directory(db, ec)) {
    if (fs::is_empty(db, ec)) return;
    if (fs::exists(fs::path(db) / "iamglass", ec) || fs::exists(fs::path(db) / "iamchert", ec))
      return;
    throw IndexError(db + ": not a Xapian database (a directory with other files in it)");
  }
  throw IndexError(db + ": not a Xapian database (a file, not a database directory)");
}

}  // namespace

void recover(const std::string& db) {
  std::error_code ec;
  const std::string old_dir = db + ".old", new_dir = db + ".new";
  if (!fs::exists(db, ec) && fs::exists(old_dir, ec)) {
    spdlog::warn("{}: restoring the database from an interrupted merge", db);
    fs::rename(old_dir, db, ec);
  }
  if (fs::exists(db, ec)) {
    fs::remove_all(old_dir, ec);
    fs::remove_all(new_dir, ec);
  }
}

void ensure_free_space(const std::string& dir, std::uint64_t bytes) {
  struct statvfs st {};
  if (::statvfs(dir.c_str(), &st) != 0) return;  // cannot tell: let the write decide
  const std::uint64_t free = std::uint64_t(st.f_bavail) * st.f_frsize;
  if (free >= bytes) return;
  throw IndexError(dir + ": the disk is nearly full (" + std::to_string(free >> 20) +
                   " MiB free, " + std::to_string((bytes + (1 << 20) - 1) >> 20) +
                   " MiB needed to write safely); the last checkpoint is kept");
}

void set_schema_metadata(Xapian::WritableDatabase& w, const std::string& language) {
  w.set_metadata(std::string(schema::kMetaSchema), std::string(schema::kVersion));
  w.set_metadata(std::string(schema::kMetaLanguage), language);
}

void store_protected_words(Xapian::WritableDatabase& w, const std::vector<std::string>& words) {
  const std::string key(schema::kMetaProtectedWords);
  if (!w.get_metadata(key).empty()) return;
  if (words.empty()) return;
  w.set_metadata(key,
                 schema::encode_keys(std::vector<std::string_view>(words.begin(), words.end())));
}

void write_labels(Xapian::WritableDatabase& w, const BuiltDocument& b,
                  std::unordered_set<std::string>& written) {
  for (const auto& [kind, key, label] : b.labels) {
    std::string k = schema::label_key(kind, key);
    if (k.size() > schema::kMaxTermBytes) continue;
    if (written.insert(k).second) w.set_metadata(k, label);
  }
}

DatabaseWriter::RunLock::~RunLock() {
  if (fd >= 0) ::close(fd);
}

DatabaseWriter::DatabaseWriter(const std::string& db_path, const IndexOptions& options)
    : options_(options) {
  // One spelling of the path: "news.db/" would put <db>.new, <db>.old and the temporary
  // shards inside the database directory, and the swap would fail.
  std::string path = db_path;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  // A symlinked database is the directory it points to: the swap after a merge replaces that
  // directory (not the link), and the run lock is the real one's, whatever the spelling.
  std::error_code ec;
  if (fs::is_symlink(path, ec)) {
    const fs::path real = fs::weakly_canonical(path, ec);
    if (ec) throw IndexError(path + ": cannot resolve the symbolic link: " + ec.message());
    path = real.string();
  }
  path_ = path;
  if (options_.jobs > kMaxJobs)
    throw ConfigError("jobs: " + std::to_string(options_.jobs) + " workers asked for, at most " +
                      std::to_string(kMaxJobs));
  if (options_.jobs == 0) options_.jobs = std::max(1u, std::thread::hardware_concurrency());
  if (options_.shard_docs == 0) options_.shard_docs = 1;
  if (options_.shard_flush_docs == 0) options_.shard_flush_docs = 1;
  raise_open_file_limit();
  check_db_path(path);  // before the lock file: `--db somefile` leaves no somefile.lock
  lock_run();
  recover(path);
  check_db_path(path);
  open();
  // Holding the locks now: temporary shards of a killed run are nobody's; remove them.
  fs::path p = fs::absolute(path, ec);
  const std::string stem = p.filename().string() + ".tmp-";
  for (const auto& e : fs::directory_iterator(p.parent_path(), ec))
    if (e.path().filename().string().rfind(stem, 0) == 0) fs::remove_all(e.path(), ec);
}

Xapian::WritableDatabase& DatabaseWriter::writable() {
  if (!db_)
    throw IndexError(path_ + ": the database is not open (an earlier merge failed to reopen it)");
  return *db_;
}

IndexError DatabaseWriter::locked_by_another_writer() const {
  return IndexError(path_ +
                    ": the database is locked by another writer (another `newsdex index` is "
                    "running on it)");
}

void DatabaseWriter::lock_run() {
  const std::string lock_path = path_ + ".lock";  // path_ has no trailing '/'
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    throw IndexError(lock_path + ": cannot create the lock file: " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) throw locked_by_another_writer();
    throw IndexError(lock_path + ": cannot lock: " + std::strerror(err));
  }
  run_lock_.fd = fd;
}

void DatabaseWriter::open() {
  try {
    db_ = std::make_unique<Xapian::WritableDatabase>(
        path_, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::DatabaseLockError& e) {
    // Xapian says "already locked" for another writer; other causes (no descriptors
    // left, a file system without locks) are named as Xapian names them.
    if (e.get_msg().find("already locked") != std::string::npos) throw locked_by_another_writer();
    throw IndexError(path_ + ": cannot lock the database: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw IndexError(path_ + ": cannot open the database: " + e.get_description());
  }
  try {
    check_opened();
  } catch (const Xapian::Error& e) {
    db_.reset();
    throw IndexError(path_ + ": cannot read the database: " + e.get_description());
  }
}

// The schema and language checks of open(), on the database it just opened.
void DatabaseWriter::check_opened() {
  std::string version = db_->get_metadata(std::string(schema::kMetaSchema));
  if (db_->get_doccount() > 0 && version.empty())
    throw IndexError(path_ + ": a Xapian database, but not one newsdex wrote");
  if (db_->get_doccount() > 0 && version != schema::kVersion)
    throw IndexError(path_ + ": written with index schema " + version + "; this newsdex writes " +
                     std::string(schema::kVersion) + " (index into a new --db)");
  std::string lang = db_->get_metadata(std::string(schema::kMetaLanguage));
  if (!lang.empty() && lang != options_.language)
    throw ConfigError(path_ + ": indexed with --language " + lang + ", not " + options_.language);
  if (version.empty()) {
    set_schema_metadata(*db_, options_.language);
    db_->commit();
  }
}

}  // namespace newsdex::detail
