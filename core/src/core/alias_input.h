#pragma once
// What AliasTable::build (aliases.h) reads from one database, stored in its metadata by every
// index run next to the table itself (schema::kMetaPersonAliasInput): each person key with
// its document frequency, and the gazetteer's full name for each one-word key it knows as
// one. A searcher of several databases merges the parts' inputs (summing the frequencies
// of a key held by several) and builds one table from them, which is the table one
// database of all their documents would store, without walking every part's person terms
// or asking the gazetteer. A part whose input is missing (a database of an earlier build)
// or stale (a commit since: the stamp) is read the old way.
#include <xapian.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsdex::detail {

struct AliasInput {
  /// (person key, document frequency), sorted by key, each key once.
  std::vector<std::pair<std::string_view, std::size_t>> keys;
  /// (one-word key, the gazetteer's full name for it), sorted, only where the two differ.
  std::vector<std::pair<std::string_view, std::string_view>> known;
  std::string_view stamp;  ///< alias_input_stamp() of the database when stored
};

/// What identifies a database's documents cheaply: its revision (every commit makes a new
/// one), document count, last docid and total length. With @p before_commit, the stamp the
/// database will have after its next commit (what the index run stores, then commits): an
/// input stored before documents were added, removed or changed no longer matches. Empty
/// for a database without a revision (a remote one), which no stored stamp matches.
std::string alias_input_stamp(const Xapian::Database& db, bool before_commit = false);

/// The stored form of an input (views into @p keys and @p known need not outlive it).
std::string serialize_alias_input(const AliasInput& input);
/// The input stored as @p data (views into it), or std::nullopt if it is damaged.
std::optional<AliasInput> parse_alias_input(std::string_view data);

/// A database's person keys (`XPE` terms) with their document frequencies, sorted.
std::vector<std::pair<std::string, std::size_t>> person_keys(const Xapian::Database& db);

/// The input of a database of @p keys (person_keys()) and @p stamp, as stored: @p known
/// (the gazetteer: a one-word key's full name, or the word) asked for every one-word key.
std::string make_alias_input(const std::vector<std::pair<std::string, std::size_t>>& keys,
                             const std::function<std::string(std::string_view)>& known,
                             std::string_view stamp);

/// What is wrong with @p db's stored input and table (`newsdex check`): none when it has no
/// input (an earlier build) or a stale one (searches read the terms instead). A current one
/// must hold @p db's person keys, its gazetteer names must be @p known's (when given: the
/// gazetteer the database was indexed with), and the stored table must be the one built
/// from it.
std::vector<std::string> alias_input_problems(
    const Xapian::Database& db, const std::function<std::string(std::string_view)>& known);

/// The inputs merged as one database of all their documents would store it: keys in order,
/// the frequencies of a key summed, known names united (parts indexed with gazetteers that
/// name a word differently: the name first in byte order, so any order of parts agrees).
AliasInput merge_alias_inputs(const std::vector<AliasInput>& parts);

}  // namespace newsdex::detail
