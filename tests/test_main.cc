// The unit tests' runner: doctest's own main, and three ways a test could pass having
// tested nothing, each made a failure.
//  1. A run whose filters select no test case. doctest exits 0 then, and CTest runs each
//     case as `--test-case=<name>`: a name CMake or doctest's filter mangles selects nothing
//     and "passes" (13 cases with ';' in their names went unrun so).
//  2. A test case that ran to the end without one assertion (a loop over an empty
//     collection that held every CHECK).
//  3. When the cases are listed, which doctest_discover_tests does after every link (so the
//     build fails, naming it): an executable with no test case (a file whose cases were all
//     left out would register nothing), and a name that cannot be registered faithfully: ';'
//     (CMake's list separator splits the name), '[' or ']' (an unbalanced one makes CMake
//     join the following names into one entry that selects nothing: seen, three cases
//     unrun) and '\' (doctest's filter reads "\\" as one backslash; one at the end joins
//     the next name).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Tally {
  bool ran = false;  // test_run_end was reported (not a query such as --list-test-cases)
  unsigned selected = 0;
  std::vector<std::string> without_assertions;
  std::vector<std::string> bad_names;
  bool no_cases = false;  // listed, and the executable has no test case at all
};

Tally& tally() {
  static Tally t;
  return t;
}

class NothingTestedGuard : public doctest::IReporter {
 public:
  explicit NothingTestedGuard(const doctest::ContextOptions& options) : options_(options) {}

  void report_query(const doctest::QueryData& query) override {
    if (!options_.list_test_cases) return;
    if (query.run_stats != nullptr && query.run_stats->numTestCases == 0) tally().no_cases = true;
    for (unsigned i = 0; i < query.num_data; ++i) {
      const char* name = query.data[i]->m_name;
      if (std::strpbrk(name, ";[]\\") != nullptr) tally().bad_names.emplace_back(name);
    }
  }
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats& stats) override {
    tally().ran = true;
    tally().selected = stats.numTestCasesPassingFilters;
  }
  void test_case_start(const doctest::TestCaseData& test) override { current_ = &test; }
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats& stats) override {
    // A case that failed (an exception, a crash) is reported by doctest already.
    if (stats.numAssertsCurrentTest == 0 && stats.testCaseSuccess && current_ != nullptr)
      tally().without_assertions.emplace_back(current_->m_name);
  }
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}

 private:
  const doctest::ContextOptions& options_;
  const doctest::TestCaseData* current_ = nullptr;
};

REGISTER_LISTENER("nothing-tested-guard", 1, NothingTestedGuard);

}  // namespace

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  int rc = context.run();
  const Tally& t = tally();
  for (const std::string& name : t.bad_names) {
    std::fprintf(stderr,
                 "test_main: the test case name \"%s\" has one of ; [ ] \\, which CTest's "
                 "registration or doctest's --test-case filter mangles: it would never run. "
                 "Rename it.\n",
                 name.c_str());
    rc = 1;
  }
  if (t.no_cases) {
    std::fprintf(stderr,
                 "test_main: this executable has no test case: CTest would register "
                 "nothing from it, and nothing would fail\n");
    rc = 1;
  }
  if (t.ran && t.selected == 0) {
    std::fprintf(stderr, "test_main: no test case matched the filters: nothing was tested\n");
    rc = 1;
  }
  for (const std::string& name : t.without_assertions) {
    std::fprintf(stderr, "test_main: the test case \"%s\" passed without one assertion\n",
                 name.c_str());
    rc = 1;
  }
  return rc;
}
