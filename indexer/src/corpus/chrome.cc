#include "corpus/chrome.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdex::detail {
namespace {

// ' ', '\n', '\t', '\r', '\f'
constexpr std::uint64_t kSepMask =
    (1ull << ' ') | (1ull << '\n') | (1ull << '\t') | (1ull << '\r') | (1ull << '\f');

bool is_sep(unsigned char c) { return c <= ' ' && ((kSepMask >> c) & 1); }

struct Word {
  std::size_t begin, end;
  std::uint64_t hash;
};

// 8 bytes at p as a little-endian integer (so a word's hash does not depend on the host).
inline std::uint64_t load_le64(const unsigned char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}

// The hash of the word [p, p + len) of the text [begin, end): 8 bytes at a time (a
// multiply-xorshift per 8 bytes instead of FNV-1a's multiply per byte: words_of was 2.7%
// of indexing CPU). The last 1-7 bytes are read with one 8-byte load inside the text and
// masked (a byte-by-byte copy stalls store forwarding); only a text shorter than 8 bytes
// is read byte by byte. Part of the stored models
// (schema::kMetaChromePrefix names the format): it must not change.
std::uint64_t word_hash(const unsigned char* p, std::size_t len, const unsigned char* begin,
                        const unsigned char* end) {
  constexpr std::uint64_t kMul = 0xbf58476d1ce4e5b9ull;
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (len * 0x94d049bb133111ebull);
  for (; len >= 8; p += 8, len -= 8) {
    h = (h ^ load_le64(p)) * kMul;
    h ^= h >> 31;
  }
  if (len) {
    std::uint64_t v;
    if (end - p >= 8) {
      v = load_le64(p) & (~0ull >> (64 - 8 * len));
    } else if (p + len - begin >= 8) {
      v = load_le64(p + len - 8) >> (64 - 8 * len);
    } else {
      v = 0;
      for (std::size_t k = 0; k < len; ++k) v |= std::uint64_t(p[k]) << (8 * k);
    }
    h = (h ^ v) * kMul;
    h ^= h >> 31;
  }
  h *= 0x94d049bb133111ebull;
  return h ^ (h >> 29);
}

#if defined(__SSE2__)
// Bit k set when p[k] is a separator, for the 16 bytes at p.
unsigned sep_mask16(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i m = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('\f')));
  return unsigned(_mm_movemask_epi8(m));
}
#endif

// Whitespace-separated words with a 64-bit hash each (exact bytes: chrome repeats verbatim).
// Word ends come from 16-byte separator masks (SSE2); word starts, the last 15 bytes, or
// everything on targets without SSE2, are scanned byte by byte. The words and hashes are the same
// either way.
void words_of(std::string_view text, std::vector<Word>& out) {
  out.clear();
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  auto end_of_word = [&](std::size_t from) {  // first separator at or after from, or n
#if defined(__SSE2__)
    while (from + 16 <= n) {
      const unsigned m = sep_mask16(p + from);
      if (m) return from + std::size_t(std::countr_zero(m));
      from += 16;
    }
#endif
    while (from < n && !is_sep(p[from])) ++from;
    return from;
  };
  while (i < n) {
    while (i < n && is_sep(p[i])) ++i;
    if (i >= n) break;
    const std::size_t b = i;
    i = end_of_word(i + 1);
    out.push_back({b, i, word_hash(p + b, i - b, p, p + n)});
  }
}

std::uint64_t shingle(const Word* w) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  for (std::size_t k = 0; k < ChromeModel::kShingleWords; ++k) {
    h ^= w[k].hash + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  }
  return h;
}

// Slot of a hash in an open-addressing table of 2^(64 - shift) slots (the shingle hashes'
// low bits are not well mixed, so multiply first).
inline std::size_t slot_of(std::uint64_t h, unsigned shift) {
  return std::size_t((h * 0x9E3779B97F4A7C15ull) >> shift);
}

// In an open-addressing table of 2^(64 - shift) hashes (0 = empty, so h != 0), the slot
// that holds @p h, or the empty slot where it would go.
inline std::size_t probe(const std::vector<std::uint64_t>& table, std::uint64_t h, unsigned shift) {
  const std::size_t mask = table.size() - 1;
  std::size_t s = slot_of(h, shift);
  while (table[s] != 0 && table[s] != h) s = (s + 1) & mask;
  return s;
}

// Table size for n keys: a power of two, at least 2n (load at most one half).
unsigned shift_for(std::size_t n) {
  std::size_t cap = std::bit_ceil(std::max<std::size_t>(16, 2 * n));
  return unsigned(64 - std::countr_zero(cap));
}

// Per-thread scratch, reused between calls (clean() runs on many threads at once).
thread_local std::vector<Word> tl_words;
thread_local std::vector<char> tl_drop;
thread_local std::vector<std::uint64_t> tl_seen;

