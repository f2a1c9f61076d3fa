#!/usr/bin/env bash
# The familjerätt booking benchmark: residents asking for the same newly released times at once (loopback), on the
# whole server with an embedded PostgreSQL. Prints "booking: B of N times booked, D double, p99 P ms" and the same
# burst against a plain Vert.x endpoint. Not a test. Usage: bench/booking.sh [residents=2000] [times=50]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench test-compile exec:exec@booking -Dbench.residents="${1:-2000}" -Dbench.times="${2:-50}"
