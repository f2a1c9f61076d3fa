#!/usr/bin/env bash
# The page load benchmark: Mina sidor, the case page, the staff queue, a submission, a provräkning and a login start
# against a plain Vert.x endpoint, the static page, the session read and /health, on the whole server in demo mode with
# a realistic data set, over loopback. Prints req/s, p50/p99, ratios, CPU per request (JVM, PostgreSQL) and
# pg_stat_statements' top statements. Not a test; takes a few minutes.
# Usage: bench/load.sh [seconds per request kind=10] [connections=50] [residents=20000] [open cases in the big queue=50000]
#        [request kinds to measure, a regular expression on their names=.*; the plain Vert.x endpoint, the static page
#        and the session read always run]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench test-compile exec:exec@load -Dbench.seconds="${1:-10}" -Dbench.connections="${2:-50}" \
  -Dbench.loadResidents="${3:-20000}" -Dbench.bigQueue="${4:-50000}" \
  -Dbench.only="${5:-.*}"
