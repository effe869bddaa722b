#include "newsdex/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "entities/numeric.h"
#include "index/schema.h"
#include "newsdex/analysis.h"
#include "newsdex/error.h"
#include "query_parser.h"

namespace newsdex {
namespace {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using CountMap = std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>>;

struct MoneyRange {
  const char* key;
  double lo, hi;  // [lo, hi)
};
constexpr MoneyRange kMoneyRanges[] = {
    {"<1M", 0, 1e6}, {"1M-1B", 1e6, 1e9}, {"1B-100B", 1e9, 1e11}, {">=100B", 1e11, 1e300}};

double money_amount(std::string_view key) {
  auto colon = key.rfind(':');
  if (colon == std::string_view::npos) return 0;
  return std::strtod(std::string(key.substr(colon + 1)).c_str(), nullptr);
}

// Counts, for every document the match examines, each distinct key of the requested kinds.
// Keys are packed per document, de-duplicated at index time, so counts are documents.
// Xapian's ValueCountMatchSpy reads one value per slot; this one reads many.
class FacetSpy : public Xapian::MatchSpy {
 public:
  FacetSpy(std::vector<EntityKind> kinds, DateBucket bucket)
      : kinds_(std::move(kinds)), bucket_(bucket), counts_(kinds_.size()) {}

  void operator()(const Xapian::Document& doc, double) override {
    ++seen_;
    for (std::size_t i = 0; i < kinds_.size(); ++i) {
      if (kinds_[i] == EntityKind::date) {
        std::string v = doc.get_value(schema::kSlotDate);
        if (v.size() < 8) continue;
        std::string key = v.substr(0, 4);
        if (bucket_ != DateBucket::year && v.compare(4, 2, "00") != 0) {
          key += '-';
          key += v.substr(4, 2);
          if (bucket_ == DateBucket::day && v.compare(6, 2, "00") != 0) {
            key += '-';
            key += v.substr(6, 2);
          }
        }
        ++counts_[i][key];
        continue;
      }
      const std::string packed = doc.get_value(schema::facet_slot(kinds_[i]));
      bool in_range[std::size(kMoneyRanges)] = {};
      std::string_view rest = packed;
      while (!rest.empty()) {
        auto nl = rest.find('\n');
        std::string_view key = rest.substr(0, nl);
        if (kinds_[i] == EntityKind::money) {
          double amount = money_amount(key);
          for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
            if (amount >= kMoneyRanges[r].lo && amount < kMoneyRanges[r].hi) in_range[r] = true;
        }
        auto it = counts_[i].find(key);
        if (it == counts_[i].end())
          counts_[i].emplace(std::string(key), 1);
        else
          ++it->second;
        if (nl == std::string_view::npos) break;
        rest.remove_prefix(nl + 1);
      }
      for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r) money_ranges_[r] += in_range[r];
    }
  }
  std::string name() const override { return "newsdex::FacetSpy"; }

  const std::vector<CountMap>& counts() const { return counts_; }
  std::size_t seen() const { return seen_; }
  const std::size_t* money_ranges() const { return money_ranges_; }

 private:
  std::vector<EntityKind> kinds_;
  DateBucket bucket_;
  std::vector<CountMap> counts_;
  std::size_t seen_ = 0;
  std::size_t money_ranges_[std::size(kMoneyRanges)] = {};
};

bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

}  // namespace

struct Searcher::Impl {
  std::string path;
  Xapian::Database db;
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<EntityExtractor> extractor;
  std::unique_ptr<QueryParser> parser;
  std::vector<Token> tokens;

