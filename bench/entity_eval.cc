// entity_eval: entity extraction quality against a hand-made gold set.
//
//   entity_eval GOLD.json SEEDS_DIR [--min-f1 0.9] [--kinds company,person,money,percent]
//               [--gazetteer DIR] [--verbose]
//
// For each document named in GOLD.json ("docs": {"file.txt": {"company": {"key": [surface
// forms]}, ...}}), runs newsdex::EntityExtractor over SEEDS_DIR/file.txt and compares the
// SET of keys per kind with the gold keys. Precision/recall/F1 are micro-averaged over the
// documents (true positives, false positives and false negatives summed per kind). Prints
// a table; --verbose also lists every false positive / false negative.
//
// Exit status: 77 if GOLD.json does not exist (skip), 2 on a usage or input error, 1 if a
// kind listed in --kinds is below --min-f1, else 0.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "newsdex/entities.h"
#include "newsdex/error.h"

namespace {

struct Counts {
  long tp = 0, fp = 0, fn = 0;
  double precision() const {
    return tp + fp == 0 ? (fn == 0 ? 1.0 : 0.0) : double(tp) / double(tp + fp);
  }
  double recall() const {
    return tp + fn == 0 ? (fp == 0 ? 1.0 : 0.0) : double(tp) / double(tp + fn);
  }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

int usage() {
  std::cerr << "usage: entity_eval GOLD.json SEEDS_DIR [--min-f1 0.9] "
               "[--kinds company,person,money,percent] [--gazetteer DIR] [--verbose]\n";
  return 2;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> positional;
  double min_f1 = 0.9;
  std::string kinds_arg = "company,person,money,percent";
  std::string gazetteer;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--min-f1" && i + 1 < argc) {
      char* end = nullptr;
      min_f1 = std::strtod(argv[++i], &end);
      if (!end || *end) return usage();
    } else if (a == "--kinds" && i + 1 < argc) {
      kinds_arg = argv[++i];
    } else if (a == "--gazetteer" && i + 1 < argc) {
      gazetteer = argv[++i];
    } else if (a == "--verbose" || a == "-v") {
      verbose = true;
    } else if (a == "--help" || a == "-h") {
      usage();
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      return usage();
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2) return usage();
  const std::filesystem::path gold_path = positional[0], seeds = positional[1];
  if (!std::filesystem::exists(gold_path)) {
    std::cerr << "entity_eval: " << gold_path.string() << " not found, skipping\n";
    return 77;
  }

  std::vector<newsdex::EntityKind> gate;
  for (const std::string& k : split_commas(kinds_arg)) {
    auto kind = newsdex::parse_entity_kind(k);
    if (!kind) {
      std::cerr << "entity_eval: unknown kind '" << k << "'\n";
      return 2;
    }
    gate.push_back(*kind);
  }

  nlohmann::json gold;
  try {
    std::ifstream in(gold_path);
    gold = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    std::cerr << "entity_eval: cannot parse " << gold_path.string() << ": " << e.what() << "\n";
    return 2;
  }
  if (!gold.contains("docs") || !gold["docs"].is_object()) {
    std::cerr << "entity_eval: " << gold_path.string() << " has no \"docs\" object\n";
    return 2;
  }

  std::unique_ptr<newsdex::EntityExtractor> ex;
  try {
    newsdex::EntityOptions opts;
    opts.gazetteer_dir = gazetteer;
    ex = std::make_unique<newsdex::EntityExtractor>(opts);
  } catch (const newsdex::Error& e) {
    std::cerr << "entity_eval: " << e.what() << "\n";
    return 2;
  }

  std::map<newsdex::EntityKind, Counts> counts;
  std::set<newsdex::EntityKind> in_gold;
  std::size_t ndocs = 0;
  for (auto it = gold["docs"].begin(); it != gold["docs"].end(); ++it) {
    const std::filesystem::path file = seeds / it.key();
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << "entity_eval: cannot read " << file.string() << "\n";
      return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    ++ndocs;

    std::map<newsdex::EntityKind, std::set<std::string>> found;
    for (const newsdex::Entity& e : ex->extract(text)) found[e.kind].insert(e.key);

    for (newsdex::EntityKind kind : newsdex::kAllEntityKinds) {
      const std::string name(newsdex::to_string(kind));
      if (!it.value().contains(name) || !it.value()[name].is_object()) continue;
      in_gold.insert(kind);
      std::set<std::string> want;
      for (auto g = it.value()[name].begin(); g != it.value()[name].end(); ++g)
        want.insert(g.key());
      const std::set<std::string>& got = found[kind];
      Counts& c = counts[kind];
      for (const std::string& k : got) {
        if (want.count(k))
          ++c.tp;
        else {
          ++c.fp;
          if (verbose) std::cout << it.key() << "  FP " << name << ": " << k << "\n";
        }
      }
      for (const std::string& k : want)
        if (!got.count(k)) {
          ++c.fn;
          if (verbose) std::cout << it.key() << "  FN " << name << ": " << k << "\n";
        }
    }
  }

  std::printf("%zu documents, gold %s\n", ndocs, gold_path.string().c_str());
  std::printf("%-9s %5s %5s %5s %9s %9s %9s\n", "kind", "tp", "fp", "fn", "precision", "recall",
              "f1");
  bool ok = true;
  for (newsdex::EntityKind kind : newsdex::kAllEntityKinds) {
    if (!in_gold.count(kind)) continue;
    const Counts& c = counts[kind];
    bool gated = false;
    for (auto g : gate) gated |= g == kind;
    const bool pass = c.f1() >= min_f1;
    if (gated && !pass) ok = false;
    std::printf("%-9s %5ld %5ld %5ld %9.3f %9.3f %9.3f%s\n",
                std::string(newsdex::to_string(kind)).c_str(), c.tp, c.fp, c.fn, c.precision(),
                c.recall(), c.f1(), gated ? (pass ? "  ok" : "  BELOW MIN") : "");
  }
  for (auto g : gate)
    if (!in_gold.count(g)) {
      std::printf("%-9s not in the gold set\n", std::string(newsdex::to_string(g)).c_str());
    }
  std::printf("min f1 %.3f for %s: %s\n", min_f1, kinds_arg.c_str(), ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
