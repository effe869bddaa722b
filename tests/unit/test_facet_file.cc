// The facet file (core/forward_index.h): written by every index run and commit for the
// revision it commits; a Searcher counts from it from its first query, and gets the same
// totals, hits and facets as from the value streams; a stale, truncated or damaged file is
// ignored (facets from the value streams), never read into wrong counts or out of bounds.
#include <doctest/doctest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/forward_index.h"
#include "core/schema.h"
#include "fixtures.h"
#include "seed_stories.h"
#include "split_fixture.h"

using namespace newsdex;
namespace fs = std::filesystem;

namespace {

// The seeds, 40 repeating records (many documents share key sets), and a copy of each seed
// under another id (stories of two documents each).
struct Corpus {
  TempDir dir;
  std::string db = dir / "db";
  Corpus() {
    fs::create_directories(dir.path / "in");
    for (const auto& e : fs::directory_iterator(NEWSDEX_SEEDS_DIR))
      fs::copy_file(e.path(), dir.path / "in" / e.path().filename());
    std::string jsonl;
    for (int i = 0; i < 40; ++i) jsonl += repeating_record(i);
    for (const Seed& s : seeds())
      jsonl += nlohmann::json{{"id", s.id + "-copy"}, {"title", s.title}, {"body", s.body}}.dump() +
               "\n";
    dir.write("in/more.jsonl", jsonl);
    IndexOptions o = test_index_options();
    o.remove_chrome = false;  // the repeating sentences stay words
    Indexer(db, o).index({dir / "in"});
  }
  std::string file() const { return detail::facet_file_path(db); }
};

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const SearcherOptions kOptions{"english", NEWSDEX_GAZETTEER_DIR};

// What a search answers, as comparable values: total, hit ids in order, duplicates, facets.
struct Answer {
  std::size_t total = 0;
  bool total_exact = false;
  std::vector<std::pair<std::string, std::size_t>> hits;
  std::map<std::string, std::map<std::string, std::pair<std::size_t, std::string>>> facets;
  bool operator==(const Answer&) const = default;
};

Answer answer(Searcher& s, const std::string& q, bool collapse) {
  SearchRequest r;
  r.query = q;
  r.limit = 100;
  r.facets = all_kinds();
  r.facet_size = 1000;
  r.collapse = collapse;
  SearchResults res = s.search(r);
  Answer a{res.total, res.total_exact, {}, facet_map(res)};
  for (const Hit& h : res.hits) a.hits.emplace_back(h.id, h.duplicates);
  return a;
}

std::vector<std::string> queries() {
  std::vector<std::string> q = split_queries();
  q.insert(q.end(), {"person:trump", "satya nadella", "percent:>=10 report", "weekly"});
  return q;
}

// A few of them: words, an entity filter, people through the alias table, money and dates.
std::vector<std::string> few_queries() {
  return {"report money:>=1e9", "person:trump", "cloud date:2024-02", "company:softbank"};
}

// Every query's answer in a fresh Searcher (its first query), collapsed and not.
std::vector<Answer> fresh_answers(const std::string& db,
                                  const std::vector<std::string>& qs = queries()) {
  std::vector<Answer> out;
  for (const std::string& q : qs)
    for (bool collapse : {true, false}) {
      Searcher s(db, kOptions);
      out.push_back(answer(s, q, collapse));
    }
  return out;
}

// The same queries in one long-lived Searcher, and its stats.
std::vector<Answer> long_lived_answers(const std::string& db, std::string* stats = nullptr) {
  Searcher s(db, kOptions);
  std::vector<Answer> out;
  for (const std::string& q : queries())
    for (bool collapse : {true, false}) out.push_back(answer(s, q, collapse));
  if (stats) {
    std::ostringstream st;
    for (const FacetResult& f : s.stats(1000).top)
      for (const FacetCount& c : f.counts)
        st << to_string(f.kind) << ' ' << c.key << ' ' << c.count << '\n';
    *stats = st.str();
  }
  return out;
}

// The debug log of @p f (what the facet file's reader says about it).
template <class F>
std::string debug_log(F&& f) {
  std::ostringstream out;
  auto logger = std::make_shared<spdlog::logger>(
      "test", std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
  const auto before = spdlog::default_logger();
  const auto level = spdlog::get_level();
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::debug);
  try {
    f();
  } catch (...) {
    spdlog::set_default_logger(before);
    spdlog::set_level(level);
    throw;
  }
  spdlog::set_default_logger(before);
  spdlog::set_level(level);
  return out.str();
}

bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

}  // namespace

