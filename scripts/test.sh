#!/usr/bin/env bash
# Builds newsdex three times (optimised; as shared libraries, for the installed-package
# test; with ASan+UBSan) and runs every test in each, then
# builds the libFuzzer targets (clang-14) and fuzzes each briefly (tests/fuzz/README.md).
# Exits non-zero if anything fails. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
echo "== tests (RelWithDebInfo)"
ctest --test-dir build --output-on-failure -j"$jobs"
# The shared libraries an embedder links (BUILD_SHARED_LIBS=ON; libraries and CLI only): the
# consumer test installs them, moves the prefix, builds against it with CMake and pkg-config.
cmake -S . -B build-shared -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DNEWSDEX_BUILD_BENCH=OFF >/dev/null
cmake --build build-shared -j"$jobs"
echo "== tests (shared libraries, installed and moved)"
ctest --test-dir build-shared -L consumer --no-tests=error --output-on-failure
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DNEWSDEX_SANITIZE=ON -DNEWSDEX_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
echo "== tests (ASan+UBSan)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"
# Only the fuzz targets here (the tests above ran in build-asan); a target's finding fails it.
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSDEX_FUZZ=ON \
  -DNEWSDEX_BUILD_TESTS=OFF -DNEWSDEX_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$jobs"
echo "== fuzz (libFuzzer, clang-14, ASan+UBSan)"
ctest --test-dir build-fuzz -L fuzz --no-tests=error --output-on-failure
