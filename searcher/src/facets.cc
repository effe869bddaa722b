#include "facets.h"

#include <algorithm>
#include <map>

#include "core/schema.h"

namespace newsdex::detail {

void FacetIndex::reset() {
  for (auto& k : kinds_) k = Kind{};
  dates_.clear();
  dates_loaded_ = false;
}

FacetIndex::Kind& FacetIndex::kind(const Xapian::Database& db, EntityKind k) {
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

const std::vector<std::uint32_t>& FacetIndex::dates(const Xapian::Database& db) {
  if (dates_loaded_) return dates_;
  dates_.assign(std::size_t(db.get_lastdocid()) + 1, 0);
  for (auto v = db.valuestream_begin(schema::kSlotDate); v != db.valuestream_end(schema::kSlotDate);
       ++v)
    if (auto d = schema::parse_date_value(*v))
      dates_[v.get_docid()] = std::uint32_t(d->year * 10000 + d->month * 100 + d->day);
  dates_loaded_ = true;
  return dates_;
}

namespace {

FacetCounts count_dates(FacetIndex& index, const Xapian::Database& db, DateBucket bucket,
                        const std::vector<Xapian::docid>& docids) {
  FacetCounts out;
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
    const CivilDate date{int(k / 10000), int(k / 100 % 100), int(k % 100)};
    out.keys.emplace_back(out.owned.emplace_back(to_iso(date)), c);
  }
  return out;
}

}  // namespace

FacetCounts count_facets(FacetIndex& index, const Xapian::Database& db, EntityKind kind,
                         DateBucket bucket, const std::vector<Xapian::docid>& docids) {
  if (kind == EntityKind::date) return count_dates(index, db, bucket, docids);
  FacetCounts out;
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
