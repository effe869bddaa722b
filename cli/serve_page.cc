// The search page of `newsdex serve` (`/`): plain server-rendered HTML and CSS, no
// JavaScript. Parameters: q (the query as typed), f (a filter in the query language, one per
// chip; repeated), offset, bucket (date histogram: year, month, day). What is searched is q
// followed by the filters, so a query error's position inside q is shown where it is.
#include <algorithm>
#include <cstdio>
#include <set>

#include "newsdex/error.h"
#include "serve.h"
#include "url_encode.h"

namespace newsdex::cli {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  return out;
}

namespace {

constexpr std::size_t kPageSize = 10;
constexpr std::size_t kFacetRows = 8;

const char* const kStyle = R"CSS(
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1a1a1a;background:#fbfaf7}
a{color:inherit}
header.mast{display:flex;align-items:center;gap:28px;padding:14px 32px;background:#fff;border-bottom:3px double #1a1a1a}
.brand{font:700 28px/1 Georgia,"Times New Roman",serif;letter-spacing:-.5px;text-decoration:none;white-space:nowrap}
.brand span{color:#a4161a}
form.search{flex:1;display:flex;max-width:760px}
form.search input[type=search]{flex:1;font:16px system-ui,sans-serif;padding:9px 12px;border:1px solid #9a9a9a;border-right:0;border-radius:3px 0 0 3px;background:#fff}
form.search input[type=search]:focus{outline:2px solid #a4161a;outline-offset:-1px}
form.search button{font:600 14px system-ui,sans-serif;padding:0 18px;border:1px solid #1a1a1a;background:#1a1a1a;color:#fff;border-radius:0 3px 3px 0;cursor:pointer}
.wrap{display:grid;grid-template-columns:270px minmax(0,1fr);gap:40px;max-width:1240px;padding:24px 32px 48px}
aside h3{font:700 11px/1 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.09em;color:#555;margin:22px 0 8px;padding-bottom:6px;border-bottom:1px solid #ddd;display:flex;justify-content:space-between}
aside h3 small{font-weight:400;letter-spacing:0;text-transform:none;color:#888}
aside section:first-child h3{margin-top:0}
aside ul{list-style:none;margin:0;padding:0}
aside li a{display:grid;grid-template-columns:1fr auto;column-gap:8px;text-decoration:none;padding:3px 0;font-size:14px}
aside li a:hover .lbl{text-decoration:underline}
aside li a.on .lbl{font-weight:700;color:#a4161a}
.n{color:#666;font-variant-numeric:tabular-nums;font-size:13px}
.bar{grid-column:1/3;height:2px;background:#ebe7de;margin-top:2px}
.bar i{display:block;height:2px;background:#a4161a;opacity:.6}
.hist{display:flex;align-items:flex-end;gap:2px;height:64px;border-bottom:1px solid #999;margin-top:6px}
.hist a{flex:1;background:#a4161a;opacity:.7;min-height:1px}
.hist a:hover,.hist a.on{opacity:1}
.hist-axis{display:flex;justify-content:space-between;font-size:11px;color:#777;margin-top:3px}
.gran{font-size:12px;color:#777;margin-top:6px}
.gran a,.gran b{margin-right:6px}
.chips{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:12px;font-size:13px}
.chip{display:inline-flex;align-items:center;gap:6px;padding:3px 4px 3px 10px;border:1px solid #a4161a;border-radius:14px;color:#a4161a;text-decoration:none;background:#fff}
.chip b{font-weight:600}
.chip span{display:inline-block;width:18px;height:18px;line-height:17px;text-align:center;border-radius:50%;background:#a4161a;color:#fff;font-size:13px}
.chip:hover{background:#fdf0f0}
.clear{color:#666;font-size:12px}
.summary{color:#555;font-size:13px;margin:0 0 6px;padding-bottom:10px;border-bottom:1px solid #ddd}
ol.hits{list-style:none;margin:0;padding:0}
ol.hits li{padding:16px 0;border-bottom:1px solid #e4e1da}
ol.hits h2{font:700 21px/1.25 Georgia,"Times New Roman",serif;margin:0 0 4px}
ol.hits h2 a{text-decoration:none}
ol.hits h2 a:hover{text-decoration:underline;text-decoration-thickness:1px}
.meta{font-size:12px;color:#666;text-transform:uppercase;letter-spacing:.04em;margin-bottom:6px}
.meta .src{color:#a4161a;font-weight:600}
.meta .id{text-transform:none;letter-spacing:0;color:#999;text-decoration:none}
.meta .id:hover{text-decoration:underline}
.sub{font-size:11px;color:#777;margin:10px 0 2px;text-transform:uppercase;letter-spacing:.06em}
.snip{margin:0;color:#333;font-family:Georgia,"Times New Roman",serif;font-size:15.5px}
mark{background:#fff1a8;color:inherit;padding:0 1px}
nav.pager{display:flex;justify-content:space-between;align-items:center;margin-top:18px;font-size:14px}
nav.pager a{padding:6px 14px;border:1px solid #1a1a1a;text-decoration:none;border-radius:3px}
nav.pager .off{visibility:hidden}
.err{border-left:4px solid #a4161a;background:#fff;padding:12px 16px;margin-bottom:16px}
.err p{margin:0 0 8px}
.err code{font:14px/1.6 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap}
.err .at{background:#a4161a;color:#fff;border-radius:2px;padding:0 1px}
.lede{font:20px/1.4 Georgia,serif;margin:0 0 8px}
.hint{color:#555}
.hint code{background:#eee;padding:1px 4px;border-radius:2px}
article.doc{max-width:720px}
article.doc h1{font:700 32px/1.2 Georgia,serif;margin:0 0 8px}
article.doc p{font:17px/1.6 Georgia,serif}
footer{color:#888;font-size:12px;padding:0 32px 24px}
@media (max-width:800px){.wrap{grid-template-columns:1fr}header.mast{flex-wrap:wrap}}
)CSS";

const char* kind_title(EntityKind k) {
  switch (k) {
    case EntityKind::company:
      return "Companies";
    case EntityKind::person:
      return "People";
    case EntityKind::product:
      return "Products";
    case EntityKind::money:
      return "Money";
    case EntityKind::percent:
      return "Percentages";
    case EntityKind::date:
      return "Published";
  }
  return "";
}

// What the page was asked for.
struct PageState {
  std::string q;
  std::vector<std::string> filters;  // each a query-language filter, one chip each
  std::size_t offset = 0;
  std::string bucket = "month";
  std::string sort = "relevance";  // relevance | date | date:asc

  std::string query() const {
    std::string out = q;
    for (const auto& f : filters) out += (out.empty() ? "" : " ") + f;
    return out;
  }
  // The page's URL with these values.
  std::string href(const std::vector<std::string>& fs, std::size_t off,
                   const std::string& bkt) const {
    std::string u = "/?q=" + url_encode(q);
    for (const auto& f : fs) u += "&f=" + url_encode(f);
    if (off) u += "&offset=" + std::to_string(off);
    if (bkt != "month") u += "&bucket=" + bkt;
    if (sort != "relevance") u += "&sort=" + url_encode(sort);
    return html_escape(u);
  }
  // This page in another order (from its first page).
  std::string sorted(const std::string& order) const {
    PageState other = *this;
    other.sort = order;
    return other.href(filters, 0, bucket);
  }
  std::string with_filter(const std::string& f) const {
    std::vector<std::string> fs = filters;
    auto it = std::find(fs.begin(), fs.end(), f);
    if (it == fs.end())
      fs.push_back(f);
    else
      fs.erase(it);  // a filter already on: the link takes it off
    return href(fs, 0, bucket);
  }
  bool has(const std::string& f) const {
    return std::find(filters.begin(), filters.end(), f) != filters.end();
  }
};

// The filter that selects documents with @p key of @p kind, or empty if it cannot be
// written (a key with a double quote).
std::string filter_for(EntityKind kind, const std::string& key) {
  if (key.find('"') != std::string::npos) return "";
  const std::string k(to_string(kind));
  bool plain = !key.empty();
  for (unsigned char c : key)
    if (!(std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == ':')) plain = false;
  return k + ":" + (plain ? key : "\"" + key + "\"");
}

// The money bucket names of FacetResult::buckets as filters.
std::string money_bucket_filter(const std::string& key) {
  if (key == "<1M") return "money:<1m";
  if (key == "1M-1B") return "money:>=1m money:<1b";
  if (key == "1B-100B") return "money:>=1b money:<100b";
  if (key == ">=100B") return "money:>=100b";
  return "";
}

// One facet row: a link that adds (or, when on, removes) @p filter, its count and a bar.
void append_row(std::string& out, const PageState& st, const std::string& filter,
                const std::string& label, std::size_t count, std::size_t max) {
  const bool on = !filter.empty() && st.has(filter);
  out += "<li><a" + std::string(on ? " class=\"on\"" : "") + " href=\"" +
         (filter.empty() ? "#" : st.with_filter(filter)) + "\" title=\"" +
         html_escape(on ? "remove " + filter : filter) + "\"><span class=\"lbl\">" +
         html_escape(label) + "</span><span class=\"n\">" + std::to_string(count) +
         "</span><span class=\"bar\"><i style=\"width:" + std::to_string(100 * count / max) +
         "%\"></i></span></a></li>";
}

std::size_t max_count(const std::vector<FacetCount>& counts) {
  std::size_t max = 1;
  for (const auto& c : counts) max = std::max(max, c.count);
  return max;
}

void append_facet(std::string& out, const PageState& st, const FacetResult& f) {
  if (f.counts.empty() && f.buckets.empty()) return;
  out += "<section class=\"facet\" data-kind=\"" + std::string(to_string(f.kind)) + "\"><h3>" +
         kind_title(f.kind) + "<small>" + std::to_string(f.distinct) + " distinct" +
         (f.exact ? "" : ", sampled") + "</small></h3>";
  // The histogram: the search's buckets, or on the front page (stats) the top years in order.
  std::vector<FacetCount> hist = f.buckets;
  if (f.kind == EntityKind::date && hist.empty()) {
    hist = f.counts;
    std::sort(hist.begin(), hist.end(), [](auto& a, auto& b) { return a.key < b.key; });
  }
  if (f.kind == EntityKind::date && !hist.empty()) {
    const std::size_t max = max_count(hist);
    out += "<div class=\"hist\">";
    for (const auto& b : hist) {
      const std::string filter = "date:" + b.key;
      out += "<a" + std::string(st.has(filter) ? " class=\"on\"" : "") + " href=\"" +
             st.with_filter(filter) + "\" title=\"" + html_escape(b.key) + ": " +
             std::to_string(b.count) +
             "\" style=\"height:" + std::to_string(std::max<std::size_t>(2, 100 * b.count / max)) +
             "%\"></a>";
    }
    out += "</div><div class=\"hist-axis\"><span>" + html_escape(hist.front().key) +
           "</span><span>" + html_escape(hist.back().key) + "</span></div>";
    if (!f.buckets.empty()) {  // a search's histogram: its granularity can change
      out += "<div class=\"gran\">by ";
      for (const char* b : {"year", "month", "day"})
        out += st.bucket == b ? "<b>" + std::string(b) + "</b>"
                              : "<a href=\"" + st.href(st.filters, 0, b) + "\">" + b + "</a>";
      out += "</div>";
    }
  } else if (f.kind == EntityKind::money && !f.buckets.empty()) {
    out += "<div class=\"sub\">By amount, any currency</div><ul>";
    for (const auto& b : f.buckets)
      append_row(out, st, money_bucket_filter(b.key), b.key, b.count, max_count(f.buckets));
    out += "</ul><div class=\"sub\">Amounts</div>";
  }
  if (f.kind != EntityKind::date || hist.empty()) {
    out += "<ul>";
    for (const auto& c : f.counts)
      append_row(out, st, filter_for(f.kind, c.key), c.label, c.count, max_count(f.counts));
    out += "</ul>";
  }
  out += "</section>";
}

// The date histogram first (when), then the kinds in their order.
void append_facets(std::string& out, const PageState& st, const std::vector<FacetResult>& fs) {
  for (const FacetResult& f : fs)
    if (f.kind == EntityKind::date) append_facet(out, st, f);
  for (const FacetResult& f : fs)
    if (f.kind != EntityKind::date) append_facet(out, st, f);
}

// Only web links leave the page (a stored url could say javascript:).
bool web_url(const std::string& url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

// The snippet as HTML, its highlights marked.
std::string snippet_html(const Hit& h) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& hl : h.highlights) {
    if (hl.begin < pos || hl.begin > hl.end || hl.end > h.snippet.size()) continue;
    out += html_escape(std::string_view(h.snippet).substr(pos, hl.begin - pos));
    out += "<mark>" + html_escape(std::string_view(h.snippet).substr(hl.begin, hl.end - hl.begin)) +
           "</mark>";
    pos = hl.end;
  }
  return out + html_escape(std::string_view(h.snippet).substr(pos));
}

std::string head(const std::string& title) {
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
         "content=\"width=device-width,initial-scale=1\"><title>" +
         html_escape(title) + "</title><style>" + kStyle + "</style></head><body>";
}

std::string masthead(const PageState& st) {
  std::string out =
      "<header class=\"mast\"><a class=\"brand\" href=\"/\">news<span>dex</span></a>"
      "<form class=\"search\" action=\"/\" method=\"get\" role=\"search\"><input type=\"search\" "
      "name=\"q\" value=\"" +
      html_escape(st.q) +
      "\" placeholder=\"Search: openai compute, company:msft money:&gt;=1e9\" "
      "aria-label=\"Search\" autofocus>";
  for (const auto& f : st.filters)
    out += "<input type=\"hidden\" name=\"f\" value=\"" + html_escape(f) + "\">";
  if (st.bucket != "month")
    out += "<input type=\"hidden\" name=\"bucket\" value=\"" + html_escape(st.bucket) + "\">";
  return out + "<button type=\"submit\">Search</button></form></header>";
}

// The query with the character at @p pos marked (or a mark after its end).
std::string error_html(const PageState& st, const std::string& message, std::size_t pos) {
  std::string out = "<div class=\"err\" role=\"alert\"><p><b>Query error at position " +
                    std::to_string(pos) + ":</b> " + html_escape(message) + "</p><code>";
  const std::string q = st.query();
  if (pos < q.size()) {
    std::size_t end = pos + 1;  // the whole UTF-8 character
    while (end < q.size() && (static_cast<unsigned char>(q[end]) & 0xC0) == 0x80) ++end;
    out += html_escape(q.substr(0, pos)) + "<span class=\"at\">" +
           html_escape(q.substr(pos, end - pos)) + "</span>" + html_escape(q.substr(end));
  } else {
    out += html_escape(q) + "<span class=\"at\">&nbsp;</span>";
  }
  return out + "</code></div>";
}

std::string chips_html(const PageState& st) {
  if (st.filters.empty()) return "";
  std::string out = "<div class=\"chips\" aria-label=\"Filters\">";
  for (const auto& f : st.filters) {
    std::vector<std::string> rest;
    for (const auto& g : st.filters)
      if (g != f) rest.push_back(g);
    const auto colon = f.find(':');
    out += "<a class=\"chip\" data-filter=\"" + html_escape(f) + "\" href=\"" +
           st.href(rest, 0, st.bucket) + "\" title=\"Remove this filter\"><b>" +
           html_escape(f.substr(0, colon)) + "</b>" +
           html_escape(colon == std::string::npos ? "" : f.substr(colon + 1)) +
           "<span>×</span></a>";
  }
  return out + "<a class=\"clear\" href=\"" + st.href({}, 0, st.bucket) + "\">Clear all</a></div>";
}

std::string hits_html(const PageState& st, const SearchResults& r) {
  std::string out = "<p class=\"summary\">";
  if (r.total == 0) {
    out += "No articles match.";
  } else {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%zu%s article%s · showing %zu–%zu · %.1f ms", r.total,
                  r.total_exact ? "" : "+", r.total == 1 ? "" : "s", st.offset + 1,
                  st.offset + r.hits.size(), r.elapsed_ms);
    out += buf;
    out += "<span class=\"sort\"> · sort: ";
    const std::pair<const char*, const char*> orders[] = {
        {"relevance", "relevance"}, {"date", "newest"}, {"date:asc", "oldest"}};
    for (const auto& [order, name] : orders)
      out += st.sort == order ? std::string("<b>") + name + "</b> "
                              : "<a href=\"" + st.sorted(order) + "\">" + name + "</a> ";
    out += "</span>";
  }
  out += "</p><ol class=\"hits\">";
  for (const Hit& h : r.hits) {
    const std::string link = web_url(h.url) ? h.url : "/documents/" + url_encode(h.id);
    out += "<li><h2><a href=\"" + html_escape(link) + "\">" +
           html_escape(h.title.empty() ? h.id : h.title) + "</a></h2><div class=\"meta\">";
    std::string meta;
    if (!h.date.empty()) meta += "<time>" + html_escape(h.date) + "</time>";
    if (!h.source.empty())
      meta += (meta.empty() ? "" : " · ") +
              ("<span class=\"src\">" + html_escape(h.source) + "</span>");
    meta += (meta.empty() ? "" : " · ") +
            ("<a class=\"id\" href=\"/documents/" + html_escape(url_encode(h.id)) + "\">" +
             html_escape(h.id) + "</a>");
    if (h.duplicates)  // the other copies of the story (collapsed: docs/duplicates.md)
      meta += " · <span class=\"copies\">" + std::to_string(h.duplicates + 1) + " copies</span>";
    out += meta + "</div><p class=\"snip\">" + snippet_html(h) + "</p></li>";
  }
  out += "</ol>";
  if (r.total > kPageSize) {
    const bool prev = st.offset > 0, next = st.offset + r.hits.size() < r.total;
    out += "<nav class=\"pager\"><a rel=\"prev\" class=\"" + std::string(prev ? "" : "off") +
           "\" href=\"" +
           st.href(st.filters, st.offset >= kPageSize ? st.offset - kPageSize : 0, st.bucket) +
           "\">← Previous</a><span>Page " + std::to_string(st.offset / kPageSize + 1) + " of " +
           std::to_string((r.total + kPageSize - 1) / kPageSize) +
           "</span><a rel=\"next\" class=\"" + (next ? "" : "off") + "\" href=\"" +
           st.href(st.filters, st.offset + kPageSize, st.bucket) + "\">Next →</a></nav>";
  }
  return out;
}

PageState page_state(const Params& p) {
  PageState st;
  if (auto it = p.find("q"); it != p.end()) st.q = it->second.substr(0, kMaxQueryBytes);
  auto [b, e] = p.equal_range("f");
  std::set<std::string> seen;
  for (auto it = b; it != e; ++it)
    if (!it->second.empty() && it->second.size() <= 200 && seen.insert(it->second).second)
      st.filters.push_back(it->second);
  try {
    st.offset = number_param(p, "offset", 0, kMaxOffset, true);
  } catch (const HttpError&) {  // a hand-edited URL: the first page
  }
  st.offset -= st.offset % kPageSize;
  if (auto it = p.find("bucket"); it != p.end() && (it->second == "year" || it->second == "day"))
    st.bucket = it->second;
  if (auto it = p.find("sort"); it != p.end() && (it->second == "date" || it->second == "date:asc"))
    st.sort = it->second;
  return st;
}

}  // namespace

std::string render_page(Searcher& searcher, const Params& params, const ServeArgs& args,
                        int& status) {
  const PageState st = page_state(params);
  std::string out =
      head(st.q.empty() && st.filters.empty() ? "newsdex" : st.query() + " — newsdex");
  out += masthead(st);
  std::string side, main;
  if (st.query().empty()) {
    const DatabaseStats s = searcher.stats(kFacetRows);
    append_facets(side, st, s.top);
    main = "<p class=\"lede\">" + std::to_string(s.documents) + " articles" +
           (s.first_date.empty() ? "" : ", published " + s.first_date + " to " + s.last_date) +
           ".</p><p class=\"hint\">Type words to search (<code>openai compute</code>), a phrase "
           "in quotes, or filters such as <code>company:msft</code>, <code>money:&gt;=1e9</code>, "
           "<code>date:2025-01</code>; or pick an entity on the left.</p>";
  } else {
    SearchRequest req;
    req.query = st.query();
    req.offset = st.offset;
    req.limit = kPageSize;
    req.facets.assign(std::begin(kAllEntityKinds), std::end(kAllEntityKinds));
    req.facet_size = kFacetRows;
    req.date_bucket = st.bucket == "year"  ? DateBucket::year
                      : st.bucket == "day" ? DateBucket::day
                                           : DateBucket::month;
    req.time_limit_ms = args.time_limit_ms;
    req.sort = st.sort == "date"       ? SortOrder::date
               : st.sort == "date:asc" ? SortOrder::date_asc
                                       : SortOrder::relevance;
    main = chips_html(st);
    try {
      const SearchResults r = searcher.search(req);
      append_facets(side, st, r.facets);
      main += hits_html(st, r);
    } catch (const QueryError& e) {
      status = 400;
      main += error_html(st, e.what(), e.position());
    }
  }
  out += "<div class=\"wrap\"><aside>" + side + "</aside><main>" + main + "</main></div>";
  out += "<footer>" + std::to_string(searcher.document_count()) +
         " documents · newsdex · read-only · <a href=\"/api/stats\">API</a></footer></body></html>";
  return out;
}

std::string render_article(const Article& a) {
  std::string out = head(a.title.empty() ? a.id : a.title + " — newsdex");
  out += masthead(PageState{});
  out += "<div class=\"wrap\"><aside></aside><main><article class=\"doc\"><div class=\"meta\">";
  std::string meta = html_escape(a.date);
  if (!a.source.empty())
    meta +=
        (meta.empty() ? "" : " · ") + ("<span class=\"src\">" + html_escape(a.source) + "</span>");
  out += meta + "</div><h1>" + html_escape(a.title.empty() ? a.id : a.title) + "</h1>";
  if (web_url(a.url))
    out += "<p class=\"hint\"><a href=\"" + html_escape(a.url) + "\">" + html_escape(a.url) +
           "</a></p>";
  std::size_t pos = 0;  // paragraphs: blank lines (or single newlines) in the stored body
  while (pos < a.body.size()) {
    std::size_t end = a.body.find('\n', pos);
    if (end == std::string::npos) end = a.body.size();
    if (end > pos)
      out += "<p>" + html_escape(std::string_view(a.body).substr(pos, end - pos)) + "</p>";
    pos = end + 1;
  }
  return out + "</article></main></div></body></html>";
}

}  // namespace newsdex::cli
