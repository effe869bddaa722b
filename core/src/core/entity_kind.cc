#include "newsdex/entity_kind.h"

namespace newsdex {

std::string_view to_string(EntityKind kind) noexcept {
  switch (kind) {
    case EntityKind::company:
      return "company";
    case EntityKind::person:
      return "person";
    case EntityKind::product:
      return "product";
    case EntityKind::money:
      return "money";
    case EntityKind::percent:
      return "percent";
    case EntityKind::date:
      return "date";
  }
  return "unknown";
}

std::optional<EntityKind> parse_entity_kind(std::string_view name) noexcept {
  for (EntityKind k : kAllEntityKinds)
    if (to_string(k) == name) return k;
  return std::nullopt;
}

}  // namespace newsdex
