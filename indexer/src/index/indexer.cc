// The index pipeline.
//
// Xapian 1.4 spends most of its indexing time updating a large database (notes in
// docs/indexing.md), while building a small fresh database and merging databases by
// compaction are cheap. So: the reading thread hashes each record and skips unchanged
// ones, groups the rest into batches, and queues them for the workers; each worker
// analyses its batch and writes it as a fresh temporary shard (no fsync). At checkpoints
// and at the end the shards are merged into the database, in batch order, so document ids
// follow input order whatever the number of workers:
//  - into an empty database: compaction of the shards;
//  - a few changes into a large database: replace_document() from the shards, one commit;
//  - otherwise: delete the old versions, compact database + shards into `<db>.new`, and
//    swap directories (`<db>` → `<db>.old`, `<db>.new` → `<db>`). recover() finishes or
//    rolls back a swap that a crash interrupted, so the database always opens.
#include "newsdex/indexer.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "corpus/chrome.h"
#include "index/batching.h"
#include "index/document_builder.h"
#include "index/schema.h"
#include "newsdex/analysis.h"
#include "newsdex/corpus_reader.h"
#include "newsdex/entities.h"
#include "newsdex/error.h"

namespace fs = std::filesystem;

namespace newsdex {
namespace {

using Clock = std::chrono::steady_clock;

// How many databases one compaction may read at once: each keeps about five files open
// (four tables and the version file), under the process's open-file limit, with room to
// spare for everything else. raise_open_file_limit() lifts the soft limit first.
std::size_t compaction_fan_in(unsigned jobs) {
  struct rlimit rl {};
  std::size_t limit = 1024;
  if (::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    limit = std::size_t(rl.rlim_cur);
  else if (rl.rlim_cur == RLIM_INFINITY)
    limit = 1 << 20;
  // A checkpoint merge runs while the workers write shards (about six files each) and the
  // reader has its input and its view of the database open.
  const std::size_t spare = 128 + 6 * std::size_t(jobs) + 16;
  return std::max<std::size_t>(2, (limit > spare ? limit - spare : 0) / 6);
}

// Small shards mean many compaction sources: lift the soft open-file limit to the hard one
// (commonly 1,024 of 524,288), as servers do.
void raise_open_file_limit() {
  struct rlimit rl {};
  if (::getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= rl.rlim_max) return;
  rl.rlim_cur = rl.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &rl);
}

// Finishes or rolls back an interrupted directory swap.
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

void set_schema_metadata(Xapian::WritableDatabase& w, const std::string& language) {
  w.set_metadata(std::string(schema::kMetaSchema), std::string(schema::kVersion));
  w.set_metadata(std::string(schema::kMetaLanguage), language);
}

std::string label_key(EntityKind k, const std::string& key) {
  return std::string(schema::kMetaLabelPrefix) + std::string(to_string(k)) + ":" + key;
}

// A bounded single-producer queue of batches for one worker.
struct Batch {
  std::size_t index = 0;
  std::vector<Article> articles;
  std::vector<std::string> hashes;
};

class BatchQueue {
 public:
  explicit BatchQueue(std::size_t capacity) : capacity_(capacity) {}
  /// Blocks while full, calling @p tick about twice a second meanwhile.
  void push(std::optional<Batch> b, const std::function<void()>& tick = {}) {
    std::unique_lock lock(m_);
    while (!not_full_.wait_for(lock, std::chrono::milliseconds(500),
                               [&] { return closed_ || q_.size() < capacity_; })) {
      if (!tick) continue;
      lock.unlock();
      tick();
      lock.lock();
    }
    if (closed_) return;
    q_.push_back(std::move(b));
    not_empty_.notify_one();
  }
  /// The next batch; nullopt at the end of the input or once closed.
  std::optional<Batch> pop() {
    std::unique_lock lock(m_);
    not_empty_.wait(lock, [&] { return closed_ || !q_.empty(); });
    if (closed_) return std::nullopt;
    auto b = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return b;
  }
  /// Drops what is queued and ends every pop() and push(): for unwinding after an error,
  /// when the workers that would drain a full queue may be gone.
  void close() {
    std::lock_guard lock(m_);
    closed_ = true;
    q_.clear();
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex m_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::optional<Batch>> q_;
  std::size_t capacity_;
  bool closed_ = false;
};

}  // namespace

// The chrome pre-pass: the reading thread sends the first kSampleDocs documents of each
// source, in batches, to `jobs` threads that each observe into a model of their own; the
// models are merged (counts add up: the result is the same as one model observing all)
// and finished in parallel.
detail::ChromeModel learn_chrome(const std::vector<std::string>& inputs,
                                 const IndexOptions& options, std::set<std::string>& sources) {
  const unsigned jobs = options.jobs;
  std::vector<detail::ChromeModel> parts(jobs);
  BatchQueue queue(2 * jobs);  // shared: whichever thread is free takes the next batch
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < jobs; ++w)
    threads.emplace_back([&, w] {
      while (std::optional<Batch> b = queue.pop())
        for (const Article& a : b->articles) parts[w].observe(a.source, a.body);
    });
  std::map<std::string, std::size_t, std::less<>> sampled;
  Batch current;
  auto dispatch = [&] {
    if (current.articles.empty()) return;
    queue.push(std::move(current));
    current = Batch{};
  };
  try {
    CorpusReader learn(inputs, ReaderOptions{options.max_record_bytes});
    learn.read(
        [&](Article&& a) {
          sources.insert(a.source);
          std::size_t& n = sampled[a.source];
          if (n >= detail::ChromeModel::kSampleDocs) return true;
          ++n;
          current.articles.push_back(std::move(a));
          if (current.articles.size() >= options.shard_docs) dispatch();
          return true;
        },
        [](BadRecord&&) {});  // reported by the main pass
    dispatch();
  } catch (...) {
    queue.close();
    for (auto& t : threads) t.join();
    throw;
  }
  for (unsigned w = 0; w < jobs; ++w) queue.push(std::nullopt);
  for (auto& t : threads) t.join();
  for (unsigned w = 1; w < jobs; ++w) parts[0].merge(std::move(parts[w]));
  parts[0].finish(jobs);
  return std::move(parts[0]);
}

struct Indexer::Impl {
  // `<db>.lock`, flock()ed for the Indexer's whole life (declared first: released last).
  // Xapian's own write lock lives inside the database directory, which a merge replaces
  // (the old database closed, two renames, the new one opened), and the recovery of an
  // interrupted swap runs before that lock can be taken: this lock covers both, so a second
  // `newsdex index` can never slip in between.
  struct RunLock {
    int fd = -1;
    RunLock() = default;
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;
    ~RunLock() {
      if (fd >= 0) ::close(fd);
    }
  } run_lock;
  std::string db_path;
  IndexOptions options;
  std::unique_ptr<Xapian::WritableDatabase> db;
  std::unique_ptr<EntityExtractor> extractor;  // shared read-only gazetteer for add()
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<DocumentBuilder> builder;
  std::unordered_set<std::string> labels_written;

