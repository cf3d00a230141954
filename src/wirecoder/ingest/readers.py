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
import hashlib
import io
import json
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from ..encodable import encodable, is_encodable
from ..record import ErrorInfo
from ..settings import Settings
from .inputs import Input
from .prepare import decode_input
from .warc import iter_warc

FORMATS = ("auto", "text", "html", "jsonl", "warc")
_SNIFF = 65536  # bytes read to decide the format of stdin or an unnamed file

# What reading a file (through gzip) can raise besides OSError: a corrupt deflate stream.
_READ_ERRORS = (OSError, EOFError, zlib.error)

_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc",
}


class Reader:
    """Yields the inputs of some paths; counts what it skipped (non-article WARC records).

    Ids are unique within a run (see ``_unique``); strings from the input are made
    writable (see ``wirecoder.encodable``); no exception while reading one path
    ends the run: it becomes an error input for that path.
    """

    def __init__(self, settings: Optional[Settings] = None, input_format: str = "auto"):
        if input_format not in FORMATS:
            raise ValueError(f"input format {input_format!r} is not one of {', '.join(FORMATS)}")
        self.settings = settings or Settings()
        self.input_format = input_format
        self.skipped = [0]
        self.ids: dict[str, str] = {}  # id -> source of the input that has it

    def inputs(self, paths: Iterable[str], stdin: Optional[BinaryIO] = None) -> Iterator[Input]:
        for p in paths:
            for inp in self._guarded(self._path_inputs(p, stdin), p):
                yield self._unique(_clean(inp))

    def _path_inputs(self, p: str, stdin: Optional[BinaryIO]) -> Iterator[Input]:
        if p == "-":
            yield from self._stream((stdin or sys.stdin.buffer), "<stdin>", "stdin", name="")
            return
        path = Path(p)
        if path.is_dir():
            for f in _walk(path):
                yield from self._guarded(self._file(f, _stem(f.relative_to(path))), str(f))
        elif path.exists():
            yield from self._file(path, _stem(Path(path.name)))
        else:
            yield Input(id=_stem(Path(path.name)), source=str(path),
                        error=ErrorInfo("not_found", f"{path}: no such file or folder"))

    @staticmethod
    def _guarded(items: Iterator[Input], source: str) -> Iterator[Input]:
        """`items`, and an error input in place of the rest when reading them raises."""
        n = 0
        try:
            for inp in items:
                n += 1
                yield inp
        except Exception as exc:  # e.g. a RecursionError or a codec bug: never the whole run
            stem = "stdin" if source == "-" else _stem(Path(Path(source).name))
            ident = stem if n == 0 else f"{stem}#error"
            what = "cannot read" if n == 0 else f"cannot read further after {n} input(s)"
            yield _error(ident, source, "unreadable", f"{source}: {what}: {type(exc).__name__}: {exc}")

    def _unique(self, inp: Input) -> Input:
        """`inp` with an id no earlier input of the run has.

        An id derived from a path (a file's stem, ``stem:line``, ``stem#n``) that is
        taken gets ``~`` and 8 hex digits of the SHA-1 of the input's source (the
        path as given, with its line or record number): ``a/index.html`` and
        ``b/index.html`` give ``index`` and ``index~1f0c3a9e``, the same in every
        run over the same paths. An id the input names itself (a JSON Lines
        ``id``) that is taken is not renamed: that input becomes an error record
        of kind ``duplicate_id`` under the derived id of its line.
        """
        if inp.id not in self.ids:
            self.ids[inp.id] = inp.source
            return inp
        first = self.ids[inp.id]
        if inp.id_given:
            message = (f"{inp.source}: id {inp.id!r} was already given to {first}; "
                       "this input is not coded (ids must be unique)")
            inp = _error(inp.default_id or inp.id, inp.source, "duplicate_id", message)
            if inp.id not in self.ids:
                self.ids[inp.id] = inp.source
                return inp
        ident = f"{inp.id}~{hashlib.sha1(inp.source.encode('utf-8')).hexdigest()[:8]}"
        n = 1
        while ident in self.ids:  # the same source twice (a path given twice)
            n += 1
            ident = f"{inp.id}~{hashlib.sha1(inp.source.encode('utf-8')).hexdigest()[:8]}-{n}"
        self.ids[ident] = inp.source
        inp.id = ident
        return inp

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
        except _READ_ERRORS as exc:
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
        except _READ_ERRORS as exc:
            yield _error(stem, source, "unreadable", f"{source}: cannot read: {_read_error(exc)}")
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
        except _READ_ERRORS as exc:
            yield _error(stem, source, "unreadable", f"{source}: cannot read: {_read_error(exc)}")
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
            except _READ_ERRORS as exc:
                yield _error(f"{stem}:{n + 1}", f"{source}:{n + 1}", "unreadable",
                             f"{source}: cannot read line {n + 1}: {_read_error(exc)}")
                return
            if not line:
                return
            n += 1
            src, default_id = f"{source}:{n}", f"{stem}:{n}"
            if len(line) > limit:
                try:
                    while line and not line.endswith(b"\n"):  # skip the rest of the long line
                        line = stream.readline(1 << 20)
                except _READ_ERRORS:
                    line = b""
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
    except RecursionError:
        return _error(default_id, src, "bad_json", f"{src}: JSON nested deeper than Python's recursion limit")
    except ValueError as exc:
        reason = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
        return _error(default_id, src, "bad_json", f"{src}: not valid JSON ({reason})")
    if not isinstance(obj, dict):
        return _error(default_id, src, "bad_json", f"{src}: a JSON {type(obj).__name__}, not an object")
    given = obj.get("id") not in (None, "")
    ident = str(obj["id"]) if given else default_id
    text, html = obj.get("text"), obj.get("html")
    for key, value in (("text", text), ("html", html), ("url", obj.get("url")), ("date", obj.get("date")),
                       ("title", obj.get("title"))):
        if value is not None and not isinstance(value, str):
            return _named_error(ident, given, default_id, src, "bad_json",
                                f"{src}: field {key!r} is a {type(value).__name__}, not a string")
    if text is None and html is None:
        return _named_error(ident, given, default_id, src, "no_text",
                            f"{src}: JSON object has neither \"text\" nor \"html\"")
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
        id_given=given,
        default_id=default_id,
    )


