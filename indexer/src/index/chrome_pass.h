#pragma once
// The chrome step of an index run: per-source page-chrome models learned from the inputs in
// a light first pass (corpus/chrome.h), stored in the database, and reused from it for
// sources with too little text in this run.
#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "corpus/chrome.h"
#include "newsdex/indexer.h"

namespace newsdex::detail {

/// Learns a chrome model per source from @p inputs as an index run does (the first pass:
/// ChromeModel::kSampleDocs documents of each source, spread evenly over it, observed by
/// IndexOptions::jobs threads, which must be at least 1); @p sources receives every source
/// seen. Used by prepare_chrome() and by bench/entity_eval (the indexer's text, chrome
/// removed, is what the extractor sees).
ChromeModel learn_chrome(const std::vector<std::string>& inputs, const IndexOptions& options,
                         std::set<std::string>& sources);

/// Deletes the stale `chrome:` models of earlier builds from @p db, then, with
/// IndexOptions::remove_chrome, learns a model per source from @p inputs (spread over
/// `jobs` threads), stores the models that changed, and loads the stored model of each
/// source this run saw too little of. Nothing is committed. Without remove_chrome the
/// model is empty.
ChromeModel prepare_chrome(Xapian::WritableDatabase& db, const std::vector<std::string>& inputs,
                           const IndexOptions& options);

}  // namespace newsdex::detail
