#pragma once
/// @file searcher.h
/// Ranked search with entity facets over a newsdex database.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsdex/entities.h"
#include "newsdex/export.h"

namespace newsdex {

/// How the words of a query combine when no operator is written between them.
enum class DefaultMatch : std::uint8_t {
  all,  ///< every word must match (implicit AND)
  any   ///< documents matching any word, ranked by how many and how well (implicit OR)
};

/// Date histogram granularity for the `date` facet.
enum class DateBucket : std::uint8_t { year, month, day };

/// One search.
struct SearchRequest {
  std::string query;       ///< newsdex query language (docs/query-language.md)
  std::size_t offset = 0;  ///< first hit to return (0-based)
  std::size_t limit = 10;  ///< how many hits to return
  DefaultMatch match = DefaultMatch::all;
  std::vector<EntityKind> facets;   ///< kinds to count over all matching documents
  std::size_t facet_size = 10;      ///< top keys per kind
  bool exact_facets = true;         ///< false: count over a sample (said in the result)
  std::size_t sample_size = 10000;  ///< documents examined when exact_facets is false
  DateBucket date_bucket = DateBucket::month;
  std::size_t snippet_bytes = 240;  ///< approximate snippet length; 0 for no snippet
  /// Collapse copies and near-copies of one article (one story, docs/duplicates.md) into
  /// one hit, its best-ranked copy; total and facets then count stories.
  bool collapse = true;
};

/// A highlighted stretch of a snippet: [begin, end) byte offsets into Hit::snippet.
struct Highlight {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// One ranked document.
struct Hit {
  std::size_t rank = 0;  ///< 1-based rank in the whole result list
  std::string id;        ///< the document's unique id
  std::string path;      ///< source file (empty for JSONL records)
  std::string title;
  std::string date;  ///< published date, ISO, or empty
  std::string source;
  std::string url;
  double score = 0;                   ///< BM25 score
  std::string snippet;                ///< plain text
  std::vector<Highlight> highlights;  ///< matched words inside snippet
  /// With SearchRequest::collapse: how many other matching copies of this story the hit
  /// stands for (0: none); always 0 without.
  std::size_t duplicates = 0;
};

/// A count of documents mentioning one key.
struct FacetCount {
  std::string key;    ///< canonical key (`microsoft`, `USD:500000000000`, `2025-01`)
  std::string label;  ///< for people (`Microsoft`, `USD 500B`, `2025-01`)
  std::size_t count = 0;
};

/// Counts for one entity kind.
struct FacetResult {
  EntityKind kind = EntityKind::company;
  std::vector<FacetCount> counts;   ///< top keys, by count then key
  std::vector<FacetCount> buckets;  ///< money: amount ranges; date: the histogram (by time)
  std::size_t distinct = 0;         ///< distinct keys seen
  bool exact = true;                ///< false when counted over a sample of the matches
};

/// The answer to a SearchRequest.
struct SearchResults {
  std::string query;
  std::size_t total = 0;    ///< number of matching documents
  bool total_exact = true;  ///< false when total is an estimate
  std::vector<Hit> hits;
  std::vector<FacetResult> facets;  ///< in the order requested
  double elapsed_ms = 0;
};

/// What a database holds (`newsdex stats`).
struct DatabaseStats {
  std::size_t documents = 0;
  std::size_t distinct_terms = 0;     ///< unprefixed words (the vocabulary)
  std::uint64_t total_length = 0;     ///< word occurrences indexed
  std::uint64_t disk_bytes = 0;       ///< size of the database files
  std::string first_date, last_date;  ///< published-date range, ISO, empty if none
  std::vector<FacetResult> top;       ///< top keys per entity kind over all documents
};

/// Options for opening a Searcher.
struct SearcherOptions {
  std::string language = "english";  ///< stemming language; must match the index's
  std::string gazetteer_dir;         ///< see EntityOptions::gazetteer_dir
};

/// Searches one database, or several as one (directories or stub files). One Searcher per
/// thread.
class NEWSDEX_API Searcher {
 public:
  /// Opens @p db_path. @throws newsdex::IndexError if it is missing or not a newsdex
  /// database; newsdex::ConfigError for a bad option.
  explicit Searcher(const std::string& db_path, const SearcherOptions& options = {});
  /// Opens every database of @p db_paths and searches them as one: totals, ranking (BM25
  /// over their combined statistics), filters and facet counts are those of one database
  /// holding all their documents; labels come from whichever database has them.
  /// @throws newsdex::IndexError as above, for the first path that fails;
  ///         newsdex::ConfigError if the list is empty or their stemming languages differ.
  explicit Searcher(const std::vector<std::string>& db_paths, const SearcherOptions& options = {});
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  /// Runs a search. @throws newsdex::QueryError (with the byte offset) for a malformed query.
  SearchResults search(const SearchRequest& request);

  /// More like this: the articles most like the one with id @p id (ranked by the terms that
  /// best tell it apart from the rest of the database), itself and its copies excepted.
  /// @p request's query, if not empty, filters them (it adds no words to rank by: `date:2024
  /// company:openai`); its limit, offset, facets and collapse apply as in search().
  /// @throws newsdex::QueryError for a malformed filter; newsdex::IndexError if no document
  ///         has id @p id.
  SearchResults similar(const std::string& id, const SearchRequest& request);

  /// Statistics of the whole database (all of them), with the top @p top_k keys of every
  /// entity kind.
  DatabaseStats stats(std::size_t top_k = 10);

  /// Number of documents in the database.
  std::size_t document_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
