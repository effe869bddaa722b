#pragma once
// The name scanner of one document (Scan), its candidates (Cand) and its per-thread
// buffers (ScanBuffers). Internal header: the passes are defined in scan_gazetteer.cc
// (page chrome, gazetteer matching), scan_rules.cc (rules for names the gazetteer lacks)
// and scan_resolve.cc (set-up, document-level propagation, resolution, NameRecognizer).
//
// Everything is a single left-to-right pass over a token vector (plus two linear passes
// for headings and capitalised runs, and one for surname propagation); every rule looks at
// a bounded window of tokens, so the cost is linear whatever the input (invalid UTF-8,
// megabyte lines, endless capitalised runs). No std::regex.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/names.h"
#include "entities/names/chars.h"
#include "entities/names/lexicon.h"

// Small per-token helpers of the scanner, called from many rules: always inlined, their
// table look-ups (done once per token, then cached) kept out of line.
#if defined(__GNUC__)
#define NEWSDEX_HOT [[gnu::always_inline]]
#define NEWSDEX_COLD [[gnu::noinline]]
#else
#define NEWSDEX_HOT
#define NEWSDEX_COLD
#endif

namespace newsdex::detail::names {

/// A name found in the document: a gazetteer match or a rule's, until resolve().
struct Cand {
  std::uint32_t tb = 0, te = 0;  // token range [tb, te)
  std::uint32_t b = 0, e = 0;    // byte range
  EntityKind kind = EntityKind::company;
  std::string key;
  std::int32_t entry = -1;    // gazetteer entry, -1 for rule-found names
  bool weak = false;          // needs a context company in the document
  bool surname = false;       // a lone surname alias: key decided at the end
  bool rule = false;          // found by a rule
  bool check_lower = false;   // reject if a name word also occurs in lower case
  std::uint32_t name_te = 0;  // end of the name part (before a company suffix)
  bool dead = false;
};

/// Per-thread buffers of Scan, kept between documents so a scan allocates (almost) nothing.
struct ScanBuffers {
  std::vector<NameToken> tokens;
  std::vector<std::uint8_t> covered;
  std::vector<std::int8_t> common;
  std::vector<std::uint32_t> lex;
  std::vector<const WordInfo*> info;
  std::string lower_text;
  std::vector<Cand> cands;
  std::vector<std::uint32_t> caps, caps_all, gaz_starts;
  StringSet wanted_lower, seen_lower;
};

/// Marks a token whose WordInfo was not looked up yet.
inline const WordInfo kUnknownInfo{};

/// Scans one document: the constructor tokenises it and marks photo credits, run() appends
/// the names found.
class Scan {
 public:
  Scan(const Gazetteer& g, std::string_view text, ScanBuffers& b);

  void run(std::vector<Entity>& out);

