// The analysis chain: UAX #29 word segments (analysis/segmenter.h: ICU's, with an ASCII
// fast path) → merge rules for technical tokens → NFKC case folding → accent folding of
// Latin letters (analysis/fold.h) → apostrophe/possessive folding → length limit. Stemming is
// separate (stem()): tokens keep their folded surface form for snippets and highlighting, the index
// holds their stems (docs/schema.md).
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analysis/fold.h"
#include "analysis/segmenter.h"
#include "core/flat_map.h"
#include "newsdex/analysis.h"
#include "newsdex/error.h"

namespace newsdex {
namespace {

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Currency signs that glue to a following number or ticker: `$500`, `€3`, `£600m`, `$NVDA`.
// Returns the byte length of the sign ending at `pos` (exclusive), or 0.
std::size_t currency_before(std::string_view text, std::size_t pos) {
  if (pos >= 1 && text[pos - 1] == '$') return 1;
  if (pos >= 2) {
    std::string_view two = text.substr(pos - 2, 2);
    if (two == "\xC2\xA3" || two == "\xC2\xA5") return 2;  // £ ¥
  }
  if (pos >= 3) {
    std::string_view three = text.substr(pos - 3, 3);
    if (three == "\xE2\x82\xAC" || three == "\xE2\x82\xB9") return 3;  // € ₹
  }
  return 0;
}

// Separators that make compounds: ASCII hyphen, and the middle dot of `DALL·E`, which ICU
// keeps inside a word but users type as `DALL-E`.
std::size_t joiner_at(std::string_view text, std::size_t pos) {
  if (pos < text.size() && text[pos] == '-') return 1;
  if (pos + 1 < text.size() && text[pos] == '\xC2' && text[pos + 1] == '\xB7') return 2;
  return 0;
}

// Word → stem memo. Stemming is looked up once per token (millions per corpus), so this is
// core's flat table (indices into a never-reallocated vector, a cheap hash), not
// std::unordered_map<std::string, std::string> (measured 7.6% of indexing CPU).
class StemCache {
 public:
  static constexpr std::size_t kMaxEntries = 200000;  // bounds memory on huge vocabularies

  /// Clears the cache if it is full, and reserves its room once (it never reallocates), so
  /// references it hands out stay valid until the next call that finds it full.
  void clear_if_full() {
    if (map_.size() >= kMaxEntries) map_.clear();
    if (map_.capacity() < kMaxEntries) map_.reserve(kMaxEntries);
  }
  bool full() const { return map_.size() >= kMaxEntries; }
  /// The cached stem of @p word, or null.
  const std::string* find(std::string_view word, std::uint64_t h) const {
    return map_.find(word, h);
  }
  /// After clear_if_full(), while !full(), for a word not cached.
  const std::string& insert(std::string_view word, std::uint64_t h, std::string stem) {
    return map_.insert(word, h) = std::move(stem);
  }
  void prefetch_slot(std::uint64_t h) const { map_.prefetch_slot(h); }
  void prefetch_entry(std::uint64_t h) const { map_.prefetch_entry(h); }
  static std::uint64_t hash(std::string_view w) { return detail::hash_word(w); }

 private:
  // Entries of one cache line; reserved by clear_if_full() (address space: pages are touched
  // as it fills), so returned references stay valid until it is cleared.
  detail::FlatStringMap<std::string, 64> map_{1024};
};

}  // namespace

struct Analyzer::Impl {
  AnalyzerOptions options;
  detail::WordSegmenter segmenter;
  std::vector<detail::Segment> segments;
  const icu::Normalizer2* nfkc_cf = nullptr;
  Xapian::Stem stemmer;
  bool stemming = true;
  StemCache stem_cache;
  std::vector<std::uint64_t> hashes;  // stems(): one per token
  std::deque<std::string> overflow;   // stems() of a document that filled the cache
  std::unordered_set<std::string> protected_words;
  icu::UnicodeString ustr, unorm;

