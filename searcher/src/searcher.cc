#include "newsdex/searcher.h"

#include <spdlog/spdlog.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "best_match.h"
#include "boolean_match.h"
#include "core/aliases.h"
#include "core/label.h"
#include "core/schema.h"
#include "facets.h"
#include "filters.h"
#include "newsdex/analysis.h"
#include "newsdex/error.h"
#include "part_aliases.h"
#include "part_stories.h"
#include "query_parser.h"
#include "remote_facets.h"
#include "similar.h"
#include "snippets.h"
#include "stories.h"
#include "stub.h"
#include "suggest.h"
#include "value_scan.h"

namespace newsdex {

using detail::count_facets;
using detail::FacetCounts;

namespace {
bool positional(const Xapian::Query& query);
}  // namespace

struct Searcher::Impl {
  std::string path;                     // for messages: the first path (+ how many more)
  std::vector<std::string> paths;       // every database searched
  std::vector<Xapian::Database> parts;  // each alone: labels live in each one's metadata
  Xapian::Database db;                  // all of them as one
  std::unique_ptr<Analyzer> analyzer;
  EntityOptions entity_options;
  std::unique_ptr<EntityExtractor> extractor;  // entities(): loaded on first use
  std::unique_ptr<QueryParser> parser;
  std::unique_ptr<detail::Snippets> snippets;
  // Facet counting per database: a multi-database's match spy sees each document under its
  // own database's docid (Xapian::Document::get_docid()), so with several databases each is
  // matched and counted alone and the counts are summed (the sum of the parts, exactly).
  std::vector<detail::FacetIndex> facets;
  detail::PartStories part_stories;   // several local parts: one story numbering (collapsed)
  std::size_t facet_queries = 0;      // searches with facets so far (see search())
  std::size_t story_queries = 0;      // collapsed searches so far (see exact_search())
  bool said_no_collapse = false;      // the note that remote shards are not collapsed
  std::vector<std::string> versions;  // each part's version() when opened (see reopen())
  // Some part is remote: its server runs the match spies, and knows only Xapian's own, so
  // facets are counted by ValueCountFacets (remote_facets.h) and never by docids.
  bool value_counts = false;
  bool remote = false;
  unsigned remote_timeout_ms = 10000;

  /// Opens every part again, and the whole (after a remote shard dropped its connection).
  void reconnect();
  // People's alias table (aliases.h), one for all databases together (part_aliases.h), read
  // on first use (a person facet or a person: filter), so every part counts and filters alike.
  std::optional<detail::AliasTable> aliases;
  /// The gazetteer's extractor, loaded on first use: a filter naming an entity the index does
  /// not hold as written, several databases' people table, or a database that does not store
  /// its protected words. Other searches never read the gazetteer (~25 ms a fresh process).
  const EntityExtractor& entities() {
    if (!extractor) extractor = std::make_unique<EntityExtractor>(entity_options);
    return *extractor;
  }
  const detail::AliasTable& person_aliases() {
    if (!aliases)
      aliases = detail::load_person_aliases(
          parts, db, [this]() -> const EntityExtractor& { return entities(); });
    return *aliases;
  }

  /// Counts @p kind over the matches of @p query in every database (all documents if the
  /// query is empty); @p exact is cleared if a database's count was sampled. With
  /// @p stories, counts stories: over several parts, @p docids[p] are then part p's matches
  /// of stories matched in p alone (PartMatches::alone), and @p across counts the others.
  FacetCounts count(EntityKind kind, DateBucket bucket,
                    const std::vector<std::vector<Xapian::docid>>& docids, bool stories = false,
                    detail::FacetSpy* across = nullptr) {
    const detail::AliasTable* a = kind == EntityKind::person ? &person_aliases() : nullptr;
    if (parts.size() == 1) return count_facets(facets[0], db, kind, bucket, docids[0], a, stories);
    std::vector<FacetCounts> per_part;
    per_part.reserve(parts.size() + 1);
    for (std::size_t i = 0; i < parts.size(); ++i)
      per_part.push_back(count_facets(facets[i], parts[i], kind, bucket, docids[i], a, stories));
    if (across) per_part.push_back(across->counts(kind));
    return detail::merge_counts(per_part, kind == EntityKind::date);
  }

  /// Whether every part has a facet file written for it as it is open.
  bool all_files() {
    for (std::size_t i = 0; i < parts.size(); ++i)
      if (!facets[i].has_file(parts[i])) return false;
    return true;
  }

