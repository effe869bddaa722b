#pragma once
/// @file entities.h
/// Named-entity extraction for news text: companies, people, products, money amounts,
/// percentages and dates, each with a canonical key.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/civil_date.h"
#include "newsdex/entity_kind.h"
#include "newsdex/export.h"

namespace newsdex {

/// One entity mention.
///
/// Canonical keys:
///  - company/person/product: lower-case canonical name, Latin accents folded (`microsoft`,
///    `sam altman`, `gpt-4`, `societe generale`)
///  - money: `CUR:AMOUNT`, ISO 4217 code and whole units (`USD:500000000000`); amounts
///    below one unit keep up to two decimals (`USD:0.17`)
///  - percent: the number as written, normalised (`34`, `3.5`)
///  - date: ISO (`2025-01-22`, `2025-01`, `2025`)
struct Entity {
  EntityKind kind = EntityKind::company;
  std::string key;        ///< canonical key (see above)
  std::string text;       ///< the surface text as it appears
  std::size_t begin = 0;  ///< byte offset of the first byte of the mention
  std::size_t end = 0;    ///< byte offset one past the last byte
  double amount = 0;      ///< money: amount in whole units; percent: the value; else 0
};

/// Options for EntityExtractor.
struct EntityOptions {
  /// Directory holding the gazetteer files (companies.tsv, people.tsv, products.tsv).
  /// Empty: default_gazetteer_dir().
  std::string gazetteer_dir;
};

/// The gazetteer directory used when none is given: `$NEWSDEX_GAZETTEER_DIR` if set; else
/// `share/newsdex/gazetteer` found relative to the installed library or executable (so an
/// installation works wherever its prefix is moved); else `corpus/gazetteer` of the source
/// tree it was built from; else the configured install path.
NEWSDEX_API std::string default_gazetteer_dir();

/// Finds entities in text. Build one per thread and reuse it; extract() is const but
/// an extractor is not guaranteed to be thread-safe.
class NEWSDEX_API EntityExtractor {
 public:
  /// Loads the gazetteers. @throws newsdex::ConfigError if a gazetteer cannot be read.
  explicit EntityExtractor(const EntityOptions& options = {});
  ~EntityExtractor();
  EntityExtractor(EntityExtractor&&) noexcept;
  EntityExtractor& operator=(EntityExtractor&&) noexcept;

  /// Extracts every mention in @p text, ordered by begin offset.
  /// @param published the article's published date, used to resolve relative dates
  ///        ("last Tuesday", "next year"); without it relative dates are not emitted.
  std::vector<Entity> extract(std::string_view text,
                              const std::optional<CivilDate>& published = std::nullopt) const;

  /// Canonical key for a company/person/product name or alias as a user types it
  /// (`MSFT`, `Microsoft Corp.` → `microsoft`); the lower-cased input if unknown.
  std::string canonical_key(EntityKind kind, std::string_view name) const;

  /// Display label of a company/person/product key from the gazetteer (`softbank` →
  /// `SoftBank`); empty when the key is not in the gazetteer.
  std::string label(EntityKind kind, std::string_view key) const;

  /// Lower-cased single words that name products or companies and must not be stemmed
  /// (`windows`, `azure`), so `Windows` is not found by `window`.
  const std::vector<std::string>& protected_words() const;

 private:
  struct NEWSDEX_LOCAL Impl;  // not exported from a shared build
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
