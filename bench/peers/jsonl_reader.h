#pragma once
/// @file jsonl_reader.h
/// A small JSONL reader shared by the peer programs: one record per line, the fields
/// `id`, `title` and `body` (others ignored), parsed with simdjson On-Demand.
///
/// The peers must spend their time in the engine, not in JSON: simdjson parses the
/// 178 MB tech-articles corpus in well under a second, so the reader is never what a
/// peer's figure measures.

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "common.h"

namespace bench {

/// One record. The views point into the reader's parser buffers: valid until the next
/// call to JsonlReader::next().
struct Record {
  std::string_view id;
  std::string_view title;
  std::string_view body;
  std::size_t line_bytes = 0;  ///< bytes of the JSONL line, newline included
  std::size_t line_no = 0;     ///< 1-based
};

class JsonlReader {
 public:
  explicit JsonlReader(const std::string& path) : in_(path, std::ios::binary) {
    if (!in_) {
      std::fprintf(stderr, "error: cannot open %s\n", path.c_str());
      std::exit(1);
    }
  }

  /// Reads the next well-formed record; skips (and counts) blank or malformed lines.
  /// Returns false at end of file.
  bool next(Record& rec) {
    while (std::getline(in_, line_)) {
      ++line_no_;
      const std::size_t raw = line_.size() + 1;
      bytes_ += raw;
      if (line_.find_first_not_of(" \t\r") == std::string::npos) continue;
      // simdjson reads up to SIMDJSON_PADDING bytes past the end: make room for them.
      line_.reserve(line_.size() + simdjson::SIMDJSON_PADDING);
      simdjson::padded_string_view view(line_.data(), line_.size(), line_.capacity());
      if (!parse(view, rec)) {
        ++bad_;
        std::fprintf(stderr, "warning: line %zu: not a JSON object with a string id; skipped\n",
                     line_no_);
        continue;
      }
      rec.line_bytes = raw;
      rec.line_no = line_no_;
      return true;
    }
    return false;
  }

  std::size_t bytes_read() const { return bytes_; }
  std::size_t bad_records() const { return bad_; }

 private:
  bool parse(simdjson::padded_string_view view, Record& rec) {
    auto doc = parser_.iterate(view);
    if (doc.error()) return false;
    simdjson::ondemand::object obj;
    if (doc.get_object().get(obj)) return false;
    rec = Record{};
    bool have_id = false;
    for (auto field : obj) {
      std::string_view key;
      if (field.unescaped_key().get(key)) return false;
      auto value = field.value();
      if (key == "id") {
        // Ids are strings in the corpora we use; accept a number too (its JSON text).
        simdjson::ondemand::json_type type;
        if (value.type().get(type)) return false;
        if (type == simdjson::ondemand::json_type::string) {
          if (value.get_string().get(rec.id)) return false;
        } else if (type == simdjson::ondemand::json_type::number) {
          rec.id = value.raw_json_token();
          while (!rec.id.empty() && (rec.id.back() == ' ' || rec.id.back() == '\t'))
            rec.id.remove_suffix(1);
        } else {
          return false;
        }
        have_id = !rec.id.empty();
      } else if (key == "title") {
        if (value.get_string().get(rec.title)) rec.title = {};
      } else if (key == "body") {
        if (value.get_string().get(rec.body)) rec.body = {};
      }
    }
    return have_id;
  }

  std::ifstream in_;
  std::string line_;
  simdjson::ondemand::parser parser_;
  std::size_t line_no_ = 0;
  std::size_t bytes_ = 0;
  std::size_t bad_ = 0;
};

}  // namespace bench
