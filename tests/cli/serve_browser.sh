#!/usr/bin/env bash
# The search page in a real browser: headless Chromium (Debian's `chromium`) loads it,
# searches, clicks a facet, checks that the results and the chip change, removes the chip,
# and shows a query error (serve_browser.py); the screenshot is left at
# <build>/serve-page.png. Skipped (77) only when Chromium cannot start.
# Usage: serve_browser.sh NEWSDEX_BINARY SOURCE_DIR
source "$(dirname "$0")/common.bash" "$@"
source "$(dirname "$0")/serve_common.bash"
if ! /usr/bin/python3 -c 'import websocket' 2>/dev/null; then
  echo "SKIP: needs /usr/bin/python3 with python3-websocket (scripts/install-deps.sh)"; exit 77
fi
"$bin" index --db "$tmp/db" "$src/corpus/seeds" >/dev/null 2>&1 || { echo "FAIL index"; exit 1; }
start_server "$tmp/db"
shot="$(cd "$(dirname "$bin")/.." && pwd)/serve-page.png"
/usr/bin/python3 "$(dirname "$0")/serve_browser.py" "$base" "$shot" softbank
rc=$?
stop_server
check "SIGTERM: exit 0" test "$server_rc" = 0
((rc == 77)) && exit 77
((rc == 0)) || fails=$((fails + 1))
echo "$fails failed"
exit $((fails > 0))
