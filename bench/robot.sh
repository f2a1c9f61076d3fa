#!/usr/bin/env bash
# The robot benchmark: throughput with 1 and 2 robot instances, p50/p99 submission → proposal, heap,
# and the same machine's raw PostgreSQL single-row insert rate, on an embedded PostgreSQL. Not a test; takes a few
# minutes. Usage: bench/robot.sh [applications=100000] [steady rate per second=400]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench test-compile exec:exec -Dbench.applications="${1:-100000}" -Dbench.rate="${2:-400}"
