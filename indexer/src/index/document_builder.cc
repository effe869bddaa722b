#include "index/document_builder.h"

#include <algorithm>
#include <map>

#include "core/label.h"
#include "core/schema.h"
#include "index/source_aware.h"

namespace newsdex {

DocumentBuilder::DocumentBuilder(Analyzer& analyzer, const EntityExtractor* extractor)
    : analyzer_(analyzer), extractor_(extractor) {}

std::string DocumentBuilder::hash_of(const Article& a) {
  return schema::content_hash(a.title, a.body, a.date, a.source, a.url);
}

BuiltDocument DocumentBuilder::build(const Article& a, const std::string& hash) {
  using namespace schema;
  BuiltDocument out;
  Xapian::Document& doc = out.doc;
  out.id_term = id_term(a.id);
  out.hash = hash;
  doc.add_boolean_term(out.id_term);

  // Stems only, positional (the layout of Lucene's English analyzer and FTS5's porter):
  // one term per word occurrence instead of TermGenerator's word + Z<stem> pair. Xapian's
  // write path costs per (document, term) and per posting, so this alone takes a quarter
  // off indexing time and index size (docs/indexing.md); phrases match on stems.
  // Title: unprefixed stems (weighted) and S-prefixed stems, positional.
  analyzer_.analyze(a.title, tokens_, 0);
  std::uint32_t last = 0;
  for (const Token& t : tokens_) {
    if (t.compound) {  // `gpt-4`, `$500`: as written, no position (never in phrases)
      doc.add_term(t.text, kTitleWeight);
      doc.add_term(std::string(kTitle) + t.text);
      continue;
    }
    const std::string& s = analyzer_.stem(t.text);
    doc.add_posting(s, t.position, kTitleWeight);
    doc.add_posting(std::string(kTitle) + s, t.position);
    last = t.position + 1;
  }

  // Body: unprefixed positional stems.
  analyzer_.analyze(a.body, tokens_, last + kBodyPositionGap);
  analyzer_.stems(tokens_, stems_);
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    if (t.compound)
      doc.add_term(t.text);
    else
      doc.add_posting(*stems_[i], t.position);
  }

  if (!a.source.empty()) {
    std::string norm = analyzer_.normalize(a.source);
    if (!norm.empty() && norm.size() < kMaxTermBytes)
      doc.add_boolean_term(std::string(kSource) + norm);
  }

  // Published date: a sortable value (date: filters are value ranges on it).
  const std::optional<CivilDate> published = parse_iso_date(a.date);
  if (published) doc.add_value(kSlotDate, date_value(*published));
  doc.add_value(kSlotHash, hash);

  if (extractor_) {
    std::string text;
    text.reserve(a.title.size() + a.body.size() + 2);
    text.append(a.title).append("\n\n").append(a.body);
    std::vector<Entity> ents = extractor_->extract(text, published);
    // Not the article's own: its publisher, its bylines (source_aware.h).
    if (a.source != publisher_source_ || publisher_.empty()) {
      publisher_source_ = a.source;
      publisher_ = detail::publisher_keys(*extractor_, a.source);
    }
    detail::drop_source_entities(text, publisher_, ents);
    // Each kind's keys → the index of their label in out.labels when a rule found them (a
    // fuller surface form later in the article replaces it: `Michael Howard`, not the
    // `Howard` a first mention may say), else -1.
    std::map<std::string, long> seen[std::size(kAllEntityKinds)];
    std::vector<std::string> terms;
    auto words = [](std::string_view t) { return std::count(t.begin(), t.end(), ' '); };
    for (const Entity& e : ents) {
      if (!indexed_entity_key(e.key)) continue;
      auto [it, fresh] = seen[unsigned(e.kind)].try_emplace(e.key, -1);
      if (!fresh) {
        if (it->second >= 0) {
          std::string& label = std::get<2>(out.labels[std::size_t(it->second)]);
          std::string surface = schema::clean_label(e.text);
          if (words(surface) > words(label)) label = std::move(surface);
        }
        continue;
      }
      terms.clear();
      append_entity_terms(e.kind, e.key, terms);
      for (const std::string& t : terms) doc.add_boolean_term(t);
      std::string label = e.kind == EntityKind::money ? money_label(e.key) : std::string();
      if (label.empty() && e.kind <= EntityKind::product) label = extractor_->label(e.kind, e.key);
      if (label.empty()) {  // found by a rule: its surface form
        label = e.text;
        it->second = long(out.labels.size());
      }
      out.labels.emplace_back(e.kind, e.key, schema::clean_label(label));
    }
    // Each kind's keys, sorted and distinct, in its facet slot.
    std::vector<std::string_view> keys;
    for (EntityKind kind : kAllEntityKinds) {
      const auto& s = seen[unsigned(kind)];
      if (!has_facet_slot(kind) || s.empty()) continue;
      keys.clear();
      for (const auto& [key, label] : s) keys.push_back(key);
      doc.add_value(facet_slot(kind), encode_keys(keys));
    }
  }

  StoredFields f{a.id, a.title, a.date, a.source, a.url, a.path, a.origin};
  doc.set_data(encode_data(f));
  if (!a.body.empty()) doc.add_value(kSlotBody, encode_body(a.body));
  return out;
}

}  // namespace newsdex
