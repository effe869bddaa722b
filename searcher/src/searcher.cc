#include "newsdex/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <map>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "entities/numeric.h"
#include "index/schema.h"
#include "newsdex/analysis.h"
#include "newsdex/error.h"
#include "query_parser.h"

namespace newsdex {
namespace {

struct MoneyRange {
  const char* key;
  double lo, hi;  // [lo, hi)
};
constexpr MoneyRange kMoneyRanges[] = {
    {"<1M", 0, 1e6}, {"1M-1B", 1e6, 1e9}, {"1B-100B", 1e9, 1e11}, {">=100B", 1e11, 1e300}};

// Facet counting. A forward index, loaded once per Searcher from the entity filter terms
// themselves (`XCO<key>`, ...: every term of the kind's prefix, then its postings): for
// every document, the interned ids of its keys. Counting a match set is then integer
// increments, no value reads or parsing per match. The terms are there for filtering
// anyway, so nothing is stored twice (schema 2 kept packed copies in value slots, at 2%
// of indexing time), and it works through Xapian's remote backend as filters do.
class FacetIndex {
 public:
  struct Kind {
    bool loaded = false;
    std::vector<std::string> keys;       // id → key
    std::vector<std::uint32_t> offsets;  // docid → first index into ids (size lastdocid + 2)
    std::vector<std::uint32_t> ids;
    std::vector<std::uint8_t> money_ranges;  // money: docid → bit r set if an amount in range r
    std::vector<std::uint32_t> counts, touched;  // count_facets' scratch (zero between calls)
  };

  void reset() {
    for (auto& k : kinds_) k = Kind{};
    dates_.clear();
    dates_loaded_ = false;
  }

  Kind& kind(const Xapian::Database& db, EntityKind k) {
    Kind& kd = kinds_[unsigned(k)];
    if (kd.loaded) return kd;
    const Xapian::docid last = db.get_lastdocid();
    kd.offsets.assign(std::size_t(last) + 2, 0);
    if (k == EntityKind::money) kd.money_ranges.assign(std::size_t(last) + 1, 0);
    // (docid, key id) pairs, term by term; then grouped by document (a counting sort).
    std::vector<std::pair<Xapian::docid, std::uint32_t>> pairs;
    const std::string prefix(schema::entity_prefix(k));
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      const std::string term = *t;
      const auto id = std::uint32_t(kd.keys.size());
      kd.keys.push_back(term.substr(prefix.size()));
      std::uint8_t ranges = 0;
      if (k == EntityKind::money) {
        const double amount = schema::money_amount(term);
        for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
          if (amount >= kMoneyRanges[r].lo && amount < kMoneyRanges[r].hi)
            ranges |= std::uint8_t(1u << r);
      }
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        const Xapian::docid did = *p;
        if (did > last) continue;
        pairs.emplace_back(did, id);
        ++kd.offsets[did + 1];
        if (ranges) kd.money_ranges[did] |= ranges;
      }
    }
    for (std::size_t d = 1; d < kd.offsets.size(); ++d) kd.offsets[d] += kd.offsets[d - 1];
    kd.ids.resize(pairs.size());
    std::vector<std::uint32_t> fill(kd.offsets.begin(), kd.offsets.end() - 1);
    for (const auto& [did, id] : pairs) kd.ids[fill[did]++] = id;
    kd.loaded = true;
    return kd;
  }

  // Published dates as YYYYMMDD integers (0: none).
  const std::vector<std::uint32_t>& dates(const Xapian::Database& db) {
    if (dates_loaded_) return dates_;
    dates_.assign(std::size_t(db.get_lastdocid()) + 1, 0);
    for (auto v = db.valuestream_begin(schema::kSlotDate);
         v != db.valuestream_end(schema::kSlotDate); ++v)
      dates_[v.get_docid()] = std::uint32_t(std::strtoul((*v).c_str(), nullptr, 10));
    dates_loaded_ = true;
    return dates_;
  }

 private:
  Kind kinds_[std::size(kAllEntityKinds)];
  std::vector<std::uint32_t> dates_;
  bool dates_loaded_ = false;
};

