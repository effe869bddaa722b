#!/usr/bin/env bash
# The HTTP server's overhead: `newsdex serve` (workers = cores) against the library in one
# process, 8 and 32 concurrent clients, the query mix of bench/queries.txt with facets
# (serve_bench.cc). Prints one JSON line per client count; the server's log goes to
# $BUILD/serve_bench.log.
# Usage: bench/serve_bench.sh BUILD_DIR DB [REQUESTS]
# A database for it, from the tech-articles corpus (see bench/README.md):
#   build/cli/newsdex index --db /tmp/tech.db /work/shared/corpora/tech-articles/tech_articles.jsonl
set -euo pipefail
build=$1 db=$2 requests=${3:-800}
here=$(cd "$(dirname "$0")" && pwd)
log="$build/serve_bench.log"
"$build/cli/newsdex" serve --db "$db" --listen 127.0.0.1:0 2>"$log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  url=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log" | grep -o 'http://.*' || true)
  [[ -n $url ]] && break
  sleep 0.1
done
[[ -n $url ]] || { echo "serve_bench.sh: the server did not start" >&2; cat "$log" >&2; exit 1; }
grep -m1 listening "$log" >&2
"$build/bench/serve_bench" --url "$url" --db "$db" --queries "$here/queries.txt" \
  --clients 8,32 --requests "$requests"
kill -TERM $pid
wait $pid
trap - EXIT
echo "serve_bench.sh: server exited $? after $(grep -c ' access: ' "$log") requests" >&2
