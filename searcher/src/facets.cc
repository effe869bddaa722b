#include "facets.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>

#include "core/schema.h"

namespace newsdex::detail {

namespace {
double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

void FacetIndex::reset() {
  for (auto& k : kinds_) k = Kind{};
  file_.reset();
  file_checked_ = false;
  dates_built_.clear();
  stories_built_.clear();
  story_docs_.clear();
  story_keys_built_ = {};
  story_keys_ = {};
  story_keys_loaded_ = false;
  dates_ = stories_ = {};
  dates_loaded_ = stories_loaded_ = false;
}

const FacetFile* FacetIndex::file(const Xapian::Database& db) {
  if (!file_checked_ && !file_dir_.empty()) {
    file_checked_ = true;
    std::string why;
    const auto t0 = std::chrono::steady_clock::now();
    file_ = FacetFile::open(file_dir_, db, why);
    if (file_)
      spdlog::debug("{}: facet file of {} bytes, opened in {:.2f} ms", file_dir_, file_->size(),
                    ms_since(t0));
    else
      spdlog::debug("facet file not used ({}): facets from the value streams", why);
  }
  return file_.get();
}

namespace {

// The histogram bucket of a YYYYMMDD date: its year, month or day (as precise as it is).
std::uint32_t date_bucket(std::uint32_t d, DateBucket bucket) {
  const std::uint32_t y = d / 10000, m = d / 100 % 100, day = d % 100;
  return bucket == DateBucket::year || m == 0      ? y * 10000
         : bucket == DateBucket::month || day == 0 ? y * 10000 + m * 100
                                                   : d;
}

// Date buckets as counts, in time order, their ISO names owned by @p out.
void add_date_counts(const std::map<std::uint32_t, std::size_t>& hist, FacetCounts& out) {
  for (const auto& [k, c] : hist) {
    const CivilDate date{int(k / 10000), int(k / 100 % 100), int(k % 100)};
    out.keys.emplace_back(out.owned.emplace_back(to_iso(date)), c);
  }
}

}  // namespace

FacetIndex::Kind& FacetIndex::kind(const Xapian::Database& db, EntityKind k) {
  Kind& kd = kinds_[unsigned(k)];
  if (kd.loaded) return kd;
  kd.loaded = true;
  if (const FacetFile* f = file(db)) {
    std::string why;
    const auto t0 = std::chrono::steady_clock::now();
    if (std::optional<ForwardKeys> fwd = f->keys(k, why)) {
      kd.fwd = *fwd;
      spdlog::debug("{} facet: {} keys from the facet file in {:.2f} ms", to_string(k),
                    kd.fwd.key_count(), ms_since(t0));
      return kd;
    }
    spdlog::debug("{}: facet file not used for {} ({}): from the value stream", file_dir_,
                  to_string(k), why);
  }
  kd.built = build_forward_keys(db, k);
  kd.fwd = kd.built.view();
  return kd;
}

std::span<const std::uint32_t> FacetIndex::docid_array(
    const Xapian::Database& db,
    std::optional<std::span<const std::uint32_t>> (FacetFile::*from)(std::string&) const,
    std::vector<std::uint32_t> (*build)(const Xapian::Database&), const char* what,
    std::vector<std::uint32_t>& built) {
  if (const FacetFile* f = file(db)) {
    std::string why;
    if (auto a = (f->*from)(why)) return *a;
    spdlog::debug("{}: facet file not used for {} ({}): from the value stream", file_dir_, what,
                  why);
  }
  built = build(db);
  return built;
}

std::span<const std::uint32_t> FacetIndex::dates(const Xapian::Database& db) {
  if (!dates_loaded_)
    dates_ = docid_array(db, &FacetFile::dates, &build_dates, "dates", dates_built_);
  dates_loaded_ = true;
  return dates_;
}

namespace {
std::vector<std::uint32_t> build_story_ids(const Xapian::Database& db) { return build_stories(db); }
}  // namespace

std::span<const std::uint32_t> FacetIndex::stories(const Xapian::Database& db) {
  if (!stories_loaded_)
    stories_ = docid_array(db, &FacetFile::stories, &build_story_ids, "stories", stories_built_);
  stories_loaded_ = true;
  return stories_;
}

StoryKeys FacetIndex::story_keys(const Xapian::Database& db) {
  if (story_keys_loaded_) return story_keys_;
  story_keys_loaded_ = true;
  std::string why = "no facet file";
  if (const FacetFile* f = file(db)) {
    stories(db);
    if (stories_built_.empty()) {  // the ids are the file's: so are the keys, if sound
      if (auto k = f->story_keys(why)) return story_keys_ = *k;
    } else {
      why = "its story ids were not used";
    }
  }
  spdlog::debug("{}: story keys from the value stream ({})", file_dir_, why);
  // Ids and keys built together, so that they agree.
  stories_built_ = build_stories(db, &story_keys_built_);
  stories_ = stories_built_;
  stories_loaded_ = true;
  story_docs_.clear();
  return story_keys_ = story_keys_built_.view();
}

void FacetIndex::count_story_documents(const Xapian::Database& db) {
  const std::span<const std::uint32_t> ids = stories(db);
  const std::uint32_t top = ids.empty() ? 0 : *std::max_element(ids.begin(), ids.end());
  story_docs_.assign(std::size_t(top) + 1, 0);
  for (std::uint32_t s : ids)
    if (s && story_docs_[s] < 2) ++story_docs_[s];
}

namespace {

// Calls @p f(did, group, shared) for every docid of @p docids with a group number (from 1):
// the documents of one story, which group_by_story() put one after another, share theirs
// (and `shared`); without @p stories (or for a document alone in its story, or without
// one), each document is a group of its own, and `shared` is false: it counts its keys
// without checking which of them its group counted already.
template <class F>
void for_each_by_story(FacetIndex& index, const Xapian::Database& db,
                       const std::vector<Xapian::docid>& docids, bool stories, F&& f) {
  std::uint32_t group = 0;
  if (!stories) {
    for (Xapian::docid did : docids) f(did, ++group, false);
    return;
  }
  const std::span<const std::uint32_t> story = index.stories(db);
  std::uint32_t last = 0;  // the story of the last document, if shared
  for (Xapian::docid did : docids) {
    const std::uint32_t s = did < story.size() ? story[did] : 0;
    const bool shared = index.shared_story(db, s);
    if (!shared || s != last) ++group;
    last = shared ? s : 0;
    f(did, group, shared);
  }
}

FacetCounts count_dates(FacetIndex& index, const Xapian::Database& db, DateBucket bucket,
                        const std::vector<Xapian::docid>& docids, bool stories) {
  FacetCounts out;
  const std::span<const std::uint32_t> dates = index.dates(db);
  // The matches' years first: within them a bucket (y, m, d) has a dense index, so counting
  // is an increment per match, not a tree look-up; dates over centuries (damaged values)
  // fall back to the tree.
  std::uint32_t first = UINT32_MAX, last = 0;
  for (Xapian::docid did : docids)
    if (const std::uint32_t d = did < dates.size() ? dates[did] : 0) {
      first = std::min(first, d / 10000);
      last = std::max(last, d / 10000);
    }
  if (first > last) return out;
  constexpr std::uint32_t kPerYear = 13 * 32;  // month 0-12, day 0-31
  const bool dense = last - first < 400;
  std::vector<std::uint32_t> hist(dense ? std::size_t(last - first + 1) * kPerYear : 0);
  std::map<std::uint32_t, std::size_t> tree;
  auto slot = [&](std::uint32_t b) {
    return std::size_t(b / 10000 - first) * kPerYear + b / 100 % 100 * 32 + b % 100;
  };
  std::uint32_t last_group = 0;
  std::vector<std::uint32_t> group_buckets;  // counted for this story already
  for_each_by_story(
      index, db, docids, stories, [&](Xapian::docid did, std::uint32_t group, bool shared) {
        const std::uint32_t d = did < dates.size() ? dates[did] : 0;
        if (!d) return;
        const std::uint32_t b = date_bucket(d, bucket);
        if (shared) {
          if (group != last_group) group_buckets.clear();
          last_group = group;
          if (std::find(group_buckets.begin(), group_buckets.end(), b) != group_buckets.end())
            return;
          group_buckets.push_back(b);
        }
        if (dense)
          ++hist[slot(b)];
        else
          ++tree[b];
      });
  if (dense) {  // slots in time order back to buckets
    for (std::size_t i = 0; i < hist.size(); ++i)
      if (hist[i])
        tree.emplace(
            std::uint32_t((first + i / kPerYear) * 10000 + i % kPerYear / 32 * 100 + i % 32),
            hist[i]);
  }
  add_date_counts(tree, out);
  return out;
}

}  // namespace

void group_by_story(FacetIndex& index, const Xapian::Database& db,
                    std::vector<Xapian::docid>& docids) {
  // The documents of shared stories (few: copies) move to the end, sorted by story.
  const std::span<const std::uint32_t> story = index.stories(db);
  std::vector<std::pair<std::uint32_t, Xapian::docid>> shared;
  std::size_t kept = 0;
  for (Xapian::docid did : docids) {
    const std::uint32_t s = did < story.size() ? story[did] : 0;
    if (index.shared_story(db, s))
      shared.emplace_back(s, did);
    else
      docids[kept++] = did;
  }
  std::sort(shared.begin(), shared.end());
  for (const auto& [s, did] : shared) docids[kept++] = did;
}

namespace {

// The keys of @p kd as @p aliases resolves them (kd.resolved_*), once.
void resolve_keys(FacetIndex::Kind& kd, const AliasTable& aliases) {
  if (kd.resolved) return;
  FlatStringMap<std::uint32_t> ids;
  const std::size_t n = kd.fwd.key_count();
  kd.resolved_id.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    // Views into the keys (the index's or the file's) or into the aliases.
    const std::string_view r = aliases.resolve(kd.fwd.key(std::uint32_t(i)));
    const std::uint64_t h = hash_word(r);
    std::uint32_t* id = ids.find(r, h);
    if (!id) {
      id = &ids.insert(r, h);
      *id = std::uint32_t(kd.resolved_keys.size());
      kd.resolved_keys.push_back(r);
    }
    kd.resolved_id[i] = *id;
  }
  std::vector<std::uint32_t> keys_of(kd.resolved_keys.size(), 0);
  for (std::uint32_t r : kd.resolved_id) ++keys_of[r];
  kd.joined.resize(keys_of.size());
  for (std::size_t r = 0; r < keys_of.size(); ++r) kd.joined[r] = keys_of[r] > 1;
  kd.resolved = true;
}

// Counts @p docids' keys of @p kd into @p out; with kResolved, as they resolve (kd.resolved_*).
// A group (for_each_by_story: a document, or a story's documents) counts a key once. Counts
// live in the index, all zero between calls: a query touches only its keys (not every key
// of the corpus, ~40,000 people in the tech corpus), and resets those.
template <bool kResolved>
void tally(FacetIndex& index, const Xapian::Database& db, FacetIndex::Kind& kd, EntityKind kind,
           const std::vector<Xapian::docid>& docids, bool stories, FacetCounts& out) {
  const ForwardKeys& fwd = kd.fwd;
  const std::size_t keys = kResolved ? kd.resolved_keys.size() : fwd.key_count();
  kd.counts.resize(keys, 0);
  kd.stamps.resize(keys, 0);
  kd.touched.resize(keys + 1);  // + 1: written before it is known whether the key is new
  // Plain pointers in the loop (a store through a vector's element could otherwise alias
  // its own bounds for the compiler, which then reloads them at every key).
  std::uint32_t* const counts = kd.counts.data();
  std::uint32_t* const stamps = kd.stamps.data();
  std::uint32_t* const touched = kd.touched.data();
  const std::uint32_t* const resolved = kd.resolved_id.data();
  const std::uint8_t* const joined = kd.joined.data();
  const std::uint32_t* const offsets = fwd.offsets.data();
  const std::uint32_t* const ids = fwd.ids.data();
  const std::size_t docs = fwd.offsets.size();
  const bool money = kind == EntityKind::money;
  std::size_t n_touched = 0;
  std::uint32_t last_group = 0;
  std::uint8_t ranges = 0;  // money: the ranges of the group's documents so far
  auto add_ranges = [&] {
    for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
      out.money_ranges[r] += (ranges >> r) & 1u;
    ranges = 0;
  };
  auto count_document = [&](Xapian::docid did, std::uint32_t group, bool shared) {
    if (did + 1 >= docs) return;
    if (group != last_group) add_ranges();
    last_group = group;
    const std::uint32_t end = offsets[did + 1];
    for (std::uint32_t i = offsets[did]; i < end; ++i) {
      std::uint32_t id = ids[i];
      if constexpr (kResolved) id = resolved[id];
      // Unless copies share the group or aliases join this key with another, it is the
      // group's only one (a document's keys are distinct): no stamp needed.
      if (shared || (kResolved && joined[id])) {
        if (stamps[id] == group) continue;
        stamps[id] = group;
      }
      // Without a branch: whether a key is new to the query is data the predictor cannot
      // learn, so the id is written every time and kept only when it was new (12-14% off
      // queries of thousands of matches: bench/README.md, session 25).
      touched[n_touched] = id;
      n_touched += counts[id]++ == 0;
    }
    if (money) ranges |= fwd.money_ranges[did];
  };
  for_each_by_story(index, db, docids, stories, count_document);
  add_ranges();
  out.keys.reserve(n_touched);
  for (std::size_t t = 0; t < n_touched; ++t) {
    const std::uint32_t id = touched[t];
    out.keys.emplace_back(kResolved ? kd.resolved_keys[id] : fwd.key(id), counts[id]);
    counts[id] = 0;
    stamps[id] = 0;
  }
}

}  // namespace

FacetCounts count_facets(FacetIndex& index, const Xapian::Database& db, EntityKind kind,
                         DateBucket bucket, const std::vector<Xapian::docid>& docids,
                         const AliasTable* aliases, bool stories) {
  if (kind == EntityKind::date) return count_dates(index, db, bucket, docids, stories);
  FacetIndex::Kind& kd = index.kind(db, kind);
  FacetCounts out;
  if (aliases && !aliases->empty() && kind == EntityKind::person) {
    resolve_keys(kd, *aliases);
    tally<true>(index, db, kd, kind, docids, stories, out);
  } else {
    tally<false>(index, db, kd, kind, docids, stories, out);
  }
  return out;
}

FacetSpy::FacetSpy(const std::vector<EntityKind>& kinds, DateBucket bucket,
                   const AliasTable* aliases, bool stories)
    : bucket_(bucket),
      aliases_(aliases && !aliases->empty() ? aliases : nullptr),
      stories_(stories) {
  for (EntityKind k : kinds) {
    if (k == EntityKind::date)
      dates_ = true;
    else
      kinds_.push_back(Kind{k, FlatStringMap<Counter>(256)});
  }
}

bool FacetSpy::counted(std::uint32_t story, std::uint32_t space, std::uint32_t what) {
  return !counted_.insert(std::uint64_t(story) << 32 | std::uint64_t(space) << 28 | what).second;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  ++documents_;
  const std::uint32_t story = stories_ ? story_id(doc.get_value(schema::kSlotStory)) : 0;
  for (Kind& k : kinds_) add_keys(k, doc.get_value(schema::facet_slot(k.kind)), 1, story);
  if (dates_) add_date(doc.get_value(schema::kSlotDate), 1, story);
}

std::uint32_t FacetSpy::story_id(std::string_view key) {
  if (key.empty()) return 0;
  const std::uint64_t h = hash_word(key);
  std::uint32_t* id = story_ids_.find(key, h);
  if (!id) {
    id = &story_ids_.insert(key, h);
    *id = std::uint32_t(story_ids_.size());
  }
  return *id;
}

void FacetSpy::add(EntityKind kind, std::string_view value, std::size_t n, std::uint32_t story) {
  if (kind == EntityKind::date) {
    if (dates_) add_date(value, n, story);
    return;
  }
  for (Kind& k : kinds_)
    if (k.kind == kind) add_keys(k, value, n, story);
}

// Keys in a FacetSpy table from which its look-ups prefetch (about 200 KiB of entries).
constexpr std::size_t kPrefetchKeys = 4096;

void FacetSpy::add_keys(Kind& k, std::string_view value, std::size_t n, std::uint32_t story) {
  if (value.empty()) return;
  scratch_.clear();
  if (!schema::decode_keys(value, scratch_)) return;  // damaged: `newsdex check` says so
  if (aliases_ && k.kind == EntityKind::person) {
    // Each key as it resolves, once per document (`trump` and `donald trump`: one). A
    // document's keys are distinct: only one that names an alias needs the look for twins.
    resolved_.clear();
    bool aliased = false;
    for (std::string_view key : scratch_) {
      const std::string_view r = aliases_->resolve(key);
      aliased = aliased || r.data() != key.data();
      resolved_.push_back(r);
    }
    if (aliased) {
      std::sort(resolved_.begin(), resolved_.end());
      resolved_.erase(std::unique(resolved_.begin(), resolved_.end()), resolved_.end());
    }
    scratch_.swap(resolved_);
  }
  // A document's keys are looked up together: in a table past the caches (tens of thousands
  // of amounts), their slots, then their entries, are prefetched first, so the misses overlap.
  hashes_.clear();
  for (std::string_view key : scratch_) hashes_.push_back(hash_word(key));
  if (k.counts.size() > kPrefetchKeys) {
    for (std::uint64_t h : hashes_) k.counts.prefetch_slot(h);
    for (std::uint64_t h : hashes_) k.counts.prefetch_entry(h);
  }
  std::uint8_t ranges = 0;
  const auto space = std::uint32_t(&k - kinds_.data());
  for (std::size_t i = 0; i < scratch_.size(); ++i) {
    if (k.kind == EntityKind::money) ranges |= money_range_bits(scratch_[i]);
    Counter* c = k.counts.find(scratch_[i], hashes_[i]);
    if (!c) {
      c = &k.counts.insert(scratch_[i], hashes_[i]);
      c->id = std::uint32_t(k.counts.size());
    }
    // A story counts a key once, whichever of its copies have it.
    if (story && counted(story, space, c->id)) continue;
    c->count += n;
  }
  for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
    if ((ranges >> r) & 1u && !(story && counted(story, 14, std::uint32_t(r))))
      money_ranges_[r] += n;
}

void FacetSpy::add_date(std::string_view value, std::size_t n, std::uint32_t story) {
  if (const std::uint32_t d = date_number(value)) {
    const std::uint32_t b = date_bucket(d, bucket_);
    if (!(story && counted(story, 15, b))) date_hist_[b] += n;
  }
}

FacetCounts FacetSpy::counts(EntityKind kind) const {
  FacetCounts out;
  if (kind == EntityKind::date) {
    add_date_counts(date_hist_, out);
    return out;
  }
  for (const Kind& k : kinds_) {
    if (k.kind != kind) continue;
    out.keys.reserve(k.counts.size());
    k.counts.for_each([&](std::string_view key, const Counter& c) {
      if (c.count) out.keys.emplace_back(key, c.count);
    });
    if (kind == EntityKind::money)
      std::copy(std::begin(money_ranges_), std::end(money_ranges_), std::begin(out.money_ranges));
  }
  return out;
}

FacetCounts merge_counts(std::vector<FacetCounts>& parts, bool ordered) {
  FacetCounts out;
  // Summed by hash (a std::map of every money amount of two halves of 100k documents took
  // half a fresh process's time); the keys stay views into the parts' indexes, or into
  // their own strings, which `kept` keeps where they are (a moved deque's elements stay).
  FlatStringMap<std::uint32_t> at(1024);  // key → 1 + its index in out.keys
  out.kept.reserve(parts.size());         // (so the deques are never moved again)
  for (FacetCounts& part : parts) {
    for (const auto& [key, count] : part.keys) {
      const std::uint64_t h = hash_word(key);
      if (std::uint32_t* i = at.find(key, h)) {
        out.keys[*i - 1].second += count;
      } else {
        out.keys.emplace_back(key, count);
        at.insert(key, h) = std::uint32_t(out.keys.size());
      }
    }
    for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
      out.money_ranges[r] += part.money_ranges[r];
    out.kept.push_back(std::move(part.owned));
  }
  if (ordered) std::sort(out.keys.begin(), out.keys.end());
  return out;
}

FacetResult facet_result(EntityKind kind, FacetCounts& fc, std::size_t k, bool buckets,
                         const std::function<std::string(EntityKind, const std::string&)>& label) {
  FacetResult fr;
  fr.kind = kind;
  fr.distinct = fc.keys.size();
  auto& v = fc.keys;
  if (buckets && kind == EntityKind::date)  // already in time order
    for (auto& [key, c] : v) fr.buckets.push_back({std::string(key), std::string(key), c});
  const std::size_t top = std::min(v.size(), k);
  std::partial_sort(v.begin(), v.begin() + std::ptrdiff_t(top), v.end(),
                    [](const auto& x, const auto& y) {
                      return x.second != y.second ? x.second > y.second : x.first < y.first;
                    });
  v.resize(top);
  for (auto& [key_view, c] : v) {
    std::string key(key_view);
    fr.counts.push_back({key, label(kind, key), c});
  }
  if (buckets && kind == EntityKind::money)
    for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
      fr.buckets.push_back({kMoneyRanges[r].key, kMoneyRanges[r].key, fc.money_ranges[r]});
  return fr;
}

}  // namespace newsdex::detail
