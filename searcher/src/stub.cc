#include "stub.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "newsdex/error.h"

namespace newsdex::detail {
namespace {

namespace fs = std::filesystem;

// The entries of stub file @p path, or std::nullopt if it is not a stub whose every line
// newsdex can open part by part.
std::optional<std::vector<std::string>> stub_entries(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  const auto size = fs::file_size(path, ec);
  if (ec || size == 0 || size > 64 * 1024) return std::nullopt;  // single-file glass is larger
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.find('\0') != std::string::npos) return std::nullopt;  // a single-file database
  const fs::path dir = fs::path(path).parent_path();
  std::vector<std::string> out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::istringstream words(line);
    std::string type, rest;
    if (!(words >> type) || type[0] == '#') continue;
    std::getline(words >> std::ws, rest);
    if (rest.empty()) return std::nullopt;
    if (type == "auto" || type == "glass" || type == "chert" || type == "honey") {
      const fs::path p(rest);
      out.push_back(p.is_absolute() ? rest : (dir / p).string());
    } else if (type == "remote" && rest[0] != ':' && rest.find(' ') == std::string::npos) {
      out.push_back("tcp://" + rest);
    } else {
      return std::nullopt;
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

void expand(const std::string& path, int depth, std::vector<std::string>& out) {
  std::optional<std::vector<std::string>> entries = stub_entries(path);
  if (!entries) {
    out.push_back(path);
    return;
  }
  if (depth > 8) throw IndexError(path + ": stub files name each other more than 8 deep");
  for (const std::string& e : *entries) expand(e, depth + 1, out);
}

}  // namespace

std::vector<std::string> expand_stubs(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& p : paths) expand(p, 0, out);
  return out;
}

}  // namespace newsdex::detail
