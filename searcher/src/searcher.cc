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
#include "similar.h"
#include "snippets.h"

namespace newsdex {

using detail::count_facets;
using detail::FacetCounts;

struct Searcher::Impl {
  std::string path;                     // for messages: the first path (+ how many more)
  std::vector<std::string> paths;       // every database searched
  std::vector<Xapian::Database> parts;  // each alone: labels live in each one's metadata
  Xapian::Database db;                  // all of them as one
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<EntityExtractor> extractor;
  std::unique_ptr<QueryParser> parser;
  std::unique_ptr<detail::Snippets> snippets;
  // Facet counting per database: a multi-database's match spy sees each document under its
  // own database's docid (Xapian::Document::get_docid()), so with several databases each is
  // matched and counted alone and the counts are summed (the sum of the parts, exactly).
  std::vector<detail::FacetIndex> facets;
  std::size_t facet_queries = 0;  // searches with facets so far (see search())
  std::size_t story_queries = 0;  // collapsed searches so far (see search())

  /// Counts @p kind over the matches of @p query in every database (all documents if the
  /// query is empty); @p exact is cleared if a database's count was sampled. With
  /// @p stories, counts stories (count_facets).
  FacetCounts count(EntityKind kind, DateBucket bucket,
                    const std::vector<std::vector<Xapian::docid>>& docids, bool stories = false) {
    if (parts.size() == 1) return count_facets(facets[0], db, kind, bucket, docids[0], stories);
    std::vector<FacetCounts> per_part;
    per_part.reserve(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i)
      per_part.push_back(count_facets(facets[i], parts[i], kind, bucket, docids[i], stories));
    return detail::merge_counts(per_part);
  }

  /// Searcher::stats() and search() on the current view; Xapian errors escape to the caller.
  DatabaseStats stats(std::size_t top_k);
  /// With @p given, runs that query instead of parsing req.query (Searcher::similar).
  SearchResults search(const SearchRequest& req, const ParsedQuery* given = nullptr);

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
          for (Xapian::Database& part : parts) part.reopen();
          for (detail::FacetIndex& index : facets) index.reset();
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
    // A multi-database reads the metadata of its first part only: ask each.
    const std::string k = schema::label_key(kind, key);
    for (const Xapian::Database& part : parts)
      if (std::string l = part.get_metadata(k); !l.empty()) return l;
    return key;
  }
};

namespace {

// Opens one database (a directory or a stub file) and checks that newsdex wrote it.
Xapian::Database open_part(const std::string& db_path) {
  namespace fs = std::filesystem;
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
  Xapian::Database db;
  try {
    db = Xapian::Database(open_path);
  } catch (const Xapian::Error& e) {
    throw IndexError(db_path + ": not a Xapian database (" + e.get_msg() + ")");
  }
  const std::string version = db.get_metadata(std::string(schema::kMetaSchema));
  if (version.empty()) throw IndexError(db_path + ": a Xapian database, but not one newsdex wrote");
  if (version != schema::kVersion)
    throw IndexError(db_path + ": written with index schema " + version + "; this newsdex reads " +
                     std::string(schema::kVersion) + " (index again into a new --db)");
  return db;
}

}  // namespace

Searcher::Searcher(const std::string& db_path, const SearcherOptions& options)
    : Searcher(std::vector<std::string>{db_path}, options) {}

Searcher::Searcher(const std::vector<std::string>& db_paths, const SearcherOptions& options)
    : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  if (db_paths.empty()) throw ConfigError("no database to search");
  std::string language;
  for (const std::string& path : db_paths) {
    d.parts.push_back(open_part(path));
    d.db.add_database(d.parts.back());
    // One analysis chain for all: the databases must have been stemmed alike.
    const std::string lang = d.parts.back().get_metadata(std::string(schema::kMetaLanguage));
    if (!language.empty() && !lang.empty() && lang != language)
      throw ConfigError(path + ": indexed with --language " + lang + ", " + db_paths[0] + " with " +
                        language + ": search them apart");
    if (language.empty()) language = lang;
  }
  d.paths = db_paths;
  d.facets.resize(db_paths.size());
  d.path = db_paths.size() == 1 ? db_paths[0]
                                : db_paths[0] + " (+" + std::to_string(db_paths.size() - 1) + ")";
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
  for (const std::string& dir : d.paths)
    if (fs::is_directory(dir, ec))
      for (const auto& e : fs::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file(ec)) st.disk_bytes += e.file_size(ec);
  auto fmt = [](const std::string& v) {
    const std::optional<CivilDate> date = schema::parse_date_value(v);
    return date ? to_iso(*date) : std::string();
  };
  st.first_date = fmt(d.db.get_value_lower_bound(schema::kSlotDate));
  st.last_date = fmt(d.db.get_value_upper_bound(schema::kSlotDate));
  // Every document, by the docids of the database counted (the one, or each part).
  std::vector<std::vector<Xapian::docid>> all;
  for (const Xapian::Database& counted : d.parts.size() == 1 ? std::vector{d.db} : d.parts) {
    all.emplace_back().reserve(counted.get_doccount());
    for (auto it = counted.postlist_begin(""); it != counted.postlist_end(""); ++it)
      all.back().push_back(*it);
  }
  for (EntityKind kind : kAllEntityKinds) {
    FacetCounts fc = d.count(kind, DateBucket::year, all);
    FacetResult fr = detail::facet_result(kind, fc, top_k, false, d.labeler());
    st.top.push_back(std::move(fr));
  }
  return st;
}

