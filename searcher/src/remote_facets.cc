#include "remote_facets.h"

#include <charconv>
#include <filesystem>
#include <fstream>

#include "core/schema.h"
#include "newsdex/error.h"

namespace newsdex::detail {

bool g_value_count_facets = false;

ValueCountFacets::ValueCountFacets(const std::vector<EntityKind>& kinds) {
  for (EntityKind k : kinds) {
    const unsigned slot = k == EntityKind::date ? schema::kSlotDate : schema::facet_slot(k);
    spies_.emplace_back(k, std::make_unique<Xapian::ValueCountMatchSpy>(slot));
  }
}

void ValueCountFacets::attach(Xapian::Enquire& enquire) {
  for (auto& [kind, spy] : spies_) enquire.add_matchspy(spy.get());
}

void ValueCountFacets::add_to(FacetSpy& out) const {
  // Every spy saw every document the match examined; get_total() counts them all, with a
  // value in its slot or not.
  if (!spies_.empty()) out.add_documents(spies_.front().second->get_total());
  for (const auto& [kind, spy] : spies_)
    for (auto v = spy->values_begin(); v != spy->values_end(); ++v)
      out.add(kind, *v, v.get_termfreq());
}

bool is_remote_path(const std::string& path) {
  if (path.rfind("tcp://", 0) == 0) return true;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::ifstream stub(path);
  std::string line;
  for (int n = 0; n < 1000 && std::getline(stub, line); ++n) {  // a stub is a few lines
    const auto start = line.find_first_not_of(" \t");
    if (start != std::string::npos && line.compare(start, 6, "remote") == 0) return true;
  }
  return false;
}

Xapian::Database open_remote(const std::string& path, unsigned timeout_ms) {
  // tcp://HOST:PORT, HOST possibly [IPv6].
  const std::string rest = path.substr(6);
  std::string host;
  std::string_view port_text;
  const auto bad = [&](const std::string& why) {
    return IndexError(path + ": " + why + " (expected tcp://HOST:PORT, e.g. tcp://127.0.0.1:7331)");
  };
  if (!rest.empty() && rest[0] == '[') {
    const auto close = rest.find(']');
    if (close == std::string::npos || close + 1 >= rest.size() || rest[close + 1] != ':')
      throw bad("malformed address");
    host = rest.substr(1, close - 1);
    port_text = std::string_view(rest).substr(close + 2);
  } else {
    const auto colon = rest.rfind(':');
    if (colon == std::string::npos) throw bad("no port");
    host = rest.substr(0, colon);
    port_text = std::string_view(rest).substr(colon + 1);
  }
  unsigned port = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (host.empty()) throw bad("no host");
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port == 0 || port > 65535)
    throw bad("bad port '" + std::string(port_text) + "'");
  try {
    return Xapian::Remote::open(host, port, timeout_ms, timeout_ms);
  } catch (const Xapian::Error& e) {
    throw IndexError(path + ": cannot reach the shard (" + e.get_msg() +
                     (e.get_error_string() ? std::string(": ") + e.get_error_string() : "") +
                     "); is `newsdex serve-shard` running there?");
  }
}

std::string remote_name(const std::string& context) {
  constexpr std::string_view kTcp = "remote:tcp(";
  if (context.rfind(kTcp, 0) != 0 || context.back() != ')') return {};
  return "tcp://" + context.substr(kTcp.size(), context.size() - kTcp.size() - 1);
}

}  // namespace newsdex::detail
