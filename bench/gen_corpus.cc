/// @file gen_corpus.cc
/// A deterministic synthetic tech-news corpus, for when ../shared/corpora/tech-articles
/// is not there.
///
///   gen_corpus N SEED > out.jsonl
///
/// Writes N JSONL records {"id", "title", "body", "url", "source", "date"}. The same N and
/// SEED give the same bytes on every machine: the generator is a fixed splitmix64 stream
/// and integer arithmetic (no std:: distributions, whose output is implementation-defined).
///
/// What makes it resemble news text enough for throughput and latency figures:
///  - words drawn from a Zipf-Mandelbrot law, p(r) ~ 1/(r + 2.7), over a built-in
///    vocabulary of about 2,500 English and tech words listed roughly by frequency, so
///    posting lists range from "the" (in every document) to words in a handful;
///  - sentences of 5-30 words in paragraphs of 2-7 sentences; bodies of 2-15 KB,
///    log-uniform (more short articles than long, median ~5.5 KB);
///  - companies, people, money amounts (`$1.2 billion`, `EUR 40 million`), percentages
///    and dates woven into template sentences, so the entity extractor and the facets
///    have something to find;
///  - titles of 5-12 words in title case, often naming a company; dates 2014-2023.
/// All text is ASCII.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Roughly by frequency in English news; the first words take most of the mass.
constexpr std::string_view kFunctionWords = R"(
the of and to a in that is for it on was with as he said by at be this are from or have
an not but they has his were which had its will their we been would more new one also
about you who can her there up all she after than what when if into other out year could
over first some two just so people like only time years them most these many because
then no our even do such while where much between those both through make any well way
used three should before made since however being during under very each how company
now may last still back did get because against another off down here said own around
percent until few my us me him including according told among within across without
whether less least every several both same next four five six billion million already
never always often part early later though although per again too take told going
)";

