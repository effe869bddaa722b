// Corpus readers: directories of .txt/.html files and JSONL (optionally gzip'd) files.
// Everything is streamed; a record that cannot be used becomes a BadRecord with its file
// and line, and reading goes on.
#include <simdjson.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/utf8.h"
#include "corpus/html.h"
#include "corpus/text.h"
#include "entities/numeric.h"
#include "newsdex/corpus_reader.h"
#include "newsdex/error.h"

namespace fs = std::filesystem;

namespace newsdex {
namespace {

using detail::trim;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  return out;
}

enum class FileKind { text, html, jsonl, other };

FileKind kind_of(const std::string& path) {
  std::string p = lower(path);
  if (ends_with(p, ".txt")) return FileKind::text;
  if (ends_with(p, ".html") || ends_with(p, ".htm")) return FileKind::html;
  if (ends_with(p, ".jsonl") || ends_with(p, ".jsonl.gz") || ends_with(p, ".ndjson") ||
      ends_with(p, ".json.gz") || ends_with(p, ".ndjson.gz"))
    return FileKind::jsonl;
  return FileKind::other;
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (unsigned char c : s) {
    bool ws = c == ' ' || c == '\t';
    if (!ws && !in) ++n;
    in = !ws;
  }
  return n;
}

// A line that only states a date (and maybe a time): `Jan. 22, 2025, 3:12 a.m.`.
bool is_date_line(std::string_view line) {
  if (line.size() > 48) return false;
  return detail::find_published_date(line).has_value();
}

// An input that cannot be opened because the process is out of file descriptors or memory
// is not a bad input (skipping it would look like a partial success): stop the run.
void fail_if_out_of_resources(const std::string& path, int err) {
  if (err == EMFILE || err == ENFILE || err == ENOMEM)
    throw CorpusError(path + ": cannot open: " + std::strerror(err));
}

// Reads a whole file, up to `max` bytes; returns false (with reason) if it cannot.
bool slurp(const std::string& path, std::uint64_t max, std::string& out, std::string& reason) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    reason = "cannot read: " + ec.message();
    return false;
  }
  if (size > max) {
    reason = "file is larger than " + std::to_string(max >> 20) + " MiB";
    return false;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail_if_out_of_resources(path, errno);
    reason = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  out.resize(size);
  in.read(out.data(), std::streamsize(size));
  if (std::uint64_t(in.gcount()) != size) {
    reason = "read error";
    return false;
  }
  return true;
}

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// A UTF-16 byte-order mark (either order) at the start of @p s.
bool utf16_bom(std::string_view s) {
  return s.size() >= 2 &&
         ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF'));
}

// The first text field of @p a that holds a NUL character, or null.
const char* nul_field(const Article& a) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"id", &a.id},     {"title", &a.title},   {"body", &a.body},
      {"date", &a.date}, {"source", &a.source}, {"url", &a.url}};
  for (const auto& [name, value] : fields)
    if (value->find('\0') != std::string::npos) return name;
  return nullptr;
}

// Rejects what is not text: UTF-16, NUL bytes, invalid UTF-8, nothing but white space.
bool check_text(std::string_view text, std::string& reason) {
  if (utf16_bom(text)) {
    reason = "UTF-16 text (newsdex reads UTF-8: convert the file)";
    return false;
  }
  if (text.find('\0') != std::string_view::npos) {
    reason = "binary file (contains NUL bytes)";
    return false;
  }
  std::size_t bad = utf8::first_invalid(text);
  if (bad != std::string_view::npos) {
    reason = "invalid UTF-8 at byte " + std::to_string(bad);
    return false;
  }
  if (trim(text).empty()) {
    reason = "empty file";
    return false;
  }
  return true;
}

// --- JSONL -------------------------------------------------------------------------------

// Pulls lines out of a (possibly gzip'd) file without ever holding more than max bytes.
class LineReader {
 public:
  LineReader(const std::string& path, std::uint64_t max) : max_(max) {
    errno = 0;
    file_ = gzopen(path.c_str(), "rb");
    open_errno_ = errno;  // before anything else can change it
    if (file_) gzbuffer(file_, 1 << 18);
    buf_.resize(1 << 18);
  }
  ~LineReader() {
    if (file_) gzclose(file_);
  }
  bool ok() const { return file_ != nullptr; }
  /// errno as gzopen() left it (0 if it set none).
  int open_errno() const { return open_errno_; }

