// DatabaseWriter::merge(): finished temporary shards into the database, in batch order.
//  - a few changes into a large database: replace_document() from the shards, one commit;
//  - otherwise: delete the old versions, compact database + shards into `<db>.new`, and
//    swap directories (`<db>` → `<db>.old`, `<db>.new` → `<db>`). recover() finishes or
//    rolls back a swap that a crash interrupted, so the database always opens.
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "core/schema.h"
#include "index/writer.h"

namespace fs = std::filesystem;

namespace newsdex::detail {
namespace {

// How many databases one compaction may read at once: each keeps about five files open
// (four tables and the version file), under the process's open-file limit, with room to
// spare for everything else. The writer lifts the soft limit first.
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

// How many databases one compaction reads at most, whatever the open-file limit: Xapian
// keeps cursors and blocks of every source (about 120 KiB each: compacting 50, 200 and 800
// copies of a 200-document shard peaked at 10, 28 and 100 MiB). Checkpoints double with the
// database, so a run of a million documents merged 2,000 shards at once, and its peak memory
// grew with the corpus. Shards beyond this are compacted in groups first (one more pass over
// the shards, not over the database).
constexpr std::size_t kMaxCompactionSources = 256;

// Bytes of the files under @p dir.
std::uint64_t dir_bytes(const std::string& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  return total;
}

}  // namespace

// Old versions out in batches of kDeleteBatch, each committed: Xapian buffers a deletion's
// postings and positions in ordered maps until it flushes (every 10,000 changes by default),
// and large maps cost more per change than the flushes save. Replacing 15,000 of 30,000
// generated articles: 68.3 s and 810 MiB at the default, 41.3 s and 51 MiB at 500
// (bench/README.md). The database is as consistent between batches as after the last one:
// old versions gone, new ones not yet in (the next run indexes them again if this stops).
// A commit copies the blocks it changes (copy-on-write), never more than the database: that
// much free space, as the merge that follows needs anyway (disk full inside a commit aborts
// the process; ensure_free_space).
void DatabaseWriter::delete_documents(const std::vector<std::string>& id_terms) {
  if (id_terms.empty()) return;
  ensure_free_space(path_, kMinFreeBytes + dir_bytes(path_));
  constexpr std::size_t kDeleteBatch = 500;
  const auto d0 = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < id_terms.size(); ++i) {
    db_->delete_document(id_terms[i]);
    if ((i + 1) % kDeleteBatch == 0) db_->commit();
  }
  db_->commit();
  spdlog::debug("deleted {} old versions in {:.2f} s", id_terms.size(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - d0).count());
}

void DatabaseWriter::merge(std::vector<std::string> shards, std::size_t new_docs,
                           const std::vector<std::string>& stale_ids, const std::string& tmp_dir) {
  if (shards.empty()) return;
  std::error_code ec;
  std::uint64_t shard_bytes = 0;
  for (const auto& s : shards) shard_bytes += dir_bytes(s);
  std::size_t existing = db_->get_doccount();
  if (existing > 0 && new_docs <= std::max<std::size_t>(1000, existing / 20)) {
    ensure_free_space(path_, kMinFreeBytes + 2 * shard_bytes);  // copy-on-write: new + old
    // Few changes to a large database: replace in place, one atomic commit.
    for (const auto& s : shards) {
      Xapian::Database shard(s);
      for (auto it = shard.postlist_begin(""); it != shard.postlist_end(""); ++it) {
        Xapian::Document d = shard.get_document(*it);
        auto t = d.termlist_begin();
        t.skip_to(std::string(schema::kId));
        if (t == d.termlist_end()) continue;
        db_->replace_document(*t, d);
      }
      for (auto k = shard.metadata_keys_begin(); k != shard.metadata_keys_end(); ++k)
        if (db_->get_metadata(*k).empty()) db_->set_metadata(*k, shard.get_metadata(*k));
    }
    db_->commit();
    for (const auto& s : shards) fs::remove_all(s, ec);
    return;
  }
  // Bulk: old versions out, then compact database + shards into a fresh directory. One
  // pass over all sources (Xapian's multipass took twice as long: 6.1 s against 3.0 s
  // for the 329 shards of the whole tech corpus), in groups only if the sources would not
  // all fit under the open-file limit.
  ensure_free_space(path_, kMinFreeBytes + dir_bytes(path_) + shard_bytes);  // the compaction
  delete_documents(stale_ids);
  const bool keep_db = db_->get_doccount() > 0;
  const std::size_t per_pass = std::min(kMaxCompactionSources, compaction_fan_in(options_.jobs));
  for (std::size_t round = 0; shards.size() + (keep_db ? 1 : 0) > per_pass; ++round) {
    spdlog::debug(
        "{} shards, at most {} sources per compaction (memory, open-file limit): grouping",
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
      try {
        group.compact(out);
      } catch (...) {
        fs::remove_all(out, ec);
        throw;
      }
      for (std::size_t k = i; k < end; ++k) fs::remove_all(shards[k], ec);
      grouped.push_back(out);
    }
    shards.swap(grouped);
  }
  Xapian::Database sources;
  if (keep_db) sources.add_database(Xapian::Database(path_));
  for (const auto& s : shards) sources.add_database(Xapian::Database(s));
  const std::string new_dir = path_ + ".new", old_dir = path_ + ".old";
  fs::remove_all(new_dir, ec);
  try {
    sources.compact(new_dir);
    sources = Xapian::Database();
    Xapian::WritableDatabase fresh(new_dir, Xapian::DB_OPEN);
    set_schema_metadata(fresh, options_.language);
    // An empty database is not a compaction source: carry its metadata (chrome models).
    for (auto k = db_->metadata_keys_begin(); k != db_->metadata_keys_end(); ++k)
      if (fresh.get_metadata(*k).empty()) fresh.set_metadata(*k, db_->get_metadata(*k));
    fresh.commit();
  } catch (...) {
    // Disk full, most likely: what the compaction wrote is of no use, and the database is
    // as it was (the shards are left for the run's clean-up).
    sources = Xapian::Database();
    fs::remove_all(new_dir, ec);
    throw;
  }
  for (const auto& s : shards) fs::remove_all(s, ec);
  db_.reset();  // releases Xapian's write lock for the swap (the run lock stays)
  try {
    fs::rename(path_, old_dir);
    fs::rename(new_dir, path_);
  } catch (const fs::filesystem_error& e) {
    recover(path_);  // the old database back where it was, if it had moved
    std::error_code ec2;
    // Reopen only what is there: opening a missing <db> would create an empty one, and
    // the next recovery would then delete <db>.old, which holds the data.
    if (fs::exists(path_, ec2)) open();
    throw IndexError(path_ + ": cannot swap in the merged database (" + e.what() +
                     "); the documents of this merge are indexed again by the next run");
  }
  fs::remove_all(old_dir, ec);
  open();
}

}  // namespace newsdex::detail