  /// Every match of @p query from the posting lists (boolean_match.h): @p each_part, each
  /// local part's docids; else the whole's, as one. std::nullopt when the query holds an
  /// operator read only by Xapian's matcher (then its boolean match with a DocidSpy).
  std::optional<std::vector<std::vector<Xapian::docid>>> boolean_pass(const Xapian::Query& query,
                                                                      bool each_part) {
    std::vector<std::vector<Xapian::docid>> out;
    for (const Xapian::Database& d : each_part ? parts : std::vector<Xapian::Database>{db}) {
      std::optional<std::vector<Xapian::docid>> m = detail::boolean_match(d, query);
      if (!m) return std::nullopt;
      out.push_back(std::move(*m));
    }
    return out;
  }

  /// Each part's docids among @p seen (what a DocidSpy saw on the whole: value_scan.h), or
  /// when those cannot be told apart, each part's matches of @p query.
  std::vector<std::vector<Xapian::docid>> part_docids(const Xapian::Query& query,
                                                      const std::vector<Xapian::docid>& seen) {
    if (auto runs = detail::split_runs(seen, parts.size())) return std::move(*runs);
    return detail::match_per_part(parts, query);
  }

  /// The query of @p req (its text and filters).
  ParsedQuery parse(const SearchRequest& req) {
    return detail::parse_request(*parser, req, db,
                                 [&]() -> const detail::AliasTable& { return person_aliases(); });
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
    bool reopen = false, reconnected = false;
    int modified = 0, opening = 0;  // retries of each kind
    for (;;) {
      try {
        if (reopen) {
          db.reopen();
          for (Xapian::Database& part : parts) part.reopen();
          for (detail::FacetIndex& index : facets) index.reset();
          part_stories.reset();
          labels_kept.clear();
          aliases.reset();
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
      } catch (const Xapian::NetworkTimeoutError& e) {  // a remote shard, named by its context
        throw IndexError(shard_of(e) + ": " + what +
                         " failed: no answer from the remote shard within " +
                         std::to_string(remote_timeout_ms) + " ms (" + reason(e) + ")");
      } catch (const Xapian::NetworkError& e) {
        // A dropped connection (the server's idle timeout, a restart) is reconnected once.
        const std::string lost =
            shard_of(e) + ": " + what + " failed: lost the remote shard (" + reason(e) + ")";
        if (reconnected) throw IndexError(lost);
        try {
          reconnect();
        } catch (const IndexError& again) {
          throw IndexError(lost + ", and reconnecting failed: " + again.what());
        }
        reconnected = true;
      } catch (const Xapian::Error& e) {
        throw IndexError(path + ": " + what + " failed: " + e.get_description());
      }
    }
  }

  /// The remote shard a network error came from (Xapian's context names it), or path.
  std::string shard_of(const Xapian::Error& e) const {
    const std::string shard = detail::remote_name(e.get_context());
    return shard.empty() ? path : shard;
  }
  static std::string reason(const Xapian::Error& e) {
    return e.get_msg() + (e.get_error_string() ? std::string(": ") + e.get_error_string() : "");
  }

  auto labeler() {
    return [this](EntityKind kind, const std::string& key) { return label(kind, key); };
  }
  std::string label(EntityKind kind, const std::string& key) {
    if (kind == EntityKind::money) return schema::money_label(key);
    if (kind == EntityKind::date || kind == EntityKind::percent)
      return kind == EntityKind::percent ? key + "%" : key;
    // A multi-database reads the metadata of its first part only: ask each. Labels are kept
    // until the view is reopened: a label is a B-tree look-up per part (remote: a round
    // trip), and a facet query labels its top keys every time (~0.1 ms a query on the tech
    // corpus, a tenth of what the whole query may cost).
    const std::string k = schema::label_key(kind, key);
    if (auto it = labels_kept.find(k); it != labels_kept.end()) return it->second;
    std::string found = key;
    for (const Xapian::Database& part : parts)
      if (std::string l = part.get_metadata(k); !l.empty()) {
        found = schema::clean_label(l);  // (databases of earlier builds kept line breaks)
        break;
      }
    if (labels_kept.size() >= kLabelsKept) labels_kept.clear();  // (bounded)
    labels_kept.emplace(k, found);
    return found;
  }
  static constexpr std::size_t kLabelsKept = 100000;
  std::unordered_map<std::string, std::string> labels_kept;  // label key → label (every part)

  /// The source facet: for each source term (`XS<source>`, a few dozen in a corpus), the
  /// exact number of matches of @p query filtered by it, so a count always equals the total
  /// of the query with that `source:` filter (and no slot or schema change was needed).
  /// Collapsed, stories are counted instead.
  void count_sources(const Xapian::Query& query, SearchResults& res) {
    const std::string prefix(schema::kSource);
    const Xapian::doccount all = db.get_doccount();
    std::vector<FacetCount> counts;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      const std::string term = *t;
      const Xapian::Query filtered(Xapian::Query::OP_FILTER, query, Xapian::Query(term));
      Xapian::Enquire e(db);
      e.set_query(filtered);
      e.set_weighting_scheme(Xapian::BoolWeight());
      const std::size_t n = res.collapsed ? detail::count_stories(db, filtered)
                                          : e.get_mset(0, 0, all).get_matches_estimated();
      if (n == 0) continue;
      // The label: the source as its first document wrote it.
      auto first = db.postlist_begin(term);
      std::string label = schema::decode_data(db.get_document(*first).get_data()).source;
      counts.push_back(
          {term.substr(prefix.size()), label.empty() ? term.substr(prefix.size()) : label, n});
    }
    std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
      return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    res.sources = std::move(counts);
  }

