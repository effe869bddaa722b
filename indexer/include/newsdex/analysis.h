#pragma once
/// @file analysis.h
/// The text analysis chain shared by indexing and querying: ICU word break over UTF-8,
/// NFKC case folding, accent folding of Latin letters (`Nestlé` → `nestle`),
/// apostrophe/possessive folding, deliberate handling of technical
/// tokens, and Snowball stemming.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/export.h"

namespace newsdex {

/// One token. Offsets are bytes into the analysed text and never change in filters.
struct Token {
  std::string text;            ///< normalised (case-folded) form, unstemmed
  std::uint32_t position = 0;  ///< word position (0-based); a compound shares its first part's
  std::size_t begin = 0;       ///< first byte of the surface form
  std::size_t end = 0;         ///< one past the last byte
  /// True for a compound emitted beside its parts (`gpt-4` beside `gpt`, `4`; `$500` beside
  /// `500`): it does not advance the position and is not used in phrases.
  bool compound = false;
};

/// Options for Analyzer.
struct AnalyzerOptions {
  std::string language = "english";  ///< Snowball language for stem(); "none" disables
  std::size_t max_token_bytes = 64;  ///< longer tokens are dropped (Xapian limits terms)
  /// Words (lower-case) that stem() returns unchanged, e.g. product names (`windows`).
  std::vector<std::string> protected_words;
};

/// The analysis chain. One per thread; analyze() reuses internal buffers.
///
/// Deliberate tokens: `GPT-4` → `gpt`,`4` + compound `gpt-4`; `C++`, `C#`, `F#` → `c++`,
/// `c#`, `f#`; `.NET` → `.net`; `$500` → `500` + compound `$500`; `DALL·E` → `dall·e`;
/// `3:12` → `3:12`; `U.S.` → `u.s`; `Microsoft’s` → `microsoft`; `Café` → `cafe`.
class NEWSDEX_API Analyzer {
 public:
  /// @throws newsdex::ConfigError for an unknown language or an ICU failure.
  explicit Analyzer(const AnalyzerOptions& options = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  /// Tokenizes @p text into @p out (cleared first). Invalid UTF-8 is treated as separators.
  /// @p first_position is the position of the first token.
  void analyze(std::string_view text, std::vector<Token>& out, std::uint32_t first_position = 0);

  /// Normalises a field value (`Microsoft’s` → `microsoft`) without tokenizing it.
  std::string normalize(std::string_view value);

  /// The Snowball stem of a normalised token (cached); digits and protected words unchanged.
  /// The reference stays valid until the next stems(), or the next stem() once the cache
  /// is full (200,000 words).
  const std::string& stem(const std::string& word);

  /// stem() of each token's text, in order, into @p out (resized to match; null for
  /// compounds, which are indexed as written): the same stems, looked up with the cache
  /// misses of consecutive tokens overlapped, which is faster for a whole document. The
  /// pointers stay valid until the next stem() or stems().
  void stems(const std::vector<Token>& tokens, std::vector<const std::string*>& out);

  /// The configured language.
  const std::string& language() const;

 private:
  struct NEWSDEX_LOCAL Impl;  // not exported from a shared build
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
