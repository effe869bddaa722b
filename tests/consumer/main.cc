// Embeds newsdex: indexes one article, finds it and checks the database, using only the
// public headers. Usage: consumer DB [GAZETTEER_DIR]: with a second argument, the gazetteer
// newsdex finds by itself must be that directory (the installed one, wherever it was moved).
#include <newsdex/check.h>
#include <newsdex/entities.h>
#include <newsdex/error.h>
#include <newsdex/indexer.h>
#include <newsdex/searcher.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) return 2;
  std::string db = argv[1];
  if (argc == 3 && newsdex::default_gazetteer_dir() != argv[2]) {
    std::fprintf(stderr, "consumer: gazetteer found at %s, expected %s\n",
                 newsdex::default_gazetteer_dir().c_str(), argv[2]);
    return 1;
  }
  try {
    {
      newsdex::Indexer indexer(db);
      newsdex::Article a;
      a.id = "consumer-1";
      a.title = "Microsoft and OpenAI";
      a.body = "SoftBank joins the $500 billion Stargate project.";
      indexer.add(a);
      indexer.commit();
    }
    newsdex::Searcher searcher(db);
    newsdex::SearchRequest req;
    req.query = "stargate company:softbank";
    req.facets = {newsdex::EntityKind::money};
    newsdex::SearchResults r = searcher.search(req);
    const newsdex::CheckReport check = newsdex::check_database(db);
    std::printf("total=%zu first=%s check=%s\n", r.total,
                r.hits.empty() ? "" : r.hits[0].id.c_str(),
                check.ok() ? "ok" : check.problems[0].what.c_str());
    return r.total == 1 && r.hits[0].id == "consumer-1" && check.ok() ? 0 : 1;
  } catch (const newsdex::Error& e) {
    std::fprintf(stderr, "consumer: %s\n", e.what());
    return 1;
  }
}
