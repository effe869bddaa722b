#!/usr/bin/env bash
# Under a memory limit (ulimit -v) too small for the run, wherever the allocation fails (a
# worker, the chrome pre-pass's threads, starting a thread, a merge), the run ends with a
# clear error and exit 1, never std::terminate (134) or a crash (139); the database stays
# usable and the next run, with memory to spare, completes.
# Usage: mem_limit.sh NEWSDEX_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
if [ "${NEWSDEX_SANITIZED:-}" = 1 ]; then
  echo "skip: the sanitizers reserve terabytes of address space, ulimit -v cannot apply"
  exit 77
fi
tmp=$(mktemp -d)
source "$(dirname "$0")/sanitizer.bash"
trap 'rc=$?; sanitizer_reports || rc=1; rm -rf "$tmp"; exit $rc' EXIT
# 400 articles of two sources (enough for the chrome pre-pass to learn), from the seeds' words.
words=$(cat "$src"/corpus/seeds/*.txt | tr -cs 'A-Za-z0-9' ' ' | head -c 20000)
for i in $(seq 1 400); do
  printf '{"id": "d%d", "title": "Note %d", "source": "s%d", "body": "%s %s word%d"}\n' \
    "$i" "$i" $((i % 2)) "${words:$((i * 37 % 5000))}" "$words" "$i"
done >"$tmp/in.jsonl"
fails=0 oom=0
# Below ~60 MB the process cannot even start (the loader maps ICU's data, Xapian's static
# initialisers allocate before main): not ours to handle.
for kb in $(seq 60000 10000 200000); do
  rm -rf "$tmp/db" "$tmp/db".*
  (ulimit -v "$kb" && "$bin" index --db "$tmp/db" "$tmp/in.jsonl") >/dev/null 2>"$tmp/err"
  rc=$?
  case $rc in
    0) echo "ok   ulimit -v $kb: indexed" ;;
    1) if grep -q "^newsdex: error: " "$tmp/err"; then
         echo "ok   ulimit -v $kb: exit 1, \"$(head -c 100 "$tmp/err")\""; oom=$((oom + 1))
       else echo "FAIL ulimit -v $kb: exit 1 without an error line: $(head -c 300 "$tmp/err")"; fails=$((fails + 1)); fi ;;
    *) echo "FAIL ulimit -v $kb: exit $rc: $(head -c 300 "$tmp/err")"; fails=$((fails + 1)) ;;
  esac
  if [ -d "$tmp/db" ] && [ $rc = 1 ]; then  # what was committed still opens
    if ! "$bin" stats --db "$tmp/db" >/dev/null 2>"$tmp/err2"; then
      if ! grep -q "no such database\|not one newsdex wrote" "$tmp/err2"; then
        echo "FAIL after ulimit -v $kb the database does not open: $(head -c 200 "$tmp/err2")"
        fails=$((fails + 1))
      fi
    fi
  fi
done
if [ $oom -ge 2 ]; then echo "ok   $oom runs failed for want of memory, each with an error"; else
  echo "FAIL only $oom runs ran out of memory: the limits no longer reach the indexer"; fails=$((fails + 1)); fi
# With memory to spare, the next run completes.
out=$("$bin" index --db "$tmp/db" --json "$tmp/in.jsonl" 2>"$tmp/err")
docs=$(grep -o '"documents":[0-9]*' <<<"$out" | grep -o '[0-9]*$')
if [ "$docs" = 400 ]; then echo "ok   the next run completes (400 documents)"; else
  echo "FAIL next run: documents=$docs: $(tail -3 "$tmp/err")"; fails=$((fails + 1)); fi
left=$(find "$tmp" -maxdepth 1 -name 'db.*' ! -name 'db.lock')
if [ -z "$left" ]; then echo "ok   no temporary directories left"; else
  echo "FAIL leftovers: $left"; fails=$((fails + 1)); fi
echo "$fails failed"
test $fails = 0
