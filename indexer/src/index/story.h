#pragma once
// Stories: copies and near-copies of one article (re-scrapes, syndication) share a story key
// (schema::kSlotStory), on which the searcher collapses its hits. At index time each article
// gets a fingerprint (schema::kSlotFingerprint): a 64-bit simhash over the distinct 3-word
// shingles of its body, and an exact hash of the words of its title and body (punctuation and
// spacing aside). An article whose exact hash equals an earlier one's, or whose simhash is within
// kMaxDistance bits of an earlier one's, takes that article's story key (the nearest; ties:
// the earliest); any other starts a story of its own, keyed by its exact hash.
//
// The earlier articles are those of the database when the run starts (loaded from the two
// value slots, in docid order) and those this run has assigned so far, in reading order: the
// reader thread assigns keys before it hands articles to the workers, so keys do not depend
// on the number of workers, and a run resumed after a kill assigns what one run would have.
// Near matches are found through bands: the 64 bits are cut into kMaxDistance + 1 bands, and
// two simhashes at most kMaxDistance bits apart agree on at least one band (pigeonhole).
#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsdex::detail {

/// An article's fingerprint.
struct Fingerprint {
  std::uint64_t simhash = 0;  ///< 0: the body is too short for one (exact matches only)
  std::uint64_t exact = 0;    ///< hash of the title's and body's words, in order
  std::size_t shingles = 0;   ///< distinct 3-word shingles in the body
};

/// Bodies with fewer shingles get no simhash: a few words say too little to call two
/// articles one story.
inline constexpr std::size_t kMinShingles = 24;
/// Largest Hamming distance between the simhashes of two copies of one story.
inline constexpr unsigned kMaxDistance = 7;

/// The fingerprint of an article (@p body after page-chrome removal).
Fingerprint fingerprint(std::string_view title, std::string_view body);

/// The kSlotFingerprint value (16 bytes: simhash, exact hash; big-endian), and back (false
/// if @p value is not one).
std::string encode_fingerprint(const Fingerprint& f);
bool decode_fingerprint(std::string_view value, Fingerprint& f);

/// Number of bits in which two simhashes differ.
inline unsigned distance(std::uint64_t a, std::uint64_t b) {
  return unsigned(__builtin_popcountll(a ^ b));
}

/// The story keys of the articles seen so far, and the look-up of a new one's.
class StoryTable {
 public:
  StoryTable();
  /// Adds every document of @p db that has a fingerprint, in docid order.
  void load(const Xapian::Database& db);
  /// The story key of an article with fingerprint @p f (own_key(f) if it starts a story);
  /// remembers the article. Not thread-safe.
  std::string assign(const Fingerprint& f);
  /// Articles remembered.
  std::size_t size() const { return entries_.size(); }
  /// Of the articles assign()ed, how many joined an earlier story (exactly, or near).
  std::size_t exact_joins() const { return exact_joins_; }
  std::size_t near_joins() const { return near_joins_; }

  /// The story key of an article that starts a story: 8 bytes from its exact hash, so
  /// stable across runs (a changed article starts a new story), and the same for exact
  /// copies in other databases (searched together, they collapse too).
  static std::string own_key(const Fingerprint& f);

 private:
  // own_key() as the number its 8 bytes encode (what Entry::key holds).
  static std::uint64_t own_key_value(const Fingerprint& f);
  static constexpr unsigned kBands = kMaxDistance + 1;
  // 16 bytes an article (a story key is 8 bytes: own_key()), so that a million articles
  // hold 16 MB here rather than the 40 MB of a std::string each.
  struct Entry {
    std::uint64_t simhash;
    std::uint64_t key;  // the story key's 8 bytes, big-endian as in the value slot
  };
  void remember(const Fingerprint& f, std::uint64_t key);
  std::uint32_t band(const std::uint64_t simhash, unsigned b) const;

  std::vector<Entry> entries_;
  std::unordered_map<std::uint64_t, std::uint32_t> exact_;  // exact hash → first entry
  std::array<std::unordered_map<std::uint32_t, std::vector<std::uint32_t>>, kBands> bands_;
  std::size_t exact_joins_ = 0, near_joins_ = 0;
};

}  // namespace newsdex::detail
