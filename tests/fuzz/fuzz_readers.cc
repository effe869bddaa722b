// libFuzzer target: the corpus readers. The input is parsed as a plain-text article and as an
// HTML page (parse_text_article, parse_html_article), then written to files named in.txt,
// in.html, in.jsonl and in.jsonl.gz (the input gzip'd) in a temporary directory per process
// and read back through newsdex::CorpusReader, collecting articles and bad records; in.jsonl
// once more with a record limit below the input's size (the too-long path). Nothing may
// escape but parse_html_article's documented CorpusError for a page nested too deep. (Each JSONL
// file read costs the reader's two 256 KiB buffers, which is most of this target's time per input.)
#include <stdlib.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "newsdex/article.h"
#include "newsdex/civil_date.h"
#include "newsdex/corpus_reader.h"
#include "newsdex/error.h"

namespace {

std::string g_tmpdir;

void remove_tmpdir() {
  std::error_code ec;
  if (!g_tmpdir.empty()) std::filesystem::remove_all(g_tmpdir, ec);
}

const std::string& tmpdir() {
  if (g_tmpdir.empty()) {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "newsdex-fuzz-readers-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) {
      std::perror("fuzz_readers: mkdtemp");
      std::abort();
    }
    g_tmpdir = tmpl;
    std::atexit(remove_tmpdir);
  }
  return g_tmpdir;
}

void write_file(const std::string& path, std::string_view data) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(data.data(), std::streamsize(data.size()));
  if (!f) {
    std::fprintf(stderr, "fuzz_readers: cannot write %s\n", path.c_str());
    std::abort();
  }
}

void write_gzip(const std::string& path, std::string_view data) {
  gzFile f = gzopen(path.c_str(), "wb1");
  if (!f || (!data.empty() && gzwrite(f, data.data(), unsigned(data.size())) <= 0) ||
      gzclose(f) != Z_OK) {
    std::fprintf(stderr, "fuzz_readers: cannot write %s\n", path.c_str());
    std::abort();
  }
}

// Article::date is ISO `YYYY-MM-DD` or `YYYY-MM` (a year alone from the text scan), or empty.
void check(const newsdex::Article& a) {
  FUZZ_CHECK(a.date.empty() || newsdex::parse_iso_date(a.date).has_value());
}

void read_all(const std::vector<std::string>& files, newsdex::ReaderOptions options) {
  newsdex::CorpusReader reader(files, options);
  std::vector<newsdex::Article> articles;
  std::vector<newsdex::BadRecord> bad;
  reader.read(
      [&](newsdex::Article&& a) {
        check(a);
        FUZZ_CHECK(!a.id.empty());
        articles.push_back(std::move(a));
        return true;
      },
      [&](newsdex::BadRecord&& b) { bad.push_back(std::move(b)); });
  FUZZ_CHECK(reader.bytes_read() <= reader.total_bytes());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check(newsdex::parse_text_article(input));
  // parse_html_article refuses a page nested deeper than it parses (its documented
  // CorpusError, which CorpusReader turns into a bad record), and says so.
  try {
    check(newsdex::parse_html_article(input));
  } catch (const newsdex::CorpusError& e) {
    FUZZ_CHECK(std::string_view(e.what()).find("HTML nested") != std::string_view::npos);
  }

  const std::string& dir = tmpdir();
  const std::vector<std::string> files = {dir + "/in.txt", dir + "/in.html", dir + "/in.jsonl",
                                          dir + "/in.jsonl.gz"};
  write_file(files[0], input);
  write_file(files[1], input);
  write_file(files[2], input);
  write_gzip(files[3], input);
  read_all(files, {});
  newsdex::ReaderOptions small;
  small.max_record_bytes = size / 2 + 1;
  read_all({files[2]}, small);
  return 0;
}
