"""The store's queries declared once: each query's filters, with their help, their validation and
the SQL condition each adds.

The CLI options (``wirecoder query ...``, store/commands.py), the HTTP parameters (web/params.py)
and the Store's own queries are all made from these declarations, so a filter has one name, one
meaning and one check everywhere; a name that is not declared is refused (QueryError), never
ignored. docs/store.md lists the same names.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from typing import Any, Callable, Optional

from ..errors import WirecoderError
from .sql import Where, parse_date


class QueryError(WirecoderError):
    """A filter the query does not have, or a value it cannot take; names the parameter."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}", kind="bad_query")
        self.param = param


@dataclass(frozen=True)
class Kind:
    """What values a filter takes: how they are checked and turned into the value queried."""

    name: str
    format: str  # said in the help
    pattern: Optional[str] = None  # the raw text must match (case-insensitive)
    max_length: int = 200
    upper: bool = False
    convert: Optional[Callable[[str], Any]] = None

    def parse(self, param: str, raw: Any) -> Any:
        """The checked value of `raw` (None for a blank: HTML forms send every field)."""
        if raw is None:
            return None
        if self.name == "flag":
            return _flag(param, raw)
        if self.name == "quad" and isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            raise QueryError(param, f"expected {self.format}, not {raw!r}")
        value = raw.strip()
        if not value:
            return None
        if len(value) > self.max_length:
            raise QueryError(param, f"{len(value)} characters is over the limit of {self.max_length}")
        if self.pattern and not re.fullmatch(self.pattern, value, re.IGNORECASE):
            raise QueryError(param, f"expected {self.format}, not {value!r}")
        if self.upper:
            value = value.upper()
        try:
            return self.convert(value) if self.convert else value
        except QueryError:
            raise
        except WirecoderError as exc:
            raise QueryError(param, str(exc)) from None


def _flag(param: str, raw: Any) -> Optional[bool]:
    if isinstance(raw, bool):
        return raw
    value = str(raw).strip().lower()
    if not value:
        return None
    if value in ("true", "1", "yes", "on"):
        return True
    if value in ("false", "0", "no", "off"):
        return False
    raise QueryError(param, f"expected true or false, not {raw!r}")


def _date(value: str) -> str:
    parse_date(value)  # a clear error for 2026-02-30
    return value


@dataclass(frozen=True)
class Cursor:
    """Where a page ends, for keyset paging (`after`): the sort key of its last row (newest first,
    then the order stored) and, in a list by relevance, that row's relevance. Written as text:
    `k<key>`, or `r<relevance as 16 hex digits>k<key>`."""

    key: int
    relevance: Optional[float] = None

    def __str__(self) -> str:
        if self.relevance is None:
            return f"k{self.key}"
        return f"r{struct.pack('>d', self.relevance).hex()}k{self.key}"

    @classmethod
    def parse(cls, text: str) -> "Cursor":
        m = re.fullmatch(r"(?:r([0-9a-f]{16}))?k(-?\d{1,20})", text)
        if not m:
            raise WirecoderError(f"not a page cursor: {text!r}", kind="bad_query")
        relevance = struct.unpack(">d", bytes.fromhex(m.group(1)))[0] if m.group(1) else None
        return cls(int(m.group(2)), relevance)


KINDS = {k.name: k for k in (
    Kind("actor", "an actor code (RUSGOV) or part of a name"),
    Kind("speaker", "a speaker's name, exactly or in part"),
    Kind("name", "part of a name"),
    Kind("site", "part of a host name"),
    Kind("place", "part of a place name, or an ISO alpha-3 country"),
    Kind("article", "an article id", max_length=500),
    Kind("key", "a speaker key (CODE|words)", max_length=500),
    Kind("words", "words; \"a phrase\" in double quotes", max_length=10_000),
    Kind("country", "an ISO 3166 alpha-3 code (RUS)", pattern=r"[a-z]{3}", upper=True),
    Kind("cameo", "a CAMEO code or its prefix (19, 190)", pattern=r"\d{1,4}"),
    Kind("plover", "a PLOVER event type (ACCUSE)", pattern=r"[a-z_\-]{2,40}", upper=True),
    Kind("quad", "a quad class 1-4", pattern=r"[1-4]", convert=int),
    Kind("date", "a date YYYY-MM-DD", pattern=r"\d{4}-\d{2}-\d{2}", convert=_date),
    Kind("flag", "true or false"),
    Kind("role", "source or target", pattern=r"source|target", convert=str.lower),
    Kind("cursor", "a page cursor: the `next` of the previous page", pattern=r"(r[0-9a-f]{16})?k-?\d{1,20}",
         max_length=60, convert=lambda v: Cursor.parse(v.lower())),
)}


