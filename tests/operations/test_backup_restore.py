"""A backup taken while the app writes restores with every write acknowledged before it.

SQLite: twenty clients keep writing notes through the API while `opstap backup FILE` runs
next to the server. After the server stops, `opstap restore FILE` puts the copy in place and
a server started on it shows every note acknowledged (201) before the backup began — and the
copy passes SQLite's integrity check.

PostgreSQL (when $OPSTAP_E2E_POSTGRES_URL is set): the README's procedure, `pg_dump -Fc`
under the same load and `pg_restore` into a new database, with the same check.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest

from servers import Server, base_env, binary, json_request, new_folder, request

WRITERS = 20
EMAIL = "coach.kansrijk@opstap.demo"
POSTGRES = os.environ.get("OPSTAP_E2E_POSTGRES_URL", "")


class WriteLoad:
    """Writers that post notes until stopped and remember when each was acknowledged."""

    def __init__(self, server: Server, token: str, enrolments: list[str], prefix: str):
        self.server, self.token, self.enrolments, self.prefix = server, token, enrolments, prefix
        self.acknowledged: list[tuple[float, str]] = []
        self.sent: dict[str, float] = {}  # when each request left, acknowledged or not
        self.failures: list[str] = []
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._write, args=(n,)) for n in range(WRITERS)]

    def _write(self, worker: int) -> None:
        deadline = time.monotonic() + 300  # bounded whatever happens
        n = 0
        while not self.stop.is_set() and time.monotonic() < deadline:
            n += 1
            text = f"{self.prefix}-{worker}-{n}"
            enrolment = self.enrolments[(worker + n) % len(self.enrolments)]
            with self.lock:
                self.sent[text] = time.monotonic()
            status, _, body = request(self.server.base_url, "POST", f"/api/v1/enrolments/{enrolment}/notes",
                                      body={"text": text, "level": "partners"}, token=self.token, timeout=120)
            with self.lock:
                if status == 201:
                    self.acknowledged.append((time.monotonic(), text))
                else:
                    self.failures.append(f"{status} {body[:200]!r}")

    def __enter__(self) -> "WriteLoad":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=180)

    def acknowledged_before(self, moment: float) -> list[str]:
        with self.lock:
            return [text for at, text in self.acknowledged if at < moment]


def _wait_for_writes(load: WriteLoad, count: int) -> None:
    for _ in range(600):
        with load.lock:
            if len(load.acknowledged) >= count:
                return
        time.sleep(0.1)
    raise AssertionError(f"writes did not get going: {len(load.acknowledged)} acknowledged, failures {load.failures[:3]}")


def _start_with_load(server: Server, prefix: str):
    server.start().wait_healthy()
    token = server.token(EMAIL)
    enrolments = [e["id"] for e in json_request(server.base_url, "GET", "/api/v1/enrolments?pageSize=100", token=token)["items"]]
    return token, enrolments


def test_an_sqlite_backup_under_write_load_restores_every_acknowledged_write():
    folder = new_folder("opstap-backup-")
    server = Server(folder, base_env(OPSTAP_DEMO_DATA="true"))
    backup = folder / "backups" / "opstap-backup.sqlite"
    backup.parent.mkdir()
    try:
        token, enrolments = _start_with_load(server, "sqlite")
        with WriteLoad(server, token, enrolments, "backup-note") as load:
            _wait_for_writes(load, 60)
            began = time.monotonic()
            output = server.command("backup", str(backup))
            ended = time.monotonic()
            _wait_for_writes(load, len(load.acknowledged_before(ended)) + 40)  # writes went on meanwhile
        assert not load.failures, load.failures[:5]
        before = load.acknowledged_before(began)
        assert len(before) >= 60 and "Backed up to" in output

        copy = sqlite3.connect(backup)
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        copy.close()
        # A second backup to the same file is refused rather than overwriting it.
        refused = subprocess.run([binary(), "backup", str(backup)], cwd=folder, env=server.env,
                                 capture_output=True, text=True, timeout=300)
        assert refused.returncode != 0 and "exists already" in refused.stdout + refused.stderr

        server.terminate()
        assert server.wait(timeout=60) == 0
        restored_output = server.command("restore", str(backup))
        assert "Restored" in restored_output and "before-restore" in restored_output
        assert list((folder / "data").glob("opstap.sqlite.before-restore-*")), "the previous database was not kept"

        # A server on the restored database shows every note acknowledged before the backup.
        server.start(log_name="server-restored.log").wait_healthy()
        database = sqlite3.connect(folder / "data" / "opstap.sqlite")
        stored = {row[0] for row in database.execute("SELECT text FROM notes WHERE text LIKE 'backup-note-%'")}
        database.close()
        missing = [text for text in before if text not in stored]
        assert not missing, f"{len(missing)} of {len(before)} acknowledged notes missing after restore"
        _, _, body = request(server.base_url, "GET", "/api/v1/enrolments?pageSize=1", token=token)
        assert json.loads(body)["items"], "the restored server answers for the same user and token"
        # Nothing sent after the backup ended: the restored file is the copy, not the old one. (A note
        # sent during the backup may be in the copy though acknowledged after it ended.)
        after = {text for at, text in load.acknowledged if load.sent[text] > ended}
        assert after and not (after & stored)
    finally:
        server.kill()


@pytest.mark.skipif(not POSTGRES, reason="needs OPSTAP_E2E_POSTGRES_URL (a PostgreSQL server)")
def test_the_documented_postgresql_backup_under_write_load_restores_every_acknowledged_write():
    source_db = "opstap_backup_" + secrets.token_hex(4)
    target_db = source_db + "_restored"
    base = POSTGRES.rsplit("/", 1)[0]
    subprocess.run(["psql", POSTGRES, "-q", "-c", f"CREATE DATABASE {source_db}"], check=True)
    folder = new_folder("opstap-pgbackup-")
    dump = folder / "opstap.dump"
    server = Server(folder, base_env(DATABASE_URL=f"{base}/{source_db}", OPSTAP_DEMO_DATA="true"))
    restored = None
    try:
        token, enrolments = _start_with_load(server, "postgres")
        with WriteLoad(server, token, enrolments, "pgbackup-note") as load:
            _wait_for_writes(load, 60)
            began = time.monotonic()
            # As in the README: a consistent snapshot in PostgreSQL's custom format.
            subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", f"{base}/{source_db}"], check=True, timeout=600)
            ended = time.monotonic()
            _wait_for_writes(load, len(load.acknowledged_before(ended)) + 40)
        assert not load.failures, load.failures[:5]
        before = load.acknowledged_before(began)

        subprocess.run(["psql", POSTGRES, "-q", "-c", f"CREATE DATABASE {target_db}"], check=True)
        subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={base}/{target_db}", str(dump)], check=True, timeout=600)
        restored = Server(new_folder("opstap-pgrestored-"), base_env(DATABASE_URL=f"{base}/{target_db}", OPSTAP_DEMO_DATA="true"))
        restored.start().wait_healthy()
        rows = subprocess.run(["psql", f"{base}/{target_db}", "-X", "-q", "-t", "-A", "-c",
                               "SELECT text FROM notes WHERE text LIKE 'pgbackup-note-%'"],
                              check=True, capture_output=True, text=True).stdout.split()
        stored = set(rows)
        missing = [text for text in before if text not in stored]
        assert len(before) >= 60 and not missing, f"{len(missing)} of {len(before)} acknowledged notes missing after restore"
        assert json_request(restored.base_url, "GET", "/api/v1/enrolments?pageSize=1", token=token)["items"]
    finally:
        server.kill()
        if restored:
            restored.kill()
        for name in (source_db, target_db):
            subprocess.run(["psql", POSTGRES, "-q", "-c", f"DROP DATABASE IF EXISTS {name}"])
