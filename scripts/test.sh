#!/usr/bin/env bash
# The single command that runs every test of Opstap:
#
#   0. swift format lint --strict       (.swift-format; format with `make format`)
#   1. install test dependencies        (scripts/install-test-deps.sh)
#   2. swift build --build-tests + swift test against SQLite
#   3. swift test against a throwaway PostgreSQL (scripts/postgres.sh)
#   4. start the server on 127.0.0.1:8089 (fresh temp working dir), then
#        - browser tests: .venv/bin/pytest tests/browser (Playwright + axe)
#        - API fuzzing:   schemathesis against /api/v1/openapi.json
#   5. operations tests: .venv/bin/pytest tests/operations — servers of their own from the same
#      binary: SIGTERM under load, two servers on one PostgreSQL behind nginx, backup/restore
#
# Skip parts while iterating locally:
#   SKIP_INSTALL=1 SKIP_SWIFT_TESTS=1 SKIP_POSTGRES=1 SKIP_BROWSER=1 SKIP_FUZZ=1 SKIP_OPERATIONS=1
# Tuning: FUZZ_MAX_EXAMPLES (default 50), FUZZ_SEED (default 1),
#         FUZZ_TIMEOUT seconds (default 2400: a safety net only; the work is bounded by
#         FUZZ_MAX_EXAMPLES, so a busy machine is slower but does not fail), E2E_PORT (default 8089).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi

SKIP_INSTALL="${SKIP_INSTALL:-0}"
SKIP_SWIFT_TESTS="${SKIP_SWIFT_TESTS:-0}"
SKIP_POSTGRES="${SKIP_POSTGRES:-0}"
SKIP_BROWSER="${SKIP_BROWSER:-0}"
SKIP_FUZZ="${SKIP_FUZZ:-0}"
SKIP_OPERATIONS="${SKIP_OPERATIONS:-0}"
E2E_HOST="127.0.0.1"
E2E_PORT="${E2E_PORT:-8089}"
BASE_URL="http://$E2E_HOST:$E2E_PORT"
FUZZ_MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-50}"
FUZZ_SEED="${FUZZ_SEED:-1}"
FUZZ_TIMEOUT="${FUZZ_TIMEOUT:-2400}"
FUZZ_EMAIL="coordinator.leiden@opstap.demo"
VENV="$REPO_ROOT/.venv"
RESULTS_DIR="$REPO_ROOT/test-results"

CURRENT_STEP="setup"
SERVER_PID=""
WORK_DIR=""
STARTED_POSTGRES=0
SCRIPT_START=$SECONDS

STEP_START=$SECONDS

# Each stage says how long the one before it took: the whole run must stay under 45 minutes on
# a busy two-core machine, and these lines show where the time goes.
step() {
    if [ "$CURRENT_STEP" != "setup" ]; then
        printf -- '---- %s took %ss\n' "$CURRENT_STEP" "$((SECONDS - STEP_START))"
    fi
    STEP_START=$SECONDS
    CURRENT_STEP="$*"
    printf '\n\033[1m==================== %s ====================\033[0m\n' "$*"
}

skip() {
    printf '\n---- skipped: %s (%s)\n' "$1" "$2"
}

stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

print_server_log() {
    if [ -n "$WORK_DIR" ] && [ -f "$WORK_DIR/server.log" ]; then
        echo "---- server log tail ($WORK_DIR/server.log) ----" >&2
        tail -n 80 "$WORK_DIR/server.log" >&2 || true
        echo "---- end of server log ----" >&2
    fi
}

