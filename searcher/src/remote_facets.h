#pragma once
// Facets and databases over Xapian's remote protocol.
//
// A remote server runs the match spies itself: a spy must be serialisable and known to the
// server's Xapian::Registry, and `xapian-tcpsrv` knows only Xapian's own. FacetSpy is
// neither, but what it counts is in value slots, and Xapian's ValueCountMatchSpy (built in,
// serialisable, its results merged across databases by Xapian) counts the documents holding
// each distinct value of a slot. A facet slot holds a document's keys of one kind as one
// value (schema::encode_keys, each key at most once), so a distinct value is a distinct key
// set: decoding each and adding its count to every key in it gives each key's documents,
// exactly what FacetSpy counts one document at a time (FacetSpy::add does both). The date
// facet counts kSlotDate's values the same way.
#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "facets.h"

namespace newsdex::detail {

/// One ValueCountMatchSpy per slot of the kinds asked for, added to an Enquire before its
/// match; their counts summed into a FacetSpy after it.
class ValueCountFacets {
 public:
  explicit ValueCountFacets(const std::vector<EntityKind>& kinds);
  /// Adds the spies to @p enquire (which must not outlive this).
  void attach(Xapian::Enquire& enquire);
  /// Adds what the spies counted to @p out (documents seen included).
  void add_to(FacetSpy& out) const;

 private:
  std::vector<std::pair<EntityKind, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
};

/// Whether @p path names a remote database: `tcp://HOST:PORT`, or a stub file with a
/// `remote` line (Xapian's stub format).
bool is_remote_path(const std::string& path);

/// Opens `tcp://HOST:PORT` (HOST a name, an IPv4 address or [IPv6]) with Xapian's remote
/// backend, @p timeout_ms for connecting and for every exchange. @throws IndexError naming
/// @p path if it is malformed or the shard cannot be reached.
Xapian::Database open_remote(const std::string& path, unsigned timeout_ms);

/// `tcp://HOST:PORT` for a Xapian error context `remote:tcp(HOST:PORT)`; empty for another.
std::string remote_name(const std::string& context);

/// Test hook: count facets with ValueCountFacets on local databases too (the remote path,
/// compared with FacetSpy by the tests). Read when a Searcher is constructed.
extern bool g_value_count_facets;

}  // namespace newsdex::detail
