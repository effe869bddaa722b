// Percentage recogniser: "34%", "34 percent", "34 per cent", "3.5 percentage points",
// "-2.5%"; percent_pass and find_percent.

#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "entities/numeric.h"
#include "entities/numeric/scan.h"

namespace newsdex::detail {
namespace numeric {
namespace {

/// A percentage at the digit @p i (the byte before no digit); returns where scanning
/// resumes.
size_t percent_at(string_view s, size_t i, std::vector<Entity>& out) {
  const size_t n = s.size();
  if (!clean_start(s, i)) return digits_end(s, i);
  const Num num = parse_num(s, i);
  const size_t start = i;
  if (!num.ok || !clean_end(s, num.e)) return num.e;
  // The unit: "%", "％", "percent", "per cent", "pct", "percentage point(s)"; glued by a
  // hyphen as an adjective ("a 51-pct-owned unit", "a 10-percent stake").
  size_t q = skip_space(s, num.e);
  if (q == num.e && q + 1 < n && at(s, q) == '-' && (at(s, q + 1) | 0x20) == 'p') ++q;
  size_t end = 0;
  if (q == num.e && ieq_at(s, q, "pc") && at(s, q) == 'p' && !word_char_at(s, q + 2)) {
    end = q + 2;  // British "a 10pc stake", "2.5pc": glued and in lower case only
  } else if (q < n && at(s, q) == '%') {
    if (!(q + 1 < n && is_alnum(at(s, q + 1)))) end = q + 1;  // not "%20" (URL escape)
  } else if (q + 2 < n && at(s, q) == 0xEF && at(s, q + 1) == 0xBC && at(s, q + 2) == 0x85) {
    end = q + 3;
  } else if (q < n && is_alpha(at(s, q))) {
    const size_t t = word_end(s, q);
    if (!word_char_at(s, t)) {
      const string_view w = s.substr(q, t - q);
      if (w.size() == 7 && ieq_at(s, q, "percent")) {
        end = t;
      } else if (w.size() == 3 && ieq_at(s, q, "pct")) {
        end = t;
      } else if (w.size() == 3 && ieq_at(s, q, "per")) {
        size_t u = skip_space(s, t);
        if (u == t && u < n && at(s, u) == '-') ++u;
        if (u > t && word_at(s, u, "cent")) end = u + 4;
      } else if (w.size() == 10 && ieq_at(s, q, "percentage")) {
        size_t u = skip_space(s, t);
        if (u == t && u < n && at(s, u) == '-') ++u;
        if (u > t && word_at(s, u, "points"))
          end = u + 6;
        else if (u > t && word_at(s, u, "point"))
          end = u + 5;
      }
    }
  }
  if (end == 0) return num.e;
  // A leading minus: "-2.5%", "−2.5%" (U+2212), but not the dash of "10-15%".
  size_t b = start;
  bool neg = false;
  // Nor the dash of "3%-4%".
  if (start >= 1 && at(s, start - 1) == '-' &&
      !(start >= 2 &&
        (is_alnum(at(s, start - 2)) || at(s, start - 2) == '-' || at(s, start - 2) == '%'))) {
    b = start - 1, neg = true;
  } else if (start >= 3 && at(s, start - 3) == 0xE2 && at(s, start - 2) == 0x88 &&
             at(s, start - 1) == 0x92) {
    b = start - 3, neg = true;
  }
  // Key: the number without grouping, leading zeros or trailing fraction zeros.
  std::string key;
  std::string_view digits = s.substr(num.b, num.e - num.b);
  const size_t dot = digits.find('.');
  const string_view ip = digits.substr(0, dot);
  string_view fp = dot == string_view::npos ? string_view{} : digits.substr(dot + 1);
  while (!fp.empty() && fp.back() == '0') fp.remove_suffix(1);
  for (char ch : ip)
    if (ch != ',' && !(key.empty() && ch == '0')) key.push_back(ch);
  if (key.empty()) key.push_back('0');
  if (!fp.empty()) key.append(".").append(fp);
  if (neg && key != "0") key.insert(key.begin(), '-');
  const double value = static_cast<double>(neg ? -num.value : num.value);
  out.push_back(Entity{EntityKind::percent, std::move(key), std::string(s.substr(b, end - b)), b,
                       end, value});
  return end;
}

/// The key of a percentage value: the shortest decimal (up to 4 places).
std::string value_key(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  std::string k(buf);
  while (!k.empty() && k.back() == '0') k.pop_back();
  if (!k.empty() && k.back() == '.') k.pop_back();
  return k;
}

/// Length of the percent unit at @p u ("pct", "percent", "per cent", "percentage
/// point(s)"), 0 if none.
size_t unit_at(string_view s, size_t u) {
  if (word_char_before(s, u)) return 0;
  size_t e = 0;
  if (ieq_at(s, u, "percentage")) {
    size_t v = skip_space(s, u + 10);
    if (v == u + 10 && v < s.size() && at(s, v) == '-') ++v;
    if (v > u + 10 && ieq_at(s, v, "point")) e = v + (ieq_at(s, v, "points") ? 6 : 5);
  } else if (ieq_at(s, u, "percent"))
    e = u + 7;
  else if (ieq_at(s, u, "pct"))
    e = u + 3;
  else if (ieq_at(s, u, "per")) {
    size_t v = skip_space(s, u + 3);
    if (v > u + 3 && ieq_at(s, v, "cent")) e = v + 4;
  }
  if (e == 0 || word_char_at(s, e)) return 0;
  return e - u;
}

/// Number words before a unit ("five pct", "seventeen pct", "twenty-five percent").
int number_word(string_view w) {
  static constexpr string_view kUnits[] = {
      "zero",     "one",     "two",     "three",     "four",     "five",    "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr string_view kTens[] = {"twenty", "thirty",  "forty",  "fifty",
                                          "sixty",  "seventy", "eighty", "ninety"};
  std::string l;
  for (char c : w) l.push_back(static_cast<char>(lower(static_cast<u8>(c))));
  const size_t dash = l.find('-');
  std::string_view a = l, b;
  if (dash != std::string::npos) {
    a = std::string_view(l).substr(0, dash);
    b = std::string_view(l).substr(dash + 1);
  }
  int v = -1;
  for (size_t k = 0; k < std::size(kUnits); ++k)
    if (a == kUnits[k]) v = static_cast<int>(k);
  for (size_t k = 0; k < std::size(kTens); ++k)
    if (a == kTens[k]) v = 20 + 10 * static_cast<int>(k);
  if (a == "hundred") v = 100;
  if (v < 0) return -1;
  if (!b.empty()) {
    if (v < 20 || v % 10) return -1;
    int u = -1;
    for (size_t k = 1; k < 10; ++k)
      if (b == kUnits[k]) u = static_cast<int>(k);
    if (u < 0) return -1;
    v += u;
  }
  return v;
}

/// "half a percentage point", "a quarter of a percent", "three-quarters of one per cent",
/// "a half percentage point": a fraction of one percent, where [b, e) is the word before
/// the unit. Returns where the amount starts and sets @p v, or npos.
size_t fraction_of_unit(string_view s, size_t b, size_t e, double& v) {
  const string_view w = s.substr(b, e - b);
  auto word_before = [&](size_t at_b, size_t& wb) {
    size_t k = at_b;
    while (k > 0 && at(s, k - 1) == ' ') --k;
    if (k == at_b || k == 0) return string_view{};
    wb = k;
    while (wb > 0 && (is_alpha(at(s, wb - 1)) || at(s, wb - 1) == '-')) --wb;
    return s.substr(wb, k - wb);
  };
  auto fraction = [](string_view f) -> double {
    std::string l;
    for (char c : f) l.push_back(static_cast<char>(lower(static_cast<u8>(c))));
    if (l == "half" || l == "one-half") return 0.5;
    if (l == "quarter" || l == "one-quarter") return 0.25;
    if (l == "three-quarters" || l == "three-quarter") return 0.75;
    return -1;
  };
  size_t fb = 0;
  double f = -1;
  bool article = false;  // the amount starts at its fraction word: an "a" before it joins
  if (ieq_at(w, 0, "a") && w.size() == 1) {
    // "half a percentage point", "a quarter of a percent", "three-quarters of one percent"
    string_view x = word_before(b, fb);
    if (x.size() == 2 && ieq_at(x, 0, "of")) x = word_before(fb, fb);
    f = fraction(x);
    article = true;
  } else if (w.size() == 3 && ieq_at(w, 0, "one")) {
    string_view x = word_before(b, fb);
    if (x.size() != 2 || !ieq_at(x, 0, "of")) return string_view::npos;
    f = fraction(word_before(fb, fb));
    article = true;
  } else if (fraction(w) > 0) {
    // "a half percentage point", "a quarter percentage point"
    string_view x = word_before(b, fb);
    if (x.size() == 1 && ieq_at(x, 0, "a")) f = fraction(w);
  }
  if (f < 0) return string_view::npos;
  // "a quarter of a percent" starts at its article.
  size_t ab = 0;
  if (article) {
    const string_view art = word_before(fb, ab);
    if (art.size() == 1 && ieq_at(art, 0, "a")) fb = ab;
  }
  v = f;
  return fb;
}

/// Percentages the digit scan leaves: number words ("five pct") and fractions
/// ("2-1/4 pct", "1/2 pct"), found from their unit.
void unit_percents(string_view s, std::vector<Entity>& out) {
  const size_t n = s.size();
  for (size_t u = 0; u + 3 <= n; ++u) {
    const u8 c = at(s, u);
    if ((c | 0x20) != 'p') continue;
    const size_t len = unit_at(s, u);
    if (len == 0) continue;
    // The word before the unit.
    size_t e = u;
    while (e > 0 && (at(s, e - 1) == ' ' || at(s, e - 1) == '\n')) --e;
    if (e == u || e == 0) continue;
    size_t b = e;
    while (b > 0 && (is_alnum(at(s, b - 1)) || at(s, b - 1) == '-' || at(s, b - 1) == '/' ||
                     at(s, b - 1) == '.'))
      --b;
    if (e - b > 24) continue;
    const string_view w = s.substr(b, e - b);
    double v = -1;
    if (const size_t fb = fraction_of_unit(s, b, e, v); fb != string_view::npos) {
      b = fb;  // "half a percentage point", "three-quarters of a percent"
    } else if (w.find('/') != string_view::npos && is_digit(at(s, b))) {
      // "2-1/4", "1/2"
      long whole = 0, num = 0, den = 0;
      size_t k = b;
      auto digits = [&](long& x) {
        const size_t k0 = k;
        while (k < e && is_digit(at(s, k)) && k - k0 < 6) x = x * 10 + (at(s, k++) - '0');
        return k > k0;
      };
      if (!digits(num)) continue;
      if (k < e && at(s, k) == '-') {
        ++k;
        whole = num;
        num = 0;
        if (!digits(num)) continue;
      }
      if (!(k < e && at(s, k) == '/')) continue;
      ++k;
      if (!digits(den) || k != e || den == 0 || num >= den) continue;
      // "5 1/2 pct": the whole number before a space (not a date's or a score's digits).
      if (whole == 0 && b >= 2 && at(s, b - 1) == ' ' && is_digit(at(s, b - 2))) {
        size_t wb = b - 1;
        while (wb > 0 && is_digit(at(s, wb - 1)) && b - wb <= 3) --wb;
        if (is_digit(at(s, wb)) && b - 1 - wb <= 2 && !word_char_before(s, wb) &&
            !(wb > 0 && (at(s, wb - 1) == '.' || at(s, wb - 1) == '/' || at(s, wb - 1) == ','))) {
          for (size_t d = wb; d < b - 1; ++d) whole = whole * 10 + (at(s, d) - '0');
          b = wb;
        }
      }
      v = static_cast<double>(whole) + static_cast<double>(num) / static_cast<double>(den);
    } else if (is_alpha(at(s, b))) {
      const int x = number_word(w);
      if (x < 0) continue;
      v = x;
    } else {
      continue;  // digits: percent_at's
    }
    out.push_back(Entity{EntityKind::percent, value_key(v), std::string(s.substr(b, u + len - b)),
                         b, u + len, v});
    u += len - 1;
  }
}

/// "between 10 and 20 per cent", "40 to 70 pct", "10-15%": the first number of a range
/// before a percentage is one too.
void range_starts(string_view s, std::vector<Entity>& out, size_t from) {
  const size_t found = out.size();
  for (size_t x = from; x < found; ++x) {
    const size_t b = out[x].begin;
    size_t k = b;
    while (k > 0 && at(s, k - 1) == ' ') --k;
    size_t j = k;
    bool dash = false;
    if (j > 0 && at(s, j - 1) == '-' && j == b) {
      --j;
      dash = true;
    } else if (j >= 3 && ieq_at(s, j - 3, "and") && j < b) {
      j -= 3;
    } else if (j >= 2 && ieq_at(s, j - 2, "to") && j < b) {
      j -= 2;
    } else {
      continue;
    }
    if (j == 0 || (!dash && at(s, j - 1) != ' ')) continue;
    size_t ne = j;
    while (ne > 0 && at(s, ne - 1) == ' ') --ne;
    size_t nb = ne;
    while (nb > 0 && (is_digit(at(s, nb - 1)) || at(s, nb - 1) == '.')) --nb;
    if (nb == ne || ne - nb > 7 || !is_digit(at(s, nb)) || word_char_before(s, nb)) continue;
    const string_view t = s.substr(nb, ne - nb);
    const size_t dot = t.find('.');
    if ((dot == string_view::npos ? t.size() : dot) > 3) continue;  // a year, not a rate
    const double v = std::strtod(std::string(t).c_str(), nullptr);
    out.push_back(
        Entity{EntityKind::percent, value_key(v), std::string(s.substr(nb, ne - nb)), nb, ne, v});
  }
}

}  // namespace

void percent_pass(string_view s, const std::vector<TriggerBlock>& blocks,
                  std::vector<Entity>& out) {
  const size_t from = out.size();
  scan_triggers(
      blocks, [](const TriggerBlock& b) { return b.digit_first; },
      [&](size_t i) { return percent_at(s, i, out); });
  unit_percents(s, out);
  range_starts(s, out, from);
}

}  // namespace numeric

void find_percent(std::string_view s, std::vector<Entity>& out) {
  numeric::percent_pass(s, numeric::trigger_blocks(s), out);
}

}  // namespace newsdex::detail
