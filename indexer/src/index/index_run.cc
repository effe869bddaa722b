#include "index/index_run.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <unordered_set>
#include <utility>

#include "core/schema.h"
#include "index/alias_pass.h"
#include "index/chrome_pass.h"
#include "index/document_builder.h"
#include "newsdex/analysis.h"
#include "newsdex/entities.h"

namespace fs = std::filesystem;

namespace newsdex::detail {
namespace {

double seconds_since(IndexRun::Clock::time_point t) {
  return std::chrono::duration<double>(IndexRun::Clock::now() - t).count();
}

// Old versions handed to the merge thread at a time while the workers index (delete_early).
constexpr std::size_t kEarlyDeletes = 500;

}  // namespace

IndexRun::IndexRun(DatabaseWriter& writer, const std::vector<std::string>& inputs,
                   const std::function<void(const IndexProgress&)>& on_progress,
                   const std::function<void(const BadRecord&)>& on_bad)
    : writer_(writer),
      options_(writer.options()),
      on_progress_(on_progress),
      on_bad_(on_bad),
      inputs_(inputs),
      t0_(Clock::now()),
      reader_(inputs, ReaderOptions{writer.options().max_record_bytes}),
      queue_(2 * writer.options().jobs),
      last_progress_(t0_) {}

IndexSummary IndexRun::run() {
  Xapian::WritableDatabase& db = writer_.writable();
  // Page chrome: learned from the inputs (a light first pass, spread over the workers);
  // sources with too little text in this run reuse the model a previous run stored.
  chrome_ = prepare_chrome(db, inputs_, options_);
  summary_.chrome_sources = chrome_.sources().size();

  // The product names the stemmer must leave alone; each worker loads its own extractor
  // (an extractor is not shared between threads).
  protected_words_ = EntityExtractor(EntityOptions{options_.gazetteer_dir}).protected_words();
  tmp_dir_ = writer_.path() + ".tmp-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(tmp_dir_, ec);
  fs::create_directories(tmp_dir_);

  // The reader looks ids up in a read-only view: merges change only documents this run has
  // already seen (seen_ids_), so every committed revision of the database answers the same
  // for an id not yet seen, and the view may be reopened at any time: when a merge's commits
  // invalidate it (DatabaseModifiedError), while a merge swaps directories, and when a merge
  // is done (which also lets go of the old directory's files).
  db.commit();  // what add() wrote: the view reads what is committed
  view_.emplace(writer_.path());
  db_docs_ = db.get_doccount();
  stories_.load(db);

  try {
    start_workers();
    reader_.read([this](Article&& a) { return on_article(std::move(a)); },
                 [this](BadRecord&& bad) {
                   ++records_;
                   on_bad(std::move(bad));
                 });
    checkpoint(true);
  } catch (...) {
    abort();
    throw;
  }
  stop_workers();
  summary_.shards = next_batch_;
  spdlog::info("stories: {} articles joined an earlier story ({} exact copies, {} near)",
               stories_.exact_joins() + stories_.near_joins(), stories_.exact_joins(),
               stories_.near_joins());
  stories_ = StoryTable();  // every article has its key: the table's memory goes now

  if (options_.prune) prune();
  Xapian::WritableDatabase& w = writer_.writable();
  store_person_aliases(w, options_.gazetteer_dir);  // the keys as they now are (alias_pass.h)
  w.commit();  // metadata written outside a merge (chrome models, person aliases)
  summary_.documents = w.get_doccount();
  summary_.bytes = reader_.total_bytes();
  summary_.seconds = seconds_since(t0_);
  if (on_progress_)
    on_progress_({reader_.total_bytes(), reader_.total_bytes(), records_, summary_.seconds});
  return std::move(summary_);
}

// ---- workers ---------------------------------------------------------------------------

void IndexRun::start_workers() {
  for (unsigned w = 0; w < options_.jobs; ++w) workers_.emplace_back([this, w] { worker(w); });
}

// Takes batches until the queue says stop; each becomes one temporary shard. An exception
// is handed to the reader (worker_error_), which stops the run.
void IndexRun::worker(unsigned w) {
  try {
    AnalyzerOptions ao;
    ao.language = options_.language;
    ao.protected_words = protected_words_;
    Analyzer analyzer(ao);
    std::optional<EntityExtractor> extractor;
    if (options_.entities) extractor.emplace(EntityOptions{options_.gazetteer_dir});
    DocumentBuilder builder(analyzer, extractor ? &*extractor : nullptr);
    double waited = 0;
    std::size_t batches = 0;
    const auto started = Clock::now();
    for (;;) {
      const auto w0 = Clock::now();
      Batch batch;
      const bool more = queue_.pop(batch);
      waited += seconds_since(w0);
      if (!more) {
        spdlog::debug(
            "worker {}: {} shards; started at {:.2f} s, waited {:.2f} s, done at {:.2f} s", w,
            batches, std::chrono::duration<double>(started - t0_).count(), waited,
            seconds_since(t0_));
        break;
      }
      ++batches;
      std::string path = tmp_dir_ + "/shard-" + std::to_string(batch.index);
      {
        // No fsync: nothing reads a shard while it is written, and a crash discards it. Not
        // DB_DANGEROUS (blocks rewritten in place), though it was ~1.5% faster: when the disk
        // fills during a commit, Xapian 1.4 then throws while unwinding and the process
        // ends in std::terminate (tests/cli/disk_full.sh; docs/indexing.md).
        Xapian::WritableDatabase shard(
            path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC | Xapian::DB_BACKEND_GLASS);
        std::unordered_set<std::string> labels;
        std::uint64_t pending_bytes = 0;  // text added since the shard's last commit
        auto commit = [&] {
          ensure_free_space(tmp_dir_, kMinFreeBytes + kCommitBytesPerTextByte * pending_bytes);
          shard.commit();
          pending_bytes = 0;
        };
        for (std::size_t i = 0; i < batch.articles.size(); ++i) {
          Article& a = batch.articles[i];  // chrome already removed (on_article)
          BuiltDocument b = builder.build(a, batch.hashes[i]);
          b.doc.add_value(schema::kSlotStory, batch.stories[i]);
          b.doc.add_value(schema::kSlotFingerprint, batch.fingerprints[i]);
          write_labels(shard, b, labels);
          shard.add_document(b.doc);
          pending_bytes += a.title.size() + a.body.size();
          docs_written_.fetch_add(1, std::memory_order_relaxed);
          // Small commits keep Xapian's inverter small (IndexOptions::shard_flush_docs).
          if ((i + 1) % options_.shard_flush_docs == 0 && i + 1 < batch.articles.size()) commit();
        }
        set_schema_metadata(shard, options_.language);
        store_protected_words(shard, protected_words_);  // the compaction carries it over
        commit();
      }
      std::lock_guard lock(done_mutex_);
      finished_[batch.index] = path;
      if (pending_) --pending_;  // a failed worker may have zeroed it
      done_cv_.notify_all();
    }
  } catch (...) {
    std::lock_guard lock(done_mutex_);
    if (!worker_error_) worker_error_ = std::current_exception();
    pending_ = 0;
    done_cv_.notify_all();
  }
}

void IndexRun::check_worker_error() {
  std::lock_guard lock(done_mutex_);
  if (worker_error_) std::rethrow_exception(worker_error_);
}

// The normal end: one stop per worker, after the last batch.
void IndexRun::stop_workers() {
  for (unsigned w = 0; w < options_.jobs; ++w) queue_.push_stop();
  for (auto& t : workers_) t.join();
  std::error_code ec;
  fs::remove_all(tmp_dir_, ec);
}

// Unwinding after an error: nothing queued is written, every thread is joined, the
// temporary shards are removed. A merge's own error, if any, is secondary to this one.
void IndexRun::abort() {
  queue_.close();
  for (auto& t : workers_) t.join();
  if (merger_.joinable()) merger_.join();
  std::error_code ec;
  fs::remove_all(tmp_dir_, ec);
}

// ---- the reader ------------------------------------------------------------------------

bool IndexRun::on_article(Article&& a) {
  ++records_;
  std::string idt = schema::id_term(a.id);
  bool first = false;
  seen_ids_.intern(idt, hash_word(idt), first);
  if (!first) {
    on_bad({a.origin, a.line,
            "duplicate id \"" + a.id +
                "\" (an earlier record of this "
                "run has it; the first one is kept)"});
    return true;
  }
  if (merger_.joinable() && merge_done_.load(std::memory_order_acquire)) finish_merge();
  std::string hash = DocumentBuilder::hash_of(a);
  if (std::optional<std::string> stored = stored_hash(idt)) {
    if (*stored == hash) {
      ++summary_.unchanged;
      return true;
    }
    ++summary_.replaced;
    stale_ids_.push_back(idt);
    if (stale_ids_.size() >= kEarlyDeletes && !merger_.joinable()) delete_early();
  } else {
    ++summary_.indexed;
  }
  // The story key, here in reading order (story.h): from the body without its chrome (the
  // same words in many articles of a source would make them look alike), so chrome is
  // removed here rather than in the workers.
  if (chrome_.has(a.source)) a.body = chrome_.clean(a.source, a.body);
  const Fingerprint fp = fingerprint(a.title, a.body);
  current_.stories.push_back(stories_.assign(fp));
  current_.fingerprints.push_back(encode_fingerprint(fp));
  current_.bytes += a.title.size() + a.body.size();
  current_.articles.push_back(std::move(a));
  ++docs_queued_;
  current_.hashes.push_back(std::move(hash));
  ++since_checkpoint_;
  if (current_.articles.size() >= batch_target() || current_.bytes >= options_.shard_max_bytes) {
    check_worker_error();
    dispatch();
  }
  if (since_checkpoint_ >= std::max(options_.checkpoint_docs, db_docs_)) checkpoint(false);
  report_progress(false);
  return true;
}

void IndexRun::on_bad(BadRecord&& bad) {
  ++summary_.bad;
  files_with_bad_.insert(bad.file);
  if (bad.line)
    spdlog::warn("{}:{}: skipped: {}", bad.file, bad.line, bad.reason);
  else
    spdlog::warn("{}: skipped: {}", bad.file, bad.reason);
  if (on_bad_) on_bad_(bad);
  if (summary_.bad_records.size() < 1000) summary_.bad_records.push_back(std::move(bad));
}

// The content hash stored for an id term, or nullopt if the id is not in the database.
std::optional<std::string> IndexRun::stored_hash(const std::string& idt) {
  enum { as_is, reopen, open_again } how = as_is;
  for (int attempt = 0;; ++attempt) {
    try {
      if (how == reopen) view_->reopen();
      if (how == open_again) view_.emplace(writer_.path());
      auto pl = view_->postlist_begin(idt);
      if (pl == view_->postlist_end(idt)) return std::nullopt;
      return view_->get_document(*pl, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotHash);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 1000) throw;
      how = reopen;  // a merge committed twice since the view was opened
    } catch (const Xapian::DatabaseError&) {
      // Only with a merge started and not yet joined: it may be between its two renames
      // (no <db> for a moment) or have swapped the directory under the view.
      if (attempt >= 1000 || !merger_.joinable()) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      how = open_again;
    }
  }
}

