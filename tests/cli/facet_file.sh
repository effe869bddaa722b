#!/usr/bin/env bash
# End-to-end: `newsdex index` writes the facet file (<db>/newsdex-facets, docs/schema.md); a
# search reads it (-v says so) and prints the same JSON as without it (timings aside),
# collapsed and not; `newsdex remove` writes the file of its revision; a damaged file is
# ignored with the same output and exit 0.
# Usage: facet_file.sh NEWSDEX_BINARY SOURCE_DIR
source "$(dirname "$0")/common.bash" "$@"
gaz=(--gazetteer "$src/corpus/gazetteer")
facets=(--facets company,person,product,money,percent,date)

"$bin" index --db "$tmp/db" "${gaz[@]}" "$src/corpus/seeds" >/dev/null 2>&1
check "index writes the facet file" test -s "$tmp/db/newsdex-facets"

# The JSON of each query (elapsed_ms dropped), one file per query and mode; each answer must
# come from a search that exited 0 and found something (two failed searches' empty outputs
# would compare equal).
answers() {  # answers OUTDIR
  mkdir -p "$1"
  local i=0 q mode bad=0
  for q in microsoft cloud "company:softbank" "money:>=1e9" "openai -oracle"; do
    for mode in "" --no-collapse; do
      "$bin" search --db "$tmp/db" "${gaz[@]}" --json "${facets[@]}" $mode "$q" 2>>"$1/err" |
        grep -v '"elapsed_ms"' >"$1/$i" || bad=$((bad + 1))
      grep -q '"total": [1-9]' "$1/$i" || bad=$((bad + 1))
      i=$((i + 1))
    done
  done
  check "$(basename "$1"): 10 searches exited 0, each with hits" test $bad = 0
}

answers "$tmp/with"
"$bin" -v search --db "$tmp/db" "${gaz[@]}" "${facets[@]}" cloud >/dev/null 2>"$tmp/log"
check "search reads the facet file" grep -q "from the facet file" "$tmp/log"
cp "$tmp/db/newsdex-facets" "$tmp/saved"
rm "$tmp/db/newsdex-facets"
answers "$tmp/without"
check "the same JSON with and without the facet file" diff -r "$tmp/with" "$tmp/without"
check "the answers hold facet counts" grep -q '"count": [1-9]' "$tmp/with/0"

# Damaged: a byte changed in the middle of the file.
cp "$tmp/saved" "$tmp/db/newsdex-facets"
size=$(stat -c %s "$tmp/saved")
printf '\xff\xff\xff\xff' | dd of="$tmp/db/newsdex-facets" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
answers "$tmp/damaged"
check "a damaged facet file: the same JSON" diff -r "$tmp/with" "$tmp/damaged"
"$bin" -v search --db "$tmp/db" "${gaz[@]}" "${facets[@]}" cloud >/dev/null 2>"$tmp/log"; rc=$?
check "a damaged facet file: exit 0" test $rc = 0
check "a damaged facet file: -v says it was not used" grep -q "facet file not used" "$tmp/log"

# remove commits a new revision and writes its file; the saved one is then stale.
id=$("$bin" search --db "$tmp/db" "${gaz[@]}" --json company:oracle | grep -m1 '"id"' | sed 's/.*"id": "\(.*\)",/\1/')
"$bin" remove --db "$tmp/db" "$id" >/dev/null
"$bin" -v search --db "$tmp/db" "${gaz[@]}" "${facets[@]}" cloud >/dev/null 2>"$tmp/log"
check "remove writes the new revision's file" grep -q "from the facet file" "$tmp/log"
cp "$tmp/saved" "$tmp/db/newsdex-facets"
"$bin" -v search --db "$tmp/db" "${gaz[@]}" "${facets[@]}" cloud >/dev/null 2>"$tmp/log"
check "an older revision's file is stale, not used" grep -q "stale" "$tmp/log"
echo "$fails failed"
test $fails = 0