  /// The alias table when @p kinds include people (their keys count as they resolve).
  const detail::AliasTable* people_aliases(const std::vector<EntityKind>& kinds) {
    return std::find(kinds.begin(), kinds.end(), EntityKind::person) != kinds.end()
               ? &person_aliases()
               : nullptr;
  }

  /// The hits, the exact total and the exact facets of @p enquire's query; collapsed
  /// (res.collapsed), in two passes (stories.h).
  void exact_search(Xapian::Enquire& enquire, const ParsedQuery& pq, const SearchRequest& req,
                    SearchResults& res) {
    const bool faceted = !req.facets.empty();
    const bool stories = res.collapsed;
    // (One part that is one database: a stub Xapian opens whole interleaves its parts' docids.)
    const bool one_db = parts.size() == 1 && db.size() == 1;
    // Several local databases, each one Xapian database: the whole interleaves their docids
    // (value_scan.h: split_runs()), so each part's matches are counted on its own
    // FacetIndex and the counts summed. Collapsed, a story may span parts: the parts'
    // stories are numbered as one through their story keys (part_stories.h).
    const bool local_parts = !value_counts && parts.size() > 1 && db.size() == parts.size();
    const bool per_part = one_db || local_parts;
    // A facet file written for this revision (core/forward_index.h) holds the forward index
    // already (every part's, for several): then the first query counts docids too.
    const bool stored = (faceted || stories) && !value_counts && per_part && all_files();
    // Collapsed: each story's matching copies, counted the same way (a Searcher's first
    // collapsed query without facet files reads the matches' story values, later ones count
    // docids).
    const bool stories_by_index = stories && per_part && (story_queries++ > 0 || stored);
    // Several parts: the documents of stories matched in several parts are counted by value.
    const bool part_index = stories_by_index && local_parts;
    const bool by_index = faceted && per_part && !value_counts && (facet_queries++ > 0 || stored) &&
                          (!stories || one_db || part_index);
    detail::MatchStories matched(stories_by_index);
    if (part_index) part_stories.load(facets, parts);
    // Otherwise the match collects docids and their values are read after it, along each
    // slot's stream (value_scan.h); collapsed, the story slot's first, so each document's
    // keys count once per story (by story key: across parts too).
    const bool scan = faceted && !by_index && !value_counts && per_part;
    // Ranked apart from counted: every match must be seen (for the exact total, the facets
    // and the stories), but only the page needs a weight. Ranking with check_at_least
    // left at 0 lets Xapian skip what cannot reach the page, and a boolean match (no weight,
    // no document length per match) gives the spies every match: together cheaper than one
    // match that weighs them all (bench/README.md, "Long-lived facets, facets5"). Not with a time
    // limit (one match is cut short, as documented), a sort by date (every match is read for its
    // date anyway), a phrase or NEAR (positions would be read twice) or remote shards (a
    // second round trip).
    const bool two_pass = !value_counts && req.time_limit_ms <= 0 &&
                          res.sort == SortOrder::relevance && !positional(enquire.get_query());
    Xapian::Enquire counter(db);
    if (two_pass) {
      counter.set_query(enquire.get_query());
      counter.set_weighting_scheme(Xapian::BoolWeight());
    }
    Xapian::Enquire& spied = two_pass ? counter : enquire;
    detail::DocidSpy docid_spy;
    std::optional<detail::FacetSpy> value_spy;
    std::optional<detail::ValueCountFacets> counted;  // remote: see remote_facets.h
    if (by_index || stories_by_index) spied.add_matchspy(&docid_spy);
    if (faceted && !by_index) {
      value_spy.emplace(req.facets, req.date_bucket, people_aliases(req.facets), stories);
      if (value_counts) {
        counted.emplace(req.facets).attach(spied);
      } else if (scan) {  // the values are read after the match, along the docids it saw
        if (!stories_by_index) spied.add_matchspy(&docid_spy);  // (else added above)
      } else {
        spied.add_matchspy(&*value_spy);
      }
    }
    if (stories) matched.attach(spied);
    // The boolean pass read straight from the posting lists (boolean_match.h) when all it
    // feeds is docids: each local part's matches (the one database's, or the whole's).
    const bool only_docids =
        !value_counts && !(faceted && !by_index && !scan) && !(stories && !stories_by_index);
    const bool each_part = per_part && !one_db;
    std::optional<std::vector<std::vector<Xapian::docid>>> own;
    if (two_pass && only_docids) own = boolean_pass(enquire.get_query(), each_part);
    const Xapian::doccount all = db.get_doccount();  // check them all: the total is exact
    std::optional<Xapian::MSet> every;  // two_pass: the boolean match of every document
    if (two_pass && !own) every = counter.get_mset(0, 0, all);
    const Xapian::MSet mset = enquire.get_mset(
        Xapian::doccount(stories ? 0 : req.offset),
        Xapian::doccount(stories ? detail::ranked_for_page(req.offset, req.limit) : req.limit),
        two_pass ? 0 : all);
    const Xapian::MSet& whole = every ? *every : mset;
    std::size_t matches = whole.get_matches_estimated();
    bool matches_exact = whole.get_matches_lower_bound() == whole.get_matches_upper_bound();
    Xapian::doccount at_most = whole.get_matches_upper_bound();
    if (own) {
      matches = 0;
      for (const auto& part : *own) matches += part.size();
      matches_exact = true;
      at_most = Xapian::doccount(matches);
      // (Several local parts: each one's matches are in `own`, split below.)
      if ((by_index || stories_by_index || scan) && (one_db || !per_part))
        docid_spy.docids = std::move(own->front());
    }
    if (counted) counted->add_to(*value_spy);
    std::vector<std::vector<Xapian::docid>> split;  // several parts: each one's docids
    if ((scan || by_index || part_index) && !one_db)
      split = own ? std::move(*own) : part_docids(enquire.get_query(), docid_spy.docids);
    std::optional<detail::PartMatches> part_matches;
    if (part_index) part_matches.emplace(part_stories, split);
    if (one_db && scan)                             // (its one part's docids are the whole's)
      split = {stories_by_index ? docid_spy.docids  // a copy: counted below
                                : std::move(docid_spy.docids)};
    // Each part's streams into one spy (keys and stories by string: the sum).
    if (scan) detail::scan_facet_values(parts, std::move(split), req.facets, *value_spy, stories);
    if (stories) {  // stories.h
      std::vector<Xapian::MSetIterator> page;
      std::optional<Xapian::MSet> collapsed;
      // Counted by index: the hits' stories are there too.
      std::function<std::uint32_t(Xapian::docid)> story_of;
      if (part_index) {
        story_of = [this](Xapian::docid did) { return part_stories.merged_story(did); };
      } else if (stories_by_index) {
        story_of = [ids = facets[0].stories(db)](Xapian::docid did) {
          return did < ids.size() ? ids[did] : 0;
        };
      }
      if (!detail::page_of_stories(mset, at_most, req.offset, req.limit, page, story_of)) {
        collapsed = detail::collapsed_page(enquire, req.offset, req.limit);
        page = detail::positions(*collapsed);
      }
      if (one_db) matched.finish(facets[0], db, docid_spy.docids);
      add_hit_list(page, pq, req, res);
      if (part_index) {
        std::size_t i = res.hits.size() - page.size();
        for (const Xapian::MSetIterator& it : page) {
          const std::uint32_t s = part_stories.merged_story(*it);
          res.hits[i++].duplicates = s ? part_matches->copies[s] - 1 : 0;
        }
      } else {
        matched.set_duplicates(page, res.hits);
      }
      res.total = part_index ? part_matches->stories : matched.stories();  // (time limit: seen)
      res.total_exact = matches_exact;
    } else {
      add_hits(mset, pq, req, res);
      res.total = matches;
      res.total_exact = matches_exact;
    }
    if (!faceted) return;
    const std::size_t seen =
        by_index ? (own ? matches : docid_spy.docids.size()) : value_spy->documents();
    const bool exact = seen >= matches && matches_exact;
    if (by_index && stories && one_db) detail::group_by_story(facets[0], db, docid_spy.docids);
    std::vector<std::vector<Xapian::docid>> docids =
        one_db ? std::vector<std::vector<Xapian::docid>>{std::move(docid_spy.docids)}
               : std::move(split);
    // Several parts, collapsed: each part's stories of its own by index, the stories matched
    // in several parts by value (by story key), summed.
    std::optional<detail::FacetSpy> across;
    if (by_index && stories && !one_db) {
      docids = std::move(part_matches->alone);
      for (std::size_t p = 0; p < parts.size(); ++p)
        detail::group_by_story(facets[p], parts[p], docids[p]);
      across.emplace(req.facets, req.date_bucket, people_aliases(req.facets), true);
      detail::scan_facet_values(parts, std::move(part_matches->across), req.facets, *across, true);
    }
    for (EntityKind kind : req.facets) {
      FacetCounts fc =
          by_index ? count(kind, req.date_bucket, docids, stories, across ? &*across : nullptr)
                   : value_spy->counts(kind);
      FacetResult fr = detail::facet_result(kind, fc, req.facet_size, true, labeler());
      fr.exact = exact;
      res.facets.push_back(std::move(fr));
    }
  }

