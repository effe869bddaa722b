#pragma once
/// @file indexer.h
/// Builds and updates a newsdex database from corpus inputs.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/export.h"

namespace newsdex {

/// Options for Indexer.
struct IndexOptions {
  std::string language = "english";  ///< Snowball stemming language
  std::string gazetteer_dir;         ///< see EntityOptions::gazetteer_dir
  bool entities = true;              ///< extract entities (false only for benchmarks)
  unsigned jobs = 0;                 ///< analysis/shard workers; 0 = one per core; at most 256
  bool prune = false;                ///< delete documents not seen in this run's inputs
  /// Drop page chrome: text repeated across many articles of one source (menus, share
  /// buttons, newsletter blurbs), learned from the inputs and kept in the database.
  bool remove_chrome = true;
  /// Documents per temporary shard: fewer shards make the final merge cheaper.
  std::size_t shard_docs = 200;
  /// Most bytes (titles and bodies) per temporary shard: a batch of large records is cut
  /// early, so what waits for the workers stays bounded (about 3 MB per batch of news).
  std::size_t shard_max_bytes = 32u << 20;
  /// Documents between commits inside a shard. Xapian's in-memory inverter costs more per
  /// posting the more it holds; committing a small fresh shard often keeps it small
  /// (docs/indexing.md: 200/25 measured fastest on the 2k tech slice).
  std::size_t shard_flush_docs = 25;
  /// Merge finished shards into the database after this many new documents (and at least
  /// as many as the database already holds), so an interrupted run keeps its progress.
  std::size_t checkpoint_docs = 20000;
  /// Longer JSONL lines and larger files are skipped as bad records. Indexing one record
  /// takes about 32 times its size in memory (docs/indexing.md).
  std::uint64_t max_record_bytes = 8ull << 20;
};

/// A snapshot of a running index job.
struct IndexProgress {
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
  std::size_t documents = 0;  ///< records read so far (indexed + unchanged + bad)
  double seconds = 0;
};

/// What an index run did.
struct IndexSummary {
  std::size_t indexed = 0;         ///< new documents
  std::size_t replaced = 0;        ///< changed documents, replaced
  std::size_t unchanged = 0;       ///< skipped: same content hash
  std::size_t pruned = 0;          ///< deleted by --prune
  std::size_t bad = 0;             ///< bad records, skipped
  std::size_t chrome_sources = 0;  ///< sources with a chrome model in use
  std::size_t shards = 0;          ///< temporary shards (batches) written and merged
  std::size_t documents = 0;       ///< documents in the database afterwards
  std::uint64_t bytes = 0;         ///< input bytes read
  double seconds = 0;
  std::vector<BadRecord> bad_records;  ///< the first 1,000 bad records
};

/// Writes one database. Holds its write lock from construction to destruction, so a
/// second writer fails fast with IndexError.
///
/// Thread safety: one Indexer is used by one thread at a time (index() runs its own worker
/// threads inside). Searchers in other threads or processes may read the database while it
/// is written; they see each commit once they reopen (Searcher::reopen()).
class NEWSDEX_API Indexer {
 public:
  /// Opens or creates the database at @p db_path (a symbolic link: the directory it names).
  /// @throws newsdex::IndexError if it is locked, or exists and is not a newsdex database;
  ///         newsdex::ConfigError for options out of range.
  Indexer(const std::string& db_path, const IndexOptions& options = {});
  ~Indexer();
  Indexer(Indexer&&) noexcept;
  Indexer& operator=(Indexer&&) noexcept;

  /// Indexes every input (files, directories); unchanged documents are skipped.
  /// Commits at checkpoints and at the end, then writes the facet file (see commit()).
  /// @p on_progress is called about twice a second; @p on_bad for each bad record as it
  /// is found.
  /// @throws newsdex::CorpusError if an input does not exist.
  IndexSummary index(const std::vector<std::string>& inputs,
                     const std::function<void(const IndexProgress&)>& on_progress = {},
                     const std::function<void(const BadRecord&)>& on_bad = {});

  /// Adds or replaces one article (by id). Not visible to searchers until commit(), or
  /// until index() starts: index() first commits what add() wrote.
  void add(const Article& article);

  /// Deletes the document with id @p id; false if there is none. Like add(), visible to
  /// searchers after commit(). @throws newsdex::IndexError if the database cannot be written.
  bool remove(const std::string& id);

  /// Commits what add() and remove() wrote. Like index(), then writes the database's facet
  /// file for the new revision (docs/schema.md, "The facet file": one pass over the facet
  /// values, 0.2 s at 100,000 documents), so that a new search process counts facets from it.
  void commit();

 private:
  struct NEWSDEX_LOCAL Impl;  // not exported from a shared build
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
