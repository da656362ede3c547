#!/usr/bin/env bash
# For the load tests: makes a practice and its owner in a data directory with the command line, as the README tells
# a new practice to, and prints an API token for the owner. Usage: bench/first-owner.sh EXE DATA_DIR
set -euo pipefail
exe=$1
data=$2
"$exe" practice add "Bench practice" --data "$data" >/dev/null
echo "bench-lantern-harbour-quiet" | "$exe" user add --practice "Bench practice" --email owner@bench.test --role owner --password-stdin --data "$data" >/dev/null
"$exe" token create --email owner@bench.test --name load-test --data "$data" 2>/dev/null