  /// The total and the hits of @p mset into @p res.
  void add_hits(const Xapian::MSet& mset, const ParsedQuery& pq, const SearchRequest& req,
                SearchResults& res) {
    res.total = mset.get_matches_estimated();
    res.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    // The hits' documents in one round trip per shard, not one each. (MSet::fetch() without
    // arguments crashes in Xapian 1.4.22 when the MSet starts past the first hit.)
    if (remote && !mset.empty()) mset.fetch(mset.begin(), mset.end());
    add_hit_list(detail::positions(mset), pq, req, res);
  }

  /// The hits of @p page (ranked from req.offset on) into @p res.
  void add_hit_list(const std::vector<Xapian::MSetIterator>& page, const ParsedQuery& pq,
                    const SearchRequest& req, SearchResults& res) {
    std::size_t rank = req.offset;
    for (const Xapian::MSetIterator& it : page) {
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
      // Under `best`, the BM25 score alone (the order also counts the words matched).
      h.score = req.match == DefaultMatch::best ? detail::best_match_score(it.get_weight())
                                                : it.get_weight();
      if (req.snippet_bytes > 0)
        snippets->make(schema::decode_body(doc.get_value(schema::kSlotBody)), pq, req.snippet_bytes,
                       h);
      res.hits.push_back(std::move(h));
    }
  }