// Batches shrink towards the end of the input (next_batch_size).
std::size_t IndexRun::batch_target() {
  return next_batch_size(reader_.total_bytes(), reader_.bytes_read(), records_,
                         current_.articles.size(), options_.jobs, options_.shard_flush_docs,
                         options_.shard_docs);
}

void IndexRun::dispatch() {
  if (current_.articles.empty()) return;
  current_.index = next_batch_++;
  {
    std::lock_guard lock(done_mutex_);
    ++pending_;
  }
  queue_.push(std::move(current_), [this] {
    report_progress(false);
    check_worker_error();  // a full queue no worker drains: fail, do not wait forever
  });
  current_ = Batch{};
}

// Hands every batch dispatched so far, once written, to a merge: at a checkpoint on a
// thread of its own (after the one before it, if still running), at the end (@p last) here.
void IndexRun::checkpoint(bool last) {
  dispatch();
  std::unique_lock lock(done_mutex_);
  while (!done_cv_.wait_for(lock, std::chrono::milliseconds(500),
                            [&] { return pending_ == 0 || worker_error_; })) {
    lock.unlock();
    report_progress(false);
    lock.lock();
  }
  if (worker_error_) std::rethrow_exception(worker_error_);
  std::vector<std::string> shards;
  for (auto it = finished_.lower_bound(merged_upto_); it != finished_.end(); ++it)
    shards.push_back(it->second);
  finished_.clear();
  merged_upto_ = next_batch_;
  lock.unlock();
  finish_merge();
  early_deleted_ = 0;  // this merge brings their new versions
  std::vector<std::string> stale = std::exchange(stale_ids_, {});
  const std::size_t docs = std::exchange(since_checkpoint_, 0);
  if (last) {
    merge(shards, docs, stale);
    return;
  }
  db_docs_ += docs;  // until the merge is joined; replaced documents make it too high
  start_merge_thread([this, shards = std::move(shards), docs, stale = std::move(stale)] {
    merge(shards, docs, stale);
  });
}

