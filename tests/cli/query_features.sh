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

# Sort: newest first, oldest first; a filter-only query newest first. Four dated articles of
# our own: the seeds have two dates, both 2025-01-22, which no order could get wrong (the
# checks on them passed whatever the order). By relevance `cloud` ranks them otherwise.
cat >"$tmp/dated.jsonl" <<'EOF'
{"id": "d-2024-03", "title": "Cloud prices fall", "date": "2024-03-01", "body": "Microsoft cut the price of its cloud storage for small firms in Europe this spring."}
{"id": "d-2025-02", "title": "A cloud deal in Japan", "date": "2025-02-10", "body": "SoftBank signed a cloud computing contract with Microsoft covering data centres near Osaka."}
{"id": "d-2023-07", "title": "Chips for the cloud", "date": "2023-07-15", "body": "Microsoft designs its own accelerator chips to run language models in its cloud."}
{"id": "d-2025-01", "title": "Cloud rivals", "date": "2025-01-22", "body": "Oracle and Google compete with Microsoft for government cloud tenders across America."}
EOF
check "index four dated articles" "$bin" -q index --db "$tmp/dated" "$tmp/dated.jsonl"
ids() { "$bin" search --db "$tmp/dated" --json "$@" | grep -o '"id": "[^"]*"' | cut -d'"' -f4 | tr '\n' ' '; }
by_date="d-2025-02 d-2025-01 d-2024-03 d-2023-07 "
check "--sort date: newest first" test "$(ids --sort date cloud)" = "$by_date"
check "--sort date:asc: oldest first" test "$(ids --sort date:asc cloud)" = "d-2023-07 d-2024-03 d-2025-01 d-2025-02 "
check "filter only: newest first" test "$(ids company:microsoft)" = "$by_date"
check "by relevance, another order" test "$(ids cloud)" != "$by_date" -a -n "$(ids cloud)"
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
check "... in an answer with hits" grep -q '"total": [1-9]' <<<"$json"

# The source facet: the seeds have no source, so no source counts; the option is accepted.
json=$("$bin" search --db "$tmp/db" --json --facets source,company cloud)
check "--facets source gives a source facet" grep -q '"source": \[\]' <<<"$json"
check "... beside the company facet" grep -q '"company": \[' <<<"$json"
"$bin" search --db "$tmp/db" --facets sauce cloud >/dev/null 2>"$tmp/err"; rc=$?
check "--facets sauce exits 2" test $rc = 2
check "the kinds are listed" grep -q "source" "$tmp/err"

echo "$fails failed"
exit $((fails > 0))
