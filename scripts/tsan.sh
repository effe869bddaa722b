#!/usr/bin/env bash
# ThreadSanitizer over the multi-threaded paths: the indexing tests (workers, checkpoint
# merges on their own thread, the chrome pre-pass's threads) and a checkpoint-heavy index run
# that replaces a third of its documents on the second pass. Run by hand, not in CI: it is a
# fourth full build (~6 minutes on 2 cores) and CI's test command must stay well under 15
# minutes; run it after any change to index_run.cc, chrome_pass.cc, chrome.cc or merge.cc.
# Exits non-zero on any report. Usage: scripts/tsan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSDEX_TSAN=ON \
  -DNEWSDEX_BUILD_BENCH=OFF -DNEWSDEX_INSTALL=OFF >/dev/null
cmake --build build-tsan -j"$jobs" --target newsdex_cli test_index_search test_reliability test_chrome
export TSAN_OPTIONS="suppressions=$PWD/tests/tsan/suppressions.txt halt_on_error=1 exitcode=66"
for t in test_index_search test_reliability test_chrome; do
  echo "== $t"
  build-tsan/tests/$t
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in $(seq 1 3000); do
  printf '{"id": "d%d", "title": "Note %d on chips", "source": "s%d", "body": "token%d shared words about chips, clouds and %d more"}\n' \
    "$i" "$i" $((i % 3)) "$i" "$i"
done >"$tmp/a.jsonl"
echo "== index, checkpoints every 200"
build-tsan/cli/newsdex index --db "$tmp/db" --checkpoint-docs 200 "$tmp/a.jsonl"
awk 'NR % 3 == 0 { sub(/more"}$/, "more, changed\"}") } { print }' "$tmp/a.jsonl" >"$tmp/b.jsonl"
echo "== re-run replacing a third, checkpoints every 200"
build-tsan/cli/newsdex index --db "$tmp/db" --checkpoint-docs 200 "$tmp/b.jsonl"
echo "tsan: no reports"
