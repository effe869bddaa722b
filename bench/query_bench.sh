#!/usr/bin/env bash
# Query latency of newsdex against plain Xapian and SQLite FTS5, in one run, on indexes of
# the same corpus slice, over the fixed query set bench/queries.txt (column 1: newsdex
# syntax, 2: Xapian QueryParser, 3: FTS5 MATCH; '-' where an engine has no equivalent).
#
# Runs, each a separate process over one open database (warm-up pass untimed, then --runs
# timed passes; see bench/peers/latency.h):
#   xapian  estimated   top 10 + get_matches_estimated() (check_at_least 0)
#   xapian  exact       top 10 + exact total (check_at_least = doccount)
#   fts5    exact       top 10 by rank + count(*)
#   newsdex plain       top 10, no snippets, --match all (the peers' AND) <- the like-for-like row
#   newsdex best        the same with the default matching (--match best: any word, the
#                       most words first; counts every document with any word)
#   newsdex snippets    top 10 with 240-byte snippets (the library's default)
#   newsdex facets      + exact facets company,person,money,date
#   (each collapsed on stories, the default; plain and facets again with --no-collapse,
#   whose ratio is the cost of collapsing: docs/duplicates.md)
#   newsdex filters     the entity-filter queries only newsdex runs, plain and with facets
# Prints p50/p95/p99 per run and newsdex's ratio to each peer (Markdown, stdout); logs to
# stderr; writes every program's JSON into one file.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/query_bench.sh [options]
  --limit N           build the indexes from the first N articles (default 2000)
  --full              ... from the whole corpus
  --corpus FILE       JSONL corpus (default ../shared/corpora/tech-articles/tech_articles.jsonl,
                      else a generated one)
  --generate          use the generated corpus (gen_corpus N 42) even if tech-articles exists
  --newsdex-db DIR    reuse this newsdex index instead of building one
  --xapian-db DIR     reuse this xapian_index database
  --fts5-db FILE      reuse this fts5_index database
                      (reused indexes must hold the same articles, or the ratios mean nothing)
  --queries FILE      query set (default bench/queries.txt)
  --runs N            timed passes over the queries (default 10); --warmup N untimed (default 1)
  --cpu               time each query by its thread's CPU clock, not the wall clock (a shared machine)
  --build DIR         CMake build dir (default <repo>/build): DIR/cli/newsdex, DIR/bench/*
  --bin DIR           where the peer binaries are, if not DIR/bench
  --newsdex PATH      the newsdex CLI (to build the newsdex index)
  --query-bench PATH  the query_bench program (default: <bin>/query_bench)
  --json FILE         where to write the JSON results (default ./query_bench-<time>.json)
  --keep              keep the temporary directory and print its path
Environment: NEWSDEX_INDEX_ARGS  extra arguments for `newsdex index`
EOF
}

log() { printf 'query_bench: %s\n' "$*" >&2; }
die() { printf 'query_bench: error: %s\n' "$*" >&2; exit 1; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
default_corpus="$repo/../shared/corpora/tech-articles/tech_articles.jsonl"

limit=2000
full=0
corpus=""
generate=0
newsdex_db=""
xapian_db=""
fts5_db=""
queries="$script_dir/queries.txt"
runs=10
warmup=1
build="$repo/build"
bindir=""
newsdex=""
qbench=""
json_out=""
keep=0
cpu=0

need() { [ $# -ge 2 ] || die "$1 needs a value"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --limit) need "$@"; limit=$2; shift 2 ;;
    --full) full=1; shift ;;
    --corpus) need "$@"; corpus=$2; shift 2 ;;
    --generate) generate=1; shift ;;
    --newsdex-db) need "$@"; newsdex_db=$2; shift 2 ;;
    --xapian-db) need "$@"; xapian_db=$2; shift 2 ;;
    --fts5-db) need "$@"; fts5_db=$2; shift 2 ;;
    --queries) need "$@"; queries=$2; shift 2 ;;
    --runs) need "$@"; runs=$2; shift 2 ;;
    --warmup) need "$@"; warmup=$2; shift 2 ;;
    --cpu) cpu=1; shift ;;
    --build) need "$@"; build=$2; shift 2 ;;
    --bin) need "$@"; bindir=$2; shift 2 ;;
    --newsdex) need "$@"; newsdex=$2; shift 2 ;;
    --query-bench) need "$@"; qbench=$2; shift 2 ;;
    --json) need "$@"; json_out=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

case "$limit" in ''|*[!0-9]*) die "--limit wants a whole number, got '$limit'" ;; esac
case "$runs" in ''|*[!0-9]*|0) die "--runs wants a number >= 1, got '$runs'" ;; esac
case "$warmup" in ''|*[!0-9]*) die "--warmup wants a whole number, got '$warmup'" ;; esac
[ -f "$queries" ] || die "query file $queries not found"
[ -n "$bindir" ] || bindir="$build/bench"
[ -n "$newsdex" ] || newsdex="$build/cli/newsdex"
[ -n "$qbench" ] || qbench="$bindir/query_bench"
[ -n "$json_out" ] || json_out="$PWD/query_bench-$(date -u +%Y%m%dT%H%M%SZ).json"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsdex-query-bench.XXXXXX")
cleanup() {
  if [ "$keep" = 1 ]; then log "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

# ---- the query files ----------------------------------------------------------------
# common.*: lines all three engines run (the ratios); filters.newsdex: newsdex-only lines.
awk -F'\t' -v dir="$tmp" '
  /^[ \t]*#/ || /^[ \t]*$/ { next }
  {
    for (i = NF + 1; i <= 3; i++) $i = "-"
    if ($2 != "-" && $3 != "-") {
      print $1 > (dir "/common.newsdex.txt"); print $2 > (dir "/common.xapian.txt")
      print $3 > (dir "/common.fts5.txt")
    } else {
      print $1 > (dir "/filters.newsdex.txt")
    }
  }' "$queries"
[ -s "$tmp/common.newsdex.txt" ] || die "$queries has no line with all three columns"
n_common=$(wc -l <"$tmp/common.newsdex.txt" | tr -d ' ')
n_filters=0
[ -f "$tmp/filters.newsdex.txt" ] && n_filters=$(wc -l <"$tmp/filters.newsdex.txt" | tr -d ' ')
log "queries: $n_common common to all engines, $n_filters newsdex-only (filters), from $queries"

# ---- the indexes --------------------------------------------------------------------
corpus_label="(indexes given)"
corpus_note=""
input=""
prepare_corpus() {
  [ -z "$input" ] || return 0
  if [ -z "$corpus" ] && [ "$generate" = 0 ] && [ -f "$default_corpus" ]; then
    corpus=$default_corpus
  fi
  if [ -n "$corpus" ]; then
    [ -f "$corpus" ] || die "corpus $corpus not found"
    log "corpus: $corpus"
    if [ -f "$(dirname "$corpus")/README.txt" ]; then
      corpus_note=$(head -n 1 "$(dirname "$corpus")/README.txt")
      log "  provenance: $corpus_note (text (c) the publishers: local use only, never commit it)"
    fi
    if [ "$full" = 1 ]; then
      input=$corpus; corpus_label="$(basename "$corpus") (full)"
    else
      input="$tmp/corpus.jsonl"; head -n "$limit" "$corpus" >"$input"
      corpus_label="$(basename "$corpus") (first $limit)"
    fi
  else
    local n=$limit
    [ "$full" = 1 ] && n=16442
    [ -x "$bindir/gen_corpus" ] || die "no corpus and no $bindir/gen_corpus: build it or pass --corpus"
    log "corpus: generated, gen_corpus $n 42 (tech-articles not found at $default_corpus)"
    input="$tmp/corpus.jsonl"
    "$bindir/gen_corpus" "$n" 42 >"$input" 2>/dev/null
    corpus_label="generated (gen_corpus $n 42)"
    corpus_note="synthetic: bench/gen_corpus.cc"
  fi
}

# build_index NAME COMMAND...: untimed here (index_bench.sh measures indexing).
build_index() {
  local name=$1; shift
  log "building the $name index: $*"
  local t0 t1
  t0=$(date +%s)
  if ! "$@" >"$tmp/$name.build.out" 2>"$tmp/$name.build.err"; then
    log "$name: building the index failed; the end of its stderr:"
    tail -n 5 "$tmp/$name.build.err" >&2 || true
    return 1
  fi
  t1=$(date +%s)
  log "  $name index built in $((t1 - t0)) s"
}

if [ -z "$xapian_db" ]; then
  if [ -x "$bindir/xapian_index" ]; then
    prepare_corpus
    xapian_db="$tmp/xapian.db"
    build_index xapian "$bindir/xapian_index" "$xapian_db" "$input" || xapian_db=""
  else
    log "xapian: $bindir/xapian_index not built: skipped"
  fi
fi
if [ -z "$fts5_db" ]; then
  if [ -x "$bindir/fts5_index" ]; then
    prepare_corpus
    fts5_db="$tmp/fts5.sqlite"
    build_index fts5 "$bindir/fts5_index" "$fts5_db" "$input" || fts5_db=""
  else
    log "fts5: $bindir/fts5_index not built: skipped"
  fi
fi
if [ ! -x "$qbench" ]; then
  log "newsdex: $qbench not built yet (cmake --build build --target query_bench): skipped"
  newsdex_db=""
elif [ -z "$newsdex_db" ]; then
  if [ -x "$newsdex" ]; then
    prepare_corpus
    newsdex_db="$tmp/newsdex.db"
    # shellcheck disable=SC2086
    build_index newsdex "$newsdex" index --db "$newsdex_db" --json "$input" ${NEWSDEX_INDEX_ARGS:-} ||
      newsdex_db=""
  else
    log "newsdex: $newsdex not built yet (cmake --build build --target newsdex_cli): skipped"
  fi
fi

# ---- the runs -----------------------------------------------------------------------
# run_latency ID COMMAND...: stdout (one JSON object) to $tmp/ID.json.
ran=""
run_latency() {
  local id=$1; shift
  log "$id: $*"
  if "$@" >"$tmp/$id.json" 2>"$tmp/$id.err"; then
    ran="$ran $id"
    local errors
    errors=$(jnum "$tmp/$id.json" errors)
    if [ "${errors:-0}" != 0 ]; then
      log "warning: $id: $errors queries rejected (left out; compare totals with care):"
      grep '^  query:' "$tmp/$id.err" >&2 || true
    fi
  else
    log "$id failed; the end of its stderr:"
    tail -n 5 "$tmp/$id.err" >&2 || true
  fi
}
# jnum FILE KEY: a top-level number from our programs' JSON (top-level keys are unique).
jnum() { sed -n "s/^{.*\"$2\": *\([-0-9.eE+]*\).*/\1/p" "$1" | head -n 1; }

