#!/usr/bin/env python3
"""Latency of the HTTP API's queries and the pages over a store of 1 million events.

    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_api.py --db /tmp/wirecoder-bench-api.duckdb [--repeat 20]

Builds the store with bench/gen_store.py when it is absent (1 million events, 100,000 articles,
300,000 statements), adds one long article with many statements and events so that the article
page has highlights to draw, then requests every path `--repeat` times in process with FastAPI's
TestClient (no network) and prints p50/p95 in ms against the targets: API < 100 ms, pages < 300 ms.

Two passes: "uncached" (create_app(cache_entries=0): every request queries the store, as the first
request after an ingest does) and "cached" (the default: answers kept until the store file changes).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
warnings.filterwarnings("ignore", message=".*httpx2.*")

from tqdm import tqdm  # noqa: E402

API_TARGET_MS, PAGE_TARGET_MS = 100, 300
LONG_ID = "bench-long-story"

API_PATHS = [
    "/api/events?limit=50",
    "/api/events?source_country=RUS&limit=50",
    "/api/events?source=RUSGOV&target_country=UKR&limit=50",
    "/api/events?quad=4&date_from=2024-06-01&date_to=2024-06-30&limit=50",
    "/api/events?plover=ACCUSE&dedup=true&limit=50",
    "/api/events?cameo=19&place=Kyiv&limit=50",
    "/api/events?limit=50&offset=100000",
    "/api/statements?limit=50",
    "/api/statements?speaker=Dmitry%20Peskov&limit=50",
    "/api/statements?q=ceasefire&limit=50",
    "/api/speakers?limit=50",
    "/api/actors?limit=50",
    "/api/articles?limit=50",
    "/api/articles?q=ceasefire&limit=50",
    f"/api/articles/{LONG_ID}",
    "/api/timeline",
    "/api/timeline?source_country=RUS&quad=4",
    "/api/network",
    "/api/network?by=country",
    "/api/facets",
    "/api/event_places",
    "/api/statements?q=%22ceasefire%20talks%22&limit=50",
    "/api/articles?q=%22power%20plant%22&limit=50",
    "/api/articles?q=%22security%20council%22&limit=50",
    "/api/statements?q=%22security%20council%20resolution%22&limit=50",
    "/api/events?source=RUSGOV&limit=50&offset=50000",
    # the page after row 100,000 and after row 50,000 of RUSGOV's, by cursor (keyset paging): see cursor_paths
]
PAGE_PATHS = [
    "/articles",
    "/articles?q=ceasefire",
    f"/articles/{LONG_ID}",
    "/articles/syn-12345",
    "/speakers",
    "/statements?speaker=Dmitry%20Peskov",
    "/events",
    "/events?quad=4&source_country=RUS",
]


def long_record():
    """A 40-paragraph wire story with a statement and an event in every paragraph."""
    from wirecoder.record import ActorRef, Event, Record, Span, Statement

    parts, statements, events = [], [], []
    pos = 0
    for i in range(40):
        para = (f"\"We will not accept the terms of round {i},\" Foreign Ministry spokeswoman Maria Zakharova said. "
                f"Ukrainian forces shelled positions near the river on day {i}, the ministry added.\n")
        q0 = pos + 1
        q1 = q0 + para.index(",\"")
        sp0 = pos + para.index("Foreign")
        sp1 = pos + para.index(" said")
        statements.append(("Maria Zakharova", (q0, q1 + 1), (sp0, sp1), (sp1 + 1, sp1 + 5)))
        t0 = pos + para.index("shelled")
        a0 = pos + para.index("Ukrainian")
        events.append(((t0, t0 + 7), (a0, a0 + len("Ukrainian forces"))))
        parts.append(para)
        pos += len(para)
    text = "".join(parts)
    rec = Record(id=LONG_ID, source="bench", text=text, title="Long bench story", published="2024-06-15")
    for name, content, speaker, cue in statements:
        rec.statements.append(Statement(speaker=Span.of(text, *speaker), speaker_name=name, cue=Span.of(text, *cue),
                                        content=[Span.of(text, *content)], kind="direct"))
    for trig, src in events:
        rec.events.append(Event(trigger=Span.of(text, *trig), source=ActorRef(*src, text[src[0]:src[1]], code="UKRMIL"),
                                cameo="190", quad=4, plover="ASSAULT"))
    assert not rec.check_spans()
    return rec


def cursor_paths(db: str) -> list[str]:
    """Deep pages by cursor: the `next` of the page before them (taken once, before timing)."""
    from urllib.parse import quote

    from wirecoder.store import Store

    store = Store(db, read_only=True)
    deep = store.events(limit=50, offset=99_950)["next"]
    rus = store.events(limit=50, offset=49_950, source="RUSGOV")["next"]
    return [f"/api/events?limit=50&after={quote(deep)}", f"/api/events?source=RUSGOV&limit=50&after={quote(rus)}"]


def ensure_store(db: str, events: int, articles: int) -> None:
    from wirecoder.store import Store

    if not os.path.exists(db):
        import gen_store

        print(f"building {db} with bench/gen_store.py ({events} events) ...", file=sys.stderr)
        t0 = time.perf_counter()
        counts = gen_store.generate(db, events, articles)
        print(f"built in {time.perf_counter() - t0:.0f} s: {counts}", file=sys.stderr)
    Store(db).add([long_record()])


def measure(client, paths: list[str], repeat: int, label: str) -> list[tuple[str, float, float, float, int]]:
    """(path, p50 ms, p95 ms, CPU p50 ms, bytes) per path. CPU is the process's CPU time (all threads):
    what a request costs whatever else loads the machine."""
    rows = []
    for path in tqdm(paths, desc=label, file=sys.stderr):
        r = client.get(path)  # warm-up (and check)
        if r.status_code != 200:
            raise SystemExit(f"{path}: HTTP {r.status_code}: {r.text[:300]}")
        times, cpu = [], []
        for _ in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            client.get(path)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        rows.append((path, statistics.median(times), p95, statistics.median(cpu), len(r.content)))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/wirecoder-bench-api.duckdb")
    ap.add_argument("--events", type=int, default=1_000_000, help="events when the store is built")
    ap.add_argument("--articles", type=int, default=100_000, help="articles when the store is built")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--uncached-only", action="store_true", help="skip the cached pass")
    ap.add_argument("--match", default=None, help="only the paths containing this text (pages too)")
    ap.add_argument("--rebuild", action="store_true", help="build the store again (after a store schema change)")
    ap.add_argument("--threads", type=int, default=None, help="DuckDB threads for reads (default: DuckDB's)")
    args = ap.parse_args()
    if args.threads:
        from wirecoder.store import connection

        connection.READ_CONFIG["threads"] = args.threads

    if args.rebuild:
        for suffix in ("", ".wal", ".gate"):
            if os.path.exists(args.db + suffix):
                os.remove(args.db + suffix)
    ensure_store(args.db, args.events, args.articles)
    from fastapi.testclient import TestClient

    from wirecoder.api import create_app
    from wirecoder.settings import Settings
    from wirecoder.store import Store

    api_paths = API_PATHS + cursor_paths(args.db)
    page_paths = PAGE_PATHS
    if args.match:
        api_paths = [p for p in api_paths if args.match in p]
        page_paths = [p for p in PAGE_PATHS if args.match in p]
    counts = Store(args.db, read_only=True).counts()
    print(f"store: {args.db}: {counts['events']:,} events, {counts['articles']:,} articles, "
          f"{counts['statements']:,} statements; {args.repeat} requests per path after one warm-up; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, DuckDB threads {args.threads or 'default'}")
    passes = [("uncached", 0)] if args.uncached_only else [("uncached", 0), ("cached", 256)]
    for name, entries in passes:
        client = TestClient(create_app(args.db, settings=Settings(db=args.db), cache_entries=entries))
        api = measure(client, api_paths, args.repeat, f"api {name}")
        pages = measure(client, page_paths, args.repeat, f"pages {name}")
        worst = {}
        for label, rows, target in (("API", api, API_TARGET_MS), ("page", pages, PAGE_TARGET_MS)):
            print(f"\n{label} ({name}) {'p50 ms':>8} {'p95 ms':>8} {'cpu ms':>8} {'bytes':>9}  path (target p95 < {target} ms)")
            for path, p50, p95, cpu, size in rows:
                flag = "" if p95 < target else "  OVER"
                print(f"{'':<14} {p50:8.1f} {p95:8.1f} {cpu:8.1f} {size:9d}  {path}{flag}")
            worst[label] = max((r[2] for r in rows), default=0.0)
            within = sum(r[2] < target for r in rows)
            print(f"{'':<14} {within}/{len(rows)} within target")
        print(f"\n{name}: worst p95 API {worst['API']:.1f} ms (target {API_TARGET_MS}), "
              f"pages {worst['page']:.1f} ms (target {PAGE_TARGET_MS}); load average now {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
