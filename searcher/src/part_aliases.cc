#include "part_aliases.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <utility>

#include "core/alias_input.h"
#include "core/schema.h"

namespace newsdex::detail {

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// From the parts' stored inputs, or std::nullopt if one has none that is current.
std::optional<AliasTable> from_inputs(const std::vector<Xapian::Database>& parts) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::string> data(parts.size());  // what the inputs' views point into
  std::vector<AliasInput> inputs;
  inputs.reserve(parts.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    data[i] = parts[i].get_metadata(std::string(schema::kMetaPersonAliasInput));
    std::optional<AliasInput> in = parse_alias_input(data[i]);
    if (!in || in->stamp.empty() || in->stamp != alias_input_stamp(parts[i])) {
      spdlog::debug("person aliases: part {} has {} stored input: built from its terms", i + 1,
                    data[i].empty() ? "no"
                    : in            ? "no current"
                                    : "a damaged");
      return std::nullopt;
    }
    inputs.push_back(std::move(*in));
  }
  const AliasInput merged = merge_alias_inputs(inputs);
  const double read_ms = ms_since(t0);
  const auto t1 = std::chrono::steady_clock::now();
  AliasTable table = AliasTable::build_sorted(merged.keys, [&](std::string_view word) {
    auto it = std::lower_bound(merged.known.begin(), merged.known.end(), word,
                               [](const auto& k, std::string_view w) { return k.first < w; });
    return std::string(it != merged.known.end() && it->first == word ? it->second : word);
  });
  spdlog::debug(
      "person aliases: {} keys of {} stored inputs read and merged in {:.1f} ms, {} "
      "aliases built in {:.1f} ms",
      merged.keys.size(), parts.size(), read_ms, table.evidence().size(), ms_since(t1));
  return table;
}

}  // namespace

AliasTable load_person_aliases(const std::vector<Xapian::Database>& parts,
                               const Xapian::Database& all,
                               const std::function<const EntityExtractor&()>& extractor) {
  const auto t0 = std::chrono::steady_clock::now();
  if (parts.size() == 1) {
    if (auto stored =
            AliasTable::parse(all.get_metadata(std::string(schema::kMetaPersonAliases)))) {
      spdlog::debug("person aliases: {} stored, read in {:.1f} ms", stored->evidence().size(),
                    ms_since(t0));
      return std::move(*stored);
    }
  } else if (auto merged = from_inputs(parts)) {
    return std::move(*merged);
  }
  // A database of a build before the tables (or inputs) were stored.
  std::vector<std::pair<std::string, std::size_t>> keys = person_keys(all);
  const double read_ms = ms_since(t0);
  const auto t1 = std::chrono::steady_clock::now();
  std::size_t asked = 0;
  AliasTable table = AliasTable::build(std::move(keys), [&](std::string_view word) {
    ++asked;
    return extractor().canonical_key(EntityKind::person, word);
  });
  spdlog::debug(
      "person aliases: keys of {} database(s) read from their terms in {:.1f} ms, {} "
      "aliases built in {:.1f} ms ({} gazetteer look-ups)",
      parts.size(), read_ms, table.evidence().size(), ms_since(t1), asked);
  return table;
}

}  // namespace newsdex::detail
