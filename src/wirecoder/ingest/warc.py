"""WARC archives (.warc, .warc.gz): each successful HTTP response with an HTML body is an input.

The url comes from ``WARC-Target-URI``, the crawl date from ``WARC-Date`` (the
reference date when the page names no publication date), the charset from the
HTTP ``Content-Type`` header. Other records (requests, metadata, images, CSS,
redirects, errors) are not articles and are skipped; their count is reported.
A damaged archive gives one error input after the pages read before the damage.
"""

from __future__ import annotations

from typing import BinaryIO, Iterator

from ..record import ErrorInfo
from ..settings import Settings
from .decode import header_charset
from .inputs import Input
from .prepare import decode_input

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(stream: BinaryIO, source: str, stem: str, settings: Settings, skipped: list[int]) -> Iterator[Input]:
    """Inputs from the WARC in `stream`; `skipped[0]` is increased for each record that is no article."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        for rec in ArchiveIterator(stream):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            status = rec.http_headers.get_statuscode() or ""
            ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
            if not status.startswith("2") or (ctype and not ctype.startswith(_HTML_TYPES)):
                skipped[0] += 1
                continue
            body = rec.content_stream().read(settings.max_bytes + 1)
            if not ctype and not _looks_like_html(body):
                skipped[0] += 1
                continue
            n += 1
            src = f"{source}#{n}"
            url = rec.rec_headers.get_header("WARC-Target-URI")
            if len(body) > settings.max_bytes:
                msg = f"{src} ({url}): HTML body over the limit of {settings.max_bytes:,} bytes (max_bytes)"
                yield Input(id=f"{stem}#{n}", source=src, url=url, error=ErrorInfo("too_large", msg))
                continue
            yield decode_input(Input(
                id=f"{stem}#{n}",
                source=src,
                url=url,
                raw=body,
                charset=header_charset(rec.http_headers.get_header("Content-Type")),
                fetched=rec.rec_headers.get_header("WARC-Date"),
                input_format="html",
            ), settings)
    except Exception as exc:  # warcio raises several kinds on damaged archives; none may stop the batch
        msg = f"{source}: damaged WARC archive after {n} page(s): {type(exc).__name__}: {exc}"
        yield Input(id=f"{stem}#error", source=source, error=ErrorInfo("bad_warc", msg))


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in body[:8192].lower()
