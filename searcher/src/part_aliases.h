#pragma once
// The people's alias table (core/aliases.h) a searcher reads: one database's is the table its
// last index run stored; several databases' is built from the inputs their index runs stored
// (core/alias_input.h), merged, so it is the table one database of all their documents would
// store; a part without a current input (an earlier build's database, or documents changed
// since its last index run) makes it built from every part's person terms instead, with the
// searcher's gazetteer.
#include <xapian.h>

#include <functional>
#include <vector>

#include "core/aliases.h"
#include "newsdex/entities.h"

namespace newsdex::detail {

/// The alias table of @p parts searched as one (@p all: all of them in one Database);
/// @p extractor is asked for only when the table is built from the terms.
AliasTable load_person_aliases(const std::vector<Xapian::Database>& parts,
                               const Xapian::Database& all,
                               const std::function<const EntityExtractor&()>& extractor);

}  // namespace newsdex::detail
