#!/usr/bin/env bash
# Indexing throughput of newsdex against its peers, measured in one run on one corpus:
#   (a) newsdex        build/cli/newsdex index --db DIR --json FILE
#   (b) plain Xapian   bench/peers/xapian_index (TermGenerator, STEM_SOME, default flush)
#   (c) SQLite FTS5    bench/peers/fts5_index   (porter unicode61, one transaction)
#   (d) omindex        Xapian Omega's file indexer, over the same texts as .txt files
# Each run is timed with /usr/bin/time -v (wall, CPU, peak RSS); the index size is du's.
# Prints a Markdown table to stdout (logs go to stderr) and writes a JSON file.
# Speed and memory are reported as ratios against the peers in the same run: this machine
# is noisy, absolute figures from different runs are not comparable. See bench/README.md.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/index_bench.sh [options]
  --limit N        index the first N articles (default 2000)
  --full           index the whole corpus
  --corpus FILE    JSONL corpus (default ../shared/corpora/tech-articles/tech_articles.jsonl,
                   else a generated one)
  --generate       use the generated corpus (gen_corpus N 42) even if tech-articles exists
  --build DIR      CMake build dir (default: <repo>/build); binaries: DIR/cli/newsdex,
                   DIR/bench/{xapian_index,fts5_index,jsonl_to_txt,gen_corpus}
  --bin DIR        where the peer binaries are, if not DIR/bench
  --newsdex PATH   the newsdex binary (default: <build>/cli/newsdex)
  --engines LIST   comma-separated subset of newsdex,newsdex-noent,xapian,fts5,omindex
                   (default: all; newsdex-noent is newsdex --no-entities: the cost of extraction)
  --repeat R       run every engine R times, round-robin; report the median wall time
  --json FILE      where to write the JSON results (default: ./index_bench-<time>.json)
  --keep           keep the temporary directory (indexes, logs) and print its path
Environment: NEWSDEX_INDEX_ARGS  extra arguments for `newsdex index` (e.g. --jobs 1)
EOF
}

log() { printf 'index_bench: %s\n' "$*" >&2; }
die() { printf 'index_bench: error: %s\n' "$*" >&2; exit 1; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
default_corpus="$repo/../shared/corpora/tech-articles/tech_articles.jsonl"

limit=2000
full=0
corpus=""
generate=0
build="$repo/build"
bindir=""
newsdex=""
engines="newsdex,newsdex-noent,xapian,fts5,omindex"
repeat=1
json_out=""
keep=0

while [ $# -gt 0 ]; do
  case "$1" in
    --limit) [ $# -ge 2 ] || die "--limit needs a number"; limit=$2; shift 2 ;;
    --full) full=1; shift ;;
    --corpus) [ $# -ge 2 ] || die "--corpus needs a file"; corpus=$2; shift 2 ;;
    --generate) generate=1; shift ;;
    --build) [ $# -ge 2 ] || die "--build needs a directory"; build=$2; shift 2 ;;
    --bin) [ $# -ge 2 ] || die "--bin needs a directory"; bindir=$2; shift 2 ;;
    --newsdex) [ $# -ge 2 ] || die "--newsdex needs a path"; newsdex=$2; shift 2 ;;
    --engines) [ $# -ge 2 ] || die "--engines needs a list"; engines=$2; shift 2 ;;
    --repeat) [ $# -ge 2 ] || die "--repeat needs a number"; repeat=$2; shift 2 ;;
    --json) [ $# -ge 2 ] || die "--json needs a file"; json_out=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

case "$limit" in ''|*[!0-9]*) die "--limit wants a whole number, got '$limit'" ;; esac
case "$repeat" in ''|*[!0-9]*|0) die "--repeat wants a number >= 1, got '$repeat'" ;; esac
[ -n "$bindir" ] || bindir="$build/bench"
[ -n "$newsdex" ] || newsdex="$build/cli/newsdex"
[ -n "$json_out" ] || json_out="$PWD/index_bench-$(date -u +%Y%m%dT%H%M%SZ).json"
[ -x /usr/bin/time ] || die "/usr/bin/time not found: install GNU time (apt-get install time)"

