#pragma once
// Article + analysis + entities → Xapian::Document. Pure: no database, so it is tested alone.
#include <xapian.h>

#include <string>
#include <tuple>
#include <vector>

#include "newsdex/analysis.h"
#include "newsdex/article.h"
#include "newsdex/entities.h"

namespace newsdex {

/// A built document and what the writer needs besides it.
struct BuiltDocument {
  Xapian::Document doc;
  std::string id_term;
  std::string hash;
  /// (kind, key, label) of each entity, for the label metadata facets display.
  std::vector<std::tuple<EntityKind, std::string, std::string>> labels;
};

class DocumentBuilder {
 public:
  /// @p extractor may be null: then no entities are extracted (for benchmarks).
  DocumentBuilder(Analyzer& analyzer, const EntityExtractor* extractor);

  /// Builds the document for @p a; @p hash is its content hash (schema::content_hash).
  BuiltDocument build(const Article& a, const std::string& hash);

  /// Content hash of an article (the fields that are indexed).
  static std::string hash_of(const Article& a);

 private:
  Analyzer& analyzer_;
  const EntityExtractor* extractor_;
  std::vector<Token> tokens_;
  std::vector<const std::string*> stems_;  // Analyzer::stems() of tokens_
  std::string publisher_source_;           // the source publisher_ was made for
  std::vector<std::string> publisher_;     // its company keys (source_aware.h)
};

}  // namespace newsdex
