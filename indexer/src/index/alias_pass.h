#pragma once
// The end of an index run: the people's alias table (core/aliases.h), rebuilt from the
// database's person keys and their document frequencies, stored in its metadata
// (schema::kMetaPersonAliases) for searchers to read instead of building it per process.
#include <xapian.h>

namespace newsdex::detail {

/// Rebuilds and stores @p db's alias table (committed with the run's last commit).
void store_person_aliases(Xapian::WritableDatabase& db);

}  // namespace newsdex::detail