// The file of @p db_dir against each document's own values, read one document at a time
// (not through the value streams that the writer and build_*() both scan): every document's
// keys of every kind, in order, its money ranges, its date and its story key.
void check_file_against_documents(const std::string& db_dir) {
  const Xapian::Database db(db_dir);
  std::string why;
  const auto file = detail::FacetFile::open(db_dir, db, why);
  REQUIRE_MESSAGE(file, why);
  const auto dates = file->dates(why);
  const auto stories = file->stories(why);
  const auto story_keys = file->story_keys(why);
  REQUIRE_MESSAGE((dates && stories && story_keys), why);
  std::vector<std::string_view> parts;
  std::size_t docs = 0, keys = 0;
  for (EntityKind k : kAllEntityKinds) {
    if (k == EntityKind::date) continue;
    CAPTURE(to_string(k));
    const auto got = file->keys(k, why);
    REQUIRE_MESSAGE(got, why);
    for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
      CAPTURE(did);
      std::vector<std::string_view> in_file;
      for (std::uint32_t i = got->offsets[did]; i < got->offsets[did + 1]; ++i)
        in_file.push_back(got->key(got->ids[i]));
      std::string value;
      try {
        value = db.get_document(did).get_value(schema::facet_slot(k));
      } catch (const Xapian::DocNotFoundError&) {  // a deleted document: nothing
      }
      parts.clear();
      REQUIRE(schema::decode_keys(value, parts));
      CHECK(in_file == parts);
      keys += parts.size();
      if (k == EntityKind::money) {
        std::uint8_t bits = 0;
        for (std::string_view key : parts) bits |= detail::money_range_bits(key);
        CHECK(int(got->money_ranges[did]) == int(bits));
      }
    }
  }
  for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
    CAPTURE(did);
    std::string date, story;
    try {
      const Xapian::Document doc = db.get_document(did);
      date = doc.get_value(schema::kSlotDate);
      story = doc.get_value(schema::kSlotStory);
      ++docs;
    } catch (const Xapian::DocNotFoundError&) {
    }
    CHECK((*dates)[did] == detail::date_number(date));
    if (story.empty())
      CHECK((*stories)[did] == 0);
    else
      CHECK(story_keys->key((*stories)[did]) == story);
  }
  CHECK(docs == db.get_doccount());
  CHECK(keys > 20);
}

TEST_CASE("the facet file holds each document's own keys, date and story, deleted ones none") {
  Corpus c;
  check_file_against_documents(c.db);
  std::string last_id;  // the document of the last docid: the arrays run past its hole
  {
    const Xapian::Database db(c.db);
    last_id = schema::decode_data(db.get_document(db.get_lastdocid()).get_data()).id;
  }
  {
    Indexer ix(c.db, test_index_options());
    CHECK(ix.remove("r4"));
    CHECK(ix.remove(last_id));
    ix.commit();  // writes the file of the new revision, with two holes
  }
  check_file_against_documents(c.db);
}

