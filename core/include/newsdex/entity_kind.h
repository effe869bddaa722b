#pragma once
/// @file entity_kind.h
/// The kinds of entity newsdex extracts, filters and facets on.

#include <cstdint>
#include <optional>
#include <string_view>

#include "newsdex/export.h"

namespace newsdex {

/// The kinds of entity newsdex extracts and facets on.
enum class EntityKind : std::uint8_t { company, person, product, money, percent, date };

/// All kinds, in display order.
inline constexpr EntityKind kAllEntityKinds[] = {EntityKind::company, EntityKind::person,
                                                 EntityKind::product, EntityKind::money,
                                                 EntityKind::percent, EntityKind::date};

/// "company", "person", "product", "money", "percent", "date".
NEWSDEX_API std::string_view to_string(EntityKind kind) noexcept;

/// Parses a kind name as printed by to_string(); std::nullopt if unknown.
NEWSDEX_API std::optional<EntityKind> parse_entity_kind(std::string_view name) noexcept;

}  // namespace newsdex
