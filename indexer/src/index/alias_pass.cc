#include "index/alias_pass.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "core/alias_input.h"
#include "core/aliases.h"
#include "core/schema.h"
#include "newsdex/entities.h"

namespace newsdex::detail {

namespace {

void set_if_changed(Xapian::WritableDatabase& db, std::string_view key, const std::string& value) {
  const std::string k(key);
  if (db.get_metadata(k) != value) db.set_metadata(k, value);
}

}  // namespace

void store_person_aliases(Xapian::WritableDatabase& db, const std::string& gazetteer_dir) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, std::size_t>> keys = person_keys(db);
  const EntityExtractor extractor(EntityOptions{gazetteer_dir});
  auto known = [&](std::string_view word) {
    return extractor.canonical_key(EntityKind::person, word);
  };
  // What a table of this database with others is built from (core/alias_input.h).
  set_if_changed(db, schema::kMetaPersonAliasInput,
                 make_alias_input(keys, known, alias_input_stamp(db, true)));
  const std::size_t key_count = keys.size();
  const AliasTable table = AliasTable::build(std::move(keys), known);
  set_if_changed(db, schema::kMetaPersonAliases, table.serialize());
  spdlog::debug(
      "person aliases: {} stored, of {} keys, {:.1f} ms", table.evidence().size(), key_count,
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
}

}  // namespace newsdex::detail
