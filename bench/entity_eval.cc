// entity_eval: entity extraction quality against a hand-made gold set.
//
//   entity_eval GOLD.json DIR [--min-f1 0.9] [--kinds company,person,money,percent]
//               [--gazetteer DIR] [--raw] [--resolve-keys] [--verbose]
//
// For each document named in GOLD.json ("docs": {"file.txt": {"company": {"key": [surface
// forms]}, ...}}), runs newsdex::EntityExtractor over DIR/file.txt and compares the SET of
// keys per kind with the gold keys. Precision/recall/F1 are micro-averaged over the
// documents (true positives, false positives and false negatives summed per kind). Prints
// a table; --verbose also lists every false positive / false negative.
//
// A document that names its corpus ("corpus": "reuters-21578", "split": "tune") is a JSONL
// record instead: DIR is then the corpora folder (DIR/<corpus>/<file>.jsonl, see
// kCorpusFiles), the document's key is the record id, and its text is title + "\n\n" +
// body as the indexer gives it to the extractor (with the record's date). One table is
// printed per split (tune, test) and one for all documents (bench/entity-dev/README.md).
//
// The entities scored are those the indexer keeps: the records are read as the indexer
// reads them (CorpusReader), their bodies without the page chrome an index run of the
// corpus file removes (index/chrome_pass.h), and the extractor's entities less the
// record's publisher and the article's bylines (document_builder.cc, source_aware.h).
// --raw scores the extractor on the record's text as read, before those steps. --resolve-keys
// compares each gold company key (and each full person name) as the search filter resolves it
// when the gazetteer lists the name (EntityExtractor::canonical_key): the gazetteer's key for
// a fuller name or a variant it holds as an alias ("Cisco Systems" -> cisco, "Joseph Biden" ->
// joe biden); a name it does not list, with its accents and typographic apostrophes folded
// as the index folds them (`gábor domokos` -> gabor domokos).
//
// Exit status: 77 if GOLD.json (or a corpus file it needs) does not exist (skip), 2 on a
// usage or input error, 1 if a kind listed in --kinds is below --min-f1 over all
// documents, else 0.

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/fold.h"
#include "index/chrome_pass.h"
#include "index/source_aware.h"
#include "newsdex/civil_date.h"
#include "newsdex/corpus_reader.h"
#include "newsdex/entities.h"
#include "newsdex/error.h"
#include "newsdex/indexer.h"

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

/// Counts per kind of one group of documents (a split, or all of them).
struct Table {
  std::map<newsdex::EntityKind, Counts> counts;
  long publisher_fp = 0;  ///< false positives that are the article's own publisher
  std::set<newsdex::EntityKind> in_gold;
  std::size_t docs = 0;
};

/// JSONL file of each corpus a dev gold document may name, under the corpora folder.
const std::map<std::string, std::string> kCorpusFiles = {
    {"reuters-21578", "reuters-21578/reuters21578.jsonl"},
    {"agnews-test", "agnews-test/agnews_test.jsonl"},
    {"tech-articles", "tech-articles/tech_articles.jsonl"},
    {"bbc-news", "bbc-news/bbc_news.jsonl"},
};

struct Article {
  std::string text;
  std::optional<newsdex::CivilDate> date;
  std::string source;     ///< the record's "source", as written
  std::string publisher;  ///< the same, lower-cased
};

