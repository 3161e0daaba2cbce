#!/usr/bin/env python3
"""HTTP benchmark of a release `opstap serve` (issue 13, "Figures"). Python stdlib and wrk only.

1. fills a fresh folder (SQLite) or database (PostgreSQL) with `opstap bench lists --people N`
   (the demo, N candidates in the Leiden programme, a fifth of them enrolled, statistics and
   attention signals refreshed as the server's jobs would);
2. creates an API token for the Leiden coordinator, starts `opstap serve`, signs the same
   coordinator in through the web form (password, then the authenticator at first sign-in);
3. wrk at 64 connections: /health, one enrolment, the enrolment list (requests/s and the
   ratio to /health);
4. latency at a few connections for every list, a deep page, a dossier and the attention
   list, web page and API;
5. 200 connections of mixed authenticated reads for 60 s, sampling the server's RSS;
6. prints every figure next to its target, and writes results.md / results.json to the folder.

Run through scripts/bench-http.sh (it builds nothing; give it a release binary).
"""

from __future__ import annotations

import argparse
import datetime
import http.cookiejar
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
LUA = HERE / "bench_http.lua"
EMAIL = "coordinator.leiden@opstap.demo"
PASSWORD = "opstap-demo"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- talking to the server -------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: D401 - urllib hook
        return None


class Client:
    """A browser-like client: keeps cookies, does not follow redirects."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, method: str, path: str, data: dict | None = None, headers: dict | None = None,
                timeout: float = 60) -> tuple[int, dict, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        if body is not None:
            req.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with self.opener.open(req, timeout=timeout) as response:
                return response.status, response.headers, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)


def totp(secret_base32: str, step: int) -> str:
    """RFC 6238 code (HMAC-SHA1, 6 digits), as tests/browser/conftest.py computes it."""
    import base64
    import hashlib
    import hmac
    import struct

    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def csrf(html: str) -> str:
    field = re.search(r'<input[^>]*name="_csrf"[^>]*>', html)
    if not field:
        raise SystemExit("no CSRF field on the page")
    return re.search(r'value="([^"]+)"', field.group(0)).group(1)


def sign_in(base: str, folder: Path) -> str:
    """Signs the coordinator in through the form; sets up the authenticator on the first
    sign-in (staff roles must, ADR 0009). Returns the Cookie header value of the session."""
    client = Client(base)
    status, _, page = client.request("GET", "/login")
    status, headers, body = client.request("POST", "/login", {"_csrf": csrf(page), "email": EMAIL,
                                                              "password": PASSWORD})
    if status != 303:
        raise SystemExit(f"sign-in refused ({status}): {body[:500]}")
    location = headers.get("Location", "")
    if location == "/account/mfa":
        status, _, setup = client.request("GET", "/account/mfa")
        secret = re.search(r'data-secret="([A-Z2-7]+)"', setup).group(1)
        (folder / "mfa-secret.txt").write_text(secret)  # for --reuse
        status, _, body = client.request("POST", "/account/mfa", {"_csrf": csrf(setup),
                                                                 "code": totp(secret, int(time.time() // 30))})
        if status not in (200, 303):
            raise SystemExit(f"authenticator set-up refused ({status}): {body[:500]}")
    elif location.startswith("/login/mfa"):
        # --reuse: the authenticator was set up by an earlier run in this folder. A code is
        # used once; the server also takes the next step's.
        secret = (folder / "mfa-secret.txt").read_text().strip()
        status, _, page = client.request("GET", "/login/mfa")
        status, _, body = client.request("POST", "/login/mfa", {"_csrf": csrf(page),
                                                               "code": totp(secret, int(time.time() // 30) + 1)})
        if status not in (200, 303):
            raise SystemExit(f"authenticator code refused ({status}): {body[:500]}")
    value = client.cookie("opstap_session")
    if not value:
        raise SystemExit("no session cookie after sign-in")
    status, headers, _ = client.request("GET", "/participants")
    if status != 200:
        raise SystemExit(f"signed in, but /participants answers {status} {headers.get('Location')}")
    return f"opstap_session={value}"


# --- the server process ----------------------------------------------------------------------


class RSSSampler(threading.Thread):
    """Samples VmRSS of a process every 0.2 s; also reads VmHWM (peak since start)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_rss_kb = 0
        self.stop_event = threading.Event()

    def read(self) -> dict[str, int]:
        values = {}
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, value = line.split(":", 1)
                    values[key] = int(value.split()[0])
        return values

    def run(self) -> None:
        while not self.stop_event.is_set():
            try:
                self.peak_rss_kb = max(self.peak_rss_kb, self.read().get("VmRSS", 0))
            except OSError:
                return
            self.stop_event.wait(0.2)


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_per_request(pid: int, cpu_before: float, result: dict) -> float:
    """The server's CPU time per request of a phase, in ms: steadier than requests/s when the
    machine is shared (wrk takes its share of the same cores), and what a change saves."""
    return (cpu_seconds(pid) - cpu_before) * 1000 / max(1, result["requests"])