def _like(term: str) -> str:
    # No ESCAPE in DuckDB's ILIKE by default: drop % so a term cannot widen itself; _ stays a one-char wildcard.
    return "%" + str(term).replace("%", "") + "%"


def is_code(cur, value: str) -> bool:
    """A stored actor code (RUSGOV)? Then filters match it exactly; else by part of a name."""
    # actor_names is small (one row per actor); actors (one row per event side) is asked only when it
    # lacks the value, as in a store from before actor_names.
    # fetchall, not fetchone: a result left open would keep the cursor from registering tables afterwards.
    return bool(cur.execute("SELECT 1 FROM actor_names WHERE code = upper(?) LIMIT 1", [value]).fetchall()
                or cur.execute("SELECT 1 FROM actors WHERE code = upper(?) LIMIT 1", [value]).fetchall())


# -- the conditions: each takes (cursor, Where, checked value) -------------------------------------
Condition = Callable[[Any, Where, Any], None]


def _sql(sql: str) -> Condition:
    """A condition whose every ? is the value."""
    n = sql.count("?")
    return lambda cur, w, v: w.add(sql, *[v] * n)


def _when_true(sql: str) -> Condition:
    return lambda cur, w, v: w.add(sql) if v else None


def _actor(*sides: str) -> Condition:
    def add(cur, w: Where, v: str) -> None:
        if is_code(cur, v):
            w.add("(" + " OR ".join(f"{s}_code = upper(?)" for s in sides) + ")", *[v] * len(sides))
        else:
            cols = [f"{s}_{c}" for s in sides for c in ("name", "text")]
            w.add("(" + " OR ".join(f"{c} ILIKE ?" for c in cols) + ")", *[_like(v)] * len(cols))
    return add


def _speaker(cur, w: Where, v: str) -> None:
    if cur.execute("SELECT 1 FROM speakers WHERE name_key = lower(?) LIMIT 1", [v]).fetchall():
        w.add("speaker_key = lower(?)", v)
    else:
        w.add("speaker ILIKE ?", _like(v))


def _date_from(cur, w: Where, v: str) -> None:
    w.add("date >= ?", parse_date(v))


def _date_to(cur, w: Where, v: str) -> None:
    w.add("date <= ?", parse_date(v))


def _words(cur, w: Where, v: str) -> None:
    """Text search is the store's own (the word index, store/search.py): see Store._text_search."""


@dataclass(frozen=True)
class Filter:
    name: str
    kind: str
    help: str
    where: Condition

    @property
    def option(self) -> str:
        """The CLI option: the same name with dashes (date_from: --date-from)."""
        return "--" + self.name.replace("_", "-")


def _no_condition(cur, w: Where, v: Any) -> None:
    """A paging parameter: the Store places the page itself (store.py, _page_rows)."""


# Keyset paging, for the lists that are newest first (or most relevant first): the page after the
# row a cursor names, found as fast deep in a list as on its first page (an offset of 100,000 has
# to count 100,000 rows first). Each page of such a list carries `next`, the cursor of its last row.
AFTER = Filter("after", "cursor", "Continue after the last row of the previous page: its `next` (keyset paging, "
               "as fast deep in a list as on its first page; `offset` then skips rows after it).", _no_condition)


@dataclass(frozen=True)
class Query:
    name: str
    help: str
    filters: tuple[Filter, ...]
    cursor: bool = False  # takes `after` (AFTER) and gives `next`

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.filters)

    @property
    def paging(self) -> tuple[Filter, ...]:
        """The paging parameters besides limit and offset: AFTER for the lists with a cursor."""
        return (AFTER,) if self.cursor else ()

    def check_after(self, raw: Any) -> Optional[Cursor]:
        """The checked cursor of `after` (None for none); QueryError for a query without cursors."""
        if raw is None or raw == "":
            return None
        if not self.cursor:
            raise QueryError("after", f"{self.name} has no cursor paging: use offset")
        if isinstance(raw, Cursor):
            return raw
        return KINDS["cursor"].parse("after", raw)

    def filter(self, name: str) -> Filter:
        for f in self.filters:
            if f.name == name:
                return f
        raise QueryError(name, f"no such filter for {self.name}; the filters are {', '.join(self.names)}")

    def check(self, values: dict[str, Any]) -> dict[str, Any]:
        """The values checked and converted, blanks left out; an unknown name or bad value raises QueryError."""
        out = {}
        for name, raw in values.items():
            f = self.filter(name)
            value = KINDS[f.kind].parse(name, raw)
            if value is not None:
                out[name] = value
        if out.get("date_from") and out.get("date_to") and out["date_from"] > out["date_to"]:
            raise QueryError("date_from", f"{out['date_from']} is after date_to {out['date_to']}")
        return out

    def where(self, cur, values: dict[str, Any]) -> Where:
        """The WHERE clause of checked `values` (text search, kind "words", is left to the caller)."""
        w = Where()
        for f in self.filters:
            if f.name in values and f.kind != "words":
                f.where(cur, w, values[f.name])
        return w

    def cli_args(self, name: str, value: Any) -> list[str]:
        """The command-line arguments that give filter `name` the value `value`."""
        f = self.filter(name)
        if f.kind == "flag":
            return [f.option if value else "--no-" + f.option[2:]]
        return [f.option, str(value)]