 private:
  // --- token helpers
  NEWSDEX_HOT std::string_view tx(std::size_t i) const {
    return std::string_view(text_.data() + t_[i].begin, t_[i].end - t_[i].begin);  // in range
  }
  NEWSDEX_HOT bool has(std::size_t i, std::uint32_t f) const {
    return i < t_.size() && (t_[i].flags & f);
  }
  NEWSDEX_HOT bool word(std::size_t i) const { return has(i, kWord) && !has(i, kLong); }
  NEWSDEX_HOT bool punct(std::size_t i, std::uint32_t cp) const {
    return has(i, kPunct) && t_[i].cp == cp;
  }
  /// Capitalised (or all-caps) word.
  NEWSDEX_HOT bool capw(std::size_t i) const { return word(i) && has(i, kUpperFirst); }
  /// Capitalised word with lower-case letters ("Nadella", not "IBM").
  NEWSDEX_HOT bool titlew(std::size_t i) const { return capw(i) && has(i, kHasLower); }
  /// Joined to the previous token by a space on the same line.
  NEWSDEX_HOT bool spaced(std::size_t i) const {
    return has(i, kSpaceBefore) && !has(i, kNewlineBefore);
  }
  NEWSDEX_HOT bool glued(std::size_t i) const { return i < t_.size() && !has(i, kSpaceBefore); }
  /// ASCII lower-case form of token i.
  NEWSDEX_HOT std::string_view lower(std::size_t i) const {
    return std::string_view(lower_text_.data() + t_[i].begin, t_[i].end - t_[i].begin);
  }
  /// What the word table knows of token i (cached); nullptr if nothing.
  NEWSDEX_HOT const WordInfo* info(std::size_t i) const {
    const WordInfo* w = info_[i];
    return w == &kUnknownInfo ? info_lookup(i) : w;
  }
  NEWSDEX_COLD const WordInfo* info_lookup(std::size_t i) const {
    return info_[i] = table_.find(lower(i));
  }
  bool first_name(std::size_t i) const {
    const WordInfo* w = info(i);
    if (!w || w->variants.empty()) return false;
    const WordVariant* v = w->variant(tx(i));
    return v && v->first_name;
  }
  bool starts_name(std::size_t i) const {
    const WordInfo* w = info(i);
    return w && w->starts_name;
  }
  NEWSDEX_HOT bool common(std::size_t i) const {
    std::int8_t& c = common_[i];
    if (c < 0) c = common_lookup(i) ? 1 : 0;
    return c == 1;
  }
  bool common_lookup(std::size_t i) const;
  bool lower_is(std::size_t i, std::string_view w) const {
    if (!word(i)) return false;
    std::string_view s = tx(i);
    if (s.size() != w.size()) return false;
    for (std::size_t k = 0; k < s.size(); ++k)
      if (ascii_lower(s[k]) != w[k]) return false;
    return true;
  }
  /// LexBit flags of token i (cached).
  NEWSDEX_HOT std::uint32_t lex(std::size_t i) const {
    const std::uint32_t b = lex_[i];
    return (b & kLxDone) ? b : lex_lookup(i);
  }
  NEWSDEX_COLD std::uint32_t lex_lookup(std::size_t i) const {
    std::uint32_t& b = lex_[i];
    b = kLxDone;
    const std::size_t len = t_[i].end - t_[i].begin;
    if (word(i) && len <= 16 &&
        (W.lex_shapes[len] >> (static_cast<u8>(lower_text_[t_[i].begin]) & 31) & 1)) {
      if (const WordInfo* w = info(i)) {
        b |= w->lower_bits;
        if (const WordVariant* v = w->variant(tx(i))) b |= v->exact_bits;
      }
    }
    return b;
  }
  NEWSDEX_HOT bool is(std::size_t i, std::uint32_t bit) const {
    return i < t_.size() && (lex(i) & bit);
  }
  /// A word that can be part of a rule-found name: capitalised, not a common word,
  /// not already claimed.
  bool namey(std::size_t i) const {
    if (!capw(i) || covered_[i]) return false;
    if (!has(i, kHasLower) && (t_[i].end - t_[i].begin) < 2) return false;
    return !common(i);
  }
  NEWSDEX_HOT bool noisy(std::size_t i) const { return has(i, kHeading) || has(i, kTitleRun); }

  // --- passes
  void mark_credits();
  void drop_link_bars();
  void gazetteer_pass();
  bool match_alias(const Alias& a, std::size_t i, std::size_t& end) const;
  bool accept_gazetteer(const Alias& a, std::size_t i, std::size_t end, Cand& c) const;
  bool chrome_context(std::size_t i, std::size_t end) const;
  bool exchange_context(std::size_t i, std::size_t end) const;

