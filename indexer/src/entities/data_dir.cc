// Where the gazetteers are when no directory is given: found at run time relative to the
// installed module, so an installation works wherever it is put (cmake --install --prefix,
// DESTDIR, a moved prefix), and the source tree is used only by binaries in the build tree.

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

#include "newsdex/entities.h"

#ifndef NEWSDEX_SOURCE_GAZETTEER_DIR
#define NEWSDEX_SOURCE_GAZETTEER_DIR ""
#endif
#ifndef NEWSDEX_INSTALLED_GAZETTEER_DIR
#define NEWSDEX_INSTALLED_GAZETTEER_DIR "/usr/local/share/newsdex/gazetteer"
#endif
// The gazetteer directory relative to the installed library's and executable's directory
// (CMake computes them from the install layout, e.g. "../share/newsdex/gazetteer").
#ifndef NEWSDEX_GAZETTEER_FROM_LIBDIR
#define NEWSDEX_GAZETTEER_FROM_LIBDIR "../share/newsdex/gazetteer"
#endif
#ifndef NEWSDEX_GAZETTEER_FROM_BINDIR
#define NEWSDEX_GAZETTEER_FROM_BINDIR "../share/newsdex/gazetteer"
#endif

namespace newsdex {

namespace fs = std::filesystem;

namespace {

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return !p.empty() && fs::is_directory(p, ec);
}

/// The file this code was loaded from: the shared library in a shared build, else the
/// executable it is linked into.
fs::path this_module() {
  Dl_info info{};
  if (::dladdr(reinterpret_cast<void*>(&default_gazetteer_dir), &info) && info.dli_fname) {
    std::error_code ec;
    fs::path p = fs::canonical(info.dli_fname, ec);
    if (!ec) return p;
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe;
}

}  // namespace

std::string default_gazetteer_dir() {
  if (const char* env = std::getenv("NEWSDEX_GAZETTEER_DIR"); env && *env) return env;
  const fs::path module_dir = this_module().parent_path();
  if (!module_dir.empty())
    for (const char* rel : {NEWSDEX_GAZETTEER_FROM_LIBDIR, NEWSDEX_GAZETTEER_FROM_BINDIR}) {
      fs::path candidate = (module_dir / rel).lexically_normal();
      if (is_dir(candidate)) return candidate.string();
    }
  if (is_dir(NEWSDEX_SOURCE_GAZETTEER_DIR)) return NEWSDEX_SOURCE_GAZETTEER_DIR;
  return NEWSDEX_INSTALLED_GAZETTEER_DIR;
}

}  // namespace newsdex
