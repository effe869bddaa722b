// newsdex's query language. Borrowed from Xapian's QueryParser: its conventions (implicit
// AND, `-word`, `"phrases"`, `NEAR`, `prefix*`, `field:value`); not borrowed: its
// tokenizer, which differs from the ICU chain documents went through and would lose matches.
#include "query_parser.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <vector>

#include "best_match.h"
#include "core/schema.h"
#include "core/utf8.h"
#include "edit_distance.h"
#include "money_range.h"
#include "newsdex/error.h"

namespace newsdex {
namespace {

enum class Tok {
  word,
  phrase,
  field,
  lparen,
  rparen,
  minus,
  plus,
  op_and,
  op_or,
  op_not,
  op_near,
  end
};

struct Lexeme {
  Tok type = Tok::end;
  std::string text;   // word / phrase text / field value
  std::string field;  // for Tok::field
  bool quoted = false;
  int near_window = 10;
  std::size_t pos = 0;        // byte offset of the lexeme in the query
  std::size_t value_pos = 0;  // byte offset of a field's value
};

const char* const kFields[] = {"title",   "source", "company", "person",
                               "product", "money",  "percent", "date"};

bool is_field(std::string_view name) {
  for (const char* f : kFields)
    if (name == f) return true;
  return false;
}

// The field @p name is a misspelling of (`compnay` → `company`), or null. Only close
// misspellings of names of four letters or more: a word such as `re:Invent` stays a word.
const char* misspelt_field(std::string_view name) {
  if (name.size() < 4 || name.size() > 12) return nullptr;
  std::string lower;
  for (char c : name) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return nullptr;
    lower.push_back(char(std::tolower(static_cast<unsigned char>(c))));
  }
  for (const char* f : kFields)
    if (lower == f || detail::edit_distance(lower, f, 2) <= 2) return f;
  return nullptr;
}

// Length of a quote character at i (`"`, `“`, `”`), or 0.
std::size_t quote_at(const std::string& q, std::size_t i) {
  if (q[i] == '"') return 1;
  if (i + 2 < q.size() + 0 && q.compare(i, 3, "\xE2\x80\x9C") == 0) return 3;
  if (i + 2 < q.size() + 0 && q.compare(i, 3, "\xE2\x80\x9D") == 0) return 3;
  return 0;
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Lexer {
 public:
  explicit Lexer(const std::string& q) : q_(q) {}

  std::vector<Lexeme> run() {
    std::vector<Lexeme> out;
    std::size_t i = 0;
    while (i < q_.size()) {
      if (is_ws(q_[i])) {
        ++i;
        continue;
      }
      Lexeme l;
      l.pos = i;
      if (q_[i] == '(') {
        l.type = Tok::lparen;
        ++i;
      } else if (q_[i] == ')') {
        l.type = Tok::rparen;
        ++i;
      } else if (std::size_t ql = quote_at(q_, i)) {
        l.type = Tok::phrase;
        l.text = read_quoted(i, ql);
        l.quoted = true;
      } else if ((q_[i] == '-' || q_[i] == '+') && i + 1 < q_.size() && !is_ws(q_[i + 1]) &&
                 q_[i + 1] != '-' && q_[i + 1] != ')') {
        l.type = q_[i] == '-' ? Tok::minus : Tok::plus;
        ++i;
      } else {
        std::size_t start = i;
        while (i < q_.size() && !is_ws(q_[i]) && q_[i] != '(' && q_[i] != ')' && !quote_at(q_, i)) {
          if (q_[i] == ':' && is_field(std::string_view(q_).substr(start, i - start))) break;
          ++i;
        }
        std::string word = q_.substr(start, i - start);
        if (i < q_.size() && q_[i] == ':' && is_field(word)) {
          l.type = Tok::field;
          l.field = word;
          ++i;
          l.value_pos = i;
          if (i < q_.size() && quote_at(q_, i)) {
            l.text = read_quoted(i, quote_at(q_, i));
            l.quoted = true;
          } else {
            std::size_t vs = i;
            while (i < q_.size() && !is_ws(q_[i]) && q_[i] != ')') ++i;
            l.text = q_.substr(vs, i - vs);
          }
          if (l.text.empty())
            throw QueryError(word + ": needs a value (e.g. " + word + ":" +
                                 (word == "money"  ? ">=1e9"
                                  : word == "date" ? "2025-01"
                                                   : "oracle") +
                                 ")",
                             l.pos);
        } else if (word == "AND") {
          l.type = Tok::op_and;
        } else if (word == "OR") {
          l.type = Tok::op_or;
        } else if (word == "NOT") {
          l.type = Tok::op_not;
        } else if (word == "NEAR" || word.rfind("NEAR/", 0) == 0) {
          l.type = Tok::op_near;
          if (word.size() > 5) {
            char* end = nullptr;
            long n = std::strtol(word.c_str() + 5, &end, 10);
            if (*end || n < 1 || n > 1000)
              throw QueryError("NEAR/n needs a whole number from 1 to 1000", l.pos);
            l.near_window = int(n);
          }
        } else {
          if (const std::size_t colon = word.find(':');
              colon != std::string::npos && colon + 1 < word.size()) {
            if (const char* f = misspelt_field(std::string_view(word).substr(0, colon)))
              throw QueryError("unknown field '" + word.substr(0, colon) + ":' (did you mean " + f +
                                   ":?); quote the word to search it as text",
                               l.pos);
          }
          l.type = Tok::word;
          l.text = word;
        }
      }
      out.push_back(std::move(l));
    }
    Lexeme end;
    end.pos = q_.size();
    out.push_back(end);
    return out;
  }

 private:
  std::string read_quoted(std::size_t& i, std::size_t open_len) {
    std::size_t open = i;
    i += open_len;
    std::size_t start = i;
    while (i < q_.size() && !quote_at(q_, i)) ++i;
    if (i >= q_.size()) throw QueryError("unbalanced quote: the \" here has no closing \"", open);
    std::string text = q_.substr(start, i - start);
    i += quote_at(q_, i);
    return text;
  }
  const std::string& q_;
};

// A parsed piece and the role it plays in its sequence.
struct Part {
  enum Role { positive, negative, filter } role = positive;
  Xapian::Query query;
};

Xapian::Query filter_of(const std::vector<Xapian::Query>& qs) {
  if (qs.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, qs.begin(), qs.end());
}

// Numbers in filters: `1e9`, `500000`, `1.5b`, `500m`, `2k`, `1,000`.
std::optional<double> parse_number(std::string_view s) {
  std::string t;
  for (char c : s)
    if (c != ',' && c != '_') t.push_back(c);
  if (t.empty()) return std::nullopt;
  double mult = 1;
  std::string lower;
  for (char c : t) lower.push_back(char(std::tolower(static_cast<unsigned char>(c))));
  auto strip = [&](std::string_view suf, double m) {
    if (lower.size() > suf.size() &&
        lower.compare(lower.size() - suf.size(), suf.size(), suf) == 0 &&
        std::isdigit(static_cast<unsigned char>(lower[lower.size() - suf.size() - 1]))) {
      lower.resize(lower.size() - suf.size());
      mult = m;
      return true;
    }
    return false;
  };
  strip("bn", 1e9) || strip("tn", 1e12) || strip("t", 1e12) || strip("b", 1e9) || strip("m", 1e6) ||
      strip("k", 1e3);
  char* end = nullptr;
  double v = std::strtod(lower.c_str(), &end);
  if (end == lower.c_str() || *end) return std::nullopt;
  // Checked after scaling: `1e308t` is finite before it and infinite after.
  v *= mult;
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

using Range = detail::AmountRange;  // money and percent ranges

// `>=1e9`, `<5`, `1e6..1e9`, `1e9..`, `..100`, `34`.
std::optional<Range> parse_range(std::string_view s) {
  Range r;
  auto two = s.substr(0, 2);
  if (two == ">=" || two == "<=") {
    auto v = parse_number(s.substr(2));
    if (!v) return std::nullopt;
    (two == ">=" ? r.lo : r.hi) = *v;
    return r;
  }
  if (!s.empty() && (s[0] == '>' || s[0] == '<' || s[0] == '=')) {
    auto v = parse_number(s.substr(1));
    if (!v) return std::nullopt;
    if (s[0] == '>')
      r.lo = *v, r.lo_open = true;
    else if (s[0] == '<')
      r.hi = *v, r.hi_open = true;
    else
      r.lo = r.hi = *v;
    return r;
  }
  auto dots = s.find("..");
  if (dots != std::string_view::npos) {
    auto a = s.substr(0, dots), b = s.substr(dots + 2);
    if (a.empty() && b.empty()) return std::nullopt;
    if (!a.empty()) {
      auto v = parse_number(a);
      if (!v) return std::nullopt;
      r.lo = *v;
    }
    if (!b.empty()) {
      auto v = parse_number(b);
      if (!v) return std::nullopt;
      r.hi = *v;
    }
    return r;
  }
  auto v = parse_number(s);
  if (!v) return std::nullopt;
  r.lo = r.hi = *v;
  return r;
}

class Parser {
 public:
  Parser(Analyzer& analyzer, const QueryParser::Extractor& extractor, const Xapian::Database& db,
         const QueryParser::Aliases& aliases, std::vector<Lexeme> lex, DefaultMatch match,
         bool portable, ParsedQuery& out)
      : analyzer_(analyzer),
        extractor_(extractor),
        db_(db),
        aliases_(aliases),
        lex_(std::move(lex)),
        match_(match),
        portable_(portable),
        out_(out) {}

  Xapian::Query parse_all() {
    if (peek().type == Tok::end) throw QueryError("empty query", 0);
    Xapian::Query q = parse_or();
    if (peek().type == Tok::rparen)
      throw QueryError("unbalanced bracket: this ) has no matching (", peek().pos);
    if (peek().type != Tok::end) throw QueryError("unexpected text", peek().pos);
    return q;
  }

 private:
  const Lexeme& peek() const { return lex_[i_]; }
  const Lexeme& take() { return lex_[i_++]; }

  static bool starts_atom(Tok t) {
    return t == Tok::word || t == Tok::phrase || t == Tok::field || t == Tok::lparen ||
           t == Tok::minus || t == Tok::plus || t == Tok::op_not;
  }

  Xapian::Query parse_or() {
    if (peek().type == Tok::op_or) throw QueryError("OR needs a term before it", peek().pos);
    std::vector<Xapian::Query> alts{parse_seq()};
    while (peek().type == Tok::op_or) {
      const Lexeme& op = take();
      if (!starts_atom(peek().type)) throw QueryError("OR needs a term after it", op.pos);
      alts.push_back(parse_seq());
    }
    if (alts.size() == 1) return alts[0];
    return Xapian::Query(Xapian::Query::OP_OR, alts.begin(), alts.end());
  }

  // A sequence of units joined by the default operator; negatives and filters apply to it.
  Xapian::Query parse_seq() {
    std::vector<Xapian::Query> pos, neg, filt;
    while (starts_atom(peek().type)) {
      Part p = parse_unit();
      if (p.query.empty()) continue;
      (p.role == Part::positive ? pos : p.role == Part::negative ? neg : filt).push_back(p.query);
    }
    if (peek().type == Tok::op_and || peek().type == Tok::op_near)
      throw QueryError(
          std::string(peek().type == Tok::op_and ? "AND" : "NEAR") + " needs a term before it",
          peek().pos);
    if (match_ == DefaultMatch::best && pos.size() > 1)
      return combine(detail::best_match(pos, db_, portable_), neg, filt);
    return combine(pos, neg, filt,
                   match_ == DefaultMatch::all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
  }

  static Xapian::Query combine(const std::vector<Xapian::Query>& pos,
                               const std::vector<Xapian::Query>& neg,
                               const std::vector<Xapian::Query>& filt, Xapian::Query::op op) {
    Xapian::Query q;
    if (!pos.empty()) q = pos.size() == 1 ? pos[0] : Xapian::Query(op, pos.begin(), pos.end());
    return combine(q, neg, filt);
  }

  // The positive part @p q (empty if none), restricted by the filters, minus the negatives.
  static Xapian::Query combine(Xapian::Query q, const std::vector<Xapian::Query>& neg,
                               const std::vector<Xapian::Query>& filt) {
    if (!filt.empty()) {
      Xapian::Query f = filter_of(filt);
      q = q.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, f, 0)
                    : Xapian::Query(Xapian::Query::OP_FILTER, q, f);
    }
    if (!neg.empty()) {
      if (q.empty()) q = Xapian::Query::MatchAll;
      q = Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                        Xapian::Query(Xapian::Query::OP_OR, neg.begin(), neg.end()));
    }
    return q;
  }

  // unary ("AND" unary)*: explicit AND binds tighter than the default operator.
  Part parse_unit() {
    Part first = parse_unary();
    if (peek().type != Tok::op_and) return first;
    std::vector<Xapian::Query> pos, neg, filt;
    auto add = [&](Part& p) {
      if (p.query.empty()) return;
      (p.role == Part::positive ? pos : p.role == Part::negative ? neg : filt).push_back(p.query);
    };
    add(first);
    while (peek().type == Tok::op_and) {
      const Lexeme& op = take();
      if (!starts_atom(peek().type)) throw QueryError("AND needs a term after it", op.pos);
      Part p = parse_unary();
      add(p);
    }
    return Part{Part::positive, combine(pos, neg, filt, Xapian::Query::OP_AND)};
  }

  Part parse_unary() {
    Tok t = peek().type;
    if (t == Tok::op_not || t == Tok::minus) {
      const Lexeme& op = take();
      if (!starts_atom(peek().type) || peek().type == Tok::op_not || peek().type == Tok::minus)
        throw QueryError(std::string(t == Tok::op_not ? "NOT" : "-") + " needs a term after it",
                         op.pos);
      ++negated_;
      Part p = parse_atom();
      --negated_;
      if (p.query.empty()) return p;
      return Part{Part::negative, p.query};
    }
    if (t == Tok::plus) take();
    return parse_atom();
  }

  Part parse_atom() {
    const Lexeme& l = take();
    switch (l.type) {
      case Tok::lparen: {
        if (peek().type == Tok::rparen) throw QueryError("empty brackets", l.pos);
        if (peek().type == Tok::end)
          throw QueryError("unbalanced bracket: this ( has no matching )", l.pos);
        // Each level recurses (here, in Xapian's query tree and in its destructor): bounded,
        // so no query can exhaust the stack.
        if (depth_ >= kMaxBracketDepth)
          throw QueryError("brackets nested deeper than " + std::to_string(kMaxBracketDepth),
                           l.pos);
        ++depth_;
        Xapian::Query q = parse_or();
        --depth_;
        if (peek().type != Tok::rparen)
          throw QueryError("unbalanced bracket: this ( has no matching )", l.pos);
        take();
        return Part{Part::positive, q};
      }
      case Tok::phrase:
        return Part{Part::positive, phrase(l.text, "", l.pos)};
      case Tok::field:
        return field(l);
      case Tok::word: {
        Part p{Part::positive, word(l)};
        if (peek().type == Tok::op_near) return Part{Part::positive, near(l)};
        return p;
      }
      default:
        throw QueryError("expected a word here", l.pos);
    }
  }

  void highlight(const std::string& t) {
    if (negated_) return;
    out_.highlight.push_back(t);
    out_.highlight_stems.push_back(analyzer_.stem(t));
  }

  std::vector<Token> primaries(const std::string& text) {
    std::vector<Token> toks;
    analyzer_.analyze(text, toks);
    return toks;
  }

  // A free word: its stem; a compound (`gpt-4`, `$500`) as written; else a phrase of parts.
  Xapian::Query word(const Lexeme& l, std::string_view prefix = "") {
    std::string text = l.text;
    bool wildcard = !text.empty() && text.back() == '*';
    if (wildcard) text.pop_back();
    std::vector<Token> toks = primaries(text);
    std::vector<const Token*> prim;
    const Token* whole = nullptr;
    for (const Token& t : toks) {
      if (!t.compound)
        prim.push_back(&t);
      else if (t.begin == 0 && t.end >= text.size() - 0 && !whole)
        whole = &t;
    }
    if (prim.empty()) return Xapian::Query();  // punctuation only: nothing to match
    if (wildcard) {
      if (prim.size() != 1 && !whole)
        throw QueryError("a wildcard needs a single word before the *", l.pos);
      const std::string& stem_start = whole ? whole->text : prim[0]->text;
      if (!negated_) out_.highlight_prefixes.push_back(stem_start);
      return wildcard_terms(std::string(prefix) + stem_start);
    }
    if (whole) {
      for (const Token* t : prim) highlight(t->text);
      return Xapian::Query(std::string(prefix) + whole->text);
    }
    if (prim.size() == 1) {
      highlight(prim[0]->text);
      return Xapian::Query(std::string(prefix) + analyzer_.stem(prim[0]->text));
    }
    return phrase_of(prim, prefix);
  }

  Xapian::Query phrase_of(const std::vector<const Token*>& prim, std::string_view prefix) {
    std::vector<Xapian::Query> terms;
    for (const Token* t : prim) {  // the index holds stems only (schema.md)
      terms.emplace_back(std::string(prefix) + analyzer_.stem(t->text));
      highlight(t->text);
    }
    if (terms.size() == 1) return terms[0];
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         Xapian::termcount(terms.size()));
  }

  Xapian::Query phrase(const std::string& text, std::string_view prefix, std::size_t pos) {
    std::vector<Token> toks = primaries(text);
    std::vector<const Token*> prim;
    for (const Token& t : toks)
      if (!t.compound) prim.push_back(&t);
    if (prim.empty()) throw QueryError("this phrase has no words to search for", pos);
    return phrase_of(prim, prefix);
  }

  // w1 NEAR w2 [NEAR w3...]: stems within a window.
  Xapian::Query near(const Lexeme& first) {
    std::vector<Xapian::Query> terms;
    int window = 0;  // the widest NEAR/n of the chain; plain NEAR is NEAR/10
    auto single = [&](const Lexeme& w) {
      std::vector<Token> toks = primaries(w.text);
      const Token* t = nullptr;
      for (const Token& k : toks)
        if (!k.compound) {
          if (t) throw QueryError("NEAR takes single words", w.pos);
          t = &k;
        }
      if (!t) throw QueryError("NEAR takes single words", w.pos);
      highlight(t->text);
      terms.emplace_back(analyzer_.stem(t->text));
    };
    single(first);
    while (peek().type == Tok::op_near) {
      const Lexeme& op = take();
      window = std::max(window, op.near_window);

      if (peek().type != Tok::word) throw QueryError("NEAR needs a word after it", op.pos);
      single(take());
    }
    return Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(),
                         Xapian::termcount(window + terms.size() - 1));
  }

