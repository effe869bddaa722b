// Company / person / product recognition: the text scanner, the common-word list and the
// NameRecognizer (gazetteer matching + rules + document-level propagation).
//
// Everything is a single left-to-right pass over a token vector (plus two linear passes
// for headings and capitalised runs, and one for surname propagation); every rule looks at
// a bounded window of tokens, so the cost is linear whatever the input (invalid UTF-8,
// megabyte lines, endless capitalised runs). No std::regex.

#include "entities/names.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace newsdex::detail {
namespace {

// Small per-token helpers of the scanner, called from many rules: always inlined, their
// table look-ups (done once per token, then cached) kept out of line.
#if defined(__GNUC__)
#define NEWSDEX_HOT [[gnu::always_inline]]
#define NEWSDEX_COLD [[gnu::noinline]]
#else
#define NEWSDEX_HOT
#define NEWSDEX_COLD
#endif

using u8 = unsigned char;
using ViewSet = std::unordered_set<std::string_view, SvHash>;

// ------------------------------------------------------------------------ characters

enum : u8 { kOther = 0, kLowerC, kUpperC, kDigitC, kSpaceC, kNewlineC, kPunctC, kCtrlC };

constexpr std::array<u8, 128> make_ascii_table() {
  std::array<u8, 128> t{};
  for (int c = 0; c < 128; ++c) {
    u8 v = kPunctC;
    if (c >= 'a' && c <= 'z')
      v = kLowerC;
    else if (c >= 'A' && c <= 'Z')
      v = kUpperC;
    else if (c >= '0' && c <= '9')
      v = kDigitC;
    else if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
      v = kSpaceC;
    else if (c == '\n' || c == '\r')
      v = kNewlineC;
    else if (c < 0x20 || c == 0x7f)
      v = kCtrlC;
    t[static_cast<std::size_t>(c)] = v;
  }
  return t;
}
constexpr std::array<u8, 128> kAscii = make_ascii_table();

constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

/// Bit 7 of each byte of @p w that is an ASCII character in [lo, hi].
inline std::uint64_t ascii_in_range(std::uint64_t w, unsigned lo, unsigned hi) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  const std::uint64_t x = w & ~kHighBits;
  return (x + kOnes * (0x80 - lo)) & ~(x + kOnes * (0x7F - hi)) & ~w & kHighBits;
}

/// TokenFlag bits an ASCII byte adds to the word it is part of; 0 if it ends the word.
constexpr auto kAsciiWordFlags = [] {
  std::array<std::uint32_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c >= 'a' && c <= 'z') t[static_cast<std::size_t>(c)] = kHasLower;
    if (c >= 'A' && c <= 'Z') t[static_cast<std::size_t>(c)] = kHasUpper;
    if (c >= '0' && c <= '9') t[static_cast<std::size_t>(c)] = kHasDigit;
  }
  return t;
}();

/// Decodes one UTF-8 sequence at p[i] (i < n). Returns its length, 0 if invalid.
inline int decode(const u8* p, std::size_t n, std::size_t i, std::uint32_t& cp) {
  const u8 c = p[i];
  int len;
  u8 lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF)
    len = 2, cp = c & 0x1F;
  else if (c == 0xE0)
    len = 3, lo = 0xA0, cp = c & 0x0F;
  else if (c >= 0xE1 && c <= 0xEC)
    len = 3, cp = c & 0x0F;
  else if (c == 0xED)
    len = 3, hi = 0x9F, cp = c & 0x0F;
  else if (c >= 0xEE && c <= 0xEF)
    len = 3, cp = c & 0x0F;
  else if (c == 0xF0)
    len = 4, lo = 0x90, cp = c & 0x07;
  else if (c >= 0xF1 && c <= 0xF3)
    len = 4, cp = c & 0x07;
  else if (c == 0xF4)
    len = 4, hi = 0x8F, cp = c & 0x07;
  else
    return 0;
  if (i + static_cast<std::size_t>(len) > n) return 0;
  if (p[i + 1] < lo || p[i + 1] > hi) return 0;
  cp = (cp << 6) | (p[i + 1] & 0x3F);
  for (int k = 2; k < len; ++k) {
    const u8 b = p[i + static_cast<std::size_t>(k)];
    if (b < 0x80 || b > 0xBF) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  return len;
}

enum class NA : u8 { letter, space, newline, punct };

inline NA classify_non_ascii(std::uint32_t cp) {
  if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) return NA::newline;
  if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F ||
      cp == 0x205F || cp == 0x3000 || cp == 0xFEFF)
    return NA::space;
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return NA::punct;
  if (cp >= 0x2010 && cp <= 0x2BFF) return NA::punct;  // punctuation, currency, symbols
  if (cp >= 0x3001 && cp <= 0x303F) return NA::punct;
  if (cp >= 0xE000 && cp <= 0xF8FF) return NA::punct;  // private use
  if (cp >= 0xFE00 && cp <= 0xFE0F) return NA::punct;  // variation selectors
  if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
    return NA::punct;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return NA::punct;  // emoji
  return NA::letter;
}

inline bool is_apostrophe(std::uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00B4;
}
inline bool is_dash(std::uint32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013;
}

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// ------------------------------------------------------------------------ word lists

// Frequent English words, generic tech/business vocabulary, calendar words, titles and
// place names: never accepted as (part of) a name by the rules. Compiled by hand.
constexpr const char* kCommonWords = R"(
a about above across after afterwards again against ago ahead all almost alone along already also
although always am among amongst an and another any anybody anyhow anyone anything anyway anywhere
are around as aside at away back be became because become becomes becoming been before beforehand
behind being below beside besides between beyond both but by can cannot could did do does doing done
down during each either else elsewhere enough even ever every everybody everyone everything
everywhere except few first for former formerly from further furthermore had has have having he hence
her here hereby herein hers herself him himself his how however i if in indeed instead into is it its
itself just last latter least less lest like likewise many may maybe me meanwhile might mine more
moreover most mostly much must my myself namely neither never nevertheless next no nobody none nor not
nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves
out over own per perhaps please rather same several she should since so some somehow someone
something sometime sometimes somewhere soon still such than that the their theirs them themselves then
thence there thereafter thereby therefore therein these they this those though through throughout
thus to today together tomorrow too toward towards under unless unlike until up upon us very via was
we well were what whatever when whenever where whereas wherever whether which while who whoever whole
whom whose why will with within without would yet yesterday you your yours yourself yourselves
yes ok okay oh hey hi hello thanks thank welcome sorry
two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
thousand million billion trillion half dozen second third fourth fifth once twice
say says said tell tells told ask asks asked make makes made take takes took taken get gets got give
gives gave given go goes went gone come comes came see sees saw seen know knows knew known think
thinks thought look looks want wants use uses used find finds found work works worked call calls
called try tries tried need needs needed feel feels felt become leave leaves left put puts keep
keeps kept let lets begin begins began seem seems seemed help helps helped show shows showed shown
hear hears heard play plays played run runs ran move moves moved live lives lived believe believes
bring brings brought happen happens happened write writes wrote written sit stand stands lose loses
lost pay pays paid meet meets met include includes included continue continues continued set sets
learn learns change changes changed lead leads led understand watch watches follow follows followed
stop stops create creates created speak speaks spoke read reads allow allows allowed add adds added
spend spends spent grow grows grew open opens opened walk win wins won offer offers offered remember
love loves consider considers appear appears buy buys bought wait serve serves die dies died send
sends sent expect expects expected build builds built stay stays fall falls fell cut cuts reach
reaches kill kills remain remains suggest suggests raise raises raised pass passes passed sell sells
sold require requires required report reports reported decide decides decided pull pulls launch
launches launched announce announces announced unveil unveils unveiled release releases released
plan plans planned agree agrees agreed acquire acquires acquired invest invests invested hire hires
hired fire fires fired sign signs signed join joins joined partner partners partnered share shares
shared post posts posted review reviews reviewed update updates updated back backs backed claim
claims claimed warn warns warned face faces faced hit hits drop drops rise rises rose jump jumps
surge surges soar soars slump slumps beat beats miss misses target targets ban bans sue sues sued
probe probes fine fines fined cut boost boosts reveal reveals revealed confirm confirms confirmed
deny denies denied close closes closed shut shuts buy sell explore explores explain explains
is are was were be been am do did done has have had can could shall should will would may might must
time times year years people way ways day days man men thing things woman women life lives child
children world school schools state states family families student students group groups country
countries problem problems hand hands part parts place places case cases week weeks company
companies system systems program programs programme question questions government governments
number numbers night point points home homes water room rooms mother area areas money story stories
fact facts month months lot lots right rights study studies book books eye eyes job jobs word words
business businesses issue issues side sides kind kinds head heads house houses service services
friend friends father power hour hours game games line lines end ends member members law laws car
cars city cities community name names president presidents team teams minute minutes idea ideas kid
kids body information back parent parents face faces level levels office offices door health person
art war history party parties result results change morning reason reasons research girl girls guy
guys moment moments air teacher force forces education foot boy boys age policy policies process
processes music market markets sense nation nations plan college interest death experience effect
class control care field development role roles effort rate rates heart drug drugs show shows leader
leaders light voice wife police mind price prices report decision son view views relationship town
road arm difference value values building action actions model models season society tax director
position player players record paper space ground form event events official officials matter center
centre couple site sites project projects activity star table need court oil situation cost costs
industry industries figure figures street image images phone phones data picture practice piece land
product products doctor wall patient worker workers news test tests movie movies north south east
west northern southern eastern western love support technology technologies step baby computer
computers type attention film films tree source sources organization organisation organizations
hair window evidence population camera size network networks security software hardware
cloud clouds platform platforms internet online web website websites app apps application
applications device devices chip chips server servers startup startups deal deals revenue revenues
profit profits sales stock stocks investor investors investment investments fund funds funding round
rounds capital venture ventures analyst analysts executive executives chief officer officers founder
founders board boards chairman chairwoman chair ceo cto cfo coo partner partnership partnerships
customer customers user users consumer consumers employee employees staff engineer engineers
scientist scientists researcher researchers expert experts media press release releases newsletter
newsletters subscribe subscription sign login log register account privacy terms cookie cookies
contact advertise careers career menu search topics topic featured podcast podcasts video videos
photo photos gallery latest popular trending related recommended comment comments reply replies
copyright reserved homepage page pages click here download downloads email emails tip tips guide
guides free sponsored partner content advertisement advertising ad ads subscribe sponsor sponsors
artificial intelligence machine machines learning deep neural generative conversational responsible
enterprise enterprises open source explainable ethical trustworthy human humans autonomous embedded
distributed operating legacy complex intelligent smart edge digital quantum applied advanced general
narrow agentic multimodal synthetic virtual augmented mixed reality robotics robotic robot robots
automation automated analytics analytic predictive statistical intelligence big small large medium
global local national international regional federal central public private social mobile wireless
wired cyber secure cybersecurity infrastructure compute computing storage database databases
language languages natural speech vision text audio visual algorithm algorithms training inference
agent agents assistant assistants chatbot chatbots bot bots tool tools solution solutions service
product systems technology labs lab studio studios gaming communications energy healthcare finance
financial fintech retail commerce ecommerce marketing logistics transport transportation
manufacturing industrial economy economic securities associates brothers trust bancorp bancshares semiconductor semiconductors electronics telecom telecoms
biotech pharmaceuticals therapeutics biosciences motors airlines airways entertainment interactive
dynamics analytics solutions holdings partners management consulting insurance bank banks banking
credit payments payment crypto cryptocurrency blockchain token tokens coin coins exchange exchanges
new old good great high low little big small long short young important different early late hard
easy real best better worse worst full free major strong whole true sure clear recent certain
personal simple possible available likely current able top final main special similar single entire
modern key critical crucial significant massive huge vast rapid fast quick slow next previous latest
future past present initial additional further potential common total various specific particular
standard direct official independent political legal cultural physical technical strategic
innovative innovation bold dynamic visionary diverse increased increasing enhanced seamless scalable
flexible collaborative competitive transformative exciting unprecedented emerging leading premier
premium pro plus max ultra mini lite air beta alpha edition version series next-gen generation
red blue green black white yellow orange purple pink brown gray grey gold silver dark bright
hot cold warm cool wild quiet loud rich poor safe dangerous happy sad angry funny strange
january february march april may june july august september october november december jan feb mar
apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon
tue tues wed thu thur thurs fri sat sun spring summer autumn fall winter christmas easter holiday
holidays weekend weekends
mr mrs ms dr prof sir lord lady dame king queen prince princess vice senator sen rep governor gov
mayor minister secretary chancellor premier judge justice gen colonel captain lieutenant sergeant
manager professor saint st jr sr
america american americans europe european europeans africa african asia asian china chinese japan
japanese korea korean india indian russia russian ukraine ukrainian germany german france french
britain british uk england english scotland scottish wales welsh ireland irish italy italian spain
spanish canada canadian mexico mexican brazil brazilian australia australian israel israeli iran
iranian iraq saudi arabia arabian emirates dubai qatar turkey turkish egypt nigeria kenya taiwan
taiwanese singapore hong kong vietnam indonesia thailand malaysia philippines pakistan sweden swedish
norway norwegian finland finnish denmark danish netherlands dutch belgium switzerland swiss austria
poland polish greece portugal argentina chile colombia peru california texas florida york washington
massachusetts virginia georgia carolina ohio michigan illinois oregon colorado arizona nevada utah
jersey pennsylvania minnesota wisconsin missouri tennessee kentucky alabama louisiana maryland
connecticut delaware hawaii alaska london paris berlin tokyo beijing shanghai shenzhen seoul mumbai
bangalore bengaluru delhi moscow kyiv kiev toronto vancouver montreal sydney melbourne boston chicago
seattle denver atlanta miami dallas houston angeles francisco san los las vegas silicon valley bay
brussels geneva zurich amsterdam stockholm dublin edinburgh manchester munich frankfurt milan rome
madrid barcelona lisbon africa antarctica pacific atlantic arctic
congress senate parliament commission council committee administration department ministry agency
bureau authority union university universities college institute school foundation museum hospital
avenue road park square hall award awards prize act bill festival conference summit forum cup
league championship olympics olympic expo
god church covid coronavirus pandemic climate
mark bill frank grace rose ray max jack dean gene glen jay hope joy faith chase don drew pat rob
sue june april august summer dawn ivy iris lily page rich sterling miles grant hunter cliff earl
will may art guy victor penny holly
palm canon reliance sprint slack zoom block box visa shell sky orange signal stripe valve target
fortune vanguard fidelity nuance excite cruise ripple glean adept unity elastic canonical runway
echo edge surface teams word excel outlook office vista halo swift steam switch spark
via per etc vs versus senior junior later earlier recently currently finally eventually initially previously
separately additionally similarly overall instead elsewhere already
formula using photograph photographs illustration illustrations
caption captions credit credits courtesy hurricane storm typhoon cyclone tropical
)";