  /// Facets counted over the first req.sample_size matches in document order (a boolean
  /// match that stops there, apart from the ranking, which then checks no more than it needs:
  /// both are cheap however many documents match), scaled to the estimated total and marked
  /// inexact; the total is the sampler's (exact when Xapian knows it, e.g. one word). When
  /// every match was seen, the counts are exact as usual. Collapsed, the sample's stories
  /// are counted, and scaled alike (the total too).
  void sampled_facets(const Xapian::Query& query, const SearchRequest& req, SearchResults& res) {
    Xapian::Enquire sampler(db);
    sampler.set_query(query);
    sampler.set_weighting_scheme(Xapian::BoolWeight());
    sampler.set_docid_order(Xapian::Enquire::ASCENDING);
    detail::FacetSpy spy(req.facets, req.date_bucket, people_aliases(req.facets), res.collapsed);
    sampler.add_matchspy(&spy);
    detail::MatchStories matched(false);
    if (res.collapsed) matched.attach(sampler);
    const Xapian::doccount sample = Xapian::doccount(std::max<std::size_t>(1, req.sample_size));
    const Xapian::MSet counted = sampler.get_mset(0, 0, sample);
    const std::size_t seen = spy.documents();
    res.total_exact = counted.get_matches_lower_bound() == counted.get_matches_upper_bound();
    res.total = std::max<std::size_t>(seen, counted.get_matches_estimated());
    const bool exact = res.total_exact && seen >= res.total;
    const double scale = seen == 0 || exact ? 1.0 : double(res.total) / double(seen);
    auto scaled = [&](std::size_t c) { return std::size_t(double(c) * scale + 0.5); };
    if (res.collapsed) {  // the sample's stories, scaled: exact only if every match was seen
      res.total = scaled(matched.stories());
      res.total_exact = exact;
    }
    for (EntityKind kind : req.facets) {
      FacetCounts fc = spy.counts(kind);
      for (auto& kc : fc.keys) kc.second = scaled(kc.second);
      for (std::size_t& r : fc.money_ranges) r = scaled(r);
      FacetResult fr = detail::facet_result(kind, fc, req.facet_size, true, labeler());
      fr.exact = exact;
      res.facets.push_back(std::move(fr));
    }
  }
};

namespace {

// Throws unless newsdex wrote @p db (its schema version in its metadata).
void check_schema(const std::string& db_path, const Xapian::Database& db) {
  std::string version;
  try {
    version = db.get_metadata(std::string(schema::kMetaSchema));
  } catch (const Xapian::Error& e) {  // a remote shard that went away
    throw IndexError(db_path + ": cannot read the database (" + e.get_description() + ")");
  }
  if (version.empty()) throw IndexError(db_path + ": a Xapian database, but not one newsdex wrote");
  if (version != schema::kVersion)
    throw IndexError(db_path + ": written with index schema " + version + "; this newsdex reads " +
                     std::string(schema::kVersion) + " (index again into a new --db)");
}

// Opens one database (a directory, a stub file or tcp://HOST:PORT) and checks that newsdex
// wrote it.
Xapian::Database open_part(const std::string& db_path, unsigned remote_timeout_ms) {
  if (db_path.rfind("tcp://", 0) == 0) {
    Xapian::Database db = detail::open_remote(db_path, remote_timeout_ms);
    check_schema(db_path, db);
    return db;
  }
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
  check_schema(db_path, db);
  return db;
}

// True if @p query has a phrase or NEAR: its matches are checked against positions, which
// a second pass over every match would read again.
bool positional(const Xapian::Query& query) {
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) return true;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
    if (positional(query.get_subquery(i))) return true;
  return false;
}

// True if @p query has words (unprefixed terms) and each is in more than half the documents.
bool only_common_words(const Xapian::Query& query, const Xapian::Database& db) {
  const Xapian::doccount all = db.get_doccount();
  bool words = false;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string term = *t;
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;  // a prefixed filter term
    if (Xapian::doccount(2) * db.get_termfreq(term) <= all) return false;
    words = true;
  }
  return words;
}

