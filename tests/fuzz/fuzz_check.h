#pragma once
// FUZZ_CHECK: a promise the public headers make about a result (offsets inside the text,
// ISO dates, ...). A broken one aborts, so libFuzzer keeps the input like a crash's.
#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                                  \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                                       \
    }                                                                                     \
  } while (0)
