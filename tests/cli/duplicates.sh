#!/usr/bin/env bash
# Near-duplicate collapse and more-like-this from the command line, on the seed articles:
# exact copies and a re-scrape (a line added) of one seed collapse into one hit that says how
# many copies it stands for; --no-collapse shows them all; `similar` finds the other seeds,
# never the article itself or its copies. Usage: duplicates.sh NEWSDEX_BINARY SOURCE_DIR
source "$(dirname "$0")/common.bash" "$@"
json_field() { grep -m1 -o "\"$1\": [0-9]*" | grep -o '[0-9]*$'; }

mkdir -p "$tmp/in"
cp "$src"/corpus/seeds/*.txt "$tmp/in/"
first=$(ls "$src"/corpus/seeds/*.txt | head -1)
cp "$first" "$tmp/in/copy-a.txt"
cp "$first" "$tmp/in/copy-b.txt"
{ cat "$first"; printf '\nUpdated on Jan. 23 with comment from the company.\n'; } >"$tmp/in/rescrape.txt"
check "index seeds and copies" "$bin" index --db "$tmp/db" "$tmp/in"

out=$("$bin" search --db "$tmp/db" --json --limit 20 openai)
check "collapsed: 5 stories" test "$(json_field total <<<"$out")" = 5
check "collapsed: one hit stands for 3 copies" grep -q '"duplicates": 3' <<<"$out"
check "collapsed: says so" grep -q '"collapsed": true' <<<"$out"
all=$("$bin" search --db "$tmp/db" --json --limit 20 --no-collapse openai)
check "--no-collapse: 8 documents" test "$(json_field total <<<"$all")" = 8
check "--no-collapse: no duplicates counted" bash -c '! grep -q "\"duplicates\": [1-9]" <<<"$0"' "$all"
text=$("$bin" search --db "$tmp/db" openai)
check "text output: +3 copies" grep -q '+3 copies' <<<"$text"

# Facets count stories, and a facet count is the collapsed total of the filtered query.
fac=$("$bin" search --db "$tmp/db" --json --facets company -n 0 openai | tr -d ' \n')
check "facet: microsoft in 5 stories" grep -q '"count":5,"key":"microsoft"' <<<"$fac"
check "filtered total: 5" test "$("$bin" search --db "$tmp/db" --json 'openai company:microsoft' | json_field total)" = 5

id=$(basename "$first")
id=${id%.txt}
sim=$("$bin" search --db "$tmp/db" --json --limit 1 "$(head -c 60 "$first" | tr -cd 'A-Za-z ' | cut -d' ' -f1-6)")
self=$(grep -m1 -o '"id": "[^"]*"' <<<"$sim" | cut -d'"' -f4)
out=$("$bin" similar --db "$tmp/db" --json "$self")
check "similar: 4 other seeds" test "$(json_field total <<<"$out")" = 4
check "similar: says what it is like" grep -q "\"similar_to\": \"$self\"" <<<"$out"
check "similar: not itself" bash -c '! grep -q "\"id\": \"$1\"" <<<"$0"' "$out" "$self"
check "similar: not its copies" bash -c '! grep -q "copy-a\|copy-b\|rescrape" <<<"$0"' "$out"
"$bin" similar --db "$tmp/db" no-such-id >/dev/null 2>"$tmp/err"; rc=$?
check "similar: unknown id exits 1" test $rc = 1
check "similar: unknown id named" grep -q 'no document has id "no-such-id"' "$tmp/err"
"$bin" similar --db "$tmp/db" --filter 'date:' "$self" >/dev/null 2>"$tmp/err"; rc=$?
check "similar: bad filter exits 2" test $rc = 2
echo "$fails failed"
test $fails = 0
