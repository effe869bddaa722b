#include "core/label.h"

namespace newsdex::schema {

std::string clean_label(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool gap = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t skip = 0;  // bytes of a multi-byte control character
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0xA0)
      skip = 1;  // C1 controls and NO-BREAK SPACE
    else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
             (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
              static_cast<unsigned char>(s[i + 2]) == 0xA9))
      skip = 2;  // LINE SEPARATOR, PARAGRAPH SEPARATOR
    if (c < 0x20 || c == 0x7F || c == ' ' || skip) {
      gap = true;
      i += skip;
      continue;
    }
    if (gap && !out.empty()) out.push_back(' ');
    gap = false;
    out.push_back(char(c));
  }
  return out;
}

}  // namespace newsdex::schema
