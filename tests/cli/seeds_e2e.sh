#!/usr/bin/env bash
# End-to-end: the newsdex binary on the seed corpus, as a user runs it.
# Usage: seeds_e2e.sh NEWSDEX_BINARY SOURCE_DIR
source "$(dirname "$0")/common.bash" "$@"
total_of() { "$bin" search --db "$tmp/db" --json "$@" | grep -m1 -o '"total": [0-9]*' | grep -o '[0-9]*$'; }

check "index the seeds" "$bin" index --db "$tmp/db" "$src/corpus/seeds"
out=$("$bin" index --db "$tmp/db" --json "$src/corpus/seeds")
check "re-index skips unchanged" grep -q '"unchanged":5' <<<"$out"
check "re-index keeps 5 documents" grep -q '"documents":5' <<<"$out"
check "softbank: 4" test "$(total_of softbank)" = 4
check "phrase: 3" test "$(total_of '"right of first refusal"')" = 3
check "softbank -oracle: 1" test "$(total_of 'softbank -oracle')" = 1
check "refusals (stemming): 3" test "$(total_of refusals)" = 3
check "match any" test "$(total_of --match any 'quokka softbank')" = 4
# The default (best): never empty while a word matches; --match all stays strict AND.
check "default: a missing word still finds the others" test "$(total_of 'quokka softbank')" = 4
check "match all: a missing word finds nothing" test "$(total_of --match all 'quokka softbank')" = 0
check "json says the match" grep -q '"match": "best"' <<<"$("$bin" search --db "$tmp/db" --json softbank)"
check "company alias filter" test "$(total_of 'company:msft')" = 5
check "money filter" test "$(total_of 'money:>=1e11')" = 2

text=$("$bin" search --db "$tmp/db" --limit 3 '"right of first refusal"')
check "text output lists 3 hits" test "$(grep -c '^[0-9]\. ' <<<"$text")" = 3
check "no ANSI escapes in a pipe" bash -c '! grep -q $'"'"'\x1b'"'"' <<<"$0"' "$text"
json=$("$bin" search --db "$tmp/db" --json --facets company,money,date cloud)
check "json has hits and highlights" grep -q '"highlights"' <<<"$json"
check "json has facets" grep -q '"facets"' <<<"$json"

"$bin" search --db "$tmp/db" '"right of' >/dev/null 2>"$tmp/err"; rc=$?
check "unbalanced quote exits 2" test $rc = 2
check "error names the position" grep -q "position 0" "$tmp/err"
"$bin" search --db "$tmp/db" 'softbank AND' >/dev/null 2>"$tmp/err"; rc=$?
check "dangling AND exits 2" test $rc = 2
"$bin" search --db "$tmp/nope" softbank >/dev/null 2>"$tmp/err"; rc=$?
check "missing db exits 1" test $rc = 1
check "missing db message" grep -q "no such database" "$tmp/err"
mkdir -p "$tmp/notdb" && echo hi >"$tmp/notdb/x"
"$bin" search --db "$tmp/notdb" softbank >/dev/null 2>"$tmp/err"; rc=$?
check "non-Xapian db exits 1" test $rc = 1
check "non-Xapian db message" grep -q "not a Xapian database" "$tmp/err"

# A misspelt command is named, with a suggestion (it said "A subcommand is required").
"$bin" serach --db "$tmp/db" softbank >/dev/null 2>"$tmp/err"; rc=$?
check "misspelt command exits 2" test $rc = 2
check "misspelt command: did you mean search" grep -q "did you mean search" "$tmp/err"
# A misspelt field is an error at its position (it matched nothing, silently).
"$bin" search --db "$tmp/db" 'cloud compnay:oracle' >/dev/null 2>"$tmp/err"; rc=$?
check "misspelt field exits 2" test $rc = 2
check "misspelt field: did you mean company" grep -q "position 6: unknown field 'compnay:' (did you mean company:?)" "$tmp/err"
# A missing input leaves no empty database behind.
"$bin" index --db "$tmp/never.db" "$tmp/no-such-input" >/dev/null 2>"$tmp/err"; rc=$?
check "missing input exits 1" test $rc = 1
check "missing input: no database left" test ! -e "$tmp/never.db"
# Two databases searched as one: the seeds twice over, under other ids, count twice as
# documents (--no-collapse), once as stories (exact copies share their story key across
# databases: docs/duplicates.md).
mkdir -p "$tmp/copy" && cp "$src"/corpus/seeds/*.txt "$tmp/copy/"
check "index a second database" "$bin" index --db "$tmp/db2" "$tmp/copy"
check "two --db: softbank 8" test "$(total_of --no-collapse --db "$tmp/db2" softbank)" = 8
check "two --db: softbank 4 stories" test "$(total_of --db "$tmp/db2" softbank)" = 4
both=$("$bin" search --db "$tmp/db" --db "$tmp/db2" --json --no-collapse --facets company -n 0 microsoft)
check "two --db: the Microsoft facet counts 10" grep -q '"count":10,"key":"microsoft"' <<<"$(tr -d ' \n' <<<"$both")"
both=$("$bin" search --db "$tmp/db" --db "$tmp/db2" --json --facets company -n 0 microsoft)
check "two --db: the Microsoft facet counts 5 stories" grep -q '"count":5,"key":"microsoft"' <<<"$(tr -d ' \n' <<<"$both")"

mkdir -p "$tmp/bad"
: >"$tmp/bad/empty.txt"
printf 'bin\0ary' >"$tmp/bad/bin.txt"
"$bin" index --db "$tmp/db2" "$tmp/bad" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "nothing indexable exits 1" test $rc = 1
check "bad files named in the log" grep -q "empty.txt: skipped: empty file" "$tmp/err"
cp "$src/corpus/seeds/000_c4ea8bca68074bc0.txt" "$tmp/bad/"
"$bin" index --db "$tmp/db2" "$tmp/bad" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "some good input exits 0" test $rc = 0
check "summary counts bad" grep -q "2 bad" "$tmp/out"
"$bin" index --db "$tmp/db3" "$tmp/does-not-exist" 2>"$tmp/err"; rc=$?
check "missing input exits 1" test $rc = 1
check "missing input named" grep -q "does-not-exist: no such file" "$tmp/err"

for sub in index search stats entities; do
  check "$sub --help" bash -c "'$bin' $sub --help >/dev/null"
done
"$bin" frobnicate >/dev/null 2>&1; rc=$?
check "unknown subcommand exits 2" test $rc = 2

echo "$fails failed"
test $fails = 0