int usage() {
  std::cerr << "usage: entity_eval GOLD.json DIR [--min-f1 0.9] "
               "[--kinds company,person,money,percent] [--gazetteer DIR] [--raw] [--resolve-keys] "
               "[--verbose]\n";
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

/// Reads the records @p ids of every corpus named in the gold set as the indexer reads
/// them (CorpusReader), their bodies without the page chrome the indexer would remove (a
/// model per source learned from the whole corpus file, as an index run of that file
/// learns it; @p chrome false keeps the bodies as read). Returns 77 if a corpus file is
/// missing, 2 on an error, else 0.
int load_articles(const std::filesystem::path& dir,
                  const std::map<std::string, std::set<std::string>>& ids, bool chrome,
                  std::map<std::string, Article>& out) {
  for (const auto& [corpus, want] : ids) {
    auto f = kCorpusFiles.find(corpus);
    if (f == kCorpusFiles.end()) {
      std::cerr << "entity_eval: unknown corpus '" << corpus << "'\n";
      return 2;
    }
    const std::filesystem::path path = dir / f->second;
    if (!std::filesystem::exists(path)) {
      std::cerr << "entity_eval: " << path.string() << " not found, skipping\n";
      return 77;
    }
    try {
      newsdex::detail::ChromeModel model;
      if (chrome) {
        newsdex::IndexOptions options;
        options.jobs = 2;
        std::set<std::string> sources;
        model = newsdex::detail::learn_chrome({path.string()}, options, sources);
      }
      std::size_t found = 0;
      newsdex::CorpusReader reader({path.string()});
      reader.read(
          [&](newsdex::Article&& a) {
            if (!want.count(a.id)) return true;
            Article& art = out[a.id];
            const std::string body = model.has(a.source) ? model.clean(a.source, a.body) : a.body;
            art.text = a.title + "\n\n" + body;
            art.date = newsdex::parse_iso_date(a.date);
            art.source = a.source;
            for (char c : a.source)
              art.publisher.push_back(
                  static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
            return ++found < want.size();
          },
          [](newsdex::BadRecord&&) {});
      if (found < want.size()) {
        std::cerr << "entity_eval: " << path.string() << " lacks " << want.size() - found
                  << " of the records the gold set names\n";
        return 2;
      }
    } catch (const std::exception& e) {
      std::cerr << "entity_eval: " << path.string() << ": " << e.what() << "\n";
      return 2;
    }
  }
  return 0;
}

/// Compares the keys found in one document with its gold keys, into every table of @p into.
void score(const std::string& id, const nlohmann::json& gold,
           const std::vector<newsdex::Entity>& entities, const std::string& publisher,
           const std::vector<Table*>& into, bool verbose, const newsdex::EntityExtractor* resolve) {
  std::map<newsdex::EntityKind, std::set<std::string>> found;
  for (const newsdex::Entity& e : entities) found[e.kind].insert(e.key);
  for (Table* t : into) ++t->docs;
  for (newsdex::EntityKind kind : newsdex::kAllEntityKinds) {
    const std::string name(newsdex::to_string(kind));
    if (!gold.contains(name) || !gold[name].is_object()) continue;
    std::set<std::string> want;
    // --resolve-keys: a gold company or person compared as a filter resolves it when the
    // gazetteer lists it (`cisco systems` is the gazetteer's `cisco`, `joseph biden` its
    // `joe biden`): the key convention of the index rather than of the annotation.
    for (auto g = gold[name].begin(); g != gold[name].end(); ++g) {
      std::string key = g.key();
      // A lone surname (`trump`) stays: the extractor keys it per document, the index maps it.
      const bool full_name =
          kind == newsdex::EntityKind::person && key.find(' ') != std::string::npos;
      if (resolve && (kind == newsdex::EntityKind::company || full_name)) {
        std::string canon = resolve->canonical_key(kind, key);
        if (!resolve->label(kind, canon).empty()) {
          key = std::move(canon);
        } else {
          // A name no list holds, as a filter matches it: accents and typographic
          // apostrophes folded (`gábor domokos` finds `gabor domokos`).
          key = newsdex::detail::fold_name_key(key);
        }
      }
      want.insert(std::move(key));
    }
    const std::set<std::string>& got = found[kind];
    Counts c;
    for (const std::string& k : got) {
      if (want.count(k)) {
        ++c.tp;
      } else {
        ++c.fp;
        if (kind == newsdex::EntityKind::company && !publisher.empty() && k == publisher)
          for (Table* t : into) ++t->publisher_fp;
        if (verbose) std::cout << id << "  FP " << name << ": " << k << "\n";
      }
    }
    for (const std::string& k : want)
      if (!got.count(k)) {
        ++c.fn;
        if (verbose) std::cout << id << "  FN " << name << ": " << k << "\n";
      }
    for (Table* t : into) {
      t->in_gold.insert(kind);
      Counts& tc = t->counts[kind];
      tc.tp += c.tp;
      tc.fp += c.fp;
      tc.fn += c.fn;
    }
  }
}

/// Prints one table; returns false if a gated kind is below @p min_f1.
bool print_table(const std::string& title, const Table& t,
                 const std::vector<newsdex::EntityKind>& gate, double min_f1, bool gated_table) {
  std::printf("%s: %zu documents\n", title.c_str(), t.docs);
  std::printf("%-9s %5s %5s %5s %9s %9s %9s\n", "kind", "tp", "fp", "fn", "precision", "recall",
              "f1");
  bool ok = true;
  for (newsdex::EntityKind kind : newsdex::kAllEntityKinds) {
    if (!t.in_gold.count(kind)) continue;
    const Counts& c = t.counts.at(kind);
    bool gated = false;
    for (auto g : gate) gated |= g == kind && gated_table;
    const bool pass = c.f1() >= min_f1;
    if (gated && !pass) ok = false;
    std::printf("%-9s %5ld %5ld %5ld %9.3f %9.3f %9.3f%s\n",
                std::string(newsdex::to_string(kind)).c_str(), c.tp, c.fp, c.fn, c.precision(),
                c.recall(), c.f1(), gated ? (pass ? "  ok" : "  BELOW MIN") : "");
  }
  if (t.publisher_fp > 0)
    std::printf("(%ld company false positives are the article's own publisher)\n", t.publisher_fp);
  if (gated_table)
    for (auto g : gate)
      if (!t.in_gold.count(g))
        std::printf("%-9s not in the gold set\n", std::string(newsdex::to_string(g)).c_str());
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> positional;
  double min_f1 = 0.9;
  std::string kinds_arg = "company,person,money,percent";
  std::string gazetteer;
  bool verbose = false;
  bool raw_extraction = false;
  bool resolve_keys = false;
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
    } else if (a == "--resolve-keys") {
      resolve_keys = true;
    } else if (a == "--raw") {
      raw_extraction = true;
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
  const std::filesystem::path gold_path = positional[0], dir = positional[1];
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

  // Records named by corpus and id are read from the corpora in one pass per corpus.
  std::map<std::string, std::set<std::string>> wanted;
  for (auto it = gold["docs"].begin(); it != gold["docs"].end(); ++it)
    if (it.value().contains("corpus"))
      wanted[it.value()["corpus"].get<std::string>()].insert(it.key());
  std::map<std::string, Article> articles;
  if (int rc = load_articles(dir, wanted, !raw_extraction, articles); rc != 0) return rc;

  std::unique_ptr<newsdex::EntityExtractor> ex;
  try {
    newsdex::EntityOptions opts;
    opts.gazetteer_dir = gazetteer;
    ex = std::make_unique<newsdex::EntityExtractor>(opts);
  } catch (const newsdex::Error& e) {
    std::cerr << "entity_eval: " << e.what() << "\n";
    return 2;
  }

  Table all;
  std::map<std::string, Table> splits;
  for (auto it = gold["docs"].begin(); it != gold["docs"].end(); ++it) {
    Article file_article;
    const Article* a = nullptr;
    if (auto f = articles.find(it.key()); f != articles.end()) {
      a = &f->second;
    } else {
      const std::filesystem::path file = dir / it.key();
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::cerr << "entity_eval: cannot read " << file.string() << "\n";
        return 2;
      }
      std::stringstream ss;
      ss << in.rdbuf();
      file_article.text = ss.str();
      a = &file_article;
    }
    std::vector<Table*> into{&all};
    if (it.value().contains("split"))
      into.push_back(&splits[it.value()["split"].get<std::string>()]);
    // The indexer's pipeline (document_builder.cc): extraction, then what the article says
    // about itself (its publisher, its bylines) dropped.
    std::vector<newsdex::Entity> ents = ex->extract(a->text, a->date);
    if (!raw_extraction)
      newsdex::detail::drop_source_entities(a->text,
                                            newsdex::detail::publisher_keys(*ex, a->source), ents);
    score(it.key(), it.value(), ents, a->publisher, into, verbose,
          resolve_keys ? ex.get() : nullptr);
  }

  for (const char* name : {"tune", "test"})
    if (auto s = splits.find(name); s != splits.end()) {
      print_table(std::string(name) + " half", s->second, gate, min_f1, false);
      std::printf("\n");
    }
  const bool ok = print_table("all, gold " + gold_path.string(), all, gate, min_f1, true);
  std::printf("min f1 %.3f for %s: %s\n", min_f1, kinds_arg.c_str(), ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
