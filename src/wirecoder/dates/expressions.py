"""Fast regular-expression time expressions and their resolution to ISO 8601.

Every expression kind is one pattern built from the names in
data/patterns/calendar.yaml; resolution is plain calendar arithmetic against an
anchor date (the dateline date, else the article's reference date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator, Optional, Union

from . import calendar as cal


@dataclass
class TimeExpression:
    start: int
    end: int
    kind: str
    groups: dict  # named parts: mon, d, y, wd, mod, dir, unit, n, rel, pos, prep


# Words that may stand before a bare month name ("in May", "since early August").
_MONTH_LEADS = {
    "in", "since", "by", "until", "till", "during", "from", "to", "through", "of", "early", "late", "mid",
    "last", "next", "this", "before", "after", "and", "or", "between", "each", "every", "end", "beginning",
    "start", "middle", "around", "for",
}


_alternation = cal.alternation


def _cased(names) -> str:
    """Title Case and UPPER CASE spellings (news capitalises month and weekday names)."""
    return _alternation(v for n in names for v in (n[:1].upper() + n[1:], n.upper()))


def _ci(*words: str) -> str:
    """Each word in lower case and with a capital first letter, as literal alternatives."""
    return _alternation(v for w in words for v in (w, w[:1].upper() + w[1:]))


class DatePatterns:
    """The calendar's names and the time-expression patterns built from them: one per Coder, in its
    Resources (``Resources.date_patterns``); ``DatePatterns.load()`` for use outside a Coder."""

    def __init__(self, calendar: cal.Calendar):
        self.calendar = calendar
        self.expressions = _compile(calendar)

    @classmethod
    def load(cls) -> "DatePatterns":
        return cls(cal.Calendar.load())

    def find(self, text: str) -> list["TimeExpression"]:
        """Every time expression in `text`, longest first where they overlap, in text order."""
        return _find(self, text)

    def resolve_expression(self, e: "TimeExpression", anchor: Optional[date], tense: Optional[str] = None) -> "Resolved":
        """(value, end_value) of one expression; (None, None) when it needs an anchor and has none."""
        return _resolve_expression(self.calendar, e, anchor, tense)

    def resolve(self, text: str, anchor_date: Union[str, date, None], tense: Optional[str] = None) -> "Resolved":
        """Resolve a time expression such as 'last week', 'on Thursday', 'September 29' or
        '29 September 2025' to ISO 8601: (value, end_value), end_value set for ranges.

        `anchor_date` is the day the text speaks from (the dateline date, else the
        publication date); `tense` ('past', 'future' or None) picks the direction for
        weekdays and year-less dates. Unresolvable: (None, None)."""
        found = self.find(text)
        if not found:
            return None, None
        best = max(found, key=lambda e: e.end - e.start)
        return self.resolve_expression(best, cal.to_date(anchor_date), tense)

    def iter_full_dates(self, text: str) -> Iterator[tuple["TimeExpression", date]]:
        """Expressions that name a whole date with its year (for page timestamps)."""
        for e in self.find(text):
            if e.kind in ("iso", "numeric", "mdy", "dmy"):
                value, _ = self.resolve_expression(e, None)
                if value:
                    yield e, cal.to_date(value)


def _compile(lex: cal.Calendar) -> list[tuple[str, re.Pattern, Optional[re.Pattern], bool]]:
    """(kind, core, back, back_required) for every expression kind.

    Cores start with a literal word or a digit and are case-sensitive: Python's
    matcher then skips ahead to possible first characters, an order of magnitude
    faster than case-insensitive patterns with optional prefixes. Modifiers that
    precede the core ("last", "early", "in", "two weeks") are matched backwards
    from the core's start by `back`, anchored at its end."""
    mon = rf"(?P<mon>(?:{_cased(lex.months)})(?![\w]))"
    full_mon = rf"(?P<mon>(?:{_cased(n for n in lex.months if len(n) > 4 or n in ('may', 'june', 'july'))})(?![\w]))"
    wd = rf"(?P<wd>(?:{_cased(n for n in lex.weekdays if not n.endswith('.'))})(?![\w]))"
    num = rf"(?P<n>\d{{1,3}}|{_ci(*lex.number_words)})"
    units = r"(?P<unit>day|week|month|year)"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:1[89]|20)\d\d)"
    specs = [
        ("iso", rf"{year}-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b", None, False),
        ("numeric", rf"(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./]{year}\b", None, False),
        ("mdy", rf"{mon}\s*{day}(?:,\s*|\s+){year}\b", None, False),
        ("dmy", rf"{day}\s+(?:of\s+)?{mon},?\s+{year}\b", None, False),
        ("md", rf"{mon}\s*{day}\b(?![,.]?\d)", None, False),
        ("dm", rf"{day}\s+(?:of\s+)?{mon}", None, False),
        ("my", rf"{mon},?\s+{year}\b", rf"(?P<mod>{_ci('early', 'late', 'mid')})[\s-]+$", False),
        (
            "month",
            full_mon,
            rf"(?P<mod>{_ci('early', 'late', 'mid', 'the end of', 'the beginning of', 'the start of', 'the middle of')})[\s-]+$",
            False,
        ),
        (
            # "between January and April", "from March to May": one range, years in order.
            "month_range",
            full_mon,
            rf"(?:{_ci('between', 'from')})\s+(?P<first>{full_mon.replace('?P<mon>', '?P<mon1>')})\s+(?:and|to|through|until|-|–)\s+$",
            True,
        ),
        (
            "weekday",
            rf"{wd}(?:\s+(?:morning|afternoon|evening|night))?",
            rf"(?P<mod>{_ci('last', 'next', 'this coming', 'this', 'coming', 'past')})\s+$",
            False,
        ),
        ("rel_day", rf"(?P<rel>{_ci('yesterday', 'today', 'tomorrow', 'tonight', 'last night')})\b", None, False),
        (
            "period_pos",
            rf"(?P<pos>{_ci('end', 'beginning', 'start', 'middle')})\s+of\s+(?P<dir>the next|the last|the|this|next|last)\s+{units}\b",
            rf"{_ci('the')}\s+$",
            False,
        ),
        (
            "period",
            r"(?P<unit>weekend|week|month|year)\b",
            rf"(?:(?P<mod>{_ci('earlier', 'later')})\s+this|(?:(?P<the>{_ci('the')})\s+)?(?P<dir>{_ci('last', 'this', 'next', 'past', 'coming', 'previous')}))\s+$",
            True,
        ),
        ("ago", rf"ago\b", rf"{num}\s+{units}s?\s+$", True),
        ("past_n", rf"{units}s\b", rf"(?:{_ci('the')}\s+)?(?:{_ci('past', 'last', 'previous')})\s+{num}\s+$", True),
        (
            "year",
            rf"{year}\b(?!\s*(?:[-–/]\s*\d|%|percent))",
            rf"(?:(?P<mod>{_ci('early', 'late', 'mid')})[\s-]+|(?P<prep>{_ci('in', 'since', 'by', 'until', 'till', 'from', 'during', 'before', 'after', 'through', 'of', 'to', 'and', 'for')})\s+)$",
            True,
        ),
    ]
    return [(kind, re.compile(core), re.compile(back) if back else None, required) for kind, core, back, required in specs]


