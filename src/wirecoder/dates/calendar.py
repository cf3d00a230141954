"""Calendar arithmetic for news dates: names from data/patterns/calendar.yaml, year choice, weeks."""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

import yaml

PATTERNS_DIR = Path(__file__).resolve().parent.parent / "data" / "patterns"


def alternation(names) -> str:
    """A regex matching any of `names` literally, longest first so that "sept." wins over "sept"
    and "sep"; ties in a fixed order, so that the pattern is the same in every process; grouped,
    so that what follows binds to every choice."""
    return "(?:" + "|".join(re.escape(n) for n in sorted(set(names), key=lambda n: (-len(n), n))) + ")"


@dataclass(frozen=True)
class Calendar:
    """Month and weekday names -> numbers, number words and future cues (data/patterns/calendar.yaml).
    Loaded once per Coder, in its Resources (``Resources.date_patterns.calendar``)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    number_words: list[str]
    future_cues: frozenset[str]

    @classmethod
    def load(cls) -> "Calendar":
        raw = yaml.safe_load((PATTERNS_DIR / "calendar.yaml").read_text(encoding="utf-8"))
        return cls(
            months={name: int(num) for num, names in raw["months"].items() for name in names},
            weekdays={name: int(num) for num, names in raw["weekdays"].items() for name in names},
            numbers={k: v for k, v in raw["numbers"].items() if v is not None},
            number_words=list(raw["numbers"]),
            future_cues=frozenset(raw["future_cues"]),
        )

    def month_number(self, name: str) -> Optional[int]:
        return self.months.get(name.lower().rstrip(".")) or self.months.get(name.lower())

    def weekday_number(self, name: str) -> Optional[int]:
        n = name.lower()
        return self.weekdays.get(n, self.weekdays.get(n + "."))


_ISO_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def to_date(value: Union[str, date, None]) -> Optional[date]:
    """A date from an ISO date or datetime string ('2026-09-29', '2026-09-29T15:40:00+03:00')."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    m = _ISO_PREFIX.match(str(value).strip())
    if not m:
        return None
    return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def safe_date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def dateline_year(month: int, day: int, reference: Optional[date], days_after: int = 7) -> Optional[date]:
    """The date for a year-less dateline: the latest one on or before the reference date,
    or at most `days_after` days after it (a story filed just before the page's clock date).
    No reference date: None (a year is never invented)."""
    if reference is None:
        return None
    limit = reference + timedelta(days=days_after)
    candidates = [d for y in (reference.year + 1, reference.year, reference.year - 1) if (d := safe_date(y, month, day))]
    before = [d for d in candidates if d <= limit]
    return max(before) if before else None


def nearest_year(month: int, day: int, anchor: date, tense: Optional[str] = None) -> Optional[date]:
    """The year-less date in the text nearest to the anchor; 'past' keeps it on or before the
    anchor, 'future' on or after."""
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := safe_date(y, month, day))]
    if tense == "past":
        candidates = [d for d in candidates if d <= anchor] or candidates
    elif tense == "future":
        candidates = [d for d in candidates if d >= anchor] or candidates
    # Ties go to the past: news mostly reports what happened.
    return min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor)) if candidates else None


def nearest_month(month: int, anchor: date, tense: Optional[str] = None) -> tuple[int, int]:
    """(year, month) for a month named without a year."""
    if tense == "future":
        return (anchor.year if month >= anchor.month else anchor.year + 1, month)
    if tense == "past":
        return (anchor.year if month <= anchor.month else anchor.year - 1, month)
    options = [(anchor.year + dy, month) for dy in (-1, 0, 1)]
    return min(options, key=lambda ym: (abs((ym[0] - anchor.year) * 12 + ym[1] - anchor.month), ym > (anchor.year, anchor.month)))


def weekday_date(weekday: int, anchor: date, tense: Optional[str] = "past", strict: bool = False) -> date:
    """The weekday nearest the anchor in the direction of the tense: on or before it for the
    past (strictly before with `strict`, as in 'last Tuesday'), after it for the future."""
    if tense == "future":
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead)
    back = (anchor.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def week_range(anchor: date, weeks: int = 0) -> tuple[date, date]:
    """Monday..Sunday of the anchor's week shifted by `weeks`."""
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=weeks)
    return monday, monday + timedelta(days=6)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def shift_years(d: date, years: int) -> date:
    return safe_date(d.year + years, d.month, d.day) or date(d.year + years, d.month, 28)
