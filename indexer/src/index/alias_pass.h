#pragma once
// The end of an index run: the people's alias table (core/aliases.h), rebuilt from the
// database's person keys and their document frequencies, stored in its metadata
// (schema::kMetaPersonAliases) for searchers to read instead of building it per process.
#include <xapian.h>

#include <string>

namespace newsdex::detail {

/// Rebuilds and stores @p db's alias table (committed with the run's last commit), with the
/// gazetteer of @p gazetteer_dir (EntityOptions) as evidence too.
void store_person_aliases(Xapian::WritableDatabase& db, const std::string& gazetteer_dir);

}  // namespace newsdex::detail