  enum class Result { line, too_long, eof, error };
  // Next line into `line` (without '\n'); offset() then says how far into the file it was.
  Result next(std::string& line) {
    line.clear();
    bool too_long = false;
    for (;;) {
      if (pos_ == len_) {
        int n = gzread(file_, buf_.data(), unsigned(buf_.size()));
        if (n < 0) return Result::error;
        if (n == 0) {
          if (too_long) return Result::too_long;
          return line.empty() && !partial_ ? Result::eof : (partial_ = false, Result::line);
        }
        pos_ = 0;
        len_ = std::size_t(n);
      }
      const char* start = buf_.data() + pos_;
      const void* nl = std::memchr(start, '\n', len_ - pos_);
      std::size_t take = nl ? std::size_t(static_cast<const char*>(nl) - start) : len_ - pos_;
      if (!too_long) {
        if (line.size() + take > max_) {
          too_long = true;
          line.clear();
          line.shrink_to_fit();
        } else {
          line.append(start, take);
        }
      }
      pos_ += take;
      if (nl) {
        ++pos_;
        partial_ = false;
        return too_long ? Result::too_long : Result::line;
      }
      partial_ = !too_long;
    }
  }
  /// Bytes of the file consumed by the lines returned so far. Both zlib and this reader
  /// read ahead (256 KiB each), so the file position alone runs up to 512 KiB ahead: for a
  /// plain file, take the decompressed position less what this reader still holds; for
  /// gzip, the same scaled by the compression ratio so far.
  std::uint64_t offset() const {
    if (!file_) return 0;
    const double out = double(gztell(file_)), held = double(len_ - pos_);
    const double consumed = std::max(0.0, out - held);
    if (gzdirect(file_) || out <= 0) return std::uint64_t(consumed);
    return std::uint64_t(consumed * double(gzoffset(file_)) / out);
  }

 private:
  int open_errno_ = 0;
  gzFile file_ = nullptr;
  std::vector<char> buf_;
  std::size_t pos_ = 0, len_ = 0;
  std::uint64_t max_;
  bool partial_ = false;
};

// Reads one string-or-number field; false with a reason when it has another type.
bool get_field(const simdjson::dom::object& obj, std::string_view name, std::string& out,
               std::string& reason) {
  out.clear();
  simdjson::dom::element v;
  if (obj.at_key(name).get(v)) return true;  // absent
  switch (v.type()) {
    case simdjson::dom::element_type::NULL_VALUE:
      return true;
    case simdjson::dom::element_type::STRING:
      out.assign(std::string_view(v));
      return true;
    case simdjson::dom::element_type::INT64:
      out = std::to_string(int64_t(v));
      return true;
    case simdjson::dom::element_type::UINT64:
      out = std::to_string(uint64_t(v));
      return true;
    default:
      reason = "field \"" + std::string(name) + "\" is not a string";
      return false;
  }
}

}  // namespace

// --- public ------------------------------------------------------------------------------

Article parse_text_article(std::string_view text) {
  Article a;
  if (auto d = detail::find_published_date(text)) a.date = to_iso(*d);
  // Candidate title: the first non-empty line of at least three words among the first
  // lines; pure date lines, section labels (`Technology`) and bullets are page furniture.
  std::size_t pos = 0, first_line_end = std::string_view::npos;
  std::string_view first_line;
  int examined = 0;
  while (pos < text.size() && examined < 12) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = trim(text.substr(pos, end - pos));
    std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!line.empty()) {
      ++examined;
      if (first_line.empty()) {
        first_line = line;
        first_line_end = next;
      }
      // `date 2025-01-22 Title...`: a date prefix before the title.
      if (line.size() > 16 && line.substr(0, 5) == "date " && parse_iso_date(line.substr(5, 10))) {
        if (a.date.empty()) a.date = std::string(line.substr(5, 10));
        line = trim(line.substr(15));
      }
      bool furniture =
          is_date_line(line) || count_words(line) < 3 || line.substr(0, 3) == "\xE2\x80\xA2";  // •
      if (!furniture) {
        a.title = std::string(line);
        a.body = std::string(trim(text.substr(next)));
        // A first line that is a whole paragraph (no headline): its first sentence is the
        // title, and the paragraph stays in the body so nothing is lost.
        if (line.size() > 200) {
          std::size_t stop = line.find(". ", 20);
          if (stop == std::string_view::npos || stop > 200)
            stop = line.rfind(' ', 160);
          else
            ++stop;
          if (stop != std::string_view::npos && stop > 0) {
            a.title = std::string(trim(line.substr(0, stop)));
            a.body = std::string(trim(text.substr(std::size_t(line.data() - text.data()))));
          }
        }
        return a;
      }
    }
    pos = next;
  }
  if (!first_line.empty()) {
    a.title = std::string(first_line);
    a.body = std::string(trim(text.substr(std::min(first_line_end, text.size()))));
  }
  return a;
}

CorpusReader::CorpusReader(std::vector<std::string> inputs, ReaderOptions options)
    : options_(options) {
  for (const auto& input : inputs) {
    std::error_code ec;
    auto st = fs::status(input, ec);
    // A symlink loop or a denied directory is said as such, not as "no such file".
    if (ec && ec != std::errc::no_such_file_or_directory)
      throw CorpusError(input + ": cannot read: " + ec.message());
    if (ec || !fs::exists(st)) throw CorpusError(input + ": no such file or directory");
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(
               input, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && kind_of(it->path().string()) != FileKind::other)
          found.push_back(it->path().string());
      }
      if (ec) throw CorpusError(input + ": cannot list directory: " + ec.message());
      std::sort(found.begin(), found.end());
      for (auto& f : found) {
        files_.push_back(std::move(f));
        roots_.push_back(input);
      }
    } else {
      files_.push_back(input);
      roots_.push_back("");
    }
  }
  for (const auto& f : files_) {
    std::error_code ec;
    auto size = fs::file_size(f, ec);
    if (!ec) total_bytes_ += size;
  }
}

