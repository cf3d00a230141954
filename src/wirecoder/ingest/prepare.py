from __future__ import annotations

from ..errors import InputError
from ..record import Record
from ..settings import Settings
from .inputs import Input


def prepare(inp: Input, settings: Settings) -> Record:
    """The record for one input, with the text every offset will index into."""
    if inp.html is not None and inp.text is None:
        return _from_html(inp, settings)
    if inp.text is None:
        raise InputError(f"{inp.source}: no text and no html", kind="no_text")
    if not inp.text.strip():
        raise InputError(f"{inp.source}: empty text", kind="empty")
    if len(inp.text) > settings.max_chars:
        raise InputError(
            f"{inp.source}: {len(inp.text)} characters, over the limit of {settings.max_chars} (max_chars)",
            kind="too_large",
        )
    return Record(
        id=inp.id,
        source=inp.source,
        text=inp.text,
        title=inp.title,
        url=inp.url,
        reference_date=inp.date or settings.reference_date or None,
        input_format=inp.input_format,
        encoding=inp.encoding,
    )


def _from_html(inp: Input, settings: Settings) -> Record:
    import trafilatura

    text = trafilatura.extract(inp.html, include_comments=False, favor_precision=False) or ""
    if not text.strip():
        raise InputError(f"{inp.source}: no article text found in the HTML", kind="no_text")
    meta = trafilatura.extract_metadata(inp.html)
    return Record(
        id=inp.id,
        source=inp.source,
        text=text,
        title=inp.title or (meta.title if meta else None),
        url=inp.url or (meta.url if meta else None),
        authors=[a.strip() for a in (meta.author or "").split(";") if a.strip()] if meta else [],
        published=meta.date if meta else None,
        reference_date=inp.date or (meta.date if meta else None) or settings.reference_date or None,
        input_format="html",
        encoding=inp.encoding,
    )
