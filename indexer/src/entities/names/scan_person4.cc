// The scanner's sixth-round person evidence (issue 11): cues that the earlier rounds'
// lists do not hold, each a category rather than a name.
// * Role nouns of science, faith, the arts, politics, the military and sport, in lower
//   case before a full name ("Hungarian mathematician Ilona Varga", "defensive tackle
//   Gerard Warren", "cleric Moqtada al-Sadr"), or before it after a comma when the name
//   ends its phrase ("the deputy speaker, Dalhar Omar, said").
// * Plural titles and roles before a list of names ("Sens. Angus King and James Lankford",
//   "coaches Bill Parcells and Joe Gibbs"): every name of the list.
// * A name set off by commas as the subject of a speech verb ("The deputy speaker of the
//   parliament, Dalhar Omar, said").
//
// Every rule looks at a bounded window of tokens around one capitalised word; the cheap
// test (the word before, a cached look-up) comes first.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "entities/names.h"
#include "entities/names/chars.h"
#include "entities/names/lexicon.h"
#include "entities/names/scan.h"

namespace newsdex::detail::names {

namespace {

// Role nouns that none of lexicon.cc's person cues holds; lower case (or a sentence's first
// word) right before a full name. Words that also name companies' trades ("broker",
// "producer", "publisher", "owner", "partner") are left out: "broker Merrill Lynch".
const ViewSet kRoles4 = {
    // science and learning
    "scholar", "mathematician", "physicist", "chemist", "historian", "philosopher", "psychologist",
    "sociologist", "anthropologist", "linguist", "geneticist", "neuroscientist", "epidemiologist",
    "virologist", "astronaut", "inventor", "academic", "pioneer", "visionary", "guru", "legend",
    // politics and state
    "speaker", "diplomat", "negotiator", "official", "candidate", "challenger", "nominee",
    "incumbent", "legislator", "politician", "dissident", "premier", "deputy", "regulator",
    // faith
    "cleric", "rabbi", "imam", "bishop", "archbishop", "priest", "reverend", "preacher",
    // military and police
    "colonel", "lieutenant", "sergeant", "commander", "admiral", "marshal", "detective",
    // arts and trades
    "photographer", "artist", "painter", "poet", "playwright", "composer", "comedian", "rapper",
    "chef", "pilot", "surgeon", "doctor", "nurse", "teacher", "student", "banker", "trader",
    "financier", "tycoon", "magnate", "mogul", "heir", "heiress", "designer", "director",
    // sport
    "player", "forward", "outfielder", "shortstop", "catcher", "infielder", "linebacker",
    "receiver", "tailback", "cornerback", "tackle", "runner", "swimmer", "skater", "jockey",
    "rider", "opener", "spinner", "all-rounder", "allrounder", "wicketkeeper", "umpire", "referee",
    "rookie", "medallist", "medalist", "compatriot", "countryman", "opponent", "runner-up",
    "hurdler", "gymnast", "wrestler", "fighter", "playmaker", "centre-back", "full-back",
    "fullback", "racer", "veteran",
    // law and crime
    "defendant", "hostage", "plaintiff"};

// Plural titles and roles that introduce a list of people ("Sens. X and Y").
const ViewSet kPluralTitles = {"Sens", "Senators", "Reps", "Drs", "Messrs", "Mmes"};
// ("players" and "analysts" are not: "key players Insilico Medicine, Kebotix", "analysts
// Screen Digest" name companies.)
const ViewSet kPluralRoles = {
    "senators",    "coaches",    "ministers",   "officials", "executives", "co-founders",
    "cofounders",  "founders",   "brothers",    "sisters",   "drivers",    "strikers",
    "researchers", "scientists", "authors",     "actors",    "presidents", "candidates",
    "lawmakers",   "judges",     "economists",  "singers",   "musicians",  "teammates",
    "leaders",     "professors", "journalists", "lawyers",   "defenders",  "midfielders",
    "pitchers",    "golfers",    "quarterbacks"};

// A cheap filter before the hash look-ups: per first letter, the lengths of the listed
// words (most lower-case words before a capital are no role).
struct RoleShapes {
  std::uint32_t len_mask[26] = {};
  RoleShapes() {
    for (const ViewSet* set : {&kRoles4, &kPluralRoles})
      for (std::string_view w : *set)
        if (w[0] >= 'a' && w[0] <= 'z' && w.size() < 32) len_mask[w[0] - 'a'] |= 1u << w.size();
  }
  bool maybe(std::string_view w) const {
    return !w.empty() && w.size() < 32 && w[0] >= 'a' && w[0] <= 'z' &&
           (len_mask[w[0] - 'a'] >> w.size() & 1u);
  }
};
const RoleShapes kRoleShapes;

}  // namespace

// "Rio de Janeiro", "San Juan de la Cruz": a place whose name has a particle, not a person.
bool Scan::place_head(std::size_t k) const {
  static const ViewSet kPlaceHeads = {"Rio",    "San",   "Santa", "Sao",    "São",
                                      "Puerto", "Porto", "Costa", "Buenos", "Ciudad",
                                      "Mar",    "Los",   "Las",   "Port",   "Fort"};
  return word(k) && in_set(kPlaceHeads, tx(k));
}

// Labels of page furniture before a colon ("Published: 12 Sep 2023", "Title: Founder").
bool Scan::page_label(std::size_t k) const {
  static const ViewSet kLabels = {
      "Published", "Updated",   "Title",     "Headquarters", "Abstract", "Subject",     "Tel",
      "Email",     "Phone",     "Company",   "Location",     "Founded",  "Website",     "Role",
      "Posted",    "Photo",     "Source",    "Credit",       "Design",   "Photography", "Graphics",
      "Feature",   "Spotlight", "Flashback", "Publisher",    "Plus"};
  return word(k) && in_set(kLabels, tx(k));
}

// A name of two to four words at i, not a company's or an organisation's ("Deputy Prime
// Minister" is no name; neither is "Labor Party").
std::size_t Scan::role4_name_at(std::size_t i) const {
  if (!titlew(i) || covered_[i] || has(i, kTitleRun)) return 0;
  std::size_t len = person_name_at(i, false);
  if (len == 0) len = common_surname_at(i);
  if (len == 0) return 0;
  for (std::size_t k = i; k < i + len; ++k)
    if (org_word(k) || is(k, kLxTitle | kLxLegal | kLxDesc)) return 0;
  return len;
}

// A known given name and a surname spelt like a common word ("Angus King", "Tom Cruise"),
// which person_name_at() refuses: two words, nothing capitalised after them.
std::size_t Scan::common_surname_at(std::size_t i) const {
  const std::size_t j = i + 1;
  if (!first_name(i) || common(i) || j >= t_.size() || !spaced(j) || covered_[j] || !titlew(j) ||
      !common(j) || has(j, kHasDigit))
    return 0;
  if (org_word(j) || is(j, kLxTitle | kLxLegal | kLxDesc | kLxPersonCue)) return 0;
  if (j + 1 < t_.size() && spaced(j + 1) && capw(j + 1)) return 0;
  // "Simon St.Laurent", "Nick St. Pierre", "Guillaume Saint-Jacques": the surname goes on.
  if (j + 1 < t_.size() && glued(j + 1) && has(j + 1, kPunct) &&
      (punct(j + 1, '.') || is_dash(t_[j + 1].cp)))
    return 0;
  return 2;
}

// "O'Neill", "O’Brien", "d'Arsonval", "al-Sadr", "el-Baradei", "bin-Laden" at k: a
// particle, an apostrophe or a hyphen, then a capitalised word, all glued and not claimed.
// Returns 3 (the tokens of the surname) or 0. Called by person_name_at() for the words
// after the first.
std::size_t Scan::surname_particle(std::size_t k) const {
  if (k + 2 >= t_.size() || !word(k) || !glued(k + 1) || !glued(k + 2) || !has(k + 1, kPunct) ||
      !titlew(k + 2) || covered_[k] || covered_[k + 1] || covered_[k + 2])
    return 0;
  const std::string_view w = tx(k);
  const std::uint32_t cp = t_[k + 1].cp;
  if (is_apostrophe(cp)) return (w == "O" || w == "D" || w == "d") ? 3 : 0;
  if (!is_dash(cp)) return 0;
  return (w == "al" || w == "el" || w == "Al" || w == "El" || w == "bin" || w == "ibn" ||
          w == "abu" || w == "Abu")
             ? 3
             : 0;
}

// "J.P. Smith said", "analyst R. J. Dunne": one or two initials, then one or two
// capitalised words that are no common words, with a person cue before them or a speech
// verb after them.
bool Scan::rule_initials(std::size_t i) {
  auto initial = [&](std::size_t k) {
    return k + 1 < t_.size() && word(k) && has(k, kUpperFirst) && t_[k].end - t_[k].begin == 1 &&
           punct(k + 1, '.') && glued(k + 1) && !covered_[k];
  };
  if (!initial(i) || noisy(i)) return false;
  std::size_t k = i + 2;
  if (initial(k) && (glued(k) || spaced(k))) k += 2;
  if (k >= t_.size() || !spaced(k)) return false;
  const std::size_t nb = k;
  std::size_t words_n = 0;
  while (k < t_.size() && words_n < 2 && (k == nb || spaced(k)) && titlew(k) && !covered_[k] &&
         !common(k) && !is(k, kLxLegal | kLxDesc | kLxTitle) && !org_word(k)) {
    ++k;
    ++words_n;
  }
  if (words_n == 0 || (k < t_.size() && spaced(k) && capw(k))) return false;
  if (k < t_.size() && has(k, kPunct) && is_apostrophe(t_[k].cp) && glued(k) && k + 1 < t_.size() &&
      lower_is(k + 1, "s") && one_word_alias(k - 1))
    return false;
  // Nothing capitalised right before ("U.S. Steel"-like runs start elsewhere), and the
  // first initial is not a country's ("U.S.", "U.K.").
  if (i >= 1 && spaced(i) && capw(i - 1) && !is(i - 1, kLxTitle | kLxPersonCue) &&
      !(has(i - 1, kSentenceStart) && common(i - 1)))
    return false;
  // The second initial of "J.P." is the first one's business.
  if (i >= 2 && punct(i - 1, '.') && (glued(i) || spaced(i)) && word(i - 2) &&
      t_[i - 2].end - t_[i - 2].begin == 1 && has(i - 2, kUpperFirst))
    return false;
  if (tx(i) == "U" || (words_n == 1 && one_word_alias(k - 1))) return false;
  // Two initials that abbreviate a place or a postscript: "N.Y. Telephone", "P.S. Deepfakes".
  if (nb == i + 4) {
    const char a = text_[t_[i].begin], b = text_[t_[i + 2].begin];
    static constexpr const char* kPairs[] = {"NY", "NJ", "UK", "DC", "LA", "SF", "PS",
                                             "EU", "UN", "NZ", "HK", "SA", "BC", "AD"};
    for (const char* pr : kPairs)
      if (pr[0] == a && pr[1] == b) return false;
  }
  const bool cue = i >= 1 && spaced(i) && word(i - 1) &&
                   (is(i - 1, kLxPersonCue | kLxTitle) || role4_at(i - 1)) &&
                   !lower_is(i - 1, "by");
  if (!cue && !speech_after(k)) return false;
  // "W.W. Grainger said it is asking": a company named by its founder's initials.
  if (!cue && k + 1 < t_.size() && lower_is(k + 1, "it")) return false;
  add_person(i, k - i, false);
  return true;
}

// The lower-case role noun of kRoles4 at c ("physicist"), or one at a sentence start.
bool Scan::role4_at(std::size_t c) const {
  if (!word(c) || has(c, kHasDigit)) return false;
  if (has(c, kHasUpper) && !(has(c, kSentenceStart) && has(c, kHasLower) && !noisy(c)))
    return false;
  return kRoleShapes.maybe(lower(c)) && in_set(kRoles4, lower(c));
}

// The name's phrase ends at e: a comma, a full stop, a bracket, "and", "who", a speech
// verb, or a lower-case verb ("scholar Ilona Varga aims to").
bool Scan::phrase_end4(std::size_t e) const {
  if (e >= t_.size()) return true;
  // A possessive ends it ("Democrat John Kerry's"); another glued apostrophe does not.
  if (has(e, kPunct) && is_apostrophe(t_[e].cp) && glued(e))
    return e + 1 < t_.size() && lower_is(e + 1, "s") && glued(e + 1);
  if (has(e, kPunct)) return !punct(e, '&');
  return word(e) && !has(e, kUpperFirst);
}

// "mathematician Ilona Varga", "tackle Gerard Warren", "the deputy speaker, Dalhar Omar,".
bool Scan::rule_role4(std::size_t i) {
  if (i == 0 || !spaced(i)) return false;
  std::size_t c = i - 1;
  bool comma = false;
  if (punct(c, ',') && glued(c) && c >= 1) {
    comma = true;
    --c;
  }
  // A party member is a role even capitalised: "Democrat John Kerry", "Republican Ann Moss".
  const bool party =
      !comma && word(c) && (tx(c) == "Democrat" || tx(c) == "Republican") && !noisy(c);
  if (!party && !role4_at(c)) return false;
  const std::size_t len = role4_name_at(i);
  if (len == 0) return false;
  const std::size_t e = i + len;
  if (!phrase_end4(e)) return false;
  // After a comma the name must close the apposition: "the speaker, Dalhar Omar, said".
  if (comma &&
      !(e < t_.size() && (punct(e, ',') || punct(e, '.') || lower_is(e, "who") || speech_after(e))))
    return false;
  add_person(i, len, true);
  return true;
}

// "Sens. Angus King and James Lankford", "coaches Bill Parcells and Joe Gibbs": a plural
// title or role, then names joined by commas and "and" (an apposition of lower-case words
// between them is skipped: "Angus King, a Maine independent, and James Lankford").
bool Scan::rule_plural_role(std::size_t i) {
  if (i == 0 || !spaced(i)) return false;
  std::size_t c = i - 1;
  const bool dot = punct(c, '.') && glued(c) && c >= 1;
  if (dot) --c;
  const bool title = capw(c) && t_[c].end - t_[c].begin >= 3 && t_[c].end - t_[c].begin <= 8 &&
                     in_set(kPluralTitles, tx(c));
  const bool role = !dot && word(c) && !has(c, kHasUpper) && kRoleShapes.maybe(lower(c)) &&
                    in_set(kPluralRoles, lower(c));
  if (!title && !role) return false;
  if (noisy(i)) return false;  // "... corporate leaders Siva Vaidhyanathan Published: 12 Sep"
  std::size_t len = role4_name_at(i);
  if (len == 0) return false;
  add_person(i, len, !title);
  std::size_t k = i + len;
  for (int names = 1; names < 6 && k < t_.size(); ++names) {
    // ", a Maine independent," between two names: at most six lower-case or capitalised
    // words after the comma, up to the next comma.
    if (punct(k, ',') && k + 1 < t_.size() && (lower_is(k + 1, "a") || lower_is(k + 1, "an"))) {
      std::size_t q = k + 2;
      while (q < t_.size() && q < k + 8 && word(q)) ++q;
      if (!(q < t_.size() && punct(q, ','))) break;
      k = q;
    }
    if (punct(k, ',')) ++k;
    if (k < t_.size() && lower_is(k, "and")) ++k;
    if (k >= t_.size() || k == i + len || !spaced(k)) break;
    const std::size_t n = role4_name_at(k);
    if (n == 0 || !phrase_end4(k + n)) break;
    add_person(k, n, !title);
    len = n;
    i = k;
    k += n;
  }
  return true;
}

// "The deputy speaker of the transitional parliament, Dalhar Omar, said": a name between
// commas right before a speech verb, after a lower-case word (not inside a list of
// capitalised names: "Acme, Widget Works, said").
bool Scan::rule_comma_speaker(std::size_t i) {
  if (i < 2 || !spaced(i) || !punct(i - 1, ',') || !glued(i - 1)) return false;
  const std::size_t b = i - 2;
  if (!word(b) || has(b, kUpperFirst) || has(b, kHasDigit)) return false;
  // The cheap test first: a comma and a speech verb within five tokens.
  {
    std::size_t q = i + 1;
    while (q < t_.size() && q <= i + 5 && !punct(q, ',')) ++q;
    if (!(q < t_.size() && punct(q, ',') && speech_after(q + 1))) return false;
  }
  const std::size_t len = role4_name_at(i);
  if (len == 0) return false;
  const std::size_t e = i + len;
  if (!(e + 1 < t_.size() && punct(e, ',') && glued(e) && speech_after(e + 1))) return false;
  add_person(i, len, true);
  return true;
}

// "Above: Casey Winters, Pinterest", "Pictured: Julie Ask, Forrester": a caption's cue
// word and colon, a full name, then a comma and a capitalised word (the person's company
// or role). The name must start with a known given name: "Above: Hearthstone
// Battlegrounds, ..." is a game.
bool Scan::rule_caption_name(std::size_t i) {
  if (i < 2 || !spaced(i) || !punct(i - 1, ':') || !glued(i - 1) || !word(i - 2)) return false;
  const std::string_view cue = tx(i - 2);
  if (cue != "Above" && cue != "Pictured" && cue != "Below" && cue != "Left" && cue != "Right" &&
      cue != "Top" && cue != "Bottom")
    return false;
  if (!first_name(i)) return false;
  const std::size_t len = role4_name_at(i);
  if (len == 0) return false;
  const std::size_t e = i + len;
  if (!(e + 1 < t_.size() && punct(e, ',') && glued(e) && spaced(e + 1) && capw(e + 1)))
    return false;
  add_person(i, len, false);
  return true;
}

// "captain Inzamam-ul-Haq", "batsman Misbah-ul-Haq": after a lower-case person cue, one
// capitalised word joined to another by a lower-case particle and two hyphens.
bool Scan::rule_particle_compound(std::size_t i) {
  if (i < 1 || !spaced(i) || i + 4 >= t_.size()) return false;
  const std::size_t c = i - 1;
  if (!word(c) || has(c, kHasUpper) || lower_is(c, "by") || person_verb(c, false) ||
      !(is(c, kLxPersonCue) || role4_at(c)))
    return false;
  if (!has(i + 1, kPunct) || !is_dash(t_[i + 1].cp) || !glued(i + 1) || !glued(i + 2) ||
      !word(i + 2) || has(i + 2, kHasUpper) || !has(i + 3, kPunct) || !is_dash(t_[i + 3].cp) ||
      !glued(i + 3) || !glued(i + 4) || !titlew(i + 4))
    return false;
  const std::string_view p = tx(i + 2);
  if (p != "ul" && p != "ud" && p != "ur" && p != "al" && p != "el" && p != "ad" && p != "uz" &&
      p != "us" && p != "ud-din" && p != "e")
    return false;
  if (i + 5 < t_.size() && spaced(i + 5) && capw(i + 5)) return false;
  for (std::size_t k = i; k <= i + 4; ++k)
    if (covered_[k]) return false;
  add_person(i, 5, false);
  return true;
}

// "Bill Hader morphs into Tom Cruise on stage": a known given name and a surname spelt like
// a common word, with no cue, in running text (not a heading or a run of capitalised
// words), nothing capitalised around it; dropped later if the common word also occurs in
// lower case in the document (check_lower), as "Grace Church ... the church" would.
bool Scan::rule_common_surname(std::size_t i) {
  if (noisy(i) || has(i, kSentenceStart)) return false;
  if (common_surname_at(i) != 2) return false;
  const std::size_t j = i + 1;
  // (A word that only starts longer gazetteer names may end one: "Julia White" with "White &
  // Case" listed; where the longer name is written, the gazetteer claimed it first.)
  if (noisy(j) || one_word_alias(j) || covered_[j]) return false;
  if (i >= 1 && spaced(i) && capw(i - 1)) return false;
  // Institutions, places and works named after a person: "the Stanley Center", "Ross
  // School", "Danny Boy".
  static const ViewSet kNamedAfter = {
      "Center",  "Centre",  "School",  "College",   "Institute", "Hospital", "Library",
      "Museum",  "Park",    "Street",  "Avenue",    "Road",      "Square",   "Bridge",
      "Station", "Church",  "Chapel",  "Cathedral", "Tower",     "Building", "Hotel",
      "Theatre", "Theater", "Stadium", "Arena",     "Award",     "Prize",    "Art",
      "Boy",     "Girl",    "Day",     "Lab",       "Labs",      "Trust",    "Fund"};
  if (in_set(kNamedAfter, tx(j))) return false;
  add_person(i, 2, true);
  return true;
}

// Up to four capitalised modifiers, then a role noun (in lower case only after a modifier:
// "Senior scientist"); after it a comma, a semicolon, a bar, a quote, "at", "of", "in", "and",
// a line's end or, after a modifier, the organisation ("Data Scientist Africa's Talking"; not
// "Harry Potter Director Chris Columbus").
std::size_t Scan::card_role_end(std::size_t k) const {
  if (k >= t_.size() || !spaced(k) || !capw(k) || !is(k, kLxCardMod | kLxCardRole)) return 0;
  std::size_t mods = 0;
  for (std::size_t q = k; q < t_.size() && mods <= 4;) {
    if (q > k && !spaced(q)) return 0;
    if (!word(q) || covered_[q]) return 0;
    // "Co-founder", "Co-Managing": one word of three tokens, the last one's.
    std::size_t e = q + 1, w = q;
    if (lower_is(q, "co") && q + 2 < t_.size() && has(q + 1, kPunct) && is_dash(t_[q + 1].cp) &&
        glued(q + 1) && glued(q + 2) && word(q + 2)) {
      w = q + 2;
      e = q + 3;
    }
    const bool cap = has(q, kUpperFirst);
    if ((cap || mods > 0) && is(w, kLxCardRole)) {
      if (e >= t_.size() || has(e, kNewlineBefore)) return e;
      if (punct(e, ',') || punct(e, ';') || punct(e, '|') || punct(e, '"') || punct(e, '(') ||
          lower_is(e, "at") || lower_is(e, "of") || lower_is(e, "in") || lower_is(e, "and"))
        return e;
      if (mods > 0 && spaced(e) && capw(e) && tx(e) != "Relations") return e;
      // "Senior Research Fellow": a role noun may modify the next one.
      if (!(cap && is(w, kLxCardMod))) return 0;
    }
    if (!cap || !is(w, kLxCardMod)) return 0;
    ++mods;
    q = e;
  }
  return 0;
}

// "\"new\">Asja Fischer Assistant Professor, Ruhr-University Bochum", "Omoju Miller Senior Data
// Scientist, GitHub": a speaker or profile card, a name of two or three words that no list
// makes common, an organisation's or a title's, then the card's role phrase; at a line's
// start, after markup or a separator, or after an honorific.
bool Scan::rule_card_name(std::size_t i) {
  // Cards run together in a flattened page ("... at Google DeepMind El Habib Benlahmar Full
  // Professor at UH2C Girmaw Abebe Tadesse Principal Research Scientist at ..."): without a
  // separator, the role must go on with "at", "of" or "in", and the name follow a claimed name, an
  // organisation or legal word, an acronym or the previous card's role, or open with a known
  // given name.
  bool need_at = false;
  if (i > 0 && !has(i, kNewlineBefore)) {
    const std::size_t c = i - 1;
    const bool sep = has(c, kPunct) &&
                     (t_[c].cp == '>' || t_[c].cp == '"' || t_[c].cp == '|' || t_[c].cp == ':' ||
                      t_[c].cp == ';' || t_[c].cp == ')' || t_[c].cp == 0x2022 || t_[c].cp == 0xB7);
    if (!sep && !is(c, kLxTitle)) {
      const bool after_card =
          spaced(i) && (covered_[c] || org_word(c) || legal_word(c) ||
                        (capw(c) && !has(c, kHasLower) && t_[c].end - t_[c].begin >= 2) ||
                        (capw(c) && is(c, kLxCardRole)) || first_name(i));
      if (!after_card) return false;
      need_at = true;
    }
  }
  const std::size_t len = person_name_at(i, false);
  if (len < 2) return false;
  const std::size_t re = card_role_end(i + len);
  if (re == 0 || (need_at && !(re < t_.size() &&
                               (lower_is(re, "at") || lower_is(re, "of") || lower_is(re, "in")))))
    return false;
  // ("a nine-time Gartner Magic Quadrant Leader in": a ranking's, not a card's.)
  if (need_at && lower_is(re - 1, "leader")) return false;
  std::size_t words_n = 0;  // (a hyphen's tokens are no words: "Tosh-Ambeke")
  for (std::size_t k = i; k < i + len; ++k) {
    if (!word(k)) continue;
    ++words_n;
    // (Nor a named chair's: "the Pehong Chen Distinguished Professor".)
    if (common(k) || org_word(k) || demonym(k) || place_head(k) ||
        is(k, kLxTitle | kLxLegal | kLxDesc | kLxPersonCue | kLxPersonRole | kLxCompanyNoun |
                  kLxCardMod | kLxCardRole))
      return false;
  }
  if (words_n > 3) return false;
  add_person(i, len, false);
  return true;
}

// "Kathleen Siminyu - Deep Learning Indaba": a page whose title is a person's name and its
// site's, a profile or speaker page. The title's first two words, a known given name and a
// surname no list makes a common word, then " - " or " | " and the site's name; the name must
// come back in the body.
bool Scan::rule_profile_title() {
  if (t_.size() < 6 || covered_[0] || covered_[1] || !titlew(0) || !titlew(1) || !spaced(1) ||
      !first_name(0) || common(1) || org_word(1) || is(1, kLxTitle | kLxLegal | kLxDesc))
    return false;
  if (!(has(2, kPunct) && spaced(2) && (is_dash(t_[2].cp) || t_[2].cp == '|') && capw(3) &&
        !has(3, kNewlineBefore)))
    return false;
  bool again = false;
  for (std::size_t k = 4; k + 1 < t_.size() && !again; ++k)
    again = !has(k, kHeading) && tx(k) == tx(0) && spaced(k + 1) && tx(k + 1) == tx(1);
  if (!again) return false;
  add_person(0, 2, true);
  return true;
}

void Scan::person_rules4() {
  rule_profile_title();
  for (std::uint32_t i : caps_) {
    if (covered_[i] || i == 0) continue;
    if (!titlew(i)) {
      rule_initials(i);
      continue;
    }
    // The word before decides: a role noun, a plural title or role, or a comma.
    if (rule_role4(i)) continue;
    if (rule_card_name(i)) continue;
    if (rule_plural_role(i)) continue;
    if (rule_comma_speaker(i)) continue;
    if (rule_caption_name(i)) continue;
    if (rule_particle_compound(i)) continue;
    rule_common_surname(i);
  }
}

// "We'd like to thank our co-authors: Long Ouyang, Jeff Wu, Roger Jiang, Diogo Almeida, and
// Paul Christiano": a run of capitalised words (kTitleRun, where the other person rules do not
// look) that is a list of names. Each member two or three title-case words (a hyphen or an
// initial inside), none an organisation's, a title's or a legal word, members joined by ", ",
// ", and ", " and " or " & "; at least three members, and at least two of them and 60% open
// with a known given name or are people found already. A company, a lower-case word or any
// other shape ends the list.
void Scan::person_name_runs() {
  const std::vector<std::int32_t> owner = owners();
  struct Member {
    std::size_t b, e;
    bool known;  // a person already (gazetteer or rule)
  };
  std::vector<Member> members;
  auto flush = [&]() {
    std::size_t given = 0;
    for (const Member& m : members) given += m.known || first_name(m.b);
    if (members.size() >= 3 && given >= 2 && given * 5 >= members.size() * 3)
      for (const Member& m : members)
        if (!m.known) add_person(m.b, m.e - m.b, false);
    members.clear();
  };
  // One member at k: its end, or 0.
  auto member_at = [&](std::size_t k, bool& known) -> std::size_t {
    known = false;
    if (k >= t_.size() || !titlew(k)) return 0;
    if (covered_[k]) {
      const std::int32_t oi = owner[k];
      if (oi < 0) return 0;
      const Cand& c = cands_[static_cast<std::size_t>(oi)];
      if (c.dead || c.kind != EntityKind::person || c.tb != k || c.te - c.tb < 2) return 0;
      known = true;
      return c.te;
    }
    std::size_t e = k, words_n = 0;
    while (e < t_.size() && words_n < 4) {
      if (e > k && !spaced(e)) {
        // "Hunter-Torricke", "J." inside
        if (has(e, kPunct) && (is_dash(t_[e].cp) || punct(e, '.')) && e + 1 < t_.size() &&
            glued(e + 1) && titlew(e + 1) && !covered_[e + 1]) {
          e += 2;
          continue;
        }
        if (punct(e, '.') && t_[e - 1].end - t_[e - 1].begin == 1) {
          ++e;
          continue;
        }
        break;
      }
      if (!capw(e) || covered_[e] || (has(e, kNewlineBefore) && e > k)) break;
      // (Not "The Motorcycle Diaries", "Alexander Borzunov In this paper".)
      if (org_word(e) || is(e, kLxTitle | kLxLegal | kLxDesc | kLxCompanyNoun | kLxLeading) ||
          demonym(e))
        return 0;
      ++words_n;
      ++e;
    }
    if (words_n < 2 || words_n > 3) return 0;
    return e;
  };
  // A heading's word before a list's first name ("Contributors Michael Lampe", "Prototyping
  // Jeff Belgum"): three words, the second a known given name and not the first.
  auto trim_heading = [&](std::size_t& b, std::size_t e) {
    if (e - b == 3 && !first_name(b) && first_name(b + 1)) ++b;
  };
  for (std::size_t k = 0; k < t_.size();) {
    if (!has(k, kTitleRun) || !titlew(k)) {
      ++k;
      continue;
    }
    bool known = false;
    const std::size_t e = member_at(k, known);
    if (e == 0) {
      flush();
      ++k;
      continue;
    }
    std::size_t b = k;
    if (!known && members.empty()) trim_heading(b, e);
    // The separator: ", ", ", and ", " and ", " & ".
    std::size_t n = e;
    if (n < t_.size() && punct(n, ',')) ++n;  // (glued or not: "Jed McCaleb , Gabe Newell")
    if (n < t_.size() && (lower_is(n, "and") || punct(n, '&')) && spaced(n)) ++n;
    if (n == e || n >= t_.size() || !spaced(n)) {
      // The list's last member: not the next sentence's first word ("Tim Rocktaschel Recent
      // work has shown").
      std::size_t le = e;
      if (!known && le - b == 3 && common(le - 1) && le < t_.size() && word(le) &&
          !has(le, kHasUpper))
        --le;
      members.push_back({b, le, known});
      flush();
      k = e;
      continue;
    }
    members.push_back({b, e, known});
    k = n;
  }
  flush();
}

// "supervised by Sharon Goldwater, Aren Jansen and Simon King": the other members of a list
// that a person found by a rule or the gazetteer opens. Each member is a full name of two or
// three words (role4_name_at(): no organisation, title or legal word; without a known given
// name, two plain words) that ends at the next separator; anything else (a company, a place,
// a lower-case word) ends the list. Run after the company rules, so their names are claimed.
void Scan::person_list_members() {
  const std::size_t n = cands_.size();
  // Who holds each token (kept up to date with the members this pass adds).
  std::vector<std::int32_t> owner = owners();
  for (std::size_t ci = 0; ci < n; ++ci) {
    if (cands_[ci].dead || cands_[ci].kind != EntityKind::person ||
        cands_[ci].te - cands_[ci].tb < 2)
      continue;
    std::size_t k = cands_[ci].te;
    for (int members = 0; members < 8 && k < t_.size(); ++members) {
      bool last = false;
      // (A scraped page's comma may stand apart: "Jed McCaleb , Gabe Newell , and ...".)
      if (punct(k, ',')) {
        ++k;
        if (lower_is(k, "and")) ++k, last = true;
      } else if (lower_is(k, "and") && spaced(k)) {
        ++k;
        last = true;
      } else {
        break;
      }
      if (k >= t_.size() || !spaced(k) || has(k, kNewlineBefore)) break;
      if (covered_[k]) {  // a member found already: a person goes on, anything else ends it
        if (owner[k] < 0 || last) break;
        const Cand& c = cands_[static_cast<std::size_t>(owner[k])];
        if (c.kind != EntityKind::person || c.tb != k) break;
        k = c.te;
        continue;
      }
      const std::size_t len = role4_name_at(k);
      if (len < 2 || len > 3) break;
      // Without a known given name, two words that are no role, title or company noun and
      // no plural ("Principal Consultant", "Hollywood Reporter", "Tucker Carlsons").
      if (!first_name(k)) {
        bool plain = len == 2;
        for (std::size_t q = k; plain && q < k + len; ++q) {
          plain = !common(q) &&
                  !is(q, kLxPersonRole | kLxPersonCue | kLxTitle | kLxCompanyNoun | kLxCompanyRole |
                             kLxDesc) &&
                  tx(q) != "Democrat" && tx(q) != "Republican";
          // ("Oxford PhD", "SyFy Channel": a capital inside a word, but not after a
          // surname's prefix: "DeLuise", "McKenna".)
          static const ViewSet kPrefixes = {"Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La"};
          for (std::size_t c = 1; plain && c < tx(q).size(); ++c)
            plain = !(tx(q)[c] >= 'A' && tx(q)[c] <= 'Z') || in_set(kPrefixes, tx(q).substr(0, c));
        }
        if (!plain || ends_with(lower(k + 1), "s")) break;
      }
      const std::size_t e = k + len;
      if (e < t_.size() && spaced(e) && capw(e)) break;
      const std::size_t before = cands_.size();
      add_person(k, len, true);
      if (cands_.size() > before)
        for (std::size_t q = k; q < e; ++q) owner[q] = static_cast<std::int32_t>(before);
      k = e;
      if (last) break;
    }
  }
}

}  // namespace newsdex::detail::names
