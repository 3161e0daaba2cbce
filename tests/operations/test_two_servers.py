"""Two app servers on one PostgreSQL behind nginx, as the README describes.

Both servers start at the same moment on an empty database; both come up, and the
migrations and the demo ran once. Through nginx (round robin, so consecutive requests land on
different servers): a sign-in holds on both, the setup token one server printed works on the
other, and concurrent writes lose nothing.

Needs $OPSTAP_E2E_POSTGRES_URL (scripts/test.sh sets it) and nginx
(scripts/install-test-deps.sh installs it).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests

from servers import Server, base_env, free_port, json_request, new_folder, totp

POSTGRES = os.environ.get("OPSTAP_E2E_POSTGRES_URL", "")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(not POSTGRES, reason="needs OPSTAP_E2E_POSTGRES_URL (a PostgreSQL server)")

PASSWORD = "opstap-demo"


def _psql(url: str, sql: str) -> str:
    done = subprocess.run(["psql", url, "-X", "-q", "-t", "-A", "-c", sql], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


class Cluster:
    """A fresh database, two servers on it and nginx in front of them."""

    def __init__(self, demo: bool):
        self.database = "opstap_two_" + secrets.token_hex(4)
        _psql(POSTGRES, f"CREATE DATABASE {self.database}")
        self.url = POSTGRES.rsplit("/", 1)[0] + "/" + self.database
        env = base_env(DATABASE_URL=self.url, OPSTAP_DEMO_DATA="true" if demo else "false")
        self.servers = [Server(new_folder("opstap-two-"), env) for _ in range(2)]
        self.folder = new_folder("opstap-nginx-")
        self.port = free_port()
        self.nginx: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Cluster":
        # Together: neither waits for the other to have migrated.
        for server in self.servers:
            server.start()
        for server in self.servers:
            server.wait_healthy()
        self._start_nginx()
        return self

    def _start_nginx(self) -> None:
        upstreams = "\n".join(f"        server 127.0.0.1:{s.port};" for s in self.servers)
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.folder / name).mkdir()
        config = self.folder / "nginx.conf"
        config.write_text(f"""
