#!/usr/bin/env bash
# kill -9 during a burst: the demo server in its own JVM (robot on) gets N applications at once, each with its own
# Idempotency-Key, while the robot works on a backlog (5 × N) queued just before; it is killed with SIGKILL when a
# third are answered and started again on the same DATA_DIR. Prints one table: answered before the kill, found after the restart, retries with
# the same keys, duplicates (must be 0), time to recover, robot done. Not a test; takes a few minutes.
# Usage: bench/faults.sh [submissions=1000] [robot backlog=5 × submissions]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench test-compile exec:exec@faults -Dbench.submissions="${1:-1000}" \
  -Dbench.backlog="${2:-$((5 * ${1:-1000}))}"
