#!/usr/bin/env python3
"""Load test of the HTTP API: N concurrent clients for T seconds on loopback.

    python bench/load_test.py --db bench/out/store.duckdb --clients 50 --seconds 60

Starts `wirecoder serve` on a free loopback port (or uses --url), drives it with
asyncio + httpx, and prints requests/s, latency percentiles, errors, and the
server's resident memory sampled every second (it should stay flat). Bounded in
requests (--max-requests) and time; loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

PATHS = [
    "/api/events?limit=50",
    "/api/events?source_country=RUS&limit=50",
    "/api/events?quad=4&limit=20",
    "/api/events?plover=ACCUSE&limit=20",
    "/api/statements?limit=50",
    "/api/speakers?limit=20",
    "/api/articles?limit=20",
    "/api/actors?limit=20",
    "/api/statements?q=%22ceasefire%20talks%22&limit=20",
    "/api/articles?q=%22security%20council%22&limit=20",
    "/api/events?source=RUSGOV&limit=50&offset=5000",
    # and the second page of /api/events?limit=50 by its cursor (`next`), asked of the server at the start
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


async def client(url: str, deadline: float, budget: list[int], lat: list[float], errors: list[str]) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=10) as http:
        while time.monotonic() < deadline and budget[0] > 0:
            budget[0] -= 1
            path = random.choice(PATHS)
            t0 = time.perf_counter()
            try:
                r = await http.get(path)
                if r.status_code != 200:
                    errors.append(f"{path}: HTTP {r.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {type(exc).__name__}")
            lat.append((time.perf_counter() - t0) * 1000)


async def sample_memory(pid: int | None, deadline: float, out: list[float]) -> None:
    while pid and time.monotonic() < deadline:
        out.append(rss_mb(pid))
        await asyncio.sleep(1)


async def drive(url: str, clients: int, seconds: float, max_requests: int, pid: int | None) -> dict:
    deadline = time.monotonic() + seconds
    budget, lat, errors, mem = [max_requests], [], [], []
    t0 = time.monotonic()
    await asyncio.gather(
        sample_memory(pid, deadline, mem),
        *(client(url, deadline, budget, lat, errors) for _ in range(clients)),
    )
    elapsed = time.monotonic() - t0
    lat.sort()
    pct = lambda p: lat[min(len(lat) - 1, int(p / 100 * len(lat)))] if lat else float("nan")  # noqa: E731
    return {
        "requests": len(lat), "seconds": round(elapsed, 1), "rps": round(len(lat) / elapsed, 1),
        "p50_ms": round(pct(50), 1), "p95_ms": round(pct(95), 1), "p99_ms": round(pct(99), 1),
        "mean_ms": round(statistics.fmean(lat), 1) if lat else None,
        "errors": len(errors), "first_errors": errors[:5],
        "rss_mb_start": round(mem[0], 1) if mem else None, "rss_mb_end": round(mem[-1], 1) if mem else None,
        "rss_mb_max": round(max(mem), 1) if mem else None,
        "rss_mb_at_10s": round(mem[min(10, len(mem) - 1)], 1) if mem else None,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="store to serve (started here on loopback)")
    ap.add_argument("--url", help="an already running server on loopback instead of --db")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--max-requests", type=int, default=200_000)
    args = ap.parse_args()
    proc = None
    url = args.url
    if not url:
        if not args.db:
            ap.error("give --db or --url")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen([sys.executable, "-m", "wirecoder.cli", "serve", "--db", args.db, "--port", str(port)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(300):
            try:
                if httpx.get(url + "/openapi.json", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            proc.kill()
            print("server did not start", file=sys.stderr)
            return 1
    if not url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]")):
        ap.error("loopback only")
    after = httpx.get(url + "/api/events?limit=50", timeout=30).json().get("next")
    if after:
        PATHS.append(f"/api/events?limit=50&after={after}")
    try:
        result = asyncio.run(drive(url, args.clients, args.seconds, args.max_requests, proc.pid if proc else None))
    finally:
        if proc:
            proc.terminate()
            proc.wait(10)
    for k, v in result.items():
        print(f"{k:>14}: {v}")
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
