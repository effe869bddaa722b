// story_pairs: what the near-duplicate detection (indexer/src/index/story.h) found in an
// index, for judging by hand. Reads every document's fingerprint, story key, title and body
// from a newsdex database and prints
//   - the story sizes (how many stories have 1, 2, 3-5, ... documents), exact vs near joins;
//   - the distribution of each document's distance to its nearest other simhash (0..12);
//   - with --sample N: N random near joins (a document that joined a story without being an
//     exact copy of an earlier member, with its nearest earlier member: the pairs precision
//     is about), and N pairs at
//     distance kMaxDistance+1..kMaxDistance+4 that were NOT joined (what a looser threshold
//     would add), each with ids, titles, dates, body lengths, the Jaccard similarity of the
//     bodies' word 3-shingles and the first words of each body;
//   - with --group ID: every document of that document's story.
// With --recompute 1, fingerprints and story keys are computed again from the stored titles
// and bodies (the bodies are stored after chrome removal, as the indexer fingerprints them)
// in docid order (the indexer's reading order) with this build's code: what indexing again
// would give, without indexing again.
// Usage: story_pairs DB [--sample N] [--seed S] [--group ID] [--recompute 1]
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/schema.h"
#include "index/story.h"

using namespace newsdex;

namespace {

struct Doc {
  Xapian::docid did;
  detail::Fingerprint fp;
  std::string key, id, title, date, source;
};

std::set<std::string> shingles(const std::string& body) {
  std::vector<std::string> words;
  std::string w;
  for (char c : body) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      w += char(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      words.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(w);
  std::set<std::string> out;
  for (std::size_t i = 2; i < words.size(); ++i)
    out.insert(words[i - 2] + " " + words[i - 1] + " " + words[i]);
  return out;
}

std::string body_of(const Xapian::Database& db, Xapian::docid did) {
  return schema::decode_body(db.get_document(did).get_value(schema::kSlotBody));
}

std::string head(const std::string& s, std::size_t n) {
  std::string out = s.substr(0, n);
  for (char& c : out)
    if (c == '\n') c = ' ';
  return out;
}

void show_pair(const Xapian::Database& db, const Doc& a, const Doc& b, const char* what) {
  const std::string ba = body_of(db, a.did), bb = body_of(db, b.did);
  const auto sa = shingles(ba), sb = shingles(bb);
  std::size_t common = 0;
  for (const auto& s : sa) common += sb.count(s);
  const double jac =
      sa.empty() && sb.empty() ? 1.0 : double(common) / double(sa.size() + sb.size() - common);
  std::printf("--- %s: distance %u, jaccard %.2f, same title: %s\n", what,
              detail::distance(a.fp.simhash, b.fp.simhash), jac, a.title == b.title ? "yes" : "no");
  for (const Doc* d : {&a, &b})
    std::printf("  [%s] %s | %s | %s | %zu bytes\n      %s\n", d->id.c_str(), d->title.c_str(),
                d->date.c_str(), d->source.c_str(), (d == &a ? ba : bb).size(),
                head(d == &a ? ba : bb, 300).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: story_pairs DB [--sample N] [--seed S] [--group ID]\n");
    return 2;
  }
  std::size_t sample = 0;
  unsigned seed = 1;
  std::string group;
  bool recompute = false;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--sample")
      sample = std::stoul(argv[i + 1]);
    else if (a == "--seed")
      seed = unsigned(std::stoul(argv[i + 1]));
    else if (a == "--group")
      group = argv[i + 1];
    else if (a == "--recompute")
      recompute = std::string(argv[i + 1]) == "1";
  }
  Xapian::Database db(argv[1]);
  std::vector<Doc> docs;
  detail::StoryTable table;
  std::clock_t spent = 0;  // CPU time in fingerprint() and assign()
  std::size_t body_bytes = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document d = db.get_document(*it);
    Doc doc;
    doc.did = *it;
    const schema::StoredFields f = schema::decode_data(d.get_data());
    if (recompute) {
      const std::string body = schema::decode_body(d.get_value(schema::kSlotBody));
      const std::clock_t t0 = std::clock();  // CPU time: this machine's load is not ours
      doc.fp = detail::fingerprint(f.title, body);
      doc.key = table.assign(doc.fp);
      spent += std::clock() - t0;
      body_bytes += body.size();
    } else {
      if (!detail::decode_fingerprint(d.get_value(schema::kSlotFingerprint), doc.fp)) continue;
      doc.key = d.get_value(schema::kSlotStory);
    }
    doc.id = f.id;
    doc.title = f.title;
    doc.date = f.date;
    doc.source = f.source;
    docs.push_back(std::move(doc));
  }
  if (recompute)
    std::printf("fingerprint + story look-up: %.1f us CPU per document, %.0f MB/s of body text\n",
                double(spent) / CLOCKS_PER_SEC * 1e6 / double(docs.size()),
                double(body_bytes) / (double(spent) / CLOCKS_PER_SEC) / 1e6);
  std::unordered_map<std::string, std::vector<std::size_t>> stories;
  for (std::size_t i = 0; i < docs.size(); ++i) stories[docs[i].key].push_back(i);
  std::map<std::size_t, std::size_t> sizes;
  std::size_t in_groups = 0, exact_copies = 0;
  for (const auto& [k, v] : stories) {
    ++sizes[v.size()];
    if (v.size() > 1) in_groups += v.size();
    std::set<std::uint64_t> ex;
    for (std::size_t i : v) ex.insert(docs[i].fp.exact);
    exact_copies += v.size() - ex.size();
  }
  std::printf(
      "documents %zu, stories %zu; documents in stories of 2+: %zu; hidden by collapse: "
      "%zu (exact copies %zu, near %zu)\n",
      docs.size(), stories.size(), in_groups, docs.size() - stories.size(), exact_copies,
      docs.size() - stories.size() - exact_copies);
  std::printf("story size: documents\n");
  for (const auto& [n, c] : sizes) std::printf("  %zu: %zu\n", n, c);

