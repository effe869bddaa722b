#!/usr/bin/env bash
# A fresh process's search cost with and without facets, for two builds on one database:
# for each query, ROUNDS interleaved rounds of (build A plain, A with facets, B plain, B with
# facets), wall time of each process (date +%s%N around it), medians; then `perf stat -r 5
# -e task-clock` of each (CPU ms, mean of 5), which the machine's load moves far less than
# wall time. Prints a Markdown table. (bench/README.md, "Fresh-process facets".)
#
# Usage: bench/fresh_bench.sh --db DB [--db DB2]... --a NEWSDEX_A --b NEWSDEX_B [--rounds 7]
#          [--facets company,person,money,date] [--no-perf] [--extra ARG]... [QUERY...]
# Queries default to `cloud`, `google search`, `company:google`; --extra ARG is passed to
# every search (e.g. --extra --no-collapse). Several --db: searched as one (each is passed).
set -euo pipefail
dbs=() a= b= rounds=7 facets=company,person,money,date perf=1
queries=() extra=()
while (($#)); do
  case $1 in
    --db) dbs+=(--db "$2"); shift 2 ;;
    --a) a=$2; shift 2 ;;
    --b) b=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --facets) facets=$2; shift 2 ;;
    --no-perf) perf=0; shift ;;
    --extra) extra+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) queries+=("$1"); shift ;;
  esac
done
[[ ${#dbs[@]} -gt 0 && -n $a && -n $b ]] || { echo "usage: $0 --db DB --a NEWSDEX_A --b NEWSDEX_B [QUERY...]" >&2; exit 2; }
((${#queries[@]})) || queries=(cloud "google search" company:google)

median() { sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
wall_ms() {  # wall_ms BIN ARGS...: one process, its wall time in ms
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1
  t1=$(date +%s%N)
  echo "scale=2; ($t1 - $t0) / 1000000" | bc
}
cpu_ms() {  # cpu_ms BIN ARGS...: mean task-clock ms of 5 runs
  perf stat -r 5 -e task-clock -x, "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ {print $1}'
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| query | build | plain wall ms | facets wall ms | ratio | plain CPU ms | facets CPU ms | CPU ratio |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for q in "${queries[@]}"; do
  declare -A w=()
  for ((r = 0; r < rounds; r++)); do
    for build in a b; do
      bin=${!build}
      w[$build-plain]+="$(wall_ms "$bin" search "${dbs[@]}" "${extra[@]}" -n 10 "$q") "
      w[$build-facets]+="$(wall_ms "$bin" search "${dbs[@]}" "${extra[@]}" -n 10 --facets "$facets" "$q") "
    done
  done
  for build in a b; do
    bin=${!build}
    pw=$(tr ' ' '\n' <<<"${w[$build-plain]}" | grep . | median)
    fw=$(tr ' ' '\n' <<<"${w[$build-facets]}" | grep . | median)
    pc=- fc=- cr=-
    if ((perf)); then
      pc=$(cpu_ms "$bin" search "${dbs[@]}" "${extra[@]}" -n 10 "$q")
      fc=$(cpu_ms "$bin" search "${dbs[@]}" "${extra[@]}" -n 10 --facets "$facets" "$q")
      cr=$(echo "scale=2; $fc / $pc" | bc)
    fi
    printf '| `%s` | %s | %s | %s | %s | %s | %s | %s |\n' "$q" "$build" "$pw" "$fw" \
      "$(echo "scale=2; $fw / $pw" | bc)" "$pc" "$fc" "$cr"
  done
  unset w
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
