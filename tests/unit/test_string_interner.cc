// StringInterner (core/flat_map.h): the table behind the facet file's keys, story keys and an
// index run's ids seen. Dense ids in order of first appearance, each key's bytes once, the
// same answers as an ordinary map through every growth of the table.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/flat_map.h"

using newsdex::detail::hash_word;
using newsdex::detail::StringInterner;

namespace {

// The words of the seed articles, and numbered ids as an index run sees them.
std::vector<std::string> keys() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(NEWSDEX_SEEDS_DIR)) {
    std::ifstream in(e.path());
    REQUIRE(in);
    std::string word;
    while (in >> word) out.push_back(word);
  }
  for (int i = 0; i < 20000; ++i) out.push_back("Qgen-" + std::to_string(i * 7919 % 20011));
  REQUIRE(out.size() > 20000 + 1000);
  out.push_back("");  // the empty key is a key too
  return out;
}

}  // namespace

TEST_CASE("interned ids are dense, in order of first appearance, and give their keys back") {
  const std::vector<std::string> all = keys();
  StringInterner in;
  std::map<std::string, std::uint32_t> expected;
  for (const std::string& k : all) {
    bool added = false;
    const std::uint32_t id = in.intern(k, hash_word(k), added);
    const auto [it, is_new] = expected.try_emplace(k, std::uint32_t(expected.size()));
    CHECK(added == is_new);
    CHECK(id == it->second);
  }
  REQUIRE(in.size() == expected.size());
  REQUIRE(expected.size() > 20000);  // many growths of the table
  std::size_t bytes = 0;
  for (const auto& [k, id] : expected) {
    CHECK(in.key(id) == k);
    CHECK(in.contains(k, hash_word(k)));
    bytes += k.size();
  }
  CHECK(in.bytes().size() == bytes);  // each key once
  CHECK(in.offsets().size() == in.size() + 1);
  CHECK(!in.contains("Qgen-20011", hash_word("Qgen-20011")));
  CHECK(!in.contains("Qgen-", hash_word("Qgen-")));

  std::vector<std::uint32_t> offsets;
  std::string moved;
  in.release(offsets, moved);
  CHECK(in.size() == 0);
  CHECK(!in.contains("Qgen-0", hash_word("Qgen-0")));
  CHECK(moved.size() == bytes);
  CHECK(offsets.size() == expected.size() + 1);
}
