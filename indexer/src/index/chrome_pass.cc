#include "index/chrome_pass.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/schema.h"
#include "index/batch_queue.h"
#include "newsdex/corpus_reader.h"

namespace newsdex::detail {

// The reading thread sends kSampleDocs documents of each source, spread evenly over the
// source in reading order, in batches, to `jobs` threads that each observe into a model of
// their own; the models are merged (counts add up: the result is the same as one model
// observing all) and finished in parallel. Spread, not the first ones: furniture that a
// source ran for a season (WIRED's "Black Friday deals" sidebar, in 578 of its 2,726 tech
// articles but 6 of its first 1,000) is chrome too. A first read counts each source's
// documents (reading is about 1% of indexing time).
ChromeModel learn_chrome(const std::vector<std::string>& inputs, const IndexOptions& options,
                         std::set<std::string>& sources) {
  const unsigned jobs = options.jobs;
  std::vector<ChromeModel> parts(jobs);
  BatchQueue queue(2 * jobs);  // shared: whichever thread is free takes the next batch
  std::vector<std::thread> threads;
  // A thread's exception (an allocation that fails) ends the pass: the first one is kept
  // and rethrown here, after every thread is joined; none may escape a thread (terminate).
  std::mutex error_mutex;
  std::exception_ptr error;
  auto fail = [&] {
    std::lock_guard lock(error_mutex);
    if (!error) error = std::current_exception();
  };
  auto check = [&] {
    std::lock_guard lock(error_mutex);
    if (error) std::rethrow_exception(error);
  };
  std::map<std::string, std::size_t, std::less<>> totals, seen;
  {
    CorpusReader count(inputs, ReaderOptions{options.max_record_bytes});
    count.read(
        [&](Article&& a) {
          ++totals[a.source];
          return true;
        },
        [](BadRecord&&) {});
  }
  // Whether the i-th of a source's n documents is one of the kSampleDocs it learns from:
  // exactly that many, evenly spaced.
  auto sampled = [](std::size_t i, std::size_t n) {
    const std::size_t k = ChromeModel::kSampleDocs;
    return n <= k || (i * k) / n != ((i + 1) * k) / n;
  };
  Batch current;
  auto dispatch = [&] {
    if (current.articles.empty()) return;
    queue.push(std::move(current), check);
    current = Batch{};
  };
  try {
    for (unsigned w = 0; w < jobs; ++w)
      threads.emplace_back([&, w] {
        try {
          Batch b;
          while (queue.pop(b))
            for (const Article& a : b.articles) parts[w].observe(a.source, a.body);
        } catch (...) {
          fail();
          queue.close();  // the reader must not wait for room no thread will make
        }
      });
    CorpusReader learn(inputs, ReaderOptions{options.max_record_bytes});
    learn.read(
        [&](Article&& a) {
          sources.insert(a.source);
          const std::size_t i = seen[a.source]++;
          auto total = totals.find(a.source);
          // (A file that grew since it was counted: its new documents are not learned from.)
          if (total == totals.end() || i >= total->second || !sampled(i, total->second))
            return true;
          current.articles.push_back(std::move(a));
          if (current.articles.size() >= options.shard_docs) dispatch();
          return true;
        },
        [](BadRecord&&) {});  // reported by the main pass
    dispatch();
  } catch (...) {
    queue.close();
    for (auto& t : threads) t.join();
    throw;
  }
  for (unsigned w = 0; w < jobs; ++w) queue.push_stop();
  for (auto& t : threads) t.join();
  check();
  for (unsigned w = 1; w < jobs; ++w) parts[0].merge(std::move(parts[w]));
  parts[0].finish(jobs);
  return std::move(parts[0]);
}

ChromeModel prepare_chrome(Xapian::WritableDatabase& db, const std::vector<std::string>& inputs,
                           const IndexOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  ChromeModel chrome;
  {
    // Models stored by builds before chrome2: (another word hash) are never read: drop them.
    const std::string stale_prefix(schema::kMetaStaleChromePrefix);
    std::vector<std::string> stale;
    for (auto k = db.metadata_keys_begin(stale_prefix); k != db.metadata_keys_end(stale_prefix);
         ++k)
      stale.push_back(*k);
    for (const auto& k : stale) db.set_metadata(k, std::string());
  }
  if (!options.remove_chrome) return chrome;
  std::set<std::string> sources;
  chrome = learn_chrome(inputs, options, sources);
  for (const auto& src : sources) {
    const std::string key = std::string(schema::kMetaChromePrefix) + src;
    if (key.size() > schema::kMaxTermBytes) continue;
    if (chrome.has(src)) {
      std::string model = chrome.serialize(src);
      if (db.get_metadata(key) != model) db.set_metadata(key, model);
    } else if (chrome.documents_learned(src) < ChromeModel::kMinDocs) {
      std::string stored = db.get_metadata(key);
      if (!stored.empty()) chrome.load(src, stored);
    }
  }
  spdlog::debug("chrome pre-pass: {} sources with a model, {:.2f} s", chrome.sources().size(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  return chrome;
}

}  // namespace newsdex::detail
