#!/usr/bin/env bash
# Cupwise's one test command. On a fresh Debian 12 machine with the .NET SDK it installs what is missing
# (PostgreSQL, Chromium, nginx, Python's aiosmtpd), starts a throwaway PostgreSQL cluster on a free loopback port, runs every test
# project (the integration tests once on SQLite and once on PostgreSQL), stops the cluster, and ends with
# "N passed, N failed". Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\n== %s\n' "$*"; }
passed=0
failed=0
finish() {
  echo
  echo "$passed passed, $failed failed"
  if [ "$failed" -gt 0 ]; then exit 1; fi
  exit 0
}

# --- 1. What a fresh machine lacks -------------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
need=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/sbin/nginx ] || need+=(nginx)
# A real SMTP server for the mail tests (tests/Shared/SmtpServer.cs starts it on loopback).
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need+=(python3-aiosmtpd)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${need[*]}. Install them (sudo apt-get install ${need[*]}) or run this script as root." >&2
    failed=1; finish
  fi
  say "Installing ${need[*]} with apt"
  export DEBIAN_FRONTEND=noninteractive
  # Installed packages must not start their own services (nginx would listen on port 80 of every interface):
  # the tests start what they need, on loopback.
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && made_policy=1; fi
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  installed=$?
  [ "$made_policy" -eq 1 ] && rm -f /usr/sbin/policy-rc.d
  [ "$installed" -eq 0 ] || { echo "apt-get install failed" >&2; failed=1; finish; }
fi
PG_BIN=$(pg_bin)

# --- 2. Build once --------------------------------------------------------------------------------
say "Building"
if ! dotnet build Cupwise.slnx -nologo -v quiet -clp:ErrorsOnly; then
  echo "The build failed." >&2
  failed=1; finish
fi

# --- 3. A throwaway PostgreSQL cluster --------------------------------------------------------------
pg_dir=$(mktemp -d /tmp/cupwise-pg.XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
stop_pg() {
  as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}
pg_port=$(free_port)
say "Starting PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$pg_port"
if ! as_pg "$PG_BIN/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
   || ! as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -w -t 30 -l "$pg_dir/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
  cat "$pg_dir"/*.log >&2
  echo "PostgreSQL did not start." >&2
  failed=1; finish
fi
postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"

# --- 4. The test projects ---------------------------------------------------------------------------
run() {
  local name=$1; shift
  say "$name"
  local log
  log=$(mktemp)
  "$@" 2>&1 | tee "$log" | grep -vE '^\s*$' | grep -E 'failed |passed \(|error|Error|Assert|at Cupwise|succeeded:|failed:|total:|kill -9 cycles|lost: ' || true
  local ok fail
  ok=$(grep -E '^\s*succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  fail=$(grep -E '^\s*failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  if [ -z "$ok" ] || [ -z "$fail" ]; then
    echo "   $name did not report a summary: counted as one failure" >&2
    tail -30 "$log" >&2
    ok=${ok:-0}; fail=$(( ${fail:-0} + 1 ))
  fi
  passed=$(( passed + ok )); failed=$(( failed + fail ))
  rm -f "$log"
}
run "Physics tests" dotnet test --project tests/Cupwise.Physics.Tests --no-build
run "Domain tests" dotnet test --project tests/Cupwise.Domain.Tests --no-build
run "Integration tests on SQLite" dotnet test --project tests/Cupwise.Tests --no-build
run "Integration tests on PostgreSQL" env CUPWISE_TEST_POSTGRES="$postgres" dotnet test --project tests/Cupwise.Tests --no-build
# SIGKILL while four writers post: every acknowledged write and its audit entry survive (bench/Cupwise.CrashHarness;
# docs/benchmarks.md has the 100-cycle figures).
crash="dotnet bench/Cupwise.CrashHarness/bin/Debug/net10.0/cupwise-crash.dll --exe src/Cupwise/bin/Debug/net10.0/cupwise --cycles 3"
run "Crash harness on SQLite (3 kill -9 cycles)" $crash
run "Crash harness on PostgreSQL (3 kill -9 cycles)" $crash --postgres "$postgres"
# Two servers on one PostgreSQL behind Debian's nginx (docs/deploy.md): sign in, chart, kill one, go on through the other.
run "Two servers behind nginx, one killed" dotnet bench/Cupwise.CrashHarness/bin/Debug/net10.0/cupwise-crash.dll --two-instances \
  --exe src/Cupwise/bin/Debug/net10.0/cupwise --postgres "$postgres" --nginx /usr/sbin/nginx
run "Browser tests (Chromium; the day walk-through also on PostgreSQL)" env CUPWISE_TEST_POSTGRES="$postgres" dotnet test --project tests/Cupwise.BrowserTests --no-build

finish