def _f(name: str, kind: str, help: str, where: Condition) -> Filter:
    return Filter(name, kind, help, where)


DATE_FROM = _f("date_from", "date", "First date, YYYY-MM-DD, inclusive.", _date_from)
DATE_TO = _f("date_to", "date", "Last date, YYYY-MM-DD, inclusive.", _date_to)

EVENT_FILTERS = (
    _f("source", "actor", "Source actor: a stored code (RUSGOV) exactly, else part of a name or text.", _actor("source")),
    _f("target", "actor", "Target actor: a code or part of a name.", _actor("target")),
    _f("actor", "actor", "Either side: a code or part of a name.", _actor("source", "target")),
    _f("source_country", "country", "Source country, ISO alpha-3.", _sql("source_country = ?")),
    _f("target_country", "country", "Target country, ISO alpha-3.", _sql("target_country = ?")),
    _f("country", "country", "Either side's country, ISO alpha-3.", _sql("(source_country = ? OR target_country = ?)")),
    _f("cameo", "cameo", "CAMEO code or its prefix (19: every code under root 19).",
       lambda cur, w, v: w.add("cameo LIKE ?", v + "%")),
    _f("plover", "plover", "PLOVER event type (ASSAULT, ACCUSE, ...).", _sql("upper(plover) = ?")),
    _f("quad", "quad", "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
       "4 material conflict.", _sql("quad = ?")),
    DATE_FROM,
    DATE_TO,
    _f("place", "place", "Part of a place name, or a country code.",
       lambda cur, w, v: w.add("(place_name ILIKE ? OR place_country = upper(?))", _like(v), v)),
    _f("article_id", "article", "Only this article's events.", _sql("article_id = ?")),
    _f("negated", "flag", "true: only negated events; false: only asserted ones.", _sql("negated = ?")),
    _f("dedup", "flag", "Count each near-duplicate story once.", _when_true("NOT is_dup")),
)

QUERIES: dict[str, Query] = {q.name: q for q in (
    Query("events", "Events by actor, country, CAMEO/PLOVER type, date range or place.", EVENT_FILTERS, cursor=True),
    Query("statements", "Statements by speaker or by words said.", (
        _f("speaker", "speaker", "Speaker: a stored name exactly (case-insensitive), else part of a name.", _speaker),
        _f("speaker_id", "key", "One speaker across articles: the `key` of `query speakers`.",
           _sql("canon_key = ?")),
        _f("q", "words", "Words that must all occur in what was said; \"a phrase\" in double quotes.", _words),
        _f("article_id", "article", "Only this article's statements.", _sql("article_id = ?")),
        DATE_FROM,
        DATE_TO,
        _f("dedup", "flag", "Count each near-duplicate story once.", _when_true("NOT is_dup")),
    ), cursor=True),
    Query("articles", "Articles by text search, date or site.", (
        _f("q", "words", "Words that must all occur in the title or text; \"a phrase\" in double quotes.", _words),
        DATE_FROM,
        DATE_TO,
        _f("site", "site", "Part of the site's host name.", lambda cur, w, v: w.add("site ILIKE ?", _like(v))),
        _f("has_events", "flag", "true: only articles with events; false: only those without.",
           lambda cur, w, v: w.add("n_events > 0" if v else "n_events = 0")),
        _f("dedup", "flag", "Leave out near-duplicates of stored articles.", _when_true("dup_of IS NULL")),
    ), cursor=True),
    Query("speakers", "Speakers by number of statements.", (
        _f("q", "name", "Part of the speaker's name.", lambda cur, w, v: w.add("name ILIKE ?", _like(v))),
    )),
    Query("actors", "Actors by number of events.", (
        _f("q", "actor", "Actor code, or part of a name.",
           lambda cur, w, v: w.add("(code = upper(?) OR name ILIKE ? OR text ILIKE ?)", v, _like(v), _like(v))),
        _f("role", "role", "Only as source or as target.", _sql("role = ?")),
        _f("country", "country", "Country, ISO alpha-3.", _sql("country = ?")),
        _f("dedup", "flag", "Count each near-duplicate story once.", _when_true("NOT is_dup")),
    )),
)}
