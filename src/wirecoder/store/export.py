"""`wirecoder export`: the whole store as Parquet, plus the flat event table (store/flat.py) as
Parquet and CSV (booleans true/false; line breaks in text cells as spaces, in the CSV only)."""

from __future__ import annotations

import os
from pathlib import Path

from . import flat
from .connection import table_columns
from .schema import EXPORT_TABLES
from .store import Store

def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export(store: Store, out_dir: str | os.PathLike) -> dict[str, int]:
    """Write `<table>.parquet` for every table and events_flat.parquet/.csv; returns rows per file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    with store._read() as cur:
        for table in EXPORT_TABLES:
            path = out / f"{table}.parquet"
            cur.execute(f"COPY (SELECT * FROM {table}) TO {_quote(path)} (FORMAT parquet)")
            written[path.name] = cur.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        n_events = written["events.parquet"]
        # The flat event table (store/flat.py), the same columns as `query events` and the API, oldest first.
        have = table_columns(cur).get("events", set())
        flat.register_goldstein(cur, store.goldstein)
        try:
            for name, csv in (("events_flat.parquet", False), ("events_flat.csv", True)):
                sql = (f"SELECT {flat.select_sql(have, csv=csv)} FROM {flat.from_sql()} "
                       "ORDER BY e.date NULLS LAST, e.article_id, e.idx")
                fmt = "FORMAT csv, HEADER true" if csv else "FORMAT parquet"
                cur.execute(f"COPY ({sql}) TO {_quote(out / name)} ({fmt})")
                written[name] = n_events
        finally:
            cur.unregister("_goldstein")
    return written
