#!/usr/bin/env bash
# Runs one fuzz target by hand: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]
#   TARGET: fuzz_query, fuzz_extractor, fuzz_analyzer or fuzz_readers (tests/fuzz/README.md)
# Builds build-fuzz/ (clang-14, NEWSDEX_FUZZ=ON) if needed, fuzzes for SECONDS with the
# committed seeds read-only and a working corpus that grows across runs in
# build-fuzz/fuzz-corpus/TARGET/, and prints the number of executions. Crash, timeout,
# out-of-memory and leak inputs land in FINDINGS_DIR (default build-fuzz/fuzz-findings/).
# FUZZ_KEEP_GOING=1 forks a child per batch and carries on past findings (each one kept)
# instead of stopping at the first. Exits non-zero if libFuzzer reported a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2
case $target in
  fuzz_query | fuzz_extractor | fuzz_analyzer | fuzz_readers) ;;
  *) echo "fuzz.sh: unknown target '$target'" >&2; exit 2 ;;
esac
build=build-fuzz
jobs=${JOBS:-2}
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DNEWSDEX_FUZZ=ON -DNEWSDEX_BUILD_BENCH=OFF \
    -DNEWSDEX_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target "$target" -j"$jobs"

findings=$(realpath -m "${FINDINGS_DIR:-$build/fuzz-findings}")
corpus=$build/fuzz-corpus/$target
mkdir -p "$findings" "$corpus"
log=$findings/$target-$(date +%Y%m%d-%H%M%S).log
flags=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
       -artifact_prefix="$findings/$target-")
if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
  flags+=(-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1)
fi
echo "fuzz.sh: $target for ${seconds}s; findings go to $findings/, the log to $log" >&2
stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
status=0
start=$SECONDS
"$build/tests/fuzz/$target" "${flags[@]}" "$@" "$corpus" "tests/fuzz/corpus/$target" \
  >"$log" 2>&1 || status=$?
elapsed=$((SECONDS - start))
tail -n 30 "$log"
# What went wrong, once per kind (a forked run reports each finding as it goes).
grep -E 'FUZZ_CHECK failed|ERROR:|runtime error|^SUMMARY' "$log" | sed 's/^==[0-9]*==/==/' | sort | uniq -c || true
# Executions: the final stats of a plain run; the last status line of a forked one.
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
[ -n "$execs" ] || execs=$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')
echo "fuzz.sh: $target: ${execs:-?} executions in ${elapsed}s, exit status $status"
found=$(find "$findings" -maxdepth 1 -type f -name "$target-*" ! -name '*.log' -newer "$stamp" | sort)
if [ -n "$found" ]; then
  echo "fuzz.sh: new findings of $target in $findings/:"
  printf '  %s\n' $found
fi
exit "$status"
