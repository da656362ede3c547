#!/usr/bin/env bash
# Benchmarks for plans and outcomes: a client's progress (60 sessions) and the practice outcome report over
# 5,000 clients and 100,000 sessions, on SQLite and on a throwaway PostgreSQL cluster on 127.0.0.1.
# Seeding each database takes a minute or two; BenchmarkDotNet then measures. Results in
# bench/Cupwise.Benchmarks/BenchmarkDotNet.Artifacts/results.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)." >&2; exit 1; }
pg_dir=$(mktemp -d /tmp/cupwise-bench-pg.XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
trap 'as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
port=$(( 20000 + RANDOM % 20000 ))
as_pg "$PG_BIN/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 >"$pg_dir/initdb.log" 2>&1
as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -w -t 30 -l "$pg_dir/server.log" -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir" start >/dev/null
export CUPWISE_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
dotnet run -c Release --project bench/Cupwise.Benchmarks -- --filter '*PlanProgressBenchmarks*' '*OutcomeReportBenchmarks*' "$@"
