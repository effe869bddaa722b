// check_database(): `newsdex check`, read-only. What each step compares: docs/check.md.
#include "newsdex/check.h"

#include <signal.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <iterator>
#include <optional>
#include <sstream>

#include "core/alias_input.h"
#include "core/forward_index.h"
#include "core/schema.h"
#include "newsdex/entities.h"

namespace fs = std::filesystem;

namespace newsdex {

std::string_view to_string(CheckProblemKind kind) {
  static constexpr std::string_view names[] = {"open", "table",    "schema",   "id",
                                               "data", "entities", "leftover", "count"};
  return unsigned(kind) < std::size(names) ? names[unsigned(kind)] : "?";
}

namespace {

using Clock = std::chrono::steady_clock;
using Kind = CheckProblemKind;

// The prefixes of the terms the document builder derives from entities
// (schema::append_entity_terms), sorted.
const std::vector<std::string>& entity_term_prefixes() {
  static const std::vector<std::string> prefixes = [] {
    std::vector<std::string> p;
    for (EntityKind kind : kAllEntityKinds) p.emplace_back(schema::entity_prefix(kind));
    p.emplace_back(schema::kMoneyDecade);
    p.emplace_back(schema::kMoneyCurDecade);
    p.emplace_back(schema::kPercentDecade);
    std::sort(p.begin(), p.end());
    return p;
  }();
  return prefixes;
}

bool is_entity_term(std::string_view t) {
  const auto& p = entity_term_prefixes();
  return std::any_of(p.begin(), p.end(), [&](const std::string& x) { return t.starts_with(x); });
}

bool is_hex16(std::string_view s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out.append(out.empty() ? "" : ", ").append(s);
  return out;
}

// The table Xapian's check was reading when it failed: its output starts each table with a
// line "<name>:".
std::string last_table(const std::string& output) {
  std::istringstream in(output);
  std::string line, table;
  while (std::getline(in, line))
    if (!line.empty() && line.back() == ':' && line.find(' ') == std::string::npos)
      table = line.substr(0, line.size() - 1);
  return table;
}

class Checker {
 public:
  Checker(const std::string& path, const CheckOptions& options,
          const std::function<void(const CheckProgress&)>& on_progress)
      : path_(path), options_(options), on_progress_(on_progress) {
    while (path_.size() > 1 && path_.back() == '/') path_.pop_back();
    // Before any work: a gazetteer that cannot be read is the caller's error (ConfigError).
    if (options_.entities) extractor_.emplace(EntityOptions{options_.gazetteer_dir});
  }

  CheckReport run() {
    check_leftovers();
    std::error_code ec;
    if (!fs::exists(path_, ec)) {
      add(Kind::open, path_ + ": no such database");
      return std::move(report_);
    }
    progress("tables", true);
    check_tables();
    if (!open()) return std::move(report_);
    try {
      if (check_schema()) {
        check_documents();
        check_id_terms();
        check_facet_file();
        for (std::string& p : detail::alias_input_problems(db_, known_name()))
          add(Kind::data, std::move(p));
      }
    } catch (const Xapian::DatabaseModifiedError& e) {
      add(Kind::open, "the database changed during the check (an index run?); check again (" +
                          e.get_description() + ")");
    } catch (const Xapian::Error& e) {
      add(Kind::open, "cannot read the database: " + e.get_description());
    }
    progress("documents", true);
    return std::move(report_);
  }

 private:
  std::string path_;
  CheckOptions options_;
  const std::function<void(const CheckProgress&)>& on_progress_;
  std::optional<EntityExtractor> extractor_;
  Xapian::Database db_;
  CheckReport report_;
  Clock::time_point t0_ = Clock::now(), last_progress_ = t0_;
  std::size_t total_docs_ = 0;
  // Per document: its stored fields and body (check_fields), its entity terms.
  schema::StoredFields fields_;
  std::string body_;
  std::vector<std::string> expected_, found_;

  void add(Kind kind, std::string what, std::string id = {}, std::size_t docid = 0) {
    if (report_.problems.size() < options_.max_problems)
      report_.problems.push_back({kind, std::move(what), std::move(id), docid});
    ++report_.total_problems;
  }