// Suffixes that end a company name and are dropped from its key.
constexpr const char* kLegalSuffixes[] = {
    "Inc", "Incorporated", "Corp", "Corporation", "Co",  "Cos", "Ltd", "Limited", "LLC", "LLP",
    "PLC", "plc",          "Plc",  "GmbH",        "AG",  "SA",  "NV",  "AB",      "ASA", "Oyj",
    "SpA", "Pty",          "KK",   "Bhd",         "Tbk", "Srl", "BV",  "LP"};

// Words that end a company name and stay in its key ("Scale AI", "Synergy Research Group").
constexpr const char* kDescSuffixes[] = {"Labs",
                                         "Technologies",
                                         "Systems",
                                         "Networks",
                                         "Robotics",
                                         "Semiconductor",
                                         "Semiconductors",
                                         "Software",
                                         "Therapeutics",
                                         "Pharmaceuticals",
                                         "Biosciences",
                                         "Ventures",
                                         "Capital",
                                         "Holdings",
                                         "Group",
                                         "Industries",
                                         "Dynamics",
                                         "Motors",
                                         "Airlines",
                                         "Airways",
                                         "Entertainment",
                                         "Studios",
                                         "Interactive",
                                         "Communications",
                                         "Electronics",
                                         "Analytics",
                                         "Research",
                                         "Partners",
                                         "AI",
                                         "Bank",
                                         "Microsystems",
                                         "Computing",
                                         "Innovations",
                                         "Automation",
                                         "Aerospace",
                                         "Biotech",
                                         "Telecom",
                                         "Energy",
                                         "Pharma",
                                         "Media"};

// Words before a name that mark a person (lower-case; "chief executive" etc. end in a word
// listed here).
constexpr const char* kPersonCues[] = {"ceo",
                                       "cto",
                                       "cfo",
                                       "coo",
                                       "cio",
                                       "ciso",
                                       "cmo",
                                       "cso",
                                       "founder",
                                       "cofounder",
                                       "co-founder",
                                       "chairman",
                                       "chairwoman",
                                       "chairperson",
                                       "president",
                                       "executive",
                                       "officer",
                                       "director",
                                       "analyst",
                                       "economist",
                                       "professor",
                                       "prof",
                                       "researcher",
                                       "scientist",
                                       "investor",
                                       "billionaire",
                                       "entrepreneur",
                                       "spokesperson",
                                       "spokesman",
                                       "spokeswoman",
                                       "senator",
                                       "sen",
                                       "rep",
                                       "representative",
                                       "congressman",
                                       "congresswoman",
                                       "governor",
                                       "gov",
                                       "mayor",
                                       "secretary",
                                       "minister",
                                       "chancellor",
                                       "commissioner",
                                       "judge",
                                       "dr",
                                       "mr",
                                       "mrs",
                                       "ms",
                                       "said",
                                       "says",
                                       "told",
                                       "author",
                                       "reporter",
                                       "journalist",
                                       "editor",
                                       "vp",
                                       "boss",
                                       "lawmaker",
                                       "engineer",
                                       "developer",
                                       "cardiologist",
                                       "physician",
                                       "ethicist",
                                       "designer",
                                       "partner",
                                       "manager",
                                       "head",
                                       "leader",
                                       "lead",
                                       "advisor",
                                       "adviser",
                                       "consultant",
                                       "president-elect",
                                       "co-founders",
                                       "cofounders",
                                       "founders",
                                       "by"};

// Role nouns that make "Name, a/the ... ROLE" or "Name is ... ROLE" a person.
constexpr const char* kPersonRoles[] = {
    "ceo",        "cto",          "cfo",        "coo",         "cio",          "ciso",
    "founder",    "co-founder",   "cofounder",  "chairman",    "chairwoman",   "president",
    "executive",  "officer",      "director",   "analyst",     "economist",    "professor",
    "researcher", "scientist",    "investor",   "billionaire", "entrepreneur", "spokesperson",
    "spokesman",  "spokeswoman",  "senator",    "lawmaker",    "engineer",     "developer",
    "partner",    "manager",      "head",       "leader",      "author",       "writer",
    "reporter",   "journalist",   "editor",     "lawyer",      "attorney",     "consultant",
    "adviser",    "advisor",      "fellow",     "student",     "biologist",    "physicist",
    "chemist",    "cardiologist", "physician",  "doctor",      "ethicist",     "philosopher",
    "historian",  "psychologist", "designer",   "programmer",  "researcher",   "vp",
    "chief",      "co-author",    "cofounders", "scholar",     "expert",       "strategist",
    "specialist"};

// Roles after which "of/at Y" names a company.
constexpr const char* kCompanyRoles[] = {
    "ceo",        "cto",         "cfo",      "coo",        "cio",       "ciso",    "founder",
    "co-founder", "cofounder",   "chairman", "chairwoman", "executive", "officer", "president",
    "cofounders", "co-founders", "founders", "investor",   "partner",   "chief"};

// Nouns that make "X-based ... NOUN Y", "startup Y" or "Y, a ... NOUN" a company.
constexpr const char* kCompanyNouns[] = {
    "startup",    "company",   "firm",      "maker",        "chipmaker",  "automaker",
    "carmaker",   "developer", "provider",  "unicorn",      "giant",      "outfit",
    "operator",   "retailer",  "lender",    "fintech",      "insurer",    "manufacturer",
    "supplier",   "vendor",    "publisher", "conglomerate", "subsidiary", "rival",
    "competitor", "spinoff",   "spin-off",  "brokerage",    "bank"};

// Nouns that introduce a company name right after them ("AI startup Glean").
constexpr const char* kCompanyIntro[] = {"startup", "chipmaker", "automaker",  "carmaker",
                                         "firm",    "unicorn",   "subsidiary", "brokerage"};

// Words before "on/via X" that make X a share button or social link, not a mention.
constexpr const char* kChromeVerbs[] = {
    "share", "follow", "like", "find", "subscribe", "connect", "join",    "watch", "listen",
    "tweet", "email",  "us",   "post", "pin",       "message", "discuss", "view",  "read"};

// Titles that may precede a lone surname ("President Trump", "Mr Musk").
constexpr const char* kTitleWords[] = {
    "President", "CEO",        "Chairman",     "Chairwoman",  "Senator",
    "Sen",       "Rep",        "Mr",           "Mrs",         "Ms",
    "Dr",        "Prof",       "Professor",    "Governor",    "Gov",
    "Secretary", "Minister",   "Chancellor",   "Judge",       "Justice",
    "Sir",       "Lord",       "Lady",         "Dame",        "Former",
    "Founder",   "Co",         "Vice",         "Premier",     "Prime",
    "General",   "Gen",        "Candidate",    "Congressman", "Congresswoman",
    "Speaker",   "Leader",     "Commissioner", "Chief",       "Executive",
    "Boss",      "Billionaire"};

constexpr const char* kAbbreviations[] = {
    "Mr",  "Mrs",    "Ms",   "Dr",  "Prof", "St",  "Inc", "Corp", "Co",    "Ltd",  "Jr",
    "Sr",  "vs",     "No",   "Gen", "Sen",  "Rep", "Gov", "Lt",   "Col",   "Capt", "Mt",
    "Ft",  "Jan",    "Feb",  "Mar", "Apr",  "Aug", "Sep", "Sept", "Oct",   "Nov",  "Dec",
    "etc", "approx", "Bros", "Ave", "Rd",   "Fig", "Vol", "Mass", "Calif", "Conn", "Wash",
    "Ill", "Penn",   "Pa",   "Va",  "Ga",   "Fla", "Tex"};

