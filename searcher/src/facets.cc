#include "facets.h"

#include <algorithm>
#include <map>

#include "core/schema.h"

namespace newsdex::detail {

void FacetIndex::reset() {
  for (auto& k : kinds_) k = Kind{};
  dates_.clear();
  dates_loaded_ = false;
  stories_.clear();
  stories_loaded_ = false;
}

namespace {

// The amount of a money key for its range: a plain one (`USD:618000`, `EUR:2.5`) by its
// integer part, which falls in the same range as the amount since the bounds are whole
// numbers; others (an exponent, a sign) by strtod. Counting a fresh process's money facet
// read every occurrence of every key, and strtod was a tenth of it.
double range_amount(std::string_view key) {
  const std::size_t colon = key.rfind(':');
  double whole = 0;
  std::size_t i = colon == std::string_view::npos ? key.size() : colon + 1;
  const std::size_t start = i;
  for (; i < key.size() && key[i] >= '0' && key[i] <= '9'; ++i) whole = whole * 10 + (key[i] - '0');
  if (i > start && i < key.size() && key[i] == '.')
    for (++i; i < key.size() && key[i] >= '0' && key[i] <= '9';) ++i;
  return i > start && i == key.size() ? whole : schema::money_amount(key);
}

// The money ranges an amount key falls in, as bits.
std::uint8_t money_range_bits(std::string_view key) {
  const double amount = range_amount(key);
  std::uint8_t bits = 0;
  for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
    if (amount >= kMoneyRanges[r].lo && amount < kMoneyRanges[r].hi) bits |= std::uint8_t(1u << r);
  return bits;
}

// YYYYMMDD as a number, 0 if the value is not a date.
std::uint32_t date_number(std::string_view value) {
  const auto d = schema::parse_date_value(value);
  return d ? std::uint32_t(d->year * 10000 + d->month * 100 + d->day) : 0;
}

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
  const Xapian::docid last = db.get_lastdocid();
  kd.offsets.assign(std::size_t(last) + 2, 0);
  if (k == EntityKind::money) kd.money_ranges.assign(std::size_t(last) + 1, 0);
  // One pass over the kind's value stream, in docid order: each document's keys interned,
  // their ids appended (so per-document counts, summed, are the documents' offsets).
  FlatStringMap<std::uint32_t> ids;
  std::vector<std::uint8_t> key_ranges;  // money: each key's range bits
  std::vector<std::string_view> keys;
  const unsigned slot = schema::facet_slot(k);
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
    const Xapian::docid did = v.get_docid();
    if (did > last) continue;
    const std::string value = *v;
    keys.clear();
    if (!schema::decode_keys(value, keys)) continue;  // damaged: `newsdex check` says so
    for (std::string_view key : keys) {
      const std::uint64_t h = hash_word(key);
      std::uint32_t* id = ids.find(key, h);
      if (!id) {
        id = &ids.insert(key, h);
        *id = std::uint32_t(kd.keys.size());
        kd.keys.emplace_back(key);
        if (k == EntityKind::money) key_ranges.push_back(money_range_bits(key));
      }
      kd.ids.push_back(*id);
      ++kd.offsets[did + 1];
      if (k == EntityKind::money) kd.money_ranges[did] |= key_ranges[*id];
    }
  }
  for (std::size_t d = 1; d < kd.offsets.size(); ++d) kd.offsets[d] += kd.offsets[d - 1];
  kd.loaded = true;
  return kd;
}

const std::vector<std::uint32_t>& FacetIndex::dates(const Xapian::Database& db) {
  if (dates_loaded_) return dates_;
  dates_.assign(std::size_t(db.get_lastdocid()) + 1, 0);
  for (auto v = db.valuestream_begin(schema::kSlotDate); v != db.valuestream_end(schema::kSlotDate);
       ++v)
    dates_[v.get_docid()] = date_number(*v);
  dates_loaded_ = true;
  return dates_;
}

