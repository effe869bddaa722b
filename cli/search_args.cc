#include "search_args.h"

#include <algorithm>

namespace newsdex::cli {
namespace {

// The option of @p app that @p arg names (`--limit`, `--limit=5`, `-n`, `-n5`), or null.
const CLI::Option* option_named(const CLI::App& app, const std::string& arg) {
  if (arg.size() < 2 || arg[0] != '-') return nullptr;
  const bool long_name = arg[1] == '-';
  const std::string name =
      long_name ? arg.substr(
                      2, arg.find('=') == std::string::npos ? std::string::npos : arg.find('=') - 2)
                : arg.substr(1, 1);
  for (const CLI::Option* opt : app.get_options()) {
    const auto& names = long_name ? opt->get_lnames() : opt->get_snames();
    if (std::find(names.begin(), names.end(), name) != names.end()) return opt;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> query_words_last(const CLI::App& app, const CLI::App& search, int argc,
                                          char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  // The subcommand: the first word that is not a (global, valueless) flag.
  std::size_t sub = 1;
  while (sub < args.size() && !args[sub].empty() && args[sub][0] == '-') ++sub;
  if (sub >= args.size() || args[sub] != search.get_name()) return args;
  std::vector<std::string> out(args.begin(), args.begin() + std::ptrdiff_t(sub) + 1), words;
  for (std::size_t i = sub + 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {  // the rest is query, as typed
      words.insert(words.end(), args.begin() + std::ptrdiff_t(i) + 1, args.end());
      break;
    }
    const CLI::Option* opt = option_named(search, a);
    if (!opt) opt = option_named(app, a);  // -v, -q, --help given after the subcommand
    // An unknown `--name` stays an option, for CLI11 to refuse (a misspelt `--jsno` is not
    // searched for); an unknown `-word` is a query word.
    if ((!opt && a.rfind("--", 0) != 0) || a == "-") {
      words.push_back(a);
      continue;
    }
    if (!opt) {
      out.push_back(a);
      continue;
    }
    // Its value, when it takes one and it is not attached yet, is attached (`--limit=5`,
    // `-n5`): a vector option (`--db`) would otherwise take the `--` as the end of its values.
    const bool attached = a.find('=') != std::string::npos || (a[1] != '-' && a.size() > 2);
    if (opt->get_expected_max() > 0 && !attached && i + 1 < args.size())
      out.push_back(a + (a[1] == '-' ? "=" : "") + args[++i]);
    else
      out.push_back(a);
  }
  if (!words.empty()) {
    out.emplace_back("--");
    out.insert(out.end(), words.begin(), words.end());
  }
  return out;
}

}  // namespace newsdex::cli
