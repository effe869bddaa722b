#pragma once
// The entity tests' view of the extractor with the repository's gazetteer: the distinct keys
// of one kind that a text gives, in order of first mention.

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "newsdex/entities.h"

namespace newsdex::test {

/// One extractor over corpus/gazetteer for every test of the runner.
inline const EntityExtractor& gazetteer_extractor() {
  static const EntityExtractor e(EntityOptions{NEWSDEX_GAZETTEER_DIR});
  return e;
}

/// The distinct keys of @p kind found in @p text, in order of first mention, separated by
/// @p sep.
inline std::string keys_found(const std::string& text, EntityKind kind,
                              const std::string& sep = " | ") {
  std::string out;
  std::set<std::string> seen;
  for (const Entity& e : gazetteer_extractor().extract(text))
    if (e.kind == kind && seen.insert(e.key).second) out += (out.empty() ? "" : sep) + e.key;
  return out;
}

/// Checks every (text, keys) case: the distinct keys of @p kind in the text, "|"-separated.
inline void expect_keys(EntityKind kind,
                        const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [text, want] : cases) {
    CAPTURE(text);
    CHECK(keys_found(text, kind, "|") == want);
  }
}

/// The distinct company keys found in @p text, " | "-separated.
inline std::string companies(const std::string& text) {
  return keys_found(text, EntityKind::company);
}

}  // namespace newsdex::test
