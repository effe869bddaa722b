#include "core/schema.h"

#include <zstd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace newsdex::schema {

std::string_view entity_prefix(EntityKind kind) {
  switch (kind) {
    case EntityKind::company:
      return "XCO";
    case EntityKind::person:
      return "XPE";
    case EntityKind::product:
      return "XPR";
    case EntityKind::money:
      return "XMO";
    case EntityKind::percent:
      return "XPC";
    case EntityKind::date:
      return "XDA";
  }
  return "X";
}

std::string decade_prefix(EntityKind kind, std::string_view currency) {
  if (kind == EntityKind::percent) return std::string(kPercentDecade);
  if (kind != EntityKind::money) return {};
  if (currency.empty()) return std::string(kMoneyDecade);
  return std::string(kMoneyCurDecade).append(currency).append(":");
}

double entity_number(EntityKind kind, std::string_view key) {
  if (kind == EntityKind::money) return money_amount(key);
  if (kind == EntityKind::percent) return std::strtod(std::string(key).c_str(), nullptr);
  return 0;
}

void append_entity_terms(EntityKind kind, std::string_view key, std::vector<std::string>& out) {
  out.emplace_back(entity_prefix(kind)).append(key);
  if (kind != EntityKind::money && kind != EntityKind::percent) return;
  const double amount = entity_number(kind, key);
  const int decade = decade_of(amount);
  const std::string d = std::to_string(decade);
  const std::size_t all = out.size();
  out.emplace_back(decade_prefix(kind)).append(d);
  if (kind == EntityKind::money)
    out.emplace_back(decade_prefix(kind, key.substr(0, key.find(':')))).append(d);
  const std::size_t bases = out.size() - all;
  if (decade < kMinDigitDecade || decade > kMaxDigitDecade) return;
  const std::optional<AmountDigits> a = amount_digits(amount);
  if (!a) return;
  for (std::size_t i = all; i < all + bases; ++i) {
    const std::string base = out[i] + ":";
    for (std::size_t k = 1; k < a->digits.size(); ++k)
      out.emplace_back(base).append(a->digits, 0, k);
    out.emplace_back(base).append(a->digits).push_back(kDigitsEnd);
  }
}

namespace {
std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  // Separate fields, so ("ab","c") and ("a","bc") differ.
  h ^= 0xff;
  h *= 1099511628211ull;
  return h;
}
std::string hex64(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}
void put(std::string& out, std::string_view s) {
  std::uint32_t n = static_cast<std::uint32_t>(s.size());
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out.append(s);
}
bool get(std::string_view& in, std::string& s) {
  std::uint32_t n;
  if (in.size() < sizeof n) return false;
  std::memcpy(&n, in.data(), sizeof n);
  in.remove_prefix(sizeof n);
  if (in.size() < n) return false;
  s.assign(in.substr(0, n));
  in.remove_prefix(n);
  return true;
}
}  // namespace

std::string label_key(EntityKind kind, std::string_view key) {
  std::string k(kMetaLabelPrefix);
  k.append(to_string(kind)).append(":").append(key);
  return k;
}

std::string date_value(const CivilDate& d, bool upper) {
  const int unknown = upper ? 99 : 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month ? d.month : unknown,
                d.day ? d.day : unknown);
  return buf;
}

std::optional<CivilDate> parse_date_value(std::string_view v) {
  if (v.size() != 8) return std::nullopt;
  int n[3] = {0, 0, 0};
  for (std::size_t i = 0; i < 8; ++i) {
    if (v[i] < '0' || v[i] > '9') return std::nullopt;
    int& part = n[i < 4 ? 0 : i < 6 ? 1 : 2];
    part = part * 10 + (v[i] - '0');
  }
  return CivilDate{n[0], n[1], n[2]};
}

std::string encode_keys(const std::vector<std::string_view>& keys) {
  std::string out;
  for (std::string_view k : keys) {
    for (std::size_t n = k.size();; n >>= 7) {  // varint, 7 bits a byte, low bits first
      if (n < 0x80) {
        out.push_back(char(n));
        break;
      }
      out.push_back(char(0x80 | (n & 0x7f)));
    }
    out.append(k);
  }
  return out;
}

