"""`wirecoder export`: the whole store as Parquet, plus events in a flat event-data layout."""

from __future__ import annotations

import os
from pathlib import Path

from .schema import EXPORT_TABLES
from .store import Store

# The usual event-data columns first (ICEWS/GDELT-like), then wirecoder's extras.
FLAT_EVENT_SQL = """
SELECT date, source_code, source_country, target_code, target_country,
       cameo, root, quad, plover, place_name AS place, lat, lon, article_id, sentence,
       article_id || ':' || idx AS event_id, source_name, target_name, cameo_name,
       negated, modality, is_dup
FROM events ORDER BY date NULLS LAST, article_id, idx
"""


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
        cur.execute(f"COPY ({FLAT_EVENT_SQL}) TO {_quote(out / 'events_flat.parquet')} (FORMAT parquet)")
        cur.execute(f"COPY ({FLAT_EVENT_SQL}) TO {_quote(out / 'events_flat.csv')} (FORMAT csv, HEADER true)")
        written["events_flat.parquet"] = written["events_flat.csv"] = n_events
    return written