  // The terms starting with @p stem (the 1000 most frequent), as one synonym. Expanded here,
  // against all the databases as one, not by Xapian's OP_WILDCARD: that expands in each
  // database (each remote shard) apart, and several databases then weigh the wildcard
  // differently from one holding all their documents, and remote shards differently from
  // the same shards local. One list of terms is weighed by their statistics over all.
  Xapian::Query wildcard_terms(const std::string& stem) {
    constexpr std::size_t kMaxTerms = 1000;
    std::vector<std::pair<Xapian::doccount, std::string>> terms;
    for (auto t = db_.allterms_begin(stem); t != db_.allterms_end(stem); ++t)
      terms.emplace_back(t.get_termfreq(), *t);
    if (terms.size() > kMaxTerms) {
      std::nth_element(terms.begin(), terms.begin() + kMaxTerms, terms.end(),
                       [](const auto& a, const auto& b) {
                         return a.first != b.first ? a.first > b.first : a.second < b.second;
                       });
      terms.resize(kMaxTerms);
      std::sort(terms.begin(), terms.end(),
                [](const auto& a, const auto& b) { return a.second < b.second; });
    }
    // None: the stem itself, no term (else it were listed), matches nothing (as a wildcard
    // with no expansion did; an empty query would drop out of its AND instead).
    if (terms.empty()) return Xapian::Query(stem);
    std::vector<Xapian::Query> q;
    q.reserve(terms.size());
    for (auto& [freq, term] : terms) q.emplace_back(std::move(term));
    return Xapian::Query(Xapian::Query::OP_SYNONYM, q.begin(), q.end());
  }

