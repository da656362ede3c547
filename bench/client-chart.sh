#!/usr/bin/env bash
# Load test: the client chart page for a client with 60 sessions and 400 cup applications, in a practice of
# 5,000 clients, on SQLite. Bounded: wrk runs for a fixed time on 127.0.0.1 only, and prints p50/p95/p99.
# Usage: bench/client-chart.sh [seconds] [connections]   (needs wrk and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-16}
dotnet build src/Cupwise -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
exe=src/Cupwise/bin/Release/net10.0/cupwise
data=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
"$exe" serve --data "$data" --urls "$base" >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs -o /dev/null "$base/healthz"; do sleep 0.05; done

client=$(python3 bench/seed-practice.py "$base")
echo "seeded; charting client $client"
script="$data/chart.lua"
cat >"$script" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d requests, %d errors (non-2xx %d)\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
LUA
wrk -t$(( connections > 1 ? 2 : 1 )) -c"$connections" -d3s "$base/clients/$client" >/dev/null   # warm-up
wrk -t$(( connections > 1 ? 2 : 1 )) -c"$connections" -d"${seconds}s" --latency -s "$script" "$base/clients/$client"
