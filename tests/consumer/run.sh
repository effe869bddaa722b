#!/usr/bin/env bash
# The installed package works wherever it is put: installs the build with DESTDIR, moves the
# staged prefix elsewhere (so neither the configured prefix nor the source tree can be
# what it uses), then
#   1. builds the consumer (a copy of tests/consumer) with CMake's find_package, runs it;
#   2. builds it again with pkg-config (newsdex.pc) and a plain g++ line, runs it;
#   3. runs the installed `newsdex` on a seed article and checks it read the moved
#      gazetteers.
# Each consumer checks that the gazetteer newsdex finds by itself is the moved one. A shared
# build finds it relative to libnewsdex_index.so; a program linked with the static archives
# cannot know where they were installed from, so there it is given NEWSDEX_GAZETTEER_DIR
# (docs/embedding.md) and the check is that the variable is honoured.
# Usage: run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$(cmake -L -N "$build" 2>/dev/null | sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p')
DESTDIR="$tmp/stage" cmake --install "$build" >/dev/null
mv "$tmp/stage$prefix" "$tmp/moved"
P=$tmp/moved
gaz=$(cd "$P/share/newsdex/gazetteer" && pwd -P)
cp -r "$src/tests/consumer" "$tmp/consumer"
seed=$(ls "$src"/corpus/seeds/*.txt | head -1)
cp "$seed" "$tmp/article.txt"
if ls "$P"/lib*/libnewsdex_index.so* >/dev/null 2>&1; then
  echo "shared libraries: the consumers find the gazetteers by themselves"
else
  echo "static libraries: the consumers are given NEWSDEX_GAZETTEER_DIR"
  export NEWSDEX_GAZETTEER_DIR="$gaz"
fi

echo "== CMake consumer (find_package from $P)"
cmake -S "$tmp/consumer" -B "$tmp/build-cmake" -DCMAKE_PREFIX_PATH="$P" >/dev/null
cmake --build "$tmp/build-cmake" >/dev/null
"$tmp/build-cmake/consumer" "$tmp/db-cmake" "$gaz"

echo "== pkg-config consumer"
export PKG_CONFIG_PATH="$P/lib/pkgconfig:$(dirname "$(find "$P" -name newsdex.pc | head -1)")"
flags=$(pkg-config --cflags --libs newsdex)
libdir=$(pkg-config --variable=libdir newsdex)
echo "pkg-config --cflags --libs newsdex: $flags"
# shellcheck disable=SC2086  # the flags are words
g++ -o "$tmp/consumer-pc" "$tmp/consumer/main.cc" $flags -Wl,-rpath,"$libdir"
"$tmp/consumer-pc" "$tmp/db-pc" "$gaz"

echo "== installed newsdex"
out=$(env -u NEWSDEX_GAZETTEER_DIR "$P/bin/newsdex" -v entities "$tmp/article.txt" 2>&1) ||
  { echo "the installed newsdex failed:"; echo "$out"; exit 1; }
grep -q "gazetteer: $gaz" <<<"$out" || { echo "newsdex did not read $gaz:"; echo "$out"; exit 1; }
grep -q "company" <<<"$out" || { echo "no entities found:"; echo "$out"; exit 1; }
echo "ok: the moved installation found its own gazetteers at $gaz"
