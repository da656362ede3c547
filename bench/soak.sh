#!/usr/bin/env bash
# Soak (issue 15: memory stays flat). `cupwise serve` (Release, SQLite, loopback) under a steady mix for a bounded
# time: the client chart page read with a token on 2 connections, a charted session with 8 cups posted on 1, and the
# audit log exported every 10 s. Prints the server's resident memory every 30 s and, at the end, the change from the
# first minute's sample to the last. Usage: bench/soak.sh [seconds] [parts]   (needs wrk)
# parts: any of read, write, export (all three unless given), to find which part a change in memory comes from;
# CUPWISE_EXE runs another build (an earlier commit's, side by side) instead of this one's.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
parts=${2:-read write export}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
if [ -z "${CUPWISE_EXE:-}" ]; then dotnet build src/Cupwise -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null; fi
exe=${CUPWISE_EXE:-src/Cupwise/bin/Release/net10.0/cupwise}
data=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
token=$(bench/first-owner.sh "$exe" "$data")
"$exe" serve --data "$data" --urls "$base" >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs -o /dev/null "$base/healthz"; do sleep 0.05; done

json() { curl -fs -H "Authorization: Bearer $token" -H 'content-type: application/json' -d "$2" "$base$1"; }
practitioner=$(json /api/v1/practitioners '{"displayName":"Soak test"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
# A practice's worth of clients: the sessions go round them, as a day's visits do; the chart read is the first one's.
clients=()
for i in $(seq 1 200); do
  clients+=("$(json /api/v1/clients "{\"familyName\":\"Soak$i\",\"givenName\":\"Test\",\"dateOfBirth\":\"1980-01-01\",\"sex\":\"unknown\"}" | sed -E 's/.*"id":"([^"]+)".*/\1/')")
done
client=${clients[0]}
cups=""
for i in $(seq 0 7); do
  on=$(printf '2026-11-20T09:%02d:00Z' "$i"); off=$(printf '2026-11-20T09:%02d:00Z' $(( i + 10 )))
  side=left; [ $(( i % 2 )) -eq 1 ] && side=right
  cups+="{\"cupId\":\"glass-large\",\"siteId\":\"upper-back\",\"side\":\"$side\",\"technique\":\"stationary\",\"method\":\"fire-cotton-ball\",\"plannedDurationMin\":10,\"appliedAt\":\"$on\",\"removedAt\":\"$off\",\"markGrade\":2,\"sensation\":\"strong\"}"
  [ "$i" -lt 7 ] && cups+=","
done
body="\",\"practitionerId\":\"$practitioner\",\"status\":\"completed\",\"startedAt\":\"2026-11-20T09:00:00Z\",\"endedAt\":\"2026-11-20T09:25:00Z\",\"notes\":\"Soak\",\"cups\":[$cups]}"
lua_clients=$(printf '"%s",' "${clients[@]}")
printf '%s' "$body" >"$data/body-rest.json"
cat >"$data/post.lua" <<LUA
local clients = { ${lua_clients%,} }
local file = io.open("$data/body-rest.json")
local rest = file:read("*a")
file:close()
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token" }, '{"clientId":"' .. clients[(n % #clients) + 1] .. rest)
end
local shown = false
response = function(status, headers, body)
  if status >= 300 and not shown then
    shown = true
    io.stderr:write("a write was answered " .. status .. ": " .. body .. "\n")
  end
end
LUA

: >"$data/read.txt"; : >"$data/write.txt"
reader=""; writer=""; exporter=""
case " $parts " in *" read "*) wrk -H "Authorization: Bearer $token" -t1 -c2 -d"${seconds}s" "$base/clients/$client" >"$data/read.txt" & reader=$! ;; esac
case " $parts " in *" write "*) wrk -H "Authorization: Bearer $token" -t1 -c1 -d"${seconds}s" -s "$data/post.lua" "$base/api/v1/sessions" >"$data/write.txt" & writer=$! ;; esac
case " $parts " in *" export "*)
  ( end=$(( $(date +%s) + seconds )); while [ "$(date +%s)" -lt "$end" ]; do curl -fs -o /dev/null -H "Authorization: Bearer $token" "$base/api/v1/audit?format=csv" || true; sleep 10; done ) &
  exporter=$! ;; esac
samples=()
for t in $(seq 30 30 "$seconds"); do
  sleep 30
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status)
  samples+=("$rss")
  echo "t=${t}s RSS ${rss} MB"
done
[ -n "$reader$writer" ] && wait $reader $writer 2>/dev/null || true
[ -n "$exporter" ] && kill $exporter 2>/dev/null || true
echo "reads:  $(grep -E 'Requests/sec|Non-2xx' "$data/read.txt" | tr -s ' ' | tr '\n' ' ')"
echo "writes: $(grep -E 'Requests/sec|Non-2xx' "$data/write.txt" | tr -s ' ' | tr '\n' ' ')"
echo "sessions of the charted client: $(curl -fs -D - -o /dev/null -H "Authorization: Bearer $token" "$base/api/v1/clients/$client/sessions" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-total-count" {print $2}')"
first=${samples[1]:-${samples[0]}}
last=${samples[-1]}
echo "RSS at 60 s ${first} MB, at ${seconds} s ${last} MB: $(( last - first )) MB over the soak; peak $(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$pid/status) MB"
