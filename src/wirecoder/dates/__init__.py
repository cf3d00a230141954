"""Time expressions resolved against the dateline or reference date.

The ``dates`` doc stage finds time expressions ("on Thursday", "last week",
"September 29", "29 September 2025", "yesterday", "earlier this month",
"in 2014") with fast regular expressions, adds the spaCy DATE entities those
miss when they can be resolved, and fills ``record.dates`` with ISO values
(``end_value`` for ranges). The anchor is :meth:`Record.anchor_date`
(the dateline date, else the reference date, else the publication date).

The names and patterns are a :class:`DatePatterns`, loaded once per Coder in its Resources
(``resources.date_patterns``); ``DatePatterns.load().resolve(text, anchor_date)`` is the same
resolution for one expression outside a Coder.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Callable, Optional

from ..record import DateRef
from . import calendar
from .expressions import DatePatterns, TimeExpression

__all__ = ["anchor_of", "dates", "DatePatterns", "calendar"]

_AUX_FUTURE = {"will", "would", "shall", "'ll", "wo"}
_DEFECTS_SKIPPED = ("debris", "boilerplate")


def anchor_of(record) -> Optional[date]:
    """The day relative dates count from: :meth:`Record.anchor_date` as a date."""
    return calendar.to_date(record.anchor_date())


def dates(record, doc, resources) -> None:
    dp: DatePatterns = resources.date_patterns
    # dateparser is slow: its answers are kept per Coder (the same DATE texts come back)
    dateparser = resources.resource("dates.dateparser", lambda: lru_cache(maxsize=2048)(_dateparser))
    anchor = anchor_of(record)
    text = record.text
    skip = [d for d in record.defects if d.kind in _DEFECTS_SKIPPED]

    def skipped(start: int, end: int) -> bool:
        return any(d.start < end and start < d.end for d in skip)

    found: list[DateRef] = []
    for e in dp.find(text):
        if skipped(e.start, e.end):
            continue
        value, end_value = dp.resolve_expression(e, anchor, _tense(doc, text, e.start, e.end, dp.calendar))
        found.append(DateRef(e.start, e.end, text[e.start : e.end], value, end_value))

    taken = [(r.start, r.end) for r in found]
    for ent in doc.ents:
        if ent.label_ != "DATE" or skipped(ent.start_char, ent.end_char):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        value, end_value = _fallback(ent.text, anchor, dp, dateparser)
        if value:
            found.append(DateRef(ent.start_char, ent.end_char, ent.text, value, end_value))

    found.sort(key=lambda r: (r.start, r.end))
    record.dates.extend(found)


def _tense(doc, text: str, start: int, end: int, lex: calendar.Calendar) -> Optional[str]:
    """'future' when the verb governing the expression is future ("will meet on Friday")
    or an infinitive with a future cue ("agreed to meet again in November"); 'past'
    after "since" or with a past verb; None when neither says."""
    before = re.findall(r"[\w']+", text[max(0, start - 40) : start].lower())[-5:]
    if before and before[-1] in ("since", "after", "from"):
        return "past"
    cued = bool(set(before) & lex.future_cues)
    if doc is not None and doc.has_annotation("DEP"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            tok = span.root
            for _ in range(4):
                if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                    break
                tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
                if any(c.lower_ in _AUX_FUTURE for c in aux):
                    return "future"
                if tok.tag_ == "VB" and any(c.lower_ == "to" for c in aux):
                    # "agreed to meet again on Friday"; "the first to reach it since August" is not.
                    return "future" if cued else None
                if tok.tag_ in ("VBD", "VBN"):
                    return "past"
            return None
    # Without a parse: a future cue among the few words before the expression.
    return "future" if cued else None


def _dateparser(text: str, anchor: Optional[date]) -> Optional[str]:
    """Last resort for a spaCy DATE our patterns do not read (slow: the stage keeps its answers)."""
    import datetime as _dt

    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}
    if anchor is not None:
        settings["RELATIVE_BASE"] = _dt.datetime(anchor.year, anchor.month, anchor.day)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises on odd input; a date is optional
        return None
    return parsed.date().isoformat() if parsed else None


_MONTHISH = re.compile(r"\b(?:1[89]|20)\d\d\b|\b[A-Z][a-z]{2,8}\b")


def _fallback(text: str, anchor: Optional[date], dp: DatePatterns,
              dateparser: Callable[[str, Optional[date]], Optional[str]]) -> tuple[Optional[str], Optional[str]]:
    value, end_value = dp.resolve(text, anchor)
    if value:
        return value, end_value
    words = _MONTHISH.findall(text)
    if any(w.isdigit() or dp.calendar.month_number(w) for w in words):
        return dateparser(text, anchor), None
    return None, None
