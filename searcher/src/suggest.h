#pragma once
// Did-you-mean from the index's own vocabulary, searched at query time (no spelling table:
// docs/query-language.md gives the measurements behind the choice). A query word whose stem
// is absent or rare is compared with the indexed words that share its first letter and
// about its length (bounded edit distance); the closest, then most frequent, wins if it is
// far more frequent. The word shown is a surface form of that stem read back from a document
// that holds it (the index holds stems only): `nvidai` → `nvidia`, `compnay` → `company`.
#include <xapian.h>

#include <string>

#include "newsdex/analysis.h"

namespace newsdex::detail {

/// @p query with its misspelt words replaced (operators, filters and the other words as
/// typed), or empty when nothing needs correcting.
/// @throws newsdex::QueryError for a malformed query (as the parser would).
std::string suggest(const std::string& query, Analyzer& analyzer, const Xapian::Database& db);

}  // namespace newsdex::detail
