#include "index/source_aware.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace newsdex::detail {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Whether text[b, e) ends with the word @p w, whole (nothing alphanumeric before it);
// @p at_line_start: and only white space between the line's start and it.
bool ends_with_word(std::string_view text, std::size_t e, std::string_view w, bool at_line_start) {
  if (e < w.size() || text.substr(e - w.size(), w.size()) != w) return false;
  std::size_t b = e - w.size();
  if (b > 0 && alnum(text[b - 1])) return false;
  if (!at_line_start) return true;
  while (b > 0 && space(text[b - 1])) --b;
  return b == 0 || text[b - 1] == '\n';
}

// Whether @p e is the first name of a byline: `By Name`, or `by Name` at a line's start,
// with up to three words of a writer's role between (`By guest contributor Name`, `by staff
// writer Name`); or the first of an `Authors` list (`Authors Rachel Fong Josh Tobin`), or after
// `Written by`, `Story by`, `Reporting by` (`Additional reporting by`), `Editing by`, `Writing by`,
// `Words by` anywhere on a line: a wire story's credits.
bool after_by(std::string_view text, const Entity& e) {
  std::size_t p = e.begin;
  for (int words = 0; words <= 3; ++words) {
    const std::size_t word_end = p;
    while (p > 0 && space(text[p - 1])) --p;
    if (p == word_end) return false;  // `By` must be a word of its own
    if (ends_with_word(text, p, "By", false) || ends_with_word(text, p, "by", true) ||
        ends_with_word(text, p, "BY", false))
      return true;
    if (words == 0 &&
        (ends_with_word(text, p, "Authors", true) || ends_with_word(text, p, "Author", true) ||
         ends_with_word(text, p, "Written by", false) ||
         ends_with_word(text, p, "Story by", false) ||
         ends_with_word(text, p, "Reporting by", false) ||
         ends_with_word(text, p, "reporting by", false) ||
         ends_with_word(text, p, "Editing by", false) ||
         ends_with_word(text, p, "editing by", false) ||
         ends_with_word(text, p, "Writing by", false) ||
         ends_with_word(text, p, "Words by", false)))
      return true;
    // A writer's role before: `contributor` in `By guest contributor`.
    std::size_t b = p;
    while (b > 0 && std::islower(static_cast<unsigned char>(text[b - 1]))) --b;
    if (b == p || (b > 0 && alnum(text[b - 1]))) return false;
    static constexpr std::string_view kRoles[] = {
        "guest",  "contributor", "contributing", "staff",    "writer",     "reporter",
        "senior", "special",     "editor",       "our",      "columnist",  "correspondent",
        "news",   "science",     "technology",   "business", "associated", "press"};
    if (std::find(std::begin(kRoles), std::end(kRoles), text.substr(b, p - b)) == std::end(kRoles))
      return false;
    p = b;
  }
  return false;
}

// Whether the page's share bar follows @p e right away (`Kim-Mai Cutler Share on Facebook
// Share on X`): the author's line of a scraped page, a byline without `By`.
bool before_share_bar(std::string_view text, const Entity& e) {
  std::size_t p = e.end;
  while (p < text.size() && (space(text[p]) || text[p] == '\n')) ++p;
  if (p == e.end) return false;
  const std::string_view rest = text.substr(p, 9);
  return rest == "Share on " || rest.substr(0, 6) == "Share:" || rest == "Share thi";
}

// Whether a picture credit's slash follows @p e right away (`Stephanie Arnett/MITTR`,
// `Jane Roe/Getty Images`): the photographer or illustrator, not a subject.
bool before_credit_slash(std::string_view text, const Entity& e) {
  return e.end + 1 < text.size() && text[e.end] == '/' &&
         std::isupper(static_cast<unsigned char>(text[e.end + 1]));
}