def wait_until_idle(pid: int, not_before: float, limit_s: float = 180) -> None:
    """Waits until the server has had its first audit sealing (10 s after start) and then uses
    under 5 % of a core for a whole second: the work a phase leaves behind (sealing the access-log
    rows of tens of thousands of reads takes seconds) must not be measured as the next phase's.
    Bounded by `limit_s` in case the server never goes quiet; says so when it did not."""
    while time.monotonic() < not_before:
        time.sleep(0.5)
    deadline = time.monotonic() + limit_s
    waited = time.monotonic()
    while time.monotonic() < deadline:
        before = cpu_seconds(pid)
        time.sleep(1)
        if cpu_seconds(pid) - before < 0.05:
            if time.monotonic() - waited > 3:
                log(f"  (waited {time.monotonic() - waited:.0f} s for the server to go quiet)")
            return
    log(f"  server still busy after {limit_s:.0f} s; measuring anyway")


def run_opstap(binary: str, args: list[str], folder: Path, env: dict, capture: bool = True) -> str:
    done = subprocess.run([binary, *args], cwd=folder, env=env, capture_output=capture, text=True,
                          stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise SystemExit(f"opstap {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return (done.stdout or "") + (done.stderr or "")


def psql(url: str, sql: str) -> str:
    done = subprocess.run(["psql", url, "-X", "-q", "-t", "-A", "-c", sql], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"psql failed: {done.stderr}")
    return done.stdout.strip()


# --- wrk ---------------------------------------------------------------------------------------


def wrk(base: str, paths: list[str], connections: int, seconds: int, token: str, cookie: str,
        threads: int = 2, count_status: bool = False, timeout_s: int = 10) -> dict:
    env = dict(os.environ, BENCH_PATHS=" ".join(paths), BENCH_TOKEN=token, BENCH_COOKIE=cookie,
               BENCH_COUNT_STATUS="1" if count_status else "0")
    threads = max(1, min(threads, connections))
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", f"{timeout_s}s",
               "-s", str(LUA), base + paths[0]]
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    line = next((l for l in done.stdout.splitlines() if l.startswith("BENCH_JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no result:\n{done.stdout}\n{done.stderr}")
    return json.loads(line[len("BENCH_JSON "):])


# --- the run -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the release opstap binary")
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL", ""),
                        help="a PostgreSQL database to create the benchmark database next to (superuser)")
    parser.add_argument("--folder", help="work folder (default .bench/http-ENGINE-PEOPLE)")
    parser.add_argument("--reuse", action="store_true", help="keep the population of an earlier run in the folder")
    parser.add_argument("--port", type=int, default=18100)
    parser.add_argument("--throughput-seconds", type=int, default=20)
    parser.add_argument("--latency-seconds", type=int, default=10)
    parser.add_argument("--latency-connections", type=int, default=1)
    parser.add_argument("--mix-seconds", type=int, default=60)
    parser.add_argument("--mix-connections", type=int, default=200)
    parser.add_argument("--profile-mix", metavar="FILE",
                        help="record the server with `perf record -g` during the mixed reads into FILE")
    options = parser.parse_args()

    binary = str(Path(options.binary).resolve())
    folder = Path(options.folder or f".bench/http-{options.engine}-{options.people}").resolve()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "OPSTAP_DEMO_DATA", "OPSTAP_DATA_DIR")}
    # The demo's passwords are hashed at load; the work factor changes the one sign-in, no read.
    env.setdefault("OPSTAP_BCRYPT_COST", "4")
    env["LOG_LEVEL"] = env.get("BENCH_LOG_LEVEL", "warning")
    database = f"opstap_bench_http_{options.people}"
    if options.engine == "postgres":
        if not options.postgres_url:
            raise SystemExit("--engine postgres needs --postgres-url (or BENCH_POSTGRES_URL)")
        env["DATABASE_URL"] = options.postgres_url.rsplit("/", 1)[0] + "/" + database

    if not options.reuse:
        shutil.rmtree(folder, ignore_errors=True)
        if options.engine == "postgres":
            psql(options.postgres_url, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            psql(options.postgres_url, f"CREATE DATABASE {database}")
    folder.mkdir(parents=True, exist_ok=True)

    log(f"opstap bench lists --people {options.people} ({options.engine}, folder {folder})")
    started = time.monotonic()
    lists_args = ["bench", "lists", "--people", str(options.people), "--runs", "3"]
    if options.reuse:
        lists_args.append("--reuse")
    lists_output = run_opstap(binary, lists_args, folder, env)
    fill_seconds = time.monotonic() - started
    print(lists_output.rstrip())
    token_output = run_opstap(binary, ["token", "create", "--email", EMAIL, "--name", f"bench-http-{time.time():.0f}"],
                              folder, env)
    token = re.search(r"opst_[A-Za-z0-9_\-]+", token_output).group(0)

    base = f"http://127.0.0.1:{options.port}"
    server_log = open(folder / "server.log", "a")
    server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(options.port)],
                              cwd=folder, env=env, stdout=server_log, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL)
    try:
        results = measure(options, base, server, token, folder)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
    results["fill_seconds"] = round(fill_seconds, 1)
    results["bench_lists_output"] = lists_output
    report(options, results, folder)


