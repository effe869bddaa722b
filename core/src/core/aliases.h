#pragma once
// One key per person across a corpus. The indexer keys each document's people as that
// document names them: `donald trump` where the full name is written, `trump` where only
// the surname is, `vince cable` and `vincent cable` apart. The alias table resolves such
// keys to one canonical key, corpus-wide, from the keys' document frequencies alone (the
// entity terms `XPE<key>` and their term frequencies), so no document is rewritten:
//  - full names that differ only in a variant given name (`vince`/`vincent`, `bill`/
//    `william`) or in middle initials are one person; the canonical key is the most
//    frequent full form;
//  - a surname alone resolves to the full name the corpus knows with that surname, only
//    with evidence: that name has at least 2 documents and 75% of the documents of all full
//    names ending in the surname (so `clinton` stays apart when Bill and Hillary are both
//    common), at least a fifth of the surname's own documents (a surname far more frequent
//    than any full name is likely something else: `jordan` the country is not Michael
//    Jordan), and the surname is rarely a given name (`jordan peterson`); or the gazetteer
//    lists it as the lone surname of a full name the corpus holds (its own evidence).
// Facet counting (searcher/src/facets.cc: each document counted once per resolved key) and
// the person: filter (query_parser.cc: OR of every key that resolves to the same key) both
// read one table, so a facet count equals the total of its filter by construction. The
// indexer stores a database's table in its metadata at the end of every run
// (schema::kMetaPersonAliases); a searcher of several databases builds one from all of them.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newsdex::detail {

/// Why a key resolves to another, and the counts that decided it.
struct AliasEvidence {
  std::string key;                 ///< the alias (`trump`, `vincent cable`)
  std::string canonical;           ///< what it resolves to (`donald trump`, `vince cable`)
  std::size_t key_docs = 0;        ///< documents with the alias's key
  std::size_t canonical_docs = 0;  ///< documents with the canonical key (its group, summed)
  std::size_t rival_docs = 0;      ///< surname: documents of other full names with it
  const char* rule =
      "";  ///< "surname", "surname (filter only)", "given-name variant", "middle initial"
};

class AliasTable {
 public:
  /// Builds the person table from (key, document frequency) pairs.
  /// A one-word key's full name as a gazetteer knows it (`trump` → `donald trump`), or the
  /// word itself.
  using KnownName = std::function<std::string(std::string_view)>;
  /// Builds the person table from (key, document frequency) pairs; with @p known, a one-word
  /// key the gazetteer names as a full name the corpus holds resolves to it whatever the
  /// counts (the gazetteer lists only unambiguous lone surnames).
  static AliasTable build(std::vector<std::pair<std::string, std::size_t>> keys,
                          const KnownName& known = {});
  /// The same from @p keys sorted by key, each once (views: they need not outlive the call).
  static AliasTable build_sorted(const std::vector<std::pair<std::string_view, std::size_t>>& keys,
                                 const KnownName& known = {});
  /// The table as stored in database metadata (every alias with its evidence), and back
  /// (std::nullopt if @p data is damaged).
  std::string serialize() const;
  static std::optional<AliasTable> parse(std::string_view data);

  /// The canonical key of @p key (@p key itself when it is no alias).
  std::string_view resolve(std::string_view key) const;
  /// What a filter on @p key matches: every key that resolves as @p key does, canonical
  /// first. A surname that is no key of its own resolves as one would (`roddick`).
  std::vector<std::string> members(std::string_view key) const;
  /// Whether no key is an alias (counting needs no resolving).
  bool empty() const { return alias_of_.empty(); }
  /// Every alias, with its evidence, by canonical key then key.
  const std::vector<AliasEvidence>& evidence() const { return evidence_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <class V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;
  void index_members();                    // members_ from alias_of_
  Map<std::string> alias_of_;              // alias → canonical
  Map<std::string> surname_of_;            // surname no document has alone → canonical
  Map<std::vector<std::string>> members_;  // canonical → keys
  std::vector<AliasEvidence> evidence_;
};

}  // namespace newsdex::detail