const std::vector<std::uint32_t>& FacetIndex::stories(const Xapian::Database& db) {
  if (stories_loaded_) return stories_;
  stories_.assign(std::size_t(db.get_lastdocid()) + 1, 0);
  FlatStringMap<std::uint32_t> ids;
  for (auto v = db.valuestream_begin(schema::kSlotStory);
       v != db.valuestream_end(schema::kSlotStory); ++v) {
    if (v.get_docid() >= stories_.size()) continue;
    const std::string key = *v;
    const std::uint64_t h = hash_word(key);
    std::uint32_t* id = ids.find(key, h);
    if (!id) {
      id = &ids.insert(key, h);
      *id = std::uint32_t(ids.size());
    }
    stories_[v.get_docid()] = *id;
  }
  stories_loaded_ = true;
  return stories_;
}

namespace {

// Calls @p f(did, group) for every docid of @p docids, the documents of one story one after
// another with the same group number (from 1); without @p stories (or for a document
// without a story), each document is a group of its own.
template <class F>
void for_each_by_story(FacetIndex& index, const Xapian::Database& db,
                       const std::vector<Xapian::docid>& docids, bool stories, F&& f) {
  std::uint32_t group = 0;
  if (!stories) {
    for (Xapian::docid did : docids) f(did, ++group);
    return;
  }
  const auto& story = index.stories(db);
  std::vector<std::pair<std::uint64_t, Xapian::docid>> order;
  order.reserve(docids.size());
  for (Xapian::docid did : docids) {
    const std::uint32_t s = did < story.size() ? story[did] : 0;
    order.emplace_back(s ? s : (std::uint64_t(1) << 32) + did, did);
  }
  // group_by_story() sorts once per query, not once per kind.
  if (!std::is_sorted(order.begin(), order.end())) std::sort(order.begin(), order.end());
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || order[i].first != order[i - 1].first) ++group;
    f(order[i].second, group);
  }
}

FacetCounts count_dates(FacetIndex& index, const Xapian::Database& db, DateBucket bucket,
                        const std::vector<Xapian::docid>& docids, bool stories) {
  FacetCounts out;
  const auto& dates = index.dates(db);
  std::map<std::uint32_t, std::size_t> hist;
  std::uint32_t last_group = 0;
  std::vector<std::uint32_t> group_buckets;  // counted for this story already
  for_each_by_story(index, db, docids, stories, [&](Xapian::docid did, std::uint32_t group) {
    const std::uint32_t d = did < dates.size() ? dates[did] : 0;
    if (!d) return;
    if (group != last_group) group_buckets.clear();
    last_group = group;
    const std::uint32_t b = date_bucket(d, bucket);
    if (std::find(group_buckets.begin(), group_buckets.end(), b) != group_buckets.end()) return;
    group_buckets.push_back(b);
    ++hist[b];
  });
  add_date_counts(hist, out);
  return out;
}

}  // namespace

void group_by_story(FacetIndex& index, const Xapian::Database& db,
                    std::vector<Xapian::docid>& docids) {
  std::vector<Xapian::docid> grouped;
  grouped.reserve(docids.size());
  for_each_by_story(index, db, docids, true,
                    [&](Xapian::docid did, std::uint32_t) { grouped.push_back(did); });
  docids = std::move(grouped);
}

