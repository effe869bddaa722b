#!/usr/bin/env bash
# The scale curve of issue 13: newsdex on generated corpora of growing size, one run per size.
#
# Per size N (default 100000, 300000, 1000000):
#   - the corpus: gen_corpus N SEED (generated once into the data directory, untimed);
#   - indexing: `newsdex index --db DB --json CORPUS` under /usr/bin/time -v: wall and CPU time,
#     docs/s, cost per document (wall and CPU microseconds), peak RSS; the index size (du);
#   - query latency over bench/queries.txt with one long-lived Searcher (query_bench): the 38
#     common queries without facets and with four exact facets (company, person, money, date),
#     against plain Xapian's exact-total query on the SAME index (xapian_search --exact-count
#     --stem-all: Xapian's QueryParser and Enquire, check_at_least = doccount, no newsdex code
#     on the query path); the 8 filter queries (newsdex only) with and without facets; the
#     peak RSS of the query process with facets;
#   - a fresh process per query: `newsdex search --db DB -n 10 Q` with and without
#     `--facets company,person,money,date`, median of --fresh-runs interleaved runs.
# Prints a Markdown table to stdout (logs to stderr) and writes a JSON file. The machine is
# small and shared: the ratios taken in the same run are what to compare (bench/README.md).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/scale_bench.sh [options]
  --sizes LIST     comma-separated corpus sizes (default 100000,300000,1000000)
  --data DIR       where corpora and indexes go (default /work/scale-data; needs ~11 GB per
                   million documents: 7.1 GB of JSONL and the index)
  --seed S         gen_corpus seed (default 42)
  --build DIR      CMake build dir (default <repo>/build): cli/newsdex, bench/query_bench,
                   bench/xapian_search, bench/gen_corpus
  --bin DIR        where query_bench, xapian_search and gen_corpus are (default BUILD/bench)
  --newsdex PATH   the newsdex binary (default BUILD/cli/newsdex)
  --runs N         timed passes of the query benchmarks (default 5)
  --fresh-runs N   runs of each fresh-process search (default 7)
  --keep-db        keep each index (default: removed after its size is measured, except the last)
  --resume         keep an index already there (an interrupted run's last checkpoint): `newsdex
                   index` resumes it, and the row's indexing figures are this run's only
  --json FILE      JSON results (default ./scale_bench-<UTC time>.json)
Environment: NEWSDEX_INDEX_ARGS  extra arguments for `newsdex index`
EOF
}

log() { printf 'scale_bench: %s\n' "$*" >&2; }
die() { printf 'scale_bench: error: %s\n' "$*" >&2; exit 1; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
sizes="100000,300000,1000000"
data=/work/scale-data
seed=42
build="$repo/build"
bindir=""
newsdex=""
runs=5
fresh_runs=7
keep_db=0
resume=0
json_out=""
need() { [ $# -ge 2 ] || die "$1 needs a value"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) need "$@"; sizes=$2; shift 2 ;;
    --data) need "$@"; data=$2; shift 2 ;;
    --seed) need "$@"; seed=$2; shift 2 ;;
    --build) need "$@"; build=$2; shift 2 ;;
    --bin) need "$@"; bindir=$2; shift 2 ;;
    --newsdex) need "$@"; newsdex=$2; shift 2 ;;
    --runs) need "$@"; runs=$2; shift 2 ;;
    --fresh-runs) need "$@"; fresh_runs=$2; shift 2 ;;
    --keep-db) keep_db=1; shift ;;
    --resume) resume=1; shift ;;
    --json) need "$@"; json_out=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
for n in ${sizes//,/ } "$runs" "$fresh_runs" "$seed"; do
  case "$n" in ''|*[!0-9]*) die "expected a whole number, got '$n'" ;; esac
done
[ -n "$bindir" ] || bindir="$build/bench"
[ -n "$newsdex" ] || newsdex="$build/cli/newsdex"
[ -n "$json_out" ] || json_out="$PWD/scale_bench-$(date -u +%Y%m%dT%H%M%SZ).json"
for b in "$newsdex" "$bindir/query_bench" "$bindir/xapian_search" "$bindir/gen_corpus"; do
  [ -x "$b" ] || die "$b not built (cmake --build build --target newsdex_cli query_bench xapian_search gen_corpus)"
done
[ -x /usr/bin/time ] || die "/usr/bin/time not found: install GNU time (apt-get install time)"
mkdir -p "$data"
data=$(cd "$data" && pwd)
work="$data/run-$$"
mkdir -p "$work"
log "data directory $data ($(df -h "$data" | awk 'NR == 2 { print $4 }') free), work files in $work"

# The query files: common.* (newsdex and Xapian syntax) and filters.newsdex (newsdex only).
awk -F'\t' -v dir="$work" '
  /^[ \t]*#/ || /^[ \t]*$/ { next }
  {
    if (NF >= 3 && $2 != "-" && $3 != "-") {
      print $1 > (dir "/common.newsdex.txt"); print $2 > (dir "/common.xapian.txt")
    } else {
      print $1 > (dir "/filters.newsdex.txt")
    }
  }' "$repo/bench/queries.txt"
# Fresh-process queries: a common word, an AND, an entity filter.
fresh_queries=("cloud" "google search" "company:google")

jnum() { sed -n "s/^{.*\"$2\": *\([-0-9.eE+]*\).*/\1/p" "$1" | head -n 1; }
# tv FILE LABEL: a field of GNU time -v's report.
tv() { sed -n "s/^[[:space:]]*$2: *//p" "$1" | head -n 1; }
secs() { awk -v t="$1" 'BEGIN { n = split(t, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; printf "%.2f", s }'; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

facets=(--facets company,person,money,date)
harness=(--runs "$runs" --warmup 1)
results=""
echo "## Scale curve: generated corpus (gen_corpus N $seed), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Indexing: \`newsdex index --db DB --json CORPUS\` (/usr/bin/time -v). Queries: the 38 common"
echo "queries of bench/queries.txt ($runs timed passes, top 10, no snippets), p50 / p99 ms;"
echo "xapian = plain Xapian QueryParser + Enquire on the same index, check_at_least = doccount."
echo
echo "| docs | JSONL MiB | index s | CPU s | docs/s | µs/doc wall | µs/doc CPU | peak RSS MiB | index MiB | xapian exact | newsdex plain | newsdex 4 facets | facets / xapian p50 | 8 filters | 8 filters + facets | query RSS MiB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---:|---|---|---:|"
fresh_table=""
last_db=""
for n in ${sizes//,/ }; do
  corpus="$data/gen-$n-$seed.jsonl"
  if [ ! -s "$corpus" ]; then
    log "generating $corpus (gen_corpus $n $seed; untimed)"
    "$bindir/gen_corpus" "$n" "$seed" >"$corpus.tmp" 2>/dev/null
    mv "$corpus.tmp" "$corpus"
  fi
  mb=$(calc "%.1f" "$(stat -L -c %s "$corpus") / 1048576")
  db="$data/db-$n-$seed"
  if [ "$resume" = 1 ] && [ -d "$db" ]; then
    log "[$n] resuming $db (indexing figures below are this run's only)"
  else
    rm -rf "$db"
  fi
  [ -z "$last_db" ] || [ "$keep_db" = 1 ] || rm -rf "$last_db"
  log "[$n] indexing $corpus ($mb MiB) into $db; load $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  if ! /usr/bin/time -v -o "$work/index-$n.time" "$newsdex" index --db "$db" --json "$corpus" \
      ${NEWSDEX_INDEX_ARGS:-} >"$work/index-$n.json" 2>"$work/index-$n.err"; then
    tail -n 5 "$work/index-$n.err" >&2
    die "[$n] indexing failed"
  fi
  last_db=$db
  wall=$(secs "$(tv "$work/index-$n.time" 'Elapsed (wall clock) time (h:mm:ss or m:ss)')")
  cpu=$(calc "%.2f" "$(tv "$work/index-$n.time" 'User time (seconds)') + $(tv "$work/index-$n.time" 'System time (seconds)')")
  rss=$(calc "%.0f" "$(tv "$work/index-$n.time" 'Maximum resident set size (kbytes)') / 1024")
  size=$(calc "%.0f" "$(du -sk "$db" | cut -f1) / 1024")
  dps=$(calc "%.0f" "$n / $wall")
  us_wall=$(calc "%.0f" "$wall * 1e6 / $n")
  us_cpu=$(calc "%.0f" "$cpu * 1e6 / $n")
  log "[$n] indexed in $wall s (CPU $cpu s), $dps docs/s, peak RSS $rss MiB, index $size MiB"

  log "[$n] query latency ($runs timed passes); load $(cut -d' ' -f1-3 /proc/loadavg)"
  q="$work/common.newsdex.txt"
  "$bindir/xapian_search" "$db" "$work/common.xapian.txt" "${harness[@]}" --exact-count --stem-all \
    >"$work/xapian-$n.json" 2>"$work/xapian-$n.err" || die "[$n] xapian_search failed: $(tail -n 3 "$work/xapian-$n.err")"
  "$bindir/query_bench" "$db" "$q" "${harness[@]}" --snippet-bytes 0 --label plain \
    >"$work/plain-$n.json" 2>"$work/plain-$n.err" || die "[$n] query_bench failed: $(tail -n 3 "$work/plain-$n.err")"
  /usr/bin/time -v -o "$work/facets-$n.time" "$bindir/query_bench" "$db" "$q" "${harness[@]}" \
    --snippet-bytes 0 "${facets[@]}" --label facets >"$work/facets-$n.json" 2>"$work/facets-$n.err" ||
    die "[$n] query_bench --facets failed: $(tail -n 3 "$work/facets-$n.err")"
  q="$work/filters.newsdex.txt"
  "$bindir/query_bench" "$db" "$q" "${harness[@]}" --snippet-bytes 0 --label filters \
    >"$work/filters-$n.json" 2>"$work/filters-$n.err" || die "[$n] filters failed: $(tail -n 3 "$work/filters-$n.err")"
  "$bindir/query_bench" "$db" "$q" "${harness[@]}" --snippet-bytes 0 "${facets[@]}" --label filters+facets \
    >"$work/filters-facets-$n.json" 2>"$work/filters-facets-$n.err" || die "[$n] filters+facets failed"
  qrss=$(calc "%.0f" "$(tv "$work/facets-$n.time" 'Maximum resident set size (kbytes)') / 1024")
  ms() { calc "%.2f" "$(jnum "$1" "$2")"; }
  x50=$(ms "$work/xapian-$n.json" p50_ms); x99=$(ms "$work/xapian-$n.json" p99_ms)
  p50=$(ms "$work/plain-$n.json" p50_ms); p99=$(ms "$work/plain-$n.json" p99_ms)
  f50=$(ms "$work/facets-$n.json" p50_ms); f99=$(ms "$work/facets-$n.json" p99_ms)
  l50=$(ms "$work/filters-$n.json" p50_ms); l99=$(ms "$work/filters-$n.json" p99_ms)
  m50=$(ms "$work/filters-facets-$n.json" p50_ms); m99=$(ms "$work/filters-facets-$n.json" p99_ms)
  fx=$(calc "%.2f" "$f50 / $x50")

  log "[$n] fresh processes ($fresh_runs runs each, interleaved)"
  fresh_json=""
  for qq in "${fresh_queries[@]}"; do
    : >"$work/fresh-$n-${qq//[^a-z0-9]/_}-plain.ms"; : >"$work/fresh-$n-${qq//[^a-z0-9]/_}-facets.ms"
    for ((r = 0; r < fresh_runs; r++)); do
      for mode in plain facets; do
        args=(search --db "$db" -n 10)
        [ "$mode" = facets ] && args+=("${facets[@]}")
        t0=$(date +%s%N)
        "$newsdex" "${args[@]}" "$qq" >/dev/null 2>&1 || die "[$n] newsdex search '$qq' failed"
        t1=$(date +%s%N)
        echo "$(((t1 - t0) / 1000))" | awk '{ printf "%.1f\n", $1 / 1000 }' >>"$work/fresh-$n-${qq//[^a-z0-9]/_}-$mode.ms"
      done
    done
    fp=$(median <"$work/fresh-$n-${qq//[^a-z0-9]/_}-plain.ms"); ff=$(median <"$work/fresh-$n-${qq//[^a-z0-9]/_}-facets.ms")
    fr=$(calc "%.2f" "$ff / $fp")
    log "[$n] fresh process \`$qq\`: $fp ms plain, $ff ms with facets ($fr x)"
    fresh_table="$fresh_table| $n | \`$qq\` | $fp | $ff | $fr |"$'\n'
    [ -z "$fresh_json" ] || fresh_json="$fresh_json, "
    fresh_json="$fresh_json{\"query\": \"$qq\", \"plain_ms\": $fp, \"facets_ms\": $ff, \"ratio\": $fr}"
  done

  echo "| $n | $mb | $wall | $cpu | $dps | $us_wall | $us_cpu | $rss | $size | $x50 / $x99 | $p50 / $p99 | $f50 / $f99 | $fx | $l50 / $l99 | $m50 / $m99 | $qrss |"
  [ -z "$results" ] || results="$results,"$'\n'
  results="$results  {\"docs\": $n, \"corpus_mib\": $mb, \"index\": {\"wall_s\": $wall, \"cpu_s\": $cpu, \"docs_per_s\": $dps, \"us_per_doc_wall\": $us_wall, \"us_per_doc_cpu\": $us_cpu, \"peak_rss_mib\": $rss, \"index_mib\": $size},"
  results="$results \"query\": {\"xapian_exact\": $(tr -d '\n' <"$work/xapian-$n.json"), \"plain\": $(tr -d '\n' <"$work/plain-$n.json"), \"facets\": $(tr -d '\n' <"$work/facets-$n.json"), \"filters\": $(tr -d '\n' <"$work/filters-$n.json"), \"filters_facets\": $(tr -d '\n' <"$work/filters-facets-$n.json"), \"facets_peak_rss_mib\": $qrss},"
  results="$results \"fresh\": [$fresh_json]}"
  log "[$n] done: p50 plain $p50 ms, facets $f50 ms, xapian exact $x50 ms (facets/xapian $fx)"
done

echo
echo "Fresh process, \`newsdex search --db DB -n 10 Q\` without and with \`--facets company,person,money,date\`, median of $fresh_runs interleaved runs (ms):"
echo
echo "| docs | query | plain | 4 facets | ratio |"
echo "|---:|---|---:|---:|---:|"
printf '%s' "$fresh_table"
{
  printf '{"benchmark": "scale", "date": "%s", "host_cores": %s, "seed": %s, "runs": %s, "fresh_runs": %s,\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc)" "$seed" "$runs" "$fresh_runs"
  printf ' "sizes": [\n%s\n ]\n}\n' "$results"
} >"$json_out"
log "JSON written to $json_out; work files in $work"
