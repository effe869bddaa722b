#pragma once
// Gazetteer and rule-based recognition of companies, people and products. Internal header.
//
// Gazetteer files (corpus/gazetteer/*.tsv, described in corpus/gazetteer/README.md):
//   key<TAB>Label<TAB>alias|alias|...<TAB>extra
// where extra is the tickers of a company (`MSFT|$MSFT`) or the context companies of a
// product/person. An alias may start with markers: `~` weak (only away from sentence starts
// and headings, and only when one of the entry's context companies is named in the same
// document), `=` exact case. The label is always an alias.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/flat_map.h"
#include "newsdex/entities.h"

namespace newsdex::detail {

// ------------------------------ text helpers, tokenizer (names/text.cc, lexicon.cc, tokenizer.cc)

/// Lower-cases UTF-8 (ASCII fast path, ICU simple case mapping elsewhere). Invalid bytes
/// are dropped.
std::string lower_utf8(std::string_view s);

/// Trims and collapses every run of white space (ASCII, NBSP) to one ASCII space.
std::string collapse_space(std::string_view s);

/// Drops a trailing possessive (`'s`, `’s`, or a bare `'`/`’` after an s).
std::string_view strip_possessive(std::string_view s);

/// Cuts @p s to at most @p max bytes without splitting a UTF-8 sequence.
std::string_view clamp_utf8(std::string_view s, std::size_t max);

/// True for frequent English words (lower-case ASCII) and for words whose ending marks
/// them as ordinary vocabulary (`-tion`, `-ing`...). Such words are not accepted as names
/// by the rules, and single-word aliases that are common words are not matched at a
/// sentence start or inside a capitalised run.
bool is_common_word(std::string_view lower);

/// A token of the name scanner: a word (letters/digits, UTF-8 letters included) or one
/// punctuation character. Offsets are bytes into the scanned text.
struct NameToken {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t cp = 0;     ///< first code point
  std::uint32_t flags = 0;  ///< TokenFlag bits
};

enum TokenFlag : std::uint32_t {
  kWord = 1u << 0,
  kPunct = 1u << 1,
  kSpaceBefore = 1u << 2,    ///< white space (or text start) right before
  kNewlineBefore = 1u << 3,  ///< a line break in the white space before
  kUpperFirst = 1u << 4,     ///< first letter upper-case
  kHasUpper = 1u << 5,
  kHasLower = 1u << 6,
  kHasDigit = 1u << 7,
  kSentenceStart = 1u << 8,  ///< first word of a sentence, line or text
  kLong = 1u << 9,           ///< longer than kMaxTokenBytes: never part of a name
  kNonAscii = 1u << 10,
  kHeading = 1u << 11,   ///< on a short line without final punctuation
  kTitleRun = 1u << 12,  ///< inside a long run of capitalised words (menus, chrome)
};

inline constexpr std::size_t kMaxTokenBytes = 64;
inline constexpr std::size_t kMaxEntityBytes = 100;

/// Splits @p text into name tokens (cleared first) and sets every flag, kHeading and
/// kTitleRun included. Linear; invalid UTF-8 bytes act as white space.
void tokenize_names(std::string_view text, std::vector<NameToken>& out);

// ---------------------------------------------------------------- gazetteer (gazetteer.cc)

/// One gazetteer entry.
struct GazEntry {
  EntityKind kind = EntityKind::company;
  std::string key;
  std::string label;
  std::vector<std::string> context;  ///< companies whose mention licenses weak aliases
};

/// Transparent string hash: lookups by std::string_view without a temporary string.
struct SvHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return static_cast<std::size_t>(hash_word(s));
  }
};

/// A case-exact spelling of a WordTable key.
struct WordVariant {
  std::string text;
  std::uint32_t exact_bits = 0;  ///< scanner lexicon bits of this exact spelling
  bool first_name = false;       ///< a given name (first_names.lst)
};

