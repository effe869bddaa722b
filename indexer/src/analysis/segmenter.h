#pragma once
// Word segmentation: the word segments ICU's root word break iterator (Unicode UAX #29)
// finds, with a fast path. ICU costs about 7% of indexing time, yet almost all of a news
// article is ASCII, where UAX #29 reduces to a handful of rules on letters, digits and
// the separators `.` `'` `:` `,` `;` `_`. UAX #29 always breaks around ASCII whitespace,
// so text is cut into whitespace-separated chunks: a chunk of ASCII (plus the common
// typographic punctuation ’ “ ” – — … and no-break space) is segmented here, any other
// chunk by ICU. tests/unit/test_segmenter.cc checks the two agree, on real and on random
// text.
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace newsdex::detail {

/// A word segment: bytes [begin, end) of the text.
struct Segment {
  std::size_t begin, end;
  bool operator==(const Segment&) const = default;
};

class WordSegmenter {
 public:
  WordSegmenter();  ///< @throws ConfigError if ICU's word break iterator cannot be created
  ~WordSegmenter();
  WordSegmenter(WordSegmenter&&) noexcept;
  WordSegmenter& operator=(WordSegmenter&&) noexcept;

  /// The word segments of @p text (UTF-8), in order; punctuation and spaces are not words.
  void segment(std::string_view text, std::vector<Segment>& out);
  /// The same through ICU alone, for the whole text (the reference the fast path meets).
  void segment_icu(std::string_view text, std::vector<Segment>& out);

 private:
  void icu_chunk(std::string_view text, std::size_t begin, std::size_t end,
                 std::vector<Segment>& out);
  struct Icu;
  std::unique_ptr<Icu> icu_;
};

}  // namespace newsdex::detail
