// index_dump: every byte of a Xapian database that newsdex writes, as text, in a fixed order,
// so two builds can be proven to write the same index (`cmp` the dumps). A restructuring
// that claims "no behaviour change" is checked this way (docs/indexing.md).
//
//   index_dump DB > dump.txt
//
// Per document, in docid order: its data (hex), every term with its wdf and positions, every
// value slot (hex); then every metadata key and value (hex), and the database totals. Uses
// plain Xapian only, so it reads any build's database.
#include <xapian.h>

#include <cstdio>
#include <string>

namespace {

void hex(const std::string& s) {
  static const char* digits = "0123456789abcdef";
  for (unsigned char c : s) {
    std::putchar(digits[c >> 4]);
    std::putchar(digits[c & 15]);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: index_dump DB\n");
    return 2;
  }
  try {
    Xapian::Database db(argv[1]);
    std::printf("doccount %u lastdocid %u total_length %llu\n", db.get_doccount(),
                db.get_lastdocid(), static_cast<unsigned long long>(db.get_total_length()));
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document doc = db.get_document(*it);
      std::printf("doc %u length %u\n data ", *it, db.get_doclength(*it));
      hex(doc.get_data());
      std::putchar('\n');
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        std::printf(" term ");
        hex(*t);
        std::printf(" wdf %u pos", t.get_wdf());
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
          std::printf(" %u", *p);
        std::putchar('\n');
      }
      for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
        std::printf(" value %u ", v.get_valueno());
        hex(*v);
        std::putchar('\n');
      }
    }
    for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) {
      std::printf("meta ");
      hex(*k);
      std::putchar(' ');
      hex(db.get_metadata(*k));
      std::putchar('\n');
    }
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "index_dump: %s: %s\n", argv[1], e.get_description().c_str());
    return 1;
  }
  return 0;
}
