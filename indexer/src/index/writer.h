#pragma once
// The database an Indexer writes: its path (one spelling), the run lock, the open writable
// Xapian database and its schema checks, the recovery of an interrupted swap, and the merge
// of finished shards into it (merge.cc). One writer per database; not thread-safe: while a
// checkpoint merge runs on its own thread it owns the writer (IndexRun says when).
#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "index/document_builder.h"
#include "newsdex/entities.h"
#include "newsdex/error.h"
#include "newsdex/indexer.h"

namespace newsdex::detail {

/// Finishes or rolls back an interrupted directory swap of @p db (`<db>.old`, `<db>.new`).
void recover(const std::string& db);

/// Sets the schema version and stemming language of @p w (not committed).
void set_schema_metadata(Xapian::WritableDatabase& w, const std::string& language);
/// Stores @p words as the database's protected words (schema::kMetaProtectedWords) unless
/// it holds some already: the words its documents were analysed with stay its own.
void store_protected_words(Xapian::WritableDatabase& w, const std::vector<std::string>& words);

/// Writes the display label of each of @p b's entities not yet in @p written.
void write_labels(Xapian::WritableDatabase& w, const BuiltDocument& b,
                  std::unordered_set<std::string>& written);

/// Most workers an index run may start (IndexOptions::jobs): each holds an analyser, an
/// extractor and a shard open.
inline constexpr unsigned kMaxJobs = 256;

/// Throws IndexError unless the file system of @p dir has @p bytes free. Called before
/// Xapian commits: when the disk fills inside WritableDatabase::commit(), Xapian 1.4 throws
/// again while unwinding and the process aborts (std::terminate) — seen on tmpfs, with and
/// without DB_DANGEROUS — so newsdex stops with a clear error before it gets there.
void ensure_free_space(const std::string& dir, std::uint64_t bytes);
/// Free space always kept: 4 MiB, plus what the write needs.
inline constexpr std::uint64_t kMinFreeBytes = 4u << 20;
/// A shard's commit writes at most a few bytes per byte of text added since its last commit
/// (2.5-3.5 on news); 6 for a margin.
inline constexpr std::uint64_t kCommitBytesPerTextByte = 6;

class DatabaseWriter {
 public:
  /// Resolves a symlinked @p db_path to its target, takes the run lock, recovers an
  /// interrupted swap, opens (or creates) the database and removes temporary shards a killed
  /// run left. @throws IndexError, ConfigError (also for more than kMaxJobs jobs).
  DatabaseWriter(const std::string& db_path, const IndexOptions& options);
  DatabaseWriter(const DatabaseWriter&) = delete;
  DatabaseWriter& operator=(const DatabaseWriter&) = delete;

  const std::string& path() const { return path_; }
  const IndexOptions& options() const { return options_; }

  /// The writable database, or an IndexError if a failed merge left none open.
  Xapian::WritableDatabase& writable();

  /// Merges finished shards (in order, @p new_docs documents in all) into the database,
  /// deleting @p stale_ids (old versions of changed documents) first, and removes the
  /// shards; groups go through @p tmp_dir. May swap directories (the database is reopened).
  void merge(std::vector<std::string> shards, std::size_t new_docs,
             const std::vector<std::string>& stale_ids, const std::string& tmp_dir);
  /// Deletes the documents of @p id_terms (old versions of changed documents), committing
  /// every few hundred.
  void delete_documents(const std::vector<std::string>& id_terms);

 private:
  // `<db>.lock`, flock()ed for the writer's whole life (declared first: released last).
  // Xapian's own write lock lives inside the database directory, which a merge replaces
  // (the old database closed, two renames, the new one opened), and the recovery of an
  // interrupted swap runs before that lock can be taken: this lock covers both, so a second
  // `newsdex index` can never slip in between.
  struct RunLock {
    int fd = -1;
    RunLock() = default;
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;
    ~RunLock();
  } run_lock_;
  std::string path_;
  IndexOptions options_;
  std::unique_ptr<Xapian::WritableDatabase> db_;

  IndexError locked_by_another_writer() const;
  void lock_run();
  void open();
  void check_opened();
};

}  // namespace newsdex::detail
