#pragma once
// newsdex's query language → Xapian::Query, through the same Analyzer as the index.
#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

#include "core/aliases.h"
#include "newsdex/analysis.h"
#include "newsdex/entities.h"
#include "newsdex/searcher.h"

namespace newsdex {

/// What a parse yields besides the query: the words to highlight in snippets.
struct ParsedQuery {
  Xapian::Query query;
  std::vector<std::string> highlight;  ///< normalised unstemmed words (positive only)
  std::vector<std::string> highlight_stems;
  std::vector<std::string> highlight_prefixes;  ///< of wildcards: words starting so are matches
};

/// A stretch of a query whose words are searched as text: a free word, the inside of a
/// phrase, a `title:` value; [begin, end) bytes of the query. Negated atoms, wildcards and
/// the values of entity, source, money and date filters are not listed.
struct QueryText {
  std::size_t begin = 0, end = 0;
};

/// The QueryText stretches of @p query, in order (did-you-mean corrects only these, so the
/// rest of the query, its operators and filters, stays as typed).
/// @throws newsdex::QueryError as QueryParser::parse() would for a malformed query.
std::vector<QueryText> query_texts(const std::string& query);

/// Parses queries. Grammar (docs/query-language.md):
///   query  := seq ("OR" seq)*
///   seq    := unit+                      (joined by the default match: all/any)
///   unit   := unary ("AND" unary)*
///   unary  := ("NOT" | "-") atom | "+"? atom
///   atom   := "(" query ")" | "\"" words "\"" | field ":" value | word ("NEAR"[/n] word)*
/// Fields: title, source, company, person, product, money, percent, date.
class QueryParser {
 public:
  /// The entity extractor, asked for only when a filter's value is no key the index holds.
  using Extractor = std::function<const EntityExtractor&()>;
  QueryParser(Analyzer& analyzer, Extractor extractor);
  /// People's alias table, asked for only when the query has a person: filter.
  using Aliases = std::function<const detail::AliasTable&()>;
  /// Parses @p query for @p db, whose stored terms `money:`/`percent:` ranges expand over
  /// (so a range means what it matches in this database, never silently nothing), and
  /// `company:`/`person:`/`product:` values are looked up in (a stored key as written, else
  /// the name's canonical key); a person matches every key @p aliases resolves alike.
  /// @throws newsdex::QueryError with the byte offset of the problem.
  ParsedQuery parse(const std::string& query, DefaultMatch match, const Xapian::Database& db,
                    const Aliases& aliases = {});

  /// Build queries from Xapian's own parts only (its built-in posting sources), which a
  /// remote server (xapian-tcpsrv) can unserialise: set when any database is remote.
  void set_portable(bool portable) { portable_ = portable; }

 private:
  Analyzer& analyzer_;
  Extractor extractor_;
  bool portable_ = false;
};

}  // namespace newsdex
