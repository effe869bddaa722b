// Date recognisers: absolute dates ("Jan. 22, 2025", "22 January 2025", "2025-01-22",
// "June 2019") and, against a published date, relative ones ("yesterday", "last Tuesday",
// "next year"); dates_pass, find_dates and find_published_date. The calendar arithmetic is
// core/civil.h.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil.h"
#include "entities/numeric.h"
#include "entities/numeric/scan.h"

namespace newsdex::detail {
namespace numeric {
namespace {

using civil::civil_from_days;
using civil::days_from_civil;
using civil::valid_day;
using civil::valid_month;
using civil::valid_year;
using civil::weekday;

/// Whether the word before @p b (across whitespace) is @p w (lower-case).
bool prev_word_is(string_view s, size_t b, string_view w) {
  size_t k = b;
  while (k > 0 && b - k < kMaxGap && (at(s, k - 1) == ' ' || at(s, k - 1) == '\n')) --k;
  if (k == b || k < w.size()) return false;
  const size_t start = k - w.size();
  return ieq_at(s, start, w) && !word_char_before(s, start);
}

void emit_date(std::vector<Entity>& out, string_view s, size_t b, size_t e, const CivilDate& d) {
  out.push_back(Entity{EntityKind::date, to_iso(d), std::string(s.substr(b, e - b)), b, e, 0});
}

/// Whether an absolute date span reads like a table row rather than prose: three or more
/// blanks in a row without a line break ("SEP    26     1799").
bool table_like(string_view s, size_t b, size_t e) {
  int run = 0;
  bool line_break = false;
  for (size_t k = b; k < e; ++k) {
    const u8 c = at(s, k);
    if (c == ' ' || c == '\t') {
      if (++run >= 3 && !line_break) return true;
    } else if (c == '\n' || c == '\r') {
      line_break = true;
    } else {
      run = 0, line_break = false;
    }
  }
  return false;
}

/// Skips an ordinal suffix ("st", "nd", "rd", "th") at @p p.
size_t skip_ordinal(string_view s, size_t p) {
  if (ieq_at(s, p, "st") || ieq_at(s, p, "nd") || ieq_at(s, p, "rd") || ieq_at(s, p, "th"))
    return p + 2;
  return p;
}

/// Whether a number (not a time such as "3:12" or "05.00") follows @p p on the same line:
/// a table row ("13  Jul 1261 1265 1264"), not a date.
bool number_follows(string_view s, size_t p) {
  size_t q = p;
  while (q < s.size() && q - p < kMaxGap && (at(s, q) == ' ' || at(s, q) == '\t')) ++q;
  if (q == p || q >= s.size() || !is_digit(at(s, q))) return false;
  const size_t r = digits_end(s, q);
  return !(r + 1 < s.size() && (at(s, r) == ':' || at(s, r) == '.') && is_digit(at(s, r + 1)));
}

/// Whether a time-zone abbreviation follows @p p ("1600 EST": a time, not a year).
bool zone_follows(string_view s, size_t p) {
  static constexpr string_view kZones[] = {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST",
                                           "PDT", "GMT", "BST", "CET", "UTC", "JST", "HKT"};
  if (p + 4 > s.size() || at(s, p) != ' ' || word_char_at(s, p + 4)) return false;
  for (string_view z : kZones)
    if (s.compare(p + 1, 3, z) == 0) return true;
  return false;
}

/// A four-digit year at @p p that ends cleanly ("2019", "2019’s", not "20195", "2019.5",
/// "1261 1265", "1600 EST").
bool year_at(string_view s, size_t p, int lo, int hi, int* year) {
  if (p + 4 > s.size() || digits_end(s, p) != p + 4) return false;
  if (word_char_at(s, p + 4) || !clean_end(s, p + 4) || number_follows(s, p + 4)) return false;
  const int y = (at(s, p) - '0') * 1000 + (at(s, p + 1) - '0') * 100 + (at(s, p + 2) - '0') * 10 +
                (at(s, p + 3) - '0');
  if (y < lo || y > hi) return false;
  if (y % 100 < 60 && y / 100 < 24 && zone_follows(s, p + 4)) return false;
  *year = y;
  return true;
}

constexpr int kMinYear = 1500, kMaxYear = 2999;            // with a day
constexpr int kMinYearMonth = 1800, kMaxYearMonth = 2199;  // "June 2019"

/// ", 2025" / " 2025" after a day: the year of a full date.
bool year_after_day(string_view s, size_t p, int* year, size_t* end) {
  if (p < s.size() && at(s, p) == ',') ++p;
  const size_t q = skip_space(s, p);
  if (q == p || !year_at(s, q, kMinYear, kMaxYear, year)) return false;
  *end = q + 4;
  return true;
}

/// Digits at a clean start: "2025-01-22" (or 2025/01/22), "22 January 2025",
/// "22nd of Jan. 2025". Returns where scanning resumes.
size_t date_digits(string_view s, size_t i, std::vector<Entity>& out) {
  const size_t r = digits_end(s, i);
  const size_t len = r - i;
  const size_t sz = s.size();
  if (!clean_start(s, i)) return r;
  if (len == 4) {
    if (r + 5 >= sz || (at(s, r) != '-' && at(s, r) != '/')) return r;
    const u8 sep = at(s, r);
    if (!(is_digit(at(s, r + 1)) && is_digit(at(s, r + 2)) && at(s, r + 3) == sep &&
          is_digit(at(s, r + 4)) && is_digit(at(s, r + 5))))
      return r;
    const size_t end = r + 6;
    if (end < sz) {
      const u8 c = at(s, end);
      const bool iso_time = c == 'T' && end + 1 < sz && is_digit(at(s, end + 1));
      if (is_digit(c) || (word_char_at(s, end) && !iso_time)) return r;
      if ((c == '-' || c == '/' || c == '.') && end + 1 < sz && is_digit(at(s, end + 1))) return r;
    }
    CivilDate d{(at(s, i) - '0') * 1000 + (at(s, i + 1) - '0') * 100 + (at(s, i + 2) - '0') * 10 +
                    (at(s, i + 3) - '0'),
                (at(s, r + 1) - '0') * 10 + (at(s, r + 2) - '0'),
                (at(s, r + 4) - '0') * 10 + (at(s, r + 5) - '0')};
    if (d.year < kMinYear || d.year > kMaxYear || !valid_day(d)) return r;
    emit_date(out, s, i, end, d);
    return end;
  }
  if (len > 2) return r;
  const int day = len == 1 ? at(s, i) - '0' : (at(s, i) - '0') * 10 + (at(s, i + 1) - '0');
  const size_t p = skip_ordinal(s, r);
  if (word_char_at(s, p)) return r;
  NextWord mw = next_word(s, p, false);
  if (is(mw, Cat::of)) mw = next_word(s, mw.e, false);
  if (!is(mw, Cat::month)) return r;
  size_t q = mw.e;
  if ((mw.w->flags & kAbbrev) && q < sz && at(s, q) == '.') ++q;
  CivilDate d{0, mw.w->value, day};
  size_t end;
  if (!year_after_day(s, q, &d.year, &end) || !valid_day(d) || table_like(s, i, end)) return r;
  emit_date(out, s, i, end, d);
  return end;
}

/// Whether the word before @p b (across a space) is a month name.
bool prev_word_is_month(string_view s, size_t b) {
  size_t k = b;
  while (k > 0 && b - k < 3 && at(s, k - 1) == ' ') --k;
  if (k == b) return false;
  const size_t e = k;
  while (k > 0 && e - k <= kMaxWordLen && is_alpha(at(s, k - 1))) --k;
  if (k == e || word_char_before(s, k)) return false;
  const Word* w = lookup(s, k, e);
  return w && w->cat == Cat::month;
}

/// A month name at [b, e): "Jan. 22, 2025", "January 22 2025", "June 2019", "Sept. 2024".
size_t date_month(string_view s, size_t b, size_t e, const Word* w, std::vector<Entity>& out) {
  const size_t sz = s.size();
  size_t p = e;
  if ((w->flags & kAbbrev) && p < sz && at(s, p) == '.') ++p;
  bool comma = false;
  size_t q = skip_space(s, p);
  if (q == p) {
    if (!(p < sz && at(s, p) == ',')) return e;
    comma = true;  // "June, 2019"
    q = skip_space(s, p + 1);
    if (q == p + 1) return e;
  }
  if (q >= sz || !is_digit(at(s, q))) return e;
  const size_t r = digits_end(s, q);
  if (r - q == 4) {
    CivilDate d{0, w->value, 0};
    if (!year_at(s, q, kMinYearMonth, kMaxYearMonth, &d.year)) return e;
    if (prev_word_is_month(s, b)) return e;  // archive menus: "Oct Nov Dec 2016 Jan Feb"
    if (table_like(s, b, r)) return e;
    emit_date(out, s, b, r, d);
    return r;
  }
  if (comma || r - q > 2) return e;
  const int day = r - q == 1 ? at(s, q) - '0' : (at(s, q) - '0') * 10 + (at(s, q + 1) - '0');
  const size_t t = skip_ordinal(s, r);
  if (word_char_at(s, t) || !clean_end(s, t)) return e;
  CivilDate d{0, w->value, day};
  size_t end;
  if (!year_after_day(s, t, &d.year, &end) || !valid_day(d) || table_like(s, b, end)) return e;
  emit_date(out, s, b, end, d);
  return end;
}

/// "yesterday", "today", "tomorrow", "last Tuesday", "next Monday", "last month",
/// "next year", "this year" resolved against the published date.
size_t date_relative(string_view s, size_t b, size_t e, const Word* w, const CivilDate& pub,
                     std::vector<Entity>& out) {
  if (word_char_at(s, e)) return e;
  if (w->cat == Cat::rel_day) {
    if (!valid_day(pub)) return e;
    const CivilDate d = civil_from_days(days_from_civil(pub.year, pub.month, pub.day) + w->value);
    if (valid_year(d.year)) emit_date(out, s, b, e, d);
    return e;
  }
  const NextWord nw = next_word(s, e, false);
  if (!nw.w) return e;
  const Cat c = nw.w->cat;
  if (c != Cat::weekday && c != Cat::month_word && c != Cat::year_word) return e;
  if (prev_word_is(s, b, "the")) return e;  // "over the next year" is a span of time
  const int dir = w->value;
  if (c == Cat::weekday) {
    if (dir == 0 || !valid_day(pub)) return e;
    const long long today = days_from_civil(pub.year, pub.month, pub.day);
    const int wd = weekday(today);
    int delta = dir < 0 ? (wd - nw.w->value + 7) % 7 : (nw.w->value - wd + 7) % 7;
    if (delta == 0) delta = 7;
    const CivilDate d = civil_from_days(today + dir * delta);
    if (valid_year(d.year)) emit_date(out, s, b, nw.e, d);
  } else if (c == Cat::month_word) {
    if (!valid_month(pub)) return e;
    int m = pub.month + dir, y = pub.year;
    if (m == 0) m = 12, --y;
    if (m == 13) m = 1, ++y;
    if (valid_year(y)) emit_date(out, s, b, nw.e, CivilDate{y, m, 0});
  } else {
    if (!valid_year(pub.year) || !valid_year(pub.year + dir)) return e;
    emit_date(out, s, b, nw.e, CivilDate{pub.year + dir, 0, 0});
  }
  return nw.e;
}

constexpr bool is_relative_date_word(const Word& w) {
  return w.cat == Cat::rel_day || w.cat == Cat::rel_dir;
}

constexpr PrefixBloom kDatePrefixes = make_prefix_bloom(is_relative_date_word);

/// The month name (possibly abbreviated, with a dot or a comma) just before the number at
/// @p i, as in "Jan. 22", "June 2019", "June, 2019"; not before @p floor.
const Word* month_before(string_view s, size_t i, size_t floor, size_t* wb, size_t* we) {
  size_t k = i;
  while (k > floor && i - k < kMaxGap) {
    const u8 c = at(s, k - 1);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      --k;
    } else if (c == 0xA0 && k - 1 > floor && at(s, k - 2) == 0xC2) {
      k -= 2;
    } else {
      break;
    }
  }
  if (k == i) return nullptr;
  if (k > floor && (at(s, k - 1) == '.' || at(s, k - 1) == ',')) --k;
  const size_t e = k;
  while (k > floor && e - k <= kMaxWordLen && is_alpha(at(s, k - 1))) --k;
  if (k == e || e - k > kMaxWordLen || word_char_before(s, k)) return nullptr;
  const Word* w = lookup(s, k, e);
  if (!w || w->cat != Cat::month) return nullptr;
  *wb = k, *we = e;
  return w;
}

}  // namespace

void dates_pass(string_view s, const std::vector<TriggerBlock>& blocks,
                const std::optional<CivilDate>& published, std::vector<Entity>& out) {
  const size_t base = out.size();
  size_t floor = 0;  // end of the last date found: look-back stops there
  const std::uint64_t letters = published ? ~std::uint64_t{0} : 0;
  scan_triggers(
      blocks,
      [letters](const TriggerBlock& b) { return b.digit_start | (b.letter_start & letters); },
      [&](size_t i) -> size_t {
        size_t next;
        if (is_digit(at(s, i))) {
          size_t wb, we;
          next = i;
          if (const Word* w = month_before(s, i, floor, &wb, &we))
            next = date_month(s, wb, we, w, out);
          if (next <= i) next = date_digits(s, i, out);
        } else {
          if (!may_be_keyword(kDatePrefixes, s, blocks, i)) return i;
          WordKey key;
          const size_t e = scan_word(s, i, &key);
          next = e;
          const Word* w = word_char_before(s, i) ? nullptr : lookup_key(key, s, i, e);
          if (w && (w->cat == Cat::rel_day || w->cat == Cat::rel_dir))
            next = date_relative(s, i, e, w, *published, out);
        }
        if (out.size() > base) floor = out.back().end;
        return next;
      });
}

}  // namespace numeric

void find_dates(std::string_view s, const std::optional<CivilDate>& published,
                std::vector<Entity>& out) {
  numeric::dates_pass(s, numeric::trigger_blocks(s), published, out);
}

std::optional<CivilDate> find_published_date(std::string_view head) {
  // The first five non-empty lines, at most kPublishedDateHeadBytes.
  head = head.substr(0, std::min(head.size(), kPublishedDateHeadBytes));
  std::size_t limit = head.size();
  int lines = 0;
  for (std::size_t p = 0; p < limit;) {
    std::size_t nl = head.find('\n', p);
    if (nl == std::string_view::npos || nl >= limit) break;
    if (head.substr(p, nl - p).find_first_not_of(" \t\r") != std::string_view::npos &&
        ++lines == 5) {
      limit = nl;
      break;
    }
    p = nl + 1;
  }
  std::vector<Entity> dates;
  find_dates(head.substr(0, limit), std::nullopt, dates);
  for (const Entity& e : dates)
    if (e.key.size() == 10) return parse_iso_date(e.key);
  return std::nullopt;
}

}  // namespace newsdex::detail
