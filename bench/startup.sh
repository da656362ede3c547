#!/usr/bin/env bash
# Measures `cupwise serve` from process start to the first 200 on /healthz, with an existing SQLite database.
# Usage: bench/startup.sh [runs]   (Release build; prints each run and the median in milliseconds)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
dotnet build src/Cupwise -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
exe=src/Cupwise/bin/Release/net10.0/cupwise
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$exe" demo --data "$data" >/dev/null     # the database exists before the timed runs
port=$(( 20000 + RANDOM % 20000 ))
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$exe" serve --data "$data" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.005; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: $ms ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( runs / 2 ))]} ms (min ${sorted[0]}, max ${sorted[-1]}, $runs runs)"
