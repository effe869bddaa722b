#!/usr/bin/env bash
# End-to-end: `newsdex remove` deletes documents by id; an id not in the database is named
# and exits 1; a later index run of the same inputs adds the document back.
# Usage: remove.sh NEWSDEX_BINARY SOURCE_DIR
source "$(dirname "$0")/common.bash" "$@"
gaz=(--gazetteer "$src/corpus/gazetteer")

"$bin" index --db "$tmp/db" "${gaz[@]}" "$src/corpus/seeds" >/dev/null 2>&1
id=$("$bin" search --db "$tmp/db" "${gaz[@]}" --json company:oracle | grep -m1 '"id"' | sed 's/.*"id": "\(.*\)",/\1/')
check "an id to remove" test -n "$id"
before=$("$bin" search --db "$tmp/db" "${gaz[@]}" --json company:oracle | grep -m1 '"total"')
out=$("$bin" remove --db "$tmp/db" "$id"); rc=$?
check "remove: exit 0" test $rc = 0
check "remove: summary" test "$out" = "$tmp/db: 1 removed, 0 not found"
after=$("$bin" search --db "$tmp/db" "${gaz[@]}" --json company:oracle | grep -m1 '"total"')
check "one fewer oracle document ($before -> $after)" \
  test "${before//[^0-9]/}" = $(( ${after//[^0-9]/} + 1 ))
left=$("$bin" search --db "$tmp/db" "${gaz[@]}" --json company:oracle)
check "the id is gone" bash -c '! grep -q "\"$1\"" <<<"$0"' "$left" "$id"
check "... from an answer with hits" grep -q '"total": [1-9]' <<<"$left"
json=$("$bin" remove --db "$tmp/db" --json "$id" nope 2>"$tmp/err"); rc=$?
check "missing ids: exit 1" test $rc = 1
check "missing ids: json names them" grep -q "\"not_found\":\[\"$id\",\"nope\"\]" <<<"$json"
check "missing ids: stderr says so" grep -q "2 of 2 ids are not in" "$tmp/err"
"$bin" remove --db "$tmp/nodb" x >/dev/null 2>&1; rc=$?
check "no database: usage error" test $rc = 2
"$bin" index --db "$tmp/db" "${gaz[@]}" "$src/corpus/seeds" >/dev/null 2>&1
again=$("$bin" search --db "$tmp/db" "${gaz[@]}" --json company:oracle | grep -m1 '"total"')
check "re-index adds it back" test "$again" = "$before"
echo "$fails failed"
test $fails = 0