// Runs @p job on the merge thread (none may be running); its error is rethrown by
// finish_merge().
void IndexRun::start_merge_thread(std::function<void()> job) {
  merge_done_.store(false, std::memory_order_release);
  merger_ = std::thread([this, job = std::move(job)] {
    try {
      job();
    } catch (...) {
      merge_error_ = std::current_exception();
    }
    merge_done_.store(true, std::memory_order_release);
  });
}

// Deletes the old versions found so far on the merge thread, while the workers index the new
// ones: a replacing run then no longer ends with all its deletions in a row (Xapian deletes
// one document at a time, about as slowly as a worker indexes one: replacing 15,000 of 30,000
// generated articles spent 33 of its 98 s deleting at the end; bench/README.md). Between a
// deletion's commit and the merge of the new version the document is missing: a run stopped
// there leaves it out, and the next run indexes it as new, as after a checkpoint merge's own
// deletions. Only ids already seen are deleted, so the reader's view stays valid for the rest.
void IndexRun::delete_early() {
  std::vector<std::string> ids = std::exchange(stale_ids_, {});
  early_deleted_ += ids.size();
  start_merge_thread([this, ids = std::move(ids)] { writer_.delete_documents(ids); });
}

void IndexRun::merge(const std::vector<std::string>& shards, std::size_t docs,
                     const std::vector<std::string>& stale) {
  const auto m0 = Clock::now();
  writer_.merge(shards, docs, stale, tmp_dir_);
  spdlog::debug("merged {} shards in {:.2f} s (at {:.2f} s)", shards.size(), seconds_since(m0),
                seconds_since(t0_));
}