constexpr std::string_view kGeneralWords = R"(
market business government world state country city system program problem question
group number place case week point home water room area money story fact month lot right
study book job word issue side kind head house service friend power hour game line end
member law car name president team minute idea body information back parent face level
office door health person art war history party result change morning reason research
moment air force education foot police focus order plan price cost rate growth sales
revenue profit deal report data product customer user client employee worker staff
manager executive leader founder investor analyst expert official agency court judge
lawyer lawsuit case rule policy decision vote election campaign public private industry
sector economy economic financial quarter annual record value share stock bond fund
bank loan debt tax budget spending income interest inflation demand supply chain
factory plant production manufacturing energy power oil gas electricity battery climate
carbon emissions environment weather storm fire heat summer winter spring fall season
school student teacher university college class course degree science scientist
researcher laboratory experiment test trial drug medicine doctor patient hospital care
disease virus vaccine pandemic death life family child children woman man women men
community society culture media news newspaper magazine television film movie music
video photo image picture camera screen phone device computer machine tool equipment
vehicle truck road street highway train plane flight airport travel trip hotel
restaurant food drink coffee store shop mall retail brand fashion design style
space planet moon star rocket satellite mission launch orbit earth ocean sea river
land farm animal species plant tree forest mountain island region border nation
military army weapon defense security attack threat risk danger safety crisis conflict
peace agreement treaty relationship partnership alliance merger acquisition purchase
sale offer bid price valuation round funding capital venture equity seed stage
startup firm corporation subsidiary division unit department board committee council
commission regulator regulation rules standard guideline framework approach strategy
method process practice technique skill talent experience knowledge understanding
ability effort attempt success failure mistake error problem solution answer response
reaction feedback comment statement announcement release version update upgrade
feature function option choice selection difference advantage benefit impact effect
influence pressure challenge opportunity potential possibility chance future past
present history beginning start end finish goal target objective purpose mission
vision value principle belief opinion view perspective position stance argument debate
discussion conversation interview meeting conference event show exhibition summit
session panel speech presentation demonstration demo example sample model pattern
trend shift move step stage phase period era decade century generation age
number amount figure total average percentage share portion majority minority half
quarter third double triple increase decrease rise fall drop decline gain loss jump
surge boost cut reduction expansion growth slowdown recession recovery boom bust
bubble collapse crash rally peak low high top bottom middle center edge corner
inside outside front rear left right north south east west global local national
international regional federal central domestic foreign western eastern american
european chinese japanese korean indian british german french canadian australian
major minor main key important significant critical crucial essential basic simple
complex difficult easy hard soft strong weak big small large huge tiny massive little
long short tall wide narrow deep heavy light fast slow quick rapid sudden gradual
early late recent current former previous next final initial original primary
secondary general specific particular special common rare unique similar different
same other various certain clear obvious likely unlikely possible impossible real
true false actual virtual physical digital online offline open closed free paid
cheap expensive rich poor good bad better best worse worst great poor fine nice
happy sad angry afraid worried concerned excited interested surprised confident
aware able unable ready willing available responsible famous popular successful
powerful influential effective efficient productive creative innovative
traditional modern advanced sophisticated smart intelligent human natural social
political legal ethical moral cultural personal professional technical commercial
industrial medical scientific academic educational financial economic strategic
say make go know take see come think look want give use find tell ask work seem feel
try leave call keep let begin help talk turn show hear play run move live believe
hold bring happen write provide sit stand lose pay meet include continue set learn
lead understand watch follow stop create speak read allow add spend grow open walk
win offer remember love consider appear buy wait serve die send expect build stay
fall reach kill remain suggest raise pass sell require decide explain develop carry
break receive agree support hit produce eat cover catch draw choose cause point
listen realize place close involve increase describe sign thank apply prepare plan
publish launch release announce report reveal confirm deny claim argue warn predict
estimate expect hope fear worry approve reject ban block limit restrict allow enable
invest acquire merge partner compete struggle fight protect defend attack hack
steal leak share post upload download install delete remove replace improve enhance
boost accelerate slow delay cancel postpone schedule manage operate control monitor
track measure analyze compare review assess evaluate test verify check inspect
design build engineer program code ship deliver deploy scale expand shrink hire
fire layoff resign retire join quit found fund finance spend save earn charge bill
cost price sell market advertise promote target reach engage attract retain convert
generate process handle store transfer move migrate connect link integrate combine
split separate divide cut trim reduce lower raise lift push pull drive ride fly
travel visit return arrive depart enter exit begin end start finish complete
attempt succeed fail miss win lose beat lead trail follow chase catch join
rise climb soar plunge tumble slide slip sink jump leap bounce recover rebound
stabilize settle fluctuate swing vary differ match equal exceed surpass outpace
double triple halve quadruple multiply account represent mean indicate suggest
show prove demonstrate illustrate highlight underscore emphasize note mention
add continue explain describe detail outline summarize conclude decide determine
fact figure detail aspect element factor component piece section segment chunk
list table chart graph map plan schedule timeline calendar deadline date day
night evening afternoon today yesterday tomorrow weekend holiday january february
march april may june july august september october november december monday tuesday
wednesday thursday friday saturday sunday hour minute second moment instant
week month quarter year decade lifetime history tradition legacy heritage
people person individual citizen resident consumer shopper buyer seller vendor
supplier partner competitor rival opponent critic supporter fan follower audience
viewer reader listener player gamer creator artist writer author journalist editor
reporter photographer producer director actor singer musician designer architect
engineer developer programmer coder researcher scientist professor lecturer student
graduate intern volunteer activist advocate lobbyist politician lawmaker senator
governor mayor minister official spokesperson representative ambassador diplomat
chief officer head director chairman chairwoman chair president vice secretary
ceo cfo cto coo cmo founder cofounder owner shareholder stakeholder investor
backer donor sponsor customer client patient user member subscriber account
window door wall floor roof building tower bridge tunnel road path track line
)";

