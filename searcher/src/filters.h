#pragma once
// A request's query and its structured filters (SearchRequest::filters) as one parsed query.

#include <xapian.h>

#include "newsdex/searcher.h"
#include "query_parser.h"

namespace newsdex::detail {

/// Parses @p req.query and ANDs every filter of @p req as a pure filter. @throws
/// newsdex::QueryError: for the query, with its offset; for a filter, naming it (offset 0).
ParsedQuery parse_request(QueryParser& parser, const SearchRequest& req, const Xapian::Database& db,
                          const QueryParser::Aliases& aliases = {});

}  // namespace newsdex::detail
