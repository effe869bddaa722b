// EntityExtractor: gazetteer + rule names (entities/names/) merged with the numeric
// recognisers (entities/numeric/); overlaps resolved, mentions returned in text order.

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <system_error>
#include <utility>

#include "analysis/fold.h"
#include "entities/furniture.h"
#include "entities/names.h"
#include "entities/numeric.h"
#include "newsdex/entities.h"
#include "newsdex/error.h"

namespace newsdex {

struct EntityExtractor::Impl {
  detail::Gazetteer gazetteer;
  detail::NameRecognizer names{gazetteer};
};

namespace {

bool is_name_kind(EntityKind k) {
  return k == EntityKind::company || k == EntityKind::person || k == EntityKind::product;
}

/// Lower wins on equal length: numbers are more specific than names.
int priority(EntityKind k) {
  switch (k) {
    case EntityKind::money:
      return 0;
    case EntityKind::percent:
      return 1;
    case EntityKind::date:
      return 2;
    case EntityKind::product:
      return 3;
    case EntityKind::company:
      return 4;
    case EntityKind::person:
      return 5;
  }
  return 6;
}

}  // namespace

EntityExtractor::EntityExtractor(const EntityOptions& options) : impl_(std::make_unique<Impl>()) {
  const std::string dir =
      options.gazetteer_dir.empty() ? default_gazetteer_dir() : options.gazetteer_dir;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw ConfigError("gazetteer directory '" + dir + "' does not exist" +
                      (options.gazetteer_dir.empty()
                           ? std::string(" (set NEWSDEX_GAZETTEER_DIR or --gazetteer)")
                           : std::string()));
  spdlog::debug("gazetteer: {}", dir);
  impl_->gazetteer.load_dir(dir);
}

EntityExtractor::~EntityExtractor() = default;
EntityExtractor::EntityExtractor(EntityExtractor&&) noexcept = default;
EntityExtractor& EntityExtractor::operator=(EntityExtractor&&) noexcept = default;

std::vector<Entity> EntityExtractor::extract(std::string_view text,
                                             const std::optional<CivilDate>& published) const {
  std::vector<Entity> cands;
  impl_->names.find(text, cands);
  detail::find_numeric(text, published, cands);

  // Longest span first; on equal length the more specific kind. Keep what does not overlap
  // anything kept before.
  std::vector<std::size_t> order(cands.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const Entity& a = cands[x];
    const Entity& b = cands[y];
    const std::size_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    if (priority(a.kind) != priority(b.kind)) return priority(a.kind) < priority(b.kind);
    return a.begin < b.begin;
  });
  // Bytes of the text covered by a kept mention (kept mentions are disjoint): a mention is
  // kept iff none of its bytes is covered yet. Per-thread and cleared after use.
  thread_local std::vector<std::uint64_t> covered;
  if (covered.size() < text.size() / 64 + 1) covered.resize(text.size() / 64 + 1);
  auto any_covered = [&](std::size_t b, std::size_t e) {  // some byte of [b, e) covered
    for (std::size_t w = b / 64; w <= (e - 1) / 64; ++w) {
      std::uint64_t m = ~std::uint64_t{0};
      if (w == b / 64) m &= ~std::uint64_t{0} << (b % 64);
      if (w == (e - 1) / 64) m &= ~std::uint64_t{0} >> (63 - (e - 1) % 64);
      if (covered[w] & m) return true;
    }
    return false;
  };
  auto set_covered = [&](std::size_t b, std::size_t e, bool on) {
    for (std::size_t w = b / 64; w <= (e - 1) / 64; ++w) {
      std::uint64_t m = ~std::uint64_t{0};
      if (w == b / 64) m &= ~std::uint64_t{0} << (b % 64);
      if (w == (e - 1) / 64) m &= ~std::uint64_t{0} >> (63 - (e - 1) % 64);
      covered[w] = on ? covered[w] | m : covered[w] & ~m;
    }
  };
  std::vector<std::pair<std::size_t, std::size_t>> kept;  // (begin, index into cands)
  for (std::size_t i : order) {
    const Entity& e = cands[i];
    if (e.end <= e.begin || e.end > text.size()) continue;
    if (any_covered(e.begin, e.end)) continue;
    set_covered(e.begin, e.end, true);
    kept.emplace_back(e.begin, i);
  }
  for (const auto& [b, i] : kept) set_covered(b, cands[i].end, false);
  // Kept mentions are disjoint, so their begins are distinct: sorting by begin is total.
  std::sort(kept.begin(), kept.end());
  std::vector<Entity> out;
  out.reserve(kept.size());
  for (const auto& [b, i] : kept) {
    Entity& e = out.emplace_back(std::move(cands[i]));
    // Name keys fold accents like the analysis chain (`société générale` → `societe
    // generale`), so a filter typed with or without them finds the same documents.
    if (is_name_kind(e.kind)) e.key = detail::fold_name_key(e.key);
  }
  // Credits, runs of headlines, sign-up forms: page furniture, no entities (furniture.h).
  detail::drop_furniture(text, out);
  return out;
}