  // The gazetteer's full name of a one-word person key, when entities are checked.
  std::function<std::string(std::string_view)> known_name() const {
    if (!extractor_) return {};
    return [this](std::string_view word) {
      return extractor_->canonical_key(EntityKind::person, word);
    };
  }

  void progress(std::string_view stage, bool force) {
    if (!on_progress_) return;
    const auto now = Clock::now();
    if (!force && now - last_progress_ < std::chrono::milliseconds(500)) return;
    last_progress_ = now;
    on_progress_(
        {stage, report_.documents, total_docs_, std::chrono::duration<double>(now - t0_).count()});
  }

  // <db>.new, <db>.old and <db>.tmp-<pid> beside the database, and what `newsdex index`
  // does with each (writer.cc: recover() and the DatabaseWriter's constructor).
  void check_leftovers() {
    std::error_code ec;
    const fs::path abs = fs::absolute(path_, ec);
    const std::string name = abs.filename().string();
    const bool db_exists = fs::exists(path_, ec);
    if (fs::exists(path_ + ".new", ec))
      add(Kind::leftover, path_ +
                              ".new: a merged database that was never swapped in (an "
                              "interrupted merge); the next `newsdex index` deletes it");
    if (fs::exists(path_ + ".old", ec))
      add(Kind::leftover,
          db_exists ? path_ +
                          ".old: the database before an interrupted merge's swap; the next "
                          "`newsdex index` deletes it"
                    : path_ +
                          ".old: the database, moved aside by an interrupted merge; the next "
                          "`newsdex index` moves it back to " +
                          path_);
    const std::string stem = name + ".tmp-";
    std::vector<std::string> tmp;
    for (const auto& e : fs::directory_iterator(abs.parent_path(), ec)) {
      const std::string f = e.path().filename().string();
      if (f.rfind(stem, 0) == 0) tmp.push_back(f);
    }
    std::sort(tmp.begin(), tmp.end());
    for (const std::string& f : tmp) {
      const std::string pid = f.substr(stem.size());
      const bool running =
          !pid.empty() && pid.find_first_not_of("0123456789") == std::string::npos &&
          pid.size() < 10 && (::kill(::pid_t(std::stol(pid)), 0) == 0 || errno == EPERM);
      add(Kind::leftover,
          path_ + f.substr(name.size()) + ": temporary shards of an index run" +
              (running ? " (process " + pid + " is running: an index run in progress?)"
                       : " that was killed") +
              "; the next `newsdex index` deletes it");
    }
  }

  // The facet file (core/forward_index.h), when it names this revision: every section whole
  // and sound, and equal to what the value streams build now. A stale file is no problem:
  // searches ignore it, and the next commit writes the file again.
  void check_facet_file() {
    std::error_code ec;
    if (!fs::is_regular_file(detail::facet_file_path(path_), ec)) return;
    std::string why;
    const auto file = detail::FacetFile::open(path_, db_, why);
    const std::string fix = " (searches ignore it; the next `newsdex index` writes it again)";
    if (!file) {
      if (why.find("stale") == std::string::npos) add(Kind::data, "facet file: " + why + fix);
      return;
    }
    auto same = [](auto a, const auto& b) {
      return std::equal(a.begin(), a.end(), b.begin(), b.end());
    };
    for (EntityKind kind : kAllEntityKinds) {
      if (!schema::has_facet_slot(kind)) continue;
      const std::optional<detail::ForwardKeys> got = file->keys(kind, why);
      if (!got) {
        add(Kind::data, "facet file: " + why + fix);
        continue;
      }
      const detail::ForwardKeysData built = detail::build_forward_keys(db_, kind);
      if (!same(got->offsets, built.offsets) || !same(got->ids, built.ids) ||
          !same(got->key_offsets, built.key_offsets) || got->key_bytes != built.key_bytes ||
          !same(got->money_ranges, built.money_ranges))
        add(Kind::data, "facet file: the " + std::string(to_string(kind)) +
                            " keys differ from the value streams'" + fix);
    }
    const auto dates = file->dates(why);
    if (!dates)
      add(Kind::data, "facet file: " + why + fix);
    else if (!same(*dates, detail::build_dates(db_)))
      add(Kind::data, "facet file: the dates differ from the date values" + fix);
    const auto stories = file->stories(why);
    detail::StoryKeysData keys;
    if (!stories)
      add(Kind::data, "facet file: " + why + fix);
    else if (!same(*stories, detail::build_stories(db_, &keys)))
      add(Kind::data, "facet file: the story ids differ from the story values" + fix);
    else if (const auto got = file->story_keys(why); !got)
      add(Kind::data, "facet file: " + why + fix);
    else if (!same(got->offsets, keys.offsets) || got->bytes != keys.bytes)
      add(Kind::data, "facet file: the story keys differ from the story values" + fix);
  }