bool decode_keys(std::string_view value, std::vector<std::string_view>& out) {
  const std::size_t start = out.size();
  std::size_t i = 0;
  while (i < value.size()) {
    std::size_t n = 0;
    for (unsigned shift = 0;; shift += 7) {
      if (i >= value.size() || shift > 28) {
        out.resize(start);
        return false;
      }
      const auto b = static_cast<unsigned char>(value[i++]);
      n |= std::size_t(b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    if (n > value.size() - i) {
      out.resize(start);
      return false;
    }
    out.push_back(value.substr(i, n));
    i += n;
  }
  return true;
}

std::optional<AmountDigits> amount_digits(double amount) {
  if (!(amount > 0) || !std::isfinite(amount)) return std::nullopt;
  // "%.14e": d.dddddddddddddde±x, the mantissa rounded to 15 significant digits.
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.14e", amount);
  AmountDigits a;
  const char* e = std::strchr(buf, 'e');
  if (!e) return std::nullopt;
  for (const char* c = buf; c < e; ++c)
    if (*c >= '0' && *c <= '9') a.digits.push_back(*c);
  while (a.digits.size() > 1 && a.digits.back() == '0') a.digits.pop_back();
  a.decade = std::atoi(e + 1);
  return a;
}

int decade_of(double amount) {
  const std::optional<AmountDigits> a = amount_digits(amount);
  return a ? std::clamp(a->decade, -3, 18) : -3;
}

std::string id_term(std::string_view id) {
  std::string t(kId);
  if (id.size() + t.size() <= kMaxTermBytes) {
    t += id;
  } else {
    t += '#';
    t += hex64(fnv1a(14695981039346656037ull, id));
  }
  return t;
}

std::string encode_data(const StoredFields& f) {
  std::string out;
  out.reserve(f.title.size() + f.url.size() + f.path.size() + 64);
  out.push_back('\x02');  // format version (2: no body)
  for (const std::string* s : {&f.id, &f.title, &f.date, &f.source, &f.url, &f.path, &f.origin})
    put(out, *s);
  return out;
}

std::string encode_body(std::string_view body) {
  std::string out;
  if (body.empty()) return out;
  const std::size_t bound = ZSTD_compressBound(body.size());
  out.resize(1 + bound);
  // Thread-local context: the workers compress concurrently, each with its own.
  thread_local std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> cctx(ZSTD_createCCtx(),
                                                                         &ZSTD_freeCCtx);
  std::size_t n = ZSTD_compressCCtx(cctx.get(), out.data() + 1, bound, body.data(), body.size(), 1);
  if (ZSTD_isError(n) || n >= body.size()) {  // incompressible: store it raw
    out.assign(1, 'r');
    out.append(body);
    return out;
  }
  out[0] = 'z';
  out.resize(1 + n);
  return out;
}

std::string decode_body(std::string_view value) {
  if (value.empty()) return {};
  std::string_view payload = value.substr(1);
  if (value[0] == 'r') return std::string(payload);
  if (value[0] != 'z') return {};
  unsigned long long size = ZSTD_getFrameContentSize(payload.data(), payload.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31))
    return {};
  std::string out(std::size_t(size), '\0');
  std::size_t n = ZSTD_decompress(out.data(), out.size(), payload.data(), payload.size());
  if (ZSTD_isError(n)) return {};
  out.resize(n);
  return out;
}

StoredFields decode_data(std::string_view in) {
  StoredFields f;
  if (in.empty() || in[0] != '\x02') return f;
  in.remove_prefix(1);
  for (std::string* s : {&f.id, &f.title, &f.date, &f.source, &f.url, &f.path, &f.origin})
    if (!get(in, *s)) break;
  return f;
}

std::string content_hash(std::string_view a, std::string_view b, std::string_view c,
                         std::string_view d, std::string_view e) {
  std::uint64_t h = 14695981039346656037ull;
  h = fnv1a(h, kVersion);
  for (auto s : {a, b, c, d, e}) h = fnv1a(h, s);
  return hex64(h);
}

double money_amount(std::string_view key) {
  auto colon = key.rfind(':');
  if (colon == std::string_view::npos) return 0;
  return std::strtod(std::string(key.substr(colon + 1)).c_str(), nullptr);
}

std::string money_label(std::string_view key) {
  auto colon = key.find(':');
  if (colon == std::string_view::npos) return std::string(key);
  std::string cur(key.substr(0, colon));
  double v = money_amount(key);
  struct Scale {
    double f;
    const char* s;
  };
  static const Scale scales[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
  char buf[64];
  for (const auto& sc : scales) {
    if (v >= sc.f) {
      std::snprintf(buf, sizeof buf, "%s %.4g%s", cur.c_str(), v / sc.f, sc.s);
      return buf;
    }
  }
  std::snprintf(buf, sizeof buf, "%s %.4g", cur.c_str(), v);
  return buf;
}

}  // namespace newsdex::schema
