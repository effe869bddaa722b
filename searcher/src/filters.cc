#include "filters.h"

#include <algorithm>
#include <string>

#include "newsdex/error.h"

namespace newsdex::detail {

namespace {

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

/// The filter as query text: `field:value`, the value quoted when it holds anything the
/// query language would read as syntax.
std::string filter_text(const Filter& f, std::size_t index) {
  auto fail = [&](const std::string& why) {
    return QueryError(
        "filter " + std::to_string(index + 1) + " (" + f.field + ":" + f.value + "): " + why, 0);
  };
  if (f.field.empty() || f.field.find_first_of(" \t\r\n:\"()") != std::string::npos)
    throw fail("the field must be one word");
  if (blank(f.value)) throw fail("the value is empty");
  if (f.value.find('"') != std::string::npos) throw fail("the value may not hold '\"'");
  const bool quote = f.value.find_first_of(" \t\r\n()") != std::string::npos;
  return f.field + ":" + (quote ? "\"" + f.value + "\"" : f.value);
}

}  // namespace

ParsedQuery parse_request(QueryParser& parser, const SearchRequest& req, const Xapian::Database& db,
                          const QueryParser::Aliases& aliases) {
  const bool no_query = blank(req.query) && !req.filters.empty();
  ParsedQuery pq;
  if (!no_query) pq = parser.parse(req.query, req.match, db, aliases);
  for (std::size_t i = 0; i < req.filters.size(); ++i) {
    const std::string text = filter_text(req.filters[i], i);
    Xapian::Query f;
    try {
      f = parser.parse(text, DefaultMatch::all, db, aliases).query;
    } catch (const QueryError& e) {
      throw QueryError("filter " + std::to_string(i + 1) + " (" + text + "): " + e.what(), 0);
    }
    if (pq.query.empty())
      pq.query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, f, 0);  // filter-only: unranked
    else
      pq.query = Xapian::Query(Xapian::Query::OP_FILTER, pq.query, f);
  }
  return pq;
}

}  // namespace newsdex::detail