def _named_error(ident: str, given: bool, default_id: str, src: str, kind: str, message: str) -> Input:
    inp = _error(ident, src, kind, message)
    inp.id_given, inp.default_id = given, default_id
    return inp


def _clean(inp: Input) -> Input:
    """`inp` with its strings writable: lone surrogates escaped in id, source, url, title, date and
    messages (``wirecoder.encodable``); a text or page holding one becomes an error input."""
    for name in ("id", "source", "url", "title", "date", "default_id"):
        value = getattr(inp, name)
        if value is not None and not is_encodable(value):
            setattr(inp, name, encodable(value))
    if inp.error is not None:
        if not (is_encodable(inp.error.kind) and is_encodable(inp.error.message)):
            inp.error = ErrorInfo(encodable(inp.error.kind), encodable(inp.error.message))
        return inp
    for name, value in (("text", inp.text), ("html", inp.html)):
        if value is not None and not is_encodable(value):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                where = f"{exc.reason} at character {exc.start}"
            message = (f"{inp.source}: {'HTML' if name == 'html' else 'text'} is not valid Unicode ({where}); "
                       "a lone surrogate cannot be written as UTF-8")
            return _named_error(inp.id, inp.id_given, inp.default_id, inp.source, "undecodable", message)
    return inp


def _read_error(exc: BaseException) -> str:
    if isinstance(exc, zlib.error):
        return f"corrupt compressed data ({exc})"
    return str(exc.strerror or exc) if isinstance(exc, OSError) else str(exc)


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
        except RecursionError:  # a JSON object nested past the recursion limit: its line says so
            return "jsonl"
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