/// What the name scanner looks up about a word, keyed by its ASCII-lower-cased form (one
/// hash per token answers every question the rules ask about it).
struct WordInfo {
  std::vector<std::uint32_t> candidates;  ///< Gazetteer::candidates() of the key
  std::vector<WordVariant> variants;      ///< case-exact spellings with something to say
  std::uint32_t lower_bits = 0;           ///< scanner lexicon bits of the lower-case form
  bool starts_name = false;               ///< Gazetteer::starts_name() of the key
  bool common = false;                    ///< listed common word (the key itself)
  bool common_plural = false;  ///< a listed common word + "s" (over 3 bytes) or + "es" (over 4)

  const WordVariant* variant(std::string_view text) const {
    for (const WordVariant& v : variants)
      if (v.text.size() == text.size() && same_bytes(v.text.data(), text.data(), text.size()))
        return &v;
    return nullptr;
  }
};

/// The scanner's word table: ASCII-lower-cased words to WordInfo; look-ups take a hash the
/// caller computed once (hash_word of the key).
class WordTable {
 public:
  const WordInfo* find(std::string_view key, std::uint64_t h) const { return map_.find(key, h); }
  const WordInfo* find(std::string_view key) const { return find(key, hash_word(key)); }
  /// The entry for @p key, created empty if missing. Invalidates pointers to entries.
  WordInfo& at(std::string_view key) { return map_.find_or_insert(key, hash_word(key)); }
  /// The spelling @p text of @p key's entry, created if missing.
  WordVariant& variant(std::string_view key, std::string_view text);
  void clear() { map_.clear(); }

 private:
  FlatStringMap<WordInfo> map_;
};

using StringSet = std::unordered_set<std::string, SvHash, std::equal_to<>>;
template <class V>
using StringMap = std::unordered_map<std::string, V, SvHash, std::equal_to<>>;

enum class AliasMode : std::uint8_t {
  exact,  ///< byte-exact (all-caps words, `GPT`, `=` aliases)
  cap,    ///< `Microsoft`: upper-case first letter, rest case-insensitive (`SoftBank`~`Softbank`)
  mixed,  ///< `iPhone`, `eBay`: case-insensitive but the text must contain a capital
  lower,  ///< `of`, `and`, `a16z` inside or as aliases: case-insensitive
  punct,  ///< one punctuation character (apostrophes and dashes fold together)
};

struct AliasToken {
  std::string text;
  AliasMode mode = AliasMode::exact;
  bool space_before = false;
};

enum class AliasRole : std::uint8_t {
  normal,
  surname,        ///< one word of a person's name: full key only if the full name is present
  ticker,         ///< a stock ticker usable bare (`MSFT`)
  dollar_ticker,  ///< a ticker usable only as `$X`, `NASDAQ: X`, `NYSE:X` or `<X>`
};

struct Alias {
  std::uint32_t entry = 0;
  std::vector<AliasToken> tokens;
  AliasRole role = AliasRole::normal;
  bool weak = false;    ///< `~`: context needed, never at a sentence start or heading
  bool common = false;  ///< one token that is a common English word
};

/// Names loaded from corpus/gazetteer/{companies,people,products}.tsv (+ first_names.lst).
class Gazetteer {
 public:
  /// Loads companies.tsv, products.tsv, people.tsv (required) and first_names.lst
  /// (optional) from @p dir. @throws newsdex::ConfigError if a required file is unreadable.
  void load_dir(const std::string& dir);

  /// Parses one TSV document. @p origin names it in warnings.
  void parse_tsv(EntityKind kind, std::string_view content, std::string_view origin);
  /// Adds white-space separated given names ('#' starts a comment line).
  void parse_first_names(std::string_view content);
  /// Call once after loading: sorts candidates and builds the lookup tables.
  void finish();

  const GazEntry& entry(std::uint32_t i) const { return entries_[i]; }
  const Alias& alias(std::uint32_t i) const { return aliases_[i]; }
  std::size_t entry_count() const { return entries_.size(); }
  std::size_t count(EntityKind kind) const;

