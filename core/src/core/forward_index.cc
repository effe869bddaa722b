#include "core/forward_index.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "core/flat_map.h"
#include "core/schema.h"

namespace newsdex::detail {

namespace fs = std::filesystem;

namespace {

// The amount of a money key for its range: a plain one (`USD:618000`, `EUR:2.5`) by its
// integer part, which falls in the same range as the amount since the bounds are whole
// numbers; others (an exponent, a sign) by strtod. Counting a fresh process's money facet
// read every occurrence of every key, and strtod was a tenth of it.
double range_amount(std::string_view key) {
  const std::size_t colon = key.rfind(':');
  double whole = 0;
  std::size_t i = colon == std::string_view::npos ? key.size() : colon + 1;
  const std::size_t start = i;
  for (; i < key.size() && key[i] >= '0' && key[i] <= '9'; ++i) whole = whole * 10 + (key[i] - '0');
  if (i > start && i < key.size() && key[i] == '.')
    for (++i; i < key.size() && key[i] >= '0' && key[i] <= '9';) ++i;
  return i > start && i == key.size() ? whole : schema::money_amount(key);
}

}  // namespace

std::uint8_t money_range_bits(std::string_view key) {
  const double amount = range_amount(key);
  std::uint8_t bits = 0;
  for (std::size_t r = 0; r < std::size(kMoneyRanges); ++r)
    if (amount >= kMoneyRanges[r].lo && amount < kMoneyRanges[r].hi) bits |= std::uint8_t(1u << r);
  return bits;
}

std::uint32_t date_number(std::string_view value) {
  const auto d = schema::parse_date_value(value);
  return d ? std::uint32_t(d->year * 10000 + d->month * 100 + d->day) : 0;
}

namespace {

// One pass over @p kind's value stream, in docid order: each document's keys interned into
// @p keys (in order of first appearance; money: each new key's range bits appended to
// @p key_ranges), then f(docid, its key ids, its money range bits). A writer that streams
// the file and a searcher that keeps the arrays share it.
template <class F>
void scan_kind(const Xapian::Database& db, EntityKind k, StringInterner& keys,
               std::vector<std::uint8_t>& key_ranges, F&& f) {
  const Xapian::docid last = db.get_lastdocid();
  const unsigned slot = schema::facet_slot(k);
  std::vector<std::string_view> parts;
  std::vector<std::uint32_t> ids;
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
    const Xapian::docid did = v.get_docid();
    if (did > last) continue;
    const std::string value = *v;
    parts.clear();
    if (!schema::decode_keys(value, parts)) continue;  // damaged: `newsdex check` says so
    ids.clear();
    std::uint8_t bits = 0;
    for (std::string_view key : parts) {
      bool added = false;
      const std::uint32_t id = keys.intern(key, hash_word(key), added);
      if (k == EntityKind::money) {
        if (added) key_ranges.push_back(money_range_bits(key));
        bits |= key_ranges[id];
      }
      ids.push_back(id);
    }
    f(did, std::span<const std::uint32_t>(ids), bits);
  }
}

// f(docid, YYYYMMDD) for every document with a date, in docid order.
template <class F>
void scan_dates(const Xapian::Database& db, F&& f) {
  const Xapian::docid last = db.get_lastdocid();
  const unsigned slot = schema::kSlotDate;
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v)
    if (v.get_docid() <= last) f(v.get_docid(), date_number(*v));
}

// f(docid, story id) for every document with a story key, in docid order: keys interned
// into @p keys, story id = interned id + 1 (0 is none).
template <class F>
void scan_stories(const Xapian::Database& db, StringInterner& keys, F&& f) {
  const Xapian::docid last = db.get_lastdocid();
  const unsigned slot = schema::kSlotStory;
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
    if (v.get_docid() > last) continue;
    const std::string key = *v;
    bool added = false;
    f(v.get_docid(), keys.intern(key, hash_word(key), added) + 1);
  }
}

}  // namespace