SearchResults Searcher::search(const SearchRequest& req) {
  return impl_->with_retry("search", [&] { return impl_->search(req); });
}

SearchResults Searcher::similar(const std::string& id, const SearchRequest& req) {
  return impl_->with_retry("similar", [&] {
    Impl& d = *impl_;
    const std::string idt = schema::id_term(id);
    auto pl = d.db.postlist_begin(idt);
    if (pl == d.db.postlist_end(idt))
      throw IndexError(d.path + ": no document has id \"" + id + "\"");
    std::optional<ParsedQuery> filter;
    if (req.query.find_first_not_of(" \t\r\n") != std::string::npos)
      filter = d.parser->parse(req.query, req.match, d.db);
    const ParsedQuery pq = detail::more_like(d.db, *pl, filter);
    return d.search(req, &pq);
  });
}

SearchResults Searcher::Impl::search(const SearchRequest& req, const ParsedQuery* given) {
  Impl& d = *this;
  auto t0 = std::chrono::steady_clock::now();
  SearchResults res;
  res.query = req.query;
  ParsedQuery pq = given ? *given : d.parser->parse(req.query, req.match, d.db);
  {
    Xapian::Enquire enquire(d.db);
    enquire.set_query(pq.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);  // ties: input order
    // Facets: the first facet query of a Searcher counts from the matches' facet values
    // as the match runs (nothing to load: a command-line process pays for its matches
    // only); later ones, on one database, count docids into the forward index, loaded once
    // from the value streams (integer increments: a long-lived Searcher's fast path). A
    // multi-database's spy sees each document under its own database's docid, so it always
    // counts values.
    const bool faceted = !req.facets.empty();
    const bool by_index = faceted && d.parts.size() == 1 && d.facet_queries++ > 0;
    detail::DocidSpy docid_spy;
    std::optional<detail::FacetSpy> value_spy;
    // Collapsed: each story's matching documents, the same way (the first collapsed query
    // reads the matches' story values, later ones on one database count docids).
    const bool stories_by_index = req.collapse && d.parts.size() == 1 && d.story_queries++ > 0;
    detail::StorySpy story_spy;
    if (by_index || stories_by_index) {
      enquire.add_matchspy(&docid_spy);
    }
    if (faceted && !by_index) {
      value_spy.emplace(req.facets, req.date_bucket, req.collapse);
      enquire.add_matchspy(&*value_spy);
    }
    if (req.collapse && !stories_by_index) enquire.add_matchspy(&story_spy);
    Xapian::doccount all = d.db.get_doccount();
    Xapian::doccount check = all;  // the total is exact
    if (faceted && !req.exact_facets)
      check = Xapian::doccount(std::min<std::size_t>(all, req.sample_size));
    // Collapsed (docs/duplicates.md), two passes: the first checks every match, uncollapsed,
    // for the spies (the exact number of stories, each story's matching copies, facets by
    // story); the second asks Xapian for one hit per story, the best copy, with
    // check_at_least left small. Xapian's own collapsed totals are estimates even when every
    // match is checked (300 for 232 stories), and collapsing with check_at_least = doccount
    // kept every story in its proto-MSet: 15x the median latency of the uncollapsed query.
    std::optional<detail::StoryCounts> story_counts;
    Xapian::MSet mset = enquire.get_mset(Xapian::doccount(req.collapse ? 0 : req.offset),
                                         Xapian::doccount(req.collapse ? 0 : req.limit), check);
    res.total = mset.get_matches_estimated();
    res.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (req.collapse) {
      enquire.clear_matchspies();
      enquire.set_collapse_key(schema::kSlotStory);
      mset = enquire.get_mset(Xapian::doccount(req.offset), Xapian::doccount(req.limit));
      if (stories_by_index) story_counts.emplace(d.facets[0], d.db, docid_spy.docids);
      res.total = check < all        ? mset.get_matches_estimated()
                  : stories_by_index ? story_counts->stories()
                                     : story_spy.stories();
      res.total_exact = check >= all;
    }
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
      if (req.collapse)
        h.duplicates = (story_counts ? story_counts->copies(*it)
                                     : story_spy.copies(doc.get_value(schema::kSlotStory))) -
                       1;
      if (req.snippet_bytes > 0)
        d.snippets->make(schema::decode_body(doc.get_value(schema::kSlotBody)), pq,
                         req.snippet_bytes, h);
      res.hits.push_back(std::move(h));
    }
    if (faceted) {
      const std::size_t seen = by_index ? docid_spy.docids.size() : value_spy->documents();
      const bool exact = seen >= res.total && res.total_exact;
      if (by_index && req.collapse) detail::group_by_story(d.facets[0], d.db, docid_spy.docids);
      const std::vector<std::vector<Xapian::docid>> docids{std::move(docid_spy.docids)};
      for (EntityKind kind : req.facets) {
        FacetCounts fc = by_index ? d.count(kind, req.date_bucket, docids, req.collapse)
                                  : value_spy->counts(kind);
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