want() { case ",$engines," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsdex-index-bench.XXXXXX")
cleanup() {
  if [ "$keep" = 1 ]; then log "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

# ---- the corpus ---------------------------------------------------------------------
corpus_label=""
corpus_note=""
if [ -z "$corpus" ] && [ "$generate" = 0 ] && [ -f "$default_corpus" ]; then
  corpus=$default_corpus
fi
if [ -n "$corpus" ]; then
  [ -f "$corpus" ] || die "corpus $corpus not found"
  readme="$(dirname "$corpus")/README.txt"
  if [ -f "$readme" ]; then
    corpus_note=$(head -n 1 "$readme")
    log "corpus: $corpus"
    log "  provenance: $corpus_note (text (c) the publishers: local use only, never commit it)"
  else
    log "corpus: $corpus"
  fi
  if [ "$full" = 1 ]; then
    input=$corpus
    corpus_label="$(basename "$corpus") (full)"
  else
    input="$tmp/corpus.jsonl"
    head -n "$limit" "$corpus" >"$input"
    corpus_label="$(basename "$corpus") (first $limit)"
  fi
else
  gen="$bindir/gen_corpus"
  [ -x "$gen" ] || die "no corpus and no $gen: build it (cmake --build build --target gen_corpus) or pass --corpus"
  n=$limit
  [ "$full" = 1 ] && n=16442
  log "corpus: generated, gen_corpus $n 42 (tech-articles not found at $default_corpus)"
  input="$tmp/corpus.jsonl"
  "$gen" "$n" 42 >"$input" 2>/dev/null
  corpus_label="generated (gen_corpus $n 42)"
  corpus_note="synthetic: bench/gen_corpus.cc"
fi
docs=$(wc -l <"$input" | tr -d ' ')
bytes=$(wc -c <"$input" | tr -d ' ')
log "$docs articles, $bytes bytes"

# ---- engines ------------------------------------------------------------------------
active=""
if want newsdex; then
  if [ -x "$newsdex" ]; then active="$active newsdex"
  else log "newsdex: $newsdex not built yet (cmake --build build --target newsdex_cli): skipped"; fi
fi
if want newsdex-noent && [ -x "$newsdex" ]; then active="$active newsdex-noent"; fi
for peer in xapian fts5; do
  if want "$peer"; then
    if [ -x "$bindir/${peer}_index" ]; then active="$active $peer"
    else log "$peer: $bindir/${peer}_index not built (cmake --build build --target ${peer}_index): skipped"; fi
  fi
done
if want omindex; then
  if ! command -v omindex >/dev/null 2>&1; then
    log "omindex: not installed (apt-get install xapian-omega): skipped"
  elif [ ! -x "$bindir/jsonl_to_txt" ]; then
    log "omindex: $bindir/jsonl_to_txt not built (needed to write the .txt files): skipped"
  else
    log "omindex: writing the articles as .txt files (untimed)"
    "$bindir/jsonl_to_txt" "$input" "$tmp/txt" >"$tmp/jsonl_to_txt.json"
    active="$active omindex"
  fi
fi
[ -n "$active" ] || die "no engine to run"

# index_path ENGINE: what du measures.
index_path() {
  case "$1" in
    newsdex) echo "$tmp/newsdex.db" ;;
    newsdex-noent) echo "$tmp/newsdex-noent.db" ;;
    xapian) echo "$tmp/xapian.db" ;;
    fts5) echo "$tmp/fts5.sqlite" ;;
    omindex) echo "$tmp/omindex.db" ;;
  esac
}

# run_engine ENGINE RUN: one timed run into a fresh index.
run_engine() {
  local e=$1 r=$2 out
  out=$(index_path "$e")
  rm -rf "$out"
  local -a cmd
  case "$e" in
    newsdex) # shellcheck disable=SC2206
             cmd=("$newsdex" index --db "$out" --json "$input" ${NEWSDEX_INDEX_ARGS:-}) ;;
    newsdex-noent) # shellcheck disable=SC2206
             cmd=("$newsdex" index --no-entities --db "$out" --json "$input" ${NEWSDEX_INDEX_ARGS:-}) ;;
    xapian) cmd=("$bindir/xapian_index" "$out" "$input") ;;
    fts5) cmd=("$bindir/fts5_index" "$out" "$input") ;;
    omindex) cmd=(omindex --overwrite --db "$out" --url / "$tmp/txt") ;;
  esac
  log "$e (run $r/$repeat): ${cmd[*]}"
  if ! /usr/bin/time -v -o "$tmp/$e.time.$r" "${cmd[@]}" >"$tmp/$e.out.$r" 2>"$tmp/$e.err.$r"; then
    log "$e failed; the end of its stderr:"
    tail -n 5 "$tmp/$e.err.$r" >&2 || true
    return 1
  fi
}