ForwardKeysData build_forward_keys(const Xapian::Database& db, EntityKind k) {
  ForwardKeysData kd;
  const Xapian::docid last = db.get_lastdocid();
  kd.offsets.assign(std::size_t(last) + 2, 0);
  if (k == EntityKind::money) kd.money_ranges.assign(std::size_t(last) + 1, 0);
  StringInterner keys;
  std::vector<std::uint8_t> key_ranges;
  scan_kind(db, k, keys, key_ranges, [&](Xapian::docid did, auto ids, std::uint8_t bits) {
    kd.ids.insert(kd.ids.end(), ids.begin(), ids.end());
    kd.offsets[did + 1] = std::uint32_t(ids.size());  // a count until the sum below
    if (k == EntityKind::money) kd.money_ranges[did] = bits;
  });
  for (std::size_t d = 1; d < kd.offsets.size(); ++d) kd.offsets[d] += kd.offsets[d - 1];
  keys.release(kd.key_offsets, kd.key_bytes);
  return kd;
}

std::vector<std::uint32_t> build_dates(const Xapian::Database& db) {
  std::vector<std::uint32_t> dates(std::size_t(db.get_lastdocid()) + 1, 0);
  scan_dates(db, [&](Xapian::docid did, std::uint32_t date) { dates[did] = date; });
  return dates;
}

std::vector<std::uint32_t> build_stories(const Xapian::Database& db, StoryKeysData* keys) {
  std::vector<std::uint32_t> stories(std::size_t(db.get_lastdocid()) + 1, 0);
  StringInterner interned;
  scan_stories(db, interned, [&](Xapian::docid did, std::uint32_t story) { stories[did] = story; });
  if (keys) {
    *keys = StoryKeysData{};
    interned.release(keys->offsets, keys->bytes);
  }
  return stories;
}

// ---- the file ----------------------------------------------------------------------------
//
// Little-endian 64-bit words (the byte-order word tells another machine's file apart):
//   "NDXFACET", byte order 0x0102030405060708, format version, revision, document count,
//   last docid, UUID length, the UUID (padded to 8 bytes), section count, per section
//   (id, offset, bytes, checksum), and the checksum of all the header before it.
// Then the sections, each at a multiple of 8 bytes. Section ids: kind * 8 + field for the
// entity kinds (0 offsets, 1 ids, 2 key offsets, 3 key bytes, 4 money ranges), 64 dates,
// 65 stories, 66 story key offsets (story id → its key), 67 story key bytes. Format 2 added
// the story keys (a file of format 1 is ignored, as any other format).