  Part field(const Lexeme& l) {
    const std::string& f = l.field;
    const std::string& v = l.text;
    auto bad = [&](const std::string& example) {
      return QueryError(f + ": cannot read '" + v + "' (expected e.g. " + example + ")",
                        l.value_pos);
    };
    if (f == "title") {
      if (l.quoted) return Part{Part::positive, phrase(v, schema::kTitle, l.value_pos)};
      Lexeme w = l;
      w.pos = l.value_pos;
      return Part{Part::positive, word(w, schema::kTitle)};
    }
    if (f == "source") {
      std::string norm = analyzer_.normalize(v);
      if (norm.empty()) throw bad("source:\"The Verge\"");
      return Part{Part::filter, Xapian::Query(std::string(schema::kSource) + norm)};
    }
    if (f == "company" || f == "person" || f == "product") {
      EntityKind k = *parse_entity_kind(f);
      const std::string prefix(schema::entity_prefix(k));
      // A key as the facets print it, else the name's canonical key (labels, aliases).
      std::string key =
          !v.empty() && db_.term_exists(prefix + v) ? v : extractor_().canonical_key(k, v);
      if (key.empty()) throw bad(f + ":oracle");
      if (k == EntityKind::person && aliases_) {
        // Every key that resolves as this one does: what the person facet counts as one.
        std::vector<std::string> terms = aliases_().members(key);
        for (std::string& m : terms) m.insert(0, prefix);
        return Part{Part::filter, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end())};
      }
      return Part{Part::filter, Xapian::Query(prefix + key)};
    }
    if (f == "money" || f == "percent") {
      std::string currency;
      std::string_view spec = v;
      if (f == "money") {
        // `USD`, `USD:1e6..1e9`, `usd>=1e9`
        std::size_t n = 0;
        while (n < spec.size() && std::isalpha(static_cast<unsigned char>(spec[n]))) ++n;
        if (n == 3) {
          for (char c : spec.substr(0, 3)) currency.push_back(char(std::toupper(c)));
          spec.remove_prefix(3);
          if (!spec.empty() && spec[0] == ':') spec.remove_prefix(1);
        } else if (n > 0) {
          throw bad("money:>=1e9, money:USD:1e6..1e9");
        }
      }
      Range r;
      if (!spec.empty()) {
        auto parsed = parse_range(spec);
        if (!parsed) throw bad(f == "money" ? "money:>=1e9, money:USD:1e6..1e9" : "percent:>=10");
        r = *parsed;
        if (r.lo > r.hi)
          throw QueryError(f + ": the range " + v + " ends before it starts", l.value_pos);
      }
      // An OR of decade and digit terms (money_range.h).
      return Part{Part::filter,
                  detail::numeric_range_query(
                      db_, f == "money" ? EntityKind::money : EntityKind::percent, currency, r)};
    }
    if (f == "date") return Part{Part::filter, date_filter(l)};
    throw bad("?");
  }

  // date:2025, date:2025-01, date:2025-01-22, date:2025-01..2025-03, date:..2024, date:>=2024-06
  Xapian::Query date_filter(const Lexeme& l) {
    std::string_view v = l.text;
    auto bad = [&] {
      return QueryError(
          "date: cannot read '" + l.text + "' (expected e.g. date:2025, date:2025-01..2025-03)",
          l.value_pos);
    };
    auto bound = [&](std::string_view s, bool upper) -> std::string {
      auto d = parse_iso_date(s);
      if (!d) throw bad();
      return schema::date_value(*d, upper);
    };
    std::string lo, hi;
    if (v.substr(0, 2) == ">=")
      lo = bound(v.substr(2), false);
    else if (v.substr(0, 2) == "<=")
      hi = bound(v.substr(2), true);
    else if (auto dots = v.find(".."); dots != std::string_view::npos) {
      if (dots > 0) lo = bound(v.substr(0, dots), false);
      if (dots + 2 < v.size()) hi = bound(v.substr(dots + 2), true);
      if (lo.empty() && hi.empty()) throw bad();
      if (!lo.empty() && !hi.empty() && lo > hi)
        throw QueryError("date: the range " + l.text + " ends before it starts", l.value_pos);
    } else {
      lo = bound(v, false);
      hi = bound(v, true);
    }
    if (lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, hi);
    if (hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, lo);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, lo, hi);
  }

  Analyzer& analyzer_;
  const QueryParser::Extractor& extractor_;
  const Xapian::Database& db_;
  const QueryParser::Aliases& aliases_;
  static constexpr int kMaxBracketDepth = 100;
  int depth_ = 0;  // brackets open around the current atom
  std::vector<Lexeme> lex_;
  std::size_t i_ = 0;
  DefaultMatch match_;
  bool portable_;
  ParsedQuery& out_;
  int negated_ = 0;
};

}  // namespace

