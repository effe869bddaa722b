#pragma once
/// @file corpus_reader.h
/// Streams articles out of input paths: directories (recursively), `.txt`, `.html`/`.htm`,
/// `.jsonl` and `.jsonl.gz` files.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/export.h"

namespace newsdex {

/// Options for CorpusReader.
struct ReaderOptions {
  /// Longest JSONL line or file accepted; longer ones are skipped as bad records
  /// without being held in memory.
  std::uint64_t max_record_bytes = 8ull << 20;
};

/// Reads the inputs in a deterministic order (directory entries sorted by name).
///
/// Plain-text files: the title is the first non-empty line (a leading date line such as
/// `Jan. 22, 2025, 3:12 a.m.` is taken as the published date, not the title); the body is
/// the rest. JSONL: one object per line with `id`, `title`, `body` and optional `date`,
/// `source`, `url`. Every file or line that cannot be used becomes a BadRecord.
class NEWSDEX_API CorpusReader {
 public:
  /// @throws newsdex::CorpusError if an input path does not exist.
  explicit CorpusReader(std::vector<std::string> inputs, ReaderOptions options = {});

  /// Total bytes of all input files (for progress and ETA).
  std::uint64_t total_bytes() const { return total_bytes_; }
  /// Bytes consumed so far; safe to read from another thread.
  std::uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }

  /// Calls @p on_article for each article and @p on_bad for each bad record, in order.
  /// Returning false from on_article stops the read.
  void read(const std::function<bool(Article&&)>& on_article,
            const std::function<void(BadRecord&&)>& on_bad);

  /// The input files found (after expanding directories), in reading order.
  const std::vector<std::string>& files() const { return files_; }

 private:
  std::vector<std::string> files_;
  std::vector<std::string> roots_;  // the input root each file was found under
  ReaderOptions options_;
  std::uint64_t total_bytes_ = 0;
  std::atomic<std::uint64_t> bytes_read_{0};
};

/// Parses a plain-text article; empty title and body if the text has no content.
NEWSDEX_API Article parse_text_article(std::string_view text);

/// Extracts title and article text from an HTML page (script, style, nav, header, footer
/// and aside dropped). Text nested however deep is kept.
/// @throws newsdex::CorpusError for a page whose tags nest more than 512 elements deep (the
///         HTML5 tree builder's work and memory grow with the nesting: such pages are
///         refused before parsing; CorpusReader counts them as bad records).
NEWSDEX_API Article parse_html_article(std::string_view html);

}  // namespace newsdex
