#include "index/story.h"

#include <algorithm>
#include <array>
#include <limits>

#include "core/flat_map.h"
#include "core/schema.h"

namespace newsdex::detail {
namespace {

inline std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

inline std::uint64_t rotl(std::uint64_t x, unsigned r) { return (x << r) | (x >> (64 - r)); }

// Calls @p f with the hash of each word of @p text: a run of ASCII letters and digits
// (lower-cased) and non-ASCII bytes, except the UTF-8 punctuation block U+2000-U+206F
// (typographic quotes, dashes, ellipsis), which separates words like ASCII punctuation, so
// `“chimeras”` and `"chimeras"` are one word.
template <class F>
void for_each_word(std::string_view text, F&& f) {
  char buf[64];
  std::size_t n = 0, len = 0;  // bytes in buf; the word's whole length
  std::uint64_t overflow = 0;  // the hash of what did not fit in buf
  auto flush = [&] {
    if (len == 0) return;
    std::uint64_t h = hash_word(std::string_view(buf, n));
    if (len > n) h = mix(h ^ overflow);
    f(h);
    n = len = 0;
    overflow = 0;
  };
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  for (std::size_t i = 0; i < size; ++i) {
    unsigned char c = p[i];
    bool word;
    if (c < 0x80) {
      word = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      if (c >= 'A' && c <= 'Z') c = char(c | 0x20);
    } else if (c == 0xE2 && i + 2 < size && p[i + 1] == 0x80) {  // U+2000..U+203F
      flush();
      i += 2;
      continue;
    } else {
      word = true;
    }
    if (!word) {
      flush();
      continue;
    }
    if (n < sizeof buf)
      buf[n++] = char(c);
    else
      overflow = mix(overflow ^ c) + len;
    ++len;
  }
  flush();
}

// kSpread[v]: bit k of v as byte k (0 or 1).
constexpr std::array<std::uint64_t, 256> kSpread = [] {
  std::array<std::uint64_t, 256> t{};
  for (unsigned v = 0; v < 256; ++v)
    for (unsigned k = 0; k < 8; ++k)
      if ((v >> k) & 1u) t[v] |= std::uint64_t(1) << (8 * k);
  return t;
}();

// Removes repeated values from @p v (order not kept), through an open-addressing set twice
// its size (cheaper than sorting the ~1,000 shingles of an article).
void distinct(std::vector<std::uint64_t>& v) {
  thread_local std::vector<std::uint64_t> table;
  std::size_t size = 64;
  while (size < 2 * v.size()) size *= 2;
  table.assign(size, 0);
  const std::size_t mask = size - 1;
  bool zero = false;  // 0 marks an empty slot: the value 0 is kept apart
  std::size_t out = 0;
  for (const std::uint64_t x : v) {
    if (x == 0) {
      if (!zero) v[out++] = 0;
      zero = true;
      continue;
    }
    for (std::size_t i = (x ^ (x >> 29)) & mask;; i = (i + 1) & mask) {
      if (table[i] == x) break;
      if (table[i] == 0) {
        table[i] = x;
        v[out++] = x;
        break;
      }
    }
  }
  v.resize(out);
}

void put64(std::string& out, std::uint64_t v) {
  for (int s = 56; s >= 0; s -= 8) out.push_back(char((v >> s) & 0xFF));
}

std::uint64_t get64(std::string_view in) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = v << 8 | static_cast<unsigned char>(in[i]);
  return v;
}

// A story key as its kSlotStory value (8 bytes, big-endian).
std::string key_value(std::uint64_t key) {
  std::string out;
  put64(out, key);
  return out;
}

}  // namespace

