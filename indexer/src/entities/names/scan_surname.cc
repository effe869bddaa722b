// Lone surnames from the gazetteer (people.tsv lists only distinctive ones: "Federer",
// "Berlusconi", "Nadella"): where such a word may stand alone although a capitalised word
// touches it. In running text a capitalised neighbour means a longer name ("Orange County",
// "Taylor Swift"), so accept_gazetteer() refuses the match; in a headline every word is
// capitalised ("Federer Wins Third Wimbledon Title", "Berlusconi Vows to Fight On"), and the
// word after the surname is then the headline's verb or noun, not the rest of a name.

#include <cstddef>
#include <string_view>

#include "entities/names.h"
#include "entities/names/chars.h"
#include "entities/names/lexicon.h"
#include "entities/names/scan.h"

namespace newsdex::detail::names {

namespace {

// Nouns that make "Name Noun" a place, an institution, a prize or a day named after a person
// ("Kim Il Sung University", "Reagan Airport", "Nobel Prize", "St James Park").
const ViewSet kNamedAfter = {
    "Foundation", "Institute", "Institution", "University", "College",     "School",   "Academy",
    "Center",     "Centre",    "Library",     "Museum",     "Prize",       "Award",    "Awards",
    "Medal",      "Cup",       "Trophy",      "Memorial",   "Airport",     "Stadium",  "Arena",
    "Park",       "Street",    "Avenue",      "Road",       "Square",      "Bridge",   "Dam",
    "Hall",       "Building",  "Tower",       "House",      "Estate",      "Hospital", "Lecture",
    "Fund",       "Trust",     "Society",     "Fellowship", "Scholarship", "Day",      "Boulevard",
    "Station",    "Theatre",   "Theater",     "Highway",    "Expressway"};

// In a headline, also nouns of plans, laws and shows named after a person ("Obama Plan").
const ViewSet kNamedAfterHeadline = {"Plan",   "Doctrine", "Rule",   "Act",        "Law",
                                     "Effect", "Index",    "Report", "Commission", "Show",
                                     "Tour",   "Classic",  "Open",   "Era"};

// Words before a name that make it a place ("St James Park", "Fort Lauderdale").
const ViewSet kPlaceBefore = {"St", "Saint", "Ste", "Fort", "Port", "Lake", "Mount", "Cape"};

}  // namespace

// A listed person's name that names a place or an institution: a noun of things named after
// people after it, or a place word before it. Any person match of the gazetteer.
bool Scan::person_names_place(std::size_t i, std::size_t end) const {
  if (end < t_.size() && spaced(end) && titlew(end) && in_set(kNamedAfter, tx(end))) return true;
  if (i == 0) return false;
  std::size_t k = i - 1;
  if (punct(k, '.') && glued(k) && k > 0) --k;  // "St. James Park"
  return word(k) && (spaced(i) || k + 1 < i) && in_set(kPlaceBefore, tx(k));
}

// A capitalised word after a lone surname in a headline that ends no name: not a given name,
// not the first word of a listed name, not an organisation or legal word, not a noun of
// things named after people, not glued by a hyphen ("Federer-Nadal" is left to the rules).
bool Scan::headline_surname_ok(std::size_t i, std::size_t end) const {
  if (!has(i, kHeading) || has(i, kTitleRun)) return false;
  if (end >= t_.size() || !spaced(end) || !titlew(end)) return false;
  if (first_name(end) || starts_name(end) || org_word(end) || legal_word(end)) return false;
  if (is(end, kLxLegal | kLxDesc | kLxTitle)) return false;
  return !in_set(kNamedAfter, tx(end)) && !in_set(kNamedAfterHeadline, tx(end));
}

// The surname ends a longer name written with a particle ("Ayman al- Zawahiri",
// "al-Zawahiri", "Dermot O'Kelleher"; "de Villepin" is listed whole): the rules key the whole
// name, so the lone alias does not claim its last word. A hyphen after an ordinary word is
// a pair ("Trump-Putin summit", "Nadal-Federer final"), not a longer name.
bool Scan::surname_after_particle(std::size_t i) const {
  if (i == 0) return false;
  std::size_t k = i - 1;
  if (has(k, kPunct) && (is_dash(t_[k].cp) || is_apostrophe(t_[k].cp))) {
    if (k == 0 || !word(k - 1) || !glued(k) || has(k, kNewlineBefore)) return false;
    if (is_apostrophe(t_[k].cp)) return glued(i);  // "O'Kelleher"
    k -= 1;                                        // "al-Zawahiri", "al- Zawahiri"
  } else if (!spaced(i)) {
    return false;
  }
  if (!word(k)) return false;
  static const ViewSet kParticles = {"al",  "Al",  "el",  "El", "bin", "ibn", "abu", "Abu",
                                     "ben", "van", "von", "de", "da",  "di",  "du",  "del",
                                     "der", "le",  "la",  "zu", "dos", "das", "ter", "ten"};
  return in_set(kParticles, tx(k));
}

}  // namespace newsdex::detail::names
