#include "analysis/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <string>

#include "newsdex/error.h"

namespace newsdex::detail {
namespace {

// UAX #29 word-break classes of the characters the fast path knows.
enum class Cls : unsigned char {
  other,       // breaks on both sides, not part of a word (`:` too: ICU drops it from MidLetter)
  letter,      // ALetter: A-Z a-z, and `@` (ICU's addition)
  digit,       // Numeric: 0-9
  underscore,  // ExtendNumLet: joins letters, digits and itself
  mid_num,     // MidNum `,` `;`: between two digits
  mid_both,    // MidNumLet / Single_Quote `.` `'` ‘ ’: between two letters or two digits
  unknown      // any other non-ASCII character: the chunk goes to ICU
};

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Class of the character at text[i], and its length in bytes.
Cls cls_at(std::string_view text, std::size_t i, std::size_t& len) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  len = 1;
  if (c < 0x80) {
    // ICU's word rules count `@` as a letter (foo@example.com stays one word).
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return Cls::letter;
    if (c >= '0' && c <= '9') return Cls::digit;
    switch (c) {
      case '_':
        return Cls::underscore;
      case ',':
      case ';':
        return Cls::mid_num;
      case '.':
      case '\'':
        return Cls::mid_both;
      default:
        return Cls::other;
    }
  }
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    len = 2;  // U+00A0 no-break space
    return Cls::other;
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    len = 3;
    switch (static_cast<unsigned char>(text[i + 2])) {
      case 0x98:  // ‘ U+2018
      case 0x99:  // ’ U+2019
        return Cls::mid_both;
      case 0x93:  // – U+2013
      case 0x94:  // — U+2014
      case 0x9C:  // “ U+201C
      case 0x9D:  // ” U+201D
      case 0xA6:  // … U+2026
        return Cls::other;
      default:
        break;
    }
  }
  len = 1;
  return Cls::unknown;
}

bool is_wordish(Cls c) { return c == Cls::letter || c == Cls::digit || c == Cls::underscore; }

}  // namespace

struct WordSegmenter::Icu {
  std::unique_ptr<icu::BreakIterator> words;
  UText* utext = nullptr;
  ~Icu() {
    if (utext) utext_close(utext);
  }
};

WordSegmenter::WordSegmenter() : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !icu_->words)
    throw ConfigError(std::string("ICU word break iterator: ") + u_errorName(status));
}
WordSegmenter::~WordSegmenter() = default;
WordSegmenter::WordSegmenter(WordSegmenter&&) noexcept = default;
WordSegmenter& WordSegmenter::operator=(WordSegmenter&&) noexcept = default;

void WordSegmenter::icu_chunk(std::string_view text, std::size_t begin, std::size_t end,
                              std::vector<Segment>& out) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->utext = utext_openUTF8(icu_->utext, text.data() + begin, int64_t(end - begin), &status);
  if (U_FAILURE(status)) throw ConfigError(std::string("ICU utext: ") + u_errorName(status));
  icu_->words->setText(icu_->utext, status);
  if (U_FAILURE(status)) throw ConfigError(std::string("ICU setText: ") + u_errorName(status));
  std::int32_t start = icu_->words->first();
  for (std::int32_t stop = icu_->words->next(); stop != icu::BreakIterator::DONE;
       start = stop, stop = icu_->words->next())
    if (icu_->words->getRuleStatus() != UBRK_WORD_NONE)
      out.push_back({begin + std::size_t(start), begin + std::size_t(stop)});
}

void WordSegmenter::segment_icu(std::string_view text, std::vector<Segment>& out) {
  out.clear();
  if (!text.empty()) icu_chunk(text, 0, text.size(), out);
}

void WordSegmenter::segment(std::string_view text, std::vector<Segment>& out) {
  out.clear();
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (is_space(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    // One chunk: up to the next ASCII whitespace. Known characters only: segment it here.
    const std::size_t chunk = i;
    const std::size_t first_out = out.size();
    bool fast = true;
    while (i < n && !is_space(static_cast<unsigned char>(text[i]))) {
      std::size_t len;
      Cls c = cls_at(text, i, len);
      if (c == Cls::unknown) {
        fast = false;
        i += len;
        continue;
      }
      if (!fast || !is_wordish(c)) {
        i += len;
        continue;
      }
      // A word: letters, digits and underscores, joined across a single separator that
      // has a letter on both sides (`U.S`, `can't`, `Microsoft’s`) or a digit on both
      // sides (`3.5`, `1,000`).
      const std::size_t b = i;
      bool underscores_only = c == Cls::underscore;
      Cls prev = c;
      i += len;
      while (i < n) {
        Cls x = cls_at(text, i, len);
        if (is_wordish(x)) {
          underscores_only = underscores_only && x == Cls::underscore;
          prev = x;
          i += len;
          continue;
        }
        const bool between_letters = prev == Cls::letter && x == Cls::mid_both;
        const bool between_digits = prev == Cls::digit && (x == Cls::mid_num || x == Cls::mid_both);
        if ((between_letters || between_digits) && i + len < n) {
          std::size_t len2;
          Cls y = cls_at(text, i + len, len2);
          if ((between_letters && y == Cls::letter) || (between_digits && y == Cls::digit)) {
            prev = y;
            i += len + len2;
            continue;
          }
        }
        break;
      }
      if (underscores_only && i - b == 1) continue;  // a lone `_` is no word to ICU either
      out.push_back({b, i});
    }
    if (!fast) {
      out.resize(first_out);
      icu_chunk(text, chunk, i, out);
    }
  }
}

}  // namespace newsdex::detail
