#include "output.h"

#include <cstdio>
#include <sstream>

#include "newsdex/error.h"

namespace newsdex::cli {

using json = nlohmann::json;

std::vector<EntityKind> parse_kinds(const std::string& list) {
  std::vector<EntityKind> out;
  std::stringstream ss(list);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.empty()) continue;
    if (item == "all") return {std::begin(kAllEntityKinds), std::end(kAllEntityKinds)};
    auto k = parse_entity_kind(item);
    if (!k)
      throw ConfigError("--facets: unknown kind '" + item +
                        "' (company, person, product, money, percent, date, all)");
    out.push_back(*k);
  }
  return out;
}

void apply_search_params(SearchRequest& req, const SearchParams& p) {
  if (p.match != "all" && p.match != "any")
    throw ConfigError("--match: '" + p.match + "' is not one of all, any");
  req.match = p.match == "any" ? DefaultMatch::any : DefaultMatch::all;
  req.facets = parse_kinds(p.facets);
  req.exact_facets = !p.sample;
  req.collapse = !p.no_collapse;
  if (p.date_bucket == "year")
    req.date_bucket = DateBucket::year;
  else if (p.date_bucket == "month")
    req.date_bucket = DateBucket::month;
  else if (p.date_bucket == "day")
    req.date_bucket = DateBucket::day;
  else
    throw ConfigError("--date-bucket: '" + p.date_bucket + "' is not one of year, month, day");
}

std::string highlighted(const Hit& h, bool bold) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& hl : h.highlights) {
    if (hl.begin < pos || hl.begin > hl.end || hl.end > h.snippet.size()) continue;
    out.append(h.snippet, pos, hl.begin - pos);
    out += bold ? "\x1b[1m" : "";
    out.append(h.snippet, hl.begin, hl.end - hl.begin);
    out += bold ? "\x1b[0m" : "";
    pos = hl.end;
  }
  out.append(h.snippet, pos, std::string::npos);
  return out;
}

json facet_json(const FacetResult& f) {
  json arr = json::array();
  for (const auto& c : f.counts) {
    json e = {{"key", c.key}, {"label", c.label}, {"count", c.count}};
    if (!f.exact) e["exact"] = false;
    arr.push_back(e);
  }
  return arr;
}

json search_json(const SearchResults& r, const SearchRequest& req) {
  json hits = json::array();
  for (const auto& h : r.hits) {
    json hl = json::array();
    for (const auto& s : h.highlights) hl.push_back({s.begin, s.end});
    json o = {{"rank", h.rank},     {"id", h.id},
              {"title", h.title},   {"date", h.date},
              {"source", h.source}, {"url", h.url},
              {"score", h.score},   {"snippet", h.snippet},
              {"highlights", hl},   {"duplicates", h.duplicates}};
    if (!h.path.empty()) o["path"] = h.path;
    hits.push_back(o);
  }
  json out = {{"query", r.query},          {"total", r.total},   {"total_exact", r.total_exact},
              {"offset", req.offset},      {"limit", req.limit}, {"elapsed_ms", r.elapsed_ms},
              {"collapsed", req.collapse}, {"hits", hits}};
  if (!r.facets.empty()) {
    json facets = json::object(), info = json::object();
    for (const auto& f : r.facets) {
      facets[std::string(to_string(f.kind))] = facet_json(f);
      json buckets = json::array();
      for (const auto& b : f.buckets) buckets.push_back({{"key", b.key}, {"count", b.count}});
      info[std::string(to_string(f.kind))] = {
          {"exact", f.exact}, {"distinct", f.distinct}, {"buckets", buckets}};
    }
    out["facets"] = facets;
    out["facet_info"] = info;
  }
  return out;
}

namespace {

std::string printf_string(const char* fmt, auto... args) {
  int n = std::snprintf(nullptr, 0, fmt, args...);
  std::string s(std::size_t(n > 0 ? n : 0), '\0');
  if (n > 0) std::snprintf(s.data(), s.size() + 1, fmt, args...);
  return s;
}

std::string counts_line(const FacetResult& f) {
  std::string line;
  for (const auto& c : f.counts)
    line += (line.empty() ? "" : " · ") + c.label + " " + std::to_string(c.count);
  return line.empty() ? "(none)" : line;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

}  // namespace

std::string search_text(const SearchResults& r, const std::string& query, bool bold) {
  std::string out =
      printf_string("%zu%s result%s for %s (%.1f ms)\n", r.total, r.total_exact ? "" : "+",
                    r.total == 1 ? "" : "s", query.c_str(), r.elapsed_ms);
  // (With collapse, results are stories: a hit's "+N copies" are matches it stands for.)
  for (const auto& h : r.hits) {
    out += printf_string("\n%zu. %s%s%s\n", h.rank, bold ? "\x1b[1m" : "", h.title.c_str(),
                         bold ? "\x1b[0m" : "");
    std::string meta;
    if (!h.date.empty()) meta += h.date + " · ";
    if (!h.source.empty()) meta += h.source + " · ";
    meta += h.path.empty() ? h.id : h.path;
    if (!h.url.empty()) meta += " · " + h.url;
    out += printf_string("   %s · score %.3f", meta.c_str(), h.score);
    if (h.duplicates)
      out += printf_string(" · +%zu cop%s", h.duplicates, h.duplicates == 1 ? "y" : "ies");
    out += "\n";
    if (!h.snippet.empty()) out += "   " + highlighted(h, bold) + "\n";
  }
  if (!r.facets.empty()) out += "\n";
  for (const auto& f : r.facets) {
    out += printf_string("%-8s %s%s\n", std::string(to_string(f.kind)).c_str(),
                         counts_line(f).c_str(), f.exact ? "" : "  (sampled)");
    if (!f.buckets.empty()) {
      std::string b;
      for (const auto& c : f.buckets)
        if (c.count) b += (b.empty() ? "" : " · ") + c.key + " " + std::to_string(c.count);
      if (!b.empty())
        out += printf_string("%-8s %s %s\n", "",
                             f.kind == EntityKind::date ? "histogram:" : "buckets:", b.c_str());
    }
  }
  return out;
}

json stats_json(const DatabaseStats& s, const std::vector<std::string>& dbs) {
  json top = json::object();
  for (const auto& f : s.top) top[std::string(to_string(f.kind))] = facet_json(f);
  // "db": the path, or the list of paths when several are counted as one.
  return {{"db", dbs.size() == 1 ? json(dbs[0]) : json(dbs)},
          {"documents", s.documents},
          {"terms", s.distinct_terms},
          {"total_length", s.total_length},
          {"disk_bytes", s.disk_bytes},
          {"date_range", {{"first", s.first_date}, {"last", s.last_date}}},
          {"top", top}};
}

std::string stats_text(const DatabaseStats& s, const std::vector<std::string>& dbs) {
  std::string out = printf_string(
      "database   %s\ndocuments  %zu\nterms      %zu distinct words, %llu indexed\n"
      "size       %.1f MB\ndates      %s .. %s\n",
      join(dbs, " + ").c_str(), s.documents, s.distinct_terms,
      static_cast<unsigned long long>(s.total_length), double(s.disk_bytes) / 1e6,
      s.first_date.empty() ? "-" : s.first_date.c_str(),
      s.last_date.empty() ? "-" : s.last_date.c_str());
  for (const auto& f : s.top)
    out +=
        printf_string("%-10s %s\n", std::string(to_string(f.kind)).c_str(), counts_line(f).c_str());
  return out;
}

}  // namespace newsdex::cli
