#!/usr/bin/env bash
# `newsdex serve` over HTTP on the seed corpus: status codes and JSON errors, /api/search
# answering exactly what `newsdex search --json` prints (elapsed_ms aside), stats,
# documents, the page, an index run's documents seen without a restart, the access log,
# and SIGTERM exiting 0. Usage: serve_api.sh NEWSDEX_BINARY SOURCE_DIR
source "$(dirname "$0")/common.bash" "$@"
source "$(dirname "$0")/serve_common.bash"
py=/usr/bin/python3
if ! command -v curl >/dev/null || ! [[ -x $py ]]; then
  echo "SKIP: needs curl and /usr/bin/python3 (scripts/install-deps.sh installs them)"; exit 77
fi

# The first three seeds now, the last two later (the reopen check).
mkdir -p "$tmp/first" "$tmp/rest"
i=0
for f in $(ls "$src/corpus/seeds"/*.txt | sort); do
  if ((i < 3)); then cp "$f" "$tmp/first/"; else cp "$f" "$tmp/rest/"; fi
  i=$((i + 1))
done
"$bin" index --db "$tmp/db" "$tmp/first" >/dev/null 2>&1 || { echo "FAIL index"; exit 1; }
start_server "$tmp/db"

status() { curl -s -o "$tmp/body" -w '%{http_code}' "$@"; }
expect() {  # expect NAME STATUS CURL_ARGS... : the status, and a JSON body
  local name=$1 want=$2; shift 2
  local got; got=$(status "$@")
  check "$name: $want" test "$got" = "$want"
  [[ $got = "$want" ]] || { echo "     got $got: $(head -c 300 "$tmp/body")"; }
}
json_field() { $py -c "import json,sys; print(json.load(open(sys.argv[1]))$1)" "$tmp/body"; }

expect "healthz" 200 "$base/healthz"
check "healthz counts the documents" test "$(json_field '["documents"]')" = 3
expect "search" 200 "$base/api/search?q=microsoft"
expect "missing q" 400 "$base/api/search"
check "missing q says so" grep -q 'missing parameter q' "$tmp/body"
expect "malformed query" 400 "$base/api/search?q=softbank%20AND"
check "malformed query: its position" test "$(json_field '["position"]')" = 9
expect "unbalanced quote" 400 "$base/api/search?q=%22right%20of"
check "unbalanced quote: position 0" test "$(json_field '["position"]')" = 0
expect "bad limit" 400 "$base/api/search?q=x&limit=ten"
expect "negative offset" 400 "$base/api/search?q=x&offset=-1"
expect "offset past the limit" 400 "$base/api/search?q=x&offset=10001"
expect "bad facet kind" 400 "$base/api/search?q=x&facets=company,colour"
check "bad facet kind named" grep -q "colour" "$tmp/body"
expect "bad match" 400 "$base/api/search?q=x&match=some"
expect "unknown parameter" 400 "$base/api/search?q=x&colour=red"
long=$(printf 'a%.0s' $(seq 1 1100))
expect "over-long query" 414 "$base/api/search?q=$long"
check "over-long query: the limit said" grep -q 'at most 1024' "$tmp/body"
expect "unknown path" 404 "$base/api/nothing"
check "unknown path: a JSON error" grep -q '"error"' "$tmp/body"
expect "writing is refused" 405 -X POST -d 'x' "$base/api/search"
expect "limit capped" 200 "$base/api/search?q=microsoft&limit=5000"
check "limit capped at 100" test "$(json_field '["limit"]')" = 100

# /api/search answers what `newsdex search --json` prints for the same arguments.
same() {  # same NAME 'URL QUERY STRING' CLI_ARGS...
  local name=$1 qs=$2; shift 2
  curl -s "$base/api/search?$qs" >"$tmp/api.json"
  "$bin" search --db "$tmp/db" --json "$@" >"$tmp/cli.json" 2>/dev/null
  check "same JSON as the CLI: $name" $py - "$tmp/api.json" "$tmp/cli.json" <<'EOF'
import json, sys
a, c = (json.load(open(p)) for p in sys.argv[1:])
for d in (a, c):
    d.pop("elapsed_ms", None)
if a != c or not a.get("hits"):
    print("     api:", json.dumps(a)[:300]); print("     cli:", json.dumps(c)[:300])
    sys.exit(1)
EOF
}
same "one word" "q=microsoft" microsoft
same "facets" "q=openai%20compute&facets=company,money,date&facet_size=3&limit=2" \
  --facets company,money,date --facet-size 3 --limit 2 openai compute
same "offset, match any" "q=quokka%20softbank&match=any&offset=1&limit=2" \
  --match any --offset 1 --limit 2 quokka softbank
same "filters, day buckets" "q=company%3Amsft%20money%3A%3E%3D1e9&facets=all&date_bucket=day" \
  --facets all --date-bucket day 'company:msft money:>=1e9'
same "sort by date, oldest first" "q=softbank&sort=date%3Aasc" softbank --sort date:asc
same "collapse=0 (--no-collapse)" "q=microsoft&collapse=0&facets=company" --no-collapse \
  --facets company microsoft
expect "bad collapse" 400 "$base/api/search?q=x&collapse=maybe"
same "phrase" "q=%22right%20of%20first%20refusal%22&facets=person" \
  --facets person '"right of first refusal"'

expect "stats" 200 "$base/api/stats?top=3"
check "stats: 3 documents" test "$(json_field '["documents"]')" = 3
id=$(curl -s "$base/api/search?q=%22right%20of%20first%20refusal%22" | $py -c \
  'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')
expect "a document" 200 "$base/api/documents/$id"
check "the document's body" grep -q 'right of first refusal' "$tmp/body"
expect "no such document" 404 "$base/api/documents/no-such-id"
expect "the page" 200 "$base/?q=softbank"
check "the page lists hits" grep -q '<ol class="hits">' "$tmp/body"
expect "the page sorted newest first" 200 "$base/?q=softbank&sort=date"
check "the page says the order it is in" grep -q '<b>newest</b>' "$tmp/body"
check "the page links the other orders" grep -q 'sort=date%3Aasc' "$tmp/body"
expect "the page shows a malformed query" 400 "$base/?q=softbank%20AND"
check "the page names the position" grep -q 'position 9' "$tmp/body"
expect "the page escapes the query" 200 "$base/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
check "no markup from the query" bash -c '! grep -q "<script>" "$0"' "$tmp/body"
check "the query shown, escaped" grep -q 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' "$tmp/body"

# An index run's commits are seen without a restart (each worker looks every kReopenEvery,
# 250 ms; the test waits up to 5 s so that a loaded machine, e.g. CI under ASan, cannot fail it).
"$bin" index --db "$tmp/db" "$tmp/rest" >/dev/null 2>&1
seen=0
for i in $(seq 1 50); do
  sleep 0.1
  status "$base/healthz" >/dev/null
  [[ $(json_field '["documents"]') = 5 ]] && { seen=1; break; }
done
check "new documents seen without a restart" test $seen = 1
# Each worker has its own Searcher and reopens it when its last check is kReopenEvery (250 ms)
# old: the request above may have reached a worker that had just reopened while another had
# checked a moment before. Past that window every worker answers from the new commit.
sleep 0.3
expect "search after the index run" 200 "$base/api/search?q=microsoft"
check "search sees all 5" test "$(json_field '["total"]')" = 5

stop_server
check "SIGTERM: exit 0" test "$server_rc" = 0
check "access log: one line per request" grep -q 'access: 127.0.0.1 GET /healthz 200' "$tmp/serve.log"
check "access log: the error statuses" grep -q 'GET /api/search?q=softbank%20AND 400' "$tmp/serve.log"
check "drained and stopped" grep -q 'stopped' "$tmp/serve.log"

# Draining: with one worker, connection A holds it (sent nothing yet) and B waits in the
# queue; SIGTERM arrives; both are still answered, then the server exits 0. The pauses give a
# loaded machine time to connect B before the signal (a B that connected late would be refused).
workers=1 start_server "$tmp/db"
port=${base##*:}
exec 3<>"/dev/tcp/127.0.0.1/$port"
sleep 0.5
curl -s -o /dev/null -w '%{http_code}' "$base/healthz" >"$tmp/queued" &
curl_pid=$!
sleep 1
kill -TERM "$server_pid"
sleep 0.5
printf 'GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n' >&3
first=$(head -n1 <&3)
exec 3<&-
wait $curl_pid
wait "$server_pid"; server_rc=$?
check "drain: the connection under way is answered" grep -q '200' <<<"$first"
check "drain: the queued connection is answered" test "$(cat "$tmp/queued")" = 200
check "drain: exit 0" test "$server_rc" = 0

# Bound elsewhere than loopback: a warning (the server is stopped at once).
"$bin" serve --db "$tmp/db" --listen 0.0.0.0:0 --workers 1 2>"$tmp/any.log" &
pid=$!
for i in $(seq 1 100); do grep -q listening "$tmp/any.log" && break; sleep 0.05; done
kill -TERM $pid; wait $pid
check "warns when not on loopback" grep -q 'reachable from other machines' "$tmp/any.log"
"$bin" serve --db "$tmp/nope" --listen 127.0.0.1:0 2>"$tmp/err"; rc=$?
check "a missing database: exit 1" test $rc = 1
"$bin" serve --db "$tmp/db" --listen nowhere 2>"$tmp/err"; rc=$?
check "a bad --listen: exit 2" test $rc = 2

echo "$fails failed"
exit $((fails > 0))