std::size_t min_docs_for(std::size_t docs) {
  return std::max<std::size_t>(5, std::size_t(double(docs) * ChromeModel::kMinShare + 0.999));
}

// The shingles of @p bucket that occur in at least @p min_docs documents (each entry is one
// document's occurrence), appended to @p out in no particular order.
void count_bucket(const std::vector<std::uint64_t>& bucket, std::size_t min_docs,
                  std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& counts,
                  std::vector<std::uint64_t>& out) {
  if (bucket.size() < min_docs) return;
  const unsigned shift = shift_for(bucket.size());
  const std::size_t cap = std::size_t(1) << (64 - shift);
  keys.assign(cap, 0);
  counts.assign(cap, 0);
  std::size_t zero = 0;
  for (std::uint64_t h : bucket) {
    if (h == 0) {
      ++zero;
      continue;
    }
    const std::size_t s = probe(keys, h, shift);
    keys[s] = h;
    ++counts[s];
  }
  if (zero >= min_docs) out.push_back(0);
  for (std::size_t s = 0; s < cap; ++s)
    if (counts[s] >= min_docs) out.push_back(keys[s]);
}

}  // namespace

void ChromeModel::Set::build(std::vector<std::uint64_t> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  sorted = std::move(keys);
  has_zero = !sorted.empty() && sorted.front() == 0;
  shift = shift_for(2 * sorted.size());  // load at most a quarter: misses stop at once
  slots.assign(std::size_t(1) << (64 - shift), 0);
  for (std::uint64_t h : sorted)  // distinct: each probe ends at an empty slot
    if (h != 0) slots[probe(slots, h, shift)] = h;
}

bool ChromeModel::Set::contains(std::uint64_t h) const {
  if (h == 0) return has_zero;
  return slots[probe(slots, h, shift)] == h;
}

void ChromeModel::observe(std::string_view source, std::string_view body) {
  auto it = learning_.find(source);
  if (it == learning_.end()) it = learning_.emplace(std::string(source), Learning{}).first;
  Learning& l = it->second;
  if (l.docs >= kSampleDocs) return;
  ++l.docs;
  std::vector<Word>& w = tl_words;
  words_of(body, w);
  if (w.size() < kShingleWords) return;
  if (l.buckets.empty()) l.buckets.resize(kBuckets);
  // Each distinct shingle of the document once, through a table cleared per document.
  const std::size_t n = w.size() - kShingleWords + 1;
  const unsigned shift = shift_for(n);
  std::vector<std::uint64_t>& seen = tl_seen;
  seen.assign(std::size_t(1) << (64 - shift), 0);
  bool zero_seen = false;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t h = shingle(w.data() + i);
    if (h == 0) {
      if (zero_seen) continue;
      zero_seen = true;
    } else {
      const std::size_t s = probe(seen, h, shift);
      if (seen[s] == h) continue;
      seen[s] = h;
    }
    l.buckets[h >> (64 - kBucketBits)].push_back(h);
  }
}

void ChromeModel::merge(ChromeModel&& other) {
  for (auto& [source, ol] : other.learning_) {
    auto it = learning_.find(source);
    if (it == learning_.end()) {
      learning_.emplace(source, std::move(ol));
      continue;
    }
    Learning& l = it->second;
    l.docs += ol.docs;
    if (ol.buckets.empty()) continue;
    if (l.buckets.empty()) {
      l.buckets = std::move(ol.buckets);
      continue;
    }
    for (std::size_t b = 0; b < kBuckets; ++b) {
      if (l.buckets[b].empty()) {
        l.buckets[b] = std::move(ol.buckets[b]);
      } else {
        l.buckets[b].insert(l.buckets[b].end(), ol.buckets[b].begin(), ol.buckets[b].end());
        std::vector<std::uint64_t>().swap(ol.buckets[b]);  // peak: one bucket held twice
      }
    }
  }
  for (auto& [source, oset] : other.chrome_) {
    auto it = chrome_.find(source);
    if (it == chrome_.end()) {
      chrome_.emplace(source, std::move(oset));
    } else {
      std::vector<std::uint64_t> keys = std::move(it->second.sorted);
      keys.insert(keys.end(), oset.sorted.begin(), oset.sorted.end());
      it->second.build(std::move(keys));
    }
  }
  other.learning_.clear();
  other.chrome_.clear();
}