_BACK_WINDOW = 40


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")


def _find(dp: DatePatterns, text: str) -> list[TimeExpression]:
    found = []
    for kind, core, back, required in dp.expressions:
        for m in core.finditer(text):
            if not _word_start(text, m.start()):
                continue
            groups = m.groupdict()
            start = m.start()
            if back is not None:
                window_start = max(0, start - _BACK_WINDOW)
                b = back.search(text, window_start, start)
                if b is not None and _word_start(text, b.start()):
                    groups.update({k: v for k, v in b.groupdict().items() if v is not None})
                    # "in 2014": the preposition is context, not part of the expression.
                    if groups.get("first"):
                        start = b.start("first")
                    elif not groups.get("prep"):
                        start = b.start()
                elif required:
                    continue
            if not _valid(kind, groups, text, start):
                continue
            found.append(TimeExpression(start, m.end(), kind, groups))
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[TimeExpression] = []
    for e in found:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


def _valid(kind: str, g: dict, text: str, start: int) -> bool:
    if g.get("d") and not 1 <= int(g["d"]) <= 31:
        return False
    if g.get("m") and not 1 <= int(g["m"]) <= 12:
        return False
    if kind == "month" and not g.get("mod"):
        before = text[max(0, start - 12) : start].split()
        if not before or before[-1].lower().rstrip("-") not in _MONTH_LEADS:
            return False
    return True


def _n(value: str, lex: cal.Calendar) -> Optional[int]:
    if value.isdigit():
        return int(value)
    return lex.numbers.get(value.lower())


def _iso(d: Optional[date]) -> Optional[str]:
    return d.isoformat() if d else None


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


Resolved = tuple[Optional[str], Optional[str]]