harness=(--runs "$runs" --warmup "$warmup")
[ "$cpu" = 1 ] && harness+=(--cpu)  # each query timed by its thread's CPU clock
log "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'), $(nproc 2>/dev/null || echo '?') cores"
if [ -n "$xapian_db" ]; then
  run_latency xapian-estimated "$bindir/xapian_search" "$xapian_db" "$tmp/common.xapian.txt" "${harness[@]}"
  run_latency xapian-exact "$bindir/xapian_search" "$xapian_db" "$tmp/common.xapian.txt" "${harness[@]}" --exact-count
fi
if [ -n "$fts5_db" ]; then
  run_latency fts5 "$bindir/fts5_search" "$fts5_db" "$tmp/common.fts5.txt" "${harness[@]}"
fi
if [ -n "$newsdex_db" ]; then
  q="$tmp/common.newsdex.txt"
  facet_kinds="company,person,money,date"
  facets=(--facets "$facet_kinds")
  run_latency newsdex-plain "$qbench" "$newsdex_db" "$q" "${harness[@]}" --match all --snippet-bytes 0 --label plain
  run_latency newsdex-best "$qbench" "$newsdex_db" "$q" "${harness[@]}" --match best --snippet-bytes 0 --label best
  run_latency newsdex-snippets "$qbench" "$newsdex_db" "$q" "${harness[@]}" --match all --label snippets
  run_latency newsdex-facets "$qbench" "$newsdex_db" "$q" "${harness[@]}" --match all --snippet-bytes 0 "${facets[@]}" --label facets
  # The cost of collapsing copies of a story (the default; docs/duplicates.md).
  run_latency newsdex-plain-all "$qbench" "$newsdex_db" "$q" "${harness[@]}" --match all --snippet-bytes 0 --no-collapse --label plain-no-collapse
  run_latency newsdex-facets-all "$qbench" "$newsdex_db" "$q" "${harness[@]}" --match all --snippet-bytes 0 "${facets[@]}" --no-collapse --label facets-no-collapse
  if [ "$n_filters" -gt 0 ]; then
    q="$tmp/filters.newsdex.txt"
    run_latency newsdex-filters "$qbench" "$newsdex_db" "$q" "${harness[@]}" --snippet-bytes 0 --label filters
    run_latency newsdex-filters-facets "$qbench" "$newsdex_db" "$q" "${harness[@]}" --snippet-bytes 0 "${facets[@]}" --label filters+facets
  fi