TEST_CASE("the facet file holds what the value streams build, for the revision it names") {
  Corpus c;
  REQUIRE(fs::exists(c.file()));
  const Xapian::Database db(c.db);
  std::string why;
  const auto file = detail::FacetFile::open(c.db, db, why);
  REQUIRE_MESSAGE(file, why);
  std::size_t keys = 0;
  for (EntityKind k : kAllEntityKinds) {
    if (k == EntityKind::date) continue;
    CAPTURE(to_string(k));
    const std::optional<detail::ForwardKeys> got = file->keys(k, why);
    REQUIRE_MESSAGE(got, why);
    const detail::ForwardKeysData built = detail::build_forward_keys(db, k);
    auto same = [](auto a, const auto& b) {
      return std::equal(a.begin(), a.end(), b.begin(), b.end());
    };
    CHECK(same(got->offsets, built.offsets));
    CHECK(same(got->ids, built.ids));
    CHECK(same(got->key_offsets, built.key_offsets));
    CHECK(got->key_bytes == built.key_bytes);
    CHECK(same(got->money_ranges, built.money_ranges));
    keys += got->key_count();
  }
  CHECK(keys > 20);
  const auto dates = file->dates(why);
  const auto stories = file->stories(why);
  REQUIRE(dates);
  REQUIRE(stories);
  const auto built_dates = detail::build_dates(db);
  detail::StoryKeysData built_keys;
  const auto built_stories = detail::build_stories(db, &built_keys);
  CHECK(std::equal(dates->begin(), dates->end(), built_dates.begin(), built_dates.end()));
  CHECK(std::equal(stories->begin(), stories->end(), built_stories.begin(), built_stories.end()));
  // Each story id's key (format 2), as the story values hold it.
  const auto keys_got = file->story_keys(why);
  REQUIRE_MESSAGE(keys_got, why);
  CHECK(std::equal(keys_got->offsets.begin(), keys_got->offsets.end(), built_keys.offsets.begin(),
                   built_keys.offsets.end()));
  CHECK(keys_got->bytes == built_keys.bytes);
  REQUIRE(keys_got->size() > 1);
  for (Xapian::docid did = 1; did < stories->size(); ++did)
    if ((*stories)[did]) {
      CAPTURE(did);
      CHECK(keys_got->key((*stories)[did]) == db.get_document(did).get_value(schema::kSlotStory));
    }
}

TEST_CASE("counts with the facet file equal counts without it") {
  Corpus c;
  std::string stats_with, stats_without;
  std::vector<Answer> fresh_with, lived_with;
  const std::string log = debug_log([&] {
    fresh_with = fresh_answers(c.db);
    lived_with = long_lived_answers(c.db, &stats_with);
  });
  // The file was read (and nothing was built from the value streams instead).
  CHECK(contains(log, "from the facet file"));
  CHECK(!contains(log, "not used"));
  fs::rename(c.file(), c.dir / "saved");
  std::vector<Answer> fresh_without, lived_without;
  const std::string log_without = debug_log([&] {
    fresh_without = fresh_answers(c.db);
    lived_without = long_lived_answers(c.db, &stats_without);
  });
  CHECK(contains(log_without, "facet file not used"));
  REQUIRE(fresh_with.size() == fresh_without.size());
  std::size_t keyed = 0;
  for (std::size_t i = 0; i < fresh_with.size(); ++i) {
    CAPTURE(queries()[i / 2]);
    CAPTURE(i % 2 == 0 ? "collapsed" : "--no-collapse");
    CHECK(fresh_with[i] == fresh_without[i]);
    CHECK(lived_with[i] == lived_without[i]);
    CHECK(fresh_with[i] == lived_with[i]);
    for (const auto& [kind, keys] : fresh_with[i].facets) keyed += keys.size();
  }
  CHECK(keyed > 100);  // the comparisons compared counts
  CHECK(stats_with == stats_without);
  CHECK(!stats_with.empty());
}

TEST_CASE("a facet file of an earlier revision is ignored, commits write a new one") {
  Corpus c;
  const std::string old_file = read_all(c.file());
  const std::vector<Answer> before = fresh_answers(c.db);
  c.dir.write("db/newsdex-facets.tmp-999999", "a writer killed while writing");
  {
    Indexer ix(c.db, test_index_options());
    CHECK(ix.remove("r4"));
    ix.commit();  // writes the file of the new revision
  }
  CHECK(!fs::exists(c.dir / "db/newsdex-facets.tmp-999999"));  // the killed writer's file
  const Xapian::Database db(c.db);
  std::string why;
  CHECK(detail::FacetFile::open(c.db, db, why));
  const std::vector<Answer> after = fresh_answers(c.db);
  CHECK(after != before);  // r4 is gone from the counts
  // The file of the revision before, put back: stale, not read.
  c.dir.write("db/newsdex-facets", old_file);
  CHECK(!detail::FacetFile::open(c.db, db, why));
  CHECK(contains(why, "stale"));
  std::vector<Answer> stale;
  const std::string log = debug_log([&] { stale = fresh_answers(c.db); });
  CHECK(contains(log, "stale"));
  CHECK(stale == after);
}

