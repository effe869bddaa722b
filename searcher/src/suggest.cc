#include "suggest.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <vector>

#include "core/schema.h"
#include "edit_distance.h"
#include "query_parser.h"

namespace newsdex::detail {
namespace {

// A word is looked at when it is in at most this many documents (or this share of them)...
constexpr Xapian::doccount kRareDocs = 5;
constexpr Xapian::doccount kRareShare = 500;  // 1 in 500
// ...and replaced by a word in at least kFactor times as many documents, and kMinDocs.
constexpr Xapian::doccount kFactor = 20;
constexpr Xapian::doccount kMinDocs = 3;
// Documents read back to find how a stem is written.
constexpr int kSurfaceDocs = 3;

bool has_digit(const std::string& w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Length of the UTF-8 character that starts @p s.
std::size_t first_char_bytes(const std::string& s) {
  const unsigned char c = static_cast<unsigned char>(s[0]);
  const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, s.size());
}

struct Candidate {
  std::string stem;
  std::size_t distance = 0;
  Xapian::doccount docs = 0;
};

// The best replacement for a rare stem, or an empty stem.
Candidate closest(const std::string& stem, Xapian::doccount docs, const Xapian::Database& db) {
  Candidate best;
  const std::size_t bound = stem.size() <= 5 ? 1 : 2;
  const std::string prefix = stem.substr(0, first_char_bytes(stem));
  // An absent word takes any word in kMinDocs documents; a rare one needs kFactor times its own.
  const Xapian::doccount need = std::max(kMinDocs, kFactor * docs);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string term = *t;
    if (term == stem || has_digit(term)) continue;
    const std::size_t d = edit_distance(stem, term, bound);
    if (d > bound) continue;
    const Xapian::doccount n = t.get_termfreq();
    if (n < need) continue;
    if (best.stem.empty() || d < best.distance || (d == best.distance && n > best.docs))
      best = {term, d, n};
  }
  return best;
}

// The whitespace-delimited chunks of @p text where @p stem's first letters occur (ASCII
// case-insensitively), at most @p max of them: where a word of that stem can be, so that
// only those few words are analysed, not whole articles (which cost 10 ms a suggestion).
std::vector<std::string_view> chunks_with(std::string_view text, const std::string& stem,
                                          std::size_t max) {
  std::vector<std::string_view> out;
  const std::size_t n = std::min<std::size_t>(3, stem.size());
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; };
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  for (std::size_t i = 0; i + n <= text.size() && out.size() < max; ++i) {
    std::size_t k = 0;
    while (k < n && lower(text[i + k]) == stem[k]) ++k;
    if (k < n ||
        (i > 0 && !space(text[i - 1]) && std::isalnum(static_cast<unsigned char>(text[i - 1]))))
      continue;
    std::size_t e = i;
    while (e < text.size() && !space(text[e])) ++e;
    out.push_back(text.substr(i, e - i));
    i = e;
  }
  return out;
}

// How @p stem is written: the folded surface form, among those in the first documents that
// hold it, closest to what was typed (then the most common).
std::string surface_of(const std::string& stem, const std::string& typed, Analyzer& analyzer,
                       const Xapian::Database& db) {
  std::map<std::string, int> forms;
  std::vector<Token> toks;
  int read = 0;
  for (auto p = db.postlist_begin(stem); p != db.postlist_end(stem) && read < kSurfaceDocs;
       ++p, ++read) {
    const Xapian::Document doc = db.get_document(*p);
    const schema::StoredFields f = schema::decode_data(doc.get_data());
    const std::string text = f.title + "\n" + schema::decode_body(doc.get_value(schema::kSlotBody));
    for (std::string_view chunk : chunks_with(text, stem, 64)) {
      analyzer.analyze(chunk, toks);
      for (const Token& t : toks)
        if (!t.compound && analyzer.stem(t.text) == stem) ++forms[t.text];
    }
  }
  std::string best = stem;  // no document says: the stem itself
  std::size_t best_d = std::size_t(-1);
  int best_n = 0;
  for (const auto& [form, n] : forms) {
    const std::size_t d = edit_distance(typed, form);
    if (d < best_d || (d == best_d && n > best_n)) best = form, best_d = d, best_n = n;
  }
  return best;
}

}  // namespace

std::string suggest(const std::string& query, Analyzer& analyzer, const Xapian::Database& db) {
  const Xapian::doccount all = db.get_doccount();
  if (all == 0) return {};
  const Xapian::doccount rare = std::max(kRareDocs, all / kRareShare);
  std::string out;
  std::size_t copied = 0;  // bytes of the query copied to `out` so far
  bool changed = false;
  std::vector<Token> toks;
  for (const QueryText& qt : query_texts(query)) {
    analyzer.analyze(std::string_view(query).substr(qt.begin, qt.end - qt.begin), toks);
    const std::vector<Token> words = toks;  // analyze() below reuses the analyzer
    for (const Token& w : words) {
      if (w.compound || w.text.size() < 4 || has_digit(w.text)) continue;
      const std::string stem = analyzer.stem(w.text);
      const Xapian::doccount docs = db.get_termfreq(stem);
      if (docs > rare) continue;
      const Candidate c = closest(stem, docs, db);
      if (c.stem.empty()) continue;
      std::string form = surface_of(c.stem, w.text, analyzer, db);
      const char first = query[qt.begin + w.begin];  // `Nvidai` → `Nvidia`
      if (first >= 'A' && first <= 'Z' && form[0] >= 'a' && form[0] <= 'z')
        form[0] = char(form[0] - 32);
      out.append(query, copied, qt.begin + w.begin - copied);
      out += form;
      copied = qt.begin + w.end;
      changed = true;
    }
  }
  if (!changed) return {};
  out.append(query, copied, std::string::npos);
  return out;
}

}  // namespace newsdex::detail
