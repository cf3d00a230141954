"""Parquet tables from the record model: Spark schemas and rows derived from the dataclasses.

The schemas follow ``wirecoder.record`` through :func:`~wirecoder.record.record_fields` (the one
description of the record schema), so a field another stage adds to a dataclass lands in the
Parquet output without touching this module.
Spans stay nested structs (``statements.cue.start``); a value Parquet cannot type
(``dict``, ``Any``, a union of two types: ``provenance``) is stored as a JSON string.

Tables (one row per...):

- ``articles``: record, every field but ``statements`` and ``events``
- ``statements``: statement, with ``article_id`` and ``statement_index`` (its place in the record)
- ``events``: event, with ``article_id`` and ``event_index``
- ``errors``: input that could not be coded: ``id``, ``source``, ``kind``, ``message``, ``provenance``

The articles, statements and events tables carry ``article_date`` (see :func:`article_date`).
Pure Python: rows are tuples; only :func:`spark_schema` imports pyspark.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, Callable, Union

from ..record import ErrorRecord, Event, Record, Statement, record_fields

ARTICLE_FIELDS_APART = ("statements", "events")  # own tables, joined back by article id
UNKNOWN_DATE = "unknown"

# A column: (name, kind, inner) where kind is str|int|float|bool|json|list|struct.
Column = tuple[str, str, Any]


def article_date(record: Record) -> str:
    """The day an article is filed under: :meth:`Record.anchor_date`, else 'unknown'."""
    return record.anchor_date() or UNKNOWN_DATE


def _kind(tp: Any) -> tuple[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _kind(args[0]) if len(args) == 1 else ("json", None)
    if origin is list:
        (arg,) = typing.get_args(tp) or (Any,)
        return "list", _kind(arg)
    if dataclasses.is_dataclass(tp):
        return "struct", columns_of(tp)
    if tp in (str, int, float, bool):
        return tp.__name__, None
    return "json", None


def columns_of(cls: type, skip: tuple[str, ...] = ()) -> list[Column]:
    """The columns of a record type, from :func:`wirecoder.record.record_fields` (the one schema)."""
    return [(spec.name, *_kind(spec.type)) for spec in record_fields(cls, skip)]


ARTICLE_COLUMNS: list[Column] = columns_of(Record, ARTICLE_FIELDS_APART) + [("article_date", "str", None)]
STATEMENT_COLUMNS: list[Column] = (
    [("article_id", "str", None), ("statement_index", "int", None)] + columns_of(Statement)
    + [("article_date", "str", None)]
)
EVENT_COLUMNS: list[Column] = (
    [("article_id", "str", None), ("event_index", "int", None)] + columns_of(Event) + [("article_date", "str", None)]
)
ERROR_COLUMNS: list[Column] = [
    ("id", "str", None), ("source", "str", None), ("kind", "str", None), ("message", "str", None),
    ("provenance", "json", None),
]
TABLES: dict[str, list[Column]] = {
    "articles": ARTICLE_COLUMNS, "statements": STATEMENT_COLUMNS, "events": EVENT_COLUMNS, "errors": ERROR_COLUMNS,
}


# -- Python values to rows ------------------------------------------------------
def _encode(kind: str, inner: Any, value: Any) -> Any:
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if kind == "list":
        return [_encode(*inner, v) for v in value]
    if kind == "struct":
        return tuple(_encode(k, i, getattr(value, name)) for name, k, i in inner)
    if kind == "float":
        return float(value)
    return value


def _row(columns: list[Column], values: dict[str, Any]) -> tuple:
    return tuple(_encode(kind, inner, values.get(name)) for name, kind, inner in columns)


def rows_of(output: Record | ErrorRecord) -> list[tuple[str, tuple]]:
    """(table, row) pairs for one coded output."""
    if isinstance(output, ErrorRecord):
        e = output
        values = {"id": e.id, "source": e.source, "kind": e.error.kind, "message": e.error.message,
                  "provenance": e.provenance}
        return [("errors", _row(ERROR_COLUMNS, values))]
    rec = output
    day = article_date(rec)
    values = {f.name: getattr(rec, f.name) for f in dataclasses.fields(rec)}
    values["article_date"] = day
    out = [("articles", _row(ARTICLE_COLUMNS, values))]
    for i, st in enumerate(rec.statements):
        vals = {f.name: getattr(st, f.name) for f in dataclasses.fields(st)}
        vals.update(article_id=rec.id, statement_index=i, article_date=day)
        out.append(("statements", _row(STATEMENT_COLUMNS, vals)))
    for i, ev in enumerate(rec.events):
        vals = {f.name: getattr(ev, f.name) for f in dataclasses.fields(ev)}
        vals.update(article_id=rec.id, event_index=i, article_date=day)
        out.append(("events", _row(EVENT_COLUMNS, vals)))
    return out


# -- rows back to records (from Parquet read as Python dicts) ----------------------
def _decode(kind: str, inner: Any, value: Any) -> Any:
    if value is None:
        return None
    if kind == "json":
        return json.loads(value)
    if kind == "list":
        return [_decode(*inner, v) for v in value]
    if kind == "struct":
        return {name: _decode(k, i, value.get(name)) for name, k, i in inner}
    return value


def decode_row(columns: list[Column], row: dict[str, Any]) -> dict[str, Any]:
    """A JSON-like dict (as ``to_dict`` gives) from a Parquet row read as a dict."""
    return {name: _decode(kind, inner, row.get(name)) for name, kind, inner in columns if name in row}


def records_from_rows(
    articles: list[dict], statements: list[dict], events: list[dict], errors: list[dict]
) -> list[Record | ErrorRecord]:
    """Records rebuilt from the four tables: each equal to what ``wirecoder code`` writes."""
    by_article: dict[str, dict[str, list]] = {}
    for table, rows, index in (("statements", statements, "statement_index"), ("events", events, "event_index")):
        for r in sorted(rows, key=lambda r: r[index]):
            by_article.setdefault(r["article_id"], {}).setdefault(table, []).append(r)
    out: list[Record | ErrorRecord] = []
    for row in articles:
        data = decode_row(ARTICLE_COLUMNS, row)
        data.pop("article_date", None)
        parts = by_article.get(data["id"], {})
        data["statements"] = [_strip(decode_row(STATEMENT_COLUMNS, r)) for r in parts.get("statements", [])]
        data["events"] = [_strip(decode_row(EVENT_COLUMNS, r)) for r in parts.get("events", [])]
        out.append(Record.from_dict(data))
    for row in errors:
        d = decode_row(ERROR_COLUMNS, row)
        out.append(ErrorRecord.from_dict({"id": d["id"], "source": d["source"], "provenance": d["provenance"] or {},
                                          "error": {"kind": d["kind"], "message": d["message"]}}))
    return out


def _strip(d: dict) -> dict:
    for key in ("article_id", "statement_index", "event_index", "article_date"):
        d.pop(key, None)
    return d


# -- Spark types ------------------------------------------------------------------
def spark_schema(columns: list[Column], extra: tuple[str, ...] = ()):
    """The pyspark StructType of a table (``extra``: more string columns, e.g. the run id)."""
    from pyspark.sql import types as T

    simple: dict[str, Callable[[], Any]] = {
        "str": T.StringType, "json": T.StringType, "int": T.LongType, "float": T.DoubleType, "bool": T.BooleanType,
    }

    def to_type(kind: str, inner: Any):
        if kind == "list":
            return T.ArrayType(to_type(*inner), containsNull=True)
        if kind == "struct":
            return T.StructType([T.StructField(n, to_type(k, i), True) for n, k, i in inner])
        return simple[kind]()

    fields = [T.StructField(n, to_type(k, i), True) for n, k, i in columns]
    fields += [T.StructField(n, T.StringType(), True) for n in extra]
    return T.StructType(fields)
