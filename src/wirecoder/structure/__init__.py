"""Page structure before the parse: title line, dateline, headings, debris and truncation.

The ``structure`` text stage reads the article as a page: debris lines on top
(navigation, section labels, a timestamp), the headline, maybe a standfirst,
the dateline that opens the body, prose paragraphs with subheadings, and page
furniture at the bottom. Nothing is removed; it fills ``title_span``,
``title`` (when not given), ``dateline``, ``headings``, ``defects`` and, from a
page timestamp, ``published`` (when not given).
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from ..dates import calendar as cal
from ..record import Defect, Record
from . import dateline as dateline_mod
from .debris import debris_reason
from .layout import (
    Unit,
    cut_candidate,
    ends_on_fragment,
    ends_sentence,
    heading_like,
    is_prose,
    last_sentence_start,
    split_units,
)
from .patterns import StructurePatterns

__all__ = ["StructurePatterns", "analyse", "structure"]

# How far into the page the dateline may start (units), and the shortest headline (words).
_DATELINE_WINDOW = 12
_TITLE_MIN_WORDS = 3
_TIMESTAMP_MAX_WORDS = 14


def structure(record: Record, doc, resources) -> None:
    """The structure stage (before the parse: `doc` is None)."""
    analyse(record, resources.structure_patterns)


def analyse(record: Record, sp: StructurePatterns) -> list[Unit]:
    """Fill the structure fields of `record` from its text; returns the units with their roles.
    `sp`: the patterns (a Coder's ``resources.structure_patterns``, else ``StructurePatterns.load()``)."""
    text = record.text
    units = split_units(text)
    if not units:
        return units
    for u in units:
        if debris_reason(u.text, sp):
            u.role = "debris"

    reference = cal.to_date(record.reference_date) or cal.to_date(record.published)
    body_at = _find_dateline(record, units, reference, sp)
    if body_at is None:
        body_at = next((i for i, u in enumerate(units) if not u.role and is_prose(u, sp.abbreviations)), None)
    head = units[:body_at] if body_at is not None else []
    _read_head(record, head, sp, has_body=body_at is not None)
    _read_tail(units, body_at, sp)
    _read_body(record, units, body_at, sp)
    _mark_truncated(record, units, sp)

    for u in units:
        if u.role in ("debris", "timestamp"):
            record.defects.append(Defect(u.start, u.end, "debris", u.text))
    record.defects.sort(key=lambda d: (d.start, d.end))
    return units


def _find_dateline(record: Record, units: list[Unit], reference: Optional[date], sp: StructurePatterns) -> Optional[int]:
    # A page timestamp above the dateline gives the year of a year-less dateline.
    if reference is None:
        reference = _page_timestamp(units[:_DATELINE_WINDOW], sp)
    for i, u in enumerate(units[:_DATELINE_WINDOW]):
        if u.role:
            continue
        found = dateline_mod.parse(u.text, sp, u.start, reference)
        if found:
            record.dateline = found
            u.role = "dateline"
            return i
    return None


def _page_timestamp(units: list[Unit], sp: StructurePatterns) -> Optional[date]:
    for u in units:
        if _timestamp(u, sp):
            return _timestamp(u, sp)
    return None


def _timestamp(u: Unit, sp: StructurePatterns) -> Optional[date]:
    """The date of a short non-prose line such as '29 SEP 2026, 15:40' or 'Published 05/01/2026 - 18:22'."""
    if len(u.words) > _TIMESTAMP_MAX_WORDS or (ends_sentence(u.text) and len(u.words) > 6):
        return None
    for _, d in sp.dates.iter_full_dates(u.text):
        return d
    return None


def _read_head(record: Record, head: list[Unit], sp: StructurePatterns, has_body: bool) -> None:
    """Lines above the body: debris, timestamp, section labels, headline, standfirst."""
    title_at = None
    if record.title:
        wanted = " ".join(record.title.split())
        title_at = next((i for i, u in enumerate(head) if " ".join(u.text.split()) == wanted), None)
    for i, u in enumerate(head):
        d = _timestamp(u, sp) if u.role in ("", "debris") else None
        if d is not None:
            u.role = "timestamp"
            if not record.published:
                record.published = d.isoformat()
            continue
        if u.role:
            continue
        if title_at is None and has_body and _title_like(u):
            title_at = i
        if title_at is None or i < title_at:
            # Short lines above the headline are section labels and site names.
            if len(u.words) < _TITLE_MIN_WORDS:
                u.role = "debris"
            continue
        if i == title_at:
            u.role = "title"
        else:
            u.role = "standfirst"
    if title_at is not None and head[title_at].role == "title":
        t = head[title_at]
        record.title_span = record.span(t.start, t.end)
        if not record.title:
            record.title = t.text


def _title_like(u: Unit) -> bool:
    if len(u.words) < _TITLE_MIN_WORDS or len(u.words) > 30:
        return False
    # Headlines may end with ? or !, never with a full stop.
    if u.text.rstrip(" \"'”’»").endswith((".", ",", ";", ":")):
        return False
    return u.text[0].isupper() or u.text[0].isdigit() or u.text[0] in "\"“«'‘"


def _read_tail(units: list[Unit], body_at: Optional[int], sp: StructurePatterns) -> None:
    """Lines after the last paragraph: short labels and share buttons are debris."""
    if body_at is None:
        return
    last_prose = max((i for i, u in enumerate(units)
                      if i >= body_at and u.role in ("", "dateline") and is_prose(u, sp.abbreviations)), default=None)
    if last_prose is None:
        return
    # Once page furniture starts, the short lines after it are furniture too ("Suggested Topics:", "Europe");
    # short lines right after the last paragraph may be a list that ends the article.
    furniture = False
    for u in units[last_prose + 1 :]:
        if u.role == "debris":
            furniture = True
        elif furniture and not u.role and len(u.words) < 4 and not ends_sentence(u.text):
            u.role = "debris"


def _read_body(record: Record, units: list[Unit], body_at: Optional[int], sp: StructurePatterns) -> None:
    """Prose paragraphs and subheadings between them."""
    if body_at is None:
        return
    given = bool(record.headings)
    for u in units[body_at:]:
        if not u.role and is_prose(u, sp.abbreviations):
            u.role = "prose"
    content = [u for u in units[body_at:] if u.role not in ("debris", "timestamp")]
    for k, u in enumerate(content):
        if given:
            if u.role != "dateline" and any(h.start < u.end and u.start < h.end for h in record.headings):
                u.role = "heading"
            continue
        # A short question on its own line between paragraphs reads as a subheading.
        question = u.role == "prose" and u.text.endswith("?") and len(u.words) <= 12
        if u.role and not question:
            continue
        before = content[k - 1] if k > 0 else None
        after = content[k + 1] if k + 1 < len(content) else None
        if (
            before is not None
            and after is not None
            and before.role in ("prose", "dateline")
            and after.role in ("prose", "")
            and (after.role == "prose" or is_prose(after, sp.abbreviations))
            and heading_like(u.text, sp.abbreviations)
        ):
            u.role = "heading"
            record.headings.append(record.span(u.start, u.end))


def _mark_truncated(record: Record, units: list[Unit], sp: StructurePatterns) -> None:
    """A paragraph cut mid-word by the scraper: it ends on a word fragment or a word no sentence
    ends on, or inside an open quote, and what follows is a heading, debris or the end of the text.
    (A cut right after a complete content word is not detectable this way and is left alone.)"""
    content = [u for u in units if u.role not in ("debris", "timestamp", "title", "standfirst")]
    prose_count = sum(1 for u in content if u.role in ("prose", "dateline"))
    for k, u in enumerate(content):
        if (u.role not in ("prose", "dateline") or not cut_candidate(u, sp.abbreviations)
                or not ends_on_fragment(u.text, sp.truncation)):
            continue
        after = content[k + 1] if k + 1 < len(content) else None
        if after is not None and after.role != "heading":
            continue
        if after is None and prose_count < 2:
            continue  # a lone unpunctuated line: a caption or a typed test sentence, not a cut
        start = u.start + last_sentence_start(u.text, sp.abbreviations)
        record.defects.append(Defect(start, u.end, "truncated_sentence", record.text[start : u.end]))