void CorpusReader::read(const std::function<bool(Article&&)>& on_article,
                        const std::function<void(BadRecord&&)>& on_bad) {
  simdjson::dom::parser parser;
  std::string line;
  for (std::size_t i = 0; i < files_.size(); ++i) {
    const std::string& path = files_[i];
    std::error_code ec;
    // A FIFO, socket or device named as an input would block or never end: not read.
    if (const auto st = fs::status(path, ec); !ec && !fs::is_regular_file(st)) {
      on_bad({path, 0, "not a regular file (a pipe, socket or device is not read)"});
      continue;
    }
    std::uint64_t size = fs::file_size(path, ec);
    FileKind kind = kind_of(path);
    if (kind == FileKind::other) kind = FileKind::text;  // named explicitly: try as text
    if (kind == FileKind::jsonl) {
      LineReader reader(path, options_.max_record_bytes);
      if (!reader.ok()) {
        const int err = reader.open_errno();
        fail_if_out_of_resources(path, err);
        on_bad(
            {path, 0, std::string("cannot open: ") + (err ? std::strerror(err) : "unknown error")});
        bytes_read_ += size;
        continue;
      }
      std::uint64_t base = bytes_read_.load();
      std::size_t lineno = 0;
      for (;;) {
        auto r = reader.next(line);
        if (r == LineReader::Result::eof) break;
        ++lineno;
        bytes_read_.store(base + std::min(reader.offset(), size), std::memory_order_relaxed);
        if (r == LineReader::Result::error) {
          on_bad({path, lineno, "read error (truncated or corrupt gzip?)"});
          break;
        }
        if (r == LineReader::Result::too_long) {
          on_bad(
              {path, lineno,
               "line is longer than " + std::to_string(options_.max_record_bytes >> 20) + " MiB"});
          continue;
        }
        if (lineno == 1 && line.compare(0, 3, kUtf8Bom) == 0) line.erase(0, 3);
        if (lineno == 1 && utf16_bom(line)) {
          on_bad({path, 0, "UTF-16 text (newsdex reads UTF-8: convert the file)"});
          break;
        }
        std::string_view sv = trim(line);
        if (sv.empty()) continue;  // blank lines are not records
        line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
        std::string reason;
        Article a;
        auto fail = [&](std::string why) { on_bad({path, lineno, std::move(why)}); };
        simdjson::dom::element root;
        if (auto err = parser.parse(line.data(), line.size(), false).get(root)) {
          fail(std::string("invalid JSON: ") + simdjson::error_message(err));
          continue;
        }
        simdjson::dom::object obj;
        if (root.get(obj)) {
          fail("not a JSON object");
          continue;
        }
        if (!get_field(obj, "id", a.id, reason) || !get_field(obj, "title", a.title, reason) ||
            !get_field(obj, "body", a.body, reason) || !get_field(obj, "date", a.date, reason) ||
            !get_field(obj, "source", a.source, reason) || !get_field(obj, "url", a.url, reason)) {
          fail(reason);
          continue;
        }
        if (a.id.empty()) {
          fail("missing \"id\"");
          continue;
        }
        if (const char* field = nul_field(a)) {  // as a NUL in a text file makes it binary
          fail(std::string("field \"") + field + "\" contains a NUL character (\\u0000)");
          continue;
        }
        if (trim(a.title).empty() && trim(a.body).empty()) {
          fail("empty record (no title and no body)");
          continue;
        }
        if (!a.date.empty()) {
          std::string d = a.date.substr(0, 10);
          if (!parse_iso_date(d)) d = a.date.substr(0, 7);
          a.date = parse_iso_date(d) ? d : std::string();
        }
        a.origin = path;
        a.line = lineno;
        if (!on_article(std::move(a))) return;
      }
      bytes_read_.store(base + size, std::memory_order_relaxed);
      continue;
    }
    std::string text, reason;
    if (slurp(path, options_.max_record_bytes, text, reason) &&
        std::string_view(text).substr(0, 3) == kUtf8Bom)
      text.erase(0, 3);  // a UTF-8 byte-order mark is not part of the title
    if (!reason.empty() || !check_text(text, reason)) {
      on_bad({path, 0, reason});
      bytes_read_ += size;
      continue;
    }
    if (kind == FileKind::html) reason = detail::html_rejection(text);
    if (!reason.empty()) {
      on_bad({path, 0, reason});
      bytes_read_ += size;
      continue;
    }
    Article a =
        kind == FileKind::html ? detail::parse_checked_html(text) : parse_text_article(text);
    bytes_read_ += size;
    if (a.title.empty() && a.body.empty()) {
      on_bad({path, 0, "no text content"});
      continue;
    }
    std::string rel = path;
    if (!roots_[i].empty())
      rel = fs::path(path).lexically_relative(roots_[i]).generic_string();
    else
      rel = fs::path(path).filename().generic_string();
    a.id = rel;
    a.path = path;
    a.origin = path;
    if (!on_article(std::move(a))) return;
  }
}

}  // namespace newsdex
