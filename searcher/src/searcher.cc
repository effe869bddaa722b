#include "newsdex/searcher.h"

#include <spdlog/spdlog.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <map>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/schema.h"
#include "facets.h"
#include "newsdex/analysis.h"
#include "newsdex/error.h"
#include "query_parser.h"
#include "snippets.h"

namespace newsdex {

using detail::count_facets;
using detail::FacetCounts;

struct Searcher::Impl {
  std::string path;
  Xapian::Database db;
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<EntityExtractor> extractor;
  std::unique_ptr<QueryParser> parser;
  std::unique_ptr<detail::Snippets> snippets;
  detail::FacetIndex facets;

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

  auto labeler() {
    return [this](EntityKind kind, const std::string& key) { return label(kind, key); };
  }
  std::string label(EntityKind kind, const std::string& key) {
    if (kind == EntityKind::money) return schema::money_label(key);
    if (kind == EntityKind::date || kind == EntityKind::percent)
      return kind == EntityKind::percent ? key + "%" : key;
    std::string l = db.get_metadata(schema::label_key(kind, key));
    return l.empty() ? key : l;
  }
};

Searcher::Searcher(const std::string& db_path, const SearcherOptions& options)
    : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  namespace fs = std::filesystem;
  d.path = db_path;
  std::error_code ec;
  std::string open_path = db_path;
  if (!fs::exists(db_path, ec)) {
    // An index run killed between the two renames of its swap leaves `<db>.old` (the last
    // committed database, whole) and no `<db>` until the next run repairs it: read that.
    std::string path = db_path;
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    if (!fs::is_directory(path + ".old", ec))
      throw IndexError(db_path + ": no such database (run `newsdex index --db " + db_path +
                       " INPUT...` first)");
    spdlog::warn(
        "{}: reading {}.old, left by an interrupted index run (the next `newsdex index` "
        "puts it back)",
        db_path, path);
    open_path = path + ".old";
  } else if (fs::is_regular_file(db_path, ec) && fs::file_size(db_path, ec) == 0) {
    // Xapian would open an empty file as a stub naming no databases.
    throw IndexError(db_path + ": an empty file, not a database");
  }
  try {
    d.db = Xapian::Database(open_path);
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
  d.snippets = std::make_unique<detail::Snippets>(*d.analyzer);
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
  auto fmt = [](const std::string& v) {
    const std::optional<CivilDate> date = schema::parse_date_value(v);
    return date ? to_iso(*date) : std::string();
  };
  st.first_date = fmt(d.db.get_value_lower_bound(schema::kSlotDate));
  st.last_date = fmt(d.db.get_value_upper_bound(schema::kSlotDate));
  std::vector<Xapian::docid> all;
  all.reserve(st.documents);
  for (auto it = d.db.postlist_begin(""); it != d.db.postlist_end(""); ++it) all.push_back(*it);
  for (EntityKind kind : kAllEntityKinds) {
    FacetCounts fc = count_facets(d.facets, d.db, kind, DateBucket::year, all);
    FacetResult fr = detail::facet_result(kind, fc, top_k, false, d.labeler());
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
  ParsedQuery pq = d.parser->parse(req.query, req.match, d.db);
  {
    Xapian::Enquire enquire(d.db);
    enquire.set_query(pq.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);  // ties: input order
    detail::DocidSpy spy;
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
        d.snippets->make(schema::decode_body(doc.get_value(schema::kSlotBody)), pq,
                         req.snippet_bytes, h);
      res.hits.push_back(std::move(h));
    }
    if (!req.facets.empty()) {
      bool exact = spy.docids.size() >= res.total && res.total_exact;
      for (EntityKind kind : req.facets) {
        FacetCounts fc = count_facets(d.facets, d.db, kind, req.date_bucket, spy.docids);
        FacetResult fr = detail::facet_result(kind, fc, req.facet_size, true, d.labeler());
        fr.exact = exact;
        res.facets.push_back(std::move(fr));
      }
    }
  }
  res.elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

}  // namespace newsdex