// Sees every document the match examines (all of them when check_at_least = doccount)
// and keeps its id; counting happens afterwards against the FacetIndex.
class DocidSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    docids.push_back(doc.get_docid());
  }
  std::string name() const override { return "newsdex::DocidSpy"; }
  std::vector<Xapian::docid> docids;
};

// Per kind: (key, documents) for every key with a non-zero count, and money range counts.
// Keys are views: into the FacetIndex (it outlives the counts), or into `dates`; only the
// top keys are copied out, so a large match set does not copy every key it touched.
struct FacetCounts {
  std::vector<std::pair<std::string_view, std::size_t>> keys;
  std::size_t money_ranges[std::size(kMoneyRanges)] = {};
  std::deque<std::string> dates;  // date bucket names (a deque: views stay valid)
};

FacetCounts count_facets(FacetIndex& index, const Xapian::Database& db, EntityKind kind,
                         DateBucket bucket, const std::vector<Xapian::docid>& docids) {
  FacetCounts out;
  if (kind == EntityKind::date) {
    const auto& dates = index.dates(db);
    std::map<std::uint32_t, std::size_t> hist;
    for (Xapian::docid did : docids) {
      std::uint32_t d = did < dates.size() ? dates[did] : 0;
      if (!d) continue;
      std::uint32_t y = d / 10000, m = d / 100 % 100, day = d % 100;
      std::uint32_t k = bucket == DateBucket::year || m == 0      ? y * 10000
                        : bucket == DateBucket::month || day == 0 ? y * 10000 + m * 100
                                                                  : d;
      ++hist[k];
    }
    for (const auto& [k, c] : hist) {
      char buf[16];
      std::uint32_t y = k / 10000, m = k / 100 % 100, day = k % 100;
      if (m == 0)
        std::snprintf(buf, sizeof buf, "%04u", y);
      else if (day == 0)
        std::snprintf(buf, sizeof buf, "%04u-%02u", y, m);
      else
        std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", y, m, day);
      out.keys.emplace_back(out.dates.emplace_back(buf), c);
    }
    return out;
  }
  FacetIndex::Kind& kd = index.kind(db, kind);
  // Counts live in the index, all zero between calls: a query touches only its keys (not
  // every key of the corpus, ~40,000 people in the tech corpus), and resets those.
  std::vector<std::uint32_t>& counts = kd.counts;
  std::vector<std::uint32_t>& touched = kd.touched;
  counts.resize(kd.keys.size(), 0);
  touched.clear();
  for (Xapian::docid did : docids) {
    if (did + 1 >= kd.offsets.size()) continue;
    for (std::uint32_t i = kd.offsets[did]; i < kd.offsets[did + 1]; ++i)
      if (counts[kd.ids[i]]++ == 0) touched.push_back(kd.ids[i]);
    if (kind == EntityKind::money)
      for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
        out.money_ranges[r] += (kd.money_ranges[did] >> r) & 1u;
  }
  out.keys.reserve(touched.size());
  for (std::uint32_t id : touched) {
    out.keys.emplace_back(kd.keys[id], counts[id]);
    counts[id] = 0;
  }
  return out;
}

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

struct Searcher::Impl {
  std::string path;
  Xapian::Database db;
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<EntityExtractor> extractor;
  std::unique_ptr<QueryParser> parser;
  std::vector<Token> tokens;
  FacetIndex facets;

