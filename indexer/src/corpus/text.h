#pragma once
// Small text helpers of the corpus readers.
#include <string_view>

namespace newsdex::detail {

/// @p s without leading and trailing ASCII white space, then without no-break spaces at
/// either end.
inline std::string_view trim(std::string_view s) {
  auto is_ws = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ws(s.back())) s.remove_suffix(1);
  while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
  while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
  return s;
}

}  // namespace newsdex::detail