// Joins the merge in flight, if any (waiting for it, with progress, unless it is done),
// rethrows its error and refreshes the view and the document count.
void IndexRun::finish_merge() {
  if (!merger_.joinable()) return;
  while (!merge_done_.load(std::memory_order_acquire)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    report_progress(false);
  }
  merger_.join();
  if (merge_error_) std::rethrow_exception(std::exchange(merge_error_, nullptr));
  view_.emplace(writer_.path());
  // Documents deleted early count until their new versions are merged: the checkpoints'
  // spacing stays that of the database's size.
  db_docs_ = writer_.writable().get_doccount() + early_deleted_;
}

// --prune: deletes the documents of ids this run did not see, except those whose file had
// an unreadable record this time (that is no proof the document is gone).
void IndexRun::prune() {
  Xapian::WritableDatabase& db = writer_.writable();
  const std::string id_prefix(schema::kId);
  std::vector<std::string> gone;
  for (auto t = db.allterms_begin(id_prefix); t != db.allterms_end(id_prefix); ++t) {
    if (seen_ids_.contains(*t, hash_word(*t))) continue;
    auto pl = db.postlist_begin(*t);
    auto fields = schema::decode_data(db.get_document(*pl).get_data());
    if (files_with_bad_.count(fields.origin)) continue;
    gone.push_back(*t);
  }
  for (const auto& t : gone) db.delete_document(t);
  db.commit();
  summary_.pruned = gone.size();
}

// Progress counts what is written (or skipped as unchanged/bad), not merely read; about
// twice a second unless @p force.
void IndexRun::report_progress(bool force) {
  if (!on_progress_ || (!force && Clock::now() - last_progress_ < std::chrono::milliseconds(500)))
    return;
  last_progress_ = Clock::now();
  // Records done = read − (queued but not yet written); bytes pro rata.
  std::size_t written = docs_written_.load(std::memory_order_relaxed);
  std::size_t recs = records_ - (docs_queued_ - std::min(docs_queued_, written));
  std::uint64_t bytes =
      records_ ? std::uint64_t(double(reader_.bytes_read()) * double(recs) / double(records_)) : 0;
  on_progress_({bytes, reader_.total_bytes(), recs, seconds_since(t0_)});
}

}  // namespace newsdex::detail
