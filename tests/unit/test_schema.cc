// The stored forms of the schema: body values, document data, money keys.
#include <doctest/doctest.h>

#include <string>

#include "core/schema.h"

using namespace newsdex;

TEST_CASE("a body survives its value-slot encoding, compressible or not") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "OpenAI shifts compute from Microsoft to SoftBank. ";
  std::string v = schema::encode_body(text);
  CHECK(v[0] == 'z');
  CHECK(v.size() < text.size() / 5);
  CHECK(schema::decode_body(v) == text);

  const std::string tiny = "Hi";  // zstd cannot shrink it: stored raw
  CHECK(schema::encode_body(tiny) == "rHi");
  CHECK(schema::decode_body(schema::encode_body(tiny)) == tiny);
  CHECK(schema::encode_body("").empty());
  CHECK(schema::decode_body("").empty());
}

TEST_CASE("a damaged body value decodes to nothing, never to garbage") {
  std::string v = schema::encode_body(std::string(5000, 'a'));
  CHECK(schema::decode_body(v.substr(0, v.size() / 2)).empty());
  CHECK(schema::decode_body("x-unknown-tag").empty());
  CHECK(schema::decode_body("zNOTAFRAME").empty());
}

TEST_CASE("document data keeps every stored field") {
  schema::StoredFields f{"id-1",      "A title", "2025-01-22", "The Verge",
                         "https://x", "a/b.txt", "feed.jsonl"};
  schema::StoredFields g = schema::decode_data(schema::encode_data(f));
  CHECK(g.id == f.id);
  CHECK(g.title == f.title);
  CHECK(g.date == f.date);
  CHECK(g.source == f.source);
  CHECK(g.url == f.url);
  CHECK(g.path == f.path);
  CHECK(g.origin == f.origin);
  CHECK(schema::decode_data("garbage").id.empty());
}
