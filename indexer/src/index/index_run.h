#pragma once
// One Indexer::index() call: the pipeline that turns inputs into documents in the database.
//
// Xapian 1.4 spends most of its indexing time updating a large database (docs/indexing.md),
// while building a small fresh database and merging databases by compaction are cheap. So:
// the reading thread (the caller's) hashes each record and skips unchanged ones, groups the
// rest into batches and queues them; each worker analyses a batch and writes it as a fresh
// temporary shard (no fsync). At checkpoints the shards are merged into the database on a
// merge thread while reading goes on; at the end, on the reading thread. Shards are merged
// in batch order, so document ids follow input order whatever the number of workers. The old
// versions of changed documents are deleted on the merge thread too, a few hundred at a
// time while the workers index their new versions (delete_early), not all at the end.
//
// The steps, in order: prepare_chrome (chrome_pass.h) → start_workers → the reader's
// on_article / on_bad for each record, with dispatch() per full batch and checkpoint() at
// each checkpoint → checkpoint(last) → stop_workers → prune → the final commit.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/flat_map.h"
#include "corpus/chrome.h"
#include "index/batch_queue.h"
#include "index/story.h"
#include "index/writer.h"
#include "newsdex/corpus_reader.h"
#include "newsdex/indexer.h"

namespace newsdex::detail {

class IndexRun {
 public:
  using Clock = std::chrono::steady_clock;

  IndexRun(DatabaseWriter& writer, const std::vector<std::string>& inputs,
           const std::function<void(const IndexProgress&)>& on_progress,
           const std::function<void(const BadRecord&)>& on_bad);
  IndexRun(const IndexRun&) = delete;
  IndexRun& operator=(const IndexRun&) = delete;

  /// Runs the pipeline to the end. Xapian and file-system errors escape as they are
  /// (Indexer::index translates them); no thread is left running when it throws.
  IndexSummary run();

 private:
  // ---- Threading rules -----------------------------------------------------------------
  // Three kinds of thread: the reader (the caller of run()), `jobs` workers, and at most one
  // merge thread at a time (a checkpoint's merge, or deletions of old versions).
  //  - Set before the workers start, read-only while they run, shared by all: the members
  //    in "set up", below.
  //  - queue_ is internally synchronised; docs_written_ is atomic (workers add, the reader
  //    reads for progress).
  //  - pending_, finished_ and worker_error_ are guarded by done_mutex_ (done_cv_ signals a
  //    written shard or a worker's error).
  //  - While a merge thread runs it owns the writer (its database); the reader touches the
  //    writer only after finish_merge() has joined it, and looks ids up in view_ instead.
  //    merge_error_ is written by the merge thread before its release-store of merge_done_,
  //    and read by the reader after join().
  //  - Everything else belongs to the reader thread.

  // Set up (before the workers start).
  DatabaseWriter& writer_;
  const IndexOptions& options_;
  const std::function<void(const IndexProgress&)>& on_progress_;
  const std::function<void(const BadRecord&)>& on_bad_;
  const std::vector<std::string>& inputs_;
  const Clock::time_point t0_;
  CorpusReader reader_;
  ChromeModel chrome_;
  std::vector<std::string> protected_words_;
  std::string tmp_dir_;

  // Shared between the reader and the workers.
  BatchQueue queue_;
  std::atomic<std::size_t> docs_written_{0};  // by the workers, for progress
  std::mutex done_mutex_;
  std::condition_variable done_cv_;
  std::size_t pending_ = 0;                      // batches handed out, not yet written
  std::map<std::size_t, std::string> finished_;  // batch index → shard path
  std::exception_ptr worker_error_;
  std::vector<std::thread> workers_;

  // Shared between the reader and the merge thread.
  std::thread merger_;
  std::atomic<bool> merge_done_{false};
  std::exception_ptr merge_error_;

  // The reader's own.
  IndexSummary summary_;
  std::optional<Xapian::Database> view_;  // read-only, for id look-ups (see stored_hash)
  std::size_t db_docs_ = 0;               // exact when no merge runs; else about
  std::size_t next_batch_ = 0, merged_upto_ = 0;
  std::size_t since_checkpoint_ = 0;
  std::size_t records_ = 0;             // read so far, bad ones included
  std::size_t docs_queued_ = 0;         // handed to batches
  std::vector<std::string> stale_ids_;  // changed documents: old versions to delete
  std::size_t early_deleted_ = 0;       // old versions deleted since the last checkpoint (see
                                        // delete_early), their new versions not yet merged
  StringInterner seen_ids_;             // id terms of this run (their bytes once: ~30 bytes an id)
  std::set<std::string> files_with_bad_;
  StoryTable stories_;  // the database's story keys, then this run's (story.h)
  Batch current_;
  Clock::time_point last_progress_;

  // Workers.
  void start_workers();
  void worker(unsigned w);
  // The reader's steps.
  bool on_article(Article&& a);
  void on_bad(BadRecord&& bad);
  std::optional<std::string> stored_hash(const std::string& id_term);
  std::size_t batch_target();
  void dispatch();
  void checkpoint(bool last);
  void merge(const std::vector<std::string>& shards, std::size_t docs,
             const std::vector<std::string>& stale);
  void start_merge_thread(std::function<void()> job);
  void delete_early();
  void finish_merge();
  void stop_workers();
  void abort();
  void prune();
  // Both.
  void check_worker_error();
  void report_progress(bool force);
};

}  // namespace newsdex::detail