std::vector<QueryText> query_texts(const std::string& query) {
  std::vector<QueryText> out;
  const std::vector<Lexeme> lex = Lexer(query).run();
  int skip_depth = -1;  // inside a negated bracket: the depth it opened at
  int depth = 0;
  for (std::size_t i = 0; i < lex.size(); ++i) {
    const Lexeme& l = lex[i];
    const bool negated =
        skip_depth >= 0 ||
        (i > 0 && (lex[i - 1].type == Tok::minus || lex[i - 1].type == Tok::op_not));
    if (l.type == Tok::lparen) {
      if (negated && skip_depth < 0) skip_depth = depth;
      ++depth;
      continue;
    }
    if (l.type == Tok::rparen) {
      if (--depth == skip_depth) skip_depth = -1;
      continue;
    }
    if (negated) continue;
    if (l.type == Tok::word && !l.text.empty() && l.text.back() != '*') {
      out.push_back({l.pos, l.pos + l.text.size()});
    } else if (l.type == Tok::phrase) {
      const std::size_t b = l.pos + quote_at(query, l.pos);
      out.push_back({b, b + l.text.size()});
    } else if (l.type == Tok::field && l.field == "title" && !l.text.empty() &&
               l.text.back() != '*') {
      const std::size_t b = l.value_pos + (l.quoted ? quote_at(query, l.value_pos) : 0);
      out.push_back({b, b + l.text.size()});
    }
  }
  return out;
}

QueryParser::QueryParser(Analyzer& analyzer, Extractor extractor)
    : analyzer_(analyzer), extractor_(std::move(extractor)) {}

ParsedQuery QueryParser::parse(const std::string& query, DefaultMatch match,
                               const Xapian::Database& db, const Aliases& aliases) {
  ParsedQuery out;
  // The same answer whatever prints the result: invalid bytes are a located error here, not
  // a failure of whatever later encodes the query (JSON output) or a silent mismatch.
  if (const std::size_t bad = utf8::first_invalid(query); bad != std::string::npos)
    throw QueryError(
        "the query is not valid UTF-8 (an invalid byte at " + std::to_string(bad) + ")", bad);
  Lexer lexer(query);
  Parser parser(analyzer_, extractor_, db, aliases, lexer.run(), match, portable_, out);
  out.query = parser.parse_all();
  if (out.query.empty()) throw QueryError("the query has no words to search for", 0);
  return out;
}

}  // namespace newsdex
