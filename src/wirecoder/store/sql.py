"""A WHERE clause built from optional filters, with its parameters kept beside it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import WirecoderError


class Where:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> "Where":
        self.parts.append(sql)
        self.params.extend(params)
        return self

    def date_range(self, column: str, date_from: Any = None, date_to: Any = None) -> "Where":
        if date_from:
            self.add(f"{column} >= ?", parse_date(date_from))
        if date_to:
            self.add(f"{column} <= ?", parse_date(date_to))
        return self

    def copy(self) -> "Where":
        """A Where with the same conditions, to add more to without changing this one."""
        other = Where()
        other.parts, other.params = list(self.parts), list(self.params)
        return other

    @property
    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.parts)) if self.parts else ""


def parse_date(value: Any) -> dt.date:
    """YYYY-MM-DD (or YYYY-MM, YYYY: the first day) as a date; a clear error otherwise."""
    if isinstance(value, dt.date):
        return value
    from .rows import to_date

    d = to_date(str(value))
    if d is None:
        raise WirecoderError(f"not a date: {value!r} (use YYYY-MM-DD)", kind="bad_query")
    return d
