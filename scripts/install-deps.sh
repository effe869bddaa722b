#!/usr/bin/env bash
# Installs everything newsdex needs to build, test and benchmark, from Debian 12 packages.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# clang-14 for the fuzz build (tests/fuzz); libclang-rt-14-dev holds its libFuzzer, ASan and
# UBSan runtimes (only recommended by clang-14, so named here); llvm-14 has llvm-symbolizer,
# which sanitizer reports use for file:line.
apt-get install -y -qq --no-install-recommends \
  build-essential cmake pkg-config git ca-certificates time \
  libxapian-dev xapian-tools xapian-omega libicu-dev libspdlog-dev libfmt-dev doctest-dev libcli11-dev \
  nlohmann-json3-dev libsimdjson-dev libgumbo-dev zlib1g-dev libzstd-dev libjemalloc-dev libsqlite3-dev sqlite3 \
  libcpp-httplib-dev chromium python3-websocket curl \
  clang-14 libclang-rt-14-dev llvm-14 >/dev/null
echo "install-deps: done" >&2
