#include "snippets.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace newsdex::detail {
namespace {

bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

// A word can share a stem only if it starts with the stem's first kStemLead bytes: snippets
// stem only such words, and look for such a start to know where to begin.
constexpr std::size_t kStemLead = 3;

// The first byte at which one of @p stems' first kStemLead letters occurs in @p body,
// compared ASCII case-insensitively; body.size() if none does. A hint where to start
// analysing for a snippet, never a match by itself.
std::size_t first_candidate(const std::string& body, const std::vector<std::string>& stems) {
  std::size_t best = body.size();
  for (const std::string& st : stems) {
    const std::size_t n = std::min(kStemLead, st.size());
    if (n == 0) continue;
    const unsigned char c0 = static_cast<unsigned char>(st[0]);
    for (std::size_t i = 0; i + n <= std::min(best, body.size()); ++i) {
      const unsigned char b = static_cast<unsigned char>(body[i]);
      if ((b | 0x20) != c0 && b != c0) continue;
      std::size_t k = 1;
      while (k < n) {
        const unsigned char x = static_cast<unsigned char>(body[i + k]);
        const unsigned char y = static_cast<unsigned char>(st[k]);
        if (x != y && !(x >= 'A' && x <= 'Z' && (x | 0x20) == y)) break;
        ++k;
      }
      if (k == n) {
        best = i;
        break;
      }
    }
  }
  return best;
}

}  // namespace

void Snippets::make(const std::string& body, const ParsedQuery& pq, std::size_t bytes, Hit& hit) {
  if (bytes == 0 || body.empty()) return;
  std::unordered_set<std::string> words(pq.highlight.begin(), pq.highlight.end());
  std::unordered_set<std::string> stems(pq.highlight_stems.begin(), pq.highlight_stems.end());
  // A word a wildcard matched (`micro*`: `microsoft`).
  auto prefixed = [&](const std::string& w) {
    for (const auto& p : pq.highlight_prefixes)
      if (w.size() >= p.size() && w.compare(0, p.size(), p) == 0) return true;
    return false;
  };
  // Only a token that starts as a highlighted stem does is stemmed (kStemLead).
  auto stem_candidate = [&](const std::string& w) {
    for (const auto& st : pq.highlight_stems) {
      std::size_t n = std::min(kStemLead, st.size());
      if (w.size() >= n && w.compare(0, n, st, 0, n) == 0) return true;
    }
    return false;
  };
  // Analyse 1 KiB (4 snippets' worth), then 32 KiB, then up to 256 KiB, until something
  // matches: from a little before the first place a highlighted stem's first letters
  // occur (an ASCII case-folded search; analysing text is what snippets cost), or from
  // the start if that finds none.
  std::string_view text;
  std::vector<std::size_t> matched;  // token indexes
  auto scan = [&](std::size_t from) {
    const std::string_view rest = std::string_view(body).substr(from);
    for (std::size_t limit : {std::max<std::size_t>(1024, 4 * bytes) + bytes, std::size_t(32) << 10,
                              std::size_t(256) << 10}) {
      text = rest.substr(0, std::min(rest.size(), limit));
      // Cut at a space so a word is not split.
      if (text.size() < rest.size()) {
        auto sp = text.rfind(' ');
        if (sp != std::string_view::npos && sp > 0) text = text.substr(0, sp);
      }
      analyzer_.analyze(text, tokens_);
      matched.clear();
      for (std::size_t i = 0; i < tokens_.size(); ++i) {
        const Token& t = tokens_[i];
        if (t.compound) continue;
        if (words.count(t.text) ||
            (stem_candidate(t.text) && stems.count(analyzer_.stem(t.text))) || prefixed(t.text))
          matched.push_back(i);
      }
      if (!matched.empty() || text.size() == rest.size()) break;
    }
    return !matched.empty();
  };
  std::vector<std::string> starts = pq.highlight_stems;  // where a match may begin
  starts.insert(starts.end(), pq.highlight_prefixes.begin(), pq.highlight_prefixes.end());
  std::size_t from = first_candidate(body, starts);
  from = from < body.size() && from > bytes ? from - bytes : 0;
  if (from > 0) {  // start at a word
    std::size_t sp = body.rfind(' ', from);
    from = sp == std::string::npos ? 0 : sp + 1;
  }
  if (!scan(from) && from > 0) {
    from = 0;
    scan(0);
  }
  // Best window: the most distinct matched words within `bytes` (sliding window, O(m)).
  std::size_t best_start = 0, best_score = 0;
  if (!matched.empty()) {
    best_start = tokens_[matched[0]].begin;
    std::unordered_map<std::string_view, std::size_t> in_window;
    std::size_t j = 0;
    // A window must lie inside the analysed text, unless that is the rest of the body.
    const bool more = from + text.size() < body.size();
    for (std::size_t i = 0; i < matched.size(); ++i) {
      std::size_t start = tokens_[matched[i]].begin;
      if (more && i > 0 && start + bytes > text.size()) break;
      while (j < matched.size() && tokens_[matched[j]].end <= start + bytes)
        ++in_window[tokens_[matched[j++]].text];
      if (in_window.size() > best_score) {
        best_score = in_window.size();
        best_start = start;
      }
      auto it = in_window.find(tokens_[matched[i]].text);
      if (it != in_window.end() && --it->second == 0) in_window.erase(it);
    }
    // Some context before the first match, starting at a word.
    std::size_t lead = std::min<std::size_t>(bytes / 4, best_start);
    std::size_t want = best_start - lead;
    std::size_t adjusted = best_start;
    for (const Token& t : tokens_)
      if (t.begin >= want) {
        adjusted = std::min(adjusted, t.begin);
        break;
      }
    best_start = adjusted;
  }
  std::size_t end = std::min(text.size(), best_start + bytes);
  // End on a token boundary (valid UTF-8, whole words).
  std::size_t cut = best_start;
  for (const Token& t : tokens_) {
    if (t.begin < best_start) continue;
    if (t.end > end) break;
    cut = t.end;
  }
  if (cut == best_start) cut = end;
  while (cut < text.size() && cut < end && !is_word_byte(text[cut]) && text[cut] != ' ') ++cut;
  std::string out;
  if (from + best_start > 0) out += "… ";
  std::size_t shift = out.size();
  for (std::size_t i = best_start; i < cut; ++i) {
    char c = text[i];
    out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  }
  if (from + cut < body.size()) out += " …";
  hit.snippet = std::move(out);
  for (std::size_t m : matched) {
    const Token& t = tokens_[m];
    if (t.begin >= best_start && t.end <= cut)
      hit.highlights.push_back({t.begin - best_start + shift, t.end - best_start + shift});
  }
}

}  // namespace newsdex::detail