fi
[ -n "$ran" ] || die "nothing ran"

# ---- report -------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" -v na="${3:-n/a}" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else printf "%s", na }'; }
has() { case " $ran " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
describe() {
  case "$1" in
    xapian-estimated) echo "xapian (estimated total)" ;;
    xapian-exact) echo "xapian (exact total)" ;;
    fts5) echo "fts5 (exact count)" ;;
    newsdex-plain) echo "newsdex, no snippets" ;;
    newsdex-best) echo "newsdex, no snippets, --match best" ;;
    newsdex-snippets) echo "newsdex, snippets" ;;
    newsdex-facets) echo "newsdex, 4 exact facets" ;;
    newsdex-plain-all) echo "newsdex, no snippets, --no-collapse" ;;
    newsdex-facets-all) echo "newsdex, 4 exact facets, --no-collapse" ;;
    newsdex-filters) echo "newsdex, filter queries" ;;
    newsdex-filters-facets) echo "newsdex, filter queries + facets" ;;
  esac
}

echo "## Query latency — $corpus_label"
echo
echo "$runs timed passes after $warmup untimed; top 10 per query; $(nproc 2>/dev/null || echo '?') cores."
[ -n "$corpus_note" ] && echo "Corpus: $corpus_note"
echo
echo "| run | queries | errors | p50 ms | p95 ms | p99 ms | mean ms | QPS | total hits |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for id in xapian-estimated xapian-exact fts5 newsdex-plain newsdex-best newsdex-snippets newsdex-facets newsdex-plain-all newsdex-facets-all newsdex-filters newsdex-filters-facets; do
  has "$id" || continue
  f="$tmp/$id.json"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(describe "$id")" "$(jnum "$f" n_queries)" \
    "$(jnum "$f" errors)" "$(jnum "$f" p50_ms)" "$(jnum "$f" p95_ms)" "$(jnum "$f" p99_ms)" \
    "$(jnum "$f" mean_ms)" "$(jnum "$f" qps)" "$(jnum "$f" total_hits)"
