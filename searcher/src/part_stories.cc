#include "part_stories.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "core/flat_map.h"

namespace newsdex::detail {

void PartStories::load(std::vector<FacetIndex>& facets,
                       const std::vector<Xapian::Database>& parts) {
  if (loaded_) return;
  const auto t0 = std::chrono::steady_clock::now();
  FlatStringMap<std::uint32_t> ids(1024);  // story key → shared id
  for (std::size_t p = 0; p < parts.size(); ++p) {
    const StoryKeys keys = facets[p].story_keys(parts[p]);  // (first: it may build the ids)
    local_.push_back(facets[p].stories(parts[p]));
    std::vector<std::uint32_t>& shared = shared_.emplace_back(keys.size() + 1, 0);
    for (std::uint32_t s = 1; s <= keys.size(); ++s) {
      const std::string_view key = keys.key(s);
      const std::uint64_t h = hash_word(key);
      std::uint32_t* id = ids.find(key, h);
      if (!id) {
        id = &ids.insert(key, h);
        *id = next_++;
      }
      shared[s] = *id;
    }
  }
  loaded_ = true;
  spdlog::debug(
      "stories of {} databases: {} in {:.1f} ms", parts.size(), next_ - 1,
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
}

PartMatches::PartMatches(const PartStories& numbering,
                         const std::vector<std::vector<Xapian::docid>>& docids)
    : alone(docids.size()), across(docids.size()), copies(numbering.size(), 0) {
  constexpr std::uint16_t kSeveral = 0xFFFF;
  std::vector<std::uint16_t> part(numbering.size(), 0);  // shared id → 1 + its part, or kSeveral
  for (std::size_t p = 0; p < docids.size(); ++p)
    for (Xapian::docid did : docids[p]) {
      const std::uint32_t s = numbering.story(p, did);
      if (!s) {
        ++stories;
        continue;
      }
      if (copies[s]++ == 0) {
        ++stories;
        part[s] = std::uint16_t(p + 1);
      } else if (part[s] != p + 1) {
        part[s] = kSeveral;
      }
    }
  for (std::size_t p = 0; p < docids.size(); ++p)
    for (Xapian::docid did : docids[p]) {
      const std::uint32_t s = numbering.story(p, did);
      (s && part[s] == kSeveral ? across : alone)[p].push_back(did);
    }
}

}  // namespace newsdex::detail