// Whether a writer's title follows @p e with no comma (`Kyle Wiggers AI Staff Writer`,
// `Jane Roe senior staff writer`): a signature or an author box. Up to three capitalised
// words (or `staff`, `senior`), the last `Writer`, `Reporter` or `Contributor`.
bool before_writer_title(std::string_view text, const Entity& e) {
  std::size_t p = e.end;
  for (int words = 0; words < 4; ++words) {
    if (p >= text.size() || text[p] != ' ') return false;
    ++p;
    const std::size_t b = p;
    while (p < text.size() && alnum(text[p])) ++p;
    if (p == b) return false;
    const std::string_view w = text.substr(b, p - b);
    if (w == "Writer" || w == "Reporter" || w == "Contributor" || w == "writer" || w == "reporter")
      return true;
    if (!std::isupper(static_cast<unsigned char>(text[b])) && w != "staff" && w != "senior")
      return false;
  }
  return false;
}

// Whether @p e follows `tips to ` (`send news tips to Jane Roe`, the newsletter's writers) or
// `staff writer ` (`VentureBeat staff writer Jane Roe`, the publisher's own writer).
bool after_writer_cue(std::string_view text, const Entity& e) {
  for (std::string_view cue : {"tips to ", "staff writer ", "Staff Writer ", "staff reporter "})
    if (e.begin >= cue.size() && text.substr(e.begin - cue.size(), cue.size()) == cue) return true;
  return false;
}

