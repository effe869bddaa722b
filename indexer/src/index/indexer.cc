// newsdex::Indexer: the public face of the index pipeline. The database, its locks and
// merges are DatabaseWriter's (writer.h, merge.cc); one index() call is an IndexRun
// (index_run.h); add() builds a document on this thread and replaces it in place.
#include "newsdex/indexer.h"

#include <spdlog/spdlog.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <new>
#include <system_error>
#include <unordered_set>

#include "core/forward_index.h"
#include "core/schema.h"
#include "index/document_builder.h"
#include "index/index_run.h"
#include "index/story.h"
#include "index/writer.h"
#include "newsdex/analysis.h"
#include "newsdex/entities.h"
#include "newsdex/error.h"

namespace newsdex {

struct Indexer::Impl {
  detail::DatabaseWriter writer;
  // add()'s own analysis chain, made on first use.
  std::unique_ptr<EntityExtractor> extractor;
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<DocumentBuilder> builder;
  std::unordered_set<std::string> labels_written;
  std::unique_ptr<detail::StoryTable> stories;  // loaded on the first add()

  Impl(const std::string& path, const IndexOptions& options) : writer(path, options) {}

  // The facet file (core/forward_index.h) of the database as now committed, which a fresh
  // search process maps instead of hashing every key of its matches. A cache: if it cannot
  // be written, searches count from the value streams (and ignore an older file, which
  // names an older revision); that costs speed, never a wrong count, so it is a warning.
  void write_facet_file() {
    const auto t0 = std::chrono::steady_clock::now();
    try {
      const std::uint64_t bytes = detail::write_facet_file(writer.path());
      spdlog::debug("{}: facet file written, {:.1f} MiB in {:.2f} s", writer.path(),
                    double(bytes) / (1 << 20),
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    } catch (const std::exception& e) {
      ::unlink(detail::facet_file_path(writer.path()).c_str());
      spdlog::warn(
          "{}: the facet file was not written ({}): searches count facets from the "
          "value streams",
          writer.path(), e.what());
    }
  }

  // Builds the document and replaces any document of the same id.
  void add_article(Xapian::WritableDatabase& w, const Article& article) {
    const IndexOptions& options = writer.options();
    if (!builder) {
      extractor = std::make_unique<EntityExtractor>(EntityOptions{options.gazetteer_dir});
      AnalyzerOptions ao;
      ao.language = options.language;
      ao.protected_words = extractor->protected_words();
      detail::store_protected_words(w, ao.protected_words);
      analyzer = std::make_unique<Analyzer>(ao);
      builder = std::make_unique<DocumentBuilder>(*analyzer,
                                                  options.entities ? extractor.get() : nullptr);
    }
    const std::string hash = DocumentBuilder::hash_of(article);
    BuiltDocument b = builder->build(article, hash);
    if (!stories) {
      stories = std::make_unique<detail::StoryTable>();
      stories->load(w);
    }
    const detail::Fingerprint fp = detail::fingerprint(article.title, article.body);
    b.doc.add_value(schema::kSlotStory, stories->assign(fp));
    b.doc.add_value(schema::kSlotFingerprint, detail::encode_fingerprint(fp));
    detail::write_labels(w, b, labels_written);
    w.replace_document(b.id_term, b.doc);
  }
};

Indexer::Indexer(const std::string& db_path, const IndexOptions& options)
    : impl_(std::make_unique<Impl>(db_path, options)) {}

Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

void Indexer::add(const Article& article) {
  Impl& d = *impl_;
  Xapian::WritableDatabase& db = d.writer.writable();
  try {
    d.add_article(db, article);
  } catch (const Xapian::Error& e) {
    throw IndexError(d.writer.path() + ": cannot add \"" + article.id +
                     "\": " + e.get_description());
  }
}

bool Indexer::remove(const std::string& id) {
  Impl& d = *impl_;
  Xapian::WritableDatabase& db = d.writer.writable();
  const std::string term = schema::id_term(id);
  try {
    if (!db.term_exists(term)) return false;
    db.delete_document(term);
    return true;
  } catch (const Xapian::Error& e) {
    throw IndexError(d.writer.path() + ": cannot remove \"" + id + "\": " + e.get_description());
  }
}

void Indexer::commit() {
  Impl& d = *impl_;
  try {
    d.writer.writable().commit();
  } catch (const Xapian::Error& e) {
    throw IndexError(d.writer.path() + ": commit failed: " + e.get_description());
  }
  d.write_facet_file();
}

IndexSummary Indexer::index(const std::vector<std::string>& inputs,
                            const std::function<void(const IndexProgress&)>& on_progress,
                            const std::function<void(const BadRecord&)>& on_bad) {
  // Xapian's exceptions are not part of the public API (no Xapian types in its headers):
  // whatever escapes, from a worker, a merge or a lookup, becomes an IndexError; so do
  // file-system errors (temporary directories, the swap after a merge).
  try {
    impl_->writer.writable();  // open, unless a failed merge of an earlier call closed it
    impl_->stories.reset();    // add() reloads them after this run
    IndexSummary summary;
    {  // the run's per-article tables (ids seen, stories) are freed before the facet file
      detail::IndexRun run(impl_->writer, inputs, on_progress, on_bad);
      summary = run.run();
    }
    impl_->write_facet_file();
    return summary;
  } catch (const Xapian::Error& e) {
    throw IndexError(impl_->writer.path() + ": " + e.get_description());
  } catch (const std::filesystem::filesystem_error& e) {  // temporary directories, the swap
    throw IndexError(impl_->writer.path() + ": " + e.what());
  } catch (const std::bad_alloc&) {  // in any thread of the run: rethrown here
    throw IndexError(impl_->writer.path() +
                     ": out of memory (the index run stopped; the last "
                     "checkpoint is kept)");
  } catch (const std::system_error& e) {  // threads that cannot be started
    throw IndexError(impl_->writer.path() + ": " + e.what());
  }
}

}  // namespace newsdex
