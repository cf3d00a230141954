"""Datelines: 'MOSCOW, September 29. /TASS/.', 'WASHINGTON (Reuters) -', 'Moscow. 29 September. INTERFAX -'.

One regular expression covers the wire formats: a place (ALL CAPS, or Title
Case when a date or an agency follows), an optional region ('KYIV, Ukraine'),
an optional date, an optional agency in (parentheses), /slashes/ or as a bare
known name, and a separator (dash, em dash, colon, or the full stop after /TASS/)
(``StructurePatterns.dateline``, built in patterns.py from the calendar's month names).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from ..dates import calendar as cal
from ..record import Dateline, Span
from .patterns import StructurePatterns


def _agency_name(m: re.Match, sp: StructurePatterns) -> Optional[str]:
    raw = m.group("ap") or m.group("as") or m.group("aw")
    if not raw:
        return None
    raw = raw.strip()
    known = sp.agencies.get(raw.casefold())
    if known:
        return known
    if m.group("aw"):
        return None  # a bare word is an agency only when we know its name
    return raw if raw[:1].isupper() or raw[:1].isdigit() else None


def normalise_place(raw: str, sp: StructurePatterns) -> str:
    """MOSCOW → Moscow, NEW DELHI → New Delhi, ANKARA/ISTANBUL → Ankara/Istanbul, RIO DE JANEIRO → Rio de Janeiro."""
    words = sp.dateline_words
    if not raw.isupper():
        return raw

    def word(w: str, first: bool) -> str:
        if w in words["place_case"]:
            return words["place_case"][w]
        if not first and w.lower() in words["particles"]:
            return w.lower()
        return "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))

    return "/".join(
        " ".join(word(w, i == 0) for i, w in enumerate(part.split())) for part in raw.split("/")
    )


def parse(line: str, sp: StructurePatterns, offset: int = 0, reference: Optional[date] = None) -> Optional[Dateline]:
    """The dateline at the start of `line` (a line of the record's text starting at `offset`), or None."""
    m = sp.dateline.match(line)
    if not m:
        return None
    place = m.group("place")
    if any(w in sp.dateline_words["not_places"] for w in re.split(r"[ /]", place.upper())):
        return None
    agency = _agency_name(m, sp)
    if m.group("aw") and agency is None:
        return None
    sep, has_date = m.group("sep"), bool(m.group("date"))
    slashed = bool(m.group("as"))
    if agency is None:
        # Without an agency only an ALL CAPS place with a dash or a dated place counts.
        if not sep or sep == ":" or not (place.isupper() or has_date):
            return None
        if not has_date and (len(place) < 3 or not re.match(r"[\s\u00a0]*(?:[\"“«'A-Z0-9]|$)", line[m.end() :])):
            return None
    elif not (sep or m.group("dot") or slashed):
        return None
    if not place.isupper() and not has_date and agency not in sp.agencies.values():
        return None  # a Title Case place needs a date or a known agency ("Moscow. INTERFAX -")
    end = m.end()
    while end > 0 and line[end - 1] in " \t\u00a0":
        end -= 1
    return Dateline(
        place=normalise_place(place, sp),
        agency=agency,
        date=_date(m.group("date"), reference, sp) if has_date else None,
        span=Span(offset + m.start(), offset + end, line[m.start() : end]),
    )


def _date(text: str, reference: Optional[date], sp: StructurePatterns) -> Optional[str]:
    found = sp.dates.find(text)
    if not found:
        return None
    e = max(found, key=lambda x: x.end - x.start)
    if e.kind in ("mdy", "dmy"):
        return sp.dates.resolve_expression(e, None)[0]
    if e.kind in ("md", "dm"):
        g = e.groups
        d = cal.dateline_year(sp.dates.calendar.month_number(g["mon"]), int(g["d"]), reference)
        return d.isoformat() if d else None
    return None
