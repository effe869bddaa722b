#!/usr/bin/env bash
# SIGKILL the indexer at several moments: the database must always open, and a final run
# must finish with every document exactly once (no duplicates, no losses).
# Usage: kill_resume.sh NEWSDEX_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
source "$(dirname "$0")/sanitizer.bash"
trap 'rc=$?; sanitizer_reports || rc=1; rm -rf "$tmp"; exit $rc' EXIT
n=8000
# A generated corpus (no external data): 8,000 articles of ~1.5 KB with unique marker words.
awk -v n=$n 'BEGIN {
  split("market chip cloud model data server revenue quarter deal startup investor network " \
        "robot battery launch policy growth energy camera search privacy vaccine satellite", w, " ");
  srand(7);
  for (i = 1; i <= n; i++) {
    body = "";
    for (k = 0; k < 220; k++) body = body w[int(rand() * 23) + 1] " ";
    printf "{\"id\": \"doc-%d\", \"title\": \"Report %d\", \"source\": \"Gen\", \"body\": \"marker%d %s\"}\n", i, i, i, body;
  }
}' >"$tmp/corpus.jsonl"

fails=0
# Kill at fractions of an uninterrupted run's duration, so the kills land inside the run
# however fast this build is (a sanitizer build is several times slower).
t0=$(date +%s.%N)
"$bin" index --db "$tmp/ref" --shard-docs 50 --checkpoint-docs 400 "$tmp/corpus.jsonl" >/dev/null 2>&1
t1=$(date +%s.%N)
rm -rf "$tmp/ref"
full=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
echo "an uninterrupted run takes ${full}s"
# kill_during FRACTION FULL INPUT WHAT: SIGKILL an index run of INPUT at FRACTION of FULL
# seconds; the database, if it exists yet, must open.
kill_during() {
  local delay pid
  delay=$(awk -v f="$1" -v d="$2" 'BEGIN { printf "%.3f", f * d }')
  "$bin" index --db "$tmp/db" --shard-docs 50 --checkpoint-docs 400 "$3" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if [ -e "$tmp/db" ] && ! "$bin" stats --db "$tmp/db" --json >"$tmp/stats" 2>"$tmp/err"; then
    echo "FAIL database does not open after SIGKILL of $4 at ${delay}s: $(cat "$tmp/err")"
    fails=$((fails + 1))
  else
    echo "ok   database opens after SIGKILL of $4 at ${delay}s ($(grep -o '"documents": [0-9]*' "$tmp/stats" 2>/dev/null))"
  fi
}
# resume INPUT WHAT: an uninterrupted index run of INPUT, which must end with all $n documents.
resume() {
  local out docs
  out=$("$bin" index --db "$tmp/db" --json --shard-docs 50 --checkpoint-docs 400 "$1")
  echo "final $2: $out"
  docs=$(grep -o '"documents":[0-9]*' <<<"$out" | grep -o '[0-9]*$')
  if [ "$docs" = "$n" ]; then echo "ok   $n documents after resuming"; else echo "FAIL $docs documents, expected $n"; fails=$((fails + 1)); fi
}
for frac in 0.08 0.2 0.35 0.55 0.8; do kill_during "$frac" "$full" "$tmp/corpus.jsonl" "a run"; done
resume "$tmp/corpus.jsonl" run
for i in 1 777 4000 7999 8000; do
  t=$("$bin" search --db "$tmp/db" --json "marker$i" | grep -m1 -o '"total": [0-9]*' | grep -o '[0-9]*$')
  if [ "$t" = 1 ]; then echo "ok   marker$i found once"; else echo "FAIL marker$i found $t times"; fails=$((fails + 1)); fi
done
leftovers=$(find "$tmp" -maxdepth 1 -name 'db.*' ! -name 'db.lock' | wc -l)
if [ "$leftovers" = 0 ]; then echo "ok   no temporary directories left"; else echo "FAIL leftovers: $(ls "$tmp")"; fails=$((fails + 1)); fi
again=$("$bin" index --db "$tmp/db" --json "$tmp/corpus.jsonl")
if grep -q "\"unchanged\":$n" <<<"$again"; then echo "ok   unchanged re-run skips all"; else echo "FAIL re-run: $again"; fails=$((fails + 1)); fi

# Replacing: every document changed (marker → newmark). Old versions are deleted on the merge
# thread while the workers index the new ones (500 at a time), so a kill can land between an
# old version's deletion and its new version's merge: the database must open, and the next
# run must index what is missing, with every document once and no old version left.
sed 's/"body": "marker/"body": "newmark/' "$tmp/corpus.jsonl" >"$tmp/changed.jsonl"
t0=$(date +%s.%N)
cp -r "$tmp/db" "$tmp/ref"
"$bin" index --db "$tmp/ref" --shard-docs 50 --checkpoint-docs 400 "$tmp/changed.jsonl" >/dev/null 2>&1
t1=$(date +%s.%N)
rm -rf "$tmp/ref" "$tmp/ref.lock"
full=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
echo "an uninterrupted replacing run takes ${full}s"
for frac in 0.15 0.4 0.7; do kill_during "$frac" "$full" "$tmp/changed.jsonl" "a replacing run"; done
resume "$tmp/changed.jsonl" "replacing run"
for i in 1 777 4000 7999 8000; do
  t=$("$bin" search --db "$tmp/db" --json "newmark$i" | grep -m1 -o '"total": [0-9]*' | grep -o '[0-9]*$')
  o=$("$bin" search --db "$tmp/db" --json "marker$i" | grep -m1 -o '"total": [0-9]*' | grep -o '[0-9]*$')
  if [ "$t" = 1 ] && [ "$o" = 0 ]; then echo "ok   newmark$i once, marker$i gone"; else echo "FAIL newmark$i $t times, marker$i $o times"; fails=$((fails + 1)); fi
done
echo "$fails failed"
test $fails = 0
