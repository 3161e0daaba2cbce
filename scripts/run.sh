#!/usr/bin/env bash
# Builds (debug) and runs the Opstap server on http://127.0.0.1:8080 from the repo root.
# Data lives in ./data/opstap.sqlite. Env OPSTAP_HOST / OPSTAP_PORT override; extra args go to `serve`.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi

exec swift run opstap serve --hostname "${OPSTAP_HOST:-127.0.0.1}" --port "${OPSTAP_PORT:-8080}" "$@"
