"""An Input to a Record: decode, extract the article from HTML, check the limits."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Optional

from ..encodable import encodable, is_encodable
from ..errors import InputError
from ..record import ErrorInfo, Record, Span
from ..settings import Settings
from ..timelimit import time_limit
from .decode import decode
from .html import extract
from .inputs import Input


def prepare(inp: Input, settings: Settings) -> Record:
    """The record for one input, with the text every offset will index into.

    Raises InputError (kinds: empty, binary, undecodable, too_large, too_deep,
    no_text, bad_date) when the input cannot be an article.
    """
    if inp.raw is not None and inp.text is None and inp.html is None:
        inp = decode_input(inp, settings)
        if inp.error is not None:
            raise InputError(inp.error.message, kind=inp.error.kind)
    if not all(is_encodable(v) for v in (inp.id, inp.source, inp.title, inp.url)):  # the rule of encodable.py
        inp = dataclasses.replace(inp, id=encodable(inp.id), source=encodable(inp.source),
                                  title=encodable(inp.title), url=encodable(inp.url))
    if not is_encodable(inp.html):
        raise InputError(f"{inp.source}: HTML is not valid Unicode (a lone surrogate)", kind="undecodable")
    encoding = inp.encoding
    text, html = inp.text, inp.html
    reference = _iso_day(inp.date, inp.source, "date") or None
    if text is None and html is not None:
        return _from_html(inp, html, encoding, reference, settings)
    if text is None:
        raise InputError(f"{inp.source}: no text and no html", kind="no_text")
    _check_text(text, inp.source, settings)
    return Record(
        id=inp.id,
        source=inp.source,
        text=text,
        title=inp.title,
        url=inp.url,
        reference_date=reference or _fallback_date(inp, settings),
        input_format="text",
        encoding=encoding,
    )


def decode_input(inp: Input, settings: Settings) -> Input:
    """`inp` with its raw bytes decoded into `text` or `html` (and `encoding` set), or with `error` set.

    Readers call this as they read, so every Input they give carries text or html
    (what the store hashes), or an error.
    """
    if inp.raw is None or inp.text is not None or inp.html is not None:
        return inp
    try:
        if len(inp.raw) > settings.max_bytes:
            raise _too_many_bytes(inp.source, len(inp.raw), settings)
        if not inp.raw.strip():
            raise InputError(f"{inp.source}: empty input", kind="empty")
        decoded, encoding = decode(inp.raw, inp.source, declared=inp.charset, html=inp.input_format == "html")
    except InputError as exc:
        return dataclasses.replace(inp, raw=None, error=ErrorInfo(exc.kind, str(exc)))
    if inp.input_format == "html":
        return dataclasses.replace(inp, raw=None, html=decoded, encoding=encoding)
    return dataclasses.replace(inp, raw=None, text=decoded, encoding=encoding)


def _from_html(inp: Input, html: str, encoding: Optional[str], reference: Optional[str],
               settings: Settings) -> Record:
    if len(html) > settings.max_bytes:  # characters: at least as many bytes
        raise _too_many_bytes(inp.source, len(html), settings)
    if not html.strip():
        raise InputError(f"{inp.source}: empty HTML page", kind="empty")
    with time_limit(settings.article_timeout, inp.source):  # a pathological page must not stall the batch
        page = extract(html, inp.source, url=inp.url, max_depth=settings.max_html_depth)
    _check_text(page.text, inp.source, settings)
    return Record(
        id=inp.id,
        source=inp.source,
        text=page.text,
        title=inp.title or page.title,
        url=inp.url or page.url,
        authors=page.authors,
        published=page.published,
        reference_date=(reference or _iso_day(page.published, inp.source, "published date", strict=False)
                        or _fallback_date(inp, settings)),
        input_format="html",
        encoding=encoding,
        headings=[Span.of(page.text, s, e) for s, e in page.headings],
    )


def _check_text(text: str, source: str, settings: Settings) -> None:
    if not text.strip():
        raise InputError(f"{source}: empty text", kind="empty")
    if len(text) > settings.max_chars:
        raise InputError(
            f"{source}: {len(text):,} characters, over the limit of {settings.max_chars:,} (max_chars)",
            kind="too_large",
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates (e.g. "\ud800" in JSON) cannot be written out
        raise InputError(f"{source}: text is not valid Unicode ({exc.reason} at {exc.start})",
                         kind="undecodable") from None


def _too_many_bytes(source: str, size: int, settings: Settings) -> InputError:
    return InputError(
        f"{source}: {size:,} bytes, over the limit of {settings.max_bytes:,} (max_bytes)", kind="too_large"
    )


def _fallback_date(inp: Input, settings: Settings) -> Optional[str]:
    return (_iso_day(inp.fetched, inp.source, "WARC-Date", strict=False)
            or _iso_day(settings.reference_date, inp.source, "reference_date setting"))


# Reference dates far from any news leave no room for the dates an article names relative to
# them ("a week earlier" from 0001-01-01 is no date): they are refused as bad_date.
FIRST_YEAR, LAST_YEAR = 1000, 8999


def _iso_day(value: Optional[str], source: str, what: str, strict: bool = True) -> Optional[str]:
    """YYYY-MM-DD from an ISO date or date-time, checked whole (2024-02-29T25:61:00 is no date);
    a malformed one, or one outside years 1000-8999, is an error (or None when not strict)."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        day = dt.date.fromisoformat(text) if len(text) <= 10 else dt.datetime.fromisoformat(text).date()
    except ValueError:
        if not strict:
            return None
        raise InputError(f"{source}: {what} {value!r} is not an ISO date (YYYY-MM-DD) or date-time",
                         kind="bad_date") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        if not strict:
            return None
        raise InputError(f"{source}: {what} {value!r} is outside the years {FIRST_YEAR}-{LAST_YEAR} "
                         "a reference date may have", kind="bad_date")
    return day.isoformat()