  // Xapian's own check of every table (xapian-check's), its output kept, not printed.
  void check_tables() {
    std::error_code ec;
    if (!fs::is_directory(path_, ec)) return;  // a stub file: its databases are elsewhere
    if (!fs::exists(fs::path(path_) / "iamglass", ec) &&
        !fs::exists(fs::path(path_) / "iamchert", ec))
      return;  // not a Xapian database: open() says so
    std::ostringstream out;
    try {
      const std::size_t errors = Xapian::Database::check(path_, 0, &out);
      if (errors > 0)
        add(Kind::table, "Xapian's table check found " + std::to_string(errors) + " error" +
                             (errors == 1 ? "" : "s") + " (run xapian-check " + path_ +
                             " for the details)");
    } catch (const Xapian::Error& e) {
      const std::string table = last_table(out.str());
      add(Kind::table, (table.empty() ? std::string("Xapian's table check") : table + " table") +
                           ": " + e.get_description());
    }
  }

  bool open() {
    try {
      db_ = Xapian::Database(path_);
      total_docs_ = db_.get_doccount();
      return true;
    } catch (const Xapian::Error& e) {
      add(Kind::open, path_ + ": cannot open the database: " + e.get_description());
      return false;
    }
  }

  // The schema this build writes, and a stemming language; the documents are checked only
  // against this build's schema (another one lays them out otherwise).
  bool check_schema() {
    const std::string version = db_.get_metadata(std::string(schema::kMetaSchema));
    if (db_.get_metadata(std::string(schema::kMetaLanguage)).empty())
      add(Kind::schema,
          "no stemming language (metadata " + std::string(schema::kMetaLanguage) + ")");
    if (version == schema::kVersion) return true;
    add(Kind::schema, version.empty()
                          ? "no schema version (metadata " + std::string(schema::kMetaSchema) +
                                "): not a database newsdex wrote; documents not checked"
                          : "index schema " + version + ", but this newsdex writes " +
                                std::string(schema::kVersion) + "; documents not checked");
    return false;
  }

  void check_documents() {
    // A database indexed with --no-entities has no entity terms at all: one problem for the
    // whole database, not one per document.
    bool any_entity_terms = false;
    for (const std::string& p : entity_term_prefixes())
      if (db_.allterms_begin(p) != db_.allterms_end(p)) any_entity_terms = true;
    report_.entities_checked = extractor_.has_value();
    std::size_t docs_with_entities = 0;
    for (auto it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it) {
      const Xapian::docid docid = *it;
      try {
        const Xapian::Document doc = db_.get_document(docid);
        std::string id;
        const schema::StoredFields* f = check_fields(docid, doc, id);
        compare_facet_values(docid, doc, id);
        if (f && extractor_) {
          expected_terms(*f);
          if (!any_entity_terms)
            docs_with_entities += !expected_.empty();
          else
            compare_entities(docid, doc, id);
        }
      } catch (const Xapian::DatabaseModifiedError&) {
        throw;
      } catch (const Xapian::Error& e) {  // one damaged document: say so, go on
        add(Kind::table, "cannot read the document: " + e.get_description(), {}, docid);
      }
      ++report_.documents;
      progress("documents", false);
    }
    if (!any_entity_terms && docs_with_entities > 0)
      add(Kind::entities, "no entity terms in the database, but " +
                              std::to_string(docs_with_entities) +
                              " documents mention entities (indexed with --no-entities? then "
                              "check with --quick)");
  }