  explicit Impl(const AnalyzerOptions& opts) : options(opts) {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status))
      throw ConfigError(std::string("ICU NFKC_Casefold normalizer: ") + u_errorName(status));
    if (options.language == "none" || options.language.empty()) {
      stemming = false;
    } else {
      try {
        stemmer = Xapian::Stem(options.language);
      } catch (const Xapian::Error& e) {
        throw ConfigError("unknown stemming language '" + options.language +
                          "' (try: " + Xapian::Stem::get_available_languages() + ")");
      }
    }
    for (const auto& w : options.protected_words) protected_words.insert(detail::fold_accents(w));
  }

  /// The stem of @p word (hash @p h): from the cache, else computed and cached, or kept in
  /// `overflow` once the cache is full (the caller called clear_if_full() first).
  const std::string& lookup(const std::string& word, std::uint64_t h);

  // Case folds one raw word into `out`; ASCII takes a fast path. Returns false if empty.
  bool fold(std::string_view raw, std::string& out) {
    out.clear();
    bool ascii = true;
    for (unsigned char c : raw)
      if (c >= 0x80) {
        ascii = false;
        break;
      }
    if (ascii) {
      out.reserve(raw.size());
      for (unsigned char c : raw) out.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : char(c));
    } else {
      ustr = icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), int32_t(raw.size())));
      UErrorCode status = U_ZERO_ERROR;
      unorm.remove();
      nfkc_cf->normalize(ustr, unorm, status);
      if (U_FAILURE(status)) return false;
      if (!detail::fold_latin_marks(unorm)) return false;  // `café` → `cafe`
      unorm.toUTF8String(out);
      // Typographic apostrophes (’ U+2019, ʼ U+02BC, ‘ U+2018) fold to ASCII.
      std::string fixed;
      fixed.reserve(out.size());
      for (std::size_t i = 0; i < out.size(); ++i) {
        if (i + 2 < out.size() && out[i] == '\xE2' && out[i + 1] == '\x80' &&
            (out[i + 2] == '\x99' || out[i + 2] == '\x98')) {
          fixed.push_back('\'');
          i += 2;
        } else if (i + 1 < out.size() && out[i] == '\xCA' && out[i + 1] == '\xBC') {
          fixed.push_back('\'');
          i += 1;
        } else {
          fixed.push_back(out[i]);
        }
      }
      out.swap(fixed);
    }
    // Possessives: `microsoft's` → `microsoft`, `investors'` → `investors`.
    if (out.size() > 2 && out.compare(out.size() - 2, 2, "'s") == 0) out.resize(out.size() - 2);
    while (!out.empty() && out.back() == '\'') out.pop_back();
    while (!out.empty() && out.front() == '\'') out.erase(out.begin());
    return !out.empty() && out.size() <= options.max_token_bytes;
  }
};

