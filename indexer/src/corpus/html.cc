// HTML pages as articles. gumbo builds the HTML5 tree; the walks over it are iterative
// (an explicit stack), so text nested however deep is kept and no page can exhaust the
// stack, and pages that nest deeper than kMaxHtmlDepth are refused before gumbo sees them.
#include "corpus/html.h"

#include <gumbo.h>

#include <cstring>
#include <utility>
#include <vector>

#include "corpus/text.h"
#include "entities/numeric.h"
#include "newsdex/corpus_reader.h"
#include "newsdex/error.h"

namespace newsdex {
namespace detail {
namespace {

bool skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

bool block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_PRE:
      return true;
    default:
      return false;
  }
}

// Elements that never have content, and those whose end tag may be omitted (the parser
// closes them itself): neither deepens html_nesting_depth.
bool uncounted_element(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      // void
      "area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame", "hr",
      "image", "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track",
      "wbr",
      // optional end tag
      "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p",
      "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr"};
  for (std::string_view n : kNames)
    if (n == name) return true;
  return false;
}

// Visits the tree under @p root in document order: enter(node) before its children (false:
// skip them), leave(node) after them. Iterative.
template <class Enter, class Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
  std::vector<std::pair<const GumboNode*, unsigned>> stack;  // node, next child
  if (!enter(root)) return;
  stack.emplace_back(root, 0u);
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const GumboVector* kids =
        node->type == GUMBO_NODE_ELEMENT ? &node->v.element.children : nullptr;
    if (!kids || next >= kids->length) {
      const GumboNode* done = node;
      stack.pop_back();
      leave(done);
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(kids->data[next++]);
    if (enter(child)) stack.emplace_back(child, 0u);
  }
}

void newline(std::string& out) {
  if (out.empty() || out.back() == '\n') return;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out.push_back('\n');
}

// The text under @p root: white space collapsed, a line break around block elements,
// furniture (skipped_tag) left out.
void html_text(const GumboNode* root, std::string& out) {
  walk(
      root,
      [&](const GumboNode* node) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
            node->type == GUMBO_NODE_CDATA) {
          for (char c : std::string_view(node->v.text.text)) {
            const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (!ws)
              out.push_back(c);
            else if (!out.empty() && out.back() != ' ' && out.back() != '\n')
              out.push_back(' ');
          }
          return false;
        }
        if (node->type != GUMBO_NODE_ELEMENT || skipped_tag(node->v.element.tag)) return false;
        if (block_tag(node->v.element.tag)) newline(out);
        return true;
      },
      [&](const GumboNode* node) {
        if (block_tag(node->v.element.tag)) newline(out);
      });
}

// The first element with @p tag in document order, or null.
const GumboNode* find_tag(const GumboNode* root, GumboTag tag) {
  const GumboNode* found = nullptr;
  walk(
      root,
      [&](const GumboNode* node) {
        if (found || node->type != GUMBO_NODE_ELEMENT) return false;
        if (node->v.element.tag == tag) found = node;
        return !found;
      },
      [](const GumboNode*) {});
  return found;
}

// The first ISO date of a `<meta property="article:published_time">` (or name="date",
// "pubdate") or a `<time datetime>`, in document order; empty if none.
std::string find_meta_date(const GumboNode* root) {
  std::string date;
  auto take = [&](const GumboAttribute* attr) {
    if (!attr) return;
    std::string_view v = attr->value;
    if (v.size() >= 10 && parse_iso_date(v.substr(0, 10))) date = v.substr(0, 10);
  };
  walk(
      root,
      [&](const GumboNode* node) {
        if (!date.empty() || node->type != GUMBO_NODE_ELEMENT) return false;
        const GumboElement& el = node->v.element;
        if (el.tag == GUMBO_TAG_META) {
          const GumboAttribute* prop = gumbo_get_attribute(&el.attributes, "property");
          if (!prop) prop = gumbo_get_attribute(&el.attributes, "name");
          if (prop &&
              (std::strcmp(prop->value, "article:published_time") == 0 ||
               std::strcmp(prop->value, "date") == 0 || std::strcmp(prop->value, "pubdate") == 0))
            take(gumbo_get_attribute(&el.attributes, "content"));
        } else if (el.tag == GUMBO_TAG_TIME) {
          take(gumbo_get_attribute(&el.attributes, "datetime"));
        }
        return true;
      },
      [](const GumboNode*) {});
  return date;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; }

}  // namespace