std::string EntityExtractor::label(EntityKind kind, std::string_view key) const {
  const std::int64_t idx = impl_->gazetteer.find_key(kind, key);
  return idx < 0 ? std::string() : impl_->gazetteer.entry(static_cast<std::uint32_t>(idx)).label;
}

std::string EntityExtractor::canonical_key(EntityKind kind, std::string_view name) const {
  const std::string clean = detail::collapse_space(name);
  switch (kind) {
    case EntityKind::company:
    case EntityKind::person:
    case EntityKind::product: {
      const std::int64_t idx = impl_->gazetteer.find_name(kind, clean);
      if (idx >= 0) return detail::fold_name_key(impl_->gazetteer.entry(std::uint32_t(idx)).key);
      if (kind == EntityKind::company) {
        std::string key = detail::NameRecognizer::company_key(clean);
        const std::int64_t k2 = impl_->gazetteer.find_name(kind, key);
        if (k2 >= 0) return detail::fold_name_key(impl_->gazetteer.entry(std::uint32_t(k2)).key);
        // "Morgan Stanley Group", "Mazda Motor": as the extractor keys them (not where the
        // name before is only a ticker: "AI Group" is no C3.ai).
        if (const std::string_view head = detail::NameRecognizer::same_company_head(key);
            !head.empty())
          if (const std::int64_t k3 = impl_->gazetteer.find_name(kind, head); k3 >= 0) {
            const std::string& found = impl_->gazetteer.entry(std::uint32_t(k3)).key;
            if (found == head || head.size() > 5 || head.find(' ') != std::string_view::npos)
              return detail::fold_name_key(found);
          }
        return detail::fold_name_key(key);
      }
      return detail::fold_name_key(detail::lower_utf8(detail::strip_possessive(clean)));
    }
    case EntityKind::money:
    case EntityKind::percent:
    case EntityKind::date: {
      std::vector<Entity> found;
      if (kind == EntityKind::money)
        detail::find_money(clean, found);
      else if (kind == EntityKind::percent)
        detail::find_percent(clean, found);
      else {
        if (auto d = parse_iso_date(clean)) return to_iso(*d);
        detail::find_dates(clean, std::nullopt, found);
      }
      if (found.size() == 1) return found[0].key;
      if (kind == EntityKind::percent) {
        std::string s = clean;
        while (!s.empty() && (s.back() == '%' || s.back() == ' ')) s.pop_back();
        return detail::lower_utf8(s);
      }
      return detail::lower_utf8(clean);
    }
  }
  return detail::lower_utf8(clean);
}

const std::vector<std::string>& EntityExtractor::protected_words() const {
  return impl_->gazetteer.protected_words();
}

}  // namespace newsdex