  void rules_pass();
  // names/scan_org.cc: evidence for names no list holds.
  bool org_word(std::size_t i) const;
  bool legal_word(std::size_t i) const;
  std::size_t trim_suffixes(std::size_t b, std::size_t e) const;
  bool public_word(std::size_t k) const;
  bool public_name(std::size_t b, std::size_t e) const;
  /// The gazetteer company named @p name (a bare ticker only where it is also the company's
  /// alias), or that of its name before a last word NameRecognizer::same_company_head() drops
  /// ("Group", "Motor", "Airways"...); -1 if none.
  std::int64_t find_company(std::string_view name) const;
  std::string gaz_or_key(std::size_t b, std::size_t e) const;
  void kill_covered(std::size_t b, std::size_t e, const std::vector<std::int32_t>& owner);
  std::vector<std::int32_t>& owners();
  void extend_gazetteer();
  void org_rules_pass();
  bool rule_ticker_cue(std::size_t lt, const std::vector<std::int32_t>& owner);
  bool rule_org_word(std::size_t i);
  std::size_t bank_of_place(std::size_t bank, std::size_t& name_end) const;
  bool public_bank(std::size_t b, std::size_t bank, std::size_t e) const;
  /// Whether the place words [b, e) after "Bank of" name a country's central bank.
  bool central_bank_place(std::size_t b, std::size_t e) const;
  bool rule_amp_name(std::size_t amp);
  bool rule_dotcom(std::size_t i);
  bool rule_source_cue(std::size_t i);
  bool rule_outlet_word(std::size_t i);
  bool rule_org_cues(std::size_t i);
  bool rule_its_unit(std::size_t i);
  bool rule_card_company(std::size_t i);
  bool rule_party_cue(std::size_t i);
  void list_members();
  void syndicate_members();
  // names/scan_org2.cc: deal objects, listings, appositives, agencies, dotted outlets.
  void org_cues_late();
  bool object_end_ok(std::size_t e) const;
  std::size_t cue_name_at(std::size_t i, std::size_t max_words) const;
  bool add_cued_company(std::size_t i, std::size_t len);
  bool rule_deal_cue(std::size_t i);
  bool rule_name_context(std::size_t i);
  bool rule_dotted_outlet(std::size_t lp);
  bool rule_exchange_name(std::size_t i);
  // names/scan_org3.cc: tech news: roles at a company, possessives, startup domains.
  void org_cues_tech();
  bool company_role_at(std::size_t k) const;
  bool add_tech_company(std::size_t i, std::size_t len);
  bool rule_role_of(std::size_t i);
  bool rule_possessive_role(std::size_t i);
  bool rule_startup_domain(std::size_t i);
  bool rule_national_noun(std::size_t i);
  void cut_roles_in_runs();
  bool described_at(std::size_t e) const;
  void drop_topic_tags();
  bool loose_end_ok(std::size_t e) const;
  std::size_t strong_cue_name_at(std::size_t i) const;
  bool rule_called(std::size_t i);
  bool rule_raises(std::size_t r);
  // names/scan_context.cc: line wraps, Romance organisation heads, headline names.
  bool wrapped(std::size_t i) const;
  bool rule_org_head(std::size_t i);
  void drop_heading_words();
  bool named_with_suffix(std::size_t b, std::size_t e) const;
  // names/scan_decide.cc: one key per name in a document; people that are none.
  void document_decisions();
  bool rule_legal_suffix(std::size_t i);
  bool rule_desc_suffix(std::size_t i);
  bool rule_person_cues(std::size_t i);
  bool rule_first_name(std::size_t i);
  bool rule_company_cues(std::size_t i);
  std::size_t person_name_at(std::size_t i, bool need_first_name) const;
  std::size_t company_name_at(std::size_t i, std::size_t max_words) const;
  void company_after_role(std::size_t from);
  void add_rule(EntityKind kind, std::size_t tb, std::size_t te, std::size_t name_te,
                std::string key, bool check_lower);
  // A person of the @p len tokens at @p i, keyed by their text (lower case, spaces collapsed).
  void add_person(std::size_t i, std::size_t len, bool check_lower);
  bool lower_seen(std::size_t i) const { return seen_lower_.find(lower(i)) != seen_lower_.end(); }
  void find_lower_occurrences();

  void propagate();
  void resolve(std::vector<Entity>& out);