Analyzer::Analyzer(const AnalyzerOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const std::string& Analyzer::language() const { return impl_->options.language; }

void Analyzer::analyze(std::string_view text, std::vector<Token>& out,
                       std::uint32_t first_position) {
  out.clear();
  Impl& d = *impl_;
  // Word segments (UAX #29, as ICU's root word break iterator finds them), then merges.
  std::vector<detail::Segment>& segs = d.segments;
  d.segmenter.segment(text, segs);
  std::uint32_t pos = first_position;
  // Compound tracking: consecutive segments joined by a hyphen or middle dot.
  std::size_t compound_begin = 0, compound_end = 0;
  std::uint32_t compound_pos = 0;
  int compound_parts = 0;
  std::size_t compound_index = 0;  // index in `out` where the compound would go
  std::string compound_text;

  auto flush_compound = [&]() {
    if (compound_parts >= 2 && compound_text.size() <= d.options.max_token_bytes) {
      Token t;
      t.text = compound_text;
      t.position = compound_pos;
      t.begin = compound_begin;
      t.end = compound_end;
      t.compound = true;
      out.insert(out.begin() + std::ptrdiff_t(compound_index), std::move(t));
    }
    compound_parts = 0;
    compound_text.clear();
  };

  // Segments a merge swallowed (those starting before its end) are skipped.
  auto skip_to = [&](std::size_t& si, std::size_t e) {
    while (si + 1 < segs.size() && segs[si + 1].begin < e) ++si;
  };
  for (std::size_t si = 0; si < segs.size(); ++si) {
    std::size_t b = segs[si].begin, e = segs[si].end;
    // `3:12` — UAX #29 splits times at the colon; keep them whole.
    while (e + 1 < text.size() && text[e] == ':' && is_digit(text[e - 1]) &&
           is_digit(text[e + 1])) {
      std::size_t n = e + 1;
      while (n < text.size() && is_digit(text[n])) ++n;
      e = n;
      skip_to(si, e);
    }
    // `C++`, `C#`, `F#`: symbols glued to a short word, not followed by a word character.
    if (e - b <= 2 && e < text.size()) {
      std::size_t n = e;
      if (text.compare(e, 2, "++") == 0) {
        n = e + 2;
        while (n < text.size() && is_digit(static_cast<unsigned char>(text[n]))) ++n;  // C++20
      } else if (text[e] == '#') {
        n = e + 1;
      }
      if (n > e && (n >= text.size() || !is_ascii_alnum(static_cast<unsigned char>(text[n])))) {
        e = n;
        skip_to(si, e);
      }
    }
    // `.NET`: a leading dot after whitespace on an upper-case word.
    if (b >= 1 && text[b - 1] == '.' &&
        (b == 1 || is_space(static_cast<unsigned char>(text[b - 2])))) {
      bool upper = true;
      for (std::size_t i = b; i < e; ++i)
        if (!(text[i] >= 'A' && text[i] <= 'Z')) upper = false;
      if (upper && e - b >= 2) --b;
    }

    Token t;
    if (!d.fold(text.substr(b, e - b), t.text)) continue;
    t.begin = b;
    t.end = e;

    // Compounds: this segment continues one if the previous ended right at a joiner.
    bool continues = compound_parts > 0 && compound_end + joiner_at(text, compound_end) == b &&
                     joiner_at(text, compound_end) > 0 && compound_parts < 6;
    if (!continues) {
      flush_compound();
    }
    // `DALL·E` arrives from ICU as one segment: split it at the middle dot. Where the dot
    // is, and each part's folded text, come from the surface: folding may change lengths
    // (`Ǆ` → `dž`) or make a dot of its own (`ŀ` → `l·`), so offsets found in the folded
    // text pointed inside characters or past the text (found by fuzz_analyzer).
    const std::string_view surface = text.substr(b, e - b);
    const std::size_t dot = surface.find("\xC2\xB7");
    std::string left, right;
    if (dot != std::string_view::npos && dot > 0 && dot + 2 < surface.size() &&
        d.fold(surface.substr(0, dot), left) && d.fold(surface.substr(dot + 2), right)) {
      compound_text = left + "-" + right;
      compound_begin = b;
      compound_end = e;
      compound_pos = pos;
      compound_parts = 2;
      compound_index = out.size();
      Token l{left, pos++, b, b + dot, false};
      Token r{right, pos++, b + dot + 2, e, false};
      out.push_back(std::move(l));
      out.push_back(std::move(r));
      flush_compound();
      continue;
    }
    if (continues) {
      compound_text += '-';
      compound_text += t.text;
      compound_end = e;
      ++compound_parts;
    } else if (joiner_at(text, e) > 0) {
      compound_text = t.text;
      compound_begin = b;
      compound_end = e;
      compound_pos = pos;
      compound_parts = 1;
      compound_index = out.size();
    }
    // `$500`, `$NVDA`: a currency sign glued in front adds a compound.
    std::size_t cur = currency_before(text, b);
    t.position = pos++;
    std::string cur_text;
    if (cur > 0) cur_text = std::string(text.substr(b - cur, cur)) + t.text;
    std::size_t tb = t.begin, te = t.end;
    std::uint32_t tp = t.position;
    out.push_back(std::move(t));
    if (cur > 0 && cur_text.size() <= d.options.max_token_bytes) {
      out.push_back(Token{std::move(cur_text), tp, tb - cur, te, true});
    }
  }
  flush_compound();
}

std::string Analyzer::normalize(std::string_view value) {
  std::string out;
  std::vector<Token> tokens;
  analyze(value, tokens);
  for (const auto& t : tokens) {
    if (t.compound) continue;
    if (!out.empty()) out += ' ';
    out += t.text;
  }
  return out;
}

const std::string& Analyzer::Impl::lookup(const std::string& word, std::uint64_t h) {
  if (const std::string* hit = stem_cache.find(word, h)) return *hit;
  std::string s;
  bool has_digit = false;
  for (unsigned char c : word)
    if (is_digit(c)) has_digit = true;
  if (!stemming || has_digit || protected_words.count(word))
    s = word;
  else
    s = stemmer(word);
  if (stem_cache.full()) return overflow.emplace_back(std::move(s));
  return stem_cache.insert(word, h, std::move(s));
}

const std::string& Analyzer::stem(const std::string& word) {
  Impl& d = *impl_;
  d.stem_cache.clear_if_full();  // then there is room: the result is cached
  return d.lookup(word, StemCache::hash(word));
}

void Analyzer::stems(const std::vector<Token>& tokens, std::vector<const std::string*>& out) {
  Impl& d = *impl_;
  const std::size_t n = tokens.size();
  out.assign(n, nullptr);
  d.overflow.clear();
  d.stem_cache.clear_if_full();  // no clear until this call returns: the pointers hold
  d.hashes.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    d.hashes[i] = tokens[i].compound ? 0 : StemCache::hash(tokens[i].text);  // not looked up
  // Slots 16 tokens ahead, entries 8 ahead (by then their slot has arrived).
  constexpr std::size_t kSlotAhead = 16, kEntryAhead = 8;
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kSlotAhead < n) d.stem_cache.prefetch_slot(d.hashes[i + kSlotAhead]);
    if (i + kEntryAhead < n) d.stem_cache.prefetch_entry(d.hashes[i + kEntryAhead]);
    if (!tokens[i].compound) out[i] = &d.lookup(tokens[i].text, d.hashes[i]);
  }
}

}  // namespace newsdex
