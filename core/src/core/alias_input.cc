#include "alias_input.h"

#include <algorithm>
#include <charconv>

#include "core/aliases.h"
#include "core/schema.h"

namespace newsdex::detail {

namespace {

// The one word of a key of one word (AliasTable::build splits keys at spaces), else empty.
std::string_view single_word(std::string_view key) {
  const std::size_t b = key.find_first_not_of(' ');
  if (b == std::string_view::npos) return {};
  const std::size_t e = key.find(' ', b);
  if (e != std::string_view::npos && key.find_first_not_of(' ', e) != std::string_view::npos)
    return {};
  return key.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
}

}  // namespace

std::vector<std::pair<std::string, std::size_t>> person_keys(const Xapian::Database& db) {
  const std::string prefix(schema::entity_prefix(EntityKind::person));
  std::vector<std::pair<std::string, std::size_t>> keys;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
    keys.emplace_back((*t).substr(prefix.size()), t.get_termfreq());
  return keys;
}

std::string make_alias_input(const std::vector<std::pair<std::string, std::size_t>>& keys,
                             const std::function<std::string(std::string_view)>& known,
                             std::string_view stamp) {
  AliasInput input;
  input.stamp = stamp;
  std::vector<std::pair<std::string, std::string>> names;
  for (const auto& [key, df] : keys) {
    input.keys.emplace_back(key, df);
    const std::string_view word = single_word(key);
    if (word.empty()) continue;
    if (std::string name = known(word); name != word) names.emplace_back(word, std::move(name));
  }
  std::sort(names.begin(), names.end());
  for (const auto& [word, name] : names) input.known.emplace_back(word, name);
  return serialize_alias_input(input);
}

std::vector<std::string> alias_input_problems(
    const Xapian::Database& db, const std::function<std::string(std::string_view)>& known) {
  const std::string data = db.get_metadata(std::string(schema::kMetaPersonAliasInput));
  if (data.empty()) return {};
  const std::string name(schema::kMetaPersonAliasInput);
  const std::optional<AliasInput> in = parse_alias_input(data);
  if (!in) return {"metadata " + name + " is damaged"};
  const std::string stamp = alias_input_stamp(db);
  if (in->stamp != stamp) return {};
  std::vector<std::string> problems;
  auto stored_known = [&](std::string_view word) {
    auto it = std::lower_bound(in->known.begin(), in->known.end(), word,
                               [](const auto& k, std::string_view w) { return k.first < w; });
    return std::string(it != in->known.end() && it->first == word ? it->second : word);
  };
  std::vector<std::pair<std::string, std::size_t>> keys = person_keys(db);
  if (make_alias_input(keys, stored_known, stamp) != data)
    problems.push_back("metadata " + name + " differs from the person terms");
  else if (known && make_alias_input(keys, known, stamp) != data)
    problems.push_back("metadata " + name +
                       ": the gazetteer's names differ (checked with "
                       "another gazetteer than the database was indexed with?)");
  const std::string table = AliasTable::build(std::move(keys), stored_known).serialize();
  if (table != db.get_metadata(std::string(schema::kMetaPersonAliases)))
    problems.push_back("metadata " + std::string(schema::kMetaPersonAliases) +
                       " is not the table built from " + name);
  return problems;
}

std::string alias_input_stamp(const Xapian::Database& db, bool before_commit) {
  Xapian::rev revision = 0;
  try {
    revision = db.get_revision();
  } catch (const Xapian::InvalidOperationError&) {  // a remote database has no revision:
    return {};                                      // no stored input is current for it
  } catch (const Xapian::UnimplementedError&) {
    return {};
  }
  return std::to_string(revision + (before_commit ? 1 : 0)) + ':' +
         std::to_string(db.get_doccount()) + ':' + std::to_string(db.get_lastdocid()) + ':' +
         std::to_string(db.get_total_length());
}

// Fields: the stamp, the number of keys, then (key, df) for each key, then (word, name)
// for each known name.
std::string serialize_alias_input(const AliasInput& input) {
  std::vector<std::string> numbers;
  numbers.reserve(input.keys.size() + 1);
  numbers.push_back(std::to_string(input.keys.size()));
  for (const auto& [key, df] : input.keys) numbers.push_back(std::to_string(df));
  std::vector<std::string_view> fields;
  fields.reserve(2 + 2 * input.keys.size() + 2 * input.known.size());
  fields.push_back(input.stamp);
  fields.push_back(numbers[0]);
  for (std::size_t i = 0; i < input.keys.size(); ++i) {
    fields.push_back(input.keys[i].first);
    fields.push_back(numbers[i + 1]);
  }
  for (const auto& [word, name] : input.known) {
    fields.push_back(word);
    fields.push_back(name);
  }
  return schema::encode_keys(fields);
}

std::optional<AliasInput> parse_alias_input(std::string_view data) {
  std::vector<std::string_view> f;
  if (!schema::decode_keys(data, f) || f.size() < 2) return std::nullopt;
  auto number = [](std::string_view v, std::size_t& n) {
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    return ec == std::errc() && end == v.data() + v.size();
  };
  std::size_t count = 0;
  if (!number(f[1], count) || count > (f.size() - 2) / 2 || (f.size() - 2 - 2 * count) % 2)
    return std::nullopt;
  AliasInput in;
  in.stamp = f[0];
  in.keys.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    in.keys[i].first = f[2 + 2 * i];
    if (!number(f[3 + 2 * i], in.keys[i].second)) return std::nullopt;
    if (i && !(in.keys[i - 1].first < in.keys[i].first)) return std::nullopt;  // sorted, once
  }
  for (std::size_t i = 2 + 2 * count; i < f.size(); i += 2) in.known.emplace_back(f[i], f[i + 1]);
  if (!std::is_sorted(in.known.begin(), in.known.end())) return std::nullopt;
  return in;
}

AliasInput merge_alias_inputs(const std::vector<AliasInput>& parts) {
  AliasInput out;
  std::size_t total = 0;
  for (const AliasInput& p : parts) total += p.keys.size();
  out.keys.reserve(total);
  // A k-way merge of sorted lists (a handful of parts: the smallest head by a scan).
  std::vector<std::size_t> at(parts.size(), 0);
  for (;;) {
    std::size_t min = parts.size();
    for (std::size_t p = 0; p < parts.size(); ++p)
      if (at[p] < parts[p].keys.size() &&
          (min == parts.size() || parts[p].keys[at[p]].first < parts[min].keys[at[min]].first))
        min = p;
    if (min == parts.size()) break;
    const auto& [key, df] = parts[min].keys[at[min]++];
    if (!out.keys.empty() && out.keys.back().first == key)
      out.keys.back().second += df;
    else
      out.keys.emplace_back(key, df);
  }
  for (const AliasInput& p : parts)
    out.known.insert(out.known.end(), p.known.begin(), p.known.end());
  std::sort(out.known.begin(), out.known.end());
  out.known.erase(std::unique(out.known.begin(), out.known.end(),
                              [](const auto& x, const auto& y) { return x.first == y.first; }),
                  out.known.end());
  return out;
}

}  // namespace newsdex::detail
