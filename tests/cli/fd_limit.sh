#!/usr/bin/env bash
# Under a low open-file limit, a merge of more shards than can be open at once still ends
# with every document in one database (the shards are compacted in groups first); under a
# limit too low to write at all, the run fails with a clear error (not a crash) and the next
# run, with files to spare, completes.
# (--keep-chrome: the generated bodies repeat, which the chrome filter would rightly drop.)
# Usage: fd_limit.sh NEWSDEX_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
source "$(dirname "$0")/sanitizer.bash"
trap 'rc=$?; sanitizer_reports || rc=1; rm -rf "$tmp"; exit $rc' EXIT
n=120
for i in $(seq 1 $n); do
  printf '{"id": "d%d", "title": "Note %d", "body": "token%d shared words about chips and clouds"}\n' \
    "$i" "$i" "$i"
done >"$tmp/in.jsonl"
fails=0
# 160 files: room for about five shards per compaction, against 120 one-document shards.
out=$( (ulimit -n 160 && "$bin" -v index --db "$tmp/db" --json --shard-docs 1 --keep-chrome "$tmp/in.jsonl") 2>"$tmp/err")
docs=$(grep -o '"documents":[0-9]*' <<<"$out" | grep -o '[0-9]*$')
if [ "$docs" = "$n" ]; then echo "ok   $n documents under ulimit -n 160"; else
  echo "FAIL documents=$docs: $(tail -3 "$tmp/err")"; fails=$((fails + 1)); fi
if grep -q 'sources per compaction (memory, open-file limit): grouping' "$tmp/err"; then
  echo "ok   the shards were compacted in groups"; else echo "FAIL no grouping logged"; fails=$((fails + 1)); fi
for i in 1 60 $n; do
  t=$("$bin" search --db "$tmp/db" --json "token$i" | grep -m1 -o '"total": [0-9]*' | grep -o '[0-9]*$')
  if [ "$t" = 1 ]; then echo "ok   token$i found once"; else echo "FAIL token$i found $t times"; fails=$((fails + 1)); fi
done
first=$("$bin" search --db "$tmp/db" --json --limit 1 chips | grep -m1 -o "\"id\": \"[^\"]*\"")
if [ "$first" = '"id": "d1"' ]; then echo "ok   input order kept (first hit d1)"; else
  echo "FAIL first hit $first"; fails=$((fails + 1)); fi
if [ -z "$(find "$tmp" -maxdepth 1 -name 'db.*' ! -name 'db.lock')" ]; then echo "ok   no temporary directories left"; else
  echo "FAIL leftovers: $(ls "$tmp")"; fails=$((fails + 1)); fi
# Too few files for a shard or the merge: Xapian's error reaches the user as newsdex's.
# Not under the sanitizers: with no descriptor left, UBSan's own type checks misreport ICU
# objects (seen: "does not point to an object of type 'Normalizer2'").
lims="10 14 18"
if [ "${NEWSDEX_SANITIZED:-}" = 1 ]; then
  lims=""
  echo "skip ulimit -n 10/14/18 runs under the sanitizers"
fi
xapian_named=0  # runs where Xapian's error reached the user as an IndexError naming the db
for lim in $lims; do
  rm -rf "$tmp/small"*
  (ulimit -n $lim && "$bin" index --db "$tmp/small" --keep-chrome "$tmp/in.jsonl") >"$tmp/out" 2>"$tmp/err"
  rc=$?
  # Whichever open fails first (a shard, the merge, the lock, a gazetteer file): exit 1 or 2
  # with an error that names what and why, never a crash.
  if { [ $rc = 1 ] || [ $rc = 2 ]; } && grep -qi "error: .*too many open files" "$tmp/err"; then
    echo "ok   ulimit -n $lim: exit $rc, \"$(head -c 90 "$tmp/err")…\""; else
    echo "FAIL ulimit -n $lim: exit $rc: $(head -c 300 "$tmp/err")"; fails=$((fails + 1)); fi
  if [ $rc = 1 ] && grep -q "error: $tmp/small: " "$tmp/err"; then xapian_named=$((xapian_named + 1)); fi
  again=$("$bin" index --db "$tmp/small" --json --keep-chrome "$tmp/in.jsonl" 2>"$tmp/err")
  docs=$(grep -o '"documents":[0-9]*' <<<"$again" | grep -o '[0-9]*$')
  if [ "$docs" = "$n" ]; then echo "ok   the next run completes ($n documents)"; else
    echo "FAIL next run: documents=$docs: $(tail -3 "$tmp/err")"; fails=$((fails + 1)); fi
  left=$(find "$tmp" -maxdepth 1 -name 'small.*' ! -name 'small.lock')
  if [ -z "$left" ]; then echo "ok   no temporary directories left"; else
    echo "FAIL leftovers: $left"; fails=$((fails + 1)); fi
done
# Most of these limits fail in a Xapian open (a shard, the lock, the merge), not in a
# gazetteer file: at least one must show Xapian's error as newsdex's, naming the database.
if [ -n "$lims" ]; then
  if [ $xapian_named -ge 1 ]; then echo "ok   $xapian_named of the runs: a Xapian error as 'error: <db>: …'"; else
    echo "FAIL no run showed a Xapian error naming the database"; fails=$((fails + 1)); fi
fi
echo "$fails failed"
test $fails = 0
