// libFuzzer target: the analysis chain (ICU word break, NFKC case folding, technical tokens,
// Snowball stemming) on arbitrary bytes: analyze(), normalize(), stem() and stems() of one
// long-lived Analyzer, used as the indexer and the searcher use theirs (its stem cache
// fills up and is cleared over a long run).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "newsdex/analysis.h"

namespace {

constexpr std::size_t kMaxTokenBytes = 64;  // AnalyzerOptions' default

newsdex::Analyzer& analyzer() {
  static newsdex::Analyzer a([] {
    newsdex::AnalyzerOptions o;
    o.protected_words = {"windows", "azure", "office"};
    return o;
  }());
  return a;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  newsdex::Analyzer& a = analyzer();
  std::vector<newsdex::Token> tokens;
  a.analyze(text, tokens, static_cast<std::uint32_t>(size));
  for (const newsdex::Token& t : tokens) {
    // Offsets are bytes of the surface form in the text (analysis.h); longer tokens dropped.
    FUZZ_CHECK(t.begin < t.end && t.end <= text.size());
    FUZZ_CHECK(!t.text.empty() && t.text.size() <= kMaxTokenBytes);
    a.stem(t.text);
  }
  std::vector<const std::string*> stems;
  a.stems(tokens, stems);
  FUZZ_CHECK(stems.size() == tokens.size());
  const std::string norm = a.normalize(text);
  if (!norm.empty()) a.stem(norm);
  return 0;
}