constexpr std::string_view kTechWords = R"(
ai technology software internet app apps platform cloud model models algorithm
algorithms artificial intelligence machine learning deep neural network networks
training inference chatbot chatbots generative language llm llms gpt transformer
transformers dataset datasets compute gpu gpus chip chips semiconductor semiconductors
processor processors silicon wafer foundry fab nanometer transistor transistors memory
storage server servers datacenter datacenters infrastructure hardware firmware
operating kernel linux windows android ios macos browser search engine engines
web website websites online digital cyber cybersecurity security privacy encryption
password passwords authentication identity hacker hackers breach breaches ransomware
malware phishing vulnerability vulnerabilities exploit patch bug bugs developer
developers code coding programming python javascript rust java typescript golang
compiler framework frameworks library libraries api apis sdk open source github
repository repositories commit release version versions beta alpha preview launch
startup startups unicorn venture accelerator incubator valuation ipo spac saas
subscription subscriptions advertising ads ad adtech ecommerce marketplace payments
payment fintech crypto cryptocurrency bitcoin ethereum blockchain token tokens nft
nfts wallet wallets exchange exchanges stablecoin defi mining miner miners
smartphone smartphones phone phones tablet tablets laptop laptops pc pcs desktop
wearable wearables headset headsets vr ar metaverse virtual augmented reality
display displays oled lcd pixel pixels camera cameras sensor sensors lidar radar
robot robots robotics automation autonomous driverless selfdriving drone drones
electric ev evs battery batteries charging charger chargers lithium solar wind grid
quantum qubit qubits supercomputer supercomputers exascale hpc simulation
simulations biotech genomics protein proteins gene genes crispr healthcare medtech
telehealth diagnostics imaging satellite satellites broadband fiber wireless 5g 6g
wifi bluetooth spectrum carrier carriers telecom network router routers modem
streaming stream streams video videos podcast podcasts music audio speaker speakers
voice assistant assistants alexa siri chatgpt bard copilot gemini claude llama
dalle midjourney stable diffusion image generation text speech recognition vision
computer translation summarization prompt prompts prompting finetuning fine tuning
parameter parameters benchmark benchmarks accuracy latency throughput bandwidth
performance efficiency scalability reliability availability uptime outage outages
downtime incident incidents deployment deployments container containers kubernetes
docker microservices serverless devops mlops observability monitoring logging
analytics database databases sql nosql query queries index indexing search ranking
recommendation recommendations personalization feed feeds algorithmic moderation
content creator creators influencer influencers social media network platforms
user users account accounts profile profiles login signup onboarding engagement
retention churn growth metrics dashboard dashboards interface ux ui design
designer feature features update updates upgrade rollout rollouts beta testers
enterprise enterprises customer customers b2b b2c smb vendor vendors procurement
contract contracts license licensing patent patents copyright trademark antitrust
regulators regulation regulatory compliance gdpr ftc doj sec eu commission
lawsuit lawsuits settlement fine fines penalty probe investigation hearing
congress senate parliament bill legislation act ban bans export exports sanctions
tariff tariffs trade supply shortage shortages inventory logistics shipping
warehouse warehouses delivery fulfillment retail retailer retailers ecommerce
gaming game games console consoles esports studio studios publisher publishers
developer engine unreal unity graphics rendering raytracing frame rate resolution
hdr refresh fps controller controllers handheld cloudgaming subscription
open model closed weights dataset synthetic labeling annotation bias fairness
safety alignment hallucination hallucinations misinformation disinformation
deepfake deepfakes watermark watermarking provenance detection detector
jailbreak guardrails red teaming evaluation evals agi superintelligence agent
agents agentic reasoning planning memory context window tokens embedding embeddings
vector vectors retrieval rag multimodal foundation frontier scaling laws compute
cluster clusters accelerator accelerators tpu tpus npu asic fpga arm x86 risc
architecture architectures core cores clock cache bandwidth hbm dram nand flash ssd
hdd petabyte petabytes terabyte terabytes gigabyte gigabytes exabyte zettabyte
automation workflow workflows productivity collaboration messaging email chat
video conferencing remote hybrid work workforce workers layoffs hiring talent
engineers researchers scientists founders executives board ceo cto cfo
quarterly earnings revenue revenues profit profits margin margins guidance forecast
forecasts outlook shares stock stocks investors analysts valuation market cap
funding round seed series raised raises raising led backed investors capital
acquisition acquisitions acquire acquired merger deal deals buyout spinoff
partnership partnerships collaboration integration ecosystem marketplace
open-source proprietary closed-source interoperability standard standards protocol
protocols specification specifications certification encryption endtoend
zero-day zeroday backdoor surveillance tracking cookies fingerprinting consent
biometric facial recognition fingerprint iris voiceprint identity verification
)";

