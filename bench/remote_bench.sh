#!/usr/bin/env bash
# Remote shards against the same shards local, in one run: the corpus split in two (odd and
# even lines), each half indexed into its own database, both served by `newsdex serve-shard`
# on loopback, and the query set (column 1 of bench/queries.txt: every newsdex query) timed
# by query_bench over the two as one, local (--db A --db B) and remote (tcp://), with no
# facets and with four exact facets (company,person,money,date); then fresh CLI processes
# (`newsdex search --facets ...`), local and remote. The checksums of a local and a remote
# run must be equal: the same totals, hits and facet counts.
#
# The peer here is newsdex itself on the same shards, local: what the network and Xapian's
# remote protocol cost (query_bench.sh compares local newsdex with plain Xapian and FTS5).
set -euo pipefail

usage() {
  cat <<'EOF2'
usage: bench/remote_bench.sh [options]
  --limit N        the first N articles of the corpus (default 4000)
  --full           the whole corpus
  --corpus FILE    JSONL corpus (default ../shared/corpora/tech-articles/tech_articles.jsonl)
  --runs N         timed passes over the queries (default 5); --warmup N untimed (default 1)
  --cli-runs N     fresh `newsdex search` processes per setting (default 10)
  --build DIR      CMake build dir (default <repo>/build): DIR/cli/newsdex, DIR/bench/query_bench
  --shards DIR     build the two shards in DIR (a.db, b.db), or reuse them if there
                   (they must come from the same --limit/--full and corpus)
  --keep           keep the temporary directory and print its path
EOF2
}

log() { printf 'remote_bench: %s\n' "$*" >&2; }
die() { printf 'remote_bench: error: %s\n' "$*" >&2; exit 1; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
corpus="$repo/../shared/corpora/tech-articles/tech_articles.jsonl"
limit=4000
full=0
runs=5
warmup=1
cli_runs=10
build="$repo/build"
keep=0
shards=""
need() { [ $# -ge 2 ] || die "$1 needs a value"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --limit) need "$@"; limit=$2; shift 2 ;;
    --full) full=1; shift ;;
    --corpus) need "$@"; corpus=$2; shift 2 ;;
    --runs) need "$@"; runs=$2; shift 2 ;;
    --warmup) need "$@"; warmup=$2; shift 2 ;;
    --cli-runs) need "$@"; cli_runs=$2; shift 2 ;;
    --build) need "$@"; build=$2; shift 2 ;;
    --shards) need "$@"; shards=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
case "$limit" in ''|*[!0-9]*) die "--limit wants a whole number, got '$limit'" ;; esac
case "$runs" in ''|*[!0-9]*|0) die "--runs wants a number >= 1, got '$runs'" ;; esac
case "$cli_runs" in ''|*[!0-9]*|0) die "--cli-runs wants a number >= 1, got '$cli_runs'" ;; esac
newsdex="$build/cli/newsdex"
qbench="$build/bench/query_bench"
[ -x "$newsdex" ] || die "$newsdex not built (cmake --build build --target newsdex_cli)"
[ -x "$qbench" ] || die "$qbench not built (cmake --build build --target query_bench)"
[ -f "$corpus" ] || die "corpus $corpus not found (--corpus FILE)"
command -v xapian-tcpsrv >/dev/null || die "xapian-tcpsrv not found (apt-get install xapian-tools)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsdex-remote-bench.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  if [ "$keep" = 1 ]; then log "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

# ---- the shards ----------------------------------------------------------------------
log "corpus: $corpus"
[ -f "$(dirname "$corpus")/README.txt" ] &&
  log "  provenance: $(head -n 1 "$(dirname "$corpus")/README.txt") (local use only, never commit it)"
if [ "$full" = 1 ]; then src=$corpus; label="$(basename "$corpus") (full)"; else
  src="$tmp/corpus.jsonl"; head -n "$limit" "$corpus" >"$src"; label="$(basename "$corpus") (first $limit)"
fi
[ -n "$shards" ] || shards=$tmp
mkdir -p "$shards"
if [ -d "$shards/a.db" ] && [ -d "$shards/b.db" ]; then
  log "reusing the shards in $shards"
else
  awk -v a="$tmp/a.jsonl" -v b="$tmp/b.jsonl" '{ print > (NR % 2 ? a : b) }' "$src"
  for s in a b; do
    log "indexing shard $s ($(wc -l <"$tmp/$s.jsonl" | tr -d ' ') articles)"
    "$newsdex" -q index --db "$shards/$s.db" "$tmp/$s.jsonl" >/dev/null
  done
