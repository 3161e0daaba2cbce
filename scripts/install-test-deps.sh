#!/usr/bin/env bash
# Installs everything the test suite needs beyond the Swift toolchain:
#   - Debian packages: PostgreSQL (server binaries), Chromium (+ fonts) for browser tests,
#     nginx (the load balancer in front of two app servers in tests/operations)
#   - a Python venv at .venv/ with pytest, playwright, axe-playwright-python, schemathesis, requests,
#     and numpy + scipy (scripts/lsap_reference.py, the reference for MinCostAssignment)
# Idempotent: installs only what is missing. Never runs `playwright install`
# (browser downloads are impossible here); the tests use /usr/bin/chromium.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

log() { printf '\n==> %s\n' "$*"; }

# Python packages, pinned so every machine runs the same tool versions.
# (schemathesis 4.x CLI flags are used by scripts/test.sh.)
PY_REQUIREMENTS=(
    "pytest==9.2.0"
    "playwright==1.65.2"
    "axe-playwright-python==0.1.8"
    "schemathesis==4.32.5"
    "requests==2.34.2"
    "numpy==2.4.6"
    "scipy==1.17.1"
    "oidc-provider-mock==0.3.4"
)

APT_PACKAGES=(
    postgresql
    nginx
    chromium
    fonts-liberation
    fonts-dejavu-core
    fonts-noto-core
    ca-certificates
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

apt_updated=0
apt_install() {
    # apt_install PKG... : install only the packages not yet installed
    local missing=()
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if [ "$apt_updated" -eq 0 ]; then
        $SUDO apt-get update -q
        apt_updated=1
    fi
    $SUDO apt-get install -y -q --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
        "${missing[@]}" </dev/null
}

log "Debian packages"
apt_install "${APT_PACKAGES[@]}"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin" >&2
    exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
    echo "/usr/bin/chromium not found after installing the chromium package" >&2
    exit 1
fi

log "Python venv at .venv/"
VENV="$REPO_ROOT/.venv"
PYTHON="${PYTHON:-python3}"
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    apt_install python3
    PYTHON=/usr/bin/python3
fi
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    rm -rf "$VENV"
    if ! "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then
        # Debian's python3 ships venv/ensurepip separately.
        rm -rf "$VENV"
        apt_install python3-venv python3-pip
        PYTHON=/usr/bin/python3
        "$PYTHON" -m venv "$VENV"
    fi
fi

# Skip pip entirely when the venv already holds exactly these requirements.
STAMP="$VENV/.opstap-requirements"
WANTED="$(printf '%s\n' "${PY_REQUIREMENTS[@]}")"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANTED" ] \
    && "$VENV/bin/python" -c 'import pytest, playwright, axe_playwright_python, schemathesis, requests, numpy, scipy, oidc_provider_mock' >/dev/null 2>&1; then
    echo "Python requirements already installed."
else
    log "pip install ${PY_REQUIREMENTS[*]}"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${PY_REQUIREMENTS[@]}"
    printf '%s\n' "$WANTED" >"$STAMP"
fi

log "Versions"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
"$PG_BIN/postgres" --version
/usr/bin/chromium --version 2>/dev/null || true
"$VENV/bin/python" --version
"$VENV/bin/pytest" --version
"$VENV/bin/python" - <<'EOF'
from importlib.metadata import version
for name in ("playwright", "axe-playwright-python", "schemathesis", "requests", "numpy", "scipy"):
    print(f"{name} {version(name)}")
EOF