void ChromeModel::finish(unsigned threads) {
  // One task per (source, bucket); each writes the bucket's chrome shingles to its own list.
  struct Task {
    Learning* l;
    std::size_t bucket, min_docs;
    std::vector<std::uint64_t> out;
  };
  std::vector<Task> tasks;
  for (auto& [source, l] : learning_) {
    if (l.docs < kMinDocs || l.buckets.empty()) continue;
    for (std::size_t b = 0; b < kBuckets; ++b) tasks.push_back({&l, b, min_docs_for(l.docs), {}});
  }
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> counts;
    for (std::size_t t; (t = next.fetch_add(1, std::memory_order_relaxed)) < tasks.size();) {
      Task& task = tasks[t];
      std::vector<std::uint64_t>& bucket = task.l->buckets[task.bucket];
      count_bucket(bucket, task.min_docs, keys, counts, task.out);
      std::vector<std::uint64_t>().swap(bucket);
    }
  };
  threads = std::max(1u, std::min<unsigned>(threads, unsigned(tasks.size() / 8 + 1)));
  // An exception in any thread (an allocation that fails) is rethrown here once all are
  // joined: none may leave a thread (std::terminate), none may leave a thread unjoined.
  std::mutex error_mutex;
  std::exception_ptr error;
  auto guarded = [&] {
    try {
      work();
    } catch (...) {
      next.store(tasks.size(), std::memory_order_relaxed);  // the others stop too
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(guarded);
  } catch (...) {  // no more threads: the ones started and this one do the work
  }
  guarded();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);

  std::size_t t = 0;
  for (auto& [source, l] : learning_) {
    if (l.docs < kMinDocs) continue;
    std::vector<std::uint64_t> keys;
    auto it = chrome_.find(source);
    if (it != chrome_.end()) keys = std::move(it->second.sorted);  // finish() after load()
    if (!l.buckets.empty()) {
      for (std::size_t b = 0; b < kBuckets; ++b, ++t)
        keys.insert(keys.end(), tasks[t].out.begin(), tasks[t].out.end());
      l.buckets.clear();
      l.buckets.shrink_to_fit();
    }
    if (keys.empty()) {
      if (it != chrome_.end()) chrome_.erase(it);
      continue;
    }
    if (it == chrome_.end()) it = chrome_.emplace(source, Set{}).first;
    it->second.build(std::move(keys));
  }
}

bool ChromeModel::has(std::string_view source) const {
  return chrome_.find(source) != chrome_.end();
}

std::size_t ChromeModel::documents_learned(std::string_view source) const {
  auto it = learning_.find(source);
  return it == learning_.end() ? 0 : it->second.docs;
}

std::vector<std::string> ChromeModel::sources() const {
  std::vector<std::string> out;
  for (const auto& [s, set] : chrome_) out.push_back(s);
  return out;
}

std::string ChromeModel::clean(std::string_view source, std::string_view body) const {
  auto it = chrome_.find(source);
  if (it == chrome_.end()) return std::string(body);
  const Set& set = it->second;
  std::vector<Word>& w = tl_words;
  words_of(body, w);
  if (w.size() < kShingleWords) return std::string(body);
  std::vector<char>& drop = tl_drop;
  drop.assign(w.size(), 0);
  bool any = false;
  for (std::size_t i = 0; i + kShingleWords <= w.size(); ++i) {
    if (set.contains(shingle(w.data() + i))) {
      std::memset(drop.data() + i, 1, kShingleWords);
      any = true;
    }
  }
  if (!any) return std::string(body);
  std::string out;
  out.reserve(body.size());
  std::size_t prev_end = 0;  // end of the last kept word
  bool kept_any = false, newline_pending = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    std::string_view gap = body.substr(prev_end, w[i].begin - prev_end);
    if (drop[i]) {
      if (gap.find('\n') != std::string_view::npos) newline_pending = true;
      prev_end = w[i].end;
      continue;
    }
    if (kept_any) {
      if (newline_pending || gap.find('\n') != std::string_view::npos)
        out += '\n';
      else
        out += (gap.empty() ? std::string_view(" ") : gap);
    }
    newline_pending = false;
    out.append(body.substr(w[i].begin, w[i].end - w[i].begin));
    prev_end = w[i].end;
    kept_any = true;
  }
  return out;
}

std::string ChromeModel::serialize(std::string_view source) const {
  auto it = chrome_.find(source);
  if (it == chrome_.end()) return {};
  const std::vector<std::uint64_t>& v = it->second.sorted;
  std::string out(v.size() * sizeof(std::uint64_t), '\0');
  if (!v.empty()) std::memcpy(out.data(), v.data(), out.size());
  return out;
}

void ChromeModel::load(std::string_view source, std::string_view data) {
  std::vector<std::uint64_t> keys(data.size() / sizeof(std::uint64_t));
  if (!keys.empty()) std::memcpy(keys.data(), data.data(), keys.size() * sizeof(std::uint64_t));
  if (keys.empty()) return;
  chrome_[std::string(source)].build(std::move(keys));
}

}  // namespace newsdex::detail
