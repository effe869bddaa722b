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

}  // namespace newsdex::detail
