#!/usr/bin/env bash
# Does the time of a refused sign-in tell whether the e-mail has a login (issue 15)? `cupwise serve` (Release,
# SQLite, loopback) with one owner; the login form is posted, alternately, with an e-mail that has no login and with
# the owner's e-mail and a wrong password, five of each (the sign-in limit allows ten a minute from one address),
# after one warm-up of each. Prints each time and the medians. Usage: bench/sign-in-timing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CUPWISE_EXE:-}" ]; then dotnet build src/Cupwise -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null; fi
exe=${CUPWISE_EXE:-src/Cupwise/bin/Release/net10.0/cupwise}
data=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
bench/first-owner.sh "$exe" "$data" >/dev/null
"$exe" serve --data "$data" --urls "$base" >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs -o /dev/null "$base/healthz"; do sleep 0.05; done

attempt() {
  local jar="$data/jar" page token
  rm -f "$jar"
  page=$(curl -fs -c "$jar" "$base/login")
  token=$(printf '%s' "$page" | sed -nE 's/.*name="__RequestVerificationToken" value="([^"]+)".*/\1/p' | head -1)
  curl -s -b "$jar" -o /dev/null -w '%{time_total}' --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Form.Email=$1" --data-urlencode "Form.Password=wrong-password-for-timing" --data-urlencode "Form.Code=" "$base/login"
}
attempt nobody@bench.test >/dev/null; attempt owner@bench.test >/dev/null
unknown=(); wrong=()
for i in 1 2 3 4; do
  unknown+=("$(attempt "nobody$i@bench.test")")
  wrong+=("$(attempt owner@bench.test)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2) * 1000}'; }
echo "unknown e-mail (s): ${unknown[*]}"
echo "wrong password (s): ${wrong[*]}"
echo "median: unknown e-mail $(median "${unknown[@]}") ms, wrong password $(median "${wrong[@]}") ms"