  // The id term, stored fields and values of one document; its stored fields, or null when
  // they or the body do not decode. @p id is set to the stored id (or the id term's).
  const schema::StoredFields* check_fields(Xapian::docid docid, const Xapian::Document& doc,
                                           std::string& id) {
    std::vector<std::string> q;
    auto t = doc.termlist_begin();
    for (t.skip_to(std::string(schema::kId)); t != doc.termlist_end(); ++t) {
      const std::string term = *t;
      if (term.compare(0, schema::kId.size(), schema::kId) != 0) break;
      q.push_back(term);
    }
    if (q.size() == 1) id = q[0].substr(schema::kId.size());
    const std::string data = doc.get_data();
    fields_ = schema::decode_data(data);
    const bool decoded = !data.empty() && schema::encode_data(fields_) == data;
    if (decoded) id = fields_.id;
    if (q.empty())
      add(Kind::id, "no id term (" + std::string(schema::kId) + ")", id, docid);
    else if (q.size() > 1)
      add(Kind::id, std::to_string(q.size()) + " id terms: " + joined(q), id, docid);
    else if (decoded && schema::id_term(fields_.id) != q[0])
      add(Kind::id,
          "id term " + q[0] + " is not the stored id's (" + schema::id_term(fields_.id) + ")", id,
          docid);
    if (!decoded) {
      add(Kind::data, "the document data does not decode", id, docid);
      return nullptr;
    }
    const std::string hash = doc.get_value(schema::kSlotHash);
    if (!is_hex16(hash))
      add(Kind::data, "content hash value \"" + hash + "\" is not 16 hex digits", id, docid);
    // Story key and fingerprint (docs/duplicates.md): both or neither (a database from before
    // stories has neither), each of its fixed size.
    const std::string story = doc.get_value(schema::kSlotStory);
    const std::string print = doc.get_value(schema::kSlotFingerprint);
    if (!story.empty() && story.size() != 8)
      add(Kind::data, "story key value of " + std::to_string(story.size()) + " bytes, not 8", id,
          docid);
    if (!print.empty() && print.size() != 16)
      add(Kind::data, "fingerprint value of " + std::to_string(print.size()) + " bytes, not 16", id,
          docid);
    if (story.empty() != print.empty())
      add(Kind::data,
          story.empty() ? "a fingerprint but no story key" : "a story key but no fingerprint", id,
          docid);
    const std::string date = doc.get_value(schema::kSlotDate);
    const std::optional<CivilDate> published = parse_iso_date(fields_.date);
    if (published && date.empty())
      add(Kind::data, "no date value for the stored date " + fields_.date, id, docid);
    else if (!date.empty() && !schema::parse_date_value(date))
      add(Kind::data, "date value \"" + date + "\" is not YYYYMMDD", id, docid);
    else if (published && date != schema::date_value(*published))
      add(Kind::data, "date value \"" + date + "\" disagrees with the stored date " + fields_.date,
          id, docid);
    else if (!published && !date.empty())
      add(Kind::data,
          "date value " + date + " but the stored date \"" + fields_.date + "\" is not a date", id,
          docid);
    const std::string body = doc.get_value(schema::kSlotBody);
    body_ = schema::decode_body(body);
    if (!body.empty() && body_.empty()) {  // its entities cannot be compared either
      add(Kind::data, "the body value does not decode", id, docid);
      return nullptr;
    }
    return &fields_;
  }

  // expected_: the entity terms the document builder derives from title + "\n\n" + body
  // and the published date (document_builder.cc), sorted and unique.
  void expected_terms(const schema::StoredFields& f) {
    std::string text;
    text.reserve(f.title.size() + body_.size() + 2);
    text.append(f.title).append("\n\n").append(body_);
    expected_.clear();
    for (const Entity& e : extractor_->extract(text, parse_iso_date(f.date)))
      if (schema::indexed_entity_key(e.key)) schema::append_entity_terms(e.kind, e.key, expected_);
    std::sort(expected_.begin(), expected_.end());
    expected_.erase(std::unique(expected_.begin(), expected_.end()), expected_.end());
  }

