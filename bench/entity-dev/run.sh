#!/bin/sh
# Scores the entity extractor on the dev gold set (tune and test halves) and on the seeds.
#   bench/entity-dev/run.sh [BUILD_DIR] [CORPORA_DIR] [-- extra entity_eval options, e.g. -v]
# Needs the corpora (default /work/shared/corpora) and the seeds' gold
# (../shared/eval/seeds-entities.json next to the repo); skips (exit 77) without them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${1:-$repo/build}
corpora=${2:-/work/shared/corpora}
[ $# -ge 2 ] && shift 2 || shift $#
[ "${1:-}" = "--" ] && shift
eval_bin=$build/bench/entity_eval
[ -x "$eval_bin" ] || { echo "run.sh: $eval_bin not built (cmake --build $build --target entity_eval)" >&2; exit 2; }
[ -d "$corpora" ] || { echo "run.sh: corpora not found at $corpora, skipping" >&2; exit 77; }
echo "== dev gold set ($here/gold.json)"
"$eval_bin" "$here/gold.json" "$corpora" --min-f1 0 "$@" || true
seeds_gold=$repo/../shared/eval/seeds-entities.json
[ -f "$seeds_gold" ] || seeds_gold=/work/shared/eval/seeds-entities.json
echo
echo "== seeds ($seeds_gold)"
"$eval_bin" "$seeds_gold" "$repo/corpus/seeds" --min-f1 0.95 "$@"
