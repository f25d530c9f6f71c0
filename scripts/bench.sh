#!/usr/bin/env bash
# The chat benchmark of docs/PERFORMANCE.md: ../shared/bench's compare.sh (C load generator, reference
# servers) with withness added, in a scratch copy (shared/ is read-only), on a release build.
#   scripts/bench.sh [--servers withness,c-epoll,hummingbird] [--scenarios ...] [--scale 0.3] ...
# Extra arguments go to compare.sh. Prints compare.sh's markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED_BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
[ -d "$SHARED_BENCH" ] || { echo "bench: $SHARED_BENCH not found (set BENCH_DIR)" >&2; exit 2; }
swift build -c release --product withness >&2
# A persistent scratch copy, so the reference servers' builds are reused between runs.
WORK=${BENCH_WORK:-/tmp/withness-bench}
mkdir -p "$WORK"
cp -r --update "$SHARED_BENCH"/. "$WORK/"
chmod -R u+w "$WORK"
DATA=$(mktemp -d /tmp/withness-bench-data.XXXXXX)
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--servers withness,c-epoll,hummingbird)
"$WORK/compare.sh" "${args[@]}" \
  --server withness="$ROOT/.build/release/withness serve --port {port} --open-rooms --rate-limit 0 --data $DATA"
echo "raw results: $WORK/results" >&2