  IndexError locked_by_another_writer() const {
    return IndexError(db_path +
                      ": the database is locked by another writer (another `newsdex index` is "
                      "running on it)");
  }

  void lock_run() {
    const std::string path = db_path + ".lock";  // db_path has no trailing '/'
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw IndexError(path + ": cannot create the lock file: " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int err = errno;
      ::close(fd);
      if (err == EWOULDBLOCK) throw locked_by_another_writer();
      throw IndexError(path + ": cannot lock: " + std::strerror(err));
    }
    run_lock.fd = fd;
  }

  void open() {
    try {
      db = std::make_unique<Xapian::WritableDatabase>(
          db_path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    } catch (const Xapian::DatabaseLockError& e) {
      // Xapian says "already locked" for another writer; other causes (no descriptors
      // left, a file system without locks) are named as Xapian names them.
      if (e.get_msg().find("already locked") != std::string::npos) throw locked_by_another_writer();
      throw IndexError(db_path + ": cannot lock the database: " + e.get_msg());
    } catch (const Xapian::Error& e) {
      throw IndexError(db_path + ": cannot open the database: " + e.get_description());
    }
    try {
      check_opened();
    } catch (const Xapian::Error& e) {
      db.reset();
      throw IndexError(db_path + ": cannot read the database: " + e.get_description());
    }
  }

  // The schema and language checks of open(), on the database it just opened.
  void check_opened() {
    std::string version = db->get_metadata(std::string(schema::kMetaSchema));
    if (db->get_doccount() > 0 && version.empty())
      throw IndexError(db_path + ": a Xapian database, but not one newsdex wrote");
    if (db->get_doccount() > 0 && version != schema::kVersion)
      throw IndexError(db_path + ": written with index schema " + version +
                       "; this newsdex writes " + std::string(schema::kVersion) +
                       " (index into a new --db)");
    std::string lang = db->get_metadata(std::string(schema::kMetaLanguage));
    if (!lang.empty() && lang != options.language)
      throw ConfigError(db_path + ": indexed with --language " + lang + ", not " +
                        options.language);
    if (version.empty()) {
      set_schema_metadata(*db, options.language);
      db->commit();
    }
  }

  std::vector<std::string> protected_words() {
    if (!extractor)
      extractor = std::make_unique<EntityExtractor>(EntityOptions{options.gazetteer_dir});
    return extractor->protected_words();
  }

  void write_labels(Xapian::WritableDatabase& w, const BuiltDocument& b,
                    std::unordered_set<std::string>& written) {
    for (const auto& [kind, key, label] : b.labels) {
      std::string k = label_key(kind, key);
      if (k.size() > schema::kMaxTermBytes) continue;
      if (written.insert(k).second) w.set_metadata(k, label);
    }
  }

  // Merges finished shards (in order, @p new_docs documents in all) into the database and
  // removes them.
  void merge(std::vector<std::string> shards, std::size_t new_docs,
             const std::vector<std::string>& stale_ids, const std::string& tmp_dir) {
    if (shards.empty()) return;
    std::error_code ec;
    std::size_t existing = db->get_doccount();
    if (existing > 0 && new_docs <= std::max<std::size_t>(1000, existing / 20)) {
      // Few changes to a large database: replace in place, one atomic commit.
      for (const auto& s : shards) {
        Xapian::Database shard(s);
        for (auto it = shard.postlist_begin(""); it != shard.postlist_end(""); ++it) {
          Xapian::Document d = shard.get_document(*it);
          auto t = d.termlist_begin();
          t.skip_to(std::string(schema::kId));
          if (t == d.termlist_end()) continue;
          db->replace_document(*t, d);
        }
        for (auto k = shard.metadata_keys_begin(); k != shard.metadata_keys_end(); ++k)
          if (db->get_metadata(*k).empty()) db->set_metadata(*k, shard.get_metadata(*k));
      }
      db->commit();
      for (const auto& s : shards) fs::remove_all(s, ec);
      return;
    }
    // Bulk: old versions out, then compact database + shards into a fresh directory. One
    // pass over all sources (Xapian's multipass took twice as long: 6.1 s against 3.0 s
    // for the 329 shards of the whole tech corpus), in groups only if the sources would not
    // all fit under the open-file limit.
    for (const auto& id : stale_ids) db->delete_document(id);
    db->commit();
    const bool keep_db = db->get_doccount() > 0;
    const std::size_t per_pass = compaction_fan_in(options.jobs);
    for (std::size_t round = 0; shards.size() + (keep_db ? 1 : 0) > per_pass; ++round) {
      spdlog::debug("{} shards, at most {} sources per compaction (open-file limit): grouping",
                    shards.size(), per_pass);
      std::vector<std::string> grouped;
      for (std::size_t i = 0; i < shards.size(); i += per_pass) {
        const std::size_t end = std::min(shards.size(), i + per_pass);
        if (end - i == 1) {
          grouped.push_back(shards[i]);
          continue;
        }
        Xapian::Database group;
        for (std::size_t k = i; k < end; ++k) group.add_database(Xapian::Database(shards[k]));
        std::string out = tmp_dir + "/group-" + std::to_string(round) + "-" + std::to_string(i);
        group.compact(out);
        for (std::size_t k = i; k < end; ++k) fs::remove_all(shards[k], ec);
        grouped.push_back(out);
      }
      shards.swap(grouped);
    }
    Xapian::Database sources;
    if (keep_db) sources.add_database(Xapian::Database(db_path));
    for (const auto& s : shards) sources.add_database(Xapian::Database(s));
    const std::string new_dir = db_path + ".new", old_dir = db_path + ".old";
    fs::remove_all(new_dir, ec);
    sources.compact(new_dir);
    sources = Xapian::Database();
    for (const auto& s : shards) fs::remove_all(s, ec);
    {
      Xapian::WritableDatabase fresh(new_dir, Xapian::DB_OPEN);
      set_schema_metadata(fresh, options.language);
      // An empty database is not a compaction source: carry its metadata (chrome models).
      for (auto k = db->metadata_keys_begin(); k != db->metadata_keys_end(); ++k)
        if (fresh.get_metadata(*k).empty()) fresh.set_metadata(*k, db->get_metadata(*k));
      fresh.commit();
    }
    db.reset();  // releases Xapian's write lock for the swap (the run lock stays)
    try {
      fs::rename(db_path, old_dir);
      fs::rename(new_dir, db_path);
    } catch (const fs::filesystem_error& e) {
      recover(db_path);  // the old database back where it was, if it had moved
      std::error_code ec2;
      // Reopen only what is there: opening a missing <db> would create an empty one, and
      // the next recovery would then delete <db>.old, which holds the data.
      if (fs::exists(db_path, ec2)) open();
      throw IndexError(db_path + ": cannot swap in the merged database (" + e.what() +
                       "); the documents of this merge are indexed again by the next run");
    }
    fs::remove_all(old_dir, ec);
    open();
  }

  // Indexer::add(): builds the document (analyser and extractor made on first use) and
  // replaces any document of the same id.
  void add_article(Xapian::WritableDatabase& w, const Article& article) {
    Impl& d = *this;
    if (!d.builder) {
      AnalyzerOptions ao;
      ao.language = d.options.language;
      ao.protected_words = d.protected_words();
      d.analyzer = std::make_unique<Analyzer>(ao);
      d.builder = std::make_unique<DocumentBuilder>(
          *d.analyzer, d.options.entities ? d.extractor.get() : nullptr);
    }
    BuiltDocument b = d.builder->build(article, DocumentBuilder::hash_of(article));
    d.write_labels(w, b, d.labels_written);
    w.replace_document(b.id_term, b.doc);
  }

  // The writable database, or an error if a failed merge left none open.
  Xapian::WritableDatabase& writable() {
    if (!db)
      throw IndexError(db_path +
                       ": the database is not open (an earlier merge failed to reopen it)");
    return *db;
  }
};

Indexer::Indexer(const std::string& db_path, const IndexOptions& options)
    : impl_(std::make_unique<Impl>()) {
  // One spelling of the path: "news.db/" would put <db>.new, <db>.old and the temporary
  // shards inside the database directory, and the swap would fail.
  std::string path = db_path;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  impl_->db_path = path;
  impl_->options = options;
  if (impl_->options.jobs == 0)
    impl_->options.jobs = std::max(1u, std::thread::hardware_concurrency());
  if (impl_->options.shard_docs == 0) impl_->options.shard_docs = 1;
  if (impl_->options.shard_flush_docs == 0) impl_->options.shard_flush_docs = 1;
  raise_open_file_limit();
  check_db_path(path);  // before the lock file: `--db somefile` leaves no somefile.lock
  impl_->lock_run();
  recover(path);
  check_db_path(path);
  impl_->open();
  // Holding the locks now: temporary shards of a killed run are nobody's; remove them.
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  const std::string stem = p.filename().string() + ".tmp-";
  for (const auto& e : fs::directory_iterator(p.parent_path(), ec))
    if (e.path().filename().string().rfind(stem, 0) == 0) fs::remove_all(e.path(), ec);
}

Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

void Indexer::add(const Article& article) {
  Impl& d = *impl_;
  Xapian::WritableDatabase& db = d.writable();
  try {
    d.add_article(db, article);
  } catch (const Xapian::Error& e) {
    throw IndexError(d.db_path + ": cannot add \"" + article.id + "\": " + e.get_description());
  }
}

void Indexer::commit() {
  Impl& d = *impl_;
  try {
    d.writable().commit();
  } catch (const Xapian::Error& e) {
    throw IndexError(d.db_path + ": commit failed: " + e.get_description());
  }
}

IndexSummary Indexer::index(const std::vector<std::string>& inputs,
                            const std::function<void(const IndexProgress&)>& on_progress,
                            const std::function<void(const BadRecord&)>& on_bad) {
  // Xapian's exceptions are not part of the public API (no Xapian types in its headers):
  // whatever escapes, from a worker, a merge or a lookup, becomes an IndexError; so do
  // file-system errors (temporary directories, the swap after a merge).
  try {
    Impl& d = *impl_;
    d.writable();  // open, unless a failed merge of an earlier call closed it
    const auto t0 = Clock::now();
    IndexSummary summary;
    CorpusReader reader(inputs, ReaderOptions{d.options.max_record_bytes});

    // Page chrome: learn per-source models from the inputs (a light first pass, its work
    // spread over the workers); sources with too little text in this run reuse the model a
    // previous run stored in the database.
    detail::ChromeModel chrome;
    {
      // Models stored by builds before chrome2: (another word hash) are never read: drop them.
      std::vector<std::string> stale;
      for (auto k = d.db->metadata_keys_begin("chrome:"); k != d.db->metadata_keys_end("chrome:");
           ++k)
        stale.push_back(*k);
      for (const auto& k : stale) d.db->set_metadata(k, std::string());
    }
    if (d.options.remove_chrome) {
      std::set<std::string> sources;
      chrome = learn_chrome(inputs, d.options, sources);
      for (const auto& src : sources) {
        const std::string key = std::string(detail::ChromeModel::kMetaPrefix) + src;
        if (key.size() > schema::kMaxTermBytes) continue;
        if (chrome.has(src)) {
          std::string model = chrome.serialize(src);
          if (d.db->get_metadata(key) != model) d.db->set_metadata(key, model);
        } else if (chrome.documents_learned(src) < detail::ChromeModel::kMinDocs) {
          std::string stored = d.db->get_metadata(key);
          if (!stored.empty()) chrome.load(src, stored);
        }
      }
      summary.chrome_sources = chrome.sources().size();
      spdlog::debug("chrome pre-pass: {} sources with a model, {:.2f} s", summary.chrome_sources,
                    std::chrono::duration<double>(Clock::now() - t0).count());
    }

    // The product names the stemmer must leave alone; each worker loads its own extractor
    // (an extractor is not shared between threads).
    std::vector<std::string> protected_words = d.protected_words();
    const unsigned jobs = d.options.jobs;
    const std::string tmp_dir = d.db_path + ".tmp-" + std::to_string(::getpid());
    std::error_code ec;
    fs::remove_all(tmp_dir, ec);
    fs::create_directories(tmp_dir);

    std::mutex done_mutex;
    std::condition_variable done_cv;
    std::size_t pending = 0;                      // batches handed out, not yet written
    std::atomic<std::size_t> docs_written{0};     // by the workers, for progress
    std::size_t docs_queued = 0;                  // handed to batches by the reader
    std::map<std::size_t, std::string> finished;  // batch index → shard path
    std::exception_ptr worker_error;

    // A checkpoint's merge runs on a thread of its own, which owns d.db meanwhile, while the
    // reader and the workers go on with the next shards. The reader looks ids up in a
    // read-only view: merges change only documents this run has already seen (seen_ids),
    // so every committed revision of the database answers the same for an id not yet seen,
    // and the view may be reopened at any time: when a merge's commits invalidate it
    // (DatabaseModifiedError), while a merge swaps directories, and when a merge is done
    // (which also lets go of the old directory's files).
    // (Set up before the workers start: nothing may throw between their start and the try
    // that joins them.)
    d.db->commit();  // what add() wrote: the view reads what is committed
    Xapian::Database view(d.db_path);
    std::size_t db_docs = d.db->get_doccount();  // exact when no merge runs; else about
    std::thread merger;
    std::atomic<bool> merge_done{false};
    std::exception_ptr merge_error;
    // One queue for all workers: whichever is free takes the next batch, so the last batches
    // do not wait behind a slow one (document ids still follow input order: shards are merged
    // in batch order, whoever wrote them).
    BatchQueue queue(2 * jobs);
    std::vector<std::thread> workers;
    for (unsigned w = 0; w < jobs; ++w) {
      workers.emplace_back([&, w] {
        try {
          AnalyzerOptions ao;
          ao.language = d.options.language;
          ao.protected_words = protected_words;
          Analyzer analyzer(ao);
          std::optional<EntityExtractor> extractor;
          if (d.options.entities) extractor.emplace(EntityOptions{d.options.gazetteer_dir});
          DocumentBuilder builder(analyzer, extractor ? &*extractor : nullptr);
          double waited = 0;
          std::size_t batches = 0;
          const auto started = Clock::now();
          for (;;) {
            const auto w0 = Clock::now();
            std::optional<Batch> batch = queue.pop();
            waited += std::chrono::duration<double>(Clock::now() - w0).count();
            if (!batch) {
              spdlog::debug(
                  "worker {}: {} shards; started at {:.2f} s, waited {:.2f} s, done at {:.2f} s", w,
                  batches, std::chrono::duration<double>(started - t0).count(), waited,
                  std::chrono::duration<double>(Clock::now() - t0).count());
              break;
            }
            ++batches;
            std::string path = tmp_dir + "/shard-" + std::to_string(batch->index);
            {
              // No fsync, and blocks rewritten in place (no copy-on-write between the shard's
              // commits): nothing reads a shard while it is written, and a crash discards it.
              Xapian::WritableDatabase shard(path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC |
                                                       Xapian::DB_DANGEROUS |
                                                       Xapian::DB_BACKEND_GLASS);
              std::unordered_set<std::string> labels;
              for (std::size_t i = 0; i < batch->articles.size(); ++i) {
                Article& a = batch->articles[i];
                if (chrome.has(a.source)) a.body = chrome.clean(a.source, a.body);
                BuiltDocument b = builder.build(a, batch->hashes[i]);
                d.write_labels(shard, b, labels);
                shard.add_document(b.doc);
                docs_written.fetch_add(1, std::memory_order_relaxed);
                // Small commits keep Xapian's inverter small (IndexOptions::shard_flush_docs).
                if ((i + 1) % d.options.shard_flush_docs == 0 && i + 1 < batch->articles.size())
                  shard.commit();
              }
              set_schema_metadata(shard, d.options.language);
              shard.commit();
            }
            std::lock_guard lock(done_mutex);
            finished[batch->index] = path;
            if (pending) --pending;  // a failed worker may have zeroed it
            done_cv.notify_all();
          }
        } catch (...) {
          std::lock_guard lock(done_mutex);
          if (!worker_error) worker_error = std::current_exception();
          pending = 0;
          done_cv.notify_all();
        }
      });
    }

    std::size_t next_batch = 0, merged_upto = 0;
    std::size_t since_checkpoint = 0;
    std::vector<std::string> stale_ids;        // changed documents: old versions to delete
    std::unordered_set<std::string> seen_ids;  // id terms of this run
    std::set<std::string> files_with_bad;
    Batch current;
    auto last_progress = Clock::now();

    std::size_t records = 0;
    // Progress counts what is written (or skipped as unchanged/bad), not merely read.
    auto report_progress = [&](bool force) {
      if (!on_progress || (!force && Clock::now() - last_progress < std::chrono::milliseconds(500)))
        return;
      last_progress = Clock::now();
      // Records done = read − (queued but not yet written); bytes pro rata.
      std::size_t written = docs_written.load(std::memory_order_relaxed);
      std::size_t recs = records - (docs_queued - std::min(docs_queued, written));
      std::uint64_t bytes =
          records ? std::uint64_t(double(reader.bytes_read()) * double(recs) / double(records)) : 0;
      on_progress({bytes, reader.total_bytes(), recs,
                   std::chrono::duration<double>(Clock::now() - t0).count()});
    };
    auto check_worker_error = [&] {
      std::lock_guard lock(done_mutex);
      if (worker_error) std::rethrow_exception(worker_error);
    };
    auto dispatch = [&] {
      if (current.articles.empty()) return;
      current.index = next_batch++;
      {
        std::lock_guard lock(done_mutex);
        ++pending;
      }
      queue.push(std::move(current), [&] {
        report_progress(false);
        check_worker_error();  // a full queue no worker drains: fail, do not wait forever
      });
      current = Batch{};
    };
    // Joins the merge in flight, if any (waiting for it, with progress, unless it is done),
    // rethrows its error and refreshes the view and the document count.
    auto finish_merge = [&] {
      if (!merger.joinable()) return;
      while (!merge_done.load(std::memory_order_acquire)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        report_progress(false);
      }
      merger.join();
      if (merge_error) std::rethrow_exception(std::exchange(merge_error, nullptr));
      view = Xapian::Database(d.db_path);
      db_docs = d.db->get_doccount();
    };
    // The content hash stored for an id term, or nullopt if the id is not in the database.
    auto stored_hash = [&](const std::string& idt) -> std::optional<std::string> {
      enum { as_is, reopen, open_again } how = as_is;
      for (int attempt = 0;; ++attempt) {
        try {
          if (how == reopen) view.reopen();
          if (how == open_again) view = Xapian::Database(d.db_path);
          auto pl = view.postlist_begin(idt);
          if (pl == view.postlist_end(idt)) return std::nullopt;
          return view.get_document(*pl, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotHash);
        } catch (const Xapian::DatabaseModifiedError&) {
          if (attempt >= 1000) throw;
          how = reopen;  // a merge committed twice since the view was opened
        } catch (const Xapian::DatabaseError&) {
          // Only with a merge started and not yet joined: it may be between its two renames
          // (no <db> for a moment) or have swapped the directory under the view.
          if (attempt >= 1000 || !merger.joinable()) throw;
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
          how = open_again;
        }
      }
    };
    // Hands every batch dispatched so far, once written, to a merge: at a checkpoint on a
    // thread of its own (after the one before it, if still running), at the end (@p last)
    // here.
    auto wait_and_merge = [&](bool last) {
      dispatch();
      std::unique_lock lock(done_mutex);
      while (!done_cv.wait_for(lock, std::chrono::milliseconds(500),
                               [&] { return pending == 0 || worker_error; })) {
        lock.unlock();
        report_progress(false);
        lock.lock();
      }
      if (worker_error) std::rethrow_exception(worker_error);
      std::vector<std::string> shards;
      for (auto it = finished.lower_bound(merged_upto); it != finished.end(); ++it)
        shards.push_back(it->second);
      finished.clear();
      merged_upto = next_batch;
      lock.unlock();
      finish_merge();
      auto run = [&d, &t0, &tmp_dir](const std::vector<std::string>& sources, std::size_t docs,
                                     const std::vector<std::string>& stale) {
        const auto m0 = Clock::now();
        d.merge(sources, docs, stale, tmp_dir);
        spdlog::debug("merged {} shards in {:.2f} s (at {:.2f} s)", sources.size(),
                      std::chrono::duration<double>(Clock::now() - m0).count(),
                      std::chrono::duration<double>(Clock::now() - t0).count());
      };
      std::vector<std::string> stale = std::exchange(stale_ids, {});
      const std::size_t docs = std::exchange(since_checkpoint, 0);
      if (last) {
        run(shards, docs, stale);
        return;
      }
      db_docs += docs;  // until the merge is joined; replaced documents make it too high
      merge_done.store(false, std::memory_order_release);
      merger = std::thread([&, run, shards = std::move(shards), docs, stale = std::move(stale)] {
        try {
          run(shards, docs, stale);
        } catch (...) {
          merge_error = std::current_exception();
        }
        merge_done.store(true, std::memory_order_release);
      });
    };

    // Batches shrink towards the end of the input (detail::next_batch_size).
    auto batch_target = [&] {
      return detail::next_batch_size(reader.total_bytes(), reader.bytes_read(), records,
                                     current.articles.size(), jobs, d.options.shard_flush_docs,
                                     d.options.shard_docs);
    };

    auto report_bad = [&](BadRecord&& bad) {
      ++summary.bad;
      files_with_bad.insert(bad.file);
      if (bad.line)
        spdlog::warn("{}:{}: skipped: {}", bad.file, bad.line, bad.reason);
      else
        spdlog::warn("{}: skipped: {}", bad.file, bad.reason);
      if (on_bad) on_bad(bad);
      if (summary.bad_records.size() < 1000) summary.bad_records.push_back(std::move(bad));
    };

    try {
      reader.read(
          [&](Article&& a) {
            ++records;
            std::string idt = schema::id_term(a.id);
            if (!seen_ids.insert(idt).second) {
              report_bad({a.origin, a.line,
                          "duplicate id \"" + a.id +
                              "\" (an earlier record of this "
                              "run has it; the first one is kept)"});
              return true;
            }
            if (merger.joinable() && merge_done.load(std::memory_order_acquire)) finish_merge();
            std::string hash = DocumentBuilder::hash_of(a);
            if (std::optional<std::string> stored = stored_hash(idt)) {
              if (*stored == hash) {
                ++summary.unchanged;
                return true;
              }
              ++summary.replaced;
              stale_ids.push_back(idt);
            } else {
              ++summary.indexed;
            }
            current.articles.push_back(std::move(a));
            ++docs_queued;
            current.hashes.push_back(std::move(hash));
            ++since_checkpoint;
            if (current.articles.size() >= batch_target()) {
              check_worker_error();
              dispatch();
            }
            if (since_checkpoint >= std::max(d.options.checkpoint_docs, db_docs))
              wait_and_merge(false);
            report_progress(false);
            return true;
          },
          [&](BadRecord&& bad) {
            ++records;
            report_bad(std::move(bad));
          });
      wait_and_merge(true);
    } catch (...) {
      queue.close();
      for (auto& t : workers) t.join();
      if (merger.joinable()) merger.join();  // its error, if any, is secondary to this one
      fs::remove_all(tmp_dir, ec);
      throw;
    }
    for (unsigned w = 0; w < jobs; ++w) queue.push(std::nullopt);
    for (auto& t : workers) t.join();
    fs::remove_all(tmp_dir, ec);
    summary.shards = next_batch;

    if (d.options.prune) {
      std::vector<std::string> gone;
      for (auto t = d.db->allterms_begin(std::string(schema::kId));
           t != d.db->allterms_end(std::string(schema::kId)); ++t) {
        if (seen_ids.count(*t)) continue;
        // A record that was unreadable this time is not proof its document is gone.
        auto pl = d.db->postlist_begin(*t);
        auto fields = schema::decode_data(d.db->get_document(*pl).get_data());
        if (files_with_bad.count(fields.origin)) continue;
        gone.push_back(*t);
      }
      for (const auto& t : gone) d.db->delete_document(t);
      d.db->commit();
      summary.pruned = gone.size();
    }

    d.db->commit();  // metadata written outside a merge (chrome models)
    summary.documents = d.db->get_doccount();
    summary.bytes = reader.total_bytes();
    summary.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    if (on_progress)
      on_progress({reader.total_bytes(), reader.total_bytes(), records, summary.seconds});
    return summary;
  } catch (const Xapian::Error& e) {
    throw IndexError(impl_->db_path + ": " + e.get_description());
  } catch (const fs::filesystem_error& e) {  // temporary directories, the swap
    throw IndexError(impl_->db_path + ": " + e.what());
  }
}

}  // namespace newsdex