  /// Aliases whose first token folds (ASCII lower-case) to @p folded, longest first.
  const std::vector<std::uint32_t>* candidates(std::string_view folded) const;
  /// Cheap pre-filter: false if no alias can start with this word (first two bytes,
  /// ASCII-folded).
  bool may_start(std::string_view word) const {
    const unsigned a = fold_byte(word.empty() ? 0 : word[0]);
    const unsigned b = fold_byte(word.size() > 1 ? word[1] : 0);
    const unsigned k = a * 256 + b;
    return (start_pairs_[k >> 6] >> (k & 63)) & 1;
  }
  /// may_start() of a word whose first two bytes, ASCII-lower-cased, are @p a and @p b (0
  /// for a one-byte word).
  bool may_start_folded(unsigned char a, unsigned char b) const {
    const unsigned k = a * 256u + b;
    return (start_pairs_[k >> 6] >> (k & 63)) & 1;
  }
  /// True if some alias starts with the ASCII punctuation character @p c.
  bool punct_starts_alias(unsigned char c) const { return c < 128 && punct_start_[c]; }

  /// Entry for a name as a user types it: key, label, alias or ticker of @p kind compared
  /// case-insensitively (`$` and exchange prefixes ignored). -1 if unknown.
  std::int64_t find_name(EntityKind kind, std::string_view name) const;
  /// Entry with this exact key and kind; -1 if none.
  std::int64_t find_key(EntityKind kind, std::string_view key) const;

  bool is_first_name(std::string_view word) const {
    return first_names_.find(word) != first_names_.end();
  }
  /// True if @p lower (ASCII lower-case) is the first token of some company/product alias.
  bool starts_name(std::string_view lower) const;

  /// Every word the name scanner looks up (aliases' first tokens, given names and the
  /// scanner's own word lists), by ASCII-lower-cased form. Built by finish().
  const WordTable& word_table() const { return words_; }

  /// Lower-case single words naming companies/products (see EntityExtractor::protected_words).
  const std::vector<std::string>& protected_words() const { return protected_; }
  /// "alias (kind key) vs (kind key)" for every alias claimed by two entries (kept: first).
  const std::vector<std::string>& conflicts() const { return conflicts_; }

 private:
  void add_alias(std::uint32_t entry, std::string_view text, AliasRole role);

  std::vector<GazEntry> entries_;
  std::vector<Alias> aliases_;
  StringMap<std::vector<std::uint32_t>> by_first_;
  std::unordered_map<std::string, std::uint32_t> by_name_[6];  // folded name -> entry
  std::unordered_map<std::string, std::uint32_t> by_key_[6];
  std::unordered_map<std::string, std::uint32_t> alias_seen_;  // normalised alias -> alias
  StringSet first_names_;
  StringSet first_tokens_;  // first tokens of company/product aliases
  WordTable words_;
  std::vector<std::string> protected_;
  std::vector<std::string> conflicts_;
  bool punct_start_[128] = {};
  std::uint64_t start_pairs_[256 * 256 / 64] = {};
  static unsigned fold_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'A' && u <= 'Z') ? u + 32u : u;
  }
};

/// Adds the scanner's word lists (names/lexicon.cc) to @p table: lexicon bits and common words.
void add_scanner_words(WordTable& table);

/// Tokenises an alias as the scanner tokenises text.
std::vector<AliasToken> tokenize_alias(std::string_view alias, bool exact);

// ---------------------------------------------------------- recogniser (names/scan_*.cc)

/// Appends company/person/product mentions found in text: gazetteer aliases and tickers
/// first, then rules for names the gazetteer lacks, then surname-only and short-name
/// mentions of people/companies already named in the document. The mentions it appends
/// never overlap one another.
class NameRecognizer {
 public:
  explicit NameRecognizer(const Gazetteer& gazetteer) : gaz_(gazetteer) {}
  void find(std::string_view text, std::vector<Entity>& out) const;

  /// Key for a company name found by a rule: legal suffixes (`Inc.`, `Corp`, `Ltd`...)
  /// and possessives dropped, lower-cased, white space collapsed, clamped.
  static std::string company_key(std::string_view name);

  /// @p name without a last word that names the same company as the words before it when
  /// those are a listed company ("Mazda Motor", "Morgan Stanley Group", "Qantas Airways",
  /// "Airbus Industrie"), compared without case; empty if it has no such word.
  static std::string_view same_company_head(std::string_view name);

 private:
  const Gazetteer& gaz_;
};

}  // namespace newsdex::detail
