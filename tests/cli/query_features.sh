#!/usr/bin/env bash
# End-to-end: what issue 12 added to `newsdex search`, on the seed corpus: a query that starts
# with '-', negative numbers as usage errors, --sort, did-you-mean in text and JSON.
# Usage: query_features.sh NEWSDEX_BINARY SOURCE_DIR
source "$(dirname "$0")/common.bash" "$@"
total_of() { "$bin" search --db "$tmp/db" --json "$@" | grep -m1 -o '"total": [0-9]*' | grep -o '[0-9]*$'; }

check "index the seeds" "$bin" -q index --db "$tmp/db" "$src/corpus/seeds"

# A query may start with '-': it is a query, not an option (no `--` needed).
check "oracle: 3 of 5" test "$(total_of oracle)" = 3
check "-oracle is a query: 2" test "$(total_of -oracle)" = 2
check "-oracle after options: 2" test "$(total_of --limit 1 -oracle)" = 2
check "-oracle before --db: 2" test "$("$bin" search -oracle --db "$tmp/db" --json | grep -c '"total": 2')" = 1
check "softbank -oracle: 1" test "$(total_of softbank -oracle)" = 1
check "-oracle softbank (words in order): 1" test "$(total_of -oracle softbank)" = 1
check "-- still works: 1" test "$(total_of -- softbank -oracle)" = 1
check "--json after the query is an option" \
  bash -c '"$0" search --db "$1" -oracle --json | grep -q "\"total\": 2"' "$bin" "$tmp/db"

"$bin" search --db "$tmp/db" --jsno softbank >/dev/null 2>"$tmp/err"; rc=$?
check "an unknown --option is still an error" test $rc = 2
check "it is named" grep -q -- "--jsno" "$tmp/err"

# Negative numbers are usage errors naming the option.
for opt in --limit --offset --facet-size -n; do
  "$bin" search --db "$tmp/db" "$opt" -5 softbank >/dev/null 2>"$tmp/err"; rc=$?
  check "$opt -5 exits 2" test $rc = 2
  check "$opt -5 is named" grep -q -- "-5 not in range" "$tmp/err"
done

# Sort: newest first, oldest first; a filter-only query newest first.
dates() { "$bin" search --db "$tmp/db" --json "$@" | grep -o '"date": "[0-9-]*"' | grep -o '[0-9-]*[0-9]'; }
newest=$(dates --sort date cloud)
check "--sort date: newest first" test "$newest" = "$(sort -r <<<"$newest")"
oldest=$(dates --sort date:asc cloud)
check "--sort date:asc: oldest first" test "$oldest" = "$(sort <<<"$oldest")"
check "--sort date:asc has dates" test -n "$oldest"
filtered=$(dates company:microsoft)
check "filter only: newest first" test "$filtered" = "$(sort -r <<<"$filtered")"
check "filter only says sort date" \
  bash -c '"$0" search --db "$1" --json company:microsoft | grep -q "\"sort\": \"date\""' "$bin" "$tmp/db"
"$bin" search --db "$tmp/db" --sort newest cloud >/dev/null 2>&1; rc=$?
check "--sort newest exits 2" test $rc = 2

# Did you mean.
text=$("$bin" search --db "$tmp/db" 'microsfot clodu')
check "text says Did you mean" grep -q '^Did you mean: microsoft cloud$' <<<"$text"
json=$("$bin" search --db "$tmp/db" --json 'microsfot company:openai')
check "json suggestion keeps the filter" grep -q '"suggestion": "microsoft company:openai"' <<<"$json"
json=$("$bin" search --db "$tmp/db" --json 'microsoft cloud')
check "no suggestion when nothing is wrong" bash -c '! grep -q suggestion <<<"$0"' "$json"

# The source facet: the seeds have no source, so no source counts; the option is accepted.
json=$("$bin" search --db "$tmp/db" --json --facets source,company cloud)
check "--facets source gives a source facet" grep -q '"source": \[\]' <<<"$json"
check "... beside the company facet" grep -q '"company": \[' <<<"$json"
"$bin" search --db "$tmp/db" --facets sauce cloud >/dev/null 2>"$tmp/err"; rc=$?
check "--facets sauce exits 2" test $rc = 2
check "the kinds are listed" grep -q "source" "$tmp/err"

echo "$fails failed"
exit $((fails > 0))