  // Nearest other simhash per document (all pairs: fine for ~100k documents).
  std::vector<std::size_t> with;
  for (std::size_t i = 0; i < docs.size(); ++i)
    if (docs[i].fp.simhash) with.push_back(i);
  std::map<unsigned, std::size_t> nearest;
  std::vector<std::pair<std::size_t, std::size_t>> unjoined;  // distance in (k, k+4]
  for (std::size_t x = 0; x < with.size(); ++x) {
    unsigned best = 64;
    for (std::size_t y = 0; y < with.size(); ++y) {
      if (x == y) continue;
      const Doc &a = docs[with[x]], &b = docs[with[y]];
      if (a.fp.exact == b.fp.exact) {
        best = 0;
        continue;
      }
      const unsigned d = detail::distance(a.fp.simhash, b.fp.simhash);
      best = std::min(best, d);
      if (y > x && d > detail::kMaxDistance && d <= detail::kMaxDistance + 4 && a.key != b.key)
        unjoined.emplace_back(with[x], with[y]);
    }
    ++nearest[std::min(best, 13u)];
  }
  std::printf("nearest other simhash (exact copies as 0; 13 = 13 or more): documents\n");
  for (const auto& [d, c] : nearest) std::printf("  %u: %zu\n", d, c);
  std::printf("pairs at distance %u..%u in different stories: %zu\n", detail::kMaxDistance + 1,
              detail::kMaxDistance + 4, unjoined.size());

  std::mt19937 rng(seed);
  if (sample) {
    // One pair per near join: each document that joined a story without being an exact
    // copy of an earlier member, with the earlier member nearest to it (sampling all pairs
    // would favour the largest stories).
    std::vector<std::pair<std::size_t, std::size_t>> near;
    for (const auto& [k, v] : stories)
      for (std::size_t j = 1; j < v.size(); ++j) {
        std::size_t best = v.size();
        unsigned best_d = 65;
        bool exact = false;
        for (std::size_t i = 0; i < j; ++i) {
          exact = exact || docs[v[i]].fp.exact == docs[v[j]].fp.exact;
          const unsigned d = detail::distance(docs[v[i]].fp.simhash, docs[v[j]].fp.simhash);
          if (d < best_d) best_d = d, best = i;
        }
        if (!exact && best < v.size()) near.emplace_back(v[best], v[j]);
      }
    std::sort(near.begin(), near.end());
    std::shuffle(near.begin(), near.end(), rng);
    std::printf("\n=== %zu near pairs joined (not exact copies); %zu shown\n", near.size(),
                std::min(sample, near.size()));
    for (std::size_t i = 0; i < std::min(sample, near.size()); ++i)
      show_pair(db, docs[near[i].first], docs[near[i].second], "joined");
    std::shuffle(unjoined.begin(), unjoined.end(), rng);
    std::printf("\n=== pairs not joined, distance %u..%u; %zu shown\n", detail::kMaxDistance + 1,
                detail::kMaxDistance + 4, std::min(sample, unjoined.size()));
    for (std::size_t i = 0; i < std::min(sample, unjoined.size()); ++i)
      show_pair(db, docs[unjoined[i].first], docs[unjoined[i].second], "not joined");
  }
  if (!group.empty()) {
    for (const Doc& d : docs) {
      if (d.id != group) continue;
      std::printf("\n=== story of %s: %zu documents\n", group.c_str(), stories[d.key].size());
      for (std::size_t i : stories[d.key])
        std::printf("  [%s] %s | %s | distance %u%s\n", docs[i].id.c_str(), docs[i].title.c_str(),
                    docs[i].date.c_str(), detail::distance(d.fp.simhash, docs[i].fp.simhash),
                    docs[i].fp.exact == d.fp.exact ? " (exact)" : "");
    }
  }
  return 0;
}