  // A snippet of about `bytes` bytes of the body around the best cluster of matches.
  void snippet(const std::string& body, const ParsedQuery& pq, std::size_t bytes, Hit& hit) {
    if (bytes == 0 || body.empty()) return;
    std::unordered_set<std::string> words(pq.highlight.begin(), pq.highlight.end());
    std::unordered_set<std::string> stems(pq.highlight_stems.begin(), pq.highlight_stems.end());
    // A token can only share a stem if it shares the stem's first letters: stem only those.
    auto stem_candidate = [&](const std::string& w) {
      for (const auto& st : pq.highlight_stems) {
        std::size_t n = std::min<std::size_t>(3, st.size());
        if (w.size() >= n && w.compare(0, n, st, 0, n) == 0) return true;
      }
      return false;
    };
    // Analyse the first 4 KiB, then 32 KiB, then up to 256 KiB, until something matches.
    std::string_view text = body;
    std::vector<std::size_t> matched;  // token indexes
    for (std::size_t limit :
         {std::size_t(4) << 10, std::size_t(32) << 10, std::size_t(256) << 10}) {
      text = std::string_view(body).substr(0, std::min(body.size(), limit));
      // Cut at a space so a word is not split.
      if (text.size() < body.size()) {
        auto sp = text.rfind(' ');
        if (sp != std::string_view::npos && sp > 0) text = text.substr(0, sp);
      }
      analyzer->analyze(text, tokens);
      matched.clear();
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.compound) continue;
        if (words.count(t.text) || (stem_candidate(t.text) && stems.count(analyzer->stem(t.text))))
          matched.push_back(i);
      }
      if (!matched.empty() || text.size() == body.size()) break;
    }
    // Best window: the most distinct matched words within `bytes` (sliding window, O(m)).
    std::size_t best_start = 0, best_score = 0;
    if (!matched.empty()) {
      best_start = tokens[matched[0]].begin;
      std::unordered_map<std::string_view, std::size_t> in_window;
      std::size_t j = 0;
      for (std::size_t i = 0; i < matched.size(); ++i) {
        std::size_t start = tokens[matched[i]].begin;
        while (j < matched.size() && tokens[matched[j]].end <= start + bytes)
          ++in_window[tokens[matched[j++]].text];
        if (in_window.size() > best_score) {
          best_score = in_window.size();
          best_start = start;
        }
        auto it = in_window.find(tokens[matched[i]].text);
        if (it != in_window.end() && --it->second == 0) in_window.erase(it);
      }
      // Some context before the first match, starting at a word.
      std::size_t lead = std::min<std::size_t>(bytes / 4, best_start);
      std::size_t want = best_start - lead;
      std::size_t adjusted = best_start;
      for (const Token& t : tokens)
        if (t.begin >= want) {
          adjusted = std::min(adjusted, t.begin);
          break;
        }
      best_start = adjusted;
    }
    std::size_t end = std::min(text.size(), best_start + bytes);
    // End on a token boundary (valid UTF-8, whole words).
    std::size_t cut = best_start;
    for (const Token& t : tokens) {
      if (t.begin < best_start) continue;
      if (t.end > end) break;
      cut = t.end;
    }
    if (cut == best_start) cut = end;
    while (cut < text.size() && cut < end && !is_word_byte(text[cut]) && text[cut] != ' ') ++cut;
    std::string out;
    if (best_start > 0) out += "… ";
    std::size_t shift = out.size();
    for (std::size_t i = best_start; i < cut; ++i) {
      char c = text[i];
      out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
    if (cut < text.size()) out += " …";
    hit.snippet = std::move(out);
    for (std::size_t m : matched) {
      const Token& t = tokens[m];
      if (t.begin >= best_start && t.end <= cut)
        hit.highlights.push_back({t.begin - best_start + shift, t.end - best_start + shift});
    }
  }

  std::string label(EntityKind kind, const std::string& key) {
    if (kind == EntityKind::money) return schema::money_label(key);
    if (kind == EntityKind::date || kind == EntityKind::percent)
      return kind == EntityKind::percent ? key + "%" : key;
    std::string l = db.get_metadata(std::string(schema::kMetaLabelPrefix) +
                                    std::string(to_string(kind)) + ":" + key);
    return l.empty() ? key : l;
  }
};

Searcher::Searcher(const std::string& db_path, const SearcherOptions& options)
    : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  d.path = db_path;
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec))
    throw IndexError(db_path + ": no such database (run `newsdex index --db " + db_path +
                     " INPUT...` first)");
  try {
    d.db = Xapian::Database(db_path);
  } catch (const Xapian::Error& e) {
    throw IndexError(db_path + ": not a Xapian database (" + e.get_msg() + ")");
  }
  if (d.db.get_metadata(std::string(schema::kMetaSchema)).empty())
    throw IndexError(db_path + ": a Xapian database, but not one newsdex wrote");
  std::string language = d.db.get_metadata(std::string(schema::kMetaLanguage));
  if (language.empty()) language = options.language;
  d.extractor = std::make_unique<EntityExtractor>(EntityOptions{options.gazetteer_dir});
  AnalyzerOptions ao;
  ao.language = language;
  ao.protected_words = d.extractor->protected_words();
  d.analyzer = std::make_unique<Analyzer>(ao);
  d.parser = std::make_unique<QueryParser>(*d.analyzer, *d.extractor);
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

std::size_t Searcher::document_count() const { return impl_->db.get_doccount(); }