namespace {

constexpr char kMagic[8] = {'N', 'D', 'X', 'F', 'A', 'C', 'E', 'T'};
constexpr std::uint64_t kByteOrder = 0x0102030405060708ull;
constexpr std::uint64_t kFormat = 2;
constexpr unsigned kFieldOffsets = 0, kFieldIds = 1, kFieldKeyOffsets = 2, kFieldKeyBytes = 3,
                   kFieldMoneyRanges = 4;
constexpr unsigned kSectionDates = 64, kSectionStories = 65, kSectionStoryKeyOffsets = 66,
                   kSectionStoryKeyBytes = 67;
constexpr std::uint64_t kMaxSections = 128, kMaxUuid = 256;
constexpr unsigned section_id(EntityKind kind, unsigned field) {
  return unsigned(kind) * 8 + field;
}

std::uint64_t load8(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
std::uint64_t rotl(std::uint64_t x, int r) { return x << r | x >> (64 - r); }

// A 64-bit checksum of a byte string: four multiply-rotate lanes over 32-byte blocks (about
// as fast as memory delivers), then the tail; any change of a byte changes it but by chance.
// Fed in pieces of any size (a section streamed as it is built) or at once: the same value.
class Checksum {
 public:
  void update(const unsigned char* p, std::size_t n) {
    total_ += n;
    if (held_ > 0) {  // complete the block begun by the last piece
      const std::size_t take = std::min(n, sizeof block_ - held_);
      std::memcpy(block_ + held_, p, take);
      held_ += take;
      p += take;
      n -= take;
      if (held_ < sizeof block_) return;
      lanes(block_);
      held_ = 0;
    }
    for (; n >= 32; p += 32, n -= 32) lanes(p);
    std::memcpy(block_, p, n);
    held_ = n;
  }
  /// update() of @p n bytes (a multiple of 32, none held), also raising @p largest to the
  /// largest little-endian 32-bit word among them: a section's ids are checked in the
  /// pass that sums them, not in a second pass over tens of megabytes (at a million
  /// articles that pass cost as much as the checksum: memory, not arithmetic).
  void update_blocks(const unsigned char* p, std::size_t n, std::uint32_t& largest) {
    total_ += n;
    for (; n >= 32; p += 32, n -= 32) {
      lanes(p);
      for (int j = 0; j < 4; ++j) {
        const std::uint64_t w = load8(p + 8 * j);
        largest = std::max({largest, std::uint32_t(w), std::uint32_t(w >> 32)});
      }
    }
  }
  std::uint64_t value() const {
    std::uint64_t r = total_ * k1;
    for (int j = 0; j < 4; ++j) r = (r ^ rotl(h_[j], 7 * j + 1)) * k2;
    for (std::size_t i = 0; i < held_; ++i) r = rotl(r ^ block_[i], 11) * k1;
    r ^= r >> 33;
    r *= k2;
    return r ^ (r >> 29);
  }

 private:
  static constexpr std::uint64_t k1 = 0x9E3779B185EBCA87ull, k2 = 0xC2B2AE3D27D4EB4Full;
  void lanes(const unsigned char* p) {
    for (int j = 0; j < 4; ++j) h_[j] = rotl(h_[j] + load8(p + 8 * j) * k2, 31) * k1;
  }
  std::uint64_t h_[4] = {k1 + k2, k2, 0, 0 - k1};
  unsigned char block_[32] = {};
  std::size_t held_ = 0;
  std::uint64_t total_ = 0;
};

std::uint64_t checksum(const unsigned char* p, std::size_t n) {
  Checksum c;
  c.update(p, n);
  return c.value();
}

// checksum(), and the largest 32-bit word of the @p n bytes at @p p (4-byte aligned) in
// @p largest (0 if none).
std::uint64_t checksum_and_largest(const unsigned char* p, std::size_t n, std::uint32_t& largest) {
  largest = 0;
  Checksum c;
  const std::size_t blocks = n / 32 * 32;
  c.update_blocks(p, blocks, largest);
  c.update(p + blocks, n - blocks);
  for (std::size_t i = blocks; i + 4 <= n; i += 4) {
    std::uint32_t w;
    std::memcpy(&w, p + i, 4);
    largest = std::max(largest, w);
  }
  return c.value();
}

std::uint64_t padded(std::uint64_t n) { return (n + 7) & ~std::uint64_t(7); }

}  // namespace

std::uint64_t facet_checksum(const unsigned char* p, std::size_t n) { return checksum(p, n); }

namespace {

// Writes the file through one descriptor: sections as they are built, the header last.
// A section of known size is placed with reserve() and may be filled while another grows
// at the end (a kind's offsets, filled document by document while its ids are appended);
// memory is a buffer per open section, whatever the size of the database.
class Writer {
 public:
  explicit Writer(std::string path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) fail("cannot create");
  }
  ~Writer() {
    if (fd_ >= 0) ::close(fd_);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  /// Room for @p bytes at the end; returns where it starts.
  std::uint64_t reserve(std::uint64_t bytes) {
    const std::uint64_t at = end_;
    end_ = padded(end_ + bytes);
    return at;
  }
  /// Where a section of unknown size starts (the end); after it, call reserve(its size).
  std::uint64_t end() const { return end_; }

  /// One section, written as it is produced at a fixed offset (a table entry on close()).
  class Section {
   public:
    Section(Writer& w, unsigned id, std::uint64_t offset) : w_(w), id_(id), offset_(offset) {}
    void append(const void* data, std::size_t n) {
      const auto* p = static_cast<const unsigned char*>(data);
      sum_.update(p, n);
      if (buf_.size() + n > kBuffer) flush();
      if (n >= kBuffer) {
        w_.write_at(offset_ + bytes_, p, n);
        bytes_ += n;
      } else {
        buf_.insert(buf_.end(), p, p + n);
      }
    }
    template <class T>
    void put(const T& v) {
      append(&v, sizeof v);
    }
    /// Puts @p v until @p n values of type T are written.
    template <class T>
    void fill_to(std::size_t n, T v) {
      while (size() / sizeof(T) < n) put(v);
    }
    std::uint64_t size() const { return bytes_ + buf_.size(); }
    void close() {
      flush();
      w_.table_.push_back({id_, offset_, bytes_, sum_.value()});
    }

   private:
    static constexpr std::size_t kBuffer = 1 << 20;
    void flush() {
      w_.write_at(offset_ + bytes_, buf_.data(), buf_.size());
      bytes_ += buf_.size();
      buf_.clear();
    }
    Writer& w_;
    unsigned id_;
    std::uint64_t offset_, bytes_ = 0;
    Checksum sum_;
    std::vector<unsigned char> buf_;
  };

  /// A whole section from memory.
  template <class T>
  void section(unsigned id, std::span<const T> data) {
    Section s(*this, id, reserve(data.size_bytes()));
    s.append(data.data(), data.size_bytes());
    s.close();
  }

  void finish(const std::string& header_head) {
    std::string h = header_head;
    auto put = [&](std::uint64_t w) { h.append(reinterpret_cast<const char*>(&w), 8); };
    put(table_.size());
    for (const auto& s : table_) {
      put(s[0]);
      put(s[1]);
      put(s[2]);
      put(s[3]);
    }
    put(checksum(reinterpret_cast<const unsigned char*>(h.data()), h.size()));
    write_at(0, reinterpret_cast<const unsigned char*>(h.data()), h.size());
    if (::ftruncate(fd_, off_t(end_)) != 0) fail("cannot size");
    if (::fsync(fd_) != 0) fail("cannot sync");
    if (::close(fd_) != 0) {
      fd_ = -1;
      fail("cannot close");
    }
    fd_ = -1;
  }
  std::uint64_t size() const { return end_; }

 private:
  void write_at(std::uint64_t offset, const unsigned char* p, std::uint64_t n) {
    while (n > 0) {
      const ssize_t w =
          ::pwrite(fd_, p, std::size_t(std::min<std::uint64_t>(n, 1u << 30)), off_t(offset));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) fail("cannot write");
      p += w;
      offset += std::uint64_t(w);
      n -= std::uint64_t(w);
    }
  }
  [[noreturn]] void fail(const char* what) {
    throw std::runtime_error(path_ + ": " + what + ": " + std::strerror(errno));
  }
  std::string path_;
  int fd_ = -1;
  std::uint64_t end_ = 0;
  std::vector<std::array<std::uint64_t, 4>> table_;
};

// One kind's sections, streamed: the offsets (last docid + 2 words) and money ranges (last
// docid + 1 bytes) placed first and filled document by document, the ids appended after
// them as they come, the keys (in memory: one copy of each distinct key) last.
void write_kind(Writer& w, const Xapian::Database& db, EntityKind k) {
  const std::size_t docs = std::size_t(db.get_lastdocid()) + 1;
  const bool money = k == EntityKind::money;
  Writer::Section offsets(w, section_id(k, kFieldOffsets), w.reserve((docs + 1) * 4));
  std::optional<Writer::Section> ranges;
  if (money) ranges.emplace(w, section_id(k, kFieldMoneyRanges), w.reserve(docs));
  Writer::Section ids(w, section_id(k, kFieldIds), w.end());
  StringInterner keys;
  std::vector<std::uint8_t> key_ranges;
  std::uint32_t total = 0;  // ids so far: the next document's offset
  scan_kind(db, k, keys, key_ranges, [&](Xapian::docid did, auto doc_ids, std::uint8_t bits) {
    offsets.fill_to(std::size_t(did) + 1, total);  // offsets[did] = ids before did
    total += std::uint32_t(doc_ids.size());
    ids.append(doc_ids.data(), doc_ids.size_bytes());
    if (ranges) {
      ranges->fill_to(std::size_t(did), std::uint8_t(0));
      ranges->put(bits);
    }
  });
  offsets.fill_to(docs + 1, total);
  offsets.close();
  if (ranges) {
    ranges->fill_to(docs, std::uint8_t(0));
    ranges->close();
  }
  ids.close();
  w.reserve(ids.size());
  w.section(section_id(k, kFieldKeyOffsets), std::span<const std::uint32_t>(keys.offsets()));
  w.section(section_id(k, kFieldKeyBytes), std::span<const char>(keys.bytes()));
}

// A docid-indexed array (dates, stories) streamed: @p scan calls back with (docid, value) in
// docid order; documents without one get 0.
template <class Scan>
void write_docid_array(Writer& w, unsigned id, std::size_t docs, Scan&& scan) {
  Writer::Section s(w, id, w.reserve(docs * 4));
  scan([&](Xapian::docid did, std::uint32_t v) {
    s.fill_to(std::size_t(did), std::uint32_t(0));
    s.put(v);
  });
  s.fill_to(docs, std::uint32_t(0));
  s.close();
}

}  // namespace

