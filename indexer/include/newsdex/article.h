#pragma once
/// @file article.h
/// Plain values that flow from corpus readers into the indexer.

#include <cstddef>
#include <string>

namespace newsdex {

/// One news article.
struct Article {
  std::string id;  ///< unique id (JSONL `id`; for files, the path relative to the input root)
  std::string title;
  std::string body;
  /// Published date, ISO: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when a JSONL record gives no
  /// more (a JSONL `date` is kept when its first 10 or 7 characters form such a date, as in
  /// `2025-01-22T10:00:00Z`, or when it is a bare year; any other form is dropped). Text files: a
  /// date line in their first lines; HTML: `<meta property="article:published_time">` or `<time
  /// datetime>`, else a date line at the start of the text. Empty when none is found.
  std::string date;
  std::string source;  ///< publisher
  std::string url;
  std::string path;      ///< the file it came from (for `.txt`/HTML inputs), else empty
  std::string origin;    ///< input file for JSONL records (used by --prune), else == path
  std::size_t line = 0;  ///< 1-based line in origin for JSONL records, else 0
};

/// A record that could not be read; reported, counted and skipped.
struct BadRecord {
  std::string file;
  std::size_t line = 0;  ///< 1-based line for JSONL, 0 for whole files
  std::string reason;
};

}  // namespace newsdex