def total_text(page: dict) -> str:
    """A list's total as the API gives it: the big lists count up to 10,000 and then say "more"."""
    return ("more than " if page.get("totalIsLowerBound") else "") + f"{page['total']:,}"


def measure(options, base: str, server: subprocess.Popen, token: str, folder: Path) -> dict:
    # The server seals the audit logs 10 s after it starts and every minute after that.
    first_sealing = time.monotonic() + 12
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit(f"server stopped ({server.returncode}); see {folder / 'server.log'}")
        try:
            if Client(base).request("GET", "/health", timeout=5)[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.5)
    else:
        raise SystemExit("server did not become healthy")
    log(f"server {server.pid} healthy on {base}")
    cookie = sign_in(base, folder)
    api = Client(base)
    auth = {"Authorization": f"Bearer {token}"}

    def api_json(path: str) -> dict:
        status, _, body = api.request("GET", path, headers=auth)
        if status != 200:
            raise SystemExit(f"{path} answered {status}: {body[:500]}")
        return json.loads(body)

    enrolments = api_json("/api/v1/enrolments?pageSize=1")
    enrolment = enrolments["items"][0]["id"]
    candidates = api_json("/api/v1/candidates?pageSize=25")
    # A deep page: the middle of the coordinator's candidate list (page 1,000 at 50,000 people).
    # Beyond 10,000 the list's total is a lower bound; the generated people are its length then.
    length = options.people if candidates.get("totalIsLowerBound") else candidates["total"]
    deep = max(2, length // 25 // 2)
    # The same page as a reader reaches it, by the "next" of the page before (keyset paging).
    before_deep = api_json(f"/api/v1/candidates?pageSize=25&page={deep - 1}")
    after = before_deep.get("next")
    if not after:
        raise SystemExit(f"page {deep - 1} of the candidate list has no next")
    log(f"coordinator sees {total_text(candidates)} candidates and {total_text(enrolments)} enrolments; "
        f"deep page {deep}; dossier of enrolment {enrolment}")

    latency_paths = [
        ("candidate list, page 1", "web", "/candidates"),
        ("candidate list, page 1", "API", "/api/v1/candidates?pageSize=25"),
        (f"candidate list, page {deep}", "web", f"/candidates?page={deep}"),
        (f"candidate list, page {deep}", "API", f"/api/v1/candidates?pageSize=25&page={deep}"),
        (f"candidate list, page {deep} by its next link", "web", f"/candidates?page={deep}&after={after}"),
        (f"candidate list, page {deep} by its next link", "API",
         f"/api/v1/candidates?pageSize=25&page={deep}&after={after}"),
        ("participant list, page 1", "web", "/participants"),
        ("participant list, page 1", "API", "/api/v1/enrolments?pageSize=25"),
        ("dossier (one enrolment)", "web", f"/participants/{enrolment}"),
        ("dossier (one enrolment)", "API", f"/api/v1/enrolments/{enrolment}"),
        ("attention list, page 1", "web", "/attention"),
        ("attention list, page 1", "API", "/api/v1/attention"),
    ]
    # Every path answers 200 before anything is timed.
    browser = Client(base)
    for _, kind, path in latency_paths:
        headers = auth if kind == "API" else {"Cookie": cookie}
        status, response_headers, body = browser.request("GET", path, headers=headers)
        if status != 200:
            raise SystemExit(f"{path} answered {status} {response_headers.get('Location', '')}: {body[:300]}")
    all_paths = [p for _, _, p in latency_paths]
    log("warm-up: 5 s of every path at 4 connections")
    wrk(base, all_paths, 4, 5, token, cookie)

    results: dict = {"throughput": {}, "latency": [], "deep_page": deep, "enrolment": enrolment,
                     "candidates_total": total_text(candidates), "enrolments_total": total_text(enrolments)}
    for name, path in [("/health", "/health"), ("GET /api/v1/enrolments/{id}", f"/api/v1/enrolments/{enrolment}"),
                       ("GET /api/v1/enrolments", "/api/v1/enrolments")]:
        wait_until_idle(server.pid, first_sealing)
        log(f"throughput: {name}, 64 connections, {options.throughput_seconds} s")
        cpu_before = cpu_seconds(server.pid)
        result = wrk(base, [path], 64, options.throughput_seconds, token, cookie)
        result["cpu_ms_per_request"] = cpu_per_request(server.pid, cpu_before, result)
        results["throughput"][name] = result
        log(f"  {result['rps']:.0f} requests/s, p99 {result['p99_ms']:.1f} ms, "
            f"errors {result['status_errors']} status / {result['timeouts']} timeouts")

    for name, kind, path in latency_paths:
        wait_until_idle(server.pid, first_sealing)
        log(f"latency: {name} ({kind}), {options.latency_connections} connection(s), {options.latency_seconds} s")
        cpu_before = cpu_seconds(server.pid)
        result = wrk(base, [path], options.latency_connections, options.latency_seconds, token, cookie,
                     threads=1, count_status=True)
        result["cpu_ms_per_request"] = cpu_per_request(server.pid, cpu_before, result)
        results["latency"].append({"name": name, "kind": kind, "path": path, **result})
        log(f"  p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms ({result['requests']} requests, "
            f"{result['non2xx']} non-2xx)")

    wait_until_idle(server.pid, first_sealing)
    log(f"mixed reads: {options.mix_connections} connections, {options.mix_seconds} s, every path above and /health")
    sampler = RSSSampler(server.pid)
    before = sampler.read()
    sampler.start()
    profiler = None
    if options.profile_mix:
        profiler = subprocess.Popen(["perf", "record", "-g", "-p", str(server.pid), "-o", options.profile_mix],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    mix = wrk(base, all_paths, options.mix_connections, options.mix_seconds, token, cookie, count_status=True,
              timeout_s=5)
    if profiler:
        profiler.send_signal(signal.SIGINT)
        profiler.wait(timeout=60)
    sampler.stop_event.set()
    sampler.join()
    after = sampler.read()
    mix["non2xx_codes"] = " ".join(sorted(set(mix["non2xx_codes"].split())))
    mix.update(rss_before_mb=before["VmRSS"] / 1024, rss_peak_mb=max(sampler.peak_rss_kb, after["VmRSS"]) / 1024,
               rss_hwm_mb=after["VmHWM"] / 1024)
    results["mix"] = mix
    log(f"  {mix['rps']:.0f} requests/s, p99 {mix['p99_ms']:.1f} ms, non-2xx {mix['non2xx']}, "
        f"timeouts {mix['timeouts']}, peak RSS {mix['rss_peak_mb']:.0f} MB (VmHWM {mix['rss_hwm_mb']:.0f} MB)")
    return results


def report(options, results: dict, folder: Path) -> None:
    health = results["throughput"]["/health"]["rps"]
    rows: list[tuple[str, str, str, str]] = []

    def cpu(result: dict) -> str:
        return f"{result['cpu_ms_per_request']:.2f} ms CPU"

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    for name, result in results["throughput"].items():
        if name == "/health":
            rows.append((f"{name} at 64 connections", f"{result['rps']:,.0f} req/s, {cpu(result)}", "(reference)", ""))
        else:
            ratio = result["rps"] / health
            rows.append((f"{name} at 64 connections",
                         f"{result['rps']:,.0f} req/s = {ratio:.0%} of /health, {cpu(result)}",
                         ">= 50 % of /health", verdict(ratio >= 0.5)))
    for r in results["latency"]:
        rows.append((f"{r['name']} ({r['kind']}) p50 / p95",
                     f"{r['p50_ms']:.1f} / {r['p95_ms']:.1f} ms, {cpu(r)}",
                     "p95 < 50 ms", verdict(r["p95_ms"] < 50 and r["non2xx"] == 0)))
    mix = results["mix"]
    errors = mix["connect_errors"] + mix["read_errors"] + mix["write_errors"]
    rows += [
        (f"mixed reads, {options.mix_connections} conn x {options.mix_seconds} s: requests",
         f"{mix['requests']:,} ({mix['rps']:,.0f} req/s)", "", ""),
        ("  socket errors (connect/read/write)", f"{mix['connect_errors']}/{mix['read_errors']}/{mix['write_errors']}",
         "0", verdict(errors == 0)),
        ("  timeouts (5 s)", str(mix["timeouts"]), "0", verdict(mix["timeouts"] == 0)),
        ("  non-2xx answers", f"{mix['non2xx']} {mix['non2xx_codes']}".strip(), "0", verdict(mix["non2xx"] == 0)),
        ("  p50 / p99", f"{mix['p50_ms']:.0f} / {mix['p99_ms']:.0f} ms", "p99 < 500 ms", verdict(mix["p99_ms"] < 500)),
        ("  server RSS: before / peak during (VmHWM)",
         f"{mix['rss_before_mb']:.0f} / {mix['rss_peak_mb']:.0f} MB ({mix['rss_hwm_mb']:.0f})", "< 200 MB",
         verdict(mix["rss_hwm_mb"] < 200)),
    ]
    header = (f"Opstap HTTP benchmark, {options.engine}, {options.people:,} generated people "
              f"({results['candidates_total']} candidates, {results['enrolments_total']} enrolments visible to the "
              f"coordinator), release build, {datetime.date.today().isoformat()}, "
              f"{os.cpu_count()} cores, {platform.machine()}")
    widths = [max(len(r[i]) for r in rows + [("figure", "measured", "target", "")]) for i in range(4)]
    lines = [header, ""]
    lines.append(f"| {'figure'.ljust(widths[0])} | {'measured'.ljust(widths[1])} | {'target'.ljust(widths[2])} | "
                 f"{''.ljust(widths[3])} |")
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        lines.append("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
    text = "\n".join(lines)
    print()
    print(text)
    (folder / "results.md").write_text(text + "\n")
    (folder / "results.json").write_text(json.dumps({"engine": options.engine, "people": options.people,
                                                     **results}, indent=2) + "\n")
    print(f"\n(written to {folder / 'results.md'} and results.json)")


if __name__ == "__main__":
    main()
