#!/usr/bin/env bash
# Echo throughput/latency and idle WebSocket memory of the engine (docs/PERFORMANCE.md).
#   scripts/bench-echo.sh [--duration S] [--no-build]
# Builds `withness` in release and scripts/echoload.c, then on 2+ cores pins the server to CPU 1 and the load
# generator to CPU 0 (as ../shared/bench does). Prints key=value lines per run.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=10 BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2;;
    --no-build) BUILD=0; shift;;
    *) echo "unknown argument: $1" >&2; exit 2;;
  esac
done
BIN=.build/release/withness LOAD=.build/echoload
if [ $BUILD = 1 ]; then
  swift build -c release --product withness >&2
  cc -O2 -Wall -o "$LOAD" scripts/echoload.c
fi
ulimit -n "$(ulimit -Hn)"
if [ "$(nproc)" -ge 2 ]; then SRV="taskset -c 1"; GEN="taskset -c 0"; else SRV=""; GEN=""; fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PID=""
start() {  # start COMMAND ARGS... ; sets PORT and PID, waits for /healthz
  PORT=$(free_port)
  $SRV "$BIN" "$@" --port "$PORT" --log-level warning --max-connections 20000 --max-connections-per-ip 20000 >&2 &
  PID=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.1; done
  echo "server did not start" >&2; exit 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; }
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null || true' EXIT

echo "== echo, 1 loop; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
start echo --loops 1
for run in "1 1 64" "100 1 64" "100 1 1024" "10 16 64" "4 1 65536"; do
  set -- $run
  echo "-- clients=$1 window=$2 size=$3"
  $GEN "$LOAD" echo --port "$PORT" --clients "$1" --window "$2" --size "$3" --duration "$DURATION" --warmup 2
done
stop

echo "== idle WebSockets on serve /ws"
WEB=$(mktemp -d); DATA=$(mktemp -d)
start serve --web "$WEB" --data "$DATA"
"$LOAD" idle --port "$PORT" --path /ws --clients 5000 --hold 5 --pid "$PID"
stop
echo "== idle WebSockets on echo, after one 100-byte message each"
start echo
"$LOAD" idle --port "$PORT" --clients 5000 --hold 5 --say 100 --pid "$PID"
stop
rm -rf "$WEB" "$DATA"
