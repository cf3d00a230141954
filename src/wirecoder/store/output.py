"""Query results written as a terminal table, CSV, JSON Lines or Parquet."""

from __future__ import annotations

import csv
import re
import json
import shutil
import sys
from typing import Any, Optional, TextIO

FORMATS = ("table", "csv", "jsonl", "parquet")

# What a readable table shows of each kind (every column goes to csv/jsonl/parquet).
TABLE_COLUMNS = {
    "events": ("date", "source_code", "source_name", "cameo", "plover", "quad", "target_code", "target_name",
               "place_name", "article_id", "sentence"),
    "statements": ("date", "speaker", "kind", "cue", "content", "article_id"),
    "articles": ("date", "id", "site", "title", "n_statements", "n_events", "dup_of"),
    "speakers": ("name", "statements", "articles", "role", "org", "code"),
    "actors": ("key", "name", "country", "events", "as_source", "as_target", "articles"),
}
MAX_CELL = 48


def _cell(v: Any, width: int) -> str:
    s = "" if v is None else " ".join(str(v).split())
    return s if len(s) <= width else s[: max(1, width - 1)] + "…"


def csv_cell(value: Any) -> Any:
    """A CSV cell: booleans as true/false (as Parquet and JSON have them), line breaks in text as
    spaces (so every row is one line; JSON Lines and Parquet keep the text as it is)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", value)
    return value


def write_table(items: list[dict], columns: tuple[str, ...], total: int, out: TextIO) -> None:
    if not items:
        out.write(f"(no matches; total {total})\n")
        return
    cols = [c for c in columns if c in items[0]] or list(items[0])
    term = shutil.get_terminal_size((160, 24)).columns
    widths = {c: min(MAX_CELL, max(len(c), *(len(_cell(it.get(c), 10_000)) for it in items))) for c in cols}
    # The last column takes what room is left on the terminal.
    used = sum(widths[c] + 2 for c in cols[:-1])
    widths[cols[-1]] = max(len(cols[-1]), min(widths[cols[-1]] if cols[-1] != "sentence" else 10_000, term - used))
    out.write("  ".join(c.ljust(widths[c]) for c in cols).rstrip() + "\n")
    out.write("  ".join("-" * widths[c] for c in cols) + "\n")
    for it in items:
        out.write("  ".join(_cell(it.get(c), widths[c]).ljust(widths[c]) for c in cols).rstrip() + "\n")
    out.write(f"({len(items)} of {total})\n")


def write_parquet(items: list[dict], output: str) -> None:
    """`items` as a Parquet file, written by DuckDB (no pyarrow needed); columns are the first item's keys."""
    import duckdb
    import numpy as np

    con = duckdb.connect()
    try:
        target = "'" + str(output).replace("'", "''") + "'"
        if not items:  # a file with no rows and no columns, as an empty result has none to name
            con.execute(f"COPY (SELECT NULL AS _ WHERE false) TO {target} (FORMAT parquet)")
            return
        con.register("_items", {c: np.fromiter((it.get(c) for it in items), dtype=object, count=len(items))
                                for c in items[0]})
        con.execute(f"COPY _items TO {target} (FORMAT parquet)")
    finally:
        con.close()


def write_results(kind: str, result: dict, fmt: str, output: Optional[str] = None,
                  out: Optional[TextIO] = None) -> None:
    """Write `result` ({"total", "items"}) in `fmt` to `output` (a path) or `out` (default stdout)."""
    items = result["items"]
    if fmt == "parquet":
        if not output or output == "-":
            raise ValueError("--format parquet needs -o FILE")
        write_parquet(items, output)
        return
    fh = open(output, "w", encoding="utf-8", newline="") if output and output != "-" else None
    try:
        stream = fh or out or sys.stdout
        if fmt == "table":
            write_table(items, TABLE_COLUMNS.get(kind, ()), result.get("total", len(items)), stream)
        elif fmt == "jsonl":
            for it in items:
                stream.write(json.dumps(it, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            if items:
                writer = csv.DictWriter(stream, fieldnames=list(items[0]))
                writer.writeheader()
                writer.writerows({k: csv_cell(v) for k, v in it.items()} for it in items)
        else:
            raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    finally:
        if fh:
            fh.close()
