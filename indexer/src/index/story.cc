#include "index/story.h"

#include <algorithm>
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

void put64(std::string& out, std::uint64_t v) {
  for (int s = 56; s >= 0; s -= 8) out.push_back(char((v >> s) & 0xFF));
}

std::uint64_t get64(std::string_view in) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = v << 8 | static_cast<unsigned char>(in[i]);
  return v;
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
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  fp.shingles = shingles.size();
  if (fp.shingles >= kMinShingles) {
    std::int32_t votes[64] = {};
    for (const std::uint64_t s : shingles)
      for (unsigned b = 0; b < 64; ++b) votes[b] += std::int32_t((s >> b) & 1u) * 2 - 1;
    for (unsigned b = 0; b < 64; ++b)
      if (votes[b] > 0) fp.simhash |= std::uint64_t(1) << b;
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

std::string StoryTable::own_key(const Fingerprint& f) {
  std::string key;
  put64(key, mix(f.exact ^ 0x2545F4914F6CDD1Dull));
  return key;
}

std::uint32_t StoryTable::band(std::uint64_t simhash, unsigned b) const {
  const unsigned lo = b * 64 / kBands, hi = (b + 1) * 64 / kBands;
  return std::uint32_t((simhash >> lo) & ((std::uint64_t(1) << (hi - lo)) - 1));
}

void StoryTable::remember(const Fingerprint& f, std::string key) {
  const auto idx = std::uint32_t(entries_.size());
  entries_.push_back({f.simhash, std::move(key)});
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
    remember(f, *key);
  }
}

std::string StoryTable::assign(const Fingerprint& f) {
  if (auto it = exact_.find(f.exact); it != exact_.end()) {
    ++exact_joins_;
    std::string key = entries_[it->second].key;
    remember(f, key);
    return key;
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
  std::string key = own_key(f);
  if (best_distance <= kMaxDistance) {
    ++near_joins_;
    key = entries_[best].key;
  }
  remember(f, key);
  return key;
}

}  // namespace newsdex::detail