# time_field FILE: wall seconds, CPU seconds (user+sys), peak RSS KiB from time -v.
time_fields() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; wall = s }
    /User time \(seconds\)/ { cpu += $2 }
    /System time \(seconds\)/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %.2f %d\n", wall, cpu, rss }' "$1"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

log "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'), $(nproc 2>/dev/null || echo '?') cores"
failed=""
for r in $(seq 1 "$repeat"); do
  for e in $active; do
    case " $failed " in *" $e "*) continue ;; esac
    run_engine "$e" "$r" || failed="$failed $e"
  done
done

# ---- results ------------------------------------------------------------------------
declare -A WALL CPU RSS SIZE DOCS RUNS
for e in $active; do
  case " $failed " in *" $e "*) continue ;; esac
  walls="" cpus="" rss_max=0
  for r in $(seq 1 "$repeat"); do
    read -r w c m < <(time_fields "$tmp/$e.time.$r")
    walls="$walls $w"; cpus="$cpus $c"
    if [ "$m" -gt "$rss_max" ]; then rss_max=$m; fi
  done
  WALL[$e]=$(printf '%s' "$walls" | tr ' ' '\n' | grep . | median)
  RUNS[$e]=$(printf '%s' "$walls" | sed -e 's/^ *//' -e 's/ /, /g')
  CPU[$e]=$(printf '%s' "$cpus" | tr ' ' '\n' | grep . | median)
  RSS[$e]=$rss_max
  SIZE[$e]=$(du -sk "$(index_path "$e")" | cut -f1)
  DOCS[$e]=$docs
  case "$e" in
    newsdex|newsdex-noent)
      # The CLI's --json summary: {"db", "indexed", ..., "documents": N, ...}
      d=$(sed -n 's/.*"documents": *\([0-9]*\).*/\1/p' "$tmp/$e.out.$repeat" | head -n 1)
      if [ -n "$d" ]; then
        DOCS[$e]=$d
        if [ "$d" != "$docs" ]; then log "warning: newsdex holds $d documents, expected $docs"; fi
      fi ;;
    xapian|fts5)
      d=$(sed -n 's/.*"docs": *\([0-9]*\).*/\1/p' "$tmp/$e.out.$repeat")
      if [ "$d" != "$docs" ]; then log "warning: $e indexed $d documents, expected $docs"; fi
      DOCS[$e]=${d:-0} ;;
    omindex)
      d=$(xapian-delve "$(index_path omindex)" 2>/dev/null | sed -n 's/^number of documents = //p' || true)
      if [ -n "$d" ]; then
        DOCS[$e]=$d
        if [ "$d" != "$docs" ]; then log "warning: omindex indexed $d documents, expected $docs"; fi
      fi ;;
  esac
done

