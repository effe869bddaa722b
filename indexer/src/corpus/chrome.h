#pragma once
// Page chrome removal. Scraped news carries menus, share buttons, newsletter and footer
// blurbs ("Featured Topics Newsletters Events Podcasts", "Follow us on Facebook") that
// pollute ranking, snippets and entity facets. Chrome is text that repeats across many
// articles of one source: the model counts, per source, in how many documents each run of
// six words (a shingle) occurs, and calls a shingle chrome when it occurs in at least 5% of
// the source's documents (and at least 5 of them). clean() drops every word covered by a
// chrome shingle. Learning needs a sample of the source (at least 20 documents); models are
// kept in the database so small incremental runs reuse them.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace newsdex::detail {

class ChromeModel {
 public:
  static constexpr std::size_t kShingleWords = 6;
  static constexpr std::size_t kMinDocs = 20;       // fewer documents: nothing is learned
  static constexpr std::size_t kSampleDocs = 1000;  // documents learned from, per source
  static constexpr double kMinShare = 0.05;

  /// Learns from one document (until the source's sample is full).
  void observe(std::string_view source, std::string_view body);
  /// Turns observations into chrome sets; sources with too few documents get none.
  void finish();

  /// @p body without its chrome words (separators kept: a dropped run becomes one space,
  /// or a newline if it spanned one). Unchanged when the source has no model.
  std::string clean(std::string_view source, std::string_view body) const;

  bool has(std::string_view source) const;
  std::size_t documents_learned(std::string_view source) const;
  /// Sources with a model.
  std::vector<std::string> sources() const;

  /// Binary form of one source's model (for database metadata), and back.
  std::string serialize(std::string_view source) const;
  void load(std::string_view source, std::string_view data);

 private:
  struct Learning {
    std::size_t docs = 0;
    std::vector<std::uint64_t> shingles;  // de-duplicated within each document
  };
  std::map<std::string, Learning, std::less<>> learning_;
  std::map<std::string, std::unordered_set<std::uint64_t>, std::less<>> chrome_;
};

}  // namespace newsdex::detail
