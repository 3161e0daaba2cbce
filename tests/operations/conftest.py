"""The operations tests start servers of their own from $OPSTAP_BIN (see servers.py)."""

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import servers  # noqa: E402


def pytest_sessionfinish(session, exitstatus):
    """Working folders (databases, logs, backups) go when everything passed."""
    if exitstatus == 0:
        for folder in servers.CREATED_FOLDERS:
            shutil.rmtree(folder, ignore_errors=True)