worker_processes 1;
pid {self.folder}/nginx.pid;
error_log {self.folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {self.folder}/client_body;
    proxy_temp_path {self.folder}/proxy;
    fastcgi_temp_path {self.folder}/fastcgi;
    uwsgi_temp_path {self.folder}/uwsgi;
    scgi_temp_path {self.folder}/scgi;
    upstream opstap {{
{upstreams}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{self.port};
        client_max_body_size 20m;
        location / {{
            proxy_pass http://opstap;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
""")
        self.nginx = subprocess.Popen([NGINX, "-p", str(self.folder), "-c", str(config), "-g", "daemon off;"],
                                      stdout=subprocess.DEVNULL, stderr=open(self.folder / "nginx.out", "w"))
        for _ in range(100):
            assert self.nginx.poll() is None, (self.folder / "nginx.out").read_text() + (self.folder / "error.log").read_text()
            try:
                if requests.get(self.base_url + "/health", timeout=5).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        raise AssertionError("nginx did not answer")

    def stop(self) -> None:
        if self.nginx and self.nginx.poll() is None:
            self.nginx.terminate()
            self.nginx.wait(timeout=30)
        for server in self.servers:
            if server.process and server.process.poll() is None:
                server.terminate()
                try:
                    server.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    server.kill()
        _psql(POSTGRES, f"DROP DATABASE IF EXISTS {self.database}")


@pytest.fixture
def cluster_factory():
    clusters: list[Cluster] = []

    def make(demo: bool) -> Cluster:
        cluster = Cluster(demo)
        clusters.append(cluster)
        return cluster.start()

    yield make
    for cluster in clusters:
        cluster.stop()


def _csrf(html: str) -> str:
    field = re.search(r'<input[^>]*name="_csrf"[^>]*>', html)
    assert field, "no CSRF field on the page"
    return re.search(r'value="([^"]+)"', field.group(0)).group(1)


def _upstreams(responses: list[requests.Response]) -> set[str]:
    return {r.headers.get("X-Upstream") for r in responses}


def test_two_servers_start_together_on_an_empty_database_and_a_token_from_one_sets_up_through_the_other(cluster_factory):
    cluster = cluster_factory(demo=False)
    first, second = cluster.servers
    for server in cluster.servers:
        assert "already exists" not in server.log(), server.log()[-3000:]
    # They met: one prepared the database while the other waited for its lock.
    assert any("Another app server is preparing the database" in s.log() for s in cluster.servers)
    # Migrations ran once: every migration is recorded once.
    assert _psql(cluster.url, "SELECT count(*) - count(DISTINCT name) FROM _fluent_migrations") == "0"
    token = re.search(r"/setup\?token=([A-Za-z0-9_\-]+)", first.log()).group(1)

    # Straight to the second server, with the first one's token.
    browser = requests.Session()
    page = browser.get(second.base_url + "/setup")
    assert page.status_code == 200
    done = browser.post(second.base_url + "/setup", allow_redirects=False, data={
        "_csrf": _csrf(page.text), "token": token, "organisationName": "Gemeente Voorbeeld", "kind": "municipality",
        "city": "Leiden", "name": "Eerste Beheerder", "email": "beheer@voorbeeld.nl", "password": "een-lang-wachtwoord-2026",
    })
    assert done.status_code == 303, done.text[:2000]
    assert _psql(cluster.url, "SELECT name FROM organisations") == "Gemeente Voorbeeld"
    # Setup is done everywhere: the first server no longer offers it.
    assert requests.get(first.base_url + "/setup").status_code == 404


def test_behind_nginx_a_sign_in_holds_on_both_servers_and_concurrent_writes_lose_nothing(cluster_factory):
    cluster = cluster_factory(demo=True)
    # The demo was loaded once, not once per server.
    assert _psql(cluster.url, "SELECT count(*) FROM organisations WHERE name = 'Gemeente Leiden'") == "1"
    assert _psql(cluster.url, "SELECT count(*) FROM users WHERE email = 'coach.kansrijk@opstap.demo'") == "1"

    browser = requests.Session()
    login = browser.get(cluster.base_url + "/login")
    signed_in = browser.post(cluster.base_url + "/login", allow_redirects=False, data={
        "_csrf": _csrf(login.text), "email": "coach.kansrijk@opstap.demo", "password": PASSWORD})
    # Coaches see personal data, so the first sign-in sets up the authenticator (ADR 0009).
    assert signed_in.status_code == 303 and signed_in.headers["Location"] == "/account/mfa", signed_in.text[:1000]
    setup = browser.get(cluster.base_url + "/account/mfa")
    secret = re.search(r'data-secret="([A-Z2-7]+)"', setup.text).group(1)
    confirmed = browser.post(cluster.base_url + "/account/mfa", allow_redirects=False, data={
        "_csrf": _csrf(setup.text), "code": totp(secret, int(time.time() // 30))})
    assert confirmed.status_code in (200, 303), confirmed.text[:1000]
    pages = [browser.get(cluster.base_url + "/participants", allow_redirects=False) for _ in range(8)]
    assert [p.status_code for p in pages] == [200] * 8, [(p.status_code, p.headers.get("Location")) for p in pages]
    assert len(_upstreams(pages)) == 2, _upstreams(pages)
    assert all("Uitloggen" in p.text for p in pages)
    # Signing out on one server ends the session on both (the CSRF token of a page from one
    # server is accepted by the other one, too: the session lives in the database).
    assert browser.post(cluster.base_url + "/logout", data={"_csrf": _csrf(pages[-1].text)}, allow_redirects=False).status_code == 303
    after = [browser.get(cluster.base_url + "/participants", allow_redirects=False) for _ in range(4)]
    assert [(p.status_code, p.headers.get("Location")) for p in after] == [(303, "/login")] * 4
    assert len(_upstreams(after)) == 2

    token = cluster.servers[0].token("coach.kansrijk@opstap.demo")
    enrolments = [e["id"] for e in json_request(cluster.base_url, "GET", "/api/v1/enrolments?pageSize=100", token=token)["items"]]
    results: list[tuple[int, str]] = []
    upstreams: set[str] = set()
    lock = threading.Lock()

    def write(worker: int) -> None:
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {token}"
        for n in range(10):
            text = f"two-servers-{worker}-{n}"
            response = session.post(f"{cluster.base_url}/api/v1/enrolments/{enrolments[(worker + n) % len(enrolments)]}/notes",
                                    json={"text": text, "level": "partners"}, timeout=120)
            with lock:
                results.append((response.status_code, text))
                upstreams.add(response.headers.get("X-Upstream"))

    threads = [threading.Thread(target=write, args=(w,)) for w in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert sorted({status for status, _ in results}) == [201], [r for r in results if r[0] != 201][:5]
    assert len(upstreams) == 2, upstreams
    stored = _psql(cluster.url, "SELECT text FROM notes WHERE text LIKE 'two-servers-%' ORDER BY text").splitlines()
    assert sorted(stored) == sorted(text for _, text in results)
    assert len(stored) == 200
