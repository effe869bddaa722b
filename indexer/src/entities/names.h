#pragma once
// Gazetteer and rule-based recognition of companies, people and products. Internal header.
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/entities.h"

namespace newsdex::detail {

/// Names loaded from corpus/gazetteer/{companies,people,products}.tsv.
class Gazetteer;

/// Appends company/person/product mentions found in text: gazetteer aliases and tickers
/// first, then rules for names the gazetteer lacks.
class NameRecognizer;

}  // namespace newsdex::detail
