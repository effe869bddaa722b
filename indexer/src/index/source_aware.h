#pragma once
// Source-aware entity filtering, between extraction and the document's entity terms: what
// an article says about itself is not an entity of the article.
//  - Its publisher: the source (`VentureBeat`, `The Verge`, `BBC News`: the BBC) is no
//    company of its own articles (VentureBeat was counted in every VentureBeat article).
//  - Its bylines: the people named after `By` at the head of a byline (`By Emma Roth and
//    Jay Peters`, `By guest contributor Josh Pereira`), in an `Authors` list or right
//    before the page's share bar (`Kim-Mai Cutler Share on Facebook`), and every other
//    mention of them in the same article, are no people of the article; nor is the author
//    a live blog names after an entry's stamp (`Nov 18 Jay Peters`; that mention only).
//    An `Authors` list holds every capitalised name up to its end (names no list knows
//    break no chain), and the subject of an author's bio (`Jane Roe is a senior writer at
//    WIRED`, where the company after is the publisher) is a byline too.
// (Labels: schema::clean_label.)
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/entities.h"

namespace newsdex::detail {

/// The company keys that name the publisher @p source (its canonical key, and that of the
/// source without a leading "The" or a trailing "News"); empty for an empty source.
std::vector<std::string> publisher_keys(const EntityExtractor& extractor, std::string_view source);

/// Removes from @p ents (mentions in @p text, sorted by offset) the publisher's companies
/// (@p publisher: publisher_keys()) and the byline people, with all their mentions.
void drop_source_entities(std::string_view text, const std::vector<std::string>& publisher,
                          std::vector<Entity>& ents);

}  // namespace newsdex::detail