def _resolve_expression(lex: cal.Calendar, e: TimeExpression, anchor: Optional[date], tense: Optional[str]) -> Resolved:
    g = e.groups
    kind = e.kind
    if kind in ("iso", "numeric"):
        return _iso(cal.safe_date(int(g["y"]), int(g["m"]), int(g["d"]))), None
    if kind in ("mdy", "dmy"):
        return _iso(cal.safe_date(int(g["y"]), lex.month_number(g["mon"]), int(g["d"]))), None
    if kind == "my":
        return _ym(int(g["y"]), lex.month_number(g["mon"])), None
    if kind == "year":
        return g["y"], None
    if anchor is None:
        return None, None
    if kind in ("md", "dm"):
        return _iso(cal.nearest_year(lex.month_number(g["mon"]), int(g["d"]), anchor, tense)), None
    if kind == "month":
        return _ym(*cal.nearest_month(lex.month_number(g["mon"]), anchor, tense)), None
    if kind == "month_range":
        y2, m2 = cal.nearest_month(lex.month_number(g["mon"]), anchor, tense)
        m1 = lex.month_number(g["mon1"])
        return _ym(y2 if m1 <= m2 else y2 - 1, m1), _ym(y2, m2)
    if kind == "weekday":
        mod = (g.get("mod") or "").lower()
        wd = lex.weekday_number(g["wd"])
        if mod in ("next", "coming", "this coming"):
            return _iso(cal.weekday_date(wd, anchor, "future")), None
        if mod in ("last", "past"):
            return _iso(cal.weekday_date(wd, anchor, "past", strict=True)), None
        return _iso(cal.weekday_date(wd, anchor, "future" if tense == "future" else "past")), None
    if kind == "rel_day":
        shift = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["rel"].lower()]
        return _iso(anchor + timedelta(days=shift)), None
    if kind == "ago":
        n = _n(g["n"], lex)
        if n is None:
            return None, None
        unit = g["unit"].lower()
        if unit == "day":
            return _iso(anchor - timedelta(days=n)), None
        if unit == "week":
            return _iso(anchor - timedelta(weeks=n)), None
        if unit == "month":
            return _ym(*cal.shift_month(anchor.year, anchor.month, -n)), None
        return f"{anchor.year - n:04d}", None
    if kind == "past_n":
        n = _n(g["n"], lex)
        if n is None:
            return None, None
        return _iso(_back(anchor, g["unit"].lower(), n)), _iso(anchor)
    if kind == "period_pos":
        shift = {"last": -1, "the last": -1, "next": 1, "the next": 1}.get(g["dir"].lower(), 0)
        return _period(anchor, g["unit"].lower(), shift)
    if kind == "period":
        unit = g["unit"].lower()
        mod = (g.get("mod") or "").lower()
        if mod == "earlier":
            start = {"week": cal.week_range(anchor)[0], "weekend": cal.week_range(anchor)[0]}.get(unit)
            start = start or (date(anchor.year, anchor.month, 1) if unit == "month" else date(anchor.year, 1, 1))
            return _iso(start), _iso(anchor)
        if mod == "later":
            end = {"week": cal.week_range(anchor)[1], "weekend": cal.week_range(anchor)[1]}.get(unit)
            end = end or (cal.month_end(anchor.year, anchor.month) if unit == "month" else date(anchor.year, 12, 31))
            return _iso(anchor), _iso(end)
        direction = g["dir"].lower()
        # "the past week", "in the last year": the stretch up to the anchor, not the calendar period.
        if direction == "past" or (direction == "last" and g.get("the")):
            return _iso(_back(anchor, "week" if unit == "weekend" else unit, 1)), _iso(anchor)
        shift = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[direction]
        if unit == "weekend":
            if shift == 0 and tense == "past" and anchor.weekday() < 5:
                shift = -1  # "this weekend, he said..." in a past-tense sentence: the one just gone
            return _weekend(anchor, shift)
        return _period(anchor, unit, shift)
    return None, None


def _back(anchor: date, unit: str, n: int) -> date:
    if unit == "day":
        return anchor - timedelta(days=n)
    if unit == "week":
        return anchor - timedelta(weeks=n)
    if unit == "month":
        y, m = cal.shift_month(anchor.year, anchor.month, -n)
        return cal.safe_date(y, m, anchor.day) or cal.month_end(y, m)
    return cal.shift_years(anchor, -n)


def _period(anchor: date, unit: str, shift: int) -> Resolved:
    if unit == "week":
        start, end = cal.week_range(anchor, shift)
        return _iso(start), _iso(end)
    if unit == "month":
        return _ym(*cal.shift_month(anchor.year, anchor.month, shift)), None
    return f"{anchor.year + shift:04d}", None


def _weekend(anchor: date, shift: int) -> Resolved:
    if shift < 0:  # the last Saturday-Sunday that ended before the anchor's day
        saturday = cal.weekday_date(5, anchor - timedelta(days=1), "past")
        if saturday + timedelta(days=1) >= anchor:
            saturday -= timedelta(days=7)
    else:
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
        if anchor.weekday() == 6:  # said on a Sunday: the weekend under way
            saturday = anchor - timedelta(days=1)
    return _iso(saturday), _iso(saturday + timedelta(days=1))
