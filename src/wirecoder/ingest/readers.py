from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..record import ErrorInfo
from ..settings import Settings
from .inputs import Input

FORMATS = ("auto", "text", "html", "jsonl", "warc")


def iter_inputs(
    paths: Iterable[str], input_format: str = "auto", settings: Settings | None = None
) -> Iterator[Input]:
    settings = settings or Settings()
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            yield from _from_bytes("<stdin>", "stdin", data, input_format, settings)
            continue
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for f in files:
            try:
                data = f.read_bytes()
            except OSError as exc:
                yield Input(id=f.name, source=str(f), error=ErrorInfo("unreadable", f"{f}: {exc}"))
                continue
            yield from _from_bytes(str(f), f.stem, data, input_format, settings)


def _from_bytes(source: str, stem: str, data: bytes, fmt: str, settings: Settings) -> Iterator[Input]:
    if fmt == "auto":
        fmt = _guess(source, data)
    if fmt == "jsonl":
        for n, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
            if not line.strip():
                continue
            src = f"{source}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Input(id=f"{stem}:{n}", source=src, error=ErrorInfo("bad_json", f"{src}: {exc}"))
                continue
            yield Input(
                id=str(obj.get("id", f"{stem}:{n}")),
                source=obj.get("url") or src,
                text=obj.get("text"),
                html=obj.get("html"),
                url=obj.get("url"),
                date=obj.get("date"),
                title=obj.get("title"),
                input_format="html" if obj.get("html") and not obj.get("text") else "text",
            )
        return
    text = data.decode("utf-8", errors="replace")
    if fmt == "html":
        yield Input(id=stem, source=source, html=text, input_format="html", encoding="utf-8")
    else:
        yield Input(id=stem, source=source, text=text, input_format="text", encoding="utf-8")


def _guess(source: str, data: bytes) -> str:
    name = source.lower()
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"
