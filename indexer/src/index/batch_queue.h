#pragma once
// Batches of articles on their way from the index run's reader to its workers: the bounded
// queue that carries them, and how many documents the reader puts in the next one (one
// temporary shard).
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "newsdex/article.h"

namespace newsdex::detail {

/// The size of the next batch: @p max_docs (IndexOptions::shard_docs), shrinking towards the
/// end of the input so the @p jobs workers finish together instead of one waiting for the
/// other's last full batch (0.15 s of 2.4 on the first 2,000 tech articles). A batch is at
/// most a 1/jobs share of the records still to come, estimated from the bytes left (@p
/// total_bytes − @p bytes_read) at the rate so far (@p records_read in @p bytes_read), plus
/// the @p batched records not yet dispatched; never less than @p min_docs nor more than
/// @p max_docs.
inline std::size_t next_batch_size(std::uint64_t total_bytes, std::uint64_t bytes_read,
                                   std::size_t records_read, std::size_t batched, unsigned jobs,
                                   std::size_t min_docs, std::size_t max_docs) {
  min_docs = std::min(min_docs, max_docs);
  if (records_read == 0 || bytes_read == 0 || jobs == 0) return max_docs;
  const double left = double(total_bytes > bytes_read ? total_bytes - bytes_read : 0) *
                          double(records_read) / double(bytes_read) +
                      double(batched);
  const double share = std::min(left / double(jobs), double(max_docs));  // fits a size_t
  return std::max(std::size_t(share), min_docs);
}

/// A batch: the articles of one temporary shard, with their content hashes.
struct Batch {
  std::size_t index = 0;  ///< dispatch order: shards are merged in this order
  std::vector<Article> articles;
  std::vector<std::string> hashes;
  std::vector<std::string> stories;       ///< story keys (schema::kSlotStory)
  std::vector<std::string> fingerprints;  ///< schema::kSlotFingerprint values
  std::size_t bytes = 0;  ///< of the articles' titles and bodies (IndexOptions::shard_max_bytes)
};

/// A bounded multi-consumer queue of batches, and stops (one per consumer). Every member is
/// safe to call from any thread.
class BatchQueue {
 public:
  explicit BatchQueue(std::size_t capacity) : capacity_(capacity) {}
  /// Blocks while full, calling @p tick about twice a second meanwhile.
  void push(Batch b, const std::function<void()>& tick = {}) {
    std::unique_lock lock(wait_for_room(tick));
    if (closed_) return;
    q_.emplace_back(std::move(b));
    not_empty_.notify_one();
  }
  /// Tells one consumer to stop (its pop() returns false), after what is queued.
  void push_stop() {
    std::unique_lock lock(wait_for_room({}));
    if (closed_) return;
    q_.emplace_back();
    not_empty_.notify_one();
  }
  /// Moves the next batch into @p out; false at a stop or once closed.
  bool pop(Batch& out) {
    std::unique_lock lock(m_);
    not_empty_.wait(lock, [&] { return closed_ || !q_.empty(); });
    if (closed_) return false;
    const bool stop = !q_.front().has_value();
    if (!stop) out = std::move(*q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return !stop;
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
  // Waits until there is room or the queue is closed; returns the lock, held.
  std::unique_lock<std::mutex> wait_for_room(const std::function<void()>& tick) {
    std::unique_lock lock(m_);
    while (!not_full_.wait_for(lock, std::chrono::milliseconds(500),
                               [&] { return closed_ || q_.size() < capacity_; })) {
      if (!tick) continue;
      lock.unlock();
      tick();
      lock.lock();
    }
    return lock;
  }

  std::mutex m_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::optional<Batch>> q_;
  std::size_t capacity_;
  bool closed_ = false;
};

}  // namespace newsdex::detail
