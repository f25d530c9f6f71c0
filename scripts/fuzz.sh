#!/usr/bin/env bash
# Builds each libFuzzer harness (FuzzWSFrame, FuzzHTTP) with ASan and runs it for SECONDS (default 60).
# Exits non-zero if any harness crashes; the crashing input is kept under .build/fuzz/<Product>/.
# A product whose main.swift has no LLVMFuzzerTestOneInput yet is skipped.
#
# `--sanitize=fuzzer` alone links libFuzzer but (Swift 6.3.1) does not instrument the code for coverage,
# so libFuzzer would mutate blindly; `-sanitize-coverage=...` turns the feedback on.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-60}"
SCRATCH=.build/fuzz
status=0
for product in FuzzWSFrame FuzzHTTP; do
  if ! grep -q LLVMFuzzerTestOneInput "Sources/$product/main.swift" 2>/dev/null; then
    echo "fuzz: $product has no LLVMFuzzerTestOneInput yet, skipped"
    continue
  fi
  if ! swift build -c release --scratch-path "$SCRATCH" --product "$product" \
       --sanitize=fuzzer --sanitize=address \
       -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table; then
    echo "fuzz: $product failed to build"; status=1; continue
  fi
  work="$SCRATCH/$product"
  mkdir -p "$work/corpus"
  seeds=()
  [ -d "Tests/Fuzz/$product" ] && seeds=("Tests/Fuzz/$product")
  echo "fuzz: running $product for ${SECONDS_EACH}s"
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 \
    "$SCRATCH/release/$product" "$work/corpus" "${seeds[@]}" \
    -max_total_time="$SECONDS_EACH" -artifact_prefix="$work/" -print_final_stats=1 >"$work/log.txt" 2>&1
  rc=$?
  grep -E "^Done|stat::(number_of_executed_units|average_exec_per_sec)" "$work/log.txt" | sed "s/^/fuzz: $product: /"
  if [ $rc -ne 0 ]; then
    echo "fuzz: $product FAILED (exit $rc); see $work/log.txt and $work/crash-*"
    grep -E "ERROR|Fatal error|precondition|SUMMARY" "$work/log.txt" | head -5
    status=1
  fi
done
exit $status
