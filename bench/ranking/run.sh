#!/usr/bin/env bash
# The graded dev set: indexes tech-articles and reuters-21578 with newsdex and the two peers
# (once; reused while the work directory holds them), runs every query with each system and
# prints nDCG@10, P@10, R@100 per system: newsdex --match best (the default), all, any;
# plain Xapian (QueryParser defaults: OR); SQLite FTS5 (bm25(), words joined by OR).
#
#   bench/ranking/run.sh [--bin BUILD_DIR] [--work DIR] [--corpora DIR] [--per-query]
#
# BUILD_DIR: a Release build with the targets newsdex_cli newsdex_run peer_run xapian_index
# fts5_index (default ./build). DIR: where the indexes and runs go (default
# /tmp/newsdex-ranking; delete it to index again, e.g. after a schema change). Corpora:
# ../shared/corpora relative to the repository (local use only, never committed; provenance
# in each corpus's README.txt). Indexing the whole tech corpus takes minutes with newsdex
# and FTS5, about half an hour with the plain Xapian peer on a 2-core machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=$repo/build
work=/tmp/newsdex-ranking
corpora=$repo/../shared/corpora
per_query=()
while (($#)); do
  case $1 in
    --bin) bin=$(cd "$2" && pwd); shift 2 ;;
    --work) work=$2; shift 2 ;;
    --corpora) corpora=$2; shift 2 ;;
    --per-query) per_query=(--per-query); shift ;;
    *) echo "usage: $0 [--bin BUILD_DIR] [--work DIR] [--corpora DIR] [--per-query]" >&2; exit 2 ;;
  esac
done
for p in cli/newsdex bench/newsdex_run bench/peer_run bench/xapian_index bench/fts5_index; do
  [[ -x $bin/$p ]] || { echo "$0: $bin/$p is missing (build it: see bench/README.md)" >&2; exit 1; }
done
declare -A jsonl=([tech]=$corpora/tech-articles/tech_articles.jsonl
                  [reuters]=$corpora/reuters-21578/reuters21578.jsonl)
queries=$here/queries.tsv
mkdir -p "$work"
for c in tech reuters; do
  [[ -r ${jsonl[$c]} ]] || { echo "$0: ${jsonl[$c]}: no such corpus" >&2; exit 1; }
  if [[ ! -d $work/newsdex-$c ]]; then
    echo "indexing $c with newsdex..." >&2
    "$bin/cli/newsdex" index --db "$work/newsdex-$c" "${jsonl[$c]}" >&2
  fi
  if [[ ! -f $work/fts5-$c.sqlite ]]; then
    echo "indexing $c with FTS5..." >&2
    "$bin/bench/fts5_index" "$work/fts5-$c.sqlite.tmp" "${jsonl[$c]}" >&2
    mv "$work/fts5-$c.sqlite.tmp" "$work/fts5-$c.sqlite"
  fi
  if [[ ! -d $work/xapian-$c ]]; then
    echo "indexing $c with plain Xapian (slow)..." >&2
    rm -rf "$work/xapian-$c.tmp"
    "$bin/bench/xapian_index" "$work/xapian-$c.tmp" "${jsonl[$c]}" >&2
    mv "$work/xapian-$c.tmp" "$work/xapian-$c"
  fi
done
runs=()
for system in xapian fts5 newsdex-best newsdex-all newsdex-any; do
  out=$work/$system.run
  : >"$out"
  for c in tech reuters; do
    case $system in
      xapian) "$bin/bench/peer_run" xapian "$work/xapian-$c" "$queries" $c >>"$out" ;;
      fts5) "$bin/bench/peer_run" fts5 "$work/fts5-$c.sqlite" "$queries" $c >>"$out" ;;
      newsdex-*) "$bin/bench/newsdex_run" "$work/newsdex-$c" "$queries" $c --match "${system#newsdex-}" >>"$out" ;;
    esac
  done
  runs+=("$out")
done
for split in all tune test; do
  python3 "$here/score.py" "$here/qrels.tsv" "${runs[@]}" --split $split "${per_query[@]}"
  echo
done
for c in tech reuters; do
  python3 "$here/score.py" "$here/qrels.tsv" "${runs[@]}" --corpus $c --queries "$queries"
  echo
done
