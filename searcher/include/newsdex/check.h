#pragma once
/// @file check.h
/// Integrity check of a newsdex database (`newsdex check`), in the spirit of SQLite FTS5's
/// `integrity-check`: Xapian's own table checks, the schema, every document's stored fields
/// and values, its entity terms against a fresh extraction from its stored text, leftovers
/// of an interrupted run beside the database, and the counts. docs/check.md says what each
/// check compares.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/export.h"

namespace newsdex {

/// Options for check_database().
struct CheckOptions {
  /// The gazetteer directory the database was indexed with (see
  /// EntityOptions::gazetteer_dir); another gazetteer finds other entities.
  std::string gazetteer_dir;
  /// Compare every document's entity terms with a fresh extraction from its stored text
  /// (most of the check's time); false for `--quick`.
  bool entities = true;
  /// Problems kept in CheckReport::problems; the rest are only counted.
  std::size_t max_problems = 1000;
};

/// What a problem concerns.
enum class CheckProblemKind : std::uint8_t {
  open,      ///< the database is missing or cannot be opened or read
  table,     ///< Xapian's table check found damage
  schema,    ///< schema or language metadata missing or not this build's
  id,        ///< a document's `Q` id term missing, repeated, or not its stored id's
  data,      ///< a document's stored fields or values do not decode or disagree
  entities,  ///< a document's entity terms differ from its text's entities
  leftover,  ///< `<db>.new`, `<db>.old` or `<db>.tmp-*` beside the database
  count      ///< the document count disagrees with the id terms
};

/// The name of a problem kind: `open`, `table`, `schema`, `id`, `data`, `entities`,
/// `leftover`, `count`.
NEWSDEX_API std::string_view to_string(CheckProblemKind kind);

/// One problem found.
struct CheckProblem {
  CheckProblemKind kind = CheckProblemKind::open;
  std::string what;       ///< one line, for people
  std::string id;         ///< the document's id, when the problem is a document's and it has one
  std::size_t docid = 0;  ///< the document's Xapian docid, 0 if not a document's problem
};

/// The result of a check.
struct CheckReport {
  std::size_t documents = 0;           ///< documents examined
  bool entities_checked = false;       ///< whether entity terms were compared
  std::vector<CheckProblem> problems;  ///< the first CheckOptions::max_problems problems
  std::size_t total_problems = 0;      ///< every problem found, kept or not
  /// True when nothing is wrong.
  bool ok() const { return total_problems == 0; }
};

/// Progress of a check, reported about twice a second.
struct CheckProgress {
  std::string_view stage;  ///< "tables" (Xapian's check) or "documents"
  std::size_t done = 0;    ///< documents examined so far
  std::size_t total = 0;   ///< documents in the database
  double seconds = 0;      ///< since the check started
};

/// Checks the database at @p path (read-only: it takes no lock and changes nothing). A
/// missing, unopenable or damaged database is reported as problems, not thrown.
/// @throws newsdex::ConfigError if the gazetteer cannot be read (only with
///         CheckOptions::entities).
NEWSDEX_API CheckReport
check_database(const std::string& path, const CheckOptions& options = {},
               const std::function<void(const CheckProgress&)>& on_progress = {});

}  // namespace newsdex
