#include "boolean_match.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <utility>

namespace newsdex::detail {
namespace {

using Docids = std::vector<Xapian::docid>;
using Q = Xapian::Query;

// A term's documents are checked one candidate at a time (PostingIterator::skip_to) when
// it has this many times more documents than there are candidates; below that, reading its
// whole list and intersecting two arrays is cheaper.
constexpr double kSkipRatio = 8;

Docids postings(const Xapian::Database& db, const std::string& term) {
  Docids out;
  out.reserve(db.get_termfreq(term));
  for (Xapian::PostingIterator it = db.postlist_begin(term), end = db.postlist_end(term); it != end;
       ++it)
    out.push_back(*it);
  return out;
}

Docids every_document(const Xapian::Database& db) {
  Docids out;
  out.reserve(db.get_doccount());
  for (Xapian::PostingIterator it = db.postlist_begin(""), end = db.postlist_end(""); it != end;
       ++it)
    out.push_back(*it);
  return out;
}

std::vector<Q> subqueries(const Q& q) {
  std::vector<Q> out;
  out.reserve(q.get_num_subqueries());
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) out.push_back(q.get_subquery(i));
  return out;
}

std::string term_of(const Q& leaf) { return *leaf.get_terms_begin(); }

Docids evaluate(const Xapian::Database& db, const Q& q);

// The candidates of @p in that @p q matches (@p keep) or does not match (!keep).
Docids keep_matching(const Xapian::Database& db, Docids in, const Q& q, bool keep) {
  if (q.get_type() == Q::LEAF_MATCH_ALL) return keep ? std::move(in) : Docids{};
  if (q.get_type() == Q::LEAF_MATCH_NOTHING) return keep ? Docids{} : std::move(in);
  Docids out;
  const std::string term = q.get_type() == Q::LEAF_TERM ? term_of(q) : std::string();
  if (!term.empty() && double(db.get_termfreq(term)) > kSkipRatio * double(in.size())) {
    Xapian::PostingIterator it = db.postlist_begin(term);
    const Xapian::PostingIterator end = db.postlist_end(term);
    for (Xapian::docid did : in) {
      if (it != end && *it < did) it.skip_to(did);
      if ((it != end && *it == did) == keep) out.push_back(did);
    }
    return out;
  }
  const Docids other = evaluate(db, q);
  out.reserve(keep ? std::min(in.size(), other.size()) : in.size());
  if (keep)
    std::set_intersection(in.begin(), in.end(), other.begin(), other.end(),
                          std::back_inserter(out));
  else
    std::set_difference(in.begin(), in.end(), other.begin(), other.end(), std::back_inserter(out));
  return out;
}

Docids evaluate_and(const Xapian::Database& db, std::vector<Q> subs) {
  // The smallest first, then each other one's test of the ever fewer candidates: a term by
  // its document frequency, anything else as large as the database (evaluated last, when
  // the candidates are fewest).
  auto size_of = [&](const Q& s) -> double {
    if (s.get_type() == Q::LEAF_TERM) return double(db.get_termfreq(term_of(s)));
    if (s.get_type() == Q::LEAF_MATCH_NOTHING) return 0;
    return double(db.get_doccount()) + (s.get_type() == Q::LEAF_MATCH_ALL ? 1 : 0);
  };
  std::vector<std::pair<double, Q>> sized;  // (each size looked up once, not per comparison)
  sized.reserve(subs.size());
  for (Q& sub : subs) sized.emplace_back(size_of(sub), std::move(sub));
  std::stable_sort(sized.begin(), sized.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Docids in = evaluate(db, sized.front().second);
  for (std::size_t i = 1; i < sized.size() && !in.empty(); ++i)
    in = keep_matching(db, std::move(in), sized[i].second, true);
  return in;
}

// Union (@p odd: the documents in an odd number of @p subs, XOR).
Docids evaluate_or(const Xapian::Database& db, const std::vector<Q>& subs, bool odd) {
  if (subs.size() == 1) return evaluate(db, subs.front());
  if (subs.size() == 2 && !odd) {
    const Docids a = evaluate(db, subs[0]), b = evaluate(db, subs[1]);
    Docids out;
    out.reserve(a.size() + b.size());
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
  }
  Docids all;
  for (const Q& s : subs) {
    const Docids d = evaluate(db, s);
    all.insert(all.end(), d.begin(), d.end());
  }
  std::sort(all.begin(), all.end());
  Docids out;
  out.reserve(all.size());
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i + 1;
    while (j < all.size() && all[j] == all[i]) ++j;
    if (!odd || (j - i) % 2 == 1) out.push_back(all[i]);
    i = j;
  }
  return out;
}

Docids evaluate(const Xapian::Database& db, const Q& q) {
  switch (q.get_type()) {
    case Q::LEAF_TERM:
      return postings(db, term_of(q));
    case Q::LEAF_MATCH_ALL:
      return every_document(db);
    case Q::LEAF_MATCH_NOTHING:
      return {};
    case Q::OP_AND:
    case Q::OP_FILTER:
      return evaluate_and(db, subqueries(q));
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
      return evaluate_or(db, subqueries(q), false);
    case Q::OP_XOR:
      return evaluate_or(db, subqueries(q), true);
    case Q::OP_AND_NOT: {
      const std::vector<Q> subs = subqueries(q);
      Docids in = evaluate(db, subs.front());
      for (std::size_t i = 1; i < subs.size() && !in.empty(); ++i)
        in = keep_matching(db, std::move(in), subs[i], false);
      return in;
    }
    case Q::OP_AND_MAYBE:  // the optional side only weighs
    case Q::OP_SCALE_WEIGHT:
      return evaluate(db, q.get_subquery(0));
    default:  // boolean_matchable() said no
      return {};
  }
}

}  // namespace

bool boolean_matchable(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Q::LEAF_TERM:
    case Q::LEAF_MATCH_ALL:
    case Q::LEAF_MATCH_NOTHING:
      return true;
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_XOR:
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT: {
      if (query.get_num_subqueries() == 0) return false;
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (!boolean_matchable(query.get_subquery(i))) return false;
      return true;
    }
    default:
      return false;
  }
}

std::optional<std::vector<Xapian::docid>> boolean_match(const Xapian::Database& db,
                                                        const Xapian::Query& query) {
  if (!boolean_matchable(query)) return std::nullopt;
  return evaluate(db, query);
}

}  // namespace newsdex::detail
