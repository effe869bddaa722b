// The name scanner's word lists as compiled-in tables, the sets words() builds from them
// once, and the two functions of names.h that read them: is_common_word() and
// add_scanner_words().
//
// Compiled-in tables, not a data file under corpus/: building the sets from them takes
// 315-357 us a load; reading the same lists from a file and parsing them, 332-377 us (means
// of 1000 interleaved loads each, 5 runs, g++ -O3 -DNDEBUG). Both are mostly hash-set inserts.

#include "entities/names/lexicon.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "entities/names.h"
#include "entities/names/chars.h"

namespace newsdex::detail {
namespace names {
namespace {

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
    "Inc", "Incorporated", "Corp", "Corporation", "Co",  "Cos", "Ltd", "Limited", "LLC",  "LLP",
    "PLC", "plc",          "Plc",  "GmbH",        "AG",  "SA",  "NV",  "AB",      "ASA",  "Oyj",
    "SpA", "Pty",          "KK",   "Bhd",         "Tbk", "Srl", "BV",  "LP",      "KGaA", "KG",
    "Spa", "Sarl",         "SARL", "Ltda",        "Pte", "Sdn", "Oy",  "INc",     "GMBH", "SPA"};

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
                                       "general",
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
                                       "columnist",
                                       "filmmaker",
                                       "novelist",
                                       "writer",
                                       "actor",
                                       "actress",
                                       "singer",
                                       "musician",
                                       "biologist",
                                       "astronomer",
                                       "strategist",
                                       "lawyer",
                                       "attorney",
                                       "activist",
                                       "blogger",
                                       "by"};

// Third round (issue 11): titles of sport and state that are cues wherever they stand
// ("Captain James Cook", "coach Pete Carroll", "envoy Jan Pronk")...
constexpr const char* kPersonCues3[] = {"captain", "coach",     "envoy",  "ambassador",
                                        "prince",  "princess",  "sir",    "pope",
                                        "sheikh",  "ayatollah", "premier"};
// ...and role nouns that are cues only in lower case or at a sentence start (a capitalised
// "Star" or "Driver" inside a sentence is part of a title): Scan::soft_cue_refused().
constexpr const char* kSoftPersonCues[] = {
    "striker",  "midfielder", "defender", "goalkeeper", "winger",   "quarterback", "pitcher",
    "batsman",  "bowler",     "paceman",  "trainer",    "driver",   "star",        "champion",
    "teammate", "skipper",    "golfer",   "boxer",      "sprinter", "cyclist",     "prosecutor",
    "aide",     "wife",       "husband",  "widow",      "brother",  "sister",      "daughter",
    "son",      "mother",     "father"};

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
    "competitor", "spinoff",   "spin-off",  "brokerage",    "bank",       "studio"};

// Nouns that introduce a company name right after them ("AI startup Glean").
constexpr const char* kCompanyIntro[] = {
    "startup",   "chipmaker", "automaker", "carmaker",     "firm",         "unicorn",  "subsidiary",
    "brokerage", "maker",     "retailer",  "chain",        "airline",      "carrier",  "giant",
    "grocer",    "insurer",   "lender",    "conglomerate", "manufacturer", "supplier", "vendor"};

// A speaker card's role phrase (scan_person4.cc, card_role_end()): modifiers, then a role
// noun ("Assistant Professor", "Senior Data Scientist", "Co-founder": "co" and "founder").
constexpr const char* kCardMods[] = {
    "assistant",     "associate",    "senior",       "junior",     "principal", "chief",
    "research",      "data",         "product",      "team",       "network",   "staff",
    "lead",          "software",     "machine",      "learning",   "ai",        "ml",
    "phd",           "doctoral",     "postdoctoral", "managing",   "executive", "technical",
    "innovation",    "general",      "vice",         "deputy",     "program",   "programme",
    "project",       "development",  "engineering",  "marketing",  "sales",     "operations",
    "distinguished", "visiting",     "adjunct",      "emeritus",   "founding",  "group",
    "global",        "scientific",   "applied",      "community",  "regional",  "security",
    "solutions",     "technology",   "business",     "investment", "clinical",  "digital",
    "strategy",      "postgraduate", "graduate",     "msc",        "mba",       "co",
    "full",          "independent"};

constexpr const char* kCardRoles[] = {
    "professor",  "researcher",  "scientist",    "engineer",   "lecturer",  "candidate",
    "manager",    "founder",     "cofounder",    "ceo",        "cto",       "cfo",
    "coo",        "officer",     "director",     "lead",       "leader",    "chair",
    "fellow",     "head",        "partner",      "student",    "trainer",   "president",
    "analyst",    "consultant",  "developer",    "architect",  "designer",  "advisor",
    "adviser",    "coordinator", "specialist",   "instructor", "postdoc",   "evangelist",
    "strategist", "economist",   "entrepreneur", "organiser",  "organizer", "chairman",
    "chairwoman", "associate"};

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

}  // namespace

// Words that may precede "of" inside a company name ("Bank of New York Co").
const ViewSet kOfHeads = {"Bank",        "Banks",   "Trust",        "Union",     "Society",
                          "Association", "Company", "Corporation",  "Institute", "Board",
                          "Mutual",      "Life",    "Insurance",    "Republic",  "Federation",
                          "Group",       "Savings", "Commonwealth", "Church",    "Hospital",
                          "Museum",      "Academy", "Exchange"};

WordSets::WordSets() {
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
  for (const char* w : kPersonCues3) person_cues.insert(w);
  for (const char* w : kSoftPersonCues) {
    person_cues.insert(w);
    soft_person_cues.insert(w);
  }
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
  for (const char* w : kCardMods) card_mods.insert(w);
  for (const char* w : kCardRoles) card_roles.insert(w);
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
  put(lower_bits, card_mods, kLxCardMod);
  put(lower_bits, card_roles, kLxCardRole);
  auto shape = [&](std::string_view w) {
    if (!w.empty() && w.size() < lex_shapes.size())
      lex_shapes[w.size()] |= 1u << (static_cast<u8>(ascii_lower(w[0])) & 31);
  };
  for (const auto& [w, bits] : exact_bits) shape(w);
  for (const auto& [w, bits] : lower_bits) shape(w);
}

const WordSets& words() {
  static const WordSets w;
  return w;
}

bool is_legal_suffix(std::string_view word) {
  bool legal = false;
  for (const char* w : kLegalSuffixes)
    if (word == w) legal = true;
  return legal;
}

}  // namespace names

using names::ascii_lower;
using names::has_common_ending;
using names::words;
using names::WordSets;

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

}  // namespace newsdex::detail
