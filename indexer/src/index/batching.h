#pragma once
// How many documents the indexer's reader puts in the next batch (one temporary shard).
#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace newsdex::detail {

/// The size of the next batch: @p max_docs (IndexOptions::shard_docs), shrinking towards the
/// end of the input so the @p jobs workers finish together instead of one waiting for the
/// other's last full batch (0.15 s of 2.4 on the first 2,000 tech articles). A batch is at
/// most a 1/jobs share of the records still to come, estimated from the bytes left (@p
/// total_bytes − @p bytes_read) at the rate so far (@p records_read in @p bytes_read), plus
/// the @p batched records not yet dispatched; never less than @p min_docs nor more than
/// @p max_docs.
inline std::size_t next_batch_size(std::uint64_t total_bytes, std::uint64_t bytes_read,
                                   std::size_t records_read, std::size_t batched, unsigned jobs,
                                   std::size_t min_docs, std::size_t max_docs) {
  min_docs = std::min(min_docs, max_docs);
  if (records_read == 0 || bytes_read == 0 || jobs == 0) return max_docs;
  const double left = double(total_bytes > bytes_read ? total_bytes - bytes_read : 0) *
                          double(records_read) / double(bytes_read) +
                      double(batched);
  const double share = std::min(left / double(jobs), double(max_docs));  // fits a size_t
  return std::max(std::size_t(share), min_docs);
}

}  // namespace newsdex::detail