  void compare_entities(Xapian::docid docid, const Xapian::Document& doc, const std::string& id) {
    // The entity terms sort together (between the first prefix and past the last one).
    const auto& prefixes = entity_term_prefixes();
    found_.clear();
    auto t = doc.termlist_begin();
    for (t.skip_to(prefixes.front()); t != doc.termlist_end(); ++t) {
      std::string term = *t;
      if (term.compare(0, prefixes.back().size(), prefixes.back()) > 0) break;
      if (is_entity_term(term)) found_.push_back(std::move(term));
    }
    if (found_ == expected_) return;
    std::vector<std::string> missing, extra;
    std::set_difference(expected_.begin(), expected_.end(), found_.begin(), found_.end(),
                        std::back_inserter(missing));
    std::set_difference(found_.begin(), found_.end(), expected_.begin(), expected_.end(),
                        std::back_inserter(extra));
    std::string what = "entity terms";
    if (!missing.empty()) what += " missing: " + joined(missing);
    if (!extra.empty())
      what += std::string(missing.empty() ? "" : ";") + " extra: " + joined(extra);
    add(Kind::entities, what, id, docid);
  }

  // Each kind's facet value (schema::facet_slot) holds exactly the keys of the document's
  // entity terms of that kind, sorted: facets count the values, filters match the terms.
  void compare_facet_values(Xapian::docid docid, const Xapian::Document& doc,
                            const std::string& id) {
    for (EntityKind kind : kAllEntityKinds) {
      if (!schema::has_facet_slot(kind)) continue;
      const std::string prefix(schema::entity_prefix(kind));
      std::vector<std::string> from_terms;
      auto t = doc.termlist_begin();
      for (t.skip_to(prefix); t != doc.termlist_end(); ++t) {
        const std::string term = *t;
        if (term.compare(0, prefix.size(), prefix) != 0) break;
        from_terms.push_back(term.substr(prefix.size()));
      }
      const std::string value = doc.get_value(schema::facet_slot(kind));
      std::vector<std::string_view> keys;
      const std::string what = std::string(to_string(kind)) + " facet value";
      if (!schema::decode_keys(value, keys)) {
        add(Kind::data, what + " does not decode", id, docid);
        continue;
      }
      if (std::equal(keys.begin(), keys.end(), from_terms.begin(), from_terms.end())) continue;
      std::vector<std::string> listed(keys.begin(), keys.end()), missing, extra;
      std::set_difference(from_terms.begin(), from_terms.end(), listed.begin(), listed.end(),
                          std::back_inserter(missing));
      std::set_difference(listed.begin(), listed.end(), from_terms.begin(), from_terms.end(),
                          std::back_inserter(extra));
      add(Kind::data,
          what + " disagrees with the " + prefix +
              " terms:" + (missing.empty() ? "" : " not in the value: " + joined(missing)) +
              (missing.empty() || extra.empty() ? "" : ";") +
              (extra.empty() ? "" : " in the value only: " + joined(extra)),
          id, docid);
    }
  }

  // Every id term on exactly one document, and as many id terms as documents.
  void check_id_terms() {
    if (report_.documents != total_docs_)
      add(Kind::count, "the database counts " + std::to_string(total_docs_) +
                           " documents, but lists " + std::to_string(report_.documents));
    std::size_t ids = 0;
    const std::string q(schema::kId);
    for (auto t = db_.allterms_begin(q); t != db_.allterms_end(q); ++t) {
      ++ids;
      if (t.get_termfreq() > 1)
        add(Kind::id,
            "id term " + *t + " is on " + std::to_string(t.get_termfreq()) + " documents");
    }
    if (ids != total_docs_)
      add(Kind::count,
          std::to_string(total_docs_) + " documents, but " + std::to_string(ids) + " id terms");
  }
};

}  // namespace

CheckReport check_database(const std::string& path, const CheckOptions& options,
                           const std::function<void(const CheckProgress&)>& on_progress) {
  return Checker(path, options, on_progress).run();
}

}  // namespace newsdex
