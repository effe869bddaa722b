#include "index/document_builder.h"

#include <algorithm>
#include <set>

#include "core/schema.h"

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
    std::set<std::string> seen[std::size(kAllEntityKinds)];
    std::vector<std::string> terms;
    for (const Entity& e : ents) {
      if (!indexed_entity_key(e.key)) continue;
      auto& s = seen[unsigned(e.kind)];
      if (!s.insert(e.key).second) continue;
      terms.clear();
      append_entity_terms(e.kind, e.key, terms);
      for (const std::string& t : terms) doc.add_boolean_term(t);
      std::string label = e.kind == EntityKind::money ? money_label(e.key) : std::string();
      if (label.empty() && e.kind <= EntityKind::product) label = extractor_->label(e.kind, e.key);
      if (label.empty()) label = e.text;  // found by a rule: its first surface form
      out.labels.emplace_back(e.kind, e.key, std::move(label));
    }
    // Each kind's keys, sorted and distinct, in its facet slot.
    std::vector<std::string_view> keys;
    for (EntityKind kind : kAllEntityKinds) {
      const auto& s = seen[unsigned(kind)];
      if (!has_facet_slot(kind) || s.empty()) continue;
      keys.assign(s.begin(), s.end());
      doc.add_value(facet_slot(kind), encode_keys(keys));
    }
  }

  StoredFields f{a.id, a.title, a.date, a.source, a.url, a.path, a.origin};
  doc.set_data(encode_data(f));
  if (!a.body.empty()) doc.add_value(kSlotBody, encode_body(a.body));
  return out;
}

}  // namespace newsdex
