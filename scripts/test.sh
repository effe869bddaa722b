#!/usr/bin/env bash
# Builds newsdex twice and runs every test, then fuzzes:
#   1. optimised, as shared libraries (what an embedder links): the installed-and-moved
#      package test (consumer);
#   2. with ASan+UBSan (static libraries, the benchmark tools too): every unit, CLI, consumer
#      and benchmark test;
#   3. the libFuzzer targets (clang-14, ASan+UBSan), each fuzzed briefly (tests/fuzz/README.md).
# The CLI tests run once, in the sanitized build (a separate optimised static build ran the
# same tests again and cost CI a third full compile); mem_limit and fd_limit, which leave
# parts out under the sanitizers, run in full in the shared build too. Exits non-zero if
# anything fails.
# Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
cmake -S . -B build-shared -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DNEWSDEX_BUILD_BENCH=OFF >/dev/null
cmake --build build-shared -j"$jobs"
echo "== tests (Release, shared libraries: the installed and moved package)"
ctest --test-dir build-shared --output-on-failure -j"$jobs" -E '^cli: '
# The CLI tests that leave out, under the sanitizers, what the sanitizer runtimes cannot take
# part in (ulimit -v: mem_limit skips; ulimit -n 10-18: fd_limit's runs): here in full, or
# they would never run in CI.
ctest --test-dir build-shared --output-on-failure --no-tests=error -R '^cli: (mem_limit|fd_limit)$'
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DNEWSDEX_SANITIZE=ON -DNEWSDEX_BUILD_BENCH=ON >/dev/null
cmake --build build-asan -j"$jobs"
echo "== tests (ASan+UBSan)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"
# Only the fuzz targets here (the tests above ran in build-asan); a target's finding fails it.
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSDEX_FUZZ=ON \
  -DNEWSDEX_BUILD_TESTS=OFF -DNEWSDEX_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_query fuzz_extractor fuzz_analyzer fuzz_readers
echo "== fuzz (libFuzzer, clang-14, ASan+UBSan)"
ctest --test-dir build-fuzz -L fuzz --no-tests=error --output-on-failure
