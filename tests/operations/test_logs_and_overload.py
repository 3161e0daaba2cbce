"""Structured logs, request ids and 503 on a busy database, on a real server.

With LOG_FORMAT=json every line the server writes is one JSON object; each request has one
access line with the route PATTERN (never an id), status and duration, and every line of a
request carries its `request-id` — the caller's X-Request-ID, echoed on the response. While
another process holds SQLite's write lock past the busy timeout, a write answers 503 with
Retry-After (it answered 500 before), and succeeds once the lock is gone.
"""

from __future__ import annotations

import json
import re
import sqlite3

from servers import Server, base_env, json_request, new_folder, request

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def test_json_logs_carry_the_request_id_and_a_busy_database_answers_503_with_retry_after():
    folder = new_folder("opstap-logs-")
    server = Server(folder, base_env(OPSTAP_DEMO_DATA="true", LOG_FORMAT="json", LOG_LEVEL="info", OPSTAP_SHUTDOWN_TIMEOUT="5"))
    try:
        server.start().wait_healthy()
        token = server.token("coach.kansrijk@opstap.demo")
        enrolment = json_request(server.base_url, "GET", "/api/v1/enrolments?pageSize=1", token=token)["items"][0]["id"]

        status, headers, _ = request(server.base_url, "GET", f"/api/v1/enrolments/{enrolment}", token=token,
                                     headers={"X-Request-ID": "ops-trace-read"})
        assert status == 200 and headers["x-request-id"] == "ops-trace-read"

        # Another process takes SQLite's write lock and keeps it past the busy timeout (15 s).
        holder = sqlite3.connect(folder / "data" / "opstap.sqlite", isolation_level=None, timeout=60)
        holder.execute("BEGIN IMMEDIATE")
        try:
            status, headers, body = request(server.base_url, "POST", f"/api/v1/enrolments/{enrolment}/notes", token=token,
                                            body={"text": "busy-note", "level": "partners"},
                                            headers={"X-Request-ID": "ops-trace-busy"}, timeout=120)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert status == 503, body[:500]
        assert headers["retry-after"] == "2"
        assert headers["content-type"].startswith("application/problem+json")
        assert json.loads(body)["status"] == 503
        # The lock is gone: the retry is stored.
        status, _, _ = request(server.base_url, "POST", f"/api/v1/enrolments/{enrolment}/notes", token=token,
                               body={"text": "busy-note", "level": "partners"}, headers={"X-Request-ID": "ops-trace-retry"})
        assert status == 201

        server.terminate()
        assert server.wait(timeout=60) == 0
        lines = [line for line in server.log().splitlines() if line.strip()]
        records = [json.loads(line) for line in lines]  # every line is JSON
        assert all({"time", "level", "logger", "message"} <= set(r) for r in records)

        access = {r["request-id"]: r for r in records if r["message"] == "request" and "request-id" in r}
        read = access["ops-trace-read"]
        assert (read["method"], read["route"], read["status"]) == ("GET", "/api/v1/enrolments/:id", "200")
        assert float(read["duration_ms"]) >= 0
        assert (access["ops-trace-busy"]["route"], access["ops-trace-busy"]["status"]) == ("/api/v1/enrolments/:id/notes", "503")
        assert access["ops-trace-retry"]["status"] == "201"
        # The warning about the busy database is a line of that request, and says so.
        warnings = [r for r in records if r["level"] == "warning" and "busy" in r["message"].lower()]
        assert warnings and all(r.get("request-id") == "ops-trace-busy" for r in warnings), warnings
        # Access lines name patterns, never ids.
        assert not [r for r in access.values() if UUID.search(r["route"])]
    finally:
        server.kill()


def test_a_burst_of_200_concurrent_writes_on_sqlite_gets_no_server_error_and_loses_nothing_acknowledged():
    import threading

    folder = new_folder("opstap-burst-")
    server = Server(folder, base_env(OPSTAP_DEMO_DATA="true"))
    try:
        server.start().wait_healthy()
        token = server.token("coach.kansrijk@opstap.demo")
        enrolments = [e["id"] for e in json_request(server.base_url, "GET", "/api/v1/enrolments?pageSize=100", token=token)["items"]]
        results: list[tuple[int, str, str | None]] = []
        lock = threading.Lock()
        start = threading.Barrier(200)

        def write(n: int) -> None:
            text = f"burst-{n}"
            start.wait(timeout=120)
            status, headers, _ = request(server.base_url, "POST", f"/api/v1/enrolments/{enrolments[n % len(enrolments)]}/notes",
                                         body={"text": text, "level": "partners"}, token=token, timeout=180)
            with lock:
                results.append((status, text, headers.get("retry-after")))

        threads = [threading.Thread(target=write, args=(n,)) for n in range(200)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        statuses = sorted({status for status, _, _ in results})
        assert len(results) == 200 and set(statuses) <= {201, 503}, statuses
        assert all(retry == "2" for status, _, retry in results if status == 503)
        database = sqlite3.connect(folder / "data" / "opstap.sqlite")
        stored = {row[0] for row in database.execute("SELECT text FROM notes WHERE text LIKE 'burst-%'")}
        database.close()
        assert {text for status, text, _ in results if status == 201} == stored
        print(f"200 concurrent writes: {sum(1 for s, _, _ in results if s == 201)} stored, {sum(1 for s, _, _ in results if s == 503)} answered 503")
    finally:
        server.kill()
