#pragma once
// The seed articles as title and body, the material the story tests (test_stories.cc,
// test_stories_features.cc) copy, re-scrape and syndicate.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

struct Seed {
  std::string id, title, body;
};

/// The five seeds, by file name: id = the file's stem, title = its first non-empty line,
/// body = the rest.
inline std::vector<Seed> seeds() {
  namespace fs = std::filesystem;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(NEWSDEX_SEEDS_DIR)) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<Seed> out;
  for (const auto& p : paths) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
      if (line.find_first_not_of(" \t\r") != std::string::npos) break;
    out.push_back({p.stem().string(), line,
                   text.substr(std::min(text.size(), text.find(line) + line.size()))});
  }
  REQUIRE(out.size() == 5);
  return out;
}