constexpr std::string_view kRareWords = R"(
abandon abstract absurd abundant academy accent acceptance accessory accident accompany
accomplish accord accurate accuse acknowledge acoustic activate acute adapt adequate
adjacent adjust administer admire adolescent adopt adorable adverse advisory aesthetic
affection affiliate affirm afford aggregate aggressive agile agony agreeable airline
airspace alarm album alert algebra alien align allocate allot alloy altitude aluminum
amateur ambiguous ambition amend amplify anchor ancient anecdote angle anniversary
annotate annoy anomaly anonymous antenna anticipate antique anxiety apartment apology
apparatus appeal appetite applaud appliance appraisal apprentice aquarium arbitrary
arcade archive arena arithmetic armor arrange array arrest arrow artery articulate
ascend aspire assemble assert asset assign assist assume asteroid athlete atlas atmosphere
atom attic attire attorney auction audit augment authentic autograph autumn avalanche
avenue aviation avocado awkward axis bachelor badge baggage bakery balance balcony ballot
bamboo banner banquet barrel barrier basin basket batch beacon beam beard behalf
belly bench beverage bicycle binary biography biology biscuit blanket blend blossom
blueprint bolt bonus booklet border botany boulder boundary bouquet boutique bracket
brain branch brass breakfast breath breeze brick brief brilliant broadcast brochure
bronze brush bucket buffer bulletin bundle bureau burden burst butter cabin cabinet
cable cactus calculus calibrate campus canal candidate candle canvas canyon capacity
capsule caption captain carbonate cargo carnival carpet cartoon cascade casino castle
catalog category cathedral cattle cavity ceiling celebrate cellar cement census ceramic
cereal ceremony certificate chamber champion channel chapter charity charm charter
chassis cheese chemical chess chronicle circuit circus citizen civic civilian clarify
classic clause clerk cliff climate clinic clockwork cluster coach coalition coast
cocktail coconut cognitive coin collar colleague colony column comedy comet comfort
commerce commodity companion compass compost compound comprise comrade concept concert
concrete condense conduct cone confess confirm congress conquer conscious consensus
conserve console constant constitution consult contempt contest continent contour
contrast convey cookie copper coral corridor cosmic cottage cotton counsel courier
courtesy cousin coyote cradle craft crater crayon creature credential crest crew
crimson crisp criteria crucial cruise crystal cube cucumber cuisine cultivate curfew
curiosity currency curriculum curtain cushion custody cylinder dairy damp dashboard
dawn debris decay decimal declare decode decorate dedicate default deficit definite
delegate deliberate delicate delta democracy denial dense dentist deposit depot
deputy descend desert destiny detour devote diagram dialect diameter diamond diary
dictate diesel diet dignity dilemma dimension diploma directory disclose discount
dispatch display dispute distant distill district dividend divine doctrine document
dolphin domain donate dormant dosage draft dragon drama drastic drift drill dune
durable dynamic eager eagle echo eclipse ecology edition elastic elbow elder electron
elegant elevate elevator eligible embark embassy embrace emerge emission empire
employ empty enact encounter endorse endure enforce engrave enormous enroll ensemble
entity entry envelope enzyme epic episode equation equator equip erosion escalate
essay estate eternal evidence evolve exact excavate exchange exclude excursion execute
exhaust exhibit exile exotic expedition expire explicit explode export expose
extract fabric facade facility faculty fairy faith falcon fantasy fashion fatigue
fault fauna feast federal fee fellow fence ferry fertile festival fiber fiction
fiscal fitness flag flame flank flavor fleet flexible flock flood flora fluid foam
folder folk forecast forge formula fortune forum fossil foundation fraction fragile
fragment frame franchise fraud freight frequency fringe frontier frost fruit fuel
funnel furnace furniture galaxy gallery garage garden garlic garment gasoline gateway
gauge gazette gear gem genre genuine geography geometry ghost giant ginger glacier
glimpse globe glory glossary glove glucose goat gospel gossip governance gown grace
gradient grain grammar grant grape gravel gravity grocery guardian guild guitar
habitat hammer harbor hardship harmony harvest hazard headline heritage hero
hierarchy highlight hinge hobby holiday hollow honey horizon hormone horror hostage
humble humor hurricane hybrid hydrogen hygiene hypothesis icon ideal identical
ignite illusion immune implement import impose incense incentive incline index
indigo infant infect inflate inherit initiative inject inland innocent input inquiry
insect insight inspire instinct institute insulin insurance intact integer integrity
intellect interval intimate invasion inventory invoice iron irony isolate ivory
jacket jaguar jargon jazz jelly jewel journal journey jungle junior jury justice
kernel kettle keyboard kidney kingdom kitchen kitten knee knife knot label labor
ladder lagoon lamp landscape lantern laptop lava lawn layer leaf league lecture
ledger legend leisure lemon lens leopard lesson lever liberty license lifestyle
limestone linear linen liquid literacy lobby lobster locker lodge logic lottery
loyalty lumber lunar luxury lyrics magnet magnitude mammal mandate mango manifest
mansion manual maple marathon marble margin marine marker mascot mask massive
matrix maximum meadow mechanism medal melody membrane memoir mentor merchant mercury
mesh metaphor meteor method metro microphone migrate mileage militia mineral minimum
mirror missile mobile modest module molecule momentum monarch monitor monopoly
monument mosaic motive motor mountain mouse muscle museum mushroom mutual myth
narrative navigate nectar negotiate neighbor nephew nerve neutral niche nickel
nitrogen noble nominee norm notebook notion novel nuance nucleus nurse nutrient
oasis obey obligation observe obstacle ocean octopus odyssey olive omission opera
opponent optical orbit orchard orchestra organ orient orphan outfit outlet oval
oven owl oxygen oyster package paddle palace panel panic panther paper parade
paradox parallel parcel parish parliament passage passion pasta patent patrol
pavilion peach peanut pearl pedal penalty pendulum peninsula pension pepper
perimeter permit persona petition phantom pharmacy phrase physics piano pilgrim
pillar pilot pioneer pipeline pirate pistol pitch plaza pledge plot plumbing
pocket poem polar pollen pond porch portal portfolio portrait posture potato
pottery poverty prairie precise predator premium prestige prism probe prodigy
profile prophet proposal prose prosper protein prototype proverb province proxy
pulse pump puzzle pyramid quarry quartz quest quota rabbit radius raft rainbow
ranch random ransom rapport rattle raven realm rebel recipe reef referee refuge
regime rehearsal relic remedy rental replica reptile reservoir residue resin
resort retina revenue rhythm ribbon riddle ridge ritual rival robust rocket
rodent romance rooftop rubber ruby rumor saddle saga salary salmon salon sandal
satire sauce savanna scandal scarf scenario scholar scissors scorpion script
sculpture seminar senior sensor sequel serpent shelter sheriff shield shrine
siege signal silk simulate siren sketch skeleton slogan socket solar soldier
solvent sonnet sovereign spatial spear specimen spectrum sphere spice spider
spiral splendid sponsor squad stadium stamp stanza statue steam stencil stimulus
stomach strait stratus strawberry stripe studio subtle suburb sulfur summit
sunset surgeon surplus symbol symphony syndrome syntax tablet tactic talent
tangent tapestry tariff tavern teapot telescope temple tenant tendon terrain
textile texture theater theorem therapy thermal thesis thistle thunder ticket
tiger timber tissue titan toddler tomato tornado torrent tourism tractor tragedy
trail transit trapeze treasure trellis tribe tribute trophy tropical trumpet
tulip tundra turbine turtle tutor twilight typhoon umbrella uniform universe
upgrade utensil utility vaccine valley vanilla vapor vault velvet venue verdict
verse vessel veteran viaduct victory village vintage violin visa vitamin vocal
volcano voltage voyage wagon walnut warrant wealth whale wheat whistle widget
wilderness willow wizard wool workshop wrist yacht yield zebra zenith zinc zone
abstraction adversarial aggregator airdrop annotator anonymization autocomplete
autoscaling backend backlog backpropagation bandit bitrate bootloader bytecode
caching callback captcha changelog checkpoint chipset chiplet classifier codec
codebase cofounded colocation compiler concurrency cryptography cyberattack
dataflow debugger decentralized decoder deduplication denoising diffusion
distillation dropout ecommerce edtech emulator encoder endpoint ethernet
exoskeleton failover federated fintechs frontend geofencing gigafactory
gradient hackathon haptic hashing heuristic hyperscaler hyperscalers inferencing
insurtech iot keystroke lakehouse latent lidar lightweight livestream loadbalancer
lowcode microchip microcontroller middleware milestone misconfiguration
modem monorepo motherboard multicloud multithreading nanotech netcode neuromorphic
nocode notebook offload onprem opensource optimizer orchestration overclocking
paywall peertopeer photonics pipeline plugin postmortem precompute proptech
quantization ransomware reinforcement roadmap rollback router runtime sandbox
scraper semantic sharding smartwatch snapshot softbank spyware supercomputing
telemetry tensor tokenizer toolchain toolkit touchscreen unicorns uplink
upscaling virtualization webhook webcam websocket whitepaper workload
)";

