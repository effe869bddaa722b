// Percentage recogniser: "34%", "34 percent", "34 per cent", "3.5 percentage points",
// "-2.5%"; percent_pass and find_percent.

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
  // The unit: "%", "％", "percent", "per cent", "pct", "percentage point(s)".
  const size_t q = skip_space(s, num.e);
  size_t end = 0;
  if (q < n && at(s, q) == '%') {
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
  if (start >= 1 && at(s, start - 1) == '-' &&
      !(start >= 2 && (is_alnum(at(s, start - 2)) || at(s, start - 2) == '-'))) {
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

}  // namespace

void percent_pass(string_view s, const std::vector<TriggerBlock>& blocks,
                  std::vector<Entity>& out) {
  scan_triggers(
      blocks, [](const TriggerBlock& b) { return b.digit_first; },
      [&](size_t i) { return percent_at(s, i, out); });
}

}  // namespace numeric

void find_percent(std::string_view s, std::vector<Entity>& out) {
  numeric::percent_pass(s, numeric::trigger_blocks(s), out);
}

}  // namespace newsdex::detail
