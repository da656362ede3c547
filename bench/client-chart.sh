#!/usr/bin/env bash
# Load test: the client chart page for a client with 60 sessions and 400 cup applications, in a practice of
# 5,000 clients, on SQLite. Bounded: wrk runs for a fixed time on 127.0.0.1 only, and prints p50/p95/p99.
# Two measures: wrk's round trip (which includes queueing behind wrk itself on the same cores), and the
# server's own time per request, read from ASP.NET Core's http.server.request.duration histogram with
# dotnet-counters (installed into bench/.tools on first use).
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
token=$(bench/first-owner.sh "$exe" "$data")
export CUPWISE_TOKEN=$token
"$exe" serve --data "$data" --urls "$base" >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 200); do curl -fs -o /dev/null "$base/healthz" && break; kill -0 $pid 2>/dev/null || { cat "$data/serve.log"; exit 1; }; sleep 0.05; done

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
wrk -H "Authorization: Bearer $token" -t$(( connections > 1 ? 2 : 1 )) -c"$connections" -d3s "$base/clients/$client" >/dev/null   # warm-up
counters=bench/.tools/dotnet-counters
[ -x "$counters" ] || dotnet tool install --tool-path bench/.tools dotnet-counters --version 10.0.750501 >/dev/null
"$counters" collect -p "$pid" --counters "Microsoft.AspNetCore.Hosting[http.server.request.duration]" \
  --refresh-interval $(( seconds + 2 )) --duration "00:00:00:$(( seconds + 4 ))" -o "$data/counters.csv" >/dev/null 2>&1 &
counters_pid=$!
sleep 1
printf "round trip (wrk): "
wrk -H "Authorization: Bearer $token" -t$(( connections > 1 ? 2 : 1 )) -c"$connections" -d"${seconds}s" --latency -s "$script" "$base/clients/$client" | tail -1
wait $counters_pid || true
python3 - "$data/counters.csv" <<'PY'
import sys
rows = [l.strip().split(",") for l in open(sys.argv[1]) if "/clients/{Id:guid}" in l and "status_code=200" in l]
p = {r[2].split("Percentile=")[1].rstrip("]"): float(r[-1]) * 1000 for r in rows if "Percentile=" in r[2]}
print("server time (http.server.request.duration): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms" % (p["50"], p["95"], p["99"]))
PY