on_exit() {
    local status=$?
    set +e
    stop_server
    if [ "$status" -ne 0 ]; then
        print_server_log
        [ -n "$WORK_DIR" ] && echo "server working directory kept for debugging: $WORK_DIR" >&2
    elif [ -n "$WORK_DIR" ]; then
        rm -rf "$WORK_DIR"
    fi
    if [ "$STARTED_POSTGRES" -eq 1 ]; then
        "$REPO_ROOT/scripts/postgres.sh" stop >/dev/null 2>&1
    fi
    local elapsed=$((SECONDS - SCRIPT_START))
    printf -- '---- %s took %ss\n' "$CURRENT_STEP" "$((SECONDS - STEP_START))"
    if [ "$status" -eq 0 ]; then
        printf '\n\033[1;32mALL TESTS PASSED\033[0m (%ss)\n' "$elapsed"
    else
        printf '\n\033[1;31mFAILED during: %s\033[0m (exit %s, %ss)\n' "$CURRENT_STEP" "$status" "$elapsed" >&2
    fi
    exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Prints the HTTP status code of GET $1, or 000 when nothing answers.
http_status() {
    local py=python3
    [ -x "$VENV/bin/python" ] && py="$VENV/bin/python"
    "$py" - "$1" <<'EOF'
import sys, urllib.request, urllib.error
try:
    with urllib.request.urlopen(sys.argv[1], timeout=5) as r:
        print(r.status)
except urllib.error.HTTPError as e:
    print(e.code)
except Exception:
    print("000")
EOF
}

port_in_use() {
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

require_venv() {
    if [ ! -x "$VENV/bin/$1" ]; then
        echo "$VENV/bin/$1 missing: run scripts/install-test-deps.sh (or unset SKIP_INSTALL)" >&2
        exit 1
    fi
}

# ------------------------------------------------------------------- 0. lint
# The formatter's verdict comes first: it takes seconds, and a tree that is not formatted
# (.swift-format: 4 spaces, 120 columns) fails before anything is built.
step "1/9 swift format lint --strict"
swift format lint --strict --recursive --parallel Sources Tests Package.swift

# ---------------------------------------------------------------- 1. install
if [ "$SKIP_INSTALL" = "1" ]; then
    skip "install test dependencies" "SKIP_INSTALL=1"
else
    step "2/9 Install test dependencies"
    "$REPO_ROOT/scripts/install-test-deps.sh"
fi

# ------------------------------------------------------- 2. swift test / SQLite
step "3/9 swift build --build-tests"
swift --version
swift build --build-tests

if [ "$SKIP_SWIFT_TESTS" = "1" ]; then
    skip "swift test against SQLite" "SKIP_SWIFT_TESTS=1"
else
    step "4/9 swift test (SQLite)"
    # Every API call of the suite is checked against openapi.yaml; the operations called
    # successfully are written down, and then every operation of the spec must be among them
    # or listed in APICoverageTests (ADR 0002).
    mkdir -p "$RESULTS_DIR"
    API_EXERCISED="$RESULTS_DIR/api-exercised.txt"
    rm -f "$API_EXERCISED"
    env -u DATABASE_URL OPSTAP_API_EXERCISED="$API_EXERCISED" swift test --skip-build
    env -u DATABASE_URL OPSTAP_API_EXERCISED="$API_EXERCISED" OPSTAP_API_COVERAGE_CHECK=1 \
        swift test --skip-build --filter APICoverageTests
fi

# ---------------------------------------------------- 3. swift test / Postgres
if [ "$SKIP_POSTGRES" = "1" ]; then
    skip "swift test against PostgreSQL" "SKIP_POSTGRES=1"
else
    step "5/9 swift test (PostgreSQL)"
    if ! "$REPO_ROOT/scripts/postgres.sh" status >/dev/null 2>&1; then
        STARTED_POSTGRES=1
    fi
    "$REPO_ROOT/scripts/postgres.sh" start
    DATABASE_URL="$("$REPO_ROOT/scripts/postgres.sh" url)" swift test --skip-build
fi

# ------------------------------------------------------------ 4. running server
if [ "$SKIP_BROWSER" = "1" ] && [ "$SKIP_FUZZ" = "1" ] && [ "$SKIP_OPERATIONS" = "1" ]; then
    skip "server-based tests (browser, fuzz, operations)" "SKIP_BROWSER=1 SKIP_FUZZ=1 SKIP_OPERATIONS=1"
    exit 0
fi

step "6/9 Build and start the server on $BASE_URL"
swift build --product opstap
BIN_DIR="$(swift build --show-bin-path)"
OPSTAP_BIN="$BIN_DIR/opstap"
if [ ! -x "$OPSTAP_BIN" ]; then
    echo "executable not found: $OPSTAP_BIN" >&2
    exit 1
fi
if port_in_use "$E2E_HOST" "$E2E_PORT"; then
    echo "port $E2E_PORT on $E2E_HOST is already in use; stop whatever listens there (or set E2E_PORT)" >&2
    exit 1
fi

WORK_DIR="$(mktemp -d /tmp/opstap-e2e.XXXXXX)"
echo "server working directory: $WORK_DIR"
(
    cd "$WORK_DIR"
    exec env -u DATABASE_URL "$OPSTAP_BIN" serve --hostname "$E2E_HOST" --port "$E2E_PORT"
) >"$WORK_DIR/server.log" 2>&1 </dev/null &
SERVER_PID=$!

echo -n "waiting for $BASE_URL/health "
deadline=$((SECONDS + 120))
while :; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo
        echo "server exited before becoming healthy" >&2
        SERVER_PID=""
        exit 1
    fi
    code="$(http_status "$BASE_URL/health")"
    if [ "$code" = "200" ]; then
        echo " ok"
        break
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        echo
        echo "server not healthy after 120 s (last status: $code)" >&2
        exit 1
    fi
    echo -n "."
    sleep 1
done

# ------------------------------------------------------------- browser tests
if [ "$SKIP_BROWSER" = "1" ]; then
    skip "browser tests" "SKIP_BROWSER=1"
else
    step "7/9 Browser tests (pytest + Playwright + axe)"
    require_venv pytest
    pytest_status=0
    # test_real_installation.py starts servers of its own on empty databases (SQLite, and
    # PostgreSQL when the Swift stage started one) from the same binary.
    E2E_POSTGRES_URL=""
    if [ "$SKIP_POSTGRES" != "1" ]; then E2E_POSTGRES_URL="$("$REPO_ROOT/scripts/postgres.sh" url)"; fi
    OPSTAP_BASE_URL="$BASE_URL" OPSTAP_BIN="$OPSTAP_BIN" OPSTAP_E2E_POSTGRES_URL="$E2E_POSTGRES_URL" \
        "$VENV/bin/pytest" -q -p no:cacheprovider tests/browser || pytest_status=$?
    if [ "$pytest_status" -eq 5 ]; then
        echo "no browser tests were collected in tests/browser (use SKIP_BROWSER=1 to skip them)" >&2
    fi
    if [ "$pytest_status" -ne 0 ]; then
        exit "$pytest_status"
    fi
fi

# -------------------------------------------------------------- API fuzzing
if [ "$SKIP_FUZZ" = "1" ]; then
    skip "API fuzzing" "SKIP_FUZZ=1"
else
    step "8/9 API fuzzing (schemathesis)"
    require_venv schemathesis
    TOKEN="$(cd "$WORK_DIR" && env -u DATABASE_URL "$OPSTAP_BIN" token create --email "$FUZZ_EMAIL" --name fuzz 2>>"$WORK_DIR/token.log" </dev/null)"
    TOKEN="$(printf '%s' "$TOKEN" | tr -d '[:space:]')"
    if [ -z "$TOKEN" ]; then
        echo "'opstap token create' printed no token; its stderr:" >&2
        cat "$WORK_DIR/token.log" >&2 || true
        exit 1
    fi
    mkdir -p "$RESULTS_DIR/schemathesis"
    FUZZ_ARGS=(
        run "$BASE_URL/api/v1/openapi.json"
        --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance
        --max-examples "$FUZZ_MAX_EXAMPLES"
        --seed "$FUZZ_SEED"
        --workers 1
        --request-timeout 10
        --wait-for-schema 30
        --generation-database none
        --report junit
        --report-dir "$RESULTS_DIR/schemathesis"
        --no-color
    )
    echo "schemathesis ${FUZZ_ARGS[*]} --header 'Authorization: Bearer ***'"
    # Run from the temp dir so schemathesis/hypothesis caches stay out of the repo.
    (
        cd "$WORK_DIR"
        timeout --kill-after=30 "$FUZZ_TIMEOUT" \
            "$VENV/bin/schemathesis" "${FUZZ_ARGS[@]}" --header "Authorization: Bearer $TOKEN"
    )
fi

# ---------------------------------------------------------- operations tests
if [ "$SKIP_OPERATIONS" = "1" ]; then
    skip "operations tests" "SKIP_OPERATIONS=1"
else
    step "9/9 Operations tests (shutdown under load, two servers behind nginx, backups)"
    require_venv pytest
    # Servers of their own, on their own ports and folders; the two-server and PostgreSQL
    # backup tests need the PostgreSQL of stage 4 (skipped without it).
    E2E_POSTGRES_URL=""
    if [ "$SKIP_POSTGRES" != "1" ]; then E2E_POSTGRES_URL="$("$REPO_ROOT/scripts/postgres.sh" url)"; fi
    OPSTAP_BIN="$OPSTAP_BIN" OPSTAP_E2E_POSTGRES_URL="$E2E_POSTGRES_URL" \
        "$VENV/bin/pytest" -q -p no:cacheprovider tests/operations
fi
