#include "index/alias_pass.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "core/aliases.h"
#include "core/schema.h"
#include "newsdex/entities.h"

namespace newsdex::detail {

void store_person_aliases(Xapian::WritableDatabase& db, const std::string& gazetteer_dir) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string prefix(schema::entity_prefix(EntityKind::person));
  std::vector<std::pair<std::string, std::size_t>> keys;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
    keys.emplace_back((*t).substr(prefix.size()), t.get_termfreq());
  const EntityExtractor extractor(EntityOptions{gazetteer_dir});
  const AliasTable table = AliasTable::build(std::move(keys), [&](std::string_view word) {
    return extractor.canonical_key(EntityKind::person, word);
  });
  const std::string key(schema::kMetaPersonAliases), value = table.serialize();
  if (db.get_metadata(key) != value) db.set_metadata(key, value);
  spdlog::debug(
      "person aliases: {} stored, {:.1f} ms", table.evidence().size(),
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
}

}  // namespace newsdex::detail
