# Sourced by the `newsdex serve` tests after common.bash: start_server DB... starts
# `newsdex serve` on a free loopback port in the background (server_pid, base, log
# $tmp/serve.log); stop_server sends SIGTERM and sets server_rc.
start_server() {
  local args=() db
  for db in "$@"; do args+=(--db "$db"); done
  "$bin" serve "${args[@]}" --listen 127.0.0.1:0 --workers "${workers:-2}" 2>"$tmp/serve.log" &
  server_pid=$!
  local i
  for i in $(seq 1 200); do
    base=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$tmp/serve.log" | grep -o 'http://.*')
    [[ -n $base ]] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "FAIL the server did not start:"; cat "$tmp/serve.log"
  exit 1
}
stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid"
  server_rc=$?
}
