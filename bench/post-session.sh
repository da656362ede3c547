#!/usr/bin/env bash
# Load test: POST /api/v1/sessions with 8 cup applications against `cupwise serve` on SQLite (or --db).
# Bounded: wrk runs for a fixed time on 127.0.0.1 only. Usage: bench/post-session.sh [seconds] [connections] [warm-up seconds]
# The warm-up (30 s unless given) lets .NET's tiered compilation finish: on this 2-core machine the first 15 s
# of load run partly unoptimised code and measure the JIT, not Cupwise (medians above 15 ms, then about 7 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-1}
warmup=${3:-30}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
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
until curl -fs -o /dev/null "$base/healthz"; do sleep 0.05; done

json() { curl -fs -H "Authorization: Bearer $token" -H 'content-type: application/json' -d "$2" "$base$1"; }
client=$(json /api/v1/clients '{"familyName":"Load","givenName":"Test","dateOfBirth":"1980-01-01","sex":"unknown"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
practitioner=$(json /api/v1/practitioners '{"displayName":"Load test"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
cups=""
sites=(lower-back lower-back upper-back upper-back mid-back mid-back upper-trapezius upper-trapezius)
sides=(left right left right left right left right)
for i in $(seq 0 7); do
  on=$(printf '2026-11-20T09:%02d:00Z' "$i"); off=$(printf '2026-11-20T09:%02d:00Z' $(( i + 10 )))
  cup=glass-large; [ "${sites[$i]}" = upper-trapezius ] && cup=glass-medium
  cups+="{\"cupId\":\"$cup\",\"siteId\":\"${sites[$i]}\",\"side\":\"${sides[$i]}\",\"technique\":\"stationary\",\"method\":\"fire-cotton-ball\",\"plannedDurationMin\":10,\"appliedAt\":\"$on\",\"removedAt\":\"$off\",\"markGrade\":2,\"sensation\":\"strong\"}"
  [ "$i" -lt 7 ] && cups+=","
done
body="{\"clientId\":\"$client\",\"practitionerId\":\"$practitioner\",\"status\":\"completed\",\"startedAt\":\"2026-11-20T09:00:00Z\",\"endedAt\":\"2026-11-20T09:25:00Z\",\"notes\":\"Load test\",\"adjuncts\":[{\"kind\":\"massage\",\"detail\":\"effleurage\"}],\"cups\":[$cups]}"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'content-type: application/json' -d "$body" "$base/api/v1/sessions")
[ "$status" = 201 ] || { echo "the request body is refused ($status)" >&2; exit 1; }

script="$data/post.lua"
body_lua=${body//\"/\\\"}
cat >"$script" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = "$body_lua"
LUA
# wrk prints "Non-2xx or 3xx responses: N" when any request is refused; none is expected.
# Warm up (JIT tiering, connection pool) and then measure.
wrk -H "Authorization: Bearer $token" -t1 -c1 -d"${warmup}s" -s "$script" "$base/api/v1/sessions" >/dev/null
wrk -H "Authorization: Bearer $token" -t1 -c"$connections" -d"${seconds}s" --latency -s "$script" "$base/api/v1/sessions"
