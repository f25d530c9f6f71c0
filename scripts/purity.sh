#!/usr/bin/env bash
# The purity contract (docs/ARCHITECTURE.md): pure modules make no system calls, read no clock or
# ambient randomness, and do not log. Fails listing every offending line.
set -u
cd "$(dirname "$0")/.."
pure="Sources/HTTP Sources/WebSocket Sources/Reflection Sources/Chat"
pattern='^\s*import (Glibc|Musl|Darwin|Foundation$|Dispatch|Logging|CLinux|COpenSSL|CSQLite)|ContinuousClock\.now|SuspendingClock\.now|Date\(\)|\.random\((in: [^,)]*)?\)|\bprint\(|static var '
found=$(grep -rnE "$pattern" $pure --include='*.swift' 2>/dev/null || true)
if [ -n "$found" ]; then
  echo "purity: pure modules must take time and randomness as arguments and touch no system APIs:"
  echo "$found"
  exit 1
fi
echo "purity: ok ($(find $pure -name '*.swift' | wc -l) files checked)"