struct NamedThing {
  const char* name;
  const char* host;  // for sources only
};

constexpr const char* kCompanies[] = {
    "OpenAI",     "Microsoft",    "Google",       "Alphabet",   "Apple",      "Amazon",
    "Meta",       "Nvidia",       "Intel",        "AMD",        "Qualcomm",   "Samsung",
    "TSMC",       "IBM",          "Oracle",       "Salesforce", "Adobe",      "Tesla",
    "SpaceX",     "Netflix",      "Uber",         "Lyft",       "Airbnb",     "Stripe",
    "Anthropic",  "Cohere",       "Hugging Face", "Databricks", "Snowflake",  "Palantir",
    "ByteDance",  "TikTok",       "Baidu",        "Alibaba",    "Tencent",    "Huawei",
    "Sony",       "Nintendo",     "Spotify",      "Shopify",    "Zoom",       "Slack",
    "Cisco",      "Dell",         "HP",           "Lenovo",     "Arm",        "Broadcom",
    "Micron",     "Twitter",      "X Corp",       "LinkedIn",   "GitHub",     "DeepMind",
    "Mistral AI", "Stability AI", "Midjourney",   "Scale AI",   "Inflection", "xAI",
};

constexpr const char* kPeople[] = {
    "Sam Altman",      "Satya Nadella",  "Sundar Pichai", "Tim Cook",           "Mark Zuckerberg",
    "Jensen Huang",    "Lisa Su",        "Pat Gelsinger", "Elon Musk",          "Andy Jassy",
    "Jeff Bezos",      "Demis Hassabis", "Dario Amodei",  "Greg Brockman",      "Ilya Sutskever",
    "Mira Murati",     "Arvind Krishna", "Safra Catz",    "Marc Benioff",       "Shantanu Narayen",
    "Reed Hastings",   "Daniel Ek",      "Tobi Lutke",    "Aidan Gomez",        "Yann LeCun",
    "Geoffrey Hinton", "Fei-Fei Li",     "Andrew Ng",     "Margrethe Vestager", "Lina Khan",
    "Gary Gensler",    "Brad Smith",     "Kevin Scott",   "Mustafa Suleyman",   "Emad Mostaque",
    "Alexandr Wang",   "Clem Delangue",  "Ali Ghodsi",    "Frank Slootman",     "Alex Karp",
};

