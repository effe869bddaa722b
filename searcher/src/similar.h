#pragma once
// More like this (Searcher::similar): the query that finds the articles most like one.
#include <xapian.h>

#include <optional>

#include "query_parser.h"

namespace newsdex::detail {

/// Terms of the query more_like() builds: the document's best-discriminating words.
inline constexpr unsigned kSimilarTerms = 30;

/// The query for the articles most like document @p did of @p db: an OR of its kSimilarTerms
/// words that best tell it apart from the rest of @p db (Xapian's relevance-feedback term
/// selection, Enquire::get_eset with the document as the relevant set; prefixed terms,
/// numbers and words no other story has left out), minus the document itself and every document of
/// its story (schema::kSlotStory), filtered by @p filter when there is one (its words rank
/// nothing). The words are also the highlighted stems.
ParsedQuery more_like(const Xapian::Database& db, Xapian::docid did,
                      const std::optional<ParsedQuery>& filter);

}  // namespace newsdex::detail