// Words that may precede "of" inside a company name ("Bank of New York Co").
const ViewSet kOfHeads = {"Bank",        "Banks",   "Trust",        "Union",     "Society",
                          "Association", "Company", "Corporation",  "Institute", "Board",
                          "Mutual",      "Life",    "Insurance",    "Republic",  "Federation",
                          "Group",       "Savings", "Commonwealth", "Church",    "Hospital",
                          "Museum",      "Academy", "Exchange"};

// Words trimmed from the front of a rule-found company name.
constexpr const char* kLeadingWords[] = {
    "the",       "a",         "an",        "rival",   "rivals",    "former",    "both",
    "its",       "their",     "his",       "her",     "our",       "unit",      "subsidiary",
    "shares",    "parent",    "owner",     "says",    "said",      "yesterday", "today",
    "meanwhile", "however",   "also",      "and",     "but",       "when",      "while",
    "after",     "before",    "as",        "at",      "by",        "for",       "from",
    "in",        "on",        "with",      "to",      "of",        "if",        "since",
    "because",   "although",  "though",    "then",    "now",       "so",        "why",
    "how",       "what",      "where",     "who",     "which",     "this",      "that",
    "these",     "those",     "even",      "only",    "just",      "unlike",    "like",
    "including", "analysts",  "investors", "last",    "earlier",   "later",     "under",
    "over",      "chipmaker", "startup",   "monday",  "tuesday",   "wednesday", "thursday",
    "friday",    "saturday",  "sunday",    "january", "february",  "march",     "april",
    "may",       "june",      "july",      "august",  "september", "october",   "november",
    "december",  "both",      "all",       "some",    "many",      "most",      "other",
    "such",      "each"};

constexpr const char* kExchanges[] = {
    "NASDAQ", "Nasdaq",   "NYSE",     "LSE",   "TSX", "TSE", "HKEX", "SEHK", "ASX", "AMEX", "OTC",
    "OTCQX",  "NASDAQGS", "Euronext", "XETRA", "SIX", "KRX", "SSE",  "SZSE", "BSE", "NSE"};

enum LexBit : std::uint32_t {
  kLxLegal = 1u << 0,
  kLxDesc = 1u << 1,
  kLxTitle = 1u << 2,
  kLxExchange = 1u << 3,
  kLxPersonCue = 1u << 4,
  kLxPersonRole = 1u << 5,
  kLxCompanyRole = 1u << 6,
  kLxCompanyNoun = 1u << 7,
  kLxCompanyIntro = 1u << 8,
  kLxChromeVerb = 1u << 9,
  kLxLeading = 1u << 10,
  kLxDone = 1u << 31,
};

struct WordSets {
  std::unordered_map<std::string_view, std::uint32_t, SvHash> exact_bits, lower_bits;
  ViewSet common, person_cues, person_roles, company_roles, company_nouns, company_intro,
      chrome_verbs, title_words, abbreviations, exchanges, legal, desc, leading;
  WordSets() {
    std::string_view all(kCommonWords);
    std::size_t i = 0;
    while (i < all.size()) {
      while (i < all.size() && (all[i] == ' ' || all[i] == '\n')) ++i;
      std::size_t j = i;
      while (j < all.size() && all[j] != ' ' && all[j] != '\n') ++j;
      if (j > i) common.insert(all.substr(i, j - i));
      i = j;
    }
    for (const char* w : kPersonCues) person_cues.insert(w);
    for (const char* w : kPersonRoles) person_roles.insert(w);
    for (const char* w : kCompanyRoles) company_roles.insert(w);
    for (const char* w : kCompanyNouns) company_nouns.insert(w);
    for (const char* w : kCompanyIntro) company_intro.insert(w);
    for (const char* w : kChromeVerbs) chrome_verbs.insert(w);
    for (const char* w : kTitleWords) title_words.insert(w);
    for (const char* w : kAbbreviations) {
      abbreviations.insert(w);
      abbreviation_max = std::max(abbreviation_max, std::string_view(w).size());
    }
    for (const char* w : kExchanges) exchanges.insert(w);
    for (const char* w : kLegalSuffixes) legal.insert(w);
    for (const char* w : kDescSuffixes) desc.insert(w);
    for (const char* w : kLeadingWords) leading.insert(w);
    auto put = [](auto& m, const auto& set, std::uint32_t bit) {
      for (std::string_view w : set) m[w] |= bit;
    };
    put(exact_bits, legal, kLxLegal);
    put(exact_bits, desc, kLxDesc);
    put(exact_bits, title_words, kLxTitle);
    put(exact_bits, exchanges, kLxExchange);
    put(lower_bits, person_cues, kLxPersonCue);
    put(lower_bits, person_roles, kLxPersonRole);
    put(lower_bits, company_roles, kLxCompanyRole);
    put(lower_bits, company_nouns, kLxCompanyNoun);
    put(lower_bits, company_intro, kLxCompanyIntro);
    put(lower_bits, chrome_verbs, kLxChromeVerb);
    put(lower_bits, leading, kLxLeading);
    auto shape = [&](std::string_view w) {
      if (!w.empty() && w.size() < lex_shapes.size())
        lex_shapes[w.size()] |= 1u << (static_cast<u8>(ascii_lower(w[0])) & 31);
    };
    for (const auto& [w, bits] : exact_bits) shape(w);
    for (const auto& [w, bits] : lower_bits) shape(w);
  }
  /// Bit (first byte, lower-cased, & 31) of lex_shapes[n]: some word of exact_bits or
  /// lower_bits has n bytes and starts so. A cheap test before a look-up.
  std::array<std::uint32_t, 17> lex_shapes{};
  std::size_t abbreviation_max = 0;  ///< longest of kAbbreviations
};

const WordSets& words() {
  static const WordSets w;
  return w;
}

bool ends_with(std::string_view s, std::string_view suf) {
  if (s.size() < suf.size()) return false;
  const char* tail = s.data() + (s.size() - suf.size());
  for (std::size_t k = 0; k < suf.size(); ++k)  // short suffixes: no call to memcmp
    if (tail[k] != suf[k]) return false;
  return true;
}

}  // namespace

// ------------------------------------------------------------------------ text helpers

std::string lower_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const u8*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {  // a run of ASCII bytes at once
      std::size_t j = i + 1;
      while (j < n && p[j] < 0x80) ++j;
      const std::size_t o = out.size();
      out.resize(o + (j - i));
      char* d = out.data() + o;
      for (std::size_t k = i; k < j; ++k) *d++ = ascii_lower(static_cast<char>(p[k]));
      i = j;
      continue;
    }
    std::uint32_t cp = 0;
    const int len = decode(p, n, i, cp);
    if (len == 0) {
      ++i;
      continue;
    }
    const UChar32 lc = u_tolower(static_cast<UChar32>(cp));
    char buf[4];
    std::int32_t k = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), k, 4, lc, err);
    if (!err) out.append(buf, static_cast<std::size_t>(k));
    i += static_cast<std::size_t>(len);
  }
  return out;
}

