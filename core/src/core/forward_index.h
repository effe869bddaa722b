#pragma once
// The facet forward index: for every document, the interned ids of its keys per kind (from
// the facet value slots, schema::facet_slot), the money ranges of its amounts, its published
// date and its story id. Built from a database's value streams (build_forward_keys() and
// friends, what a long-lived Searcher's FacetIndex holds), and stored beside the database
// by every index run (write_facet_file()), so that a fresh process maps it (FacetFile) and
// counts integers from its first query instead of hashing every key of every match.
//
// The file (docs/schema.md, "The facet file") holds one database revision: it names the
// database's UUID, revision, document count and last docid, and a reader that finds any of
// them different, or the file missing, truncated or damaged (each section has a checksum and
// its structure is checked before use), ignores it and builds from the value streams as
// before. It is a cache: never needed, never trusted beyond what it proves.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/entity_kind.h"

namespace newsdex::detail {

/// The money facet's amount buckets.
struct MoneyRange {
  const char* key;
  double lo, hi;  // [lo, hi)
};
inline constexpr MoneyRange kMoneyRanges[] = {
    {"<1M", 0, 1e6}, {"1M-1B", 1e6, 1e9}, {"1B-100B", 1e9, 1e11}, {">=100B", 1e11, 1e300}};

/// The money ranges an amount key falls in, as bits (bit r: kMoneyRanges[r]).
std::uint8_t money_range_bits(std::string_view key);
/// YYYYMMDD of a kSlotDate value as a number, 0 if it is not a date.
std::uint32_t date_number(std::string_view value);

/// One kind's forward index, as views: into a ForwardKeysData, or into a mapped FacetFile.
struct ForwardKeys {
  std::span<const std::uint32_t> offsets;      // docid → first index into ids (lastdocid + 2)
  std::span<const std::uint32_t> ids;          // key ids, document after document
  std::span<const std::uint32_t> key_offsets;  // id → its key in key_bytes (keys + 1)
  std::string_view key_bytes;
  std::span<const std::uint8_t> money_ranges;  // money: docid → range bits (lastdocid + 1)

  std::size_t key_count() const { return key_offsets.empty() ? 0 : key_offsets.size() - 1; }
  std::string_view key(std::uint32_t id) const {
    return key_bytes.substr(key_offsets[id], key_offsets[id + 1] - key_offsets[id]);
  }
};

/// The arrays a ForwardKeys views, owned.
struct ForwardKeysData {
  std::vector<std::uint32_t> offsets, ids, key_offsets{0};
  std::string key_bytes;
  std::vector<std::uint8_t> money_ranges;
  ForwardKeys view() const { return {offsets, ids, key_offsets, key_bytes, money_ranges}; }
};

/// The forward index of @p kind (not date) from @p db's value stream of its slot: keys
/// interned in order of first appearance.
ForwardKeysData build_forward_keys(const Xapian::Database& db, EntityKind kind);
/// Published dates as YYYYMMDD numbers by docid (0: none), lastdocid + 1 of them.
std::vector<std::uint32_t> build_dates(const Xapian::Database& db);
/// The story keys of story ids, as views: story id s (from 1) has the key
/// bytes[offsets[s - 1], offsets[s]) (into a StoryKeysData, or into a mapped FacetFile).
/// Several databases' files tell by these that two documents of two of them are one story.
struct StoryKeys {
  std::span<const std::uint32_t> offsets;  // story count + 1, from 0
  std::string_view bytes;
  std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::string_view key(std::uint32_t story) const {
    return bytes.substr(offsets[story - 1], offsets[story] - offsets[story - 1]);
  }
};

/// The arrays a StoryKeys views, owned.
struct StoryKeysData {
  std::vector<std::uint32_t> offsets{0};
  std::string bytes;
  StoryKeys view() const { return {offsets, bytes}; }
};

/// Story ids (interned schema::kSlotStory keys, from 1) by docid (0: none); with @p keys,
/// each id's key too.
std::vector<std::uint32_t> build_stories(const Xapian::Database& db, StoryKeysData* keys = nullptr);

/// The facet file of the database directory @p db_dir.
std::string facet_file_path(const std::string& db_dir);

/// Builds the forward index of every kind, the dates and the stories from the database at
/// @p db_dir as it is committed now, and writes them with its identity to
/// facet_file_path(@p db_dir) (a temporary file, synced, then renamed over it; temporary
/// files of killed writers are removed first: call it holding the database's write lock).
/// Returns the bytes written. @throws Xapian::Error, std::runtime_error (a file that cannot
/// be written).
std::uint64_t write_facet_file(const std::string& db_dir);

/// The checksum of the facet file's sections and header (a 64-bit hash of @p n bytes at
/// @p p): what FacetFile checks, for a test that writes a file made to fit its checksums.
std::uint64_t facet_checksum(const unsigned char* p, std::size_t n);

/// A facet file mapped read-only, checked against one open database.
class FacetFile {
 public:
  /// The file of @p db_dir if it exists and was written for @p db as it is open (UUID,
  /// revision, document count, last docid) with a sound header; else nullptr and @p why
  /// says what was wrong (for a debug log).
  static std::shared_ptr<const FacetFile> open(const std::string& db_dir,
                                               const Xapian::Database& db, std::string& why);
  ~FacetFile();
  FacetFile(const FacetFile&) = delete;
  FacetFile& operator=(const FacetFile&) = delete;

  /// @p kind's forward index if its sections are whole (checksums) and consistent (sizes,
  /// ids in range, offsets in order); else std::nullopt, and @p why says why.
  std::optional<ForwardKeys> keys(EntityKind kind, std::string& why) const;
  /// The dates (build_dates()) or stories (build_stories()), checked alike.
  std::optional<std::span<const std::uint32_t>> dates(std::string& why) const;
  std::optional<std::span<const std::uint32_t>> stories(std::string& why) const;
  /// The keys of the story ids of stories() (format 2), checked alike: every id has one.
  std::optional<StoryKeys> story_keys(std::string& why) const;

  std::uint64_t size() const { return size_; }

 private:
  FacetFile() = default;
  struct Section {
    std::uint64_t offset = 0, bytes = 0, checksum = 0;
    bool present = false;
  };
  // Section @p id's bytes if present and its checksum holds; with @p largest, also the
  // largest of its 32-bit words (found in the same pass).
  std::optional<std::span<const unsigned char>> section(unsigned id, std::string& why,
                                                        std::uint32_t* largest = nullptr) const;
  std::optional<std::span<const std::uint32_t>> docid_array(unsigned id, std::string& why) const;
  const unsigned char* data_ = nullptr;
  std::uint64_t size_ = 0;
  std::uint64_t last_docid_ = 0;
  std::vector<Section> sections_;
};

}  // namespace newsdex::detail