  // names/scan_person.cc (issue 11, third round): evidence for people no list holds.
  bool title_phrase_before(std::size_t i) const;
  bool name_wrap(std::size_t k) const;
  bool demonym(std::size_t i) const;
  bool one_word_alias(std::size_t i) const;
  bool soft_cue_refused(std::size_t c) const;
  bool soft_apposition_refused(std::size_t c, std::size_t i) const;
  bool age_apposition(std::size_t e) const;
  bool role_apposition(std::size_t k) const;
  /// The "<" of Reuters' ticker that ends right before token @p i ("Corp's <MHS> Straw"), or
  /// @p i if none does.
  std::size_t ticker_open(std::size_t i) const;
  /// The end of the possessor whose "'s" (or bare "'" after an "s") ends right before token
  /// @p p ("Litton's Data Systems", "Phillips' Aminoil"), or 0.
  std::size_t possessor_end(std::size_t p) const;
  bool role_caption(std::size_t e) const;
  bool speech_after(std::size_t e) const;
  bool person_verb(std::size_t k, bool deeds) const;
  bool rule_name_over_company(std::size_t i);
  void late_person_rules();
  bool lone_person_evidence(std::size_t i) const;
  void surname_evidence_names();
  bool rule_lone_honorific(std::size_t i);
  bool rule_quoted_speaker(std::size_t i);
  bool caps_word(std::size_t i) const;
  void caps_speakers();
  void add_late_person(std::size_t tb, std::size_t te, std::string key);
  // names/scan_person4.cc (issue 11, sixth round): role nouns, plural titles, lists.
  void person_rules4();
  std::size_t role4_name_at(std::size_t i) const;
  /// The end of a speaker card's role phrase at @p k ("Assistant Professor, ", "Senior Data
  /// Scientist at"), or 0.
  std::size_t card_role_end(std::size_t k) const;
  bool rule_card_name(std::size_t i);
  std::size_t common_surname_at(std::size_t i) const;
  std::size_t surname_particle(std::size_t k) const;
  bool rule_initials(std::size_t i);
  bool role4_at(std::size_t c) const;
  bool phrase_end4(std::size_t e) const;
  bool rule_role4(std::size_t i);
  bool rule_plural_role(std::size_t i);
  bool rule_comma_speaker(std::size_t i);
  bool rule_caption_name(std::size_t i);
  bool page_label(std::size_t k) const;
  bool place_head(std::size_t k) const;
  bool rule_particle_compound(std::size_t i);
  bool rule_common_surname(std::size_t i);
  void person_list_members();
  /// The names of a list of people inside a capitalised run (an acknowledgement, a line-up):
  /// groups of two or three capitalised words between commas and "and", most of them
  /// opening with a known given name. Runs refuse the other person rules.
  void person_name_runs();
  bool rule_profile_title();
  // names/scan_surname.cc: where a gazetteer lone surname may stand beside capitals.
  bool headline_surname_ok(std::size_t i, std::size_t end) const;
  bool surname_after_particle(std::size_t i) const;
  bool person_names_place(std::size_t i, std::size_t end) const;

  void claim(const Cand& c) {
    for (std::uint32_t k = c.tb; k < c.te; ++k) covered_[k] = 1;
  }

  const Gazetteer& g_;
  const WordTable& table_;
  std::string_view text_;
  const WordSets& W;
  std::vector<NameToken>& t_;
  std::vector<std::uint8_t>& covered_;
  std::vector<Cand>& cands_;
  std::vector<std::uint32_t>& caps_;
  std::vector<std::uint32_t>& caps_all_;    // every capitalised word (capw), in order
  std::vector<std::uint32_t>& gaz_starts_;  // tokens gazetteer_pass tries, in order
  std::vector<std::int8_t>& common_;        // per token: -1 unknown, 0/1
  std::vector<std::uint32_t>& lex_;         // per token: LexBit flags
  std::vector<const WordInfo*>& info_;      // per token: kUnknownInfo until looked up
  std::string& lower_text_;                 // text_ ASCII-lower-cased
  StringSet& wanted_lower_;                 // words whose lower-case occurrence matters
  StringSet& seen_lower_;                   // those of them that occur in lower case
};

// is_common_word(lower(i)), with the word table (one lookup answers the listed words).
inline bool Scan::common_lookup(std::size_t i) const {
  const std::string_view w = lower(i);
  if (w.empty()) return true;
  const WordInfo* direct = info(i);
  if (direct && (direct->common || direct->common_plural)) return true;
  return has_common_ending(w);
}

}  // namespace newsdex::detail::names