// A file edited so that its checksums still hold (a damaged disk would not do that, a hand
// can): its structure is checked all the same (FacetFile::keys), so counting never reads out
// of bounds and never counts an id that names no key. The searcher then counts
// from the value streams, and answers as without a file.
// Without a facet file, a Searcher's first facet query reads the matches' values, and its
// first collapsed query their story values; later ones count from what those built. A
// collapsed search without facets, then the same with facets (each mode's first query in
// another order than the tests above): the counts are a fresh Searcher's, with the boolean
// pass on the posting lists and with Xapian's (a date range: a value range).
TEST_CASE("a collapsed search without facets, then with them, counts as a fresh Searcher") {
  Corpus c;
  fs::remove(c.file());
  for (const std::string& q : few_queries()) {
    CAPTURE(q);
    Searcher fresh(c.db, kOptions);
    const Answer want = answer(fresh, q, true);
    Searcher s(c.db, kOptions);
    SearchRequest plain;
    plain.query = q;
    plain.collapse = true;
    const SearchResults first = s.search(plain);
    CHECK(first.total == want.total);
    CHECK(answer(s, q, true) == want);
  }
}

TEST_CASE("a facet file made to fit its checksums is still refused when its words are wrong") {
  Corpus c;
  const std::string good = read_all(c.file());
  fs::rename(c.file(), c.dir / "saved");
  const std::vector<Answer> expected = fresh_answers(c.db, few_queries());
  const Xapian::Database db(c.db);
  // The section table (core/forward_index.cc): eight words, the UUID padded to 8 bytes, the
  // section count, then (id, offset, bytes, checksum) per section, then the header's checksum.
  auto word = [](const std::string& f, std::size_t at) {
    std::uint64_t w = 0;
    std::memcpy(&w, f.data() + at, 8);
    return w;
  };
  auto put = [](std::string& f, std::size_t at, std::uint64_t w) {
    std::memcpy(f.data() + at, &w, 8);
  };
  struct Entry {
    std::uint64_t offset = 0, bytes = 0;
    std::size_t checksum_at = 0;
  };
  std::size_t at = std::size_t(56 + word(good, 48) + 7) / 8 * 8;
  const std::uint64_t n = word(good, at);
  at += 8;
  std::map<std::uint64_t, Entry> table;
  for (std::uint64_t i = 0; i < n; ++i, at += 32)
    table[word(good, at)] = Entry{word(good, at + 8), word(good, at + 16), at + 24};
  const std::size_t header_end = at;
  auto bytes = [](const std::string& f, std::size_t from) {
    return reinterpret_cast<const unsigned char*>(f.data() + from);
  };
  // The file with @p e's checksum and the header's made to fit again.
  auto refit = [&](std::string f, const Entry& e) {
    put(f, e.checksum_at, detail::facet_checksum(bytes(f, e.offset), std::size_t(e.bytes)));
    put(f, header_end, detail::facet_checksum(bytes(f, 0), header_end));
    return f;
  };
  auto set_u32 = [](std::string& f, std::size_t where, std::uint32_t v) {
    std::memcpy(f.data() + where, &v, 4);
  };
  auto get_u32 = [](const std::string& f, std::size_t where) {
    std::uint32_t v = 0;
    std::memcpy(&v, f.data() + where, 4);
    return v;
  };
  const std::uint64_t company = std::uint64_t(EntityKind::company) * 8;  // + field
  REQUIRE(table.count(company) == 1);
  REQUIRE(table.count(company + 1) == 1);
  REQUIRE(table.count(company + 2) == 1);
  const Entry offsets = table[company], ids = table[company + 1], key_offsets = table[company + 2];
  REQUIRE(ids.bytes >= 8);
  REQUIRE(offsets.bytes >= 16);
  REQUIRE(key_offsets.bytes >= 12);
  CHECK(refit(good, ids) == good);  // (the table was read right)

  std::vector<std::pair<std::string, std::string>> edits;  // what the refusal says, the file
  // A key id past the last key: the first or the second (the low and the high half of a
  // 64-bit word read in the checksum's 32-byte blocks), or the last (in the section's tail,
  // unless its size is a multiple of 32).
  for (const std::uint64_t where : {ids.offset, ids.offset + 4, ids.offset + ids.bytes - 4}) {
    std::string f = good;
    set_u32(f, std::size_t(where), 0xfffffff0u);
    edits.emplace_back("a key id out of range", refit(f, ids));
  }
  REQUIRE(ids.bytes >= 64);
  {
    std::string f = good;  // document 1's keys said to start past the end of all of them
    const std::uint32_t last = get_u32(f, std::size_t(offsets.offset + offsets.bytes - 4));
    set_u32(f, std::size_t(offsets.offset + 4), last + 1);
    edits.emplace_back("document offsets out of order", refit(f, offsets));
  }
  {
    std::string f = good;  // key 0's bytes said to end past the end of all of them
    const std::uint32_t last = get_u32(f, std::size_t(key_offsets.offset + key_offsets.bytes - 4));
    set_u32(f, std::size_t(key_offsets.offset + 4), last + 1);
    edits.emplace_back("key offsets out of order", refit(f, key_offsets));
  }
  for (const auto& [what, content] : edits) {
    CAPTURE(what);
    c.dir.write("db/newsdex-facets", content);
    std::string why;
    const auto file = detail::FacetFile::open(c.db, db, why);
    REQUIRE_MESSAGE(file, why);  // the header and the checksums hold
    CHECK(!file->keys(EntityKind::company, why));
    CHECK(contains(why, what));
    CHECK(file->keys(EntityKind::person, why));  // the other kinds are sound
    CHECK(fresh_answers(c.db, few_queries()) == expected);
  }
}

