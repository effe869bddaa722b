// The boolean pass read from the posting lists (searcher/src/boolean_match.h) must match
// exactly the documents Xapian's own matcher matches, for any tree of the operators it
// evaluates: random query trees over the seeds' words, on one database with gaps in its
// docids (deleted documents) and on two databases searched as one (interleaved docids).
// Operators it does not evaluate give std::nullopt, never a wrong set.
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "boolean_match.h"
#include "seed_stories.h"
#include "tmpdir.h"

using newsdex::detail::boolean_match;
using Q = Xapian::Query;

namespace {

// Each line of the seeds (real text) as a document of lower-case words: the lines in turn
// into @p dbs. Returns the vocabulary.
std::vector<std::string> fill(std::vector<Xapian::WritableDatabase>& dbs) {
  std::vector<std::string> words;
  std::size_t n = 0;
  for (const Seed& s : seeds()) {
    std::istringstream lines(s.body);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.size() < 20) continue;
      Xapian::Document doc;
      std::string w;
      for (char c : line + " ") {
        if (std::isalnum(static_cast<unsigned char>(c))) {
          w += char(std::tolower(static_cast<unsigned char>(c)));
        } else if (!w.empty()) {
          doc.add_term(w);
          words.push_back(w);
          w.clear();
        }
      }
      dbs[n++ % dbs.size()].add_document(doc);
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::vector<Xapian::docid> xapian_match(const Xapian::Database& db, const Q& q) {
  Xapian::Enquire e(db);
  e.set_query(q);
  e.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet m = e.get_mset(0, db.get_doccount() + 1);
  std::vector<Xapian::docid> out;
  for (Xapian::MSetIterator it = m.begin(); it != m.end(); ++it) out.push_back(*it);
  std::sort(out.begin(), out.end());
  return out;
}

struct RandomQueries {
  const std::vector<std::string>& words;
  std::mt19937 rng{20261206};

  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  }

  Q leaf() {
    switch (pick(12)) {
      case 0:
        return Q::MatchAll;
      case 1:
        return Q::MatchNothing;
      case 2:
        return Q("no-such-word");
      default:
        return Q(words[pick(words.size())]);
    }
  }

  Q tree(int depth) {
    if (depth == 0 || pick(4) == 0) return leaf();
    static const Q::op ops[] = {Q::OP_AND,     Q::OP_OR,  Q::OP_AND_NOT,   Q::OP_FILTER,
                                Q::OP_SYNONYM, Q::OP_MAX, Q::OP_AND_MAYBE, Q::OP_XOR};
    const Q::op op = pick(9) == 0 ? Q::OP_SCALE_WEIGHT : ops[pick(std::size(ops))];
    if (op == Q::OP_SCALE_WEIGHT) return Q(op, tree(depth - 1), 0.5);
    std::vector<Q> subs;
    const std::size_t n = 2 + pick(3);
    for (std::size_t i = 0; i < n; ++i) subs.push_back(tree(depth - 1));
    return Q(op, subs.begin(), subs.end());
  }
};

}  // namespace

TEST_CASE("the boolean pass matches what Xapian's matcher matches, on one and two databases") {
  TempDir dir;
  std::vector<Xapian::WritableDatabase> dbs{Xapian::WritableDatabase(dir / "a", Xapian::DB_CREATE),
                                            Xapian::WritableDatabase(dir / "b", Xapian::DB_CREATE)};
  const std::vector<std::string> words = fill(dbs);
  REQUIRE(words.size() > 500);
  // Gaps: every fifth document of the first database deleted.
  const Xapian::docid last = dbs[0].get_lastdocid();
  for (Xapian::docid d = 5; d <= last; d += 5) dbs[0].delete_document(d);
  for (auto& w : dbs) w.commit();

  Xapian::Database one(dir / "a");
  Xapian::Database both(dir / "a");
  both.add_database(Xapian::Database(dir / "b"));
  REQUIRE(one.get_doccount() < one.get_lastdocid());

  RandomQueries gen{words};
  std::size_t nonempty = 0, compared = 0;
  for (int i = 0; i < 600; ++i) {
    const Q q = gen.tree(1 + i % 4);
    for (const Xapian::Database* db : {&one, &both}) {
      CAPTURE(q.get_description());
      const auto got = boolean_match(*db, q);
      REQUIRE(got.has_value());
      const std::vector<Xapian::docid> want = xapian_match(*db, q);
      CHECK(*got == want);
      nonempty += !want.empty();
      ++compared;
    }
  }
  // The random trees are not all trivially empty or all of the database.
  CHECK(compared == 1200);
  CHECK(nonempty > 400);
  // A common word AND a rare one: the common one is checked by skip_to(), the path taken
  // when its list is far longer than the candidates.
  const Q skip(Q::OP_AND, Q("the"), Q("xapian"));
  CHECK(*boolean_match(one, skip) == xapian_match(one, skip));
  const Q skip_not(Q::OP_AND_NOT, Q("xapian"), Q("the"));
  CHECK(*boolean_match(both, skip_not) == xapian_match(both, skip_not));
}

TEST_CASE("operators the boolean pass does not evaluate give no answer rather than a wrong one") {
  TempDir dir;
  std::vector<Xapian::WritableDatabase> dbs{Xapian::WritableDatabase(dir / "a", Xapian::DB_CREATE)};
  fill(dbs);
  dbs[0].commit();
  Xapian::Database db(dir / "a");
  const Q word("the");
  const std::vector<Q> positional{Q("the"), Q("company")};
  CHECK_FALSE(boolean_match(db, Q(Q::OP_PHRASE, positional.begin(), positional.end())));
  CHECK_FALSE(boolean_match(db, Q(Q::OP_NEAR, positional.begin(), positional.end())));
  CHECK_FALSE(boolean_match(db, Q(Q::OP_VALUE_RANGE, 1, "a", "b")));
  CHECK_FALSE(boolean_match(db, Q(Q::OP_VALUE_GE, 1, "a")));
  CHECK_FALSE(boolean_match(db, Q(Q::OP_WILDCARD, "comp")));
  // ... also deep inside a tree of operators it evaluates.
  CHECK_FALSE(boolean_match(db, Q(Q::OP_AND, word, Q(Q::OP_OR, word, Q(Q::OP_WILDCARD, "comp")))));
  CHECK(boolean_match(db, Q(Q::OP_AND, word, Q(Q::OP_OR, word, Q("company")))));
}
