#pragma once
/// @file searcher.h
/// Ranked search with entity facets over a newsdex database.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/entities.h"
#include "newsdex/export.h"

namespace newsdex {

/// How the words of a query combine when no operator is written between them.
enum class DefaultMatch : std::uint8_t {
  all,  ///< every word must match (implicit AND)
  any,  ///< documents matching any word, ranked by BM25 alone (implicit OR)
  /// The default: documents matching any word, those matching more of the words first
  /// (all of them, then all but one, ...), BM25 within each tier; never empty while some
  /// word matches (docs/query-language.md). Facets and the total count every match.
  best
};

/// Date histogram granularity for the `date` facet.
enum class DateBucket : std::uint8_t { year, month, day };

/// The order of hits.
enum class SortOrder : std::uint8_t {
  relevance,  ///< BM25 score, best first (ties: index order)
  date,       ///< published date, newest first (ties: by score, then index order)
  date_asc    ///< published date, oldest first (documents without a date come first)
};

/// A filter given as data instead of query text: the documents that `field:value` of the
/// query language matches (docs/query-language.md), e.g. {"company", "home depot"},
/// {"money", ">=1e9"}, {"date", "2025-01..2025-03"}. Filters restrict and never score.
struct Filter {
  std::string field;  ///< company, person, product, money, percent, date, source, title
  std::string value;  ///< as after the colon, unquoted; may not hold a double quote
};

/// One search.
struct SearchRequest {
  std::string query;       ///< newsdex query language (docs/query-language.md)
  std::size_t offset = 0;  ///< first hit to return (0-based)
  std::size_t limit = 10;  ///< how many hits to return
  DefaultMatch match = DefaultMatch::best;
  std::vector<EntityKind> facets;   ///< kinds to count over all matching documents
  std::size_t facet_size = 10;      ///< top keys per kind
  bool exact_facets = true;         ///< false: count over a sample (said in the result)
  std::size_t sample_size = 10000;  ///< documents examined when exact_facets is false
  DateBucket date_bucket = DateBucket::month;
  std::size_t snippet_bytes = 240;  ///< approximate snippet length; 0 for no snippet
  /// relevance, or by published date. A query with no words to score (filters only, such as
  /// `company:nvidia date:2024`) is sorted by date: newest first unless date_asc is asked.
  SortOrder sort = SortOrder::relevance;
  bool suggest = true;  ///< look for a did-you-mean suggestion (SearchResults::suggestion)
  /// Also count the matches per source (publisher): SearchResults::sources.
  bool source_facet = false;
  /// Applied to the query (all must match). With an empty query: every document they match.
  std::vector<Filter> filters;
  /// Time allowed for counting every match, in milliseconds (0: none). Past it, Xapian stops
  /// checking further matches (Enquire::set_time_limit): the hits are still the best found,
  /// but the total becomes an estimate (total_exact false) and the facets are counted over
  /// the matches seen so far (FacetResult::exact false). It does not cut the match short.
  double time_limit_ms = 0;
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
  /// BM25 score (under DefaultMatch::best, hits with more of the words come first, and a hit
  /// whose title holds every word of the query has a bonus of half their idf sum)
  double score = 0;
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
  std::size_t total = 0;    ///< number of matching documents (stories when collapsed)
  bool total_exact = true;  ///< false when total is an estimate
  std::vector<Hit> hits;
  std::vector<FacetResult> facets;  ///< in the order requested
  double elapsed_ms = 0;
  /// Did-you-mean: the whole query with its absent or rare words replaced by far more
  /// frequent indexed words a letter or two away (`nvidai chips` → `nvidia chips`);
  /// operators and filters as typed. Empty when there is none.
  std::string suggestion;
  SortOrder sort = SortOrder::relevance;  ///< the order the hits are in
  /// What the scores are: "bm25", or "lm" (a Dirichlet-smoothed language model) for a query
  /// whose words are all in most documents, where BM25's idf is ~0. Over remote shards,
  /// "lm" scores differ slightly from the same data searched locally (docs/scale-out.md).
  std::string weighting = "bm25";
  /// With SearchRequest::source_facet: matching documents per source, every source with a
  /// match, by count (key: the normalised source, as `source:` filters take it; label: as
  /// written).
  /// Exact: each count is the total of the query with that `source:` filter.
  std::vector<FacetCount> sources;
  /// Whether the hits are stories (SearchRequest::collapse): then total, facets and sources
  /// count stories, not documents. False over remote shards, which cannot count stories
  /// (docs/duplicates.md), even when collapse was asked for.
  bool collapsed = false;
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

/// A person key that counts as another across the corpus (`newsdex aliases`): facets count
/// it as the canonical key, and a filter on either matches both.
struct EntityAlias {
  std::string key;           ///< as indexed (`trump`, `vince cable`)
  std::string canonical;     ///< what it counts as (`donald trump`, `vincent cable`)
  std::string label;         ///< the canonical key's label
  std::string rule;          ///< surname, surname (filter only), given-name variant, middle initial
  std::size_t key_docs = 0;  ///< documents with the key
  std::size_t canonical_docs = 0;  ///< documents with the full name's keys
  std::size_t rival_docs = 0;      ///< surname: documents of other full names with it
};

/// Options for opening a Searcher.
struct SearcherOptions {
  std::string language = "english";  ///< stemming language; must match the index's
  std::string gazetteer_dir;         ///< see EntityOptions::gazetteer_dir
  /// Remote shards (`tcp://HOST:PORT`): how long to wait to connect, and for each answer,
  /// before failing with an IndexError naming the shard.
  unsigned remote_timeout_ms = 10000;
};

/// Searches one database, or several as one (directories, stub files, or remote shards
/// `tcp://HOST:PORT` served by `newsdex serve-shard`: docs/scale-out.md).
///
/// Thread-safety: a Searcher is not thread-safe: no member may be called from two threads at
/// once (not even const ones), since searches share its database handles and facet caches.
/// Give each thread its own Searcher (they share nothing and may run concurrently, with
/// writers too). A Searcher sees the databases as they were when opened (or last reopened):
/// call reopen() to see what index runs committed since.
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

  /// Picks up what index runs committed since the databases were opened (or last
  /// reopened), including a merge that swapped a database's directory: every database is
  /// opened afresh, and the new view replaces the old one only if one of them changed.
  /// @return true if something changed. @throws newsdex::IndexError if a database can no
  ///         longer be opened (the Searcher keeps its old view).
  bool reopen();

  /// The stored article whose unique id is @p id (Hit::id), its body included, or nothing
  /// if no document has that id. `origin` and `line` are left empty.
  std::optional<Article> document(const std::string& id);

  /// The people's alias table, with the evidence of each alias, by canonical key.
  std::vector<EntityAlias> person_aliases();

 private:
  struct NEWSDEX_LOCAL Impl;  // not exported from a shared build
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