Fingerprint fingerprint(std::string_view title, std::string_view body) {
  Fingerprint fp;
  std::uint64_t exact = 0x6A09E667F3BCC908ull;
  for_each_word(title, [&](std::uint64_t h) { exact = mix(exact ^ h) + 1; });
  exact = mix(exact ^ 0x5851F42D4C957F2Dull);  // title | body
  // Each distinct shingle votes once: a phrase a page repeats (a list of related videos,
  // "... Questions From Twitter" 179 times) would otherwise outvote the article.
  thread_local std::vector<std::uint64_t> shingles;
  shingles.clear();
  std::uint64_t w1 = 0, w2 = 0;  // the two words before this one
  std::size_t words = 0;
  for_each_word(body, [&](std::uint64_t h) {
    exact = mix(exact ^ h) + 1;
    if (++words >= 3) shingles.push_back(mix(w2 ^ rotl(w1, 21) ^ rotl(h, 42)));
    w2 = w1;
    w1 = h;
  });
  fp.exact = exact;
  distinct(shingles);
  fp.shingles = shingles.size();
  if (fp.shingles >= kMinShingles) {
    // Bit b is set when more than half the shingles have it (the simhash vote, each shingle
    // +1 or -1 on every bit), counted 8 bits at a time: each byte of a shingle spread over
    // the 8 byte lanes of a word (kSpread) and added lane-wise, flushed before a lane can
    // overflow. 64 scalar additions per shingle took a third of the fingerprint's time.
    std::uint32_t ones[64] = {};
    std::uint64_t lanes[8] = {};
    unsigned pending = 0;
    auto flush = [&] {
      for (unsigned j = 0; j < 8; ++j) {
        for (unsigned k = 0; k < 8; ++k) ones[8 * j + k] += (lanes[j] >> (8 * k)) & 0xFF;
        lanes[j] = 0;
      }
      pending = 0;
    };
    for (const std::uint64_t sh : shingles) {
      for (unsigned j = 0; j < 8; ++j) lanes[j] += kSpread[(sh >> (8 * j)) & 0xFF];
      if (++pending == 255) flush();
    }
    flush();
    for (unsigned b = 0; b < 64; ++b)
      if (2 * std::size_t(ones[b]) > fp.shingles) fp.simhash |= std::uint64_t(1) << b;
    if (fp.simhash == 0) fp.simhash = 1;  // 0 means none
  }
  return fp;
}

std::string encode_fingerprint(const Fingerprint& f) {
  std::string out;
  out.reserve(16);
  put64(out, f.simhash);
  put64(out, f.exact);
  return out;
}

bool decode_fingerprint(std::string_view value, Fingerprint& f) {
  if (value.size() != 16) return false;
  f.simhash = get64(value.substr(0, 8));
  f.exact = get64(value.substr(8));
  return true;
}

StoryTable::StoryTable() = default;

std::uint64_t StoryTable::own_key_value(const Fingerprint& f) {
  return mix(f.exact ^ 0x2545F4914F6CDD1Dull);
}

std::string StoryTable::own_key(const Fingerprint& f) { return key_value(own_key_value(f)); }

std::uint32_t StoryTable::band(std::uint64_t simhash, unsigned b) const {
  const unsigned lo = b * 64 / kBands, hi = (b + 1) * 64 / kBands;
  return std::uint32_t((simhash >> lo) & ((std::uint64_t(1) << (hi - lo)) - 1));
}

void StoryTable::remember(const Fingerprint& f, std::uint64_t key) {
  const auto idx = std::uint32_t(entries_.size());
  entries_.push_back({f.simhash, key});
  exact_.try_emplace(f.exact, idx);
  if (f.simhash)
    for (unsigned b = 0; b < kBands; ++b) bands_[b][band(f.simhash, b)].push_back(idx);
}

void StoryTable::load(const Xapian::Database& db) {
  const unsigned fslot = schema::kSlotFingerprint, kslot = schema::kSlotStory;
  auto key = db.valuestream_begin(kslot);
  for (auto v = db.valuestream_begin(fslot); v != db.valuestream_end(fslot); ++v) {
    Fingerprint f;
    if (!decode_fingerprint(*v, f)) continue;
    const Xapian::docid did = v.get_docid();
    if (key != db.valuestream_end(kslot) && key.get_docid() < did) key.skip_to(did);
    if (key == db.valuestream_end(kslot) || key.get_docid() != did) continue;
    const std::string k = *key;
    if (k.size() == 8) remember(f, get64(k));  // else damaged: `newsdex check` says so
  }
}

std::string StoryTable::assign(const Fingerprint& f) {
  if (auto it = exact_.find(f.exact); it != exact_.end()) {
    ++exact_joins_;
    const std::uint64_t key = entries_[it->second].key;
    remember(f, key);
    return key_value(key);
  }
  std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
  unsigned best_distance = kMaxDistance + 1;
  if (f.simhash) {
    for (unsigned b = 0; b < kBands; ++b) {
      auto it = bands_[b].find(band(f.simhash, b));
      if (it == bands_[b].end()) continue;
      for (std::uint32_t idx : it->second) {
        const unsigned d = distance(f.simhash, entries_[idx].simhash);
        if (d < best_distance || (d == best_distance && idx < best)) {
          best_distance = d;
          best = idx;
        }
      }
    }
  }
  std::uint64_t key = 0;
  if (best_distance <= kMaxDistance) {
    ++near_joins_;
    key = entries_[best].key;
  } else {
    key = own_key_value(f);
  }
  remember(f, key);
  return key_value(key);
}

}  // namespace newsdex::detail