std::string facet_file_path(const std::string& db_dir) { return db_dir + "/newsdex-facets"; }

std::uint64_t write_facet_file(const std::string& db_dir) {
  const Xapian::Database db(db_dir);
  std::string head(kMagic, 8);
  auto put = [&](std::uint64_t w) { head.append(reinterpret_cast<const char*>(&w), 8); };
  put(kByteOrder);
  put(kFormat);
  put(db.get_revision());
  put(db.get_doccount());
  put(db.get_lastdocid());
  const std::string uuid = db.get_uuid();
  put(uuid.size());
  head += uuid;
  head.resize(padded(head.size()), '\0');
  // The section table's size is known before the sections: they start right after it.
  constexpr EntityKind kKinds[] = {EntityKind::company, EntityKind::person, EntityKind::product,
                                   EntityKind::money, EntityKind::percent};
  std::uint64_t sections = 4;
  for (EntityKind k : kKinds) sections += k == EntityKind::money ? 5 : 4;
  const std::uint64_t header_bytes = head.size() + 8 + sections * 32 + 8;

  const std::string path = facet_file_path(db_dir);
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  // Temporary files of writers killed while writing (the caller holds the database's write
  // lock: no other writer is at work).
  std::error_code ec;
  const std::string stem = fs::path(path).filename().string() + ".tmp-";
  for (const auto& e : fs::directory_iterator(db_dir, ec))
    if (e.path().filename().string().rfind(stem, 0) == 0) fs::remove(e.path(), ec);
  try {
    Writer w(tmp);
    w.reserve(header_bytes);
    for (EntityKind k : kKinds) write_kind(w, db, k);
    const std::size_t docs = std::size_t(db.get_lastdocid()) + 1;
    write_docid_array(w, kSectionDates, docs, [&](auto f) { scan_dates(db, f); });
    StringInterner story_keys;
    write_docid_array(w, kSectionStories, docs, [&](auto f) { scan_stories(db, story_keys, f); });
    w.section(kSectionStoryKeyOffsets, std::span<const std::uint32_t>(story_keys.offsets()));
    w.section(kSectionStoryKeyBytes, std::span<const char>(story_keys.bytes()));
    w.finish(head);
    if (::rename(tmp.c_str(), path.c_str()) != 0)
      throw std::runtime_error(path + ": cannot rename into place: " + std::strerror(errno));
    return w.size();
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
}

// ---- reading ------------------------------------------------------------------------------

std::shared_ptr<const FacetFile> FacetFile::open(const std::string& db_dir,
                                                 const Xapian::Database& db, std::string& why) {
  const std::string path = facet_file_path(db_dir);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    why = path + ": " + std::strerror(errno);
    return nullptr;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size < 128) {
    ::close(fd);
    why = path + ": too short";
    return nullptr;
  }
  const auto size = std::uint64_t(st.st_size);
  void* map = ::mmap(nullptr, std::size_t(size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) {
    why = path + ": cannot map: " + std::strerror(errno);
    return nullptr;
  }
  std::shared_ptr<FacetFile> f(new FacetFile());
  f->data_ = static_cast<const unsigned char*>(map);
  f->size_ = size;
  const unsigned char* p = f->data_;
  std::uint64_t at = 0;
  auto word = [&](std::uint64_t& w) {
    if (at + 8 > size) return false;
    w = load8(p + at);
    at += 8;
    return true;
  };
  auto bad = [&](const std::string& what) {
    why = path + ": " + what;
    return nullptr;
  };
  std::uint64_t order = 0, format = 0, revision = 0, docs = 0, last = 0, uuid_len = 0, n = 0;
  if (std::memcmp(p, kMagic, 8) != 0) return bad("not a newsdex facet file");
  at = 8;
  if (!word(order) || order != kByteOrder) return bad("written on a machine of another byte order");
  if (!word(format) || format != kFormat)
    return bad("format " + std::to_string(format) + ", not " + std::to_string(kFormat));
  if (!word(revision) || !word(docs) || !word(last) || !word(uuid_len) || uuid_len > kMaxUuid ||
      at + uuid_len > size)
    return bad("damaged header");
  const std::string uuid(reinterpret_cast<const char*>(p + at), std::size_t(uuid_len));
  at = padded(at + uuid_len);
  if (!word(n) || n > kMaxSections) return bad("damaged header");
  f->sections_.resize(kSectionStoryKeyBytes + 1);
  for (std::uint64_t i = 0; i < n; ++i) {
    std::uint64_t id = 0;
    Section s;
    if (!word(id) || !word(s.offset) || !word(s.bytes) || !word(s.checksum))
      return bad("damaged header");
    if (id >= f->sections_.size() || s.offset % 8 != 0 || s.offset > size ||
        s.bytes > size - s.offset)
      return bad("damaged section table (truncated?)");
    s.present = true;
    f->sections_[std::size_t(id)] = s;
  }
  std::uint64_t sum = 0;
  const std::uint64_t header_end = at;
  if (!word(sum) || sum != checksum(p, std::size_t(header_end))) return bad("damaged header");
  // The database it was written for: exactly this revision of exactly this database.
  std::string stale;
  try {
    if (uuid != db.get_uuid())
      stale = "another database (UUID " + uuid + ")";
    else if (revision != db.get_revision())
      stale = "revision " + std::to_string(revision) + ", the database is at " +
              std::to_string(db.get_revision());
    else if (docs != db.get_doccount() || last != db.get_lastdocid())
      stale = "other document counts";
  } catch (const Xapian::Error& e) {
    stale = "no single revision to compare (" + e.get_msg() + ")";
  }
  if (!stale.empty()) return bad("stale: written for " + stale);
  f->last_docid_ = last;
  return f;
}

FacetFile::~FacetFile() {
  if (data_) ::munmap(const_cast<unsigned char*>(data_), std::size_t(size_));
}

std::optional<std::span<const unsigned char>> FacetFile::section(unsigned id, std::string& why,
                                                                 std::uint32_t* largest) const {
  if (id >= sections_.size() || !sections_[id].present) {
    why = "section " + std::to_string(id) + " missing";
    return std::nullopt;
  }
  const Section& s = sections_[id];
  const unsigned char* p = data_ + s.offset;
  const std::size_t n = std::size_t(s.bytes);
  if ((largest ? checksum_and_largest(p, n, *largest) : checksum(p, n)) != s.checksum) {
    why = "section " + std::to_string(id) + " damaged (checksum)";
    return std::nullopt;
  }
  return std::span<const unsigned char>(p, std::size_t(s.bytes));
}

namespace {
std::span<const std::uint32_t> as_u32(std::span<const unsigned char> b) {
  return {reinterpret_cast<const std::uint32_t*>(b.data()), b.size() / 4};
}
}  // namespace

std::optional<std::span<const std::uint32_t>> FacetFile::docid_array(unsigned id,
                                                                     std::string& why) const {
  const auto b = section(id, why);
  if (!b) return std::nullopt;
  if (b->size() != (last_docid_ + 1) * 4) {
    why = "section " + std::to_string(id) + ": wrong size";
    return std::nullopt;
  }
  return as_u32(*b);
}

std::optional<std::span<const std::uint32_t>> FacetFile::dates(std::string& why) const {
  return docid_array(kSectionDates, why);
}

std::optional<std::span<const std::uint32_t>> FacetFile::stories(std::string& why) const {
  return docid_array(kSectionStories, why);
}

std::optional<StoryKeys> FacetFile::story_keys(std::string& why) const {
  const auto stories = docid_array(kSectionStories, why);
  const auto offsets = stories ? section(kSectionStoryKeyOffsets, why) : std::nullopt;
  const auto bytes = offsets ? section(kSectionStoryKeyBytes, why) : std::nullopt;
  if (!bytes) return std::nullopt;
  StoryKeys k;
  k.offsets = as_u32(*offsets);
  k.bytes = std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size());
  // Checked as the keys of a kind are: in order, within the bytes, one per story id.
  if (offsets->size() % 4 || k.offsets.empty() || k.offsets.front() != 0 ||
      k.offsets.back() != k.bytes.size() || !std::is_sorted(k.offsets.begin(), k.offsets.end())) {
    why = "story key offsets out of order";
    return std::nullopt;
  }
  for (std::uint32_t s : *stories)
    if (s >= k.offsets.size()) {
      why = "a story id without a key";
      return std::nullopt;
    }
  return k;
}