namespace {

// The keys of @p kd as @p aliases resolves them (kd.resolved_*), once.
void resolve_keys(FacetIndex::Kind& kd, const AliasTable& aliases) {
  if (kd.resolved) return;
  FlatStringMap<std::uint32_t> ids;
  kd.resolved_id.resize(kd.keys.size());
  for (std::size_t i = 0; i < kd.keys.size(); ++i) {
    const std::string_view r = aliases.resolve(kd.keys[i]);  // views into kd.keys or aliases
    const std::uint64_t h = hash_word(r);
    std::uint32_t* id = ids.find(r, h);
    if (!id) {
      id = &ids.insert(r, h);
      *id = std::uint32_t(kd.resolved_keys.size());
      kd.resolved_keys.push_back(r);
    }
    kd.resolved_id[i] = *id;
  }
  kd.resolved = true;
}

// Counts @p docids' keys of @p kd into @p out; with kResolved, as they resolve (kd.resolved_*).
// A group (for_each_by_story: a document, or a story's documents) counts a key once. Counts
// live in the index, all zero between calls: a query touches only its keys (not every key
// of the corpus, ~40,000 people in the tech corpus), and resets those.
template <bool kResolved>
void tally(FacetIndex& index, const Xapian::Database& db, FacetIndex::Kind& kd, EntityKind kind,
           const std::vector<Xapian::docid>& docids, bool stories, FacetCounts& out) {
  std::vector<std::uint32_t>& counts = kd.counts;
  std::vector<std::uint32_t>& touched = kd.touched;
  std::vector<std::uint32_t>& stamps = kd.stamps;
  const std::size_t keys = kResolved ? kd.resolved_keys.size() : kd.keys.size();
  counts.resize(keys, 0);
  stamps.resize(keys, 0);
  touched.clear();
  std::uint32_t last_group = 0;
  std::uint8_t ranges = 0;  // money: the ranges of the group's documents so far
  auto add_ranges = [&] {
    for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
      out.money_ranges[r] += (ranges >> r) & 1u;
    ranges = 0;
  };
  for_each_by_story(index, db, docids, stories, [&](Xapian::docid did, std::uint32_t group) {
    if (did + 1 >= kd.offsets.size()) return;
    if (group != last_group) add_ranges();
    last_group = group;
    for (std::uint32_t i = kd.offsets[did]; i < kd.offsets[did + 1]; ++i) {
      std::uint32_t id = kd.ids[i];
      if constexpr (kResolved) id = kd.resolved_id[id];
      // Without stories or aliases a document's keys are distinct: no stamp needed.
      if (kResolved || stories) {
        if (stamps[id] == group) continue;
        stamps[id] = group;
      }
      if (counts[id]++ == 0) touched.push_back(id);
    }
    if (kind == EntityKind::money) ranges |= kd.money_ranges[did];
  });
  add_ranges();
  out.keys.reserve(touched.size());
  for (std::uint32_t id : touched) {
    out.keys.emplace_back(kResolved ? kd.resolved_keys[id] : std::string_view(kd.keys[id]),
                          counts[id]);
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
  std::uint32_t story = 0;  // 0: counts alone
  if (stories_) {
    const std::string key = doc.get_value(schema::kSlotStory);
    if (!key.empty()) {
      const std::uint64_t h = hash_word(key);
      std::uint32_t* id = story_ids_.find(key, h);
      if (!id) {
        id = &story_ids_.insert(key, h);
        *id = std::uint32_t(story_ids_.size());
      }
      story = *id;
    }
  }
  for (Kind& k : kinds_) add_keys(k, doc.get_value(schema::facet_slot(k.kind)), 1, story);
  if (dates_) add_date(doc.get_value(schema::kSlotDate), 1, story);
}

void FacetSpy::add(EntityKind kind, std::string_view value, std::size_t n) {
  if (kind == EntityKind::date) {
    if (dates_) add_date(value, n);
    return;
  }
  for (Kind& k : kinds_)
    if (k.kind == kind) add_keys(k, value, n);
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

FacetCounts merge_counts(const std::vector<FacetCounts>& parts) {
  FacetCounts out;
  std::map<std::string_view, std::size_t> sum;  // views into the parts, which outlive this
  for (const FacetCounts& part : parts) {
    for (const auto& [key, count] : part.keys) sum[key] += count;
    for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
      out.money_ranges[r] += part.money_ranges[r];
  }
  out.keys.reserve(sum.size());
  for (const auto& [key, count] : sum) out.keys.emplace_back(out.owned.emplace_back(key), count);
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