std::size_t html_nesting_depth(std::string_view html) {
  std::vector<std::string> open;  // counted elements not yet closed, innermost last
  std::size_t deepest = 0;
  const std::size_t n = html.size();
  std::size_t i = 0;
  auto skip_past = [&](std::string_view end) {
    const std::size_t at = html.find(end, i);
    i = at == std::string_view::npos ? n : at + end.size();
  };
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (html.substr(i, 3) == "!--") {
      skip_past("-->");
      continue;
    }
    if (i < n && (html[i] == '!' || html[i] == '?')) {
      skip_past(">");
      continue;
    }
    const bool closing = i < n && html[i] == '/';
    if (closing) ++i;
    std::string name;
    while (i < n && name.size() < 32 &&
           ((html[i] >= 'a' && html[i] <= 'z') || (html[i] >= 'A' && html[i] <= 'Z') ||
            (html[i] >= '0' && html[i] <= '9') || html[i] == '-'))
      name.push_back(lower(html[i++]));
    if (name.empty()) continue;  // a bare '<' in text
    // The end of the tag: attributes' quoted values may hold '>'.
    char quote = 0;
    bool self_closed = false;
    for (; i < n; ++i) {
      const char c = html[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        self_closed = i > 0 && html[i - 1] == '/';
        ++i;
        break;
      }
    }
    if (uncounted_element(name)) continue;
    if (closing) {
      // Closes the innermost open element of that name and everything opened inside it.
      for (std::size_t k = open.size(); k-- > 0;)
        if (open[k] == name) {
          open.resize(k);
          break;
        }
      continue;
    }
    if (self_closed) continue;
    if (name == "script" || name == "style" || name == "textarea" || name == "title") {
      skip_past("</" + name);  // raw text: no tags inside
      continue;
    }
    open.push_back(std::move(name));
    deepest = std::max(deepest, open.size());
  }
  return deepest;
}

std::string html_rejection(std::string_view html) {
  const std::size_t depth = html_nesting_depth(html);
  if (depth <= kMaxHtmlDepth) return {};
  return "HTML nested " + std::to_string(depth) + " elements deep (at most " +
         std::to_string(kMaxHtmlDepth) + " are parsed)";
}

}  // namespace detail

Article parse_html_article(std::string_view html) {
  if (std::string why = detail::html_rejection(html); !why.empty()) throw CorpusError(why);
  return detail::parse_checked_html(html);
}

Article detail::parse_checked_html(std::string_view html) {
  Article a;
  // gumbo records every parse error with a copy of the open elements: bounded.
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 1000;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  if (const GumboNode* t = find_tag(out->root, GUMBO_TAG_TITLE)) {
    std::string s;
    const GumboVector& kids = t->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type == GUMBO_NODE_TEXT) s += k->v.text.text;
    }
    a.title = std::string(trim(s));
  }
  const GumboNode* main = find_tag(out->root, GUMBO_TAG_ARTICLE);
  if (!main) main = find_tag(out->root, GUMBO_TAG_MAIN);
  if (!main) main = find_tag(out->root, GUMBO_TAG_BODY);
  if (main) html_text(main, a.body);
  if (a.title.empty()) {
    if (const GumboNode* h1 = find_tag(out->root, GUMBO_TAG_H1)) {
      std::string s;
      html_text(h1, s);
      a.title = std::string(trim(s));
    }
  }
  a.date = find_meta_date(out->root);
  gumbo_destroy_output(&options, out);
  a.body = std::string(trim(a.body));
  if (a.date.empty())
    if (auto d = detail::find_published_date(a.body)) a.date = to_iso(*d);
  return a;
}

}  // namespace newsdex
