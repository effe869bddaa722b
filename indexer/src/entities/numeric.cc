// Numeric entity recognisers: money amounts, percentages and dates.
//
// Each recogniser is a hand-written single pass over the text. It jumps from trigger to
// trigger (a digit, a currency sign, the first letter of a possible keyword at a word
// start) and does a bounded look-around from there: whitespace runs between tokens are
// capped, keywords are found with one hash probe, and a failed attempt always resumes past
// its trigger. The cost is therefore linear in the input whatever it contains (invalid
// UTF-8, megabytes without a newline, runs of digits or dollar signs), and nothing is
// allocated except the entities. No regex anywhere.
//
// The pieces, in entities/numeric/: scan.h (+ scan.cc) the scan engine the recognisers
// share (character and UTF-8 helpers, numbers, the keyword table, trigger blocks);
// money.cc, percent.cc and dates.cc the recognisers, each with its pass and find_*
// function (the calendar arithmetic is core/civil.h). This file runs the three passes
// over one set of trigger blocks: find_numeric.

#include "entities/numeric.h"

#include <optional>
#include <string_view>
#include <vector>

#include "entities/numeric/scan.h"

namespace newsdex::detail {

void find_numeric(std::string_view s, const std::optional<CivilDate>& published,
                  std::vector<Entity>& out) {
  const std::vector<numeric::TriggerBlock>& blocks = numeric::trigger_blocks(s);
  numeric::money_pass(s, blocks, out);
  numeric::percent_pass(s, blocks, out);
  numeric::dates_pass(s, blocks, published, out);
}

}  // namespace newsdex::detail