constexpr NamedThing kSources[] = {
    {"VentureBeat", "venturebeat.com"},
    {"WIRED", "www.wired.com"},
    {"MIT Technology Review", "www.technologyreview.com"},
    {"The Verge", "www.theverge.com"},
    {"The Guardian", "www.theguardian.com"},
    {"The Atlantic", "www.theatlantic.com"},
    {"CNET", "www.cnet.com"},
    {"TNW", "thenextweb.com"},
    {"Mashable", "mashable.com"},
};

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

/// splitmix64: tiny, fast, and the same stream everywhere.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n).
  std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
  /// Uniform in [lo, hi].
  int range(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  /// Uniform in [0, 1) with 53 bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

 private:
  std::uint64_t s_;
};

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

/// The vocabulary in rank order: function words, then general and tech words
/// interleaved two to one, then the rare words; duplicates dropped (the first occurrence
/// keeps its rank).
std::vector<std::string_view> build_vocabulary() {
  const auto function_words = split_words(kFunctionWords);
  const auto general = split_words(kGeneralWords);
  const auto tech = split_words(kTechWords);
  const auto rare = split_words(kRareWords);
  std::vector<std::string_view> all;
  all.reserve(function_words.size() + general.size() + tech.size());
  all.insert(all.end(), function_words.begin(), function_words.end());
  std::size_t g = 0;
  std::size_t t = 0;
  while (g < general.size() || t < tech.size()) {
    for (int k = 0; k < 2 && g < general.size(); ++k) all.push_back(general[g++]);
    if (t < tech.size()) all.push_back(tech[t++]);
  }
  all.insert(all.end(), rare.begin(), rare.end());
  std::vector<std::string_view> out;
  out.reserve(all.size());
  std::vector<std::string_view> seen;
  seen.reserve(all.size());
  for (const auto w : all) {
    // Quadratic-free dedupe: keep a sorted copy of what we have taken.
    const auto it = std::lower_bound(seen.begin(), seen.end(), w);
    if (it != seen.end() && *it == w) continue;
    seen.insert(it, w);
    out.push_back(w);
  }
  return out;
}

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed), vocab_(build_vocabulary()) {
    // Zipf-Mandelbrot weights 1/(r + 2.7), as a cumulative table in fixed point so the
    // draw is an integer comparison (deterministic across compilers and FPUs).
    cumulative_.reserve(vocab_.size());
    double sum = 0;
    for (std::size_t r = 0; r < vocab_.size(); ++r) sum += 1.0 / (static_cast<double>(r) + 2.7);
    double acc = 0;
    for (std::size_t r = 0; r < vocab_.size(); ++r) {
      acc += 1.0 / (static_cast<double>(r) + 2.7);
      cumulative_.push_back(static_cast<std::uint64_t>(acc / sum * 0x1.0p62));
    }
    cumulative_.back() = std::uint64_t{1} << 62;
  }

  std::size_t vocabulary_size() const { return vocab_.size(); }

  void article(std::size_t n, std::string& out) {
    const int year = rng_.range(2014, 2023);
    const int month = rng_.range(1, year == 2023 ? 11 : 12);
    const int day = rng_.range(1, 28);
    const NamedThing& source = kSources[rng_.below(std::size(kSources))];
    const char* company = pick(kCompanies);

    std::string title;
    make_title(company, title);
    std::string body;
    // Log-uniform 2-15 KB: exp(uniform(ln 2048, ln 15360)).
    const double lo = 7.6246189861593985;  // ln 2048
    const double hi = 9.6395489259087;     // ln 15360
    const std::size_t target = static_cast<std::size_t>(std::exp(lo + (hi - lo) * rng_.unit()));
    make_body(company, year, target, body);

    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
    std::string slug;
    for (const char c : title) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        slug += c;
      else if (c >= 'A' && c <= 'Z')
        slug += static_cast<char>(c - 'A' + 'a');
      else if (c == ' ' && !slug.empty() && slug.back() != '-')
        slug += '-';
      if (slug.size() >= 60) break;
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    // The real corpus's URLs carry /YYYY/MM/DD/ (that is where its dates come from).
    char url_date[16];
    std::snprintf(url_date, sizeof url_date, "%04d/%02d/%02d", year, month, day);

    out.clear();
    out += "{\"id\": \"gen-";
    out += std::to_string(n);
    out += "\", \"title\": ";
    append_json_string(title, out);
    out += ", \"body\": ";
    append_json_string(body, out);
    out += ", \"url\": ";
    append_json_string(std::string("https://") + source.host + "/" + url_date + "/" + slug, out);
    out += ", \"source\": ";
    append_json_string(source.name, out);
    out += ", \"date\": \"";
    out += date;
    out += "\"}\n";
  }

 private:
  template <std::size_t N>
  const char* pick(const char* const (&list)[N]) {
    return list[rng_.below(N)];
  }

  std::size_t rank() {
    const std::uint64_t x = rng_.next() >> 2;  // 62 bits
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
    return std::min(static_cast<std::size_t>(it - cumulative_.begin()), vocab_.size() - 1);
  }

  std::string_view word() { return vocab_[rank()]; }

  /// Titles skew to content words: redraw (up to 3 times) a word among the 60 most
  /// frequent ranks.
  std::string_view title_word() {
    std::size_t r = rank();
    for (int tries = 0; tries < 3 && r < 60; ++tries) r = rank();
    return vocab_[r];
  }

  static void capitalize_append(std::string_view w, std::string& out) {
    if (w.empty()) return;
    const char c = w[0];
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    out.append(w.substr(1));
  }

  std::string money() {
    static constexpr const char* kCurrency[] = {"$", "$", "$", "$", "EUR ", "GBP ", "$"};
    static constexpr const char* kScale[] = {"million", "million", "billion", "thousand"};
    const char* cur = pick(kCurrency);
    const char* scale = pick(kScale);
    std::string s = cur;
    const int whole = rng_.range(1, 999);
    s += std::to_string(whole);
    if (rng_.chance(0.4)) {
      s += '.';
      s += std::to_string(rng_.range(1, 9));
    }
    s += ' ';
    s += scale;
    return s;
  }

  std::string percent() {
    std::string s = std::to_string(rng_.range(1, 95));
    if (rng_.chance(0.3)) {
      s += '.';
      s += std::to_string(rng_.range(1, 9));
    }
    s += rng_.chance(0.7) ? "%" : " percent";
    return s;
  }

  std::string spelled_date(int base_year) {
    std::string s = kMonths[rng_.below(12)];
    s += ' ';
    s += std::to_string(rng_.range(1, 28));
    s += ", ";
    s += std::to_string(base_year - static_cast<int>(rng_.below(3)));
    return s;
  }

  void make_title(const char* company, std::string& title) {
    const int words = rng_.range(5, 12);
    const bool lead_company = rng_.chance(0.6);
    if (lead_company) {
      title += company;
      title += rng_.chance(0.5) ? " " : "'s ";
    }
    for (int i = lead_company ? 1 : 0; i < words; ++i) {
      if (!title.empty() && title.back() != ' ') title += ' ';
      const std::string_view w = title_word();
      capitalize_append(w, title);
    }
    if (rng_.chance(0.15)) {
      title += " for ";
      title += money();
    }
  }

  void sentence(const char* company, int year, std::string& out) {
    std::string s;
    const std::uint64_t kind = rng_.below(100);
    const int words = rng_.range(5, 30);
    auto filler = [&](int n) {
      for (int i = 0; i < n; ++i) {
        if (!s.empty() && s.back() != ' ' && s.back() != '"') s += ' ';
        s.append(word());
      }
    };
    if (kind < 6) {
      s += company;
      s += " raised ";
      s += money();
      s += " in a ";
      s += one_of({"Series A", "Series B", "Series C", "seed", "funding"});
      s += " round led by ";
      s += pick(kCompanies);
      filler(words / 3);
    } else if (kind < 11) {
      s += "\"";
      filler(words / 2);
      s += ",\" said ";
      s += pick(kPeople);
      s += ", chief executive of ";
      s += company;
    } else if (kind < 15) {
      s += "Revenue at ";
      s += pick(kCompanies);
      s += rng_.chance(0.6) ? " rose " : " fell ";
      s += percent();
      s += " to ";
      s += money();
      s += " in the ";
      s += one_of({"first", "second", "third", "fourth"});
      s += " quarter";
      filler(words / 4);
    } else if (kind < 18) {
      s += "On ";
      s += spelled_date(year);
      s += ", ";
      s += pick(kCompanies);
      s += " announced";
      filler(words / 2);
    } else if (kind < 21) {
      s += "According to ";
      s += pick(kPeople);
      s += ",";
      filler(words / 2);
    } else if (kind < 23) {
      s += pick(kCompanies);
      s += " agreed to acquire ";
      s += pick(kCompanies);
      s += " for ";
      s += money();
    } else {
      filler(words);
      if (rng_.chance(0.25)) {
        s += ' ';
        s += one_of({"at", "with", "for", "by", "like"});
        s += ' ';
        s += pick(kCompanies);
      }
    }
    // First letter upper case, then a full stop.
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    if (!s.empty() && s.back() != '.') s += '.';
    out += s;
  }

  const char* one_of(std::initializer_list<const char*> list) {
    return list.begin()[rng_.below(list.size())];
  }

  void make_body(const char* company, int year, std::size_t target, std::string& body) {
    while (body.size() < target) {
      const int sentences = rng_.range(2, 7);
      for (int i = 0; i < sentences; ++i) {
        if (i > 0) body += ' ';
        sentence(company, year, body);
      }
      body += '\n';
    }
    if (!body.empty() && body.back() == '\n') body.pop_back();
  }

  static void append_json_string(std::string_view s, std::string& out) {
    out += '"';
    for (const char c : s) {
      if (c == '"')
        out += "\\\"";
      else if (c == '\\')
        out += "\\\\";
      else if (c == '\n')
        out += "\\n";
      else if (c == '\t')
        out += "\\t";
      else
        out += c;
    }
    out += '"';
  }

  Rng rng_;
  std::vector<std::string_view> vocab_;
  std::vector<std::uint64_t> cumulative_;
};

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: gen_corpus N SEED > out.jsonl\n");
  std::exit(2);
}

std::uint64_t parse_u64(const char* text) {
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text, &end, 10);
  if (end == text || *end != '\0') usage();
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) usage();
  const std::uint64_t n = parse_u64(argv[1]);
  const std::uint64_t seed = parse_u64(argv[2]);
  Generator gen(seed);
  std::fprintf(stderr, "gen_corpus: %llu articles, seed %llu, vocabulary of %zu words\n",
               static_cast<unsigned long long>(n), static_cast<unsigned long long>(seed),
               gen.vocabulary_size());
  std::string line;
  std::size_t bytes = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    gen.article(i, line);
    if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size()) {
      std::fprintf(stderr, "error: write failed\n");
      return 1;
    }
    bytes += line.size();
  }
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "error: write failed\n");
    return 1;
  }
  std::fprintf(stderr, "gen_corpus: %zu bytes\n", bytes);
  return 0;
}
