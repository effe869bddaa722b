#pragma once
// Percent-encoding of a URL component (RFC 3986: unreserved characters stay), for the search
// page's links and the HTTP load benchmark's requests.
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>

namespace newsdex::cli {

/// @p s with every byte but ALPHA / DIGIT / "-" / "." / "_" / "~" written as %XX.
inline std::string url_encode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += char(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace newsdex::cli