std::optional<ForwardKeys> FacetFile::keys(EntityKind kind, std::string& why) const {
  if (kind == EntityKind::date) {
    why = "no keys for dates";
    return std::nullopt;
  }
  const auto offsets = section(section_id(kind, kFieldOffsets), why);
  std::uint32_t largest_id = 0;  // (read as the checksum reads the ids)
  const auto ids = offsets ? section(section_id(kind, kFieldIds), why, &largest_id) : std::nullopt;
  const auto key_offsets = ids ? section(section_id(kind, kFieldKeyOffsets), why) : std::nullopt;
  const auto key_bytes =
      key_offsets ? section(section_id(kind, kFieldKeyBytes), why) : std::nullopt;
  if (!key_bytes) return std::nullopt;
  ForwardKeys k;
  k.offsets = as_u32(*offsets);
  k.ids = as_u32(*ids);
  k.key_offsets = as_u32(*key_offsets);
  k.key_bytes =
      std::string_view(reinterpret_cast<const char*>(key_bytes->data()), key_bytes->size());
  auto bad = [&](const char* what) {
    why = std::string(to_string(kind)) + ": " + what;
    return std::nullopt;
  };
  // Whole sections whose checksums hold were written so; the structure is checked all the
  // same (a file made to fit its checksums must not make counting read out of bounds).
  if (offsets->size() % 4 || ids->size() % 4 || key_offsets->size() % 4)
    return bad("sections of odd sizes");
  if (k.offsets.size() != last_docid_ + 2 || k.offsets.front() != 0 ||
      k.offsets.back() != k.ids.size() || !std::is_sorted(k.offsets.begin(), k.offsets.end()))
    return bad("document offsets out of order");
  if (k.key_offsets.empty() || k.key_offsets.front() != 0 ||
      k.key_offsets.back() != k.key_bytes.size() ||
      !std::is_sorted(k.key_offsets.begin(), k.key_offsets.end()))
    return bad("key offsets out of order");
  if (!k.ids.empty() && largest_id >= k.key_count()) return bad("a key id out of range");
  if (kind == EntityKind::money) {
    const auto ranges = section(section_id(kind, kFieldMoneyRanges), why);
    if (!ranges) return std::nullopt;
    if (ranges->size() != last_docid_ + 1) return bad("money ranges of the wrong size");
    k.money_ranges = *ranges;
  }
  return k;
}

}  // namespace newsdex::detail