// Whether @p e follows a live blog's entry stamp, `Nov 18 Jay Peters`: an abbreviated month
// without a dot (prose writes `Nov. 18` or `November 18`) and a day.
bool after_stamp(std::string_view text, const Entity& e) {
  std::size_t p = e.begin;
  if (p < 7 || text[p - 1] != ' ') return false;
  --p;
  std::size_t digits = 0;
  while (p > 0 && std::isdigit(static_cast<unsigned char>(text[p - 1])) && digits < 3)
    --p, ++digits;
  if (digits < 1 || digits > 2 || p < 5 || text[p - 1] != ' ') return false;
  const std::string_view month = text.substr(p - 4, 3);
  if (p > 4 && alnum(text[p - 5])) return false;
  for (std::string_view m :
       {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"})
    if (month == m) return true;
  return false;
}

// Whether @p e lies in an author list: after an `Authors`, `Author`, `Contributors` or
// `Written by` heading at a line's start, with only capitalised words (the other names)
// between (`Authors Rachel Fong Josh Tobin Jack Clark`: the names the extractor does not
// know break no chain).
bool in_author_block(std::string_view text, const Entity& e) {
  std::size_t p = e.begin;
  for (int words = 0; words < 40; ++words) {
    while (p > 0 && space(text[p - 1])) --p;
    if (p == 0 || text[p - 1] == '\n') return false;
    for (std::string_view h : {"Authors", "Author", "Contributors", "Written by"})
      if (ends_with_word(text, p, h, true)) return true;
    std::size_t b = p;
    while (b > 0 && !space(text[b - 1]) && text[b - 1] != '\n') --b;
    if (!std::isupper(static_cast<unsigned char>(text[b])) && text.substr(b, p - b) != "&")
      return false;
    p = b;
  }
  return false;
}

// Whether @p e is the subject of an author's bio: `Jane Roe is a senior writer at WIRED
// covering ...`: `is a|an`, up to three words, a writer's role, `at|for|with`, and the
// publisher (the company mention @p next, when its key is one of @p publisher).
bool bio_subject(std::string_view text, const Entity& e, const Entity* next,
                 const std::vector<std::string>& publisher) {
  if (!next || next->kind != EntityKind::company ||
      std::find(publisher.begin(), publisher.end(), next->key) == publisher.end())
    return false;
  std::string_view rest = text.substr(e.end, next->begin > e.end ? next->begin - e.end : 0);
  if (rest.size() > 90) return false;
  if (rest.substr(0, 6) == " is a ")
    rest.remove_prefix(6);
  else if (rest.substr(0, 7) == " is an ")
    rest.remove_prefix(7);
  else
    return false;
  // At most five words: `a senior staff writer at`; a clause (`a freelance writer who
  // covers mutual funds for Reuters`) is the article's own text, as the dev gold reads it.
  if (std::count(rest.begin(), rest.end(), ' ') > 5) return false;
  bool role = false;
  for (std::string_view r : {"writer", "editor", "reporter", "correspondent", "journalist",
                             "columnist", "contributor", "producer", "critic"})
    role = role || rest.find(r) != std::string_view::npos;
  if (!role) return false;
  while (!rest.empty() && space(rest.back())) rest.remove_suffix(1);
  return rest.ends_with(" at") || rest.ends_with(" for") || rest.ends_with(" with");
}

// Whether only a list separator (`, `, ` and `, ` & `) lies between two mentions, after the
// first one's city (`Reporting by Tina Bellon in New York and Rama Venkat in Bengaluru`).
bool list_gap(std::string_view gap) {
  if (gap.substr(0, 4) == " in ") {
    std::size_t q = 4, city_end = 0;
    for (int words = 0;
         words < 3 && q < gap.size() && std::isupper(static_cast<unsigned char>(gap[q])); ++words) {
      while (q < gap.size() && !space(gap[q]) && gap[q] != ',' && gap[q] != ';') ++q;
      city_end = q;
      if (q < gap.size() && gap[q] == ' ') ++q;
    }
    if (city_end == 0) return false;
    gap.remove_prefix(city_end);
  }
  std::size_t i = 0;
  while (i < gap.size() && (space(gap[i]) || gap[i] == ',')) ++i;
  gap.remove_prefix(i);
  if (gap.substr(0, 3) == "and")
    gap.remove_prefix(3);
  else if (gap.substr(0, 1) == "&")
    gap.remove_prefix(1);
  else if (i == 0)
    return false;
  for (char c : gap)
    if (!space(c)) return false;
  return true;
}

}  // namespace

std::vector<std::string> publisher_keys(const EntityExtractor& extractor, std::string_view source) {
  std::vector<std::string> out;
  if (source.empty()) return out;
  auto add = [&](std::string_view name) {
    std::string key = extractor.canonical_key(EntityKind::company, name);
    if (!key.empty() && std::find(out.begin(), out.end(), key) == out.end())
      out.push_back(std::move(key));
  };
  add(source);
  // As the extractor keys the outlet when a story credits it ("(AP)" -> associated press).
  for (const Entity& e : extractor.extract("Source: " + std::string(source), std::nullopt))
    if (e.kind == EntityKind::company) add(e.key);
  if (source.size() > 4 && (source.substr(0, 4) == "The " || source.substr(0, 4) == "the "))
    add(source.substr(4));
  if (source.size() > 5 && source.substr(source.size() - 5) == " News")  // BBC News: the BBC
    add(source.substr(0, source.size() - 5));
  return out;
}

void drop_source_entities(std::string_view text, const std::vector<std::string>& publisher,
                          std::vector<Entity>& ents) {
  std::set<std::string> bylined;
  std::vector<bool> stamped(ents.size());  // mentions after an entry stamp: those only
  const Entity* prev = nullptr;            // the byline person just before, if any
  for (std::size_t i = 0; i < ents.size(); ++i) {
    const Entity& e = ents[i];
    if (e.kind != EntityKind::person || e.end > text.size()) continue;
    const bool stamp = after_stamp(text, e);
    const Entity* next = i + 1 < ents.size() ? &ents[i + 1] : nullptr;
    const bool byline =
        after_by(text, e) || before_share_bar(text, e) || in_author_block(text, e) ||
        before_credit_slash(text, e) || before_writer_title(text, e) || after_writer_cue(text, e) ||
        bio_subject(text, e, next, publisher) ||
        (prev && prev->end <= e.begin && list_gap(text.substr(prev->end, e.begin - prev->end)));
    prev = byline || stamp ? &e : nullptr;
    if (byline) bylined.insert(e.key);
    stamped[i] = stamp;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < ents.size(); ++i) {
    const Entity& e = ents[i];
    const bool drop =
        e.kind == EntityKind::company
            ? std::find(publisher.begin(), publisher.end(), e.key) != publisher.end()
            : e.kind == EntityKind::person && (stamped[i] || bylined.count(e.key) > 0);
    if (!drop) {
      if (kept != i) ents[kept] = std::move(ents[i]);
      ++kept;
    }
  }
  ents.resize(kept);
}

}  // namespace newsdex::detail