std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const u8 c = static_cast<u8>(s[i]);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    std::size_t skip = 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<u8>(s[i + 1]) == 0xA0) space = true, skip = 2;
    if (space) {
      pending = !out.empty();
      i += skip - 1;
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string_view strip_possessive(std::string_view s) {
  if (ends_with(s, "'s") || ends_with(s, "'S")) return s.substr(0, s.size() - 2);
  if (ends_with(s, "\xE2\x80\x99s") || ends_with(s, "\xE2\x80\x99S"))
    return s.substr(0, s.size() - 4);
  if (s.size() > 2 && ends_with(s, "s'")) return s.substr(0, s.size() - 1);
  if (s.size() > 4 && ends_with(s, "s\xE2\x80\x99")) return s.substr(0, s.size() - 3);
  return s;
}

std::string_view clamp_utf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t n = max;
  while (n > 0 && (static_cast<u8>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

namespace {
bool has_common_ending(std::string_view w) {
  const std::size_t n = w.size();
  // Endings of ordinary vocabulary.
  struct End {
    std::string_view s;
    std::size_t min;
  };
  static constexpr End kEnds[] = {
      {"ing", 6},   {"tion", 6},  {"sion", 6}, {"ment", 8}, {"ness", 7}, {"ity", 6},
      {"ical", 7},  {"ally", 6},  {"ized", 7}, {"ised", 7}, {"able", 7}, {"ible", 7},
      {"ous", 6},   {"ive", 7},   {"ful", 6},  {"less", 7}, {"ship", 7}, {"tions", 7},
      {"ments", 8}, {"ities", 7}, {"ings", 7}, {"ists", 6}, {"ance", 8}, {"ated", 7},
      {"izes", 7},  {"ises", 7},  {"ward", 7}, {"wards", 8}};
  const char last = w[n - 1];
  for (const End& e : kEnds)
    if (n >= e.min && e.s.back() == last && ends_with(w, e.s)) return true;
  return false;
}
}  // namespace

bool is_common_word(std::string_view w) {
  if (w.empty()) return true;
  const auto& c = words().common;
  if (c.count(w)) return true;
  const std::size_t n = w.size();
  // Plurals and third persons of listed words.
  if (n > 3 && w[n - 1] == 's') {
    if (c.count(w.substr(0, n - 1))) return true;
    if (n > 4 && w[n - 2] == 'e' && c.count(w.substr(0, n - 2))) return true;
  }
  return has_common_ending(w);
}

void add_scanner_words(WordTable& table) {
  const WordSets& w = words();
  for (const auto& [word, bits] : w.exact_bits) {
    std::string key(word);
    for (char& c : key) c = ascii_lower(c);
    table.variant(key, word).exact_bits |= bits;
  }
  for (const auto& [word, bits] : w.lower_bits) table.at(word).lower_bits |= bits;
  for (std::string_view word : w.common) {
    table.at(word).common = true;
    // The plurals is_common_word() accepts: "w" + "s" over 3 bytes, "w" + "es" over 4.
    if (word.size() + 1 > 3) table.at(std::string(word) + "s").common_plural = true;
    if (word.size() + 2 > 4) table.at(std::string(word) + "es").common_plural = true;
  }
}

// ------------------------------------------------------------------------ tokenizer

void tokenize_names(std::string_view text, std::vector<NameToken>& out) {
  out.clear();
  const auto* p = reinterpret_cast<const u8*>(text.data());
  // Offsets are 32-bit: a (pathological) text beyond 4 GB is scanned up to that limit.
  const std::size_t n = std::min<std::size_t>(text.size(), 0xFFFFFFF0u);
  out.reserve(n / 5 + 16);
  const auto& W = words();

  // Hard-wrapped text (newswires: lines of ~65 columns, paragraphs indented): a single line
  // break inside a paragraph is just a space.
  bool wrapped = false;
  {
    std::size_t lines = 0, wrap_like = 0, pos = 0;
    while (pos < n && lines < 4096) {
      const void* nl = std::memchr(p + pos, '\n', n - pos);
      const std::size_t e = nl ? static_cast<std::size_t>(static_cast<const u8*>(nl) - p) : n;
      if (!nl) break;
      ++lines;
      const std::size_t len = e - pos;
      if (len >= 40 && len <= 80) {
        const u8 last = p[e - 1] == '\r' && e - 1 > pos ? p[e - 2] : p[e - 1];
        if (last != '.' && last != '!' && last != '?' && last != ':' && last != ' ') ++wrap_like;
      }
      pos = e + 1;
    }
    wrapped = lines >= 4 && wrap_like * 2 >= lines;
  }
  // Two properties tracked token by token as the tokens are made:
  // Headings: short lines without final punctuation whose long words are mostly capitalised.
  // Capitalised runs (menus, tag clouds, share bars): at least 7 capitalised words joined
  // only by spaces, "and", "&", commas, slashes, dashes and hyphenated lower-case parts.
  // The closes only add kHeading / kTitleRun to tokens already made.
  std::size_t ls = 0;                        // first token of the current line
  int words_n = 0, line_caps = 0, lows = 0;  // of its first 16 words
  auto close_line = [&](std::size_t le) {
    NameToken* const tok = out.data();
    bool terminal = false;
    std::size_t k = le;
    while (k > ls) {
      const NameToken& t = tok[k - 1];
      if ((t.flags & kPunct) &&
          (t.cp == '"' || t.cp == 0x201D || t.cp == 0x2019 || t.cp == '\'' || t.cp == ')')) {
        --k;
        continue;
      }
      terminal = (t.flags & kPunct) && (t.cp == '.' || t.cp == '!' || t.cp == '?' ||
                                        t.cp == 0x2026 || t.cp == ',' || t.cp == ';');
      break;
    }
    if (words_n > 0 && words_n <= 14 && !terminal && (line_caps >= lows || words_n <= 3))
      for (std::size_t q = ls; q < le; ++q) tok[q].flags |= kHeading;
  };
  constexpr int kRunMin = 7;
  std::size_t rs = 0;
  int caps = 0;
  auto close_run = [&](std::size_t re) {
    if (caps >= kRunMin) {
      NameToken* const tok = out.data();
      for (std::size_t q = rs; q < re; ++q) tok[q].flags |= kTitleRun;
    }
  };
  // Called with each token (flags final) just before it is appended as token k.
  auto track = [&](const NameToken t) {
    const std::size_t k = out.size();
    if (t.flags & kNewlineBefore) {
      if (k > ls) {
        close_line(k);
        ls = k;
        words_n = line_caps = lows = 0;
      }
      close_run(k);
      rs = k;
      caps = 0;
    }
    if (words_n <= 15 && (t.flags & kWord)) {
      ++words_n;
      if (t.end - t.begin > 3) {
        if (t.flags & kUpperFirst)
          ++line_caps;
        else if (t.flags & kHasLower)
          ++lows;
      }
    }
    bool bridge = false, cap = false;
    if (t.flags & kWord) {
      if (t.flags & kUpperFirst)
        cap = true;
      else if (t.flags & kHasDigit && !(t.flags & kHasLower))
        bridge = true;
      else {
        const u8* w = p + t.begin;
        const std::size_t wn = t.end - t.begin;
        const bool and_or = (wn == 3 && w[0] == 'a' && w[1] == 'n' && w[2] == 'd') ||
                            (wn == 2 && w[0] == 'o' && w[1] == 'r');
        bridge = and_or || !(t.flags & kSpaceBefore);
      }
    } else {
      const std::uint32_t q = t.cp;
      bridge = q == ',' || q == '&' || q == '/' || q == '|' || q == '(' || q == ')' || q == '+' ||
               q == '#' || q == 0xB7 || is_dash(q) || q == 0x2014 || is_apostrophe(q);
    }
    if (cap) {
      if (caps == 0) rs = k;
      ++caps;
    } else if (!bridge) {
      close_run(k);
      caps = 0;
      rs = k + 1;
    }
  };
  bool space = true, newline = true, pending_start = true, line_has_lower = false;
  std::size_t i = 0;
  while (i < n) {
    const u8 c = p[i];
    std::uint32_t cp = c;
    int len = 1;
    u8 cls;
    if (c < 0x80) {
      cls = kAscii[c];
    } else {
      len = decode(p, n, i, cp);
      if (len == 0) {  // invalid byte: a separator
        space = true;
        ++i;
        continue;
      }
      switch (classify_non_ascii(cp)) {
        case NA::letter:
          cls = kLowerC;
          break;  // refined below
        case NA::space:
          cls = kSpaceC;
          break;
        case NA::newline:
          cls = kNewlineC;
          break;
        default:
          cls = kPunctC;
          break;
      }
    }
    if (cls == kSpaceC || cls == kCtrlC) {
      space = true;
      i += static_cast<std::size_t>(len);
      continue;
    }
    if (cls == kNewlineC && wrapped && c == '\n' && i > 0 && i + 1 < n && p[i - 1] > ' ' &&
        p[i + 1] > ' ' && line_has_lower) {  // soft line break
      space = true;
      ++i;
      continue;
    }
    if (cls == kNewlineC) {
      line_has_lower = false;
      space = newline = pending_start = true;
      i += static_cast<std::size_t>(len);
      continue;
    }
    // The token's fields stay in locals until it is appended in one piece.
    const auto tbegin = static_cast<std::uint32_t>(i);
    const std::uint32_t tflags = (space ? kSpaceBefore : 0u) | (newline ? kNewlineBefore : 0u);
    std::uint32_t f;
    space = newline = false;
    if (cls == kPunctC) {
      i += static_cast<std::size_t>(len);
      // Sentence boundaries.
      if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == 0x2022 || cp == 0x2026 ||
          cp == '|' || cp == ';') {
        bool boundary = true;
        if (cp == '.' && !out.empty()) {
          const NameToken& prev = out.back();
          if ((prev.flags & kWord) && prev.end == tbegin) {
            const std::string_view pw(text.data() + prev.begin, prev.end - prev.begin);
            if ((pw.size() == 1 && (prev.flags & kUpperFirst)) ||
                (pw.size() <= W.abbreviation_max && W.abbreviations.count(pw)))
              boundary = false;
          }
          if (i < n && (kAscii[p[i] & 0x7F] == kDigitC) && p[i] < 0x80) boundary = false;
        }
        if (cp == ';') boundary = false;
        if (boundary) pending_start = true;
      }
      f = tflags | kPunct;
    } else {  // a word: ASCII letters/digits and UTF-8 letters
      f = tflags | kWord;
      bool upper_first = false;
      if (c < 0x80) {
        upper_first = cls == kUpperC;
        f |= kAsciiWordFlags[c];
        ++i;
      }
      while (i < n) {
        if constexpr (std::endian::native == std::endian::little) {
          if (n - i >= 8) {  // eight bytes at a time while they are ASCII letters and digits
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            const std::uint64_t lo = ascii_in_range(w, 'a', 'z');
            const std::uint64_t up = ascii_in_range(w, 'A', 'Z');
            const std::uint64_t dg = ascii_in_range(w, '0', '9');
            const std::uint64_t stop = ~(lo | up | dg) & kHighBits;
            const unsigned k = stop ? static_cast<unsigned>(std::countr_zero(stop)) >> 3 : 8u;
            const std::uint64_t keep =
                k == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * k)) - 1;
            if (lo & keep) f |= kHasLower;
            if (up & keep) f |= kHasUpper;
            if (dg & keep) f |= kHasDigit;
            i += k;
            if (k == 8) continue;
            if (p[i] < 0x80) break;  // an ASCII byte that is not a letter or digit ends it
          }
        }
        const u8 d = p[i];
        if (d < 0x80) {  // one table look-up per byte
          const std::uint32_t b = kAsciiWordFlags[d];
          if (!b) break;
          f |= b;
          ++i;
          continue;
        }
        std::uint32_t dcp = d;
        const int dl = decode(p, n, i, dcp);
        if (dl == 0 || classify_non_ascii(dcp) != NA::letter) break;
        f |= kNonAscii;
        const UChar32 u = static_cast<UChar32>(dcp);
        if (u_isupper(u) || u_istitle(u)) {
          f |= kHasUpper;
          if (i == tbegin) upper_first = true;
        } else if (u_islower(u)) {
          f |= kHasLower;
        }
        i += static_cast<std::size_t>(dl);
      }
      if (upper_first) f |= kUpperFirst;
      if (f & kHasLower) line_has_lower = true;
      if (i - tbegin > kMaxTokenBytes) f |= kLong;
      if (pending_start) f |= kSentenceStart;
      pending_start = false;
    }
    const NameToken t{tbegin, static_cast<std::uint32_t>(i), cp, f};
    track(t);
    out.push_back(t);
  }

  const std::size_t count = out.size();
  if (count > ls) close_line(count);
  close_run(count);
}

// ------------------------------------------------------------------------ recogniser

namespace {

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
const WordInfo kUnknownInfo{};

class Scan {
 public:
  Scan(const Gazetteer& g, std::string_view text, ScanBuffers& b)
      : g_(g),
        table_(g.word_table()),
        text_(text),
        W(words()),
        t_(b.tokens),
        covered_(b.covered),
        cands_(b.cands),
        caps_(b.caps),
        caps_all_(b.caps_all),
        gaz_starts_(b.gaz_starts),
        common_(b.common),
        lex_(b.lex),
        info_(b.info),
        lower_text_(b.lower_text),
        wanted_lower_(b.wanted_lower),
        seen_lower_(b.seen_lower) {
    tokenize_names(text, t_);
    covered_.assign(t_.size(), 0);
    common_.assign(t_.size(), -1);
    lex_.assign(t_.size(), 0);
    info_.assign(t_.size(), &kUnknownInfo);
    cands_.clear();
    wanted_lower_.clear();
    seen_lower_.clear();
    lower_text_.resize(text.size());
    {
      const auto* src = reinterpret_cast<const u8*>(text.data());
      auto* dst = reinterpret_cast<u8*>(lower_text_.data());
      const std::size_t len = text.size();
      for (std::size_t k = 0; k < len; ++k) {
        const u8 ch = src[k];
        dst[k] = static_cast<u8>(ch + (static_cast<u8>(ch - 'A') < 26 ? 32 : 0));
      }
    }
    {
      // Every capitalised word, and every token a gazetteer alias may start at (a word with
      // a capital or a digit, or punctuation starting an alias, whose first two bytes start
      // some alias), collected without a branch per token.
      caps_all_.resize(t_.size());
      gaz_starts_.resize(t_.size());
      const NameToken* tok = t_.data();
      const auto* low = reinterpret_cast<const u8*>(lower_text_.data());
      std::size_t m = 0, gn = 0;
      for (std::size_t k = 0; k < t_.size(); ++k) {
        const NameToken& t = tok[k];
        const std::uint32_t f = t.flags;
        caps_all_[m] = static_cast<std::uint32_t>(k);
        m += (f & (kWord | kLong | kUpperFirst)) == (kWord | kUpperFirst);
        const bool word_ok =
            ((f & (kWord | kLong)) == kWord) & ((f & (kHasUpper | kHasDigit)) != 0);
        const bool punct_ok =
            ((f & kWord) == 0) & g_.punct_starts_alias(static_cast<u8>(t.cp < 128 ? t.cp : 0));
        const u8 b0 = low[t.begin];
        const u8 b1 = t.end - t.begin > 1 ? low[t.begin + 1] : 0;
        gaz_starts_[gn] = static_cast<std::uint32_t>(k);
        gn += (word_ok | punct_ok) & g_.may_start_folded(b0, b1);
      }
      caps_all_.resize(m);
      gaz_starts_.resize(gn);
    }
    mark_credits();
  }

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
  bool lower_seen(std::size_t i) const { return seen_lower_.find(lower(i)) != seen_lower_.end(); }
  void find_lower_occurrences();

