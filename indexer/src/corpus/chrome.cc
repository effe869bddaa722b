#include "corpus/chrome.h"

#include <algorithm>
#include <cstring>

namespace newsdex::detail {
namespace {

bool is_sep(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

struct Word {
  std::size_t begin, end;
  std::uint64_t hash;
};

// Whitespace-separated words with a 64-bit hash each (exact bytes: chrome repeats verbatim).
void words_of(std::string_view text, std::vector<Word>& out) {
  out.clear();
  std::size_t i = 0, n = text.size();
  while (i < n) {
    while (i < n && is_sep(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= n) break;
    std::size_t b = i;
    std::uint64_t h = 14695981039346656037ull;
    while (i < n && !is_sep(static_cast<unsigned char>(text[i]))) {
      h ^= static_cast<unsigned char>(text[i++]);
      h *= 1099511628211ull;
    }
    out.push_back({b, i, h});
  }
}

std::uint64_t shingle(const std::vector<Word>& w, std::size_t i) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  for (std::size_t k = 0; k < ChromeModel::kShingleWords; ++k) {
    h ^= w[i + k].hash + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  }
  return h;
}

}  // namespace

void ChromeModel::observe(std::string_view source, std::string_view body) {
  auto it = learning_.find(source);
  if (it == learning_.end()) it = learning_.emplace(std::string(source), Learning{}).first;
  Learning& l = it->second;
  if (l.docs >= kSampleDocs) return;
  ++l.docs;
  std::vector<Word> w;
  words_of(body, w);
  if (w.size() < kShingleWords) return;
  std::vector<std::uint64_t> hs;
  hs.reserve(w.size());
  for (std::size_t i = 0; i + kShingleWords <= w.size(); ++i) hs.push_back(shingle(w, i));
  std::sort(hs.begin(), hs.end());
  hs.erase(std::unique(hs.begin(), hs.end()), hs.end());
  l.shingles.insert(l.shingles.end(), hs.begin(), hs.end());
}

void ChromeModel::finish() {
  for (auto& [source, l] : learning_) {
    if (l.docs < kMinDocs) continue;
    std::size_t min_docs =
        std::max<std::size_t>(5, std::size_t(double(l.docs) * kMinShare + 0.999));
    std::sort(l.shingles.begin(), l.shingles.end());
    auto& set = chrome_[source];
    for (std::size_t i = 0; i < l.shingles.size();) {
      std::size_t j = i;
      while (j < l.shingles.size() && l.shingles[j] == l.shingles[i]) ++j;
      if (j - i >= min_docs) set.insert(l.shingles[i]);
      i = j;
    }
    l.shingles.clear();
    l.shingles.shrink_to_fit();
    if (set.empty()) chrome_.erase(source);
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
  const auto& set = it->second;
  std::vector<Word> w;
  words_of(body, w);
  if (w.size() < kShingleWords) return std::string(body);
  std::vector<char> drop(w.size(), 0);
  bool any = false;
  for (std::size_t i = 0; i + kShingleWords <= w.size(); ++i) {
    if (set.count(shingle(w, i))) {
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
  std::vector<std::uint64_t> v(it->second.begin(), it->second.end());
  std::sort(v.begin(), v.end());
  std::string out(v.size() * sizeof(std::uint64_t), '\0');
  if (!v.empty()) std::memcpy(out.data(), v.data(), out.size());
  return out;
}

void ChromeModel::load(std::string_view source, std::string_view data) {
  std::unordered_set<std::uint64_t> set;
  for (std::size_t i = 0; i + sizeof(std::uint64_t) <= data.size(); i += sizeof(std::uint64_t)) {
    std::uint64_t h;
    std::memcpy(&h, data.data() + i, sizeof h);
    set.insert(h);
  }
  if (!set.empty()) chrome_[std::string(source)] = std::move(set);
}

}  // namespace newsdex::detail