// What identifies the state of a database: its UUID and revision (a merge that swaps in a
// new directory changes the UUID, a commit the revision). A stub file naming several
// databases has no single revision: its document counts stand in.
std::string version(const Xapian::Database& db) {
  std::string v = db.get_uuid() + "@";
  try {
    v += std::to_string(db.get_revision());
  } catch (const Xapian::Error&) {
    v += std::to_string(db.get_doccount()) + "/" + std::to_string(db.get_lastdocid()) + "/" +
         std::to_string(db.get_total_length());
  }
  return v;
}

}  // namespace

Searcher::Searcher(const std::string& db_path, const SearcherOptions& options)
    : Searcher(std::vector<std::string>{db_path}, options) {}

Searcher::Searcher(const std::vector<std::string>& given_paths, const SearcherOptions& options)
    : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  if (given_paths.empty()) throw ConfigError("no database to search");
  // A stub file is searched as the databases it names (stub.h).
  const std::vector<std::string> db_paths = detail::expand_stubs(given_paths);
  std::string language;
  d.remote_timeout_ms = options.remote_timeout_ms;
  for (const std::string& path : db_paths) {
    d.remote = d.remote || detail::is_remote_path(path);
    d.parts.push_back(open_part(path, d.remote_timeout_ms));
    d.versions.push_back(version(d.parts.back()));
    d.db.add_database(d.parts.back());
    // One analysis chain for all: the databases must have been stemmed alike.
    const std::string lang = d.parts.back().get_metadata(std::string(schema::kMetaLanguage));
    if (!language.empty() && !lang.empty() && lang != language)
      throw ConfigError(path + ": indexed with --language " + lang + ", " + db_paths[0] + " with " +
                        language + ": search them apart");
    if (language.empty()) language = lang;
  }
  d.paths = db_paths;
  d.value_counts = d.remote || detail::g_value_count_facets;
  d.facets.resize(db_paths.size());
  // Each local database's facet file (core/forward_index.h), read if it was written for
  // the revision open (else ignored, and facets come from the value streams).
  for (std::size_t i = 0; i < db_paths.size(); ++i)
    if (!detail::is_remote_path(db_paths[i])) d.facets[i].use_file(db_paths[i]);
  d.path = given_paths.size() == 1
               ? given_paths[0]
               : given_paths[0] + " (+" + std::to_string(given_paths.size() - 1) + ")";
  if (language.empty()) language = options.language;
  d.entity_options = EntityOptions{options.gazetteer_dir};
  AnalyzerOptions ao;
  ao.language = language;
  // The words the index was analysed with (schema::kMetaProtectedWords), else the gazetteer's.
  const std::string stored = d.db.get_metadata(std::string(schema::kMetaProtectedWords));
  std::vector<std::string_view> words;
  if (!stored.empty() && schema::decode_keys(stored, words))
    ao.protected_words.assign(words.begin(), words.end());
  else  // none stored (a database of an earlier build), or damaged: the gazetteer's
    ao.protected_words = d.entities().protected_words();
  d.analyzer = std::make_unique<Analyzer>(ao);
  d.parser = std::make_unique<QueryParser>(
      *d.analyzer, [&d]() -> const EntityExtractor& { return d.entities(); });
  d.parser->set_portable(d.remote);
  d.snippets = std::make_unique<detail::Snippets>(*d.analyzer);
}

