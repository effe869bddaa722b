// Money recognisers: a currency sign or code before an amount ("$1.13bn", "US$2m", "£600m",
// "Rs 16,189 crore"), a currency word after one ("5 mln dlrs", "17 cents"), number words
// ("half a trillion dollars") and "billion-dollar"; money_pass and find_money. A bare
// "francs" takes the country the document names (bare_franc_code).

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "entities/numeric.h"
#include "entities/numeric/scan.h"

namespace newsdex::detail {
namespace numeric {
namespace {

constexpr long double kMaxMoney = 1e15L;  // larger amounts are noise (or overflow bait)

/// A single space (ASCII or no-break) at @p i, as between a currency sign and its number.
size_t skip_one_space(string_view s, size_t i) {
  if (i < s.size() && at(s, i) == ' ') return i + 1;
  if (i + 1 < s.size() && at(s, i) == 0xC2 && at(s, i + 1) == 0xA0) return i + 2;
  return i;
}

void emit_money(std::vector<Entity>& out, string_view s, size_t b, size_t e, string_view code,
                long double v) {
  if (!(v > 0) || v > kMaxMoney) return;
  std::string key;
  key.reserve(code.size() + 20);
  key.append(code);
  key.push_back(':');
  char buf[32];
  if (v >= 1e11L) {
    const int len = std::snprintf(buf, sizeof buf, "%lld", std::llround(v));
    key.append(buf, static_cast<size_t>(len));
  } else if (v >= 0.995L) {
    // Whole units as an integer; a priced amount keeps the shortest decimal ("7.21 dlrs" ->
    // 7.21, "1.70 dlrs" -> 1.7, "10.625 dlrs" -> 10.625), as the guidelines ask.
    const long long c = std::llround(v * 10000);
    int len = c % 10000 == 0 ? std::snprintf(buf, sizeof buf, "%lld", c / 10000)
                             : std::snprintf(buf, sizeof buf, "%lld.%04lld", c / 10000, c % 10000);
    if (c % 10000 != 0)
      while (len > 0 && buf[len - 1] == '0') --len;
    key.append(buf, static_cast<size_t>(len));
  } else {
    // Sub-unit amounts keep the shortest decimal: "17 cents" -> 0.17, "62.05 cents" -> 0.6205.
    const long long c = std::llround(v * 10000);
    if (c <= 0) return;
    int len = std::snprintf(buf, sizeof buf, "0.%04lld", c);
    while (len > 3 && buf[len - 1] == '0') --len;
    key.append(buf, static_cast<size_t>(len));
  }
  out.push_back(Entity{EntityKind::money, std::move(key), std::string(s.substr(b, e - b)), b, e,
                       static_cast<double>(v)});
}

struct Scale {
  long double mult = 1;
  size_t e = 0;
  bool found = false;
  bool blocked = false;  ///< letters glued to the number that are no scale: "$5x"
};

bool usable_scale(const Word* w, bool attached) {
  return w && w->cat == Cat::scale && (attached || !(w->flags & kAttachOnly));
}

/// A scale after a number: "bn", " billion", "-billion", " lakh crore".
Scale parse_scale(string_view s, size_t p) {
  Scale r;
  r.e = p;
  if (p < s.size() && is_alpha(at(s, p))) {
    const size_t t = word_end(s, p);
    const Word* w = lookup(s, p, t);
    if (!usable_scale(w, true) || word_char_at(s, t)) {
      r.blocked = true;
      return r;
    }
    r.mult = w->mult, r.e = t, r.found = true;
  } else {
    const NextWord nw = next_word(s, p, true);
    if (!usable_scale(nw.w, false)) return r;
    r.mult = nw.w->mult, r.e = nw.e, r.found = true;
  }
  const NextWord nw = next_word(s, r.e, false);  // "lakh crore", "thousand million"
  if (usable_scale(nw.w, false) && nw.w->mult > r.mult) r.mult *= nw.w->mult, r.e = nw.e;
  return r;
}

struct Qualifier {
  string_view text;
  Fam fam;
  string_view code;
};

constexpr Qualifier kQualifiers[] = {
    {"U.S.", Fam::dollar, "USD"},        {"US", Fam::dollar, "USD"},
    {"American", Fam::dollar, "USD"},    {"Canadian", Fam::dollar, "CAD"},
    {"Cdn", Fam::dollar, "CAD"},         {"Australian", Fam::dollar, "AUD"},
    {"Aust", Fam::dollar, "AUD"},        {"Hong Kong", Fam::dollar, "HKD"},
    {"H.K.", Fam::dollar, "HKD"},        {"Singapore", Fam::dollar, "SGD"},
    {"New Zealand", Fam::dollar, "NZD"}, {"N.Z.", Fam::dollar, "NZD"},
    {"Taiwan", Fam::dollar, "TWD"},      {"Swiss", Fam::franc, "CHF"},
    {"French", Fam::franc, "FRF"},       {"Belgian", Fam::franc, "BEF"},
    {"West German", Fam::mark, "DEM"},   {"German", Fam::mark, "DEM"},
    {"Mexican", Fam::peso, "MXN"},       {"Philippine", Fam::peso, "PHP"},
    {"Pakistani", Fam::rupee, "PKR"},    {"Indian", Fam::rupee, "INR"},
};

// The franc a bare "francs" means (no "Swiss"/"French"/"Belgian" before it): the one
// country the document names ("Brussels", "Zurich", "Banque Nationale de Paris", a
// Brussels ticker "<VMNB.BR>"); none if it names none or several (document_currency).
struct FrancCountry {
  string_view text;
  string_view code;
};
constexpr FrancCountry kFrancCountries[] = {
    {"Belgian", "BEF"}, {"Belgium", "BEF"}, {"Brussels", "BEF"},    {".BR>", "BEF"},
    {"Antwerp", "BEF"}, {"Swiss", "CHF"},   {"Switzerland", "CHF"}, {"Zurich", "CHF"},
    {"Geneva", "CHF"},  {"Basle", "CHF"},   {"Basel", "CHF"},       {".Z>", "CHF"},
    {"French", "FRF"},  {"France", "FRF"},  {"Paris", "FRF"},       {".PA>", "FRF"},
};

// A currency decided once per document, the first time a bare currency word is met
// (money_pass resets it).
struct DocumentCurrency {
  const char* text = nullptr;
  size_t size = 0;
  string_view code;
};
thread_local DocumentCurrency t_franc, t_dollar;

// The one code that @p s names through @p cues (each with a text and its code; @p named(at,
// cue) says whether the cue's text at `at` counts), cached in @p ctx; empty when it names
// none or several.
template <class Cues, class Named>
string_view document_currency(DocumentCurrency& ctx, string_view s, const Cues& cues, Named named) {
  if (ctx.text == s.data() && ctx.size == s.size()) return ctx.code;
  string_view found;
  bool several = false;
  for (const auto& cue : cues) {
    if (!found.empty() && cue.code == found) continue;
    for (size_t at = s.find(cue.text); at != string_view::npos; at = s.find(cue.text, at + 1)) {
      if (!named(at, cue)) continue;
      if (found.empty())
        found = cue.code;
      else if (found != cue.code)
        several = true;
      break;
    }
  }
  ctx = {s.data(), s.size(), several ? string_view() : found};
  return ctx.code;
}

string_view bare_franc_code(string_view s) {
  return document_currency(t_franc, s, kFrancCountries, [&](size_t at, const FrancCountry& c) {
    return c.text[0] == '.' ||  // a ticker's exchange (".BR>")
           !(word_char_before(s, at) || word_char_at(s, at + c.text.size()));
  });
}

// The dollar a bare "dlrs" or "dollars" (and its "cts") means: the one other dollar that the
// document names with its qualifier ("282 mln Canadian dlrs ... 278 mln dlrs": CAD), unless
// it names the U.S. dollar too or several others; else the U.S. dollar.
string_view bare_dollar_code(string_view s) {
  const string_view code =
      document_currency(t_dollar, s, kQualifiers, [&](size_t at, const Qualifier& q) {
        const size_t qe = at + q.text.size();
        if (q.fam != Fam::dollar || word_char_before(s, at) || word_char_at(s, qe)) return false;
        const NextWord nw = next_word(s, qe, false);
        return is(nw, Cat::cur) && nw.w->fam == Fam::dollar;
      });
  return code.empty() ? string_view("USD") : code;
}

struct CurHit {
  string_view code;
  size_t e = 0;
  Fam fam = Fam::other;
  bool ok = false;
  bool cents = false;
  bool needs_scale = false;
};

/// A currency after an amount: " dollars", " U.S. dlrs", "-dollar", " euros", " cents",
/// " USD", "€", "¢".
CurHit parse_currency_after(string_view s, size_t p) {
  CurHit r;
  const size_t n = s.size();
  size_t q = skip_space(s, p);
  const bool spaced = q > p;
  const bool hyphen = !spaced && p < n && at(s, p) == '-';
  if (hyphen) q = p + 1;
  if (!hyphen && q + 1 < n && at(s, q) == 0xC2 && at(s, q + 1) == 0xA2) {  // ¢
    r.code = "USD", r.e = q + 2, r.ok = true, r.cents = true;
    return r;
  }
  if (!hyphen && q + 2 < n && at(s, q) == 0xE2 && at(s, q + 1) == 0x82 &&
      at(s, q + 2) == 0xAC) {  // €
    r.code = "EUR", r.e = q + 3, r.ok = true;
    return r;
  }
  if (q == p || q >= n || !is_alpha(at(s, q))) return r;
  if (is_upper(at(s, q))) {
    for (const Qualifier& ql : kQualifiers) {
      if (s.compare(q, ql.text.size(), ql.text) != 0) continue;
      const size_t qe = q + ql.text.size();
      if (word_char_at(s, qe)) continue;
      const NextWord nw = next_word(s, qe, false);
      if (is(nw, Cat::cur) && nw.w->fam == ql.fam) {
        r.code = ql.code, r.e = nw.e, r.fam = ql.fam, r.ok = true;
        return r;
      }
    }
  }
  const size_t t = word_end(s, q);
  if (word_char_at(s, t)) return r;
  const Word* w = lookup(s, q, t);
  if (!w) return r;
  if (w->cat == Cat::cur && w->code.empty() && w->fam == Fam::franc) {
    // ("3 Francs Bourgeois" is a name: a title-case word is no bare currency.)
    const bool title = is_upper(at(s, q)) && !is_upper(at(s, q + 1));
    r.code = title ? string_view() : bare_franc_code(s);
    r.e = t, r.fam = w->fam, r.ok = !r.code.empty();
  } else if (w->cat == Cat::cur && !w->code.empty()) {
    r.code = w->code, r.e = t, r.fam = w->fam, r.ok = true;
    r.cents = w->flags & kCents;
    if (r.code == "USD" && (w->fam == Fam::dollar || r.cents)) r.code = bare_dollar_code(s);
    r.needs_scale = w->flags & kNeedsScale;
    // "757.24 rand an ounce": the lower-case word after a number is the currency ("Rand"
    // may be a name).
    if (w->code == "ZAR" && at(s, q) == 'r') r.needs_scale = false;
    if (w->fam == Fam::pound) {
      const NextWord nw = next_word(s, t, false);
      if (is(nw, Cat::of)) return CurHit{};  // "6 billion pounds of carbon" is a weight
      if (nw.w && nw.w->text == "sterling") r.e = nw.e, r.needs_scale = false;
    }
  } else if (w->cat == Cat::code && spaced) {
    r.code = w->code, r.e = t, r.ok = true;
    r.needs_scale = w->code == "CAD";  // "3 CAD models"
  }
  return r;
}

/// Amount after a currency sign or code: the number at @p num_at, its scale, and the
/// "$5-10 billion" / "$5 to $10 billion" range form where the first number takes the
/// second's scale. Returns where scanning resumes.
size_t amount_after_sign(string_view s, size_t b, size_t num_at, string_view sign, string_view code,
                         std::vector<Entity>& out) {
  const Num n = parse_num(s, num_at);
  if (!n.ok || !clean_end(s, n.e)) return n.e;
  const Scale sc = parse_scale(s, n.e);
  if (sc.blocked) return n.e;
  if (sc.found) {
    emit_money(out, s, b, sc.e, code, n.value * sc.mult);
    return sc.e;
  }
  if (!n.grouped) {
    const size_t sz = s.size();
    size_t q = skip_space(s, n.e);
    size_t r = std::string_view::npos;
    if (q < sz && at(s, q) == '-') {
      r = q + 1;
    } else if (q + 2 < sz && at(s, q) == 0xE2 && at(s, q + 1) == 0x80 && at(s, q + 2) == 0x93) {
      r = q + 3;  // en dash
    } else if (q > n.e && word_at(s, q, "to")) {
      r = q + 2;
    }
    if (r != std::string_view::npos) {
      r = skip_space(s, r);
      const bool signed2 = !sign.empty() && s.compare(r, sign.size(), sign) == 0;
      if (signed2) r += sign.size();
      if (r < sz && is_digit(at(s, r))) {
        const Num n2 = parse_num(s, r);
        if (n2.ok && clean_end(s, n2.e) && n2.value >= n.value) {
          const Scale sc2 = parse_scale(s, n2.e);
          if (sc2.found) {
            emit_money(out, s, b, n.e, code, n.value * sc2.mult);
            if (signed2) return n.e;  // the second amount is found on its own
            emit_money(out, s, n2.b, sc2.e, code, n2.value * sc2.mult);
            return sc2.e;
          }
        }
      }
    }
  }
  emit_money(out, s, b, n.e, code, n.value);
  return n.e;
}

/// '$' with its optional country prefix: "$5", "US$2m", "A$5m", "HK$", "C$".
size_t money_dollar(string_view s, size_t i, std::vector<Entity>& out) {
  size_t k = i;
  while (k > 0 && i - k < 3 && is_upper(at(s, k - 1))) --k;
  string_view code = "USD";
  if (k < i) {
    if (word_char_before(s, k)) return i + 1;
    const string_view pre = s.substr(k, i - k);
    if (pre == "US")
      code = "USD";
    else if (pre == "A" || pre == "AU")
      code = "AUD";
    else if (pre == "C" || pre == "CA")
      code = "CAD";
    else if (pre == "HK")
      code = "HKD";
    else if (pre == "S" || pre == "SG")
      code = "SGD";
    else if (pre == "NZ")
      code = "NZD";
    else if (pre == "NT")
      code = "TWD";
    else if (pre == "R")
      code = "BRL";
    else if (pre == "MX")
      code = "MXN";
    else if (pre == "USD" || pre == "AUD" || pre == "CAD" || pre == "HKD" || pre == "SGD" ||
             pre == "NZD")
      code = pre;
    else
      return i + 1;
  } else if (i > 0) {
    // "a$5", "5$", and code: "s/x/$1/", "\\$1", "=$5", "${1}", "@$2".
    const u8 p = at(s, i - 1);
    if (word_char_before(s, i) || p == '/' || p == '\\' || p == '=' || p == '{' || p == '@' ||
        p == '$')
      return i + 1;
  }
  const size_t q = skip_one_space(s, i + 1);
  if (q >= s.size() || !is_digit(at(s, q))) return i + 1;
  return amount_after_sign(s, k, q, "$", code, out);
}

/// A currency sign other than '$' (£ € ¥ ₹ ₩ ₽) of @p len bytes at @p i.
size_t money_sign(string_view s, size_t i, size_t len, string_view code, std::vector<Entity>& out) {
  const size_t q = skip_one_space(s, i + len);
  if (q >= s.size() || !is_digit(at(s, q))) return i + len;
  return amount_after_sign(s, i, q, s.substr(i, len), code, out);
}

/// The first end of a range whose second end carries the scale and currency: "30-40 mln
/// dlrs", "8.00 to 10.625 dlrs" (the guidelines give both ends; the second is found on its
/// own). Returns where scanning resumes.
size_t money_range_start(string_view s, size_t i, const Num& n, std::vector<Entity>& out) {
  if (n.grouped) return n.e;
  const size_t sz = s.size();
  const size_t q = skip_space(s, n.e);
  size_t r = std::string_view::npos;
  if (q == n.e && q < sz && at(s, q) == '-')
    r = q + 1;
  else if (q + 2 < sz && at(s, q) == 0xE2 && at(s, q + 1) == 0x80 && at(s, q + 2) == 0x93)
    r = q + 3;  // en dash
  else if (q > n.e && word_at(s, q, "to"))
    r = skip_space(s, q + 2);
  if (r == std::string_view::npos || r >= sz || !is_digit(at(s, r))) return n.e;
  const Num n2 = parse_num(s, r);
  if (!n2.ok || !clean_end(s, n2.e) || n2.value < n.value) return n.e;
  const Scale sc2 = parse_scale(s, n2.e);
  if (sc2.blocked) return n.e;
  const CurHit c2 = parse_currency_after(s, sc2.found ? sc2.e : n2.e);
  if (!c2.ok || (c2.needs_scale && !sc2.found)) return n.e;
  const long double v = n.value * (sc2.found ? sc2.mult : 1);
  emit_money(out, s, i, n.e, c2.code, c2.cents ? v / 100 : v);
  return n.e;
}

/// A number followed by a currency word or code: "5 mln dlrs", "17 cents", "2 billion
/// euros", "10 million yuan", "300 million pounds", "5 million USD", "20€".
size_t money_number(string_view s, size_t i, std::vector<Entity>& out) {
  if (!clean_start(s, i)) return digits_end(s, i);
  const Num n = parse_num(s, i);
  if (!n.ok || !clean_end(s, n.e)) return n.e;
  const Scale sc = parse_scale(s, n.e);
  if (sc.blocked) return n.e;
  const CurHit c = parse_currency_after(s, sc.found ? sc.e : n.e);
  if (!c.ok && !sc.found) return money_range_start(s, i, n, out);
  if (!c.ok || (c.needs_scale && !sc.found)) return n.e;
  // "in 2019 dollars" (inflation-adjusted) is a year, not an amount.
  if (!sc.found && !n.grouped && n.digits == 4 && n.frac == 0 && n.value >= 1900 &&
      n.value < 2100 && c.fam == Fam::dollar)
    return n.e;
  long double v = n.value * sc.mult;
  if (c.cents) v /= 100;
  emit_money(out, s, i, c.e, c.code, v);
  return c.e;
}

struct WordNum {
  long double value = 0;
  size_t e = 0;
  bool ok = false;
  bool scaled = false;  ///< a scale word (thousand, million...) followed
};

/// Number words from the word @p w ending at @p e: "five", "twenty-five", "two hundred",
/// "a billion", "half a trillion", "half-billion", "a quarter of a billion",
/// "quarter-million", "ten thousand".
WordNum parse_word_number(string_view s, size_t e, const Word* w) {
  WordNum r;
  size_t end = e;
  long double v = 0;
  bool need_scale = false;  // "a", "half", "quarter" alone are no amounts
  bool hundred = false;
  NextWord nw = next_word(s, e, true);
  Cat cat = w->cat;
  if (cat == Cat::a && (is(nw, Cat::quarter) || is(nw, Cat::half))) {
    cat = nw.w->cat;  // "a quarter million", "a quarter of a", "a half-billion"
    end = nw.e;
    nw = next_word(s, end, true);
  }
  switch (cat) {
    case Cat::a:
      v = 1, need_scale = true;
      break;
    case Cat::half:
    case Cat::quarter:
      v = cat == Cat::half ? 0.5L : 0.25L, need_scale = true;
      if (is(nw, Cat::of)) {  // "quarter of a"
        end = nw.e;
        nw = next_word(s, end, true);
        if (!is(nw, Cat::a)) return r;
      }
      if (is(nw, Cat::a)) {  // "half a"
        end = nw.e;
        nw = next_word(s, end, true);
      }
      break;
    case Cat::unit:
      v = w->value;
      break;
    case Cat::tens:
      v = w->value;
      if (is(nw, Cat::unit) && nw.w->value < 10) {  // "twenty-five", "twenty five"
        v += nw.w->value, end = nw.e;
        nw = next_word(s, end, true);
      }
      break;
    case Cat::hundred:
      v = 100, hundred = true;
      break;
    default:
      return r;
  }
  if (!hundred && is(nw, Cat::hundred)) {
    v *= 100, end = nw.e, hundred = true;
    nw = next_word(s, end, true);
  }
  if (!need_scale && is(nw, Cat::and_)) {  // "one and a half billion"
    const NextWord a = next_word(s, nw.e, false);
    const NextWord h = is(a, Cat::a) ? next_word(s, a.e, true) : NextWord{};
    if (is(h, Cat::half)) {
      v += 0.5L, end = h.e;
      nw = next_word(s, end, true);
    }
  }
  if (usable_scale(nw.w, false)) {
    v *= nw.w->mult, end = nw.e, r.scaled = true;
    const NextWord nw2 = next_word(s, end, true);
    if (usable_scale(nw2.w, false) && nw2.w->mult > nw.w->mult) v *= nw2.w->mult, end = nw2.e;
  }
  if (need_scale && !r.scaled && !hundred) return r;
  r.value = v, r.e = end, r.ok = true;
  return r;
}

/// The keyword @p w at a word start [b, e): currency codes and "Rs" before a number,
/// number words before a currency ("half a trillion dollars"), and "billion-dollar".
// Words that can begin an amount in words ("five", "twenty", "a", "half" a billion dollars).
constexpr bool starts_word_number(Cat c) {
  return c == Cat::unit || c == Cat::tens || c == Cat::hundred || c == Cat::a || c == Cat::half ||
         c == Cat::quarter;
}

/// Whether the word before @p b makes an amount in words vague: "several hundred thousand
/// dollars", "a few hundred million dollars", "many thousand dollars" (skipped_vague).
bool vague_before(string_view s, size_t b) {
  size_t p = b;
  while (p > 0 && (at(s, p - 1) == ' ' || at(s, p - 1) == '\n') && b - p < 3) --p;
  if (p == b) return false;
  for (string_view v : {"several", "few", "many", "some", "multiple"})
    if (p >= v.size() && ieq_at(s, p - v.size(), v) && !word_char_before(s, p - v.size()))
      return true;
  return false;
}

size_t money_word(string_view s, size_t b, size_t e, const Word* w, std::vector<Entity>& out) {
  const size_t sz = s.size();
  if (w->cat == Cat::code || w->cat == Cat::rs) {  // "USD 5 million", "Rs16,189 crore"
    size_t p = e;
    if (w->cat == Cat::rs && p < sz && at(s, p) == '.') ++p;
    const size_t q = skip_one_space(s, p);
    if (q >= sz || !is_digit(at(s, q))) return e;
    return amount_after_sign(s, b, q, {}, w->code, out);
  }
  if (word_char_at(s, e)) return e;
  if (w->cat == Cat::scale) {  // "billion-dollar", "a billion dollar" minus the "a"
    if (!(w->flags & kAdjective)) return e;
    if (b >= 6 && (ieq_at(s, b - 6, "multi-") || ieq_at(s, b - 6, "multi "))) return e;
    if (e < sz && at(s, e) == '-') {
      const CurHit c = parse_currency_after(s, e);
      if (c.ok && !c.cents) emit_money(out, s, b, c.e, c.code, w->mult);
      return c.ok ? c.e : e;
    }
    const NextWord nw = next_word(s, e, false);
    if (is(nw, Cat::cur) &&
        (nw.w->text == "dollar" || nw.w->text == "euro" || nw.w->text == "pound")) {
      emit_money(out, s, b, nw.e, nw.w->code, w->mult);
      return nw.e;
    }
    return e;
  }
  if (!starts_word_number(w->cat)) return e;
  if (vague_before(s, b)) return e;
  const WordNum wn = parse_word_number(s, e, w);
  if (!wn.ok) return e;
  const CurHit c = parse_currency_after(s, wn.e);
  if (!c.ok || (c.needs_scale && !wn.scaled)) return e;
  emit_money(out, s, b, c.e, c.code, c.cents ? wn.value / 100 : wn.value);
  return c.e;
}

constexpr bool is_money_trigger_word(const Word& w) {
  if (starts_word_number(w.cat)) return true;
  switch (w.cat) {
    case Cat::code:
    case Cat::rs:
      return true;
    case Cat::scale:
      return (w.flags & kAdjective) != 0;
    default:
      return false;
  }
}

constexpr PrefixBloom kMoneyPrefixes = make_prefix_bloom(is_money_trigger_word);

}  // namespace

void money_pass(string_view s, const std::vector<TriggerBlock>& blocks, std::vector<Entity>& out) {
  const size_t n = s.size();
  t_franc = {};  // a new document (bare_franc_code, bare_dollar_code)
  t_dollar = {};
  scan_triggers(
      blocks, [](const TriggerBlock& b) { return b.digit_start | b.letter_start | b.anywhere; },
      [&](size_t i) -> size_t {
        const u8 c = at(s, i);
        if (is_alpha(c)) {
          if (!may_be_keyword(kMoneyPrefixes, s, blocks, i)) return i;
          WordKey key;
          const size_t e = scan_word(s, i, &key);
          if (word_char_before(s, i)) return e;
          const Word* w = lookup_key(key, s, i, e);
          return w ? money_word(s, i, e, w, out) : e;
        }
        if (is_digit(c)) return money_number(s, i, out);
        if (c == '$') return money_dollar(s, i, out);
        if (c == 0xC2 && i + 1 < n) {
          const u8 c1 = at(s, i + 1);
          if (c1 == 0xA3) return money_sign(s, i, 2, "GBP", out);
          if (c1 == 0xA5) return money_sign(s, i, 2, "JPY", out);
        } else if (c == 0xE2 && i + 2 < n && at(s, i + 1) == 0x82) {
          const u8 c2 = at(s, i + 2);
          if (c2 == 0xAC) return money_sign(s, i, 3, "EUR", out);
          if (c2 == 0xB9) return money_sign(s, i, 3, "INR", out);
          if (c2 == 0xA9) return money_sign(s, i, 3, "KRW", out);
          if (c2 == 0xBD) return money_sign(s, i, 3, "RUB", out);
        }
        return i + 1;
      });
}

}  // namespace numeric

void find_money(std::string_view s, std::vector<Entity>& out) {
  numeric::money_pass(s, numeric::trigger_blocks(s), out);
}

}  // namespace newsdex::detail
