#!/usr/bin/env bash
# HTTP figures of issue 13 against a release server: throughput next to /health, latency of the
# lists, dossier and attention list (web and API), 200 connections of mixed reads with RSS.
#
#   scripts/bench-http.sh [--people N] [--engine sqlite|postgres] [--reuse] [more options of scripts/bench_http.py]
#
# Builds nothing: it runs $OPSTAP_BIN, else the release binary under $OPSTAP_BUILD_DIR
# (default .build), i.e. after `swift build -c release [--scratch-path DIR]`.
# PostgreSQL: a throwaway server from scripts/postgres.sh (PGPORT_OPSTAP / OPSTAP_PG_DIR as
# there); the benchmark makes its own database on it (opstap_bench_http_N).
# Needs wrk (`apt-get install wrk`) and python3. Work folder: .bench/http-ENGINE-N.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${OPSTAP_BIN:-${OPSTAP_BUILD_DIR:-.build}/release/opstap}"
if [ ! -x "$BIN" ]; then
    echo "no release binary at $BIN: run 'swift build -c release' first (or set OPSTAP_BIN)" >&2
    exit 1
fi
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }

engine=sqlite
prev=""
for arg in "$@"; do
    case "$prev$arg" in
        --engine=postgres | --enginepostgres) engine=postgres ;;
    esac
    prev="$arg"
done
if [ "$engine" = postgres ] && [ -z "${BENCH_POSTGRES_URL:-}" ]; then
    ./scripts/postgres.sh start >&2
    export BENCH_POSTGRES_URL="$(./scripts/postgres.sh url)"
fi
exec python3 scripts/bench_http.py --binary "$BIN" "$@"