DatabaseStats Searcher::stats(std::size_t top_k) {
  Impl& d = *impl_;
  DatabaseStats st;
  st.documents = d.db.get_doccount();
  st.total_length = d.db.get_total_length();
  for (auto t = d.db.allterms_begin(); t != d.db.allterms_end(); ++t) {
    const std::string& term = *t;
    if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {
      // Prefixed terms sort together after digits: skip to past this prefix group.
      continue;
    }
    ++st.distinct_terms;
  }
  std::error_code ec;
  namespace fs = std::filesystem;
  if (fs::is_directory(d.path, ec))
    for (const auto& e : fs::recursive_directory_iterator(d.path, ec))
      if (e.is_regular_file(ec)) st.disk_bytes += e.file_size(ec);
  auto fmt = [](std::string v) {
    if (v.size() < 8) return std::string();
    std::string out = v.substr(0, 4);
    if (v.compare(4, 2, "00")) out += "-" + v.substr(4, 2);
    if (v.compare(6, 2, "00")) out += "-" + v.substr(6, 2);
    return out;
  };
  st.first_date = fmt(d.db.get_value_lower_bound(schema::kSlotDate));
  st.last_date = fmt(d.db.get_value_upper_bound(schema::kSlotDate));
  Xapian::Enquire enquire(d.db);
  enquire.set_query(Xapian::Query::MatchAll);
  std::vector<EntityKind> kinds(std::begin(kAllEntityKinds), std::end(kAllEntityKinds));
  FacetSpy spy(kinds, DateBucket::year);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, d.db.get_doccount());
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    FacetResult fr;
    fr.kind = kinds[i];
    fr.distinct = spy.counts()[i].size();
    std::vector<std::pair<std::string, std::size_t>> v(spy.counts()[i].begin(),
                                                       spy.counts()[i].end());
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (v.size() > top_k) v.resize(top_k);
    for (auto& [k, c] : v) fr.counts.push_back({k, d.label(kinds[i], k), c});
    st.top.push_back(std::move(fr));
  }
  return st;
}

SearchResults Searcher::search(const SearchRequest& req) {
  Impl& d = *impl_;
  auto t0 = std::chrono::steady_clock::now();
  SearchResults res;
  res.query = req.query;
  ParsedQuery pq = d.parser->parse(req.query, req.match, &d.db);
  try {
    Xapian::Enquire enquire(d.db);
    enquire.set_query(pq.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);  // ties: input order
    std::unique_ptr<FacetSpy> spy;
    if (!req.facets.empty()) {
      spy = std::make_unique<FacetSpy>(req.facets, req.date_bucket);
      enquire.add_matchspy(spy.get());
    }
    Xapian::doccount all = d.db.get_doccount();
    Xapian::doccount check = all;
    if (!req.facets.empty() && !req.exact_facets)
      check = Xapian::doccount(std::min<std::size_t>(all, req.sample_size));
    Xapian::MSet mset =
        enquire.get_mset(Xapian::doccount(req.offset), Xapian::doccount(req.limit), check);
    res.total = mset.get_matches_estimated();
    res.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    std::size_t rank = req.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Xapian::Document doc = it.get_document();
      schema::StoredFields f = schema::decode_data(doc.get_data());
      Hit h;
      h.rank = ++rank;
      h.id = f.id;
      h.path = f.path;
      h.title = f.title;
      h.date = f.date;
      h.source = f.source;
      h.url = f.url;
      h.score = it.get_weight();
      d.snippet(f.body, pq, req.snippet_bytes, h);
      res.hits.push_back(std::move(h));
    }
    if (spy) {
      bool exact = spy->seen() >= res.total && res.total_exact;
      for (std::size_t i = 0; i < req.facets.size(); ++i) {
        EntityKind kind = req.facets[i];
        const CountMap& counts = spy->counts()[i];
        FacetResult fr;
        fr.kind = kind;
        fr.exact = exact;
        fr.distinct = counts.size();
        std::vector<std::pair<std::string, std::size_t>> v(counts.begin(), counts.end());
        if (kind == EntityKind::date) {
          std::sort(v.begin(), v.end());
          for (auto& [k, c] : v) fr.buckets.push_back({k, k, c});
        }
        std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
          return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        if (v.size() > req.facet_size) v.resize(req.facet_size);
        for (auto& [k, c] : v) fr.counts.push_back({k, d.label(kind, k), c});
        if (kind == EntityKind::money)
          for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
            fr.buckets.push_back(
                {kMoneyRanges[r].key, kMoneyRanges[r].key, spy->money_ranges()[r]});
        res.facets.push_back(std::move(fr));
      }
    }
  } catch (const Xapian::DatabaseModifiedError&) {
    d.db.reopen();
    return search(req);
  } catch (const Xapian::Error& e) {
    throw IndexError(d.path + ": search failed: " + e.get_description());
  }
  res.elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

}  // namespace newsdex
