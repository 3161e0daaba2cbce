#!/usr/bin/env bash
# Throwaway PostgreSQL server for tests, independent of Debian's default cluster.
#
#   scripts/postgres.sh start   # init (if needed) + start + ensure role/db; idempotent
#   scripts/postgres.sh stop    # stop the server (data directory is kept)
#   scripts/postgres.sh status  # exit 0 if running
#   scripts/postgres.sh url     # print the DATABASE_URL for the test database
#
# Env: PGPORT_OPSTAP (default 55432), OPSTAP_PG_DIR (default /dev/shm/opstap-pg where there is
# shared memory, else /tmp/opstap-pg).
# Listens on 127.0.0.1 only; role opstap/opstap (superuser); database opstap_test.
set -euo pipefail

PORT="${PGPORT_OPSTAP:-55432}"
# In memory where the machine has it: every test copies a template database, and creating its
# hundreds of files on a disk file system cost more CPU than the copy itself.
if [ -z "${OPSTAP_PG_DIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
    DATA_DIR="/dev/shm/opstap-pg"
else
    DATA_DIR="${OPSTAP_PG_DIR:-/tmp/opstap-pg}"
fi
LOG_FILE="$DATA_DIR/server.log"
SOCKET_DIR="$DATA_DIR"
DB_USER="opstap"
DB_PASSWORD="opstap"
DB_NAME="opstap_test"

usage() {
    echo "usage: $0 start|stop|status|url" >&2
    exit 2
}

pg_bin_dir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$dir" ] || [ ! -x "$dir/pg_ctl" ]; then
        echo "PostgreSQL server binaries not found (run scripts/install-test-deps.sh)" >&2
        exit 1
    fi
    echo "$dir"
}

# Run a command as the OS user that owns the cluster: `postgres` when we are root
# (the server refuses to run as root), otherwise the current user.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

pg_owner() {
    if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

is_running() {
    [ -f "$DATA_DIR/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1
}

superuser_psql() {
    # Connect through the unix socket in the data directory as the bootstrap superuser.
    as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PORT" -d postgres "$@"
}

init_cluster() {
    local major
    major="$(basename "$(dirname "$PG_BIN")")"
    if [ -f "$DATA_DIR/PG_VERSION" ] && [ "$(cat "$DATA_DIR/PG_VERSION")" = "$major" ]; then
        return 0
    fi
    echo "Initialising throwaway PostgreSQL $major cluster in $DATA_DIR"
    rm -rf "$DATA_DIR"
    mkdir -p "$DATA_DIR"
    chown "$(pg_owner)" "$DATA_DIR"
    chmod 700 "$DATA_DIR"
    as_pg "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    # Speed over durability: this server only ever holds test data.
    cat >>"$DATA_DIR/postgresql.conf" <<'EOF'

# --- opstap throwaway test server ---
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
}

start_server() {
    # Swift Testing runs every suite at once, each with its own server and connection pool:
    # allow enough connections (also for data directories created with a lower limit).
    local opts="-c listen_addresses=127.0.0.1 -p $PORT -k $SOCKET_DIR -c max_connections=600"
    if ! as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -o "$opts" -w -t 60 start >/dev/null; then
        # A stale postmaster.pid (e.g. after a reboot that kept /tmp) can block the start.
        if [ -f "$DATA_DIR/postmaster.pid" ] && ! as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; then
            rm -f "$DATA_DIR/postmaster.pid"
            as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -o "$opts" -w -t 60 start >/dev/null && return 0
        fi
        echo "PostgreSQL failed to start; log tail ($LOG_FILE):" >&2
        tail -n 30 "$LOG_FILE" >&2 || true
        exit 1
    fi
}

ensure_role_and_db() {
    superuser_psql <<EOF
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
        CREATE ROLE $DB_USER LOGIN SUPERUSER PASSWORD '$DB_PASSWORD';
    ELSE
        ALTER ROLE $DB_USER LOGIN SUPERUSER PASSWORD '$DB_PASSWORD';
    END IF;
END
\$\$;
EOF
    if [ "$(superuser_psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]; then
        superuser_psql -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
    fi
}

cmd_start() {
    PG_BIN="$(pg_bin_dir)"
    if is_running; then
        # Running, but maybe on another port (PGPORT_OPSTAP changed): restart on ours.
        if ! as_pg "$PG_BIN/pg_isready" -q -h "$SOCKET_DIR" -p "$PORT" >/dev/null 2>&1; then
            echo "PostgreSQL in $DATA_DIR runs on another port; restarting on $PORT"
            as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null
            start_server
        fi
    else
        init_cluster
        start_server
    fi
    ensure_role_and_db
    echo "PostgreSQL ready: $(cmd_url)"
}

cmd_stop() {
    PG_BIN="$(pg_bin_dir)"
    if is_running; then
        as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m fast -w -t 60 stop >/dev/null
        echo "PostgreSQL stopped."
    else
        echo "PostgreSQL not running."
    fi
}

cmd_status() {
    PG_BIN="$(pg_bin_dir)"
    if is_running; then
        echo "running: $(cmd_url)"
    else
        echo "not running"
        return 1
    fi
}

cmd_url() {
    # Loopback without TLS: saying so spares every connection a TLS context (loading the
    # system trust roots costs tens of milliseconds each time, and the tests open hundreds).
    echo "postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME?sslmode=disable"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) cmd_url ;;
    *) usage ;;
esac