fi

# A loopback port nothing listens on (bash's /dev/tcp: a refused connection means free).
free_port() {
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  die "no free port found"
}
urls=()
for s in a b; do
  port=$(free_port)
  "$newsdex" -q serve-shard --db "$shards/$s.db" --listen "127.0.0.1:$port" 2>"$tmp/serve-$s.err" &
  pids+=($!)
  for _ in $(seq 500); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$tmp/serve-$s.err" >&2; die "serve-shard $s did not start"; }
    sleep 0.02
  done
  urls+=("tcp://127.0.0.1:$port")
  log "shard $s served on ${urls[-1]}"
done

# ---- the runs ------------------------------------------------------------------------
grep -v '^[[:space:]]*#' "$repo/bench/queries.txt" | grep -v '^[[:space:]]*$' | cut -f1 >"$tmp/queries.txt"
nq=$(wc -l <"$tmp/queries.txt" | tr -d ' ')
facets=company,person,money,date
jnum() { sed -n "s/^{.*\"$2\": *\([-0-9.eE+]*\).*/\1/p" "$1" | head -n 1; }
harness=(--runs "$runs" --warmup "$warmup" --snippet-bytes 240)
run() {  # ID ARGS...
  local id=$1; shift
  log "$id"
  "$qbench" "$@" "$tmp/queries.txt" "${harness[@]}" >"$tmp/$id.json" 2>"$tmp/$id.err" ||
    { tail -n 5 "$tmp/$id.err" >&2; die "$id failed"; }
}
local_dbs=("$shards/a.db" --also-db "$shards/b.db")
remote_dbs=("${urls[0]}" --also-db "${urls[1]}")
# Interleaved, so that a change in the machine's load hits both alike.
run local-plain "${local_dbs[@]}" --label local
run remote-plain "${remote_dbs[@]}" --label remote
run local-facets "${local_dbs[@]}" --facets "$facets" --label local+facets
run remote-facets "${remote_dbs[@]}" --facets "$facets" --label remote+facets

# Fresh processes: the median wall time of --cli-runs `newsdex search` commands.
cli_ms() {  # ARGS...: the median, in ms
  local t0 t1 i
  for i in $(seq "$cli_runs"); do
    t0=$(date +%s%N)
    "$newsdex" -q search "$@" --facets "$facets" cloud >/dev/null
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000))
  done | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) / 1000 }'
}
cli_local=$(cli_ms --db "$shards/a.db" --db "$shards/b.db")
cli_remote=$(cli_ms --db "${urls[0]}" --db "${urls[1]}")

# ---- report --------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
docs=$(jnum "$tmp/local-plain.json" docs)
echo "## Remote shards — $label, two shards ($docs documents)"
echo
echo "$nq queries (bench/queries.txt, column 1), top 10 with snippets; $runs timed passes after $warmup untimed; one Searcher per run; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)."
echo
echo "| run | p50 ms | p95 ms | p99 ms | mean ms | total hits | checksum |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for id in local-plain remote-plain local-facets remote-facets; do
  f="$tmp/$id.json"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$id" "$(jnum "$f" p50_ms)" "$(jnum "$f" p95_ms)" \
    "$(jnum "$f" p99_ms)" "$(jnum "$f" mean_ms)" "$(jnum "$f" total_hits)" "$(jnum "$f" checksum)"
done
echo
for m in plain facets; do
  printf -- '- %s: remote / local p50 %s, p95 %s; same answers: %s\n' "$m" \
    "$(ratio "$(jnum "$tmp/remote-$m.json" p50_ms)" "$(jnum "$tmp/local-$m.json" p50_ms)")" \
    "$(ratio "$(jnum "$tmp/remote-$m.json" p95_ms)" "$(jnum "$tmp/local-$m.json" p95_ms)")" \
    "$([ "$(jnum "$tmp/remote-$m.json" checksum)" = "$(jnum "$tmp/local-$m.json" checksum)" ] && echo yes || echo NO)"
done
echo "- fresh process, \`newsdex search --facets $facets cloud\`, median of $cli_runs: local $cli_local ms, remote $cli_remote ms ($(ratio "$cli_remote" "$cli_local")x)"
