#!/usr/bin/env bash
# The payment file benchmark: N synthetic attested payments through the production code (cut-off, batch, pain.001
# written and validated, delivered) into one file in OUTDIR, on an embedded PostgreSQL, with -Xmx256m. Prints
# "payments: N in S s, peak heap H MB" and the ratio to writing N rows to the same PostgreSQL. Not a test.
# Usage: bench/payments.sh [N=50000] [OUTDIR=target/bench-payments]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${2:-target/bench-payments}"
mkdir -p "$out"
mvn -q -B -Pbench-payments test-compile exec:exec -Dbench.payments="${1:-50000}" -Dbench.outdir="$(cd "$out" && pwd)"
