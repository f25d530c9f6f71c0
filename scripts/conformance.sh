#!/usr/bin/env bash
# Autobahn|Testsuite (fuzzingclient) against `withness echo`; exits non-zero on any FAILED or MISSING case.
#   scripts/conformance.sh [CASES]     (default: every group but 8, 11 and the deflate groups 12, 13)
# Needs ../shared/tools/autobahn next to the repository (or AUTOBAHN_DIR); it sets up its own Python venv.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-"1.*,2.*,3.*,4.*,5.*,6.*,7.*,9.*,10.*"}
AUTOBAHN=${AUTOBAHN_DIR:-../shared/tools/autobahn}
[ -x "$AUTOBAHN/run.sh" ] || { echo "conformance: $AUTOBAHN/run.sh not found" >&2; exit 2; }
swift build --product withness >&2
BIN=.build/debug/withness
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LOG=$(mktemp)
"$BIN" echo --host 127.0.0.1 --port "$PORT" --log-level warning >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  kill -0 "$PID" 2>/dev/null || { cat "$LOG" >&2; exit 2; }
  sleep 0.1
done
"$AUTOBAHN/run.sh" --no-deflate "ws://127.0.0.1:$PORT/" "$CASES"
