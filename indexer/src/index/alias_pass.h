#pragma once
// The end of an index run: the people's alias table (core/aliases.h), rebuilt from the
// database's person keys and their document frequencies, stored in its metadata
// (schema::kMetaPersonAliases) for searchers to read instead of building it per process; and
// what it was built from (schema::kMetaPersonAliasInput, core/alias_input.h), for searchers
// of several databases to build theirs from.
#include <xapian.h>

#include <string>

namespace newsdex::detail {

/// Rebuilds and stores @p db's alias table and its input, with the gazetteer of
/// @p gazetteer_dir (EntityOptions) as evidence too. The caller's next commit must be the
/// one that writes them (the input names the revision it makes: alias_input_stamp()).
void store_person_aliases(Xapian::WritableDatabase& db, const std::string& gazetteer_dir);

}  // namespace newsdex::detail