void Searcher::Impl::reconnect() {
  Xapian::Database all;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    parts[i] = open_part(paths[i], remote_timeout_ms);
    versions[i] = version(parts[i]);
    all.add_database(parts[i]);
  }
  db = all;
  for (detail::FacetIndex& index : facets) index.reset();
  part_stories.reset();
  labels_kept.clear();
  aliases.reset();
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

std::size_t Searcher::document_count() const { return impl_->db.get_doccount(); }

bool Searcher::reopen() {
  Impl& d = *impl_;
  std::vector<Xapian::Database> parts;
  std::vector<std::string> versions;
  bool changed = false;
  try {
    for (std::size_t i = 0; i < d.paths.size(); ++i) {
      parts.push_back(open_part(d.paths[i], d.remote_timeout_ms));
      versions.push_back(version(parts.back()));
      changed = changed || versions.back() != d.versions[i];
    }
  } catch (const Xapian::Error& e) {
    throw IndexError(d.path + ": reopen failed: " + e.get_description());
  }
  if (!changed) return false;
  Xapian::Database db;
  for (const Xapian::Database& part : parts) db.add_database(part);
  d.parts = std::move(parts);
  d.versions = std::move(versions);
  d.db = std::move(db);
  for (detail::FacetIndex& index : d.facets) index.reset();
  d.part_stories.reset();
  d.labels_kept.clear();
  d.aliases.reset();
  return true;
}

std::optional<Article> Searcher::document(const std::string& id) {
  Impl& d = *impl_;
  return d.with_retry("document", [&]() -> std::optional<Article> {
    const std::string term = schema::id_term(id);  // a long id's term is its hash
    for (const Xapian::Database& part : d.parts) {
      auto it = part.postlist_begin(term);
      if (it == part.postlist_end(term)) continue;
      const Xapian::Document doc = part.get_document(*it);
      const schema::StoredFields f = schema::decode_data(doc.get_data());
      if (f.id != id) continue;
      Article a;
      a.id = f.id;
      a.title = f.title;
      a.body = schema::decode_body(doc.get_value(schema::kSlotBody));
      a.date = f.date;
      a.source = f.source;
      a.url = f.url;
      a.path = f.path;
      return a;
    }
    return std::nullopt;
  });
}

std::vector<EntityAlias> Searcher::person_aliases() {
  return impl_->with_retry("aliases", [&] {
    std::vector<EntityAlias> out;
    for (const detail::AliasEvidence& e : impl_->person_aliases().evidence())
      out.push_back({e.key, e.canonical, impl_->label(EntityKind::person, e.canonical), e.rule,
                     e.key_docs, e.canonical_docs, e.rival_docs});
    return out;
  });
}

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
  if (d.value_counts) {  // a remote part: its server counts (remote_facets.h)
    Xapian::Enquire enquire(d.db);
    enquire.set_query(Xapian::Query::MatchAll);
    const std::vector<EntityKind> kinds(std::begin(kAllEntityKinds), std::end(kAllEntityKinds));
    detail::FacetSpy sum(kinds, DateBucket::year, d.people_aliases(kinds));
    detail::ValueCountFacets counts(kinds);
    counts.attach(enquire);
    enquire.get_mset(0, 0, d.db.get_doccount());
    counts.add_to(sum);
    for (EntityKind kind : kAllEntityKinds) {
      FacetCounts fc = sum.counts(kind);
      st.top.push_back(detail::facet_result(kind, fc, top_k, false, d.labeler()));
    }
    return st;
  }
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
    // The document with the id (a long id's term is its hash: the stored id must match).
    Xapian::docid did = 0;
    const std::string idt = schema::id_term(id);
    for (auto pl = d.db.postlist_begin(idt); pl != d.db.postlist_end(idt) && !did; ++pl)
      if (schema::decode_data(d.db.get_document(*pl).get_data()).id == id) did = *pl;
    if (!did) throw IndexError(d.path + ": no document has id \"" + id + "\"");
    std::optional<ParsedQuery> filter;
    if (req.query.find_first_not_of(" \t\r\n") != std::string::npos || !req.filters.empty())
      filter = d.parse(req);
    const ParsedQuery pq = detail::more_like(d.db, did, filter);
    SearchRequest r = req;
    r.suggest = false;  // the query is a filter: nothing to correct
    return d.search(r, &pq);
  });
}

