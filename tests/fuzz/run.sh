#!/usr/bin/env bash
# ctest's run of one fuzz target: FUZZER SEEDS_DIR FINDINGS_DIR SECONDS.
# libFuzzer writes what it learns into a fresh temporary corpus dir (the first), and only
# reads the committed seeds (the second); a crash, timeout or out-of-memory input is kept as
# FINDINGS_DIR/<target>-crash-<sha1> (or -timeout-, -oom-, -leak-) and the test fails.
set -euo pipefail
fuzzer=$1 seeds=$2 findings=$3 seconds=$4
name=$(basename "$fuzzer")
work=$(mktemp -d "${TMPDIR:-/tmp}/newsdex-$name-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$findings"
status=0
"$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$findings/$name-" "$work" "$seeds" || status=$?
if [ "$status" -ne 0 ]; then
  echo "run.sh: $name failed (exit $status); the input is in $findings/ (see above)" >&2
fi
exit "$status"
