/// @file jsonl_to_txt.cc
/// Writes each JSONL record as a text file, for peers that index files (omindex).
///
///   jsonl_to_txt JSONL OUTDIR [--limit N]
///
/// OUTDIR/<id>.txt holds the title, a blank line, then the body, so a file indexer sees
/// the same words as the JSONL peers. Characters of the id outside [A-Za-z0-9._-] become
/// `_`. Prints one JSON line: docs, bytes (bytes written).

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "jsonl_reader.h"

namespace {

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: jsonl_to_txt JSONL OUTDIR [--limit N]\n");
  std::exit(2);
}

std::string file_name(std::string_view id) {
  std::string out;
  out.reserve(id.size() + 5);
  if (id.empty() || id[0] == '.') out += '_';  // no hidden files, no empty names
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    out += ok ? c : '_';
  }
  out += ".txt";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string jsonl_path;
  std::string out_dir;
  std::size_t limit = 0;
  bench::parse_two_paths(argc, argv, usage, jsonl_path, out_dir, limit);

  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "error: cannot create %s: %s\n", out_dir.c_str(), ec.message().c_str());
    return 1;
  }
  bench::JsonlReader reader(jsonl_path);
  bench::Record rec;
  std::size_t docs = 0;
  std::size_t bytes = 0;
  while ((limit == 0 || docs < limit) && reader.next(rec)) {
    const std::filesystem::path path = std::filesystem::path(out_dir) / file_name(rec.id);
    std::ofstream out(path, std::ios::binary);
    out.write(rec.title.data(), static_cast<std::streamsize>(rec.title.size()));
    out.write("\n\n", 2);
    out.write(rec.body.data(), static_cast<std::streamsize>(rec.body.size()));
    out.put('\n');
    if (!out) {
      std::fprintf(stderr, "error: cannot write %s\n", path.c_str());
      return 1;
    }
    ++docs;
    bytes += rec.title.size() + rec.body.size() + 3;
  }
  std::printf("{\"docs\": %zu, \"bytes\": %zu, \"dir\": \"%s\"}\n", docs, bytes,
              bench::json_escape(out_dir).c_str());
  return 0;
}
