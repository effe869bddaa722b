#pragma once
// The one open-addressing table behind newsdex's hot string look-ups (the analyzer's stem
// cache, the name scanner's word table), and the short-string hash and comparison it runs
// on. Slots are 8 bytes (the high half of the key's hash as a tag, which rejects nearly
// every mismatch without touching an entry, and the index of the entry), probed linearly at
// a load of at most one half, so a probe sequence stays in one or two cache lines; an entry
// holds its key next to its value: one cache miss for a hit. Callers hash a key once
// (hash_word) and hand the hash to every look-up of it.
//
// (The numeric recognisers' keyword table is built at compile time and the chrome model's
// shingle sets hold bare 64-bit hashes; neither has this shape, so each keeps its own.)
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::detail {

namespace word_bytes {
inline std::uint64_t load8(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
inline std::uint64_t load4(const unsigned char* p) {
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}
/// The last 1..8 bytes of p[0, n) (n >= 1) packed in a word, without a variable-length copy
/// (overlapping fixed-size loads). Equal byte strings give equal words.
inline std::uint64_t tail(const unsigned char* p, std::size_t n) {
  if (n >= 8) return load8(p + n - 8);
  if (n >= 4) return load4(p) << 32 | load4(p + n - 4);
  return std::uint64_t{p[0]} << 16 | std::uint64_t{p[n / 2]} << 8 | p[n - 1];
}
}  // namespace word_bytes

/// 64-bit hash of a short string (words, names): 8 bytes at a time, multiply-mixed. Much
/// cheaper than std::hash on the 2-15 byte words the scanners look up.
inline std::uint64_t hash_word(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size();
  auto mix = [](std::uint64_t h) {
    h *= 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
  };
  std::uint64_t h = 0xA0761D6478BD642Full ^ n;
  while (n > 8) {
    h = mix(h ^ word_bytes::load8(p));
    p += 8;
    n -= 8;
  }
  if (n > 0) h = mix(h ^ word_bytes::tail(p, n));
  return mix(h ^ (h >> 32));
}

/// a[0, n) == b[0, n) for short strings, inline (no call to memcmp).
inline bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(a);
  const auto* q = reinterpret_cast<const unsigned char*>(b);
  while (n > 8) {
    if (word_bytes::load8(p) != word_bytes::load8(q)) return false;
    p += 8;
    q += 8;
    n -= 8;
  }
  return n == 0 || word_bytes::tail(p, n) == word_bytes::tail(q, n);
}

/// Open-addressing map from short strings to V, keyed by hash_word() of the key. Entries
/// live in a vector: reserve() room for every entry up front and references to values stay
/// valid until clear() (the stem cache relies on it); otherwise an insert may move them.
/// @tparam kEntryAlign alignment of an entry (64: one entry per cache line).
template <class V, std::size_t kEntryAlign = alignof(std::string)>
class FlatStringMap {
 public:
  struct alignas(kEntryAlign) Entry {
    std::string key;
    V value;
  };

  /// @p min_slots: the table's size on first insert (a power of two).
  explicit FlatStringMap(std::size_t min_slots = 64) : min_slots_(min_slots) {}

  /// The value of @p key (whose hash_word is @p h), or null.
  const V* find(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return nullptr;
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.index == kEmpty) return nullptr;
      if (s.tag == tag) {
        const Entry& e = entries_[s.index];
        if (e.key.size() == key.size() && same_bytes(e.key.data(), key.data(), key.size()))
          return &e.value;
      }
    }
  }
  V* find(std::string_view key, std::uint64_t h) {
    return const_cast<V*>(static_cast<const FlatStringMap&>(*this).find(key, h));
  }

  /// Inserts @p key, which must not be present, with a default value; returns the value.
  V& insert(std::string_view key, std::uint64_t h) {
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    Entry& e = entries_.emplace_back();
    e.key.assign(key);
    place(h, static_cast<std::uint32_t>(entries_.size() - 1));
    return e.value;
  }
  /// The value of @p key, inserted with a default value if missing.
  V& find_or_insert(std::string_view key, std::uint64_t h) {
    if (V* v = find(key, h)) return *v;
    return insert(key, h);
  }

  /// Prefetch hints for a look-up of @p h coming soon: its first slot, and (once that slot
  /// is likely in cache) the entry it points to. A look-up is two dependent cache misses;
  /// issued a few keys ahead, they overlap instead of adding up.
  void prefetch_slot(std::uint64_t h) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
  }
  void prefetch_entry(std::uint64_t h) const {
    if (slots_.empty()) return;
    const Slot& s = slots_[h & mask_];
    if (s.index != kEmpty) __builtin_prefetch(&entries_[s.index]);
  }

  /// Calls @p f(key, value) for every entry, in insertion order.
  template <class F>
  void for_each(F&& f) const {
    for (const Entry& e : entries_) f(std::string_view(e.key), e.value);
  }

  std::size_t size() const { return entries_.size(); }
  std::size_t capacity() const { return entries_.capacity(); }
  void reserve(std::size_t n) { entries_.reserve(n); }
  /// Drops every entry; the slot array keeps its size, the entries their reserved room.
  void clear() {
    entries_.clear();
    std::fill(slots_.begin(), slots_.end(), Slot{});
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xffffffffu;
  struct Slot {
    std::uint32_t index = kEmpty;  ///< into entries_
    std::uint32_t tag = 0;         ///< high half of the key's hash
  };
  void place(std::uint64_t h, std::uint32_t index) {
    std::size_t i = h & mask_;
    while (slots_[i].index != kEmpty) i = (i + 1) & mask_;
    slots_[i] = {index, static_cast<std::uint32_t>(h >> 32)};
  }
  void grow() {
    slots_.assign(std::max(min_slots_, slots_.size() * 2), Slot{});
    mask_ = slots_.size() - 1;
    for (std::size_t k = 0; k < entries_.size(); ++k)
      place(hash_word(entries_[k].key), static_cast<std::uint32_t>(k));
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t min_slots_;
  std::vector<Entry> entries_;
};

/// Interns byte strings as dense ids (0, 1, 2, ...), each key's bytes kept once, end to end:
/// id i is bytes()[offsets()[i], offsets()[i + 1]), the layout the facet file stores. The
/// table is a slot per key (8 bytes: the hash's high half as a tag and the id, at most half
/// full) over those bytes, so a key costs its bytes plus 12-20 bytes and no allocation of
/// its own; a FlatStringMap from key to id would hold every key twice. Byte totals past
/// 4 GiB are out of range (offsets are 32-bit, as in the file).
class StringInterner {
 public:
  /// The id of @p key (whose hash_word is @p h), added if new; @p added says which.
  std::uint32_t intern(std::string_view key, std::uint64_t h, bool& added) {
    if ((size() + 1) * 2 > slots_.size()) grow();
    const std::size_t i = probe(key, h);
    added = slots_[i].id == kEmpty;
    if (!added) return slots_[i].id;
    const auto id = static_cast<std::uint32_t>(size());
    bytes_.append(key);
    offsets_.push_back(static_cast<std::uint32_t>(bytes_.size()));
    slots_[i] = {id, static_cast<std::uint32_t>(h >> 32)};
    return id;
  }
  std::string_view key(std::uint32_t id) const {
    return std::string_view(bytes_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  /// Whether @p key (whose hash_word is @p h) is interned.
  bool contains(std::string_view key, std::uint64_t h) const {
    return !slots_.empty() && slots_[probe(key, h)].id != kEmpty;
  }
  std::size_t size() const { return offsets_.size() - 1; }
  const std::vector<std::uint32_t>& offsets() const { return offsets_; }
  const std::string& bytes() const { return bytes_; }
  /// Moves the keys out (offsets, bytes) and leaves the interner empty.
  void release(std::vector<std::uint32_t>& offsets, std::string& bytes) {
    offsets = std::move(offsets_);
    bytes = std::move(bytes_);
    *this = StringInterner();
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xffffffffu;
  struct Slot {
    std::uint32_t id = kEmpty;
    std::uint32_t tag = 0;
  };
  // The slot of @p key, or the empty slot where it would go.
  std::size_t probe(std::string_view key, std::uint64_t h) const {
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.id == kEmpty) return i;
      if (s.tag == tag) {
        const std::string_view k = this->key(s.id);
        if (k.size() == key.size() && same_bytes(k.data(), key.data(), key.size())) return i;
      }
    }
  }
  void grow() {
    slots_.assign(std::max<std::size_t>(64, slots_.size() * 2), Slot{});
    mask_ = slots_.size() - 1;
    for (std::uint32_t id = 0; id < size(); ++id) {
      const std::uint64_t h = hash_word(key(id));
      std::size_t i = h & mask_;
      while (slots_[i].id != kEmpty) i = (i + 1) & mask_;
      slots_[i] = {id, static_cast<std::uint32_t>(h >> 32)};
    }
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::vector<std::uint32_t> offsets_{0};
  std::string bytes_;
};

}  // namespace newsdex::detail