SearchResults Searcher::Impl::search(const SearchRequest& req, const ParsedQuery* given) {
  Impl& d = *this;
  auto t0 = std::chrono::steady_clock::now();
  SearchResults res;
  res.query = req.query;
  // Collapsed unless asked not to, or over remote shards: their servers run Xapian's own
  // match spies only, which cannot count stories (docs/duplicates.md). Said, not hidden.
  res.collapsed = req.collapse && !d.value_counts;
  if (req.collapse && d.value_counts && !d.said_no_collapse) {
    spdlog::info(
        "{}: not collapsing copies of a story over remote shards (their totals and facets "
        "could not count stories exactly): every copy is a hit and counts",
        d.path);
    d.said_no_collapse = true;
  }
  const ParsedQuery pq = given ? *given : d.parse(req);
  {
    Xapian::Enquire enquire(d.db);
    enquire.set_query(pq.query);
    // Words in more than half the documents (a query of stopwords, `the of`) get an idf of
    // almost 0 from BM25 as Xapian computes it (log(1 + (N - n + 0.5) / (2n + 1))): every
    // match scores ~0 (0.001 for `the` on 2,000 tech articles). They are still searched as
    // words (`the who`, `data` in a data corpus are queries), ranked by a Dirichlet-smoothed
    // language model (Xapian's LMWeight), which has no idf to vanish: 7.36 for the same match,
    // ordered by how much of each document the words make up. (BM25+'s idf, log((N + 1) / n),
    // vanishes too: 0.004.)
    if (only_common_words(pq.query, d.db)) {
      enquire.set_weighting_scheme(Xapian::LMWeight());
      res.weighting = "lm";
    } else
      enquire.set_weighting_scheme(Xapian::BM25Weight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);  // ties: input order
    // A query without words scores every match 0: its only useful order is by date (newest
    // first, unless oldest first was asked for).
    const bool unscored = !given && pq.highlight.empty() && pq.highlight_prefixes.empty();
    res.sort = unscored && req.sort == SortOrder::relevance ? SortOrder::date : req.sort;
    if (res.sort != SortOrder::relevance)
      enquire.set_sort_by_value_then_relevance(schema::kSlotDate, res.sort == SortOrder::date);
    // Facets: on one database with a current facet file, every facet query counts docids
    // into the forward index mapped from it (integer increments). Without one, the first
    // facet query of a Searcher counts from the matches' facet values (nothing to load);
    // later ones, on one database, count docids into the forward index, built once from the
    // value streams. Several local databases count alike, each part on its own (uncollapsed;
    // collapsed, a story may span parts and the spy counts values).
    // Counts over a sample only when the matches outnumber it (Xapian's estimate from a
    // ranking that checks no more than it needs); else exact, which is then as cheap.
    if (req.time_limit_ms > 0) enquire.set_time_limit(req.time_limit_ms / 1000.0);
    std::optional<Xapian::MSet> ranked;
    // A remote server knows no FacetSpy to sample with: over remote shards, always exact.
    if (!req.facets.empty() && !req.exact_facets && !d.value_counts) {
      if (res.collapsed) enquire.set_collapse_key(schema::kSlotStory);
      ranked = enquire.get_mset(Xapian::doccount(req.offset), Xapian::doccount(req.limit),
                                Xapian::doccount(0));
      enquire.set_collapse_key(Xapian::BAD_VALUENO);
      if (ranked->get_matches_estimated() <= req.sample_size) ranked.reset();
    }
    if (ranked) {
      d.add_hits(*ranked, pq, req, res);
      // Sampled: the copies Xapian collapsed into each hit as it ranked (at least that many).
      std::size_t i = 0;
      if (res.collapsed)
        for (auto it = ranked->begin(); it != ranked->end(); ++it)
          res.hits[i++].duplicates = it.get_collapse_count();
      d.sampled_facets(pq.query, req, res);
    } else {
      d.exact_search(enquire, pq, req, res);
    }
  }
  if (req.source_facet) d.count_sources(pq.query, res);
  if (req.suggest) res.suggestion = detail::suggest(req.query, *d.analyzer, d.db);
  res.elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

}  // namespace newsdex
