"""Starting and stopping real Opstap servers for the operations tests.

Every test here runs the server binary ($OPSTAP_BIN, else .build/debug/opstap) as an
operator would: its own working folder, its own port on 127.0.0.1, configuration through the
environment, and SIGTERM to stop it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import os
import signal
import socket
import struct
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def binary() -> str:
    return os.environ.get("OPSTAP_BIN") or str(REPO / ".build" / "debug" / "opstap")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "OPSTAP_DEMO_DATA")}
    env["OPSTAP_BCRYPT_COST"] = "4"
    env.update(extra)
    return env


@dataclass
class Server:
    """One `opstap serve` process."""

    folder: Path
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    log_path: Path | None = None
    _log: object = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, log_name: str = "server.log") -> "Server":
        self.log_path = self.folder / log_name
        self._log = open(self.log_path, "a")
        self.process = subprocess.Popen(
            [binary(), "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
            cwd=self.folder, env=self.env, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        return self

    def log(self) -> str:
        return self.log_path.read_text() if self.log_path and self.log_path.exists() else ""

    def wait_healthy(self, attempts: int = 900) -> None:
        """Bounded by attempts (half a second each): migrating and loading the demo take a while."""
        for _ in range(attempts):
            assert self.process.poll() is None, f"server stopped (exit {self.process.returncode}):\n{self.log()[-4000:]}"
            try:
                status, _, _ = request(self.base_url, "GET", "/health", timeout=5)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError(f"server not healthy:\n{self.log()[-4000:]}")

    def terminate(self) -> float:
        """Sends SIGTERM; returns the moment it was sent (time.monotonic())."""
        sent = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        return sent

    def wait(self, timeout: float) -> int:
        try:
            return self.process.wait(timeout=timeout)
        finally:
            if self._log:
                self._log.close()
                self._log = None

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        if self._log:
            self._log.close()
            self._log = None

    def command(self, *args: str, input: str | None = None) -> str:
        """Runs another `opstap` command against the same database; returns its standard output."""
        done = subprocess.run([binary(), *args], cwd=self.folder, env=self.env, input=input,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"opstap {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def token(self, email: str) -> str:
        return self.command("token", "create", "--email", email, "--name", "operations-test").strip().split()[-1]


# Folders made for servers; conftest.py removes them when every test passed (kept for debugging otherwise).
CREATED_FOLDERS: list[Path] = []


def new_folder(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    CREATED_FOLDERS.append(folder)
    return folder


def request(base_url: str, method: str, path: str, body: object | None = None, token: str | None = None,
            headers: dict[str, str] | None = None, timeout: float = 60) -> tuple[int, dict[str, str], bytes]:
    """One request on a connection of its own; returns (status, headers, body)."""
    host, port = base_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        sent_headers = dict(headers or {})
        if token:
            sent_headers["Authorization"] = f"Bearer {token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            sent_headers["Content-Type"] = "application/json"
        connection.request(method, path, body=data, headers=sent_headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def json_request(base_url: str, method: str, path: str, body: object | None = None, token: str | None = None,
                 expect: int = 200, headers: dict[str, str] | None = None) -> dict:
    status, _, data = request(base_url, method, path, body=body, token=token, headers=headers)
    assert status == expect, f"{method} {path}: {status} {data[:500]!r}"
    return json.loads(data) if data else {}


def totp(secret_base32: str, step: int) -> str:
    """RFC 6238 code (HMAC-SHA1, 6 digits) for a 30-second time step."""
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"
