"""The server under hostile clients (issue 18): a burst of coding requests, clients that go away,
oversized bodies, a frozen writer, a bug in a handler. Real uvicorn on loopback where the
transport matters (urllib and 413, a dropped connection)."""

from __future__ import annotations

import fcntl
import json
import os
import socket
import statistics
import threading
import time
import urllib.error
import urllib.request
import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

from web_records import build_store  # noqa: E402
from wirecoder.api import create_app  # noqa: E402
from wirecoder.settings import Settings  # noqa: E402
from wirecoder.store import Store  # noqa: E402

PARAGRAPH = ("KYIV, June 2 (Wirewire) - The regional governor said two drones were shot down overnight "
             "near the border, and officials said repairs to the power line would take a week.\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("hostile_server") / "news.duckdb")


class _Server:
    """uvicorn serving `app` on a free loopback port, in a thread."""

    def __init__(self, app):
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="error",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                break
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.server.should_exit = True
        self.thread.join(10)


def _post(url: str, payload: dict, timeout: float = 120) -> tuple[int, dict, float, object]:
    data = json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read()), time.monotonic() - t0, r.headers
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}"), time.monotonic() - t0, e.headers


def test_a_burst_of_code_requests_is_capped_and_reads_keep_answering(db, coder):
    app = create_app(db, settings=Settings(db=db), coder=coder, code_slots=2)
    srv = _Server(app)
    try:
        text = PARAGRAPH * 6
        read_ms: list[float] = []
        read_status: list[int] = []
        stop = threading.Event()

        def reads():
            while not stop.is_set():
                t0 = time.monotonic()
                with urllib.request.urlopen(f"{srv.url}/api/speakers?limit=5", timeout=60) as r:
                    read_status.append(r.status)
                    r.read()
                read_ms.append((time.monotonic() - t0) * 1000)
                time.sleep(0.05)

        reader = threading.Thread(target=reads)
        reader.start()
        with ThreadPoolExecutor(12) as pool:
            answers = list(pool.map(lambda i: _post(f"{srv.url}/api/code", {"text": text, "id": f"b{i}"}), range(12)))
        time.sleep(0.3)
        stop.set()
        reader.join(60)
    finally:
        srv.stop()
    coded = [a for a in answers if a[0] == 200]
    refused = [a for a in answers if a[0] == 503]
    assert len(coded) + len(refused) == 12 and 1 <= len(coded) <= 4, [a[0] for a in answers]
    for status, body, seconds, headers in refused:
        assert headers.get("Retry-After") and "try again" in body["detail"]
        assert seconds < 5  # at once, not after waiting its turn
    assert all(body["text"] == text for _, body, _, _ in coded)
    assert read_status and set(read_status) == {200}
    p95 = statistics.quantiles(read_ms, n=20)[-1] if len(read_ms) >= 2 else read_ms[0]
    assert p95 < 3000, f"reads p95 {p95:.0f} ms during the burst"
    assert app.state.coding.refused == len(refused)


def _wait_for(predicate, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_the_coding_of_a_client_that_left_is_stopped(db, coder):
    app = create_app(db, settings=Settings(db=db), coder=coder)
    srv = _Server(app)
    try:
        body = json.dumps({"text": PARAGRAPH * 400}).encode()  # tens of seconds of coding
        s = socket.create_connection(("127.0.0.1", srv.port))
        s.sendall(b"POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        time.sleep(1.0)
        s.close()  # the client gives up
        assert _wait_for(lambda: app.state.coding.cancelled == 1)
        t0 = time.monotonic()
        status, out, _, _ = _post(f"{srv.url}/api/code", {"text": PARAGRAPH})
        assert status == 200 and out["text"] == PARAGRAPH
        assert time.monotonic() - t0 < 15  # the next one did not wait for the abandoned one
    finally:
        srv.stop()
    assert app.state.coding.coded == 1


def test_request_timeout_stops_the_coding_too(db, coder):
    app = create_app(db, settings=Settings(db=db, request_timeout=0.5), coder=coder)
    client = TestClient(app)
    r = client.post("/api/code", json={"text": PARAGRAPH * 400})
    assert r.status_code == 503 and "request_timeout" in r.json()["detail"]
    assert _wait_for(lambda: app.state.coding.cancelled == 1)
    assert app.state.coding.coded == 0


def test_an_oversized_post_gives_urllib_a_413_not_a_reset(db):
    srv = _Server(create_app(db, settings=Settings(db=db, max_body_bytes=1000)))
    try:
        status, body, _, headers = _post(f"{srv.url}/api/code", {"text": "x" * 2_000_000})
    finally:
        srv.stop()
    assert status == 413
    assert "1000 bytes" in body["detail"] and "max_body_bytes" in body["detail"]
    assert headers.get("Content-Security-Policy")


def test_a_frozen_writer_gives_readers_503_after_lock_timeout(db, tmp_path):
    gate = os.open(db + ".gate", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(gate, fcntl.LOCK_EX)  # as an ingest stopped inside its write holds it
        t0 = time.monotonic()
        with pytest.raises(Exception) as exc:
            Store(db, read_only=True, lock_timeout=0.5).counts()
        assert "lock_timeout" in str(exc.value) and time.monotonic() - t0 < 5
        # request_timeout 4 s: the reader waits half of it (2 s) for the gate; a loaded machine needs the margin
        client = TestClient(create_app(db, settings=Settings(db=db, request_timeout=4)))
        box = {}
        worker = threading.Thread(target=lambda: box.update(r=client.get("/api/articles")))
        worker.start()
        worker.join(20)
        assert not worker.is_alive(), "a reader hung on the writer's gate"
        r = box["r"]
        assert r.status_code == 503 and "held the store" in r.json()["detail"], r.text
    finally:
        os.close(gate)


def test_a_bug_gives_a_json_500_with_the_security_headers(db):
    class Broken:
        path = db

        def __getattr__(self, name):
            raise RuntimeError("boom")

    client = TestClient(create_app(db, store=Broken(), settings=Settings(db=db), cache_entries=0),
                        raise_server_exceptions=False)
    r = client.get("/api/articles")
    assert r.status_code == 500
    assert r.headers["content-type"].startswith("application/json") and "RuntimeError" in r.json()["detail"]
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