  void propagate();
  void resolve(std::vector<Entity>& out);

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
bool Scan::common_lookup(std::size_t i) const {
  const std::string_view w = lower(i);
  if (w.empty()) return true;
  const WordInfo* direct = info(i);
  if (direct && (direct->common || direct->common_plural)) return true;
  return has_common_ending(w);
}

// --------------------------------------------------------------- page chrome

// Photo credits ("Photograph: Jane Doe/Getty Images", "(Photo by Jane Doe via Getty
// Images)", "Illustration: WIRED Staff; Getty Images") name photographers and agencies,
// not the story's subjects: their tokens are claimed up front so nothing matches there.
void Scan::mark_credits() {
  static constexpr std::string_view kTriggers[] = {
      "photograph",   "photographs",   "photo",       "photos",   "photography",
      "illustration", "illustrations", "image",       "images",   "credit",
      "credits",      "courtesy",      "artwork",     "graphic",  "caption",
      "video",        "photographer",  "illustrator", "animation"};
  // Bit c - 'a' of kShapes[n]: some trigger has n bytes and starts with c.
  static constexpr auto kShapes = [] {
    std::array<std::uint32_t, 14> m{};
    for (std::string_view w : kTriggers) m[w.size()] |= 1u << (w[0] - 'a');
    return m;
  }();
  const std::size_t n = t_.size();
  const NameToken* tok = t_.data();
  const auto* low = reinterpret_cast<const u8*>(lower_text_.data());
  for (std::size_t i = 0; i + 1 < n; ++i) {
    // One rarely taken branch: the length and first letter of some trigger, a plain word.
    const std::size_t len = tok[i].end - tok[i].begin;
    const unsigned f = static_cast<unsigned>(low[tok[i].begin]) - 'a';
    const bool shape = (len < 14) & (f < 26) & (kShapes[len < 14 ? len : 0] >> (f & 31) & 1) &
                       ((tok[i].flags & (kWord | kLong | kHasDigit)) == kWord);
    if (!shape) continue;
    bool trigger = false;
    const std::string_view lw = lower(i);
    for (std::string_view w : kTriggers)
      if (w == lw) {
        trigger = true;
        break;
      }
    if (!trigger) continue;
    std::size_t k = i + 1;
    if (punct(k, ':') && glued(k))
      ++k;
    else if ((lower_is(k, "by") || lower_is(k, "of")) && spaced(k) && has(i, kUpperFirst))
      ++k;
    else
      continue;
    for (std::size_t steps = 0; k < n && steps < 16; ++k, ++steps) {
      if (has(k, kNewlineBefore) || punct(k, ')') || punct(k, '.') || punct(k, '|')) break;
      covered_[k] = 1;
    }
  }
}

// Runs of three or more brand names separated only by spaces ("Facebook X Pinterest
// YouTube Instagram Tiktok"): social-link bars and menus, not mentions.
void Scan::drop_link_bars() {
  std::size_t g = 0;
  while (g < cands_.size()) {
    std::size_t h = g + 1;
    auto single = [&](const Cand& c) {
      return c.te == c.tb + 1 && c.kind != EntityKind::person && word(c.tb);
    };
    if (!single(cands_[g])) {
      g = h;
      continue;
    }
    std::size_t members = 1;
    while (h < cands_.size() && single(cands_[h])) {
      const Cand& a = cands_[h - 1];
      const Cand& b = cands_[h];
      if (!spaced(b.tb)) break;
      std::size_t between = b.tb - a.te;
      if (between > 1) break;
      if (between == 1 && !(capw(a.te) && spaced(a.te) && t_[a.te].end - t_[a.te].begin <= 8))
        break;
      ++members;
      ++h;
    }
    if (members >= 3)
      for (std::size_t k = g; k < h; ++k) {
        cands_[k].dead = true;
        for (std::uint32_t q = cands_[k].tb; q < cands_[k].te; ++q) covered_[q] = 1;
      }
    g = h;
  }
}

// --------------------------------------------------------------- gazetteer matching

bool Scan::match_alias(const Alias& a, std::size_t i, std::size_t& end) const {
  const std::size_t n = a.tokens.size();
  if (i + n > t_.size()) return false;
  for (std::size_t k = 0; k < n; ++k) {
    const AliasToken& at = a.tokens[k];
    const NameToken& t = t_[i + k];
    if (k > 0) {
      if (t.flags & kNewlineBefore) return false;
      if (bool(t.flags & kSpaceBefore) != at.space_before) return false;
    }
    if (covered_[i + k]) return false;
    std::string_view s = tx(i + k);
    if (at.mode == AliasMode::punct) {
      if (!(t.flags & kPunct)) return false;
      if (s == at.text) continue;
      std::uint32_t acp = 0;
      const auto* ap = reinterpret_cast<const u8*>(at.text.data());
      if (at.text.empty() ||
          (ap[0] < 0x80 ? (acp = ap[0], true) : decode(ap, at.text.size(), 0, acp) > 0)) {
        if (is_apostrophe(acp) && is_apostrophe(t.cp)) continue;
        if (is_dash(acp) && is_dash(t.cp)) continue;
      }
      return false;
    }
    if (!(t.flags & kWord) || (t.flags & kLong) || s.size() != at.text.size()) return false;
    switch (at.mode) {
      case AliasMode::exact:  // sizes are equal (checked above)
        if (!same_bytes(s.data(), at.text.data(), s.size())) return false;
        break;
      case AliasMode::cap:
        if (s[0] != at.text[0]) return false;
        for (std::size_t q = 1; q < s.size(); ++q)
          if (ascii_lower(s[q]) != ascii_lower(at.text[q])) return false;
        break;
      case AliasMode::mixed:
        if (!(t.flags & kHasUpper)) return false;
        [[fallthrough]];
      case AliasMode::lower:
        for (std::size_t q = 0; q < s.size(); ++q)
          if (ascii_lower(s[q]) != ascii_lower(at.text[q])) return false;
        break;
      default:
        return false;
    }
  }
  end = i + n;
  return true;
}

bool Scan::exchange_context(std::size_t i, std::size_t end) const {
  // "$MSFT"
  if (i >= 1 && punct(i - 1, '$') && glued(i)) return true;
  // "<IBM>" (Reuters); one-letter tickers only as "$T" (they were reassigned over time)
  if (i >= 1 && punct(i - 1, '<') && glued(i) && end < t_.size() && punct(end, '>') && glued(end) &&
      t_[end - 1].end - t_[i].begin >= 2)
    return true;
  // "NASDAQ: MSFT", "(NYSE:IBM)"
  if (i >= 2 && punct(i - 1, ':') && word(i - 2) && is(i - 2, kLxExchange)) return true;
  return false;
}

bool Scan::chrome_context(std::size_t i, std::size_t end) const {
  // "Share on Facebook", "Follow us on Twitter", "Find us via LinkedIn"
  if (i >= 2 && (lower_is(i - 1, "on") || lower_is(i - 1, "via") || lower_is(i - 1, "to"))) {
    for (std::size_t k = i - 1; k-- > 0 && k + 4 >= i;) {
      if (has(k + 1, kNewlineBefore)) break;
      if (is(k, kLxChromeVerb)) return lower_is(i - 1, "to") ? lower_is(k, "subscribe") : true;
    }
  }
  // "VentureBeat Homepage", "© 2023 VentureBeat", "Copyright 2024 Wired"
  if (end < t_.size() && lower_is(end, "homepage")) return true;
  for (std::size_t k = i, steps = 0; k-- > 0 && steps < 4; ++steps) {
    if (has(k + 1, kNewlineBefore)) break;
    if (punct(k, 0xA9) || lower_is(k, "copyright")) return true;
    if (!(word(k) && has(k, kHasDigit) && !has(k, kHasLower)) && !punct(k, ',') && !punct(k, '-'))
      break;
  }
  return false;
}

bool Scan::accept_gazetteer(const Alias& a, std::size_t i, std::size_t end, Cand& c) const {
  const GazEntry& e = g_.entry(a.entry);
  const bool single = end - i == 1;
  c.tb = static_cast<std::uint32_t>(i);
  c.te = static_cast<std::uint32_t>(end);
  c.b = t_[i].begin;
  c.e = t_[end - 1].end;
  c.kind = e.kind;
  c.key = e.key;
  c.entry = static_cast<std::int32_t>(a.entry);

  if (a.role == AliasRole::ticker || a.role == AliasRole::dollar_ticker) {
    const bool ctx = exchange_context(i, end);
    if (a.role == AliasRole::dollar_ticker && !ctx) return false;
    if (i >= 1 && punct(i - 1, '$') && glued(i)) {
      c.b = t_[i - 1].begin;
      c.tb = static_cast<std::uint32_t>(i - 1);
    }
    return true;
  }
  if (chrome_context(i, end)) return false;
  // "Jane Doe/Getty Images", "AFP/Getty": a photo credit.
  if (i >= 2 && punct(i - 1, '/') && glued(i - 1) && glued(i) && capw(i - 2)) return false;
  // "Block.one", "Meta.ai": part of a longer dotted name.
  if (end + 1 < t_.size() && punct(end, '.') && glued(end) && glued(end + 1) && word(end + 1) &&
      !has(end + 1, kUpperFirst) && has(end - 1, kWord))
    return false;

  // A capitalised word right before or after a single-word alias: part of a longer name
  // ("Orange County", "Taylor Swift", "Harrison Ford").
  const bool cap_before = i >= 1 && titlew(i - 1) && spaced(i) && !is(i - 1, kLxTitle) &&
                          !covered_[i - 1] && !(has(i - 1, kSentenceStart) && common(i - 1));
  const bool cap_after = end < t_.size() && titlew(end) && spaced(end) && !covered_[end];
  if (single && e.kind != EntityKind::person && cap_before && first_name(i - 1)) return false;
  if (a.weak || a.common) {
    if (has(i, kSentenceStart) || noisy(i)) return false;
    if (single && (cap_before || cap_after)) return false;
  }
  if (a.weak && !e.context.empty()) c.weak = true;
  if (a.role == AliasRole::surname) {
    if (cap_before || cap_after) return false;
    c.surname = true;
  }
  return true;
}

void Scan::gazetteer_pass() {
  std::size_t i = 0;  // matches start at or after i (the end of the previous one)
  for (const std::uint32_t k : gaz_starts_) {
    if (k < i || covered_[k]) continue;
    i = k;
    // Skip words glued to a preceding letter/digit word by an apostrophe etc. is not
    // needed: words are maximal, so a match always starts on a word boundary.
    const WordInfo* w = info(i);
    bool matched = false;
    if (w) {
      for (std::uint32_t ai : w->candidates) {
        const Alias& a = g_.alias(ai);
        std::size_t end = 0;
        if (!match_alias(a, i, end)) continue;
        Cand c;
        if (!accept_gazetteer(a, i, end, c)) continue;
        // The match must not end inside a word joined by an apostrophe-less glue such as
        // "Apple2" (impossible: words are maximal) or continue a dotted host name
        // ("apple.com" is lower-case, never eligible).
        claim(c);
        cands_.push_back(std::move(c));
        i = end;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
}

// --------------------------------------------------------------- rules

void Scan::add_rule(EntityKind kind, std::size_t tb, std::size_t te, std::size_t name_te,
                    std::string key, bool check_lower) {
  Cand c;
  c.tb = static_cast<std::uint32_t>(tb);
  c.te = static_cast<std::uint32_t>(te);
  c.name_te = static_cast<std::uint32_t>(name_te);
  c.b = t_[tb].begin;
  c.e = t_[te - 1].end;
  if (c.e - c.b > kMaxEntityBytes) return;
  if (key.empty() || key.size() > kMaxEntityBytes) return;
  c.kind = kind;
  c.key = std::move(key);
  c.rule = true;
  c.check_lower = check_lower;
  claim(c);
  cands_.push_back(std::move(c));
}

// One pass over the lower-case words for the few words the rules asked about.
void Scan::find_lower_occurrences() {
  if (wanted_lower_.empty()) return;
  std::uint64_t lengths = 0;  // bit n: some wanted word has n bytes
  // Bit (first byte, last byte) of the wanted words: most words are ruled out without a hash.
  static thread_local std::array<std::uint64_t, 256 * 256 / 64> ends{};
  auto end_bit = [](std::string_view w) {
    return static_cast<std::size_t>(static_cast<u8>(w.front())) * 256 + static_cast<u8>(w.back());
  };
  for (const std::string& w : wanted_lower_) {
    lengths |= 1ull << std::min<std::size_t>(w.size(), 63);
    if (!w.empty()) ends[end_bit(w) >> 6] |= 1ull << (end_bit(w) & 63);
  }
  const NameToken* tok = t_.data();
  const auto* p = reinterpret_cast<const u8*>(text_.data());
  for (std::size_t k = 0; k < t_.size(); ++k) {
    // One rarely taken branch: a lower-case word of a wanted length and first/last byte.
    const NameToken& t = tok[k];
    const std::size_t len = t.end - t.begin;
    const std::size_t eb = static_cast<std::size_t>(p[t.begin]) * 256 + p[t.end - 1];
    const bool maybe =
        ((t.flags & (kWord | kHasUpper | kHasDigit | kHasLower)) == (kWord | kHasLower)) &
        (len < 63) & (lengths >> (len & 63) & 1) & (ends[eb >> 6] >> (eb & 63) & 1);
    if (!maybe) continue;
    const std::string_view w = tx(k);
    if (wanted_lower_.find(w) != wanted_lower_.end()) seen_lower_.emplace(w);
  }
  for (const std::string& w : wanted_lower_)
    if (!w.empty()) ends[end_bit(w) >> 6] = 0;
}

/// Length in tokens of a person name starting at i: 2-4 capitalised words, an initial
/// ("J.") allowed in the middle. 0 if there is none.
std::size_t Scan::person_name_at(std::size_t i, bool need_first_name) const {
  if (!titlew(i) || covered_[i]) return 0;
  if (need_first_name && !first_name(i)) return 0;
  if (!need_first_name && common(i) && !first_name(i)) return 0;
  std::size_t k = i + 1, words_n = 1, last = i;
  bool split = false;
  while (k < t_.size() && words_n < 4) {
    if (!spaced(k) || covered_[k]) break;
    // middle initial "F."
    if (capw(k) && t_[k].end - t_[k].begin == 1 && k + 1 < t_.size() && punct(k + 1, '.') &&
        glued(k + 1)) {
      k += 2;
      continue;
    }
    if (!titlew(k) || common(k) || is(k, kLxLegal) || is(k, kLxDesc)) break;
    if (words_n >= 2 && first_name(k) && !first_name(last)) {
      split = true;  // "Sara Morrison Alex Murdaugh": two names side by side
      break;
    }
    last = k;
    ++words_n;
    ++k;
    // "Kilroy-Silk", "Bankman-Fried"
    while (k + 1 < t_.size() && has(k, kPunct) && is_dash(t_[k].cp) && glued(k) && glued(k + 1) &&
           titlew(k + 1) && !covered_[k + 1]) {
      last = k + 1;
      k += 2;
    }
  }
  if (words_n < 2) return 0;
  // A longer capitalised run goes on: an organisation or a title, not a person.
  if (!split && k < t_.size() && spaced(k) && capw(k)) return 0;
  // "Jonathan Guyer Formula 1": a number after the last word makes it a product/title.
  if (k < t_.size() && spaced(k) && word(k) && has(k, kHasDigit) && !has(k, kUpperFirst)) {
    if (words_n <= 2) return 0;
    std::size_t q = last;
    while (q > i && !word(q - 1)) --q;
    last = q - 1;
    while (last > i && !word(last)) --last;
    if (last == i) return 0;
  }
  const std::string_view ln = tx(last);
  if (starts_name(last)) return 0;  // "Will Apple ..."
  if (ln.size() < 2) return 0;
  return last + 1 - i;
}

/// Length in tokens of a company name starting at i: 1..max capitalised words, the first
/// one not a common word; "&" and "and" may join words. 0 if none.
std::size_t Scan::company_name_at(std::size_t i, std::size_t max_words) const {
  if (!namey(i)) return 0;
  std::size_t k = i + 1, words_n = 1, end = i + 1;
  while (k < t_.size() && words_n < max_words) {
    if (has(k, kNewlineBefore) || covered_[k]) break;
    if (spaced(k) && capw(k) && !is(k, kLxPersonCue | kLxCompanyRole)) {
      ++words_n;
      end = ++k;
      continue;
    }
    if (punct(k, '&') && spaced(k) && k + 1 < t_.size() && capw(k + 1) && spaced(k + 1) &&
        !covered_[k + 1]) {
      k += 2;
      ++words_n;
      end = k;
      continue;
    }
    if ((punct(k, '.') || is_dash(t_[k].cp)) && has(k, kPunct) && glued(k) && k + 1 < t_.size() &&
        word(k + 1) && glued(k + 1) && !covered_[k + 1]) {  // "Amazon.com", "Hewlett-Packard"
      k += 2;
      end = k;
      continue;
    }
    break;
  }
  return end - i;
}

// "Acme Corp", "Acme Holdings Inc.", "Procter & Gamble Co", "Texaco Inc <TX>".
bool Scan::rule_legal_suffix(std::size_t i) {
  if (!capw(i) || covered_[i] || !is(i, kLxLegal)) return false;
  std::string_view suf = tx(i);
  // The suffix must follow the name (space, or ", Inc.").
  std::size_t j = i;  // exclusive end of the name part
  if (i >= 1 && punct(i - 1, ',') && glued(i - 1) && spaced(i))
    j = i - 1;
  else if (!spaced(i))
    return false;
  if (j == 0) return false;
  // "Kidder Peabody and Co": the connector belongs to the suffix.
  if (suf == "Co" && j >= 2 && (punct(j - 1, '&') || lower_is(j - 1, "and")) && spaced(j - 1)) --j;
  // "Co Ltd", "Holdings Plc": handled from the first suffix word.
  if (capw(j - 1) && is(j - 1, kLxLegal)) return false;
  // Short, ambiguous suffixes need a strong name before them.
  const bool weak_suffix = suf == "SA" || suf == "AG" || suf == "AB" || suf == "NV" ||
                           suf == "BV" || suf == "KK" || suf == "LP" || suf == "Co" || suf == "ASA";
  // Walk back over the name.
  std::size_t b = j, words_n = 0;
  bool mixed_case = false;  // a word with lower-case letters seen
  while (b > 0 && words_n < 5) {
    const std::size_t k = b - 1;
    if (covered_[k]) break;
    if (capw(k) && (is(k, kLxLegal) || (is(k, kLxLeading) && spaced(k + 1)))) break;
    // "SALE OF ASSETS McLean Industries Inc": an all-caps headline before the name.
    if (mixed_case && capw(k) && !has(k, kHasLower) && t_[k].end - t_[k].begin > 1 && k >= 1 &&
        spaced(k) && capw(k - 1) && !has(k - 1, kHasLower))
      break;
    if (capw(k) || (word(k) && has(k, kHasDigit) && has(k, kHasUpper))) {
      ++words_n;
      b = k;
      mixed_case |= has(k, kHasLower);
      if (has(k, kNewlineBefore)) break;
      continue;
    }
    // "Fireman's Fund Corp"
    if (lower_is(k, "s") && glued(k) && k >= 2 && has(k - 1, kPunct) &&
        is_apostrophe(t_[k - 1].cp) && glued(k - 1) && capw(k - 2) && !covered_[k - 2] &&
        words_n > 0) {
      b = k - 2;
      ++words_n;
      continue;
    }
    if ((punct(k, '&') || lower_is(k, "and") || lower_is(k, "de") ||
         (lower_is(k, "of") && k >= 1 && word(k - 1) && kOfHeads.count(tx(k - 1)))) &&
        k >= 1 && capw(k - 1) && !covered_[k - 1] && words_n > 0) {
      b = k;
      continue;
    }
    // "General Motors of Canada Ltd", "David Wyss of Data Resources Inc": the name goes on
    // before "of", or a person precedes it. Either way, not this rule's business.
    if (lower_is(k, "of") && words_n > 0) return false;
    if ((punct(k, '.') || (has(k, kPunct) && is_dash(t_[k].cp))) && glued(k) && glued(k + 1) &&
        k >= 1 && word(k - 1) && words_n > 0) {
      b = k;
      continue;
    }
    break;
  }
  // Trim leading connectors and sentence words ("The", "Rival", "Yesterday").
  while (b < j && (has(b, kPunct) || (word(b) && !capw(b)) || is(b, kLxLeading))) ++b;
  if (b >= j || !capw(b)) return false;
  // "Texaco Canada Ltd": the walk stopped at a gazetteer name; the rest is not a name.
  if (b > 0 && covered_[b - 1] && spaced(b) && capw(b - 1)) return false;

  // At least one word that is not a common word unless the suffix is unambiguous.
  bool strong = false;
  for (std::size_t k = b; k < j; ++k)
    if (capw(k) && !common(k)) strong = true;
  if (!strong && (weak_suffix || has(b, kSentenceStart))) return false;
  if (weak_suffix && noisy(i)) return false;
  // Extend over "Inc." / "Co., Ltd." / "Holdings Inc".
  std::size_t e = i + 1;
  auto dot_after = [&](std::size_t k) { return k < t_.size() && punct(k, '.') && glued(k); };
  auto abbrev = [](std::string_view s) {
    return s == "Inc" || s == "Corp" || s == "Co" || s == "Ltd" || s == "Cos" || s == "Bhd" ||
           s == "Pty" || s == "Plc";
  };
  if (abbrev(tx(i)) && dot_after(e)) ++e;
  for (int more = 0; more < 2; ++more) {
    std::size_t k = e;
    if (k < t_.size() && punct(k, ',') && glued(k)) ++k;
    if (k < t_.size() && spaced(k) && capw(k) && is(k, kLxLegal) && !covered_[k]) {
      e = k + 1;
      if (abbrev(tx(k)) && dot_after(e)) ++e;
    } else {
      break;
    }
  }
  std::string name(text_.substr(t_[b].begin, t_[j - 1].end - t_[b].begin));
  std::string key = NameRecognizer::company_key(name);
  const std::int64_t known = g_.find_name(EntityKind::company, name);
  if (known >= 0) key = g_.entry(static_cast<std::uint32_t>(known)).key;
  add_rule(EntityKind::company, b, e, j, std::move(key), false);
  return true;
}

// "Synergy Research Group", "Anduril Industries", "Scale AI".
bool Scan::rule_desc_suffix(std::size_t i) {
  if (!capw(i) || covered_[i] || !is(i, kLxDesc) || !spaced(i) || noisy(i)) return false;
  // Not followed by more capitalised words (unless a legal suffix, handled before) nor by
  // "of X" ("Reserve Bank of New Zealand").
  if (i + 1 < t_.size() && spaced(i + 1) && (capw(i + 1) || lower_is(i + 1, "of"))) return false;
  const bool ai = tx(i) == "AI";
  std::size_t b = i, words_n = 0;
  while (b > 0 && words_n < (ai ? 1u : 3u)) {
    const std::size_t k = b - 1;
    if (!namey(k) || noisy(k)) break;
    if (!has(k, kHasLower)) break;  // all-caps words: acronyms, not names
    b = k;
    ++words_n;
    if (!spaced(k)) break;
  }
  if (words_n == 0) return false;
  // The run must start here: a capitalised word before it makes it part of a title;
  // "10 Breakthrough Technologies" is a list title, "Human-Centered AI" a compound.
  if (b > 0 && spaced(b) && (capw(b - 1) || (word(b - 1) && has(b - 1, kHasDigit)))) return false;
  if (b > 0 && !spaced(b) && has(b - 1, kPunct) && is_dash(t_[b - 1].cp)) return false;
  if (ai) {
    // "X AI" is mostly a product or a field ("Vertex AI", "Constitutional AI"): only with a
    // company cue before it or a company verb after it.
    static const ViewSet kAfter = {"ceo",        "cto",      "cfo",      "founder",    "cofounder",
                                   "co-founder", "said",     "says",     "raised",     "announced",
                                   "launched",   "released", "unveiled", "introduced", "acquired",
                                   "told",       "founded",  "builds",   "develops",   "makes",
                                   "offers",     "provides", "secured",  "closed"};
    const bool after = i + 1 < t_.size() && word(i + 1) && kAfter.count(lower(i + 1));
    const bool before = b > 0 && word(b - 1) && !has(b - 1, kHasUpper) && is(b - 1, kLxCompanyNoun);
    if (has(b, kSentenceStart) || !(after || before)) return false;
  }
  std::string key = lower_utf8(collapse_space(text_.substr(t_[b].begin, t_[i].end - t_[b].begin)));
  add_rule(EntityKind::company, b, i + 1, i, std::move(key), true);
  return true;
}

// After a role ("CEO of", "founder at"): the company named next.
void Scan::company_after_role(std::size_t from) {
  for (std::size_t k = from, steps = 0; k < t_.size() && steps < 7; ++k, ++steps) {
    if (has(k, kNewlineBefore) || punct(k, '.') || punct(k, ';')) return;
    if (lower_is(k, "of") || lower_is(k, "at")) {
      std::size_t y = k + 1;
      if (lower_is(y, "the")) return;
      const std::size_t len = company_name_at(y, 3);
      if (len == 0 || noisy(y)) return;
      // Not a person ("of Jane Doe") nor a place-like common word.
      std::string name(text_.substr(t_[y].begin, t_[y + len - 1].end - t_[y].begin));
      std::string key = NameRecognizer::company_key(name);
      const std::int64_t known = g_.find_name(EntityKind::company, name);
      if (known >= 0) key = g_.entry(static_cast<std::uint32_t>(known)).key;
      add_rule(EntityKind::company, y, y + len, y + len, std::move(key), false);
      return;
    }
  }
}

// "CEO Jane Doe", "said Jane Doe", "Jane Doe, chief executive of Acme", "Jane Doe said".
bool Scan::rule_person_cues(std::size_t i) {
  if (!titlew(i) || covered_[i] || has(i, kTitleRun)) return false;
  // Pre-cue.
  bool cue = false;
  if (i >= 1 && spaced(i)) {
    std::size_t c = i - 1;
    if (punct(c, '.') && c >= 1 && glued(c)) --c;  // "Dr. Jane Doe"
    if (is(c, kLxPersonCue) && !has(c + 1, kNewlineBefore)) {
      cue = true;
      // "by" introduces bylines and authors, but also titles ("Seen by Contemporary
      // Observers"): only with a known given name.
      if (lower_is(c, "by") && !first_name(i)) cue = false;
      // "by" only for bylines at a line start ("By Jane Doe").
    } else if (c >= 1 && lower_is(c, "to") && lower_is(c - 1, "according")) {
      cue = true;
    }
  }
  std::size_t len = person_name_at(i, false);
  if (len == 0) return false;
  const std::size_t e = i + len;
  bool post = false, role_company = false;
  if (!cue) {
    std::size_t k = e;
    if (k < t_.size() && punct(k, ',') && glued(k)) {
      ++k;
      if (lower_is(k, "the") || lower_is(k, "a") || lower_is(k, "an") || lower_is(k, "former") ||
          lower_is(k, "then"))
        ++k;
      for (std::size_t s = 0; s < 4 && k < t_.size(); ++s, ++k) {
        if (punct(k, ',') || punct(k, '.') || has(k, kNewlineBefore)) break;
        if (is(k, kLxPersonRole)) {
          post = true;
          role_company = is(k, kLxCompanyRole);
          break;
        }
        if (!(word(k) || (has(k, kPunct) && is_dash(t_[k].cp)))) break;
      }
    } else if (k < t_.size() &&
               (lower_is(k, "said") || lower_is(k, "says") || lower_is(k, "told") ||
                lower_is(k, "wrote") || lower_is(k, "added") || lower_is(k, "explained") ||
                lower_is(k, "noted"))) {
      post = !has(k, kHasUpper);
    } else if (k < t_.size() && (lower_is(k, "is") || lower_is(k, "was"))) {
      ++k;
      if (lower_is(k, "the") || lower_is(k, "a") || lower_is(k, "an")) ++k;
      for (std::size_t s = 0; s < 2 && k < t_.size(); ++s, ++k) {
        if (is(k, kLxPersonRole)) {
          post = true;
          role_company = is(k, kLxCompanyRole);
          break;
        }
        if (!word(k) || lower_is(k, "of") || lower_is(k, "for")) break;
      }
    }
  }
  if (!cue && !post) return false;
  // A heading may hold a real name after a cue, but not a bare "X Y said".
  if (has(i, kHeading) && !cue) return false;
  std::string key =
      lower_utf8(collapse_space(text_.substr(t_[i].begin, t_[e - 1].end - t_[i].begin)));
  add_rule(EntityKind::person, i, e, e, std::move(key), !cue);
  if (role_company) company_after_role(e);
  return true;
}

// "Daniel Garry" where Daniel is a known given name.
bool Scan::rule_first_name(std::size_t i) {
  if (!titlew(i) || covered_[i] || noisy(i)) return false;
  if (!first_name(i)) return false;
  if (has(i, kSentenceStart) && common(i)) return false;
  // "St. Louis Cardinals", "Ft. Worth"
  if (i >= 2 && punct(i - 1, '.') && glued(i - 1) &&
      (tx(i - 2) == "St" || tx(i - 2) == "Mt" || tx(i - 2) == "Ft"))
    return false;
  // A capitalised word before it makes it part of something longer ("Grace Hopper
  // Celebration" is caught by the run check; "Rhode Island Jane"?).
  if (i >= 1 && spaced(i) && capw(i - 1) && !covered_[i - 1] && !is(i - 1, kLxTitle) &&
      !(has(i - 1, kSentenceStart) && common(i - 1)))
    return false;
  const std::size_t len = person_name_at(i, true);
  if (len == 0) return false;
  std::string key =
      lower_utf8(collapse_space(text_.substr(t_[i].begin, t_[i + len - 1].end - t_[i].begin)));
  add_rule(EntityKind::person, i, i + len, i + len, std::move(key), true);
  return true;
}

// "Paris-based startup Mistral", "AI startup Glean", "Glean, a startup that ...",
// "Acme CEO Jane Doe".
bool Scan::rule_company_cues(std::size_t i) {
  if (!namey(i) || noisy(i)) return false;
  auto make = [&](std::size_t b, std::size_t len) {
    std::string name(text_.substr(t_[b].begin, t_[b + len - 1].end - t_[b].begin));
    std::string key = NameRecognizer::company_key(name);
    const std::int64_t known = g_.find_name(EntityKind::company, name);
    if (known >= 0) key = g_.entry(static_cast<std::uint32_t>(known)).key;
    add_rule(EntityKind::company, b, b + len, b + len, std::move(key), false);
    return true;
  };
  // Preceded by a company noun: "startup Glean", "-based AI company Mistral".
  if (i >= 1 && spaced(i) && !has(i, kSentenceStart)) {
    std::size_t c = i - 1;
    if (word(c) && !has(c, kHasUpper) && is(c, kLxCompanyNoun)) {
      bool ok = is(c, kLxCompanyIntro);
      if (!ok) {
        // look back for "-based" within 5 tokens
        for (std::size_t k = c, s = 0; k-- > 0 && s < 6; ++s) {
          if (has(k + 1, kNewlineBefore) || punct(k, '.') || punct(k, ',')) break;
          if (lower_is(k, "based") && k >= 1 && has(k - 1, kPunct) && is_dash(t_[k - 1].cp)) {
            ok = true;
            break;
          }
        }
      }
      if (ok) {
        const std::size_t len = company_name_at(i, 3);
        if (len > 0) {
          // "startup Jane Doe" is a person; let the person rules decide.
          if (len >= 2 && first_name(i)) return false;
          return make(i, len);
        }
      }
    }
  }
  // Followed by a role: "Acme CEO Jane Doe", "Acme co-founder ...".
  {
    const std::size_t len = company_name_at(i, 2);
    if (len > 0 && len <= 2) {
      const std::size_t r = i + len;
      if (r < t_.size() && spaced(r) &&
          (tx(r) == "CEO" || tx(r) == "CTO" || tx(r) == "CFO" || lower_is(r, "founder") ||
           lower_is(r, "co-founder") || lower_is(r, "cofounder") ||
           (r + 2 < t_.size() && lower_is(r, "co") && is_dash(t_[r + 1].cp) &&
            lower_is(r + 2, "founder")) ||
           (lower_is(r, "chief") && r + 1 < t_.size() && lower_is(r + 1, "executive")))) {
        if (!(len == 1 && first_name(i))) {
          // The role must be followed by a person-like name or a verb; keep it simple:
          // require the next token after the role to be capitalised (a name).
          std::size_t nx = r + 1;
          if (lower_is(r, "chief")) nx = r + 2;
          if (lower_is(r, "co")) nx = r + 3;
          if (nx < t_.size() && titlew(nx)) return make(i, len);
        }
      }
    }
  }
  // Appositive: "Glean, a startup that ...", "Virtana, a cloud company".
  {
    const std::size_t len = company_name_at(i, 3);
    if (len == 0) return false;
    if (i >= 1 && spaced(i) && capw(i - 1)) return false;
    std::size_t k = i + len;
    if (!(k < t_.size() && punct(k, ',') && glued(k))) return false;
    ++k;
    if (!(lower_is(k, "a") || lower_is(k, "an"))) return false;
    ++k;
    for (std::size_t s = 0; s < 6 && k < t_.size(); ++s, ++k) {
      if (punct(k, ',') || punct(k, '.') || has(k, kNewlineBefore)) return false;
      if (word(k) && !has(k, kHasUpper) && is(k, kLxCompanyNoun)) {
        if (first_name(i) && len >= 2) return false;
        return make(i, len);
      }
      if (!(word(k) || (has(k, kPunct) && is_dash(t_[k].cp)))) return false;
    }
  }
  return false;
}

void Scan::rules_pass() {
  // Every rule starts on a capitalised word that no gazetteer name claimed.
  std::vector<std::uint32_t>& caps = caps_;
  caps.resize(caps_all_.size());
  {
    std::size_t m = 0;
    for (std::uint32_t i : caps_all_) {
      caps[m] = i;
      m += !covered_[i];
    }
    caps.resize(m);
  }
  // Company suffix rules first: they bind tighter than person rules.
  for (std::uint32_t i : caps)
    if (!covered_[i]) rule_legal_suffix(i);
  for (std::uint32_t i : caps)
    if (!covered_[i]) rule_desc_suffix(i);
  for (std::uint32_t i : caps)
    if (!covered_[i] && titlew(i)) rule_person_cues(i);
  for (std::uint32_t i : caps)
    if (!covered_[i] && titlew(i)) rule_first_name(i);
  for (std::uint32_t i : caps)
    if (!covered_[i]) rule_company_cues(i);

  // Words of rule-found names that also occur in lower case are ordinary words; surnames
  // that do are not propagated to sentence starts.
  for (const Cand& c : cands_) {
    if (c.rule && c.check_lower)
      for (std::uint32_t k = c.tb; k < c.name_te; ++k)
        if (word(k) && has(k, kHasLower)) wanted_lower_.emplace(lower(k));
    if (c.kind == EntityKind::person && c.te - c.tb >= 2) wanted_lower_.emplace(lower(c.te - 1));
  }
  find_lower_occurrences();
  for (Cand& c : cands_) {
    if (!c.rule || !c.check_lower) continue;
    for (std::uint32_t k = c.tb; k < c.name_te; ++k)
      if (word(k) && has(k, kHasLower) && !first_name(k) && lower_seen(k)) {
        c.dead = true;
        break;
      }
    if (c.dead)
      for (std::uint32_t k = c.tb; k < c.te; ++k) covered_[k] = 0;
  }
}

// --------------------------------------------------------------- document level

void Scan::propagate() {
  // Keys of everything named strongly in the document.
  ViewSet present;
  for (const Cand& c : cands_)
    if (!c.dead && !c.weak && !c.surname) present.insert(c.key);
  // Weak aliases need one of their context companies.
  for (Cand& c : cands_) {
    if (c.dead || !c.weak) continue;
    bool ok = false;
    for (const std::string& k : g_.entry(static_cast<std::uint32_t>(c.entry)).context)
      if (present.count(k)) ok = true;
    if (!ok) {
      c.dead = true;
      for (std::uint32_t k = c.tb; k < c.te; ++k) covered_[k] = 0;
    }
  }
  // Lone surnames from the gazetteer: the full key when the full name is in the document.
  for (Cand& c : cands_) {
    if (c.dead || !c.surname) continue;
    if (!present.count(c.key)) c.key = lower_utf8(text_.substr(c.b, c.e - c.b));
  }
  // Surname-only and short-name mentions of people/companies found in full.
  StringMap<std::string> surnames;  // surname -> key ("" = ambiguous)
  StringMap<std::string> short_names;
  StringSet short_first;  // first words of short_names
  for (const Cand& c : cands_) {
    if (c.dead) continue;
    if (c.kind == EntityKind::person && c.te - c.tb >= 2 && !c.surname) {
      std::size_t last = c.te - 1;
      if (!titlew(last)) continue;
      const std::string_view s = lower(last);
      auto it = surnames.find(s);
      if (it == surnames.end())
        surnames.emplace(std::string(s), c.key);
      else if (it->second != c.key)
        it->second.clear();
    } else if (c.kind == EntityKind::company && c.rule && c.name_te > c.tb) {
      std::string s = lower_utf8(collapse_space(text_.substr(c.b, t_[c.name_te - 1].end - c.b)));
      short_first.emplace(lower_utf8(tx(c.tb)));
      short_names.emplace(s, c.key);
    }
  }
  if (surnames.empty() && short_names.empty()) return;
  // Bit (first byte, last byte) of every key looked up below: most words miss without a hash.
  static thread_local std::array<std::uint64_t, 256 * 256 / 64> ends{};
  auto end_bit = [](std::string_view w) {
    return static_cast<std::size_t>(static_cast<u8>(w.front())) * 256 + static_cast<u8>(w.back());
  };
  std::uint64_t lengths = 0;  // bit n: some key has n bytes (63: longer)
  auto note = [&](std::string_view w) {
    if (w.empty()) return;
    ends[end_bit(w) >> 6] |= 1ull << (end_bit(w) & 63);
    lengths |= 1ull << std::min<std::size_t>(w.size(), 63);
  };
  for (const auto& [k, v] : surnames) note(k);
  for (const std::string& k : short_first) note(k);
  const std::size_t n = t_.size();
  for (std::size_t ci = 0; ci < caps_all_.size(); ++ci) {
    std::size_t i = caps_all_[ci];
    if (covered_[i] || !titlew(i)) continue;
    const std::string_view l = lower(i);
    if (!(lengths >> std::min<std::size_t>(l.size(), 63) & 1) ||
        !(ends[end_bit(l) >> 6] >> (end_bit(l) & 63) & 1))
      continue;  // neither a surname nor the first word of a short name
    const bool cap_before =
        i >= 1 && spaced(i) && capw(i - 1) && !is(i - 1, kLxTitle) && !(covered_[i - 1]);
    const bool cap_after = i + 1 < n && spaced(i + 1) && capw(i + 1);
    auto it = surnames.find(l);
    const bool short_hit = short_first.find(l) != short_first.end();
    if (it == surnames.end() && !short_hit) continue;
    const bool risky = (has(i, kSentenceStart) || noisy(i)) && (common(i) || lower_seen(i));
    if (it != surnames.end() && !it->second.empty() && !cap_before && !cap_after && !risky) {
      Cand c;
      c.tb = static_cast<std::uint32_t>(i);
      c.te = c.tb + 1;
      c.b = t_[i].begin;
      c.e = t_[i].end;
      c.kind = EntityKind::person;
      c.key = it->second;
      c.rule = true;
      claim(c);
      cands_.push_back(std::move(c));
      continue;
    }
    if (!short_hit || cap_before || risky) continue;
    // Short company names: up to 3 words.
    std::string acc;
    for (std::size_t k = i; k < n && k < i + 3; ++k) {
      if (k > i) {
        if (!spaced(k) || !capw(k) || covered_[k]) break;
        acc.push_back(' ');
      }
      acc += lower_utf8(tx(k));
      auto sn = short_names.find(acc);
      if (sn != short_names.end() && !(k + 1 < n && spaced(k + 1) && capw(k + 1))) {
        Cand c;
        c.tb = static_cast<std::uint32_t>(i);
        c.te = static_cast<std::uint32_t>(k + 1);
        c.b = t_[i].begin;
        c.e = t_[k].end;
        c.kind = EntityKind::company;
        c.key = sn->second;
        c.rule = true;
        claim(c);
        cands_.push_back(std::move(c));
        while (ci + 1 < caps_all_.size() && caps_all_[ci + 1] <= k) ++ci;
        break;
      }
    }
  }
  for (const auto& [k, v] : surnames)
    if (!k.empty()) ends[end_bit(k) >> 6] = 0;
  for (const std::string& k : short_first)
    if (!k.empty()) ends[end_bit(k) >> 6] = 0;
}

void Scan::resolve(std::vector<Entity>& out) {
  std::sort(cands_.begin(), cands_.end(), [](const Cand& a, const Cand& b) { return a.b < b.b; });
  std::uint32_t last_end = 0;
  for (Cand& c : cands_) {
    if (c.dead || c.b < last_end || c.e <= c.b) continue;
    if (c.e - c.b > kMaxEntityBytes || c.key.empty()) continue;
    Entity e;
    e.kind = c.kind;
    if (c.key.size() <= kMaxEntityBytes)
      e.key = std::move(c.key);  // cands_ is not read after resolve()
    else
      e.key = std::string(clamp_utf8(c.key, kMaxEntityBytes));
    e.text = std::string(text_.substr(c.b, c.e - c.b));
    e.begin = c.b;
    e.end = c.e;
    out.push_back(std::move(e));
    last_end = c.e;
  }
}

void Scan::run(std::vector<Entity>& out) {
  if (t_.empty()) return;
  gazetteer_pass();
  drop_link_bars();
  rules_pass();
  propagate();
  resolve(out);
}

}  // namespace

std::string NameRecognizer::company_key(std::string_view name) {
  std::string s = collapse_space(strip_possessive(collapse_space(name)));
  // Drop trailing legal suffixes ("Inc.", ", Ltd", "Co., Ltd.").
  for (int round = 0; round < 3; ++round) {
    while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ' ')) s.pop_back();
    const std::size_t sp = s.rfind(' ');
    if (sp == std::string::npos) break;
    std::string_view last(s.data() + sp + 1, s.size() - sp - 1);
    bool legal = false;
    for (const char* w : kLegalSuffixes)
      if (last == w) legal = true;
    if (!legal) break;
    s.resize(sp);
  }
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ' ')) s.pop_back();
  std::string key = lower_utf8(s);
  if (key.size() > kMaxEntityBytes) key = std::string(clamp_utf8(key, kMaxEntityBytes));
  return key;
}

void NameRecognizer::find(std::string_view text, std::vector<Entity>& out) const {
  thread_local ScanBuffers buffers;
  {
    Scan scan(gaz_, text, buffers);
    scan.run(out);
  }
  // Do not keep the buffers of a huge document (a megabyte-long line) alive per thread.
  if (buffers.tokens.capacity() > (std::size_t{1} << 20)) buffers = ScanBuffers{};
}

}  // namespace newsdex::detail