# ratio A B [NA]: A / B with two decimals, or NA ("n/a"; the JSON passes "null").
ratio() { awk -v a="$1" -v b="$2" -v na="${3:-n/a}" 'BEGIN { if (b > 0 && a > 0) printf "%.2f", a / b; else printf "%s", na }'; }
rate() { awk -v n="$1" -v s="$2" -v na="${3:-n/a}" 'BEGIN { if (s > 0) printf "%.1f", n / s; else printf "%s", na }'; }
mbps() { awk -v n="$1" -v s="$2" -v na="${3:-n/a}" 'BEGIN { if (s > 0) printf "%.2f", n / 1e6 / s; else printf "%s", na }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

have_newsdex=0
[ -n "${WALL[newsdex]:-}" ] && have_newsdex=1

echo "## Indexing throughput — $corpus_label"
echo
echo "$docs articles, $(mb "$((bytes / 1024))") MiB of JSONL; $(nproc 2>/dev/null || echo '?') cores; median of $repeat run(s). MB/s = JSONL bytes / wall time."
[ -n "$corpus_note" ] && echo "Corpus: $corpus_note"
echo
echo "| engine | docs | wall s | CPU s | docs/s | MB/s | peak RSS MiB | index MiB | newsdex speed × | newsdex RSS × | newsdex size × |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for e in newsdex newsdex-noent xapian fts5 omindex; do
  [ -n "${WALL[$e]:-}" ] || continue
  if [ "$e" != newsdex ] && [ "$have_newsdex" = 1 ]; then
    # speed: how many times faster newsdex is (peer wall / newsdex wall);
    # RSS and size: newsdex's as a multiple of the peer's.
    sp=$(ratio "${WALL[$e]}" "${WALL[newsdex]}")
    rs=$(ratio "${RSS[newsdex]}" "${RSS[$e]}")
    sz=$(ratio "${SIZE[newsdex]}" "${SIZE[$e]}")
  else
    sp="—"; rs="—"; sz="—"
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$e" "${DOCS[$e]}" "${WALL[$e]}" \
    "${CPU[$e]}" "$(rate "${DOCS[$e]}" "${WALL[$e]}")" "$(mbps "$bytes" "${WALL[$e]}")" \
    "$(mb "${RSS[$e]}")" "$(mb "${SIZE[$e]}")" "$sp" "$rs" "$sz"
done
echo
if [ "$repeat" -gt 1 ]; then
  echo "Wall seconds of each run (round-robin order):"
  for e in newsdex newsdex-noent xapian fts5 omindex; do
    [ -n "${RUNS[$e]:-}" ] && echo "- $e: ${RUNS[$e]}"
  done
  echo
fi
echo "newsdex-noent is the same indexer without entity extraction: its speed × below 1 is what"
echo "extraction costs (0.80 = newsdex takes 1/0.80 = 1.25× as long with extraction)."
echo "newsdex speed × = peer wall / newsdex wall (above 1: newsdex is faster); newsdex RSS × and"
echo "size × = newsdex's peak RSS / index size as a multiple of the peer's (below 1: newsdex is leaner)."
if [ "$have_newsdex" = 0 ]; then echo "(newsdex not run: no ratios.)"; fi
if [ -n "$failed" ]; then echo; echo "Failed:$failed (see the logs above)."; fi

# ---- JSON ---------------------------------------------------------------------------
json_str() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }
{
  printf '{"benchmark": "index", "date": "%s", "host_cores": %s, "repeat": %s,\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc 2>/dev/null || echo 0)" "$repeat"
  printf ' "corpus": {"label": "%s", "note": "%s", "docs": %s, "bytes": %s},\n' \
    "$(json_str "$corpus_label")" "$(json_str "$corpus_note")" "$docs" "$bytes"
  printf ' "engines": {'
  sep=""
  for e in newsdex newsdex-noent xapian fts5 omindex; do
    [ -n "${WALL[$e]:-}" ] || continue
    printf '%s\n  "%s": {"docs": %s, "wall_s": %s, "wall_runs_s": [%s], "cpu_s": %s, "docs_per_s": %s, "mb_per_s": %s, "peak_rss_kib": %s, "index_kib": %s' \
      "$sep" "$e" "${DOCS[$e]}" "${WALL[$e]}" "${RUNS[$e]}" "${CPU[$e]}" "$(rate "${DOCS[$e]}" "${WALL[$e]}" null)" \
      "$(mbps "$bytes" "${WALL[$e]}" null)" "${RSS[$e]}" "${SIZE[$e]}"
    if [ "$e" = newsdex ]; then
      summary=$(tr '\n' ' ' <"$tmp/newsdex.out.$repeat" | sed -e 's/^ *//' -e 's/ *$//')
      case "$summary" in "{"*"}") printf ', "summary": %s' "$summary" ;; esac
    elif [ "$have_newsdex" = 1 ]; then
      printf ', "newsdex_speed_ratio": %s, "newsdex_rss_ratio": %s, "newsdex_size_ratio": %s' \
        "$(ratio "${WALL[$e]}" "${WALL[newsdex]}" null)" "$(ratio "${RSS[newsdex]}" "${RSS[$e]}" null)" \
        "$(ratio "${SIZE[newsdex]}" "${SIZE[$e]}" null)"
    fi
    printf '}'
    sep=","
  done
  printf '\n }'
  [ -z "$failed" ] || printf ',\n "failed": "%s"' "$(json_str "${failed# }")"
  printf '\n}\n'
} >"$json_out"
log "JSON written to $json_out"
