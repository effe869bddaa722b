#!/usr/bin/env bash
# End-to-end: `newsdex check` on a fresh index of the seeds and on damaged copies: exit 0
# when sound, 1 with the problem named, 2 for a usage error; output for people and --json.
# (The library's tests, tests/unit/test_check.cc, damage documents through Xapian.)
# Usage: check.sh NEWSDEX_BINARY SOURCE_DIR
source "$(dirname "$0")/common.bash" "$@"
gaz=(--gazetteer "$src/corpus/gazetteer")

"$bin" index --db "$tmp/db" "${gaz[@]}" "$src/corpus/seeds" >/dev/null 2>&1
out=$("$bin" check --db "$tmp/db" "${gaz[@]}" 2>"$tmp/err"); rc=$?
check "sound: exit 0" test $rc = 0
check "sound: summary line" test "$out" = "$tmp/db: 5 documents checked, entity terms compared: ok"
check "no progress on stderr when it is not a terminal" test ! -s "$tmp/err"
json=$("$bin" check --db "$tmp/db" "${gaz[@]}" --json)
check "json: ok" grep -q '"ok": true' <<<"$json"
check "json: documents" grep -q '"documents": 5' <<<"$json"
out=$("$bin" check --db "$tmp/db" --quick); rc=$?
check "quick: exit 0, entities not compared" test $rc = 0 -a "$out" = "$tmp/db: 5 documents checked: ok"

cp -r "$tmp/db" "$tmp/trunc"
size=$(stat -c %s "$tmp/trunc/postlist.glass")
truncate -s $((size / 2)) "$tmp/trunc/postlist.glass"
out=$("$bin" check --db "$tmp/trunc" "${gaz[@]}" 2>"$tmp/err"); rc=$?
check "truncated table: exit 1" test $rc = 1
check "truncated table: named" grep -q '^table: postlist table: DatabaseError' <<<"$out"
json=$("$bin" check --db "$tmp/trunc" "${gaz[@]}" --json)
check "truncated table: json kind" grep -q '"kind": "table"' <<<"$json"
check "truncated table: json not ok" grep -q '"ok": false' <<<"$json"

mkdir "$tmp/db.old"
out=$("$bin" check --db "$tmp/db" "${gaz[@]}"); rc=$?
check "stray .old: exit 1" test $rc = 1
check "stray .old: named" grep -q "^leftover: $tmp/db.old: " <<<"$out"
check "stray .old: counted" grep -q "^$tmp/db: 5 documents checked, entity terms compared: 1 problem$" <<<"$out"
"$bin" index --db "$tmp/db" "${gaz[@]}" "$src/corpus/seeds" >/dev/null 2>&1
"$bin" check --db "$tmp/db" "${gaz[@]}" >/dev/null; rc=$?
check "the next index removes it: exit 0 again" test $rc = 0 -a ! -e "$tmp/db.old"

"$bin" check --db "$tmp/nope" >"$tmp/out" 2>&1; rc=$?
check "missing db: exit 1" test $rc = 1
check "missing db: named" grep -q "^open: $tmp/nope: no such database" "$tmp/out"
"$bin" check >/dev/null 2>&1; rc=$?
check "no --db: exit 2" test $rc = 2
"$bin" check --db "$tmp/db" --gazetteer "$tmp/no-such-dir" >/dev/null 2>&1; rc=$?
check "unreadable gazetteer: exit 2" test $rc = 2

echo "$fails failed"
test $fails = 0
