// The document-level decisions of the name scanner, after every rule (issue 11): one key
// per name in a document (a rule-found company takes the longer company key it starts or
// ends), a "person" that is a company found in the document, or ends in a company's word,
// is that company; a "person" followed somewhere by a work, a place or a state, or holding
// an organisation word, is none. Each name is looked up once per document (the verdicts are
// kept), and at most kMaxChecked names are searched for.

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/names.h"
#include "entities/names/chars.h"
#include "entities/names/lexicon.h"
#include "entities/names/scan.h"

namespace newsdex::detail::names {
namespace {

// Nouns after a name that make it a creative work, a place or an event, not a person.
const ViewSet kWorkNouns = {"book",    "books",  "film",      "films",     "movie",   "movies",
                            "novel",   "novels", "series",    "franchise", "saga",    "sequel",
                            "trilogy", "album",  "musical",   "festival",  "airport", "county",
                            "river",   "lake",   "mountains", "stadium",   "bridge",  "universe"};

// The same in lower case only: a work's cast and crew ("the Harry Potter stuntman", "Harry
// Potter audiobooks", "the John Wick actor"); not a speaker card's role ("Kerry Washington
// Actor, Director"), nor "fans" or "stars", which people have or do too.
const ViewSet kCrewNouns = {"audiobook", "audiobooks", "stuntman", "actor",     "actors",
                            "actress",   "prequel",    "spinoff",  "characters"};

// US state abbreviations and names after "Town, ": the name before is a place.
const ViewSet kStates = {
    "Mich",       "Calif",    "Conn",          "Wash",       "Ill",       "Pa",
    "Va",         "Ga",       "Fla",           "Tex",        "Mass",      "Ariz",
    "Colo",       "Minn",     "Wis",           "Ore",        "Md",        "Mo",
    "Tenn",       "Ky",       "Ala",           "La",         "Ind",       "Okla",
    "Kan",        "Neb",      "Nev",           "Iowa",       "Ohio",      "Utah",
    "Idaho",      "Maine",    "Michigan",      "California", "Texas",     "Florida",
    "Washington", "Illinois", "Ohio",          "Oregon",     "Colorado",  "Arizona",
    "Virginia",   "Georgia",  "Massachusetts", "Minnesota",  "Wisconsin", "Missouri",
    "Tennessee",  "Kentucky", "Alabama",       "Louisiana",  "Maryland"};

// Organisation words in other languages: a "person" holding one is an organisation.
const ViewSet kForeignOrgWords = {"Prensa",  "Agence",  "Agencia",      "Presse",       "Press",
                                  "News",    "Times",   "Journal",      "Herald",       "Tribune",
                                  "Gazette", "Daily",   "Radio",        "Television",   "Telegraph",
                                  "Boerse",  "Börse",   "Bourse",       "Banca",        "Banco",
                                  "Bancorp", "Telekom", "Versicherung", "Gesellschaft", "Compagnie",
                                  "Societe", "Société", "Groupe",       "Industrie"};

// Organisation words that no person's name holds ("Steel", "Rice" or "Banks" may).
const ViewSet kNotInPersonNames = {"Securities", "Holdings", "Exchange", "Airlines", "Airways",
                                   "Bancorp", "Industries", "Technologies", "Systems", "Group",
                                   "Capital", "Media", "Research", "Partners", "Financial",
                                   "Worldwide", "Advertising", "Enterprises", "Communications",
                                   // Parties' members: "Christian Democrats", "Social Democrats".
                                   "Democrats", "Republicans", "Socialists", "Communists",
                                   "Conservatives", "Liberals", "Nationalists", "Unionists"};

// Of those, the heads that end a company's name: a "person" ending in one is the company
// ("Ted Bates Worldwide", "Frank Russell Enterprises").
const ViewSet kCompanyTails = {"Holdings",    "Industries",  "Technologies",   "Worldwide",
                               "Advertising", "Enterprises", "Communications", "Securities",
                               "Bancorp",     "Airlines",    "Airways"};

}  // namespace

// One decision per document: a rule-found company whose name starts or ends another
// company's key in the document takes that key ("MARINE MIDLAND" -> marine midland banks,
// "Meyer and Co" -> wilson and george meyer); a person named like a company found in the
// document is that company; a person whose name is followed somewhere by a work, place or
// state ("Harry Potter books", "Ann Arbor, Mich.") or holds an organisation word
// ("Deutsche Boerse") is not a person.
void Scan::document_decisions() {
  // Bounded work on pathological documents: the checks below compare names pairwise and
  // search the text for each person, so they stop after kMaxChecked names.
  constexpr std::size_t kMaxChecked = 256;
  // "Federal Reserve Bank of New York": a listed bank's name ("Bank of New York") inside a
  // public bank's is no company, nor a longer name for the others to take.
  for (Cand& c : cands_)
    if (!c.dead && c.kind == EntityKind::company && c.tb > 0 && tx(c.tb) == "Bank" &&
        spaced(c.tb) && public_word(c.tb - 1))
      c.dead = true;
  std::vector<std::string> company_keys;
  for (const Cand& c : cands_)
    if (!c.dead && c.kind == EntityKind::company && company_keys.size() < kMaxChecked)
      company_keys.push_back(c.key);
  StringMap<bool> verdicts;  // person name -> not a person
  ViewSet surnames;          // last words of people named in full
  for (const Cand& p : cands_)
    if (!p.dead && p.kind == EntityKind::person && p.te - p.tb >= 2)
      surnames.insert(lower(p.te - 1));
  auto word_prefix = [](std::string_view shorter, std::string_view longer) {
    return longer.size() > shorter.size() + 1 && longer.compare(0, shorter.size(), shorter) == 0 &&
           longer[shorter.size()] == ' ';
  };
  auto word_suffix = [](std::string_view shorter, std::string_view longer) {
    return longer.size() > shorter.size() + 1 &&
           longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) == 0 &&
           longer[longer.size() - shorter.size() - 1] == ' ';
  };
  // "First Union <FUNC>" and "First Union Bank of Augusta": a holding company and its bank,
  // two companies, not a short name of the longer one.
  auto bank_of = [](std::string_view shorter, std::string_view longer) {
    return longer.find(" bank of ") != std::string_view::npos &&
           shorter.find("bank") == std::string_view::npos;
  };
  for (Cand& c : cands_) {
    if (c.dead) continue;
    // (name_te 0: a short mention propagate() added.)
    if (c.kind == EntityKind::company && c.rule && (c.name_te == c.te || c.name_te == 0)) {
      // A surname found by a weak cue ("Simonsen said in a statement") is the person's.
      if (c.key.find(' ') == std::string::npos && !c.check_lower) {
        if (surnames.find(lower(c.tb)) != surnames.end()) {
          c.dead = true;
          continue;
        }
      }
      std::string_view best;
      for (std::string_view k : company_keys)
        if ((word_prefix(c.key, k) || (word_suffix(c.key, k) && c.key.size() >= 4)) &&
            (best.empty() || k.size() < best.size()) && !bank_of(c.key, k))
          best = k;
      if (!best.empty()) c.key = std::string(best);
    } else if (c.kind == EntityKind::person && c.entry < 0) {
      const std::string_view name = text_.substr(c.b, c.e - c.b);
      if (c.te - c.tb >= 2 && word(c.te - 1) && in_set(kCompanyTails, tx(c.te - 1))) {
        c.kind = EntityKind::company;
        c.key = NameRecognizer::company_key(name);
        continue;
      }
      bool not_person = false;
      for (std::uint32_t k = c.tb; k < c.te; ++k)
        if (public_word(k) ||
            (word(k) && (in_set(kForeignOrgWords, tx(k)) || in_set(kNotInPersonNames, tx(k)))))
          not_person = true;  // "Deutsche Boerse", "Cleveland Fed"
      // "Ellis Island", "Kings Cross Street": a place word ends the name.
      static const ViewSet kPlaceEnds = {"Island",  "Islands", "Bay",     "Park",   "Street",
                                         "Avenue",  "Valley",  "Beach",   "Hill",   "Hills",
                                         "Springs", "Falls",   "Heights", "Harbor", "Harbour",
                                         "Square",  "Road",    "Airport", "County", "Canyon"};
      if (word(c.te - 1) && in_set(kPlaceEnds, tx(c.te - 1))) not_person = true;
      // "Mitchell Hutchins said" after "Mitchell Hutchins Asset Management Inc": the short
      // name of a company in this document.
      for (std::string_view k : company_keys)
        if (k == c.key || (k.size() > c.key.size() + 1 && k.compare(0, c.key.size(), c.key) == 0 &&
                           k[c.key.size()] == ' ')) {
          c.kind = EntityKind::company;
          c.key = std::string(k);
          break;
        }
      if (c.kind != EntityKind::person) continue;
      if (auto v = verdicts.find(name); v != verdicts.end()) {
        if (not_person || v->second) c.dead = true;
        continue;
      }
      if (verdicts.size() >= kMaxChecked) {
        if (not_person) c.dead = true;
        continue;
      }
      // Every occurrence of the full name (at a capitalised word): what follows it.
      for (std::size_t ci = 0; !not_person && ci < caps_all_.size(); ++ci) {
        const std::size_t at = t_[caps_all_[ci]].begin;
        if (text_[at] != name[0] || text_.compare(at, name.size(), name) != 0) continue;
        std::size_t q = at + name.size();
        while (q < text_.size() && text_[q] == ' ') ++q;
        std::size_t w = q;
        while (w < text_.size() && (std::isalpha(static_cast<unsigned char>(text_[w])) != 0)) ++w;
        std::string next = lower_utf8(text_.substr(q, w - q));
        if (in_set(kWorkNouns, next) ||
            (w > q && std::islower(static_cast<unsigned char>(text_[q])) != 0 &&
             in_set(kCrewNouns, next)))
          not_person = true;
        // "Harry Potter's universe", "Harry Potter’s universe": the word after a possessive.
        if (q == at + name.size()) {
          std::size_t p = q;
          if (text_.compare(p, 2, "'s") == 0)
            p += 2;
          else if (text_.compare(p, 4, "\xE2\x80\x99s") == 0)
            p += 4;
          if (p > q && p < text_.size() && text_[p] == ' ') {
            std::size_t b = p + 1, t = b;
            while (t < text_.size() && std::isalpha(static_cast<unsigned char>(text_[t])) != 0) ++t;
            // (Not "Robert Caro's books", "Oliver Stone's film": authors' works.)
            static const ViewSet kWorldNouns = {"universe", "franchise", "saga", "trilogy"};
            if (in_set(kWorldNouns, lower_utf8(text_.substr(b, t - b)))) not_person = true;
          }
        }
        // "Tony Hawk Pro Skater 5": capitalised words and a number go on: a title.
        if (q > at + name.size() && w > q && std::isupper(static_cast<unsigned char>(text_[q]))) {
          std::size_t r = w;
          for (int more = 0; more < 3 && r < text_.size() && text_[r] == ' '; ++more) {
            std::size_t t = r + 1;
            if (t < text_.size() && std::isdigit(static_cast<unsigned char>(text_[t])) != 0) {
              not_person = true;
              break;
            }
            while (t < text_.size() && std::isalpha(static_cast<unsigned char>(text_[t])) != 0) ++t;
            if (t == r + 1 || std::isupper(static_cast<unsigned char>(text_[r + 1])) == 0) break;
            r = t;
          }
        }
        if (q > at + name.size() && next == "and" && text_.compare(w, 5, " the ") == 0)
          not_person = true;  // "Harry Potter and the Goblet of Fire"
        if (q == at + name.size() && q < text_.size() && text_[q] == ',') {
          std::size_t s = q + 1;
          while (s < text_.size() && text_[s] == ' ') ++s;
          std::size_t t = s;
          while (t < text_.size() && std::isalpha(static_cast<unsigned char>(text_[t])) != 0) ++t;
          if (t > s && in_set(kStates, text_.substr(s, t - s))) not_person = true;
        }
      }
      verdicts.emplace(std::string(name), not_person);
      if (not_person) c.dead = true;
    }
  }
}

}  // namespace newsdex::detail::names
