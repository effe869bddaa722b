#pragma once
// Xapian stub database files (a text file naming databases, one per line) opened as the
// databases they name, so that a stub is searched exactly as the same paths given as
// several --db: per-database facet counting, labels and alias tables from every part.
// (Opened whole, a stub is one Xapian::Database whose metadata is its first part's and
// whose docids interleave its parts', which newsdex's per-database facet index cannot see.)
#include <string>
#include <vector>

namespace newsdex::detail {

/// @p paths with every stub file among them replaced by the databases it names, in order:
/// `auto|glass|chert|honey PATH` (PATH relative to the stub's directory, itself possibly a
/// stub) and `remote HOST:PORT` (as `tcp://HOST:PORT`). Blank lines and `#` comments are
/// skipped. A path that is not a stub file, or a stub with a line of another kind (e.g.
/// `remote :PROGRAM`, `inmemory`), is kept as given: Xapian opens it as before.
/// @throws IndexError naming the stub when stubs name each other in a loop (depth > 8).
std::vector<std::string> expand_stubs(const std::vector<std::string>& paths);

}  // namespace newsdex::detail
