"""Time the Store queries the HTTP API uses, on a store filled by bench/gen_store.py; prints p50/p95 ms.

    .venv/bin/python bench/gen_store.py --db /tmp/wirecoder-bench.duckdb
    .venv/bin/python bench/bench_store.py --db /tmp/wirecoder-bench.duckdb [--repeat 30]

Queries run through Store as the API calls them (page of 50 plus the total). "warm" is the usual
case in a server (the process's shared read connection is open); "cold" adds opening the file,
as after an idle pause or a write by ingest. "cpu" is the process CPU time per query: with
--threads 1 it is about what the query takes on an idle core, whatever else loads the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from wirecoder.store import Store  # noqa: E402
from wirecoder.store import connection  # noqa: E402

_CURSORS: dict = {}


def _after(s, offset: int, **filters):
    """The `next` of the page ending at `offset` (taken once): the cursor of a deep page."""
    key = (offset, tuple(sorted(filters.items())))
    if key not in _CURSORS:
        _CURSORS[key] = s.events(limit=50, offset=offset - 50, **filters)["next"]
    return _CURSORS[key]


QUERIES = [
    ("counts", lambda s: s.counts()),
    ("events (first page, no filter)", lambda s: s.events()),
    ("events source=RUSGOV", lambda s: s.events(source="RUSGOV")),
    ("events source name part 'rus'", lambda s: s.events(source="rus")),
    ("events RUS->UKR quad 4", lambda s: s.events(source_country="RUS", target_country="UKR", quad=4)),
    ("events cameo 19 in Sept 2024", lambda s: s.events(cameo="19", date_from="2024-09-01", date_to="2024-09-30")),
    ("events place Kyiv, dedup", lambda s: s.events(place="Kyiv", dedup=True)),
    ("events plover ASSAULT, offset 5000", lambda s: s.events(plover="ASSAULT", offset=5000)),
    ("events source=RUSGOV target_country=UKR", lambda s: s.events(source="RUSGOV", target_country="UKR")),
    ("events, page at offset 100000", lambda s: s.events(offset=100_000)),
    ("events, page after row 100000 (cursor)", lambda s: s.events(after=_after(s, 100_000))),
    ("events RUSGOV after row 50000 (cursor)", lambda s: s.events(source="RUSGOV", after=_after(s, 50_000, source="RUSGOV"))),
    ("events of one article", lambda s: s.events(article_id="syn-4242")),
    ("statements speaker='Dmitry Peskov'", lambda s: s.statements(speaker="Dmitry Peskov")),
    ("statements speaker part 'lavrov'", lambda s: s.statements(speaker="lavrov")),
    ("statements q='ceasefire'", lambda s: s.statements(q="ceasefire")),
    ("statements q='ceasefire talks'", lambda s: s.statements(q="ceasefire talks")),
    ("speakers (top 50)", lambda s: s.speakers()),
    ("actors (top 50)", lambda s: s.actors()),
    ("articles q='ceasefire'", lambda s: s.search_articles(q="ceasefire")),
    ("articles q='grain deal envoy'", lambda s: s.search_articles(q="grain deal envoy")),
    ("articles q='\"security council\"'", lambda s: s.search_articles(q='"security council"')),
    ("statements q='\"ceasefire talks\"'", lambda s: s.statements(q='"ceasefire talks"')),
    ("statements q='\"security council resolution\"'", lambda s: s.statements(q='"security council resolution"')),
    ("get_article", lambda s: s.get_article("syn-777")),
    ("timeline (all, by day)", lambda s: s.timeline()),
    ("timeline source_country=RUS by month", lambda s: s.timeline(source_country="RUS", interval="month")),
    ("network min_weight=20", lambda s: s.network(min_weight=20)),
    ("network by country, quad 4", lambda s: s.network(by="country", quad=4)),
]


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default="/tmp/wirecoder-bench.duckdb")
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--cold", type=int, default=5, help="cold runs (file reopened) per query")
    ap.add_argument("--threads", type=int, default=None, help="DuckDB threads for reads (default: DuckDB's)")
    args = ap.parse_args()
    if args.threads:
        connection.READ_CONFIG["threads"] = args.threads
    store = Store(args.db, read_only=True)
    print(f"{args.db}: {store.counts()}")
    print(f"{'query':<40} {'p50 ms':>8} {'p95 ms':>8} {'cpu p50':>8} {'cold p50':>9} {'rows':>9}")
    for name, q in QUERIES:
        result = q(store)  # warm-up
        warm, cpu = [], []
        for _ in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            q(store)
            warm.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        cold = []
        for _ in range(args.cold):
            reader = connection.shared_reader(store.path)
            with reader.mu:
                reader._close()
            t = time.perf_counter()
            q(store)
            cold.append((time.perf_counter() - t) * 1000)
        rows = result.get("total", "") if isinstance(result, dict) else len(result)
        print(f"{name:<40} {statistics.median(warm):8.1f} {_pct(warm, 95):8.1f} {statistics.median(cpu):8.1f} "
              f"{statistics.median(cold):9.1f} {rows!s:>9}")


if __name__ == "__main__":
    main()