  // A snippet of about `bytes` bytes of the body around the best cluster of matches.
  void snippet(const std::string& body, const ParsedQuery& pq, std::size_t bytes, Hit& hit) {
    if (bytes == 0 || body.empty()) return;
    std::unordered_set<std::string> words(pq.highlight.begin(), pq.highlight.end());
    std::unordered_set<std::string> stems(pq.highlight_stems.begin(), pq.highlight_stems.end());
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
      for (std::size_t limit : {std::max<std::size_t>(1024, 4 * bytes) + bytes,
                                std::size_t(32) << 10, std::size_t(256) << 10}) {
        text = rest.substr(0, std::min(rest.size(), limit));
        // Cut at a space so a word is not split.
        if (text.size() < rest.size()) {
          auto sp = text.rfind(' ');
          if (sp != std::string_view::npos && sp > 0) text = text.substr(0, sp);
        }
        analyzer->analyze(text, tokens);
        matched.clear();
        for (std::size_t i = 0; i < tokens.size(); ++i) {
          const Token& t = tokens[i];
          if (t.compound) continue;
          if (words.count(t.text) ||
              (stem_candidate(t.text) && stems.count(analyzer->stem(t.text))))
            matched.push_back(i);
        }
        if (!matched.empty() || text.size() == rest.size()) break;
      }
      return !matched.empty();
    };
    std::size_t from = first_candidate(body, pq.highlight_stems);
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
      best_start = tokens[matched[0]].begin;
      std::unordered_map<std::string_view, std::size_t> in_window;
      std::size_t j = 0;
      // A window must lie inside the analysed text, unless that is the rest of the body.
      const bool more = from + text.size() < body.size();
      for (std::size_t i = 0; i < matched.size(); ++i) {
        std::size_t start = tokens[matched[i]].begin;
        if (more && i > 0 && start + bytes > text.size()) break;
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
    if (from + best_start > 0) out += "… ";
    std::size_t shift = out.size();
    for (std::size_t i = best_start; i < cut; ++i) {
      char c = text[i];
      out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
    if (from + cut < body.size()) out += " …";
    hit.snippet = std::move(out);
    for (std::size_t m : matched) {
      const Token& t = tokens[m];
      if (t.begin >= best_start && t.end <= cut)
        hit.highlights.push_back({t.begin - best_start + shift, t.end - best_start + shift});
    }
  }

  /// Searcher::stats() and search() on the current view; Xapian errors escape to the caller.
  DatabaseStats stats(std::size_t top_k);
  SearchResults search(const SearchRequest& req);

  /// Runs @p f on the current view. A writer that committed twice since the view was
  /// opened invalidates it (Xapian's DatabaseModifiedError): reopen and run again, a few
  /// times; a reopen that finds no database retries briefly (an indexer swaps directories
  /// with two renames). Any other Xapian error becomes an IndexError naming the database.
  template <class F>
  auto with_retry(const char* what, F&& f) -> decltype(f()) {
    bool reopen = false;
    int modified = 0, opening = 0;  // retries of each kind
    for (;;) {
      try {
        if (reopen) {
          db.reopen();
          facets.reset();
          reopen = false;
        }
        return f();
      } catch (const Xapian::DatabaseModifiedError& e) {
        if (++modified > 5)
          throw IndexError(path + ": " + what + " failed: the database kept changing (" +
                           e.get_description() + ")");
        reopen = true;
      } catch (const Xapian::DatabaseOpeningError& e) {
        if (++opening > 200)
          throw IndexError(path + ": " + what + " failed: " + e.get_description());
        std::this_thread::sleep_for(std::chrono::milliseconds(5));  // between two renames
        reopen = true;
      } catch (const Xapian::Error& e) {
        throw IndexError(path + ": " + what + " failed: " + e.get_description());
      }
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
  const std::string version = d.db.get_metadata(std::string(schema::kMetaSchema));
  if (version.empty()) throw IndexError(db_path + ": a Xapian database, but not one newsdex wrote");
  if (version != schema::kVersion)
    throw IndexError(db_path + ": written with index schema " + version + "; this newsdex reads " +
                     std::string(schema::kVersion) + " (index again into a new --db)");
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
  return impl_->with_retry("stats", [&] { return impl_->stats(top_k); });
}

DatabaseStats Searcher::Impl::stats(std::size_t top_k) {
  Impl& d = *this;
  DatabaseStats st;
  st.documents = d.db.get_doccount();
  st.total_length = d.db.get_total_length();
  // Words are unprefixed; every prefixed term starts with 'A'..'Z', and those sort together
  // just before '[': count words and jump over the prefixed block in one skip.
  for (auto t = d.db.allterms_begin(); t != d.db.allterms_end();) {
    const std::string term = *t;
    if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {
      t.skip_to("[");
      continue;
    }
    ++st.distinct_terms;
    ++t;
  }
  std::error_code ec;
  namespace fs = std::filesystem;
  if (fs::is_directory(d.path, ec))
    for (const auto& e : fs::recursive_directory_iterator(d.path, ec))
      if (e.is_regular_file(ec)) st.disk_bytes += e.file_size(ec);
  auto fmt = [](std::string v) {
    if (v.size() < 8) return std::string();
    std::string out = v.substr(0, 4);
    for (std::size_t at : {std::size_t(4), std::size_t(6)}) {
      if (v.compare(at, 2, "00") == 0) break;  // no month: no day either
      out.push_back('-');
      out.append(v, at, 2);
    }
    return out;
  };
  st.first_date = fmt(d.db.get_value_lower_bound(schema::kSlotDate));
  st.last_date = fmt(d.db.get_value_upper_bound(schema::kSlotDate));
  std::vector<Xapian::docid> all;
  all.reserve(st.documents);
  for (auto it = d.db.postlist_begin(""); it != d.db.postlist_end(""); ++it) all.push_back(*it);
  for (EntityKind kind : kAllEntityKinds) {
    FacetCounts fc = count_facets(d.facets, d.db, kind, DateBucket::year, all);
    FacetResult fr;
    fr.kind = kind;
    fr.distinct = fc.keys.size();
    auto& v = fc.keys;
    std::size_t top = std::min(v.size(), top_k);
    std::partial_sort(v.begin(), v.begin() + std::ptrdiff_t(top), v.end(),
                      [](const auto& x, const auto& y) {
                        return x.second != y.second ? x.second > y.second : x.first < y.first;
                      });
    v.resize(top);
    for (auto& [k, c] : v) {
      std::string key(k);
      fr.counts.push_back({key, d.label(kind, key), c});
    }
    st.top.push_back(std::move(fr));
  }
  return st;
}

SearchResults Searcher::search(const SearchRequest& req) {
  return impl_->with_retry("search", [&] { return impl_->search(req); });
}

SearchResults Searcher::Impl::search(const SearchRequest& req) {
  Impl& d = *this;
  auto t0 = std::chrono::steady_clock::now();
  SearchResults res;
  res.query = req.query;
  ParsedQuery pq = d.parser->parse(req.query, req.match, &d.db);
  {
    Xapian::Enquire enquire(d.db);
    enquire.set_query(pq.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);  // ties: input order
    DocidSpy spy;
    if (!req.facets.empty()) enquire.add_matchspy(&spy);
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
      if (req.snippet_bytes > 0)
        d.snippet(schema::decode_body(doc.get_value(schema::kSlotBody)), pq, req.snippet_bytes, h);
      res.hits.push_back(std::move(h));
    }
    if (!req.facets.empty()) {
      bool exact = spy.docids.size() >= res.total && res.total_exact;
      for (EntityKind kind : req.facets) {
        FacetCounts fc = count_facets(d.facets, d.db, kind, req.date_bucket, spy.docids);
        FacetResult fr;
        fr.kind = kind;
        fr.exact = exact;
        fr.distinct = fc.keys.size();
        auto& v = fc.keys;
        if (kind == EntityKind::date)  // already in time order
          for (auto& [k, c] : v) fr.buckets.push_back({std::string(k), std::string(k), c});
        auto by_count = [](const auto& x, const auto& y) {
          return x.second != y.second ? x.second > y.second : x.first < y.first;
        };
        std::size_t top = std::min(v.size(), req.facet_size);
        std::partial_sort(v.begin(), v.begin() + std::ptrdiff_t(top), v.end(), by_count);
        v.resize(top);
        for (auto& [k, c] : v) {
          std::string key(k);
          fr.counts.push_back({key, d.label(kind, key), c});
        }
        if (kind == EntityKind::money)
          for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
            fr.buckets.push_back({kMoneyRanges[r].key, kMoneyRanges[r].key, fc.money_ranges[r]});
        res.facets.push_back(std::move(fr));
      }
    }
  }
  res.elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

}  // namespace newsdex
