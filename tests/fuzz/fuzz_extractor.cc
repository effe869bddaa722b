// libFuzzer target: entity extraction (companies, people, products, money, percentages,
// dates) on arbitrary text: without a published date, with an ordinary one, and with one of
// a few an article can carry, edges of the calendar among them (relative dates such as
// "next year" resolve against it). extract() documents no exception: none may escape.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "newsdex/entities.h"

namespace {

const newsdex::EntityExtractor& extractor() {
  static const newsdex::EntityExtractor x(newsdex::EntityOptions{NEWSDEX_GAZETTEER_DIR});
  return x;
}

// Mentions lie inside the text, ordered by where they begin, each with a key (entities.h).
void check(const std::vector<newsdex::Entity>& es, std::string_view text) {
  std::size_t last = 0;
  for (const newsdex::Entity& e : es) {
    FUZZ_CHECK(e.begin <= e.end && e.end <= text.size());
    FUZZ_CHECK(e.begin >= last);
    FUZZ_CHECK(!e.key.empty());
    last = e.begin;
  }
}

// Valid published dates (parse_iso_date accepts years 1-9999), one chosen by input size.
constexpr newsdex::CivilDate kOtherDates[] = {
    {1, 1, 1}, {9999, 12, 31}, {2024, 2, 29}, {2025, 12, 0}, {2025, 0, 0}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const newsdex::EntityExtractor& x = extractor();
  check(x.extract(text), text);
  check(x.extract(text, newsdex::CivilDate{2025, 1, 22}), text);
  check(x.extract(text, kOtherDates[size % std::size(kOtherDates)]), text);
  return 0;
}
