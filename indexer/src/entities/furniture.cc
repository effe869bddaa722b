#include "entities/furniture.h"

#include <algorithm>
#include <cctype>

#include "entities/names.h"  // lower_utf8

namespace newsdex::detail {
namespace {

using Span = std::pair<std::size_t, std::size_t>;

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }  // ASCII: the cues and names here
bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

struct Word {
  std::size_t begin, end;
};

// The blank-separated words of text[b, e), into @p out.
void words_of(std::string_view text, std::size_t b, std::size_t e, std::vector<Word>& out) {
  out.clear();
  std::size_t i = b;
  while (i < e) {
    while (i < e && blank(text[i])) ++i;
    const std::size_t s = i;
    while (i < e && !blank(text[i])) ++i;
    if (i > s) out.push_back({s, i});
  }
}

std::vector<Word> words_of(std::string_view text, std::size_t b, std::size_t e) {
  std::vector<Word> out;
  words_of(text, b, e, out);
  return out;
}

// A capitalised word: an upper-case letter first and some lower-case letter (`Obama's`,
// `WIRED25:` is not one: all capitals are neutral, as in wire copy).
bool capitalised(std::string_view w) {
  if (w.empty() || !upper(w[0])) return false;
  return std::any_of(w.begin() + 1, w.end(), lower);
}

// Neutral in a run of headlines: short function words, numbers, all-capital words,
// punctuation (`of`, `&`, `|`, `-`, `2021:`, `AI`, `SB`).
bool neutral(std::string_view w) {
  static constexpr std::string_view kFunction[] = {
      "a",  "an",   "and", "the",  "of",  "in",  "on", "at",  "to",   "for", "with", "from",
      "by", "vs",   "vs.", "is",   "are", "as",  "or", "vs:", "into", "up",  "out",  "about",
      "&",  "|",    "-",   "–",    "—",   ":",   "+",  "x",   "its",  "how", "what", "why",
      "be", "that", "it",  "your", "our", "you", "we", "not", "off",  "over"};
  if (std::find(std::begin(kFunction), std::end(kFunction), w) != std::end(kFunction)) return true;
  return std::none_of(w.begin(), w.end(), lower);  // numbers, capitals, punctuation
}

// Runs of headlines, line by line.
void headline_runs(std::string_view text, std::vector<Span>& out) {
  std::size_t line = 0;
  std::vector<Word> ws;
  while (line < text.size()) {
    std::size_t eol = text.find('\n', line);
    if (eol == std::string_view::npos) eol = text.size();
    // A cheap count first: capitalised words (an upper-case letter after a blank) the line
    // has; most lines hold too few for a run.
    std::size_t initials = 0;
    for (std::size_t k = line + 1; k < eol; ++k) initials += text[k - 1] == ' ' && upper(text[k]);
    if (initials + 1 < kMinHeadlineWords) {
      line = eol + 1;
      continue;
    }
    words_of(text, line, eol, ws);
    std::size_t i = 0;
    while (i < ws.size()) {
      // The run is ws[i, j); the next one starts at `next`.
      std::size_t j = i, caps = 0, commas = 0, next = 0;
      for (; j < ws.size(); ++j) {
        const std::string_view w = text.substr(ws[j].begin, ws[j].end - ws[j].begin);
        // Prose, the common case: a lower-case word before any capitalised one (a run's
        // leading function words hold no names).
        if (caps == 0 && lower(w[0])) break;
        if (!capitalised(w) && !neutral(w)) break;
        // A semicolon ends a run (`Ann Lee of Sugar Foods; Tom Ray of ...`: a list in
        // prose), and so do two commas within six words (`CEO Adam Selipsky, OpenAI
        // President Greg Brockman, ...`).
        bool list = w.back() == ';';
        for (std::size_t k = j + 1; w.back() == ',' && k < ws.size() && k <= j + 6 && !list; ++k)
          list = text[ws[k].end - 1] == ',' || text[ws[k].end - 1] == ';';
        if (list) break;
        caps += capitalised(w);
        commas += w.back() == ',';
        // A sentence's end, a full stop after a lower-case letter (`... in Belfast. The`;
        // not `U.S.`, `Jr.`), ends the run after it.
        if (w.size() >= 4 && w.back() == '.' && lower(w[w.size() - 2])) {
          next = ++j;
          break;
        }
      }
      if (next == 0) next = j + 1;
      // A list in prose (`Bill Gates, Satya Nadella, ... and Tim Cook`) has a comma every
      // few names; headlines rarely have one. Nor a line-up of speaker cards, names and roles
      // run together (`Jo Marr Senior Research Engineer at Orbitrix Ivo Lund Full Professor at
      // ...`): two or more roles followed by `at`.
      std::size_t roles_at = 0;
      for (std::size_t k = i + 1; k < j && roles_at < 2; ++k) {
        if (text.substr(ws[k].begin, ws[k].end - ws[k].begin) != "at") continue;
        const std::string r =
            lower_utf8(text.substr(ws[k - 1].begin, ws[k - 1].end - ws[k - 1].begin));
        for (std::string_view role :
             {"engineer", "scientist", "professor", "researcher", "lecturer", "associate",
              "director", "manager", "head", "founder", "ceo", "cto", "lead", "student", "fellow"})
          roles_at += r == role;
      }
      if (caps >= kMinHeadlineWords && commas * 6 < caps && roles_at < 2)
        out.emplace_back(ws[i].begin, ws[j - 1].end);
      i = next;
    }
    line = eol + 1;
  }
}

// Whether text at @p p starts with @p w as a word of its own.
bool word_at(std::string_view text, std::size_t p, std::string_view w) {
  if (text.substr(p, w.size()) != w || (p > 0 && alnum(text[p - 1]))) return false;
  const std::size_t e = p + w.size();
  return e >= text.size() || !alnum(text[e]) || !alnum(w.back());
}

// An agency or stock library that ends a credit (`Getty Images`, `/Reuters`).
bool agency(std::string_view w) {
  while (!w.empty() && !alnum(w.back())) w.remove_suffix(1);
  const std::size_t slash = w.rfind('/');
  if (slash != std::string_view::npos) w.remove_prefix(slash + 1);
  static constexpr std::string_view kAgencies[] = {
      "Images", "Shutterstock", "Alamy",  "AFP",    "Reuters",   "AP",      "Unsplash", "Pexels",
      "EPA",    "Bloomberg",    "iStock", "Flickr", "Wikimedia", "Commons", "Photo",    "Pool"};
  return std::find(std::begin(kAgencies), std::end(kAgencies), w) != std::end(kAgencies);
}

// Photo credits: a cue, then the credited names; the credit ends after its last agency
// word (`... via Getty Images`), else after its run of capitalised words (at most eight).
void credits(std::string_view text, std::vector<Span>& out) {
  static constexpr std::string_view kCues[] = {"Photograph:",
                                               "Photographs:",
                                               "Photograph by",
                                               "Photo:",
                                               "Photos:",
                                               "Photo by",
                                               "Photos by",
                                               "Photo credit:",
                                               "Photo Credit:",
                                               "Credit:",
                                               "Credits:",
                                               "Image:",
                                               "Image credit:",
                                               "Image Credit:",
                                               "Illustration:",
                                               "Illustration by",
                                               "Photo illustration:",
                                               "Photo Illustration:",
                                               "Photo-illustration:",
                                               "Courtesy of"};
  // Each cue starts with one of these: a find() each (memchr-fast), the cues only there.
  static constexpr std::string_view kStarts[] = {"Photo", "Credit", "Image", "Illustration",
                                                 "Courtesy of"};
  std::vector<std::size_t> at;
  for (std::string_view st : kStarts)
    for (std::size_t p = text.find(st); p != std::string_view::npos; p = text.find(st, p + 1))
      at.push_back(p);
  std::sort(at.begin(), at.end());
  for (std::size_t p : at) {
    for (std::string_view cue : kCues) {
      if (!word_at(text, p, cue)) continue;
      const std::size_t from = p + cue.size();
      const std::vector<Word> ws = words_of(text, from, std::min(text.size(), from + 160));
      std::size_t end = from, last_agency = 0;
      for (std::size_t k = 0; k < ws.size() && k < 12; ++k) {
        const std::string_view w = text.substr(ws[k].begin, ws[k].end - ws[k].begin);
        if (k > 0 && text.substr(ws[k - 1].end, ws[k].begin - ws[k - 1].end).find('\n') !=
                         std::string_view::npos)
          break;  // a credit ends with its line
        const bool joint = w == "/" || w == "via" || w == "for" || w == "and" || w == "&" ||
                           w == "of" || w == "," || w == ";";
        if (!joint && !upper(w[0])) break;
        if (agency(w)) last_agency = ws[k].end;
        if (k < 8) end = ws[k].end;
        const char back = w.back();
        if (back == '.' && !agency(w) && w.size() > 2) break;  // a sentence's end
      }
      if (last_agency) end = last_agency;
      if (end > from) out.emplace_back(p, end);
      break;
    }
  }
  // No cue: `Jane Roe via Getty Images`, `Jane Roe/Getty Images` (not `sued by Getty Images`).
  for (std::size_t p = text.find("Getty Images"); p != std::string_view::npos;
       p = text.find("Getty Images", p + 1)) {
    std::size_t b = p;
    while (b > 0 && text[b - 1] == ' ') --b;
    const bool slash = b > 0 && text[b - 1] == '/';
    const bool via = b >= 4 && text.substr(b - 4, 4) == " via";
    // A caption's credit line: `Getty Images This story is ...` (not `Getty Images sued`).
    const std::size_t after = p + 12;
    if ((b == 0 || text[b - 1] == '\n') && after + 1 < text.size() && text[after] == ' ' &&
        upper(text[after + 1])) {
      out.emplace_back(p, after);
      continue;
    }
    if (!slash && !via) continue;
    b -= slash ? 1 : 4;
    // Up to four capitalised words (or `AFP/`) before: the credited photographer.
    const std::size_t stop = b > 60 ? b - 60 : 0;
    const std::vector<Word> ws = words_of(text, stop, b);
    std::size_t begin = b;
    for (std::size_t k = ws.size(), n = 0; k-- > 0 && n < 4; ++n) {
      const std::string_view w = text.substr(ws[k].begin, ws[k].end - ws[k].begin);
      if (!upper(w[0]) && w != "/") break;
      if (text.substr(ws[k].end, begin - ws[k].end).find('\n') != std::string_view::npos) break;
      begin = ws[k].begin;
    }
    out.emplace_back(begin, p + 12);
  }
}

// Sign-up forms: `I accept Google's Terms and Conditions`, `Google's Privacy Policy`.
void legal_forms(std::string_view text, std::vector<Span>& out) {
  for (std::string_view tail : {"'s Privacy Policy", "’s Privacy Policy", "'s Terms", "’s Terms",
                                "'s Cookie Policy", "’s Cookie Policy"}) {
    for (std::size_t p = text.find(tail); p != std::string_view::npos; p = text.find(tail, p + 1)) {
      std::size_t b = p;
      for (int n = 0; n < 3; ++n) {  // the name: up to three capitalised words before
        std::size_t s = b;
        while (s > 0 && !blank(text[s - 1])) --s;
        if (s == b || !upper(text[s])) break;
        b = s;
        if (b == 0 || text[b - 1] != ' ') break;
        --b;
      }
      while (b < p && blank(text[b])) ++b;
      if (b < p) out.emplace_back(b, p + tail.size());
    }
  }
}

// A byline's bio line: `By Jo Marr , a senior editor covering Orbitrix, chips, and games.
// She joined ...` up to the line's end: `By`, two to four capitalised words, `, a|an`, a
// writer's role within the next eight words; at most 500 bytes.
void byline_bios(std::string_view text, std::vector<Span>& out) {
  for (std::size_t p = 0; p < text.size();) {
    std::size_t eol = text.find('\n', p);
    if (eol == std::string_view::npos) eol = text.size();
    // (A bio is a line or two: a longer `line` is a flattened page, its article after.)
    if (text.substr(p, 3) == "By " && eol - p <= 500) {
      const std::vector<Word> ws = words_of(text, p + 3, std::min(eol, p + 400));
      auto word = [&](std::size_t k) { return text.substr(ws[k].begin, ws[k].end - ws[k].begin); };
      std::size_t k = 0;
      bool comma = false;  // the name's last word ends with the comma (`By Jo Marr, a`)
      while (k < ws.size() && k < 4 && upper(word(k)[0]) && !comma) comma = word(k++).back() == ',';
      const std::size_t names = k;
      if (k > 0 && !comma && k < ws.size() && word(k) == ",") comma = true, ++k;
      if (comma && names >= 2 && k < ws.size() && (word(k) == "a" || word(k) == "an")) {
        bool role = false;
        for (std::size_t r = k + 1; r < ws.size() && r <= k + 8 && !role; ++r)
          for (std::string_view name : {"editor", "reporter", "writer", "correspondent",
                                        "journalist", "columnist", "contributor", "producer"})
            role = role || word(r).starts_with(name);
        if (role) out.emplace_back(p, eol);
      }
    }
    p = eol + 1;
  }
}

// An author box: `Elena is a tech reporter at Mashable. She covers TikTok and digital trends.`
// A sentence `(She|He|They) cover(s) ...` right after one that says someone `is a|an` writer,
// reporter, editor or correspondent: both sentences (each at most 300 bytes).
void author_boxes(std::string_view text, std::vector<Span>& out) {
  for (std::string_view cue : {". She covers ", ". He covers ", ". They cover "}) {
    for (std::size_t p = text.find(cue); p != std::string_view::npos; p = text.find(cue, p + 1)) {
      // The sentence before: back to the previous sentence's end or the line's start.
      std::size_t b = p;
      while (b > 0 && p - b < 300 && text[b - 1] != '\n' &&
             !(b >= 2 && text[b - 1] == ' ' && (text[b - 2] == '.' || text[b - 2] == '!')))
        --b;
      const std::string_view before = text.substr(b, p - b);
      if (before.find(" is a ") == std::string_view::npos &&
          before.find(" is an ") == std::string_view::npos)
        continue;
      bool role = false;
      for (std::string_view r : {"reporter", "writer", "editor", "correspondent", "journalist"})
        role = role || before.find(r) != std::string_view::npos;
      if (!role) continue;
      std::size_t e = p + 2;
      while (
          e < text.size() && e - p < 300 && text[e] != '\n' &&
          !(text[e] == '.' && (e + 1 == text.size() || text[e + 1] == ' ' || text[e + 1] == '\n')))
        ++e;
      out.emplace_back(b, e);
    }
  }
}

// An author's bio at a page's end: `Pete Marr was Example's Tech Editor from 2011 to 2019. He
// covered ... Pete has been featured on ...` up to the line's end. A name of one to three
// capitalised words, `is` or `was`, then `a`, `an`, `the` or a possessive and at most five
// words to a writer's role; only in the text's last 3,000 bytes and second half (an article
// about a journalist names them earlier).
void author_bios(std::string_view text, std::vector<Span>& out) {
  const std::size_t from = std::max(text.size() / 2, text.size() > 3000 ? text.size() - 3000 : 0);
  for (std::string_view verb : {" was ", " is "}) {
    for (std::size_t p = text.find(verb, from); p != std::string_view::npos;
         p = text.find(verb, p + 1)) {
      // The name before: one to three capitalised words.
      std::size_t b = p, name_b = p, names = 0;
      while (names < 3) {
        std::size_t w = b;
        while (w > 0 && !blank(text[w - 1])) --w;
        bool letters = w < b && upper(text[w]);
        for (std::size_t c = w; c < b && letters; ++c)
          letters = std::isalpha(static_cast<unsigned char>(text[c])) || text[c] == '-';
        if (!letters) break;
        name_b = w;
        ++names;
        if (w == 0 || text[w - 1] != ' ') break;
        b = w - 1;
      }
      if (names == 0) continue;
      // The role after: an article or a possessive, at most five words, a writer's role.
      const std::size_t stop = std::min(text.size(), p + verb.size() + 80);
      const std::vector<Word> ws = words_of(text, p + verb.size(), stop);
      if (ws.empty()) continue;
      auto word = [&](std::size_t k) { return text.substr(ws[k].begin, ws[k].end - ws[k].begin); };
      const std::string_view first = word(0);
      const bool opener = first == "a" || first == "an" || first == "the" ||
                          first.ends_with("'s") || first.ends_with("\u2019s");
      if (!opener) continue;
      bool role = false;
      for (std::size_t k = 1; k < ws.size() && k <= 6 && !role; ++k) {
        if (text.substr(ws[k - 1].end, ws[k].begin - ws[k - 1].end).find('.') !=
            std::string_view::npos)
          break;
        const std::string w = lower_utf8(word(k));
        for (std::string_view r : {"editor", "reporter", "writer", "journalist", "correspondent",
                                   "columnist", "contributor"})
          role = role || w == r || w == std::string(r) + "s";
      }
      if (!role) continue;
      std::size_t e = text.find('\n', p);
      if (e == std::string_view::npos) e = text.size();
      out.emplace_back(name_b, e);
    }
  }
}

}  // namespace

std::vector<Span> furniture_spans(std::string_view text) {
  std::vector<Span> out;
  credits(text, out);
  headline_runs(text, out);
  legal_forms(text, out);
  byline_bios(text, out);
  author_boxes(text, out);
  author_bios(text, out);
  std::sort(out.begin(), out.end());
  return out;
}

void drop_furniture(std::string_view text, std::vector<Entity>& ents) {
  const std::vector<Span> spans = furniture_spans(text);
  if (spans.empty()) return;
  // Each mention against the spans that begin at or before it (the farthest end so far).
  std::vector<std::size_t> reach(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i)
    reach[i] = std::max(spans[i].second, i ? reach[i - 1] : 0);
  std::erase_if(ents, [&](const Entity& e) {
    auto it = std::upper_bound(spans.begin(), spans.end(), Span{e.begin, ~std::size_t{0}});
    return it != spans.begin() && reach[std::size_t(it - spans.begin()) - 1] > e.begin;
  });
}

}  // namespace newsdex::detail
