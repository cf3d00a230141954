"""Paths and stdin to inputs, one per article, in order.

A PATH is a file or a folder (read recursively, sorted, hidden files skipped);
``-`` is stdin. ``auto`` decides the format of each file by its extension
(.txt, .html/.htm/.xhtml, .jsonl/.ndjson, .warc/.warc.gz; a further .gz is
unpacked) and else by its first bytes. Bytes are decoded here
(:func:`~wirecoder.ingest.prepare.decode_input`), so every input carries its
``text`` or ``html``, or an error; HTML extraction waits for the worker. A file over ``max_bytes`` is refused from its size alone (JSON Lines and
WARC files are limited per line or per page instead).
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from ..record import ErrorInfo
from ..settings import Settings
from .inputs import Input
from .prepare import decode_input
from .warc import iter_warc

FORMATS = ("auto", "text", "html", "jsonl", "warc")
_SNIFF = 65536  # bytes read to decide the format of stdin or an unnamed file

_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc",
}


class Reader:
    """Yields the inputs of some paths; counts what it skipped (non-article WARC records)."""

    def __init__(self, settings: Optional[Settings] = None, input_format: str = "auto"):
        if input_format not in FORMATS:
            raise ValueError(f"input format {input_format!r} is not one of {', '.join(FORMATS)}")
        self.settings = settings or Settings()
        self.input_format = input_format
        self.skipped = [0]

    def inputs(self, paths: Iterable[str], stdin: Optional[BinaryIO] = None) -> Iterator[Input]:
        for p in paths:
            if p == "-":
                yield from self._stream((stdin or sys.stdin.buffer), "<stdin>", "stdin", name="")
                continue
            path = Path(p)
            if path.is_dir():
                for f in _walk(path):
                    yield from self._file(f, _stem(f.relative_to(path)))
            elif path.exists():
                yield from self._file(path, _stem(Path(path.name)))
            else:
                yield Input(id=_stem(Path(path.name)), source=str(path),
                            error=ErrorInfo("not_found", f"{path}: no such file or folder"))

    # -- one file ------------------------------------------------------------
    def _file(self, path: Path, stem: str) -> Iterator[Input]:
        source = str(path)
        fmt = self._format_by_name(path.name)
        try:
            size = path.stat().st_size
            if fmt not in ("jsonl", "warc") and size > self.settings.max_bytes and not path.name.endswith(".gz"):
                yield _error(stem, source, "too_large", f"{source}: {size:,} bytes, over the limit of "
                             f"{self.settings.max_bytes:,} (max_bytes); not read")
                return
            with open(path, "rb") as fh:
                yield from self._stream(fh, source, stem, name=path.name)
        except OSError as exc:
            yield _error(stem, source, "unreadable", f"{source}: cannot read: {exc.strerror or exc}")

    def _stream(self, fh: BinaryIO, source: str, stem: str, name: str) -> Iterator[Input]:
        fmt = self._format_by_name(name)
        try:
            head = fh.read(_SNIFF)
            stream: BinaryIO = io.BufferedReader(_Prefixed(head, fh))  # type: ignore[arg-type]
            if head[:2] == b"\x1f\x8b" and fmt != "warc":  # gzip: unpack, then look again
                stream = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
                head = stream.peek(_SNIFF)[:_SNIFF]  # type: ignore[attr-defined]
                name = name[:-3] if name.lower().endswith(".gz") else name
                fmt = self._format_by_name(name)
        except (OSError, EOFError) as exc:
            yield _error(stem, source, "unreadable", f"{source}: cannot read: {exc}")
            return
        if fmt == "auto":
            fmt = _sniff(head)
        if fmt == "warc":
            yield from iter_warc(stream, source, stem, self.settings, self.skipped)
        elif fmt == "jsonl":
            yield from self._jsonl(stream, source, stem)
        else:
            yield from self._whole(stream, source, stem, fmt)

    def _whole(self, stream: BinaryIO, source: str, stem: str, fmt: str) -> Iterator[Input]:
        limit = self.settings.max_bytes
        try:
            data = stream.read(limit + 1)
        except (OSError, EOFError) as exc:
            yield _error(stem, source, "unreadable", f"{source}: cannot read: {exc}")
            return
        if len(data) > limit:
            yield _error(stem, source, "too_large",
                         f"{source}: over the limit of {limit:,} bytes (max_bytes); not read further")
            return
        yield decode_input(Input(id=stem, source=source, raw=data, input_format="html" if fmt == "html" else "text"),
                           self.settings)

    def _jsonl(self, stream: BinaryIO, source: str, stem: str) -> Iterator[Input]:
        limit = self.settings.max_bytes
        n = 0
        while True:
            try:
                line = stream.readline(limit + 1)
            except (OSError, EOFError) as exc:
                yield _error(f"{stem}:{n + 1}", f"{source}:{n + 1}", "unreadable", f"{source}: cannot read: {exc}")
                return
            if not line:
                return
            n += 1
            src, default_id = f"{source}:{n}", f"{stem}:{n}"
            if len(line) > limit:
                while line and not line.endswith(b"\n"):  # skip the rest of the long line
                    line = stream.readline(1 << 20)
                yield _error(default_id, src, "too_large",
                             f"{src}: JSON line over the limit of {limit:,} bytes (max_bytes)")
                continue
            if n == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue  # blank lines are not inputs
            yield _json_input(line, src, default_id)

    def _format_by_name(self, name: str) -> str:
        if self.input_format != "auto":
            return self.input_format
        lower = name.lower()
        if lower.endswith(".warc.gz"):
            return "warc"
        if lower.endswith(".gz"):
            lower = lower[:-3]
        return _EXTENSIONS.get(Path(lower).suffix, "auto")


def iter_inputs(paths: Iterable[str], input_format: str = "auto", settings: Optional[Settings] = None,
                stdin: Optional[BinaryIO] = None) -> Iterator[Input]:
    """The inputs of `paths` (files, folders, "-" for stdin), one per article, in order."""
    return Reader(settings, input_format).inputs(paths, stdin=stdin)


def _json_input(line: bytes, src: str, default_id: str) -> Input:
    try:
        obj = json.loads(line)
    except UnicodeDecodeError as exc:
        return _error(default_id, src, "undecodable", f"{src}: JSON line is not UTF-8 ({exc.reason})")
    except ValueError as exc:
        reason = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
        return _error(default_id, src, "bad_json", f"{src}: not valid JSON ({reason})")
    if not isinstance(obj, dict):
        return _error(default_id, src, "bad_json", f"{src}: a JSON {type(obj).__name__}, not an object")
    ident = str(obj["id"]) if obj.get("id") not in (None, "") else default_id
    text, html = obj.get("text"), obj.get("html")
    for key, value in (("text", text), ("html", html), ("url", obj.get("url")), ("date", obj.get("date")),
                       ("title", obj.get("title"))):
        if value is not None and not isinstance(value, str):
            return _error(ident, src, "bad_json", f"{src}: field {key!r} is a {type(value).__name__}, not a string")
    if text is None and html is None:
        return _error(ident, src, "no_text", f"{src}: JSON object has neither \"text\" nor \"html\"")
    return Input(
        id=ident,
        source=src,
        text=text,
        html=html if text is None else None,
        url=obj.get("url"),
        date=obj.get("date"),
        title=obj.get("title"),
        input_format="text" if text is not None else "html",
        encoding="utf-8 (JSON)",
    )


def _sniff(head: bytes) -> str:
    """The format of data that has no telling name: warc, html, jsonl or text."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    low = start[:1024].lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
        low.startswith(b"<") and (b"<body" in head[:8192].lower() or b"<head" in head[:8192].lower())
    ):
        return "html"
    if start.startswith(b"{"):
        first = start.split(b"\n", 1)[0]
        try:
            obj = json.loads(first)
        except ValueError:
            return "text"
        if isinstance(obj, dict) and ("text" in obj or "html" in obj):
            return "jsonl"
    return "text"


