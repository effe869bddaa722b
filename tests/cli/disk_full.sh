#!/usr/bin/env bash
# The disk fills during an index run (a small tmpfs, so at every point: a shard's commit, the
# compaction into <db>.new, the swap): the run exits 1 with the reason, the database keeps
# what it had and still opens, nothing it wrote is left behind, and the next run with room
# completes. Needs root to mount a tmpfs; skipped (77) where it cannot.
# Usage: disk_full.sh NEWSDEX_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
mnt="$tmp/mnt"
mkdir -p "$mnt"
source "$(dirname "$0")/sanitizer.bash"
cleanup() {
  local rc=$?
  mountpoint -q "$mnt" && umount "$mnt"
  sanitizer_reports || rc=1
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT
if ! mount -t tmpfs -o size=1m tmpfs "$mnt" 2>/dev/null; then
  echo "skip: cannot mount a tmpfs here (needs root)"
  exit 77
fi
umount "$mnt"
# 40 small articles first, then 400 more from the seeds' words (~5 MB of index).
words=$(cat "$src"/corpus/seeds/*.txt | tr -cs 'A-Za-z0-9' ' ' | head -c 20000)
gen() {
  for i in $(seq "$1" "$2"); do
    printf '{"id": "d%d", "title": "Note %d", "body": "%s %s word%d"}\n' \
      "$i" "$i" "${words:$((i * 37 % 5000))}" "$words" "$i"
  done
}
gen 1 40 >"$tmp/a.jsonl"
gen 41 440 >"$tmp/b.jsonl"
fails=0 full=0
for mb in 12 20 32 48 96; do
  mount -t tmpfs -o size=${mb}m tmpfs "$mnt"
  if ! "$bin" index --db "$mnt/db" --keep-chrome "$tmp/a.jsonl" >/dev/null 2>"$tmp/err"; then
    echo "skip ${mb} MB: the first 40 do not fit"; umount "$mnt"; continue
  fi
  "$bin" index --db "$mnt/db" --keep-chrome "$tmp/b.jsonl" >/dev/null 2>"$tmp/err"
  rc=$?
  if [ $rc = 0 ]; then
    echo "ok   ${mb} MB: everything fitted"
  elif [ $rc = 1 ] && grep -q "^newsdex: error: .*\(No space left on device\|the disk is nearly full\)" "$tmp/err"; then
    echo "ok   ${mb} MB: exit 1, \"$(head -c 110 "$tmp/err")…\""; full=$((full + 1))
  else
    echo "FAIL ${mb} MB: exit $rc: $(head -c 300 "$tmp/err")"; fails=$((fails + 1))
  fi
  docs=$("$bin" stats --db "$mnt/db" --json 2>"$tmp/err" | grep -o '"documents": *[0-9]*' | grep -o '[0-9]*$')
  if [ $rc = 0 ] && [ "$docs" = 440 ] || [ $rc != 0 ] && [ "${docs:-0}" -ge 40 ]; then
    echo "ok   ${mb} MB: the database opens with $docs documents"; else
    echo "FAIL ${mb} MB: documents=$docs: $(head -c 200 "$tmp/err")"; fails=$((fails + 1)); fi
  left=$(find "$mnt" -maxdepth 1 -name 'db.*' ! -name 'db.lock')
  if [ -z "$left" ]; then echo "ok   ${mb} MB: nothing left behind"; else
    echo "FAIL ${mb} MB: leftovers: $left"; fails=$((fails + 1)); fi
  umount "$mnt"
done
if [ $full -ge 2 ]; then echo "ok   $full runs met a full disk"; else
  echo "FAIL only $full runs met a full disk: the sizes no longer fit the data"; fails=$((fails + 1)); fi
echo "$fails failed"
test $fails = 0
