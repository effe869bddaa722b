#pragma once
// Page chrome removal. Scraped news carries menus, share buttons, newsletter and footer
// blurbs ("Featured Topics Newsletters Events Podcasts", "Follow us on Facebook") that
// pollute ranking, snippets and entity facets. Chrome is text that repeats across many
// articles of one source: the model counts, per source, in how many documents each run of
// six words (a shingle) occurs, and calls a shingle chrome when it occurs in at least 5% of
// the source's documents (and at least 5 of them). clean() drops every word covered by a
// chrome shingle. Learning needs a sample of the source (at least 20 documents); models are
// kept in the database so small incremental runs reuse them.
//
// Learning in parallel: give each thread its own ChromeModel, let each observe() a disjoint
// share of the documents, merge() the models into one, then finish(threads). The result
// (chrome sets, documents_learned, clean() output, serialize()) is the same as one model
// observing all those documents, in any order and with any split. observe() caps each
// instance at kSampleDocs documents per source, so across threads the caller must pass at
// most kSampleDocs documents of a source in total (the index run's pre-pass picks them
// evenly spread over the source: index/chrome_pass.cc); merge() adds the counts up as they
// are.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::detail {

class ChromeModel {
 public:
  static constexpr std::size_t kShingleWords = 6;
  static constexpr std::size_t kMinDocs = 20;       // fewer documents: nothing is learned
  static constexpr std::size_t kSampleDocs = 1000;  // documents learned from, per source
  static constexpr double kMinShare = 0.05;

  /// Learns from one document (until this instance has kSampleDocs of the source).
  void observe(std::string_view source, std::string_view body);
  /// Adds what @p other observed (documents disjoint from this model's) to this model's
  /// learning state, as if this model had observed them too; documents_learned() adds up.
  /// Call before finish(); @p other is left empty. (Chrome sets either model already has,
  /// from finish() or load(), are united.)
  void merge(ChromeModel&& other);
  /// Turns observations into chrome sets; sources with too few documents get none. With
  /// @p threads > 1 the counting is split across that many threads; the result does not
  /// depend on the number.
  void finish(unsigned threads = 1);

  /// @p body without its chrome words (separators kept: a dropped run becomes one space,
  /// or a newline if it spanned one). Unchanged when the source has no model. Safe to call
  /// from several threads at once (on a model no thread is changing).
  std::string clean(std::string_view source, std::string_view body) const;

  bool has(std::string_view source) const;
  std::size_t documents_learned(std::string_view source) const;
  /// Sources with a model.
  std::vector<std::string> sources() const;

  /// Binary form of one source's model (for database metadata), and back. The form is the
  /// chrome shingle hashes, ascending, as native 64-bit integers.
  std::string serialize(std::string_view source) const;
  /// Restores a model serialize() wrote. The index stores it under schema::kMetaChromePrefix
  /// (`chrome2:<source>`), which names the hash format: models stored under another prefix
  /// (`chrome:`, FNV-1a word hashes) are not read.
  void load(std::string_view source, std::string_view data);

  /// Shingles are appended to one of kBuckets lists by their top bits, so finish() counts
  /// each list on its own (in cache, and in parallel).
  static constexpr unsigned kBucketBits = 8;
  static constexpr std::size_t kBuckets = std::size_t(1) << kBucketBits;

 private:
  struct Learning {
    std::size_t docs = 0;
    // Shingle hashes, de-duplicated within each document, by top kBucketBits bits (empty
    // until the source has a document with a shingle).
    std::vector<std::vector<std::uint64_t>> buckets;
  };
  // A source's chrome shingles: ascending (for serialize) and an open-addressing table
  // (for clean: one or two probes per shingle).
  struct Set {
    std::vector<std::uint64_t> sorted;
    std::vector<std::uint64_t> slots;  // 0 = empty; the shingle 0 is has_zero
    unsigned shift = 64;
    bool has_zero = false;
    void build(std::vector<std::uint64_t> keys);  // any order, duplicates allowed
    bool contains(std::uint64_t h) const;
  };
  std::map<std::string, Learning, std::less<>> learning_;
  std::map<std::string, Set, std::less<>> chrome_;
};

}  // namespace newsdex::detail