done
echo
echo "Filter queries run on newsdex only. Total hits differ between engines because their"
echo "tokenizers and stemmers differ (e.g. \"gpt-4\"); compare them to spot a bad translation."

if has newsdex-plain-all && has newsdex-facets-all; then
  echo
  echo "### The cost of collapsing stories"
  echo
  echo "Collapsed latency / --no-collapse latency (above 1: collapsing costs that much more)."
  echo
  echo "| run | p50 × | p95 × | mean × |"
  echo "|---|---:|---:|---:|"
  for pair in "newsdex-plain newsdex-plain-all" "newsdex-facets newsdex-facets-all"; do
    set -- $pair
    printf '| %s | %s | %s | %s |\n' "$(describe "$1")" \
      "$(ratio "$(jnum "$tmp/$1.json" p50_ms)" "$(jnum "$tmp/$2.json" p50_ms)")" \
      "$(ratio "$(jnum "$tmp/$1.json" p95_ms)" "$(jnum "$tmp/$2.json" p95_ms)")" \
      "$(ratio "$(jnum "$tmp/$1.json" mean_ms)" "$(jnum "$tmp/$2.json" mean_ms)")"
  done
fi

ratios_json=""
if has newsdex-plain || has newsdex-snippets || has newsdex-facets; then
  echo
  echo "### newsdex against the peers (common queries)"
  echo
  echo "Peer latency / newsdex latency: above 1, newsdex is faster."
  echo
  echo "| newsdex run | peer | p50 × | p95 × | p99 × |"
  echo "|---|---|---:|---:|---:|"
  for n in newsdex-plain newsdex-best newsdex-snippets newsdex-facets; do
    has "$n" || continue
    for p in xapian-estimated xapian-exact fts5; do
      has "$p" || continue
      r50=$(ratio "$(jnum "$tmp/$p.json" p50_ms)" "$(jnum "$tmp/$n.json" p50_ms)")
      r95=$(ratio "$(jnum "$tmp/$p.json" p95_ms)" "$(jnum "$tmp/$n.json" p95_ms)")
      r99=$(ratio "$(jnum "$tmp/$p.json" p99_ms)" "$(jnum "$tmp/$n.json" p99_ms)")
      printf '| %s | %s | %s | %s | %s |\n' "$(describe "$n")" "$(describe "$p")" "$r50" "$r95" "$r99"
      [ -z "$ratios_json" ] || ratios_json="$ratios_json, "
      ratios_json="$ratios_json{\"newsdex\": \"$n\", \"peer\": \"$p\", \"p50\": $(ratio "$(jnum "$tmp/$p.json" p50_ms)" "$(jnum "$tmp/$n.json" p50_ms)" null), \"p95\": $(ratio "$(jnum "$tmp/$p.json" p95_ms)" "$(jnum "$tmp/$n.json" p95_ms)" null), \"p99\": $(ratio "$(jnum "$tmp/$p.json" p99_ms)" "$(jnum "$tmp/$n.json" p99_ms)" null)}"
    done
  done
  n_err=$(jnum "$tmp/newsdex-plain.json" errors 2>/dev/null || true)
  if [ -n "$n_err" ] && [ "$n_err" != 0 ]; then
    echo
    echo "Warning: newsdex rejected $n_err of the common queries; the ratios compare slightly different sets."
  fi
else
  echo
  echo "(newsdex not run: no ratios.)"
fi

json_str() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }
{
  printf '{"benchmark": "query", "date": "%s", "host_cores": %s, "runs": %s, "warmup": %s,\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc 2>/dev/null || echo 0)" "$runs" "$warmup"
  printf ' "corpus": {"label": "%s", "note": "%s"},\n' "$(json_str "$corpus_label")" "$(json_str "$corpus_note")"
  printf ' "results": {'
  sep=""
  for id in $ran; do
    printf '%s\n  "%s": ' "$sep" "$id"
    tr -d '\n' <"$tmp/$id.json"
    sep=","
  done
  printf '\n },\n "ratios": [%s]\n}\n' "$ratios_json"
} >"$json_out"
log "JSON written to $json_out"