TEST_CASE("a truncated or damaged facet file is ignored, with no crash and no wrong count") {
  Corpus c;
  const std::string good = read_all(c.file());
  REQUIRE(good.size() > 2000);
  fs::rename(c.file(), c.dir / "saved");
  const std::vector<Answer> expected = fresh_answers(c.db, few_queries());
  std::size_t keyed = 0;
  for (const Answer& a : expected)
    for (const auto& [kind, keys] : a.facets) keyed += keys.size();
  CHECK(keyed > 40);                                         // counts to get wrong
  std::vector<std::pair<std::string, std::string>> damaged;  // what, content
  for (std::size_t n :
       {std::size_t(0), std::size_t(7), std::size_t(100), good.size() / 2, good.size() - 1})
    damaged.emplace_back("truncated to " + std::to_string(n), good.substr(0, n));
  // A byte changed in the header, the section table, and spread over the sections.
  for (std::size_t at = 9; at < good.size(); at = at < 400 ? at + 37 : at * 3 / 2 + 101) {
    std::string d = good;
    d[at] = char(d[at] ^ 0x5a);
    damaged.emplace_back("byte " + std::to_string(at) + " changed", d);
  }
  damaged.emplace_back("grown by a byte", good + "x");
  CHECK(damaged.size() > 20);
  for (const auto& [what, content] : damaged) {
    CAPTURE(what);
    c.dir.write("db/newsdex-facets", content);
    CHECK(fresh_answers(c.db, few_queries()) == expected);
  }
  // A byte changed in the last section only (the story keys, which only a collapsed search
  // over several databases reads): the kinds before it are read from the file, the story
  // keys are refused.
  std::string d = good;
  d[good.size() - 5] = char(d[good.size() - 5] ^ 1);
  c.dir.write("db/newsdex-facets", d);
  std::vector<Answer> got;
  const std::string log = debug_log([&] { got = fresh_answers(c.db, few_queries()); });
  CHECK(contains(log, "from the facet file"));
  CHECK(got == expected);
  const Xapian::Database db(c.db);
  std::string why;
  const auto file = detail::FacetFile::open(c.db, db, why);
  REQUIRE_MESSAGE(file, why);
  CHECK(file->stories(why));
  CHECK(!file->story_keys(why));
  CHECK(contains(why, "damaged"));
  // A file of format 1 (before the story keys) is ignored as a whole.
  std::string old = good;
  old[16] = 1;
  c.dir.write("db/newsdex-facets", old);
  CHECK(!detail::FacetFile::open(c.db, db, why));
  CHECK(contains(why, "format 1"));
}
