#!/usr/bin/env python3
"""A burst of POST /api/code against `wirecoder serve`, with reads going on: read latency and refusals.

    python bench/bench_burst.py [--posts 60] [--chars 40000] [--slots 4]

Starts uvicorn on a free loopback port over a small store (the API tests' records),
sends --posts concurrent coding requests of --chars characters, and, from 3 s
after the burst starts until it ends, GET /api/speakers?limit=5 every 50 ms.
Prints the read latency percentiles, how many coding requests were coded and how
many were refused (503 with Retry-After) and how fast the refusals came.
Bounded (every request has a timeout); loopback only.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

PARAGRAPH = ("KYIV, June 2 (Wirewire) - The regional governor said two drones were shot down overnight "
             "near the border, and officials said repairs to the power line would take a week.\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=60)
    ap.add_argument("--chars", type=int, default=40_000)
    ap.add_argument("--slots", type=int, default=4)
    args = ap.parse_args()

    import uvicorn
    from web_records import build_store

    from wirecoder import Coder
    from wirecoder.api import create_app
    from wirecoder.settings import Settings

    db = build_store(Path(tempfile.mkdtemp()) / "burst.duckdb")
    coder = Coder()
    coder.warm_up()
    app = create_app(db, settings=Settings(db=db), coder=coder, code_slots=args.slots)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    text = (PARAGRAPH * (args.chars // len(PARAGRAPH) + 1))[: args.chars]

    def post(i: int):
        req = urllib.request.Request(f"{url}/api/code", data=json.dumps({"text": text, "id": f"p{i}"}).encode(),
                                     headers={"Content-Type": "application/json"})
        t0 = time.monotonic()
        try:
            with urllib.request.urlopen(req, timeout=600) as r:
                r.read()
                return r.status, time.monotonic() - t0, ""
        except urllib.error.HTTPError as e:
            return e.code, time.monotonic() - t0, json.loads(e.read() or b"{}").get("detail", "")

    reads: list[float] = []
    errors = [0]
    done = threading.Event()

    def reader():
        time.sleep(3)
        while not done.is_set():
            t0 = time.monotonic()
            try:
                with urllib.request.urlopen(f"{url}/api/speakers?limit=5", timeout=60) as r:
                    r.read()
                reads.append((time.monotonic() - t0) * 1000)
            except OSError:
                errors[0] += 1
            time.sleep(0.05)

    t = threading.Thread(target=reader)
    t.start()
    t0 = time.monotonic()
    with ThreadPoolExecutor(args.posts) as pool:
        answers = list(pool.map(post, range(args.posts)))
    burst_s = time.monotonic() - t0
    done.set()
    t.join()
    server.should_exit = True
    coded = [s for c, s, _ in answers if c == 200]
    refused = [s for c, s, d in answers if c == 503 and "request_timeout" not in d]
    timed_out = [s for c, s, d in answers if c == 503 and "request_timeout" in d]
    q = statistics.quantiles(reads, n=100) if len(reads) > 1 else reads * 99
    print(f"burst: {args.posts} POST /api/code of {args.chars:,} chars, {args.slots} slots, {burst_s:.1f} s")
    print(f"coded {len(coded)}; refused at once {len(refused)} (503 + Retry-After, slowest refusal "
          f"{max(refused, default=0):.2f} s); cut off by request_timeout {len(timed_out)}; "
          f"other {args.posts - len(coded) - len(refused) - len(timed_out)}")
    print(f"GET /api/speakers?limit=5 during the burst: {len(reads)} reads, {errors[0]} errors, "
          f"p50 {q[49]:.0f} ms, p95 {q[94]:.0f} ms, max {max(reads):.0f} ms")


if __name__ == "__main__":
    main()
