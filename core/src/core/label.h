#pragma once
// Display labels of entity keys (metadata `label:<kind>:<key>`, schema::label_key).
#include <string>
#include <string_view>

namespace newsdex::schema {

/// A label as stored and shown: @p s with every control character (C0, DEL, C1, line and
/// paragraph separators) and run of white space as one space, trimmed (a Reuters name broken
/// across lines, `Trans\nWorld Airlines Inc`).
std::string clean_label(std::string_view s);

}  // namespace newsdex::schema
