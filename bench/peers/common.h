#pragma once
/// @file common.h
/// Small helpers shared by the benchmark programs: argument parsing and JSON output.

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace bench {

/// Parses "--limit N" style unsigned arguments; exits with a usage error when bad.
inline std::size_t parse_count(const char* flag, const char* text) {
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text, &end, 10);
  if (end == text || *end != '\0') {
    std::fprintf(stderr, "error: %s wants a whole number, got '%s'\n", flag, text);
    std::exit(2);
  }
  return static_cast<std::size_t>(v);
}

/// The tail of every bench program's argument loop: an unknown flag or a third positional
/// argument calls @p usage (which does not return); otherwise fills @p first, then @p second.
inline void take_positional(const char* arg, std::string& first, std::string& second,
                            void (*usage)()) {
  if (arg[0] == '-' && arg[1] != '\0')
    usage();
  else if (first.empty())
    first = arg;
  else if (second.empty())
    second = arg;
  else
    usage();
}

/// Parses `PROG FIRST SECOND [--limit N]`, the command line of the indexing peers; calls
/// @p usage (which does not return) on anything else. @p limit stays 0 (all) if absent.
inline void parse_two_paths(int argc, char** argv, void (*usage)(), std::string& first,
                            std::string& second, std::size_t& limit) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--limit") {
      if (++i >= argc) usage();
      limit = parse_count("--limit", argv[i]);
    } else {
      take_positional(argv[i], first, second, usage);
    }
  }
  if (first.empty() || second.empty()) usage();
}

/// Escapes a string for a JSON string literal (for paths and queries in our output).
inline std::string json_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (const char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace bench
