#pragma once
// The newsdex index schema: every term prefix, value slot and metadata key, and the
// encodings of what is stored (document data, the body, the date value, label keys), in one
// place: the indexer writes through it, the searcher reads through it, and nothing else
// spells them. Omega-style prefixes; see docs/schema.md for the reasoning.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/civil_date.h"
#include "newsdex/entity_kind.h"

namespace newsdex::schema {

// 2: money decade terms. 3: stems only (no unstemmed or Z terms), body in a zstd value slot.
// 4: each document's entity keys per kind in value slots 2-6 (facets read them).
// 5: accents of Latin letters folded in words and entity keys (`nestlé` → `nestle`); money
//    digit terms (XMD<d>:<digits>, XMC<CUR>:<d>:<digits>): a money range is an OR of a few
//    dozen terms whose postings are what it matches, at any bound.
// 6: percent decade and digit terms (XPD<d>, XPD<d>:<digits>), as for money: a percent range
//    is an OR of a few dozen terms, no longer of every percentage in it. Story key and
//    content fingerprint in value slots 7 and 8 (near-duplicate collapse, docs/duplicates.md;
//    a database without them collapses nothing: each document is a story of its own).
inline constexpr std::string_view kVersion = "6";
inline constexpr std::string_view kMetaSchema = "newsdex:schema";      // = kVersion
inline constexpr std::string_view kMetaLanguage = "newsdex:language";  // stemming language
inline constexpr std::string_view kMetaLabelPrefix = "label:";         // label:<kind>:<key>
/// The people's alias table (core/aliases.h), rebuilt at the end of every index run.
inline constexpr std::string_view kMetaPersonAliases = "aliases:person";
/// What that table was built from (core/alias_input.h), for searchers of several databases.
inline constexpr std::string_view kMetaPersonAliasInput = "aliases:person:input";
/// The words the stemmer left alone when this database was written (product and company
/// names: EntityExtractor::protected_words), as encode_keys() strings, set by its first index run.
/// A searcher analyses queries with them, so it needs no gazetteer unless a filter names an entity
/// the index does not hold as written.
inline constexpr std::string_view kMetaProtectedWords = "newsdex:protected-words";
/// A source's page-chrome model (corpus/chrome.h): chrome2:<source>.
inline constexpr std::string_view kMetaChromePrefix = "chrome2:";
/// Chrome models of builds before chrome2: (another word hash): never read, deleted by the
/// next index run.
inline constexpr std::string_view kMetaStaleChromePrefix = "chrome:";

/// The metadata key of a display label: `label:<kind>:<key>`.
std::string label_key(EntityKind kind, std::string_view key);

// Terms.
inline constexpr std::string_view kId = "Q";                // unique id (boolean)
inline constexpr std::string_view kTitle = "S";             // title stems, positional
inline constexpr std::string_view kSource = "XS";           // normalised source (boolean)
inline constexpr std::string_view kMoneyDecade = "XMD";     // XMD<d>: an amount in [1e d, 1e d+1)
inline constexpr std::string_view kMoneyCurDecade = "XMC";  // XMC<CUR>:<d>, the same per currency
inline constexpr std::string_view kPercentDecade = "XPD";  // XPD<d>: a percentage in [1e d, 1e d+1)

/// floor(log10(amount)) for amount > 0 (of the amount rounded to 15 significant digits, as
/// amount_digits() has it), clamped to [-3, 18]; -3 for amount <= 0.
int decade_of(double amount);

/// An amount as its decade and significant digits: 123400000 → {8, "1234"}. Rounded to 15
/// significant digits; trailing zeros dropped, so the first digit is 1-9 and comparing the
/// digits of two amounts of one decade as strings compares the amounts.
struct AmountDigits {
  int decade = 0;
  std::string digits;
};
/// The digits of @p amount; std::nullopt unless it is finite and > 0.
std::optional<AmountDigits> amount_digits(double amount);

/// Money digit terms (schema 5; percent digit terms under `XPD<d>`, schema 6, the same way). An
/// amount of decade d in [kMinDigitDecade, kMaxDigitDecade] with digits "1234" has, under each of
/// its decade terms B (`XMD<d>`, `XMC<CUR>:<d>`), the terms B:1, B:12, B:123 (every shorter prefix
/// of its digits: "some amount of this decade starts so and goes on") and B:1234; (the digits and
/// kDigitsEnd: "exactly this amount"). A range within a decade is then an OR of a few such terms
/// (at most 19 per digit of its bounds), each of whose documents it matches. The two outer decades
/// of decade_of()'s clamp also hold amounts outside them, so their amounts get no digit terms: a
/// range ending in them lists the amounts' own terms.
inline constexpr int kMinDigitDecade = -2;
inline constexpr int kMaxDigitDecade = 17;
inline constexpr char kDigitsEnd = ';';

/// Boolean-term prefix of an entity kind: XCO company, XPE person, XPR product,
/// XMO money (CUR:AMOUNT), XPC percent, XDA mentioned date.
std::string_view entity_prefix(EntityKind kind);

/// Longest entity key that is indexed: longer keys (and empty ones) get no terms.
inline constexpr std::size_t kMaxEntityKeyBytes = 200;
/// Whether an entity with key @p key is indexed (gets append_entity_terms()).
inline bool indexed_entity_key(std::string_view key) {
  return !key.empty() && key.size() <= kMaxEntityKeyBytes;
}
/// The prefix of the decade terms of @p kind's numbers (money: in @p currency, or any if it is
/// empty; percent: `XPD`): a decade term is the prefix and the decade (`XMD8`, `XMCUSD:8`).
/// Empty for kinds without decade terms.
std::string decade_prefix(EntityKind kind, std::string_view currency = {});
/// The number of a money or percent key (`USD:17` → 17, `-2.5` → -2.5); 0 for other kinds.
double entity_number(EntityKind kind, std::string_view key);

/// Appends to @p out the boolean terms of one entity: its prefixed key, and for money also
/// the decade terms `XMD<d>` and `XMC<CUR>:<d>` and their digit terms (kDigitsEnd), for a
/// percentage `XPD<d>` and its digit terms. The document
/// builder indexes these and `newsdex check` recomputes them; only for keys indexed_entity_key()
/// accepts.
void append_entity_terms(EntityKind kind, std::string_view key, std::vector<std::string>& out);

// Value slots.
inline constexpr unsigned kSlotDate = 0;   // published date "YYYYMMDD" (sortable string)
inline constexpr unsigned kSlotHash = 1;   // content hash (16 hex digits)
inline constexpr unsigned kSlotBody = 10;  // the body, for snippets (encode_body)
/// The story key (8 bytes): copies and near-copies of one article share it, and search
/// collapses on it (indexer/src/index/story.h; docs/duplicates.md).
inline constexpr unsigned kSlotStory = 7;
/// The content fingerprint (16 bytes: body simhash, exact word hash) the story keys of later
/// articles are found from.
inline constexpr unsigned kSlotFingerprint = 8;

/// The value slot holding a document's keys of @p kind (encode_keys): 2 company, 3 person,
/// 4 product, 5 money, 6 percent. Facets are counted from these: a value stream is read in
/// document order and chunked, so a fresh process counts a query's matches without first
/// loading every key's postings, and a document's keys travel with it through multi-database
/// and remote searches. Mentioned dates (XDA) have no slot: the date facet is the published
/// date (kSlotDate).
inline constexpr unsigned facet_slot(EntityKind kind) { return 2u + unsigned(kind); }
/// Whether @p kind's keys are stored in a facet slot (all kinds but date).
inline constexpr bool has_facet_slot(EntityKind kind) { return kind != EntityKind::date; }

/// Keys, each as a varint length and its bytes (keys may hold any byte).
std::string encode_keys(const std::vector<std::string_view>& keys);
/// The keys of encode_keys(@p value), as views into it, appended to @p out; false (and
/// nothing appended) if @p value is damaged.
bool decode_keys(std::string_view value, std::vector<std::string_view>& out);

/// The kSlotDate value of a date: "YYYYMMDD", an unknown month or day as "00" (so it sorts
/// before every known one), or as "99" when @p upper (the last value a range up to a year or
/// month must include).
std::string date_value(const CivilDate& d, bool upper = false);
/// The date of a kSlotDate value ("00" month/day as 0); std::nullopt unless 8 digits.
std::optional<CivilDate> parse_date_value(std::string_view value);

/// Weight of title words relative to body words (wdf increment).
inline constexpr unsigned kTitleWeight = 5;
/// Gap between title and body positions, so phrases never span them.
inline constexpr std::uint32_t kBodyPositionGap = 100;
/// Longest term Xapian accepts safely (it limits terms to 245 bytes).
inline constexpr std::size_t kMaxTermBytes = 240;

/// `Q` + id, or `Q#` + a hash of the id when it is too long to be a term.
std::string id_term(std::string_view id);

/// Document data (stored fields except the body), length-prefixed binary.
struct StoredFields {
  std::string id, title, date, source, url, path, origin;
};
std::string encode_data(const StoredFields& f);
StoredFields decode_data(std::string_view data);

/// The body as stored in kSlotBody: zstd-compressed (level 1) behind a one-byte tag.
/// A value slot, not the document data, because glass deflates document data with zlib,
/// which costs about a tenth of all indexing time (docs/indexing.md); zstd is ~10x
/// faster at a similar ratio. Values are not compressed again by Xapian.
std::string encode_body(std::string_view body);
/// The body back from encode_body(); empty if @p value is empty or damaged.
std::string decode_body(std::string_view value);

/// 64-bit FNV-1a content hash as 16 hex digits.
std::string content_hash(std::string_view a, std::string_view b, std::string_view c,
                         std::string_view d, std::string_view e);

/// The amount of a money key or term (`USD:500000000000`, `XMOUSD:17`): what follows the
/// last ':'; 0 if there is none.
double money_amount(std::string_view key);

/// Human label for a money key: `USD:500000000000` → `USD 500B`.
std::string money_label(std::string_view key);

}  // namespace newsdex::schema