def _walk(folder: Path) -> list[Path]:
    """Files under `folder`, sorted by path, leaving out hidden files and folders."""
    files = []
    for f in folder.rglob("*"):
        rel = f.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if f.is_file():
            files.append(f)
    return sorted(files, key=lambda f: f.relative_to(folder).parts)


def _stem(rel: Path) -> str:
    """An id from a path: its relative path without the extension(s) that name the format."""
    name = rel.name[:-3] if rel.name.lower().endswith(".gz") else rel.name
    return "/".join([*rel.parts[:-1], Path(name).stem or name])


def _error(ident: str, source: str, kind: str, message: str) -> Input:
    return Input(id=ident, source=source, error=ErrorInfo(kind, message))


class _Prefixed(io.RawIOBase):
    """A stream that first gives back the bytes already read to sniff it, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self._head.nbytes:
            n = min(len(buf), self._head.nbytes)
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buf))
        buf[: len(data)] = data
        return len(data)


def count_inputs(paths: Iterable[str], input_format: str = "auto") -> Optional[int]:
    """How many inputs `paths` give when each is a file of one article (for a progress bar's total);
    None when some may hold many or an unknown number (stdin, JSON Lines, WARC)."""
    reader = Reader(Settings(), input_format)
    n = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        for f in _walk(path) if path.is_dir() else [path]:
            fmt = reader._format_by_name(f.name)
            if fmt in ("jsonl", "warc") or (fmt == "auto" and _sniffed(f) in ("jsonl", "warc")):
                return None
            n += 1
    return n


def _sniffed(path: Path) -> str:
    try:
        with open(path, "rb") as fh:
            return _sniff(fh.read(8192))
    except OSError:
        return "text"  # an unreadable file gives one (error) record
