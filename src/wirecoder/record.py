"""The record: one article and everything wirecoder finds in it.

Every stage fills part of one :class:`Record`. Every span is ``(start, end)``
into ``Record.text`` with its ``text`` equal to ``record.text[start:end]``;
:meth:`Record.check_spans` verifies that for a whole record.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import json
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Iterator, NamedTuple, Optional, Union


@dataclass
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])


@dataclass
class Defect:
    """Stretch of the text that is not article prose; later stages skip it."""

    start: int
    end: int
    kind: str  # debris | truncated_sentence | boilerplate
    text: str = ""


@dataclass
class Dateline:
    place: Optional[str] = None
    agency: Optional[str] = None
    date: Optional[str] = None  # ISO 8601, resolved against the reference date
    span: Optional[Span] = None


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str


@dataclass
class Place:
    start: int
    end: int
    text: str
    name: str = ""
    country: Optional[str] = None  # ISO 3166 alpha-3
    kind: str = ""  # city | country | admin | region
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None


@dataclass
class DateRef:
    """A time expression resolved to ISO 8601 (a day, or a range start/end)."""

    start: int
    end: int
    text: str
    value: Optional[str] = None  # YYYY-MM-DD (or YYYY-MM / YYYY when that is all the text says)
    end_value: Optional[str] = None  # for ranges


@dataclass
class Statement:
    speaker: Optional[Span] = None
    speaker_name: Optional[str] = None
    speaker_role: Optional[str] = None
    speaker_org: Optional[str] = None
    speaker_code: Optional[str] = None
    cue: Optional[Span] = None
    content: list[Span] = field(default_factory=list)
    kind: str = "indirect"  # direct | indirect | mixed
    type: str = "speech"  # speech | belief | report | ...
    sentence: Optional[Span] = None
    negated: bool = False


@dataclass
class Speaker:
    name: str
    mentions: list[Span] = field(default_factory=list)
    statements: list[int] = field(default_factory=list)
    role: Optional[str] = None
    org: Optional[str] = None
    code: Optional[str] = None


@dataclass
class ActorRef:
    start: int
    end: int
    text: str
    code: Optional[str] = None  # CAMEO style: country + role, e.g. RUSGOV
    country: Optional[str] = None  # ISO 3166 alpha-3
    sector: Optional[str] = None  # PLOVER sector
    name: Optional[str] = None  # canonical name from the dictionary


@dataclass
class Event:
    trigger: Span
    sentence: Optional[Span] = None
    source: Optional[ActorRef] = None
    target: Optional[ActorRef] = None
    cameo: Optional[str] = None
    cameo_name: Optional[str] = None
    root: Optional[str] = None
    quad: Optional[int] = None
    penta: Optional[int] = None
    plover: Optional[str] = None
    mode: Optional[str] = None
    context: Optional[str] = None
    negated: bool = False
    modality: str = "asserted"
    date: Optional[str] = None
    date_span: Optional[Span] = None
    date_precision: Optional[str] = None  # day | month | year
    date_source: Optional[str] = None  # text | dateline | published | reference
    place: Optional[Place] = None
    statement: Optional[int] = None
    # the triggers of the same event told again later in the article (a headline repeated in the body,
    # "the strike" again in a quote): one event, coded at its first mention
    mentions: list[Span] = field(default_factory=list)


class _JsonObject:
    """JSON (de)serialisation shared by the records written to output."""

    def to_dict(self) -> dict[str, Any]:
        """What ``dataclasses.asdict`` gives (a deep copy, dataclasses as dicts), several times faster."""
        return _plain(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        return _build(cls, data)


@dataclass
class Record(_JsonObject):
    id: str
    source: str
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    published: Optional[str] = None
    reference_date: Optional[str] = None
    input_format: str = "text"
    encoding: Optional[str] = None
    title_span: Optional[Span] = None
    headings: list[Span] = field(default_factory=list)
    dateline: Optional[Dateline] = None
    defects: list[Defect] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    provenance: dict[str, Any] = field(default_factory=dict)

    # -- one answer for questions several parts ask ------------------------
    def anchor_date(self) -> Optional[str]:
        """The day the article speaks from (YYYY-MM-DD), or None: see :func:`anchor_date`."""
        return anchor_date(self.dateline.date if self.dateline is not None else None, self.reference_date,
                           self.published)

    # -- helpers for stages ----------------------------------------------
    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def in_defect(self, start: int, end: int, kinds: Optional[tuple[str, ...]] = None) -> bool:
        """True when [start, end) overlaps a stretch marked as not prose (of one of `kinds`,
        e.g. ("debris",) to keep the words of a truncated sentence)."""
        return any(d.start < end and start < d.end and (kinds is None or d.kind in kinds) for d in self.defects)

    def iter_spans(self) -> Iterator[tuple[str, Any]]:
        """Every object with start/end/text in the record, with a path naming it."""
        yield from _walk(self, "")

    def check_spans(self) -> list[str]:
        """Problems with spans: out of range, or text not equal to the slice."""
        problems = []
        n = len(self.text)
        for path, s in self.iter_spans():
            if not (0 <= s.start <= s.end <= n):
                problems.append(f"{path}: ({s.start}, {s.end}) outside text of length {n}")
            elif s.text and s.text != self.text[s.start : s.end]:
                problems.append(f"{path}: text {s.text!r} != slice {self.text[s.start:s.end]!r}")
        return problems


@dataclass
class ErrorInfo:
    kind: str
    message: str


@dataclass
class ErrorRecord(_JsonObject):
    """Stands in the output where an input could not be coded."""

    id: str
    source: str
    error: ErrorInfo
    provenance: dict[str, Any] = field(default_factory=dict)


def anchor_date(dateline_date: Optional[str], reference_date: Optional[str], published: Optional[str]) -> Optional[str]:
    """The day an article speaks from, in this order, the first that is a calendar day (YYYY-MM-DD):

    1. the dateline's date ("MOSCOW, September 29"): the day the story was filed;
    2. the reference date: the input's own date (its ``date``, else an HTML page's publication
       date, else the WARC record's date or the ``reference_date`` setting);
    3. the publication date found on the page (a timestamp in the text).

    Relative dates ("on Tuesday"), a person's office on the day, the day the store files an
    article under and Spark's ``article_date`` partition all use this one answer. It takes
    plain values so that a record read back as a dict (the store) asks the same question.
    """
    for value in (dateline_date, reference_date, published):
        day = _iso_day(value)
        if day is not None:
            return day
    return None


def _iso_day(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    m = _DAY.match(str(value).strip())
    if m is None:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:  # "2026-02-30"
        return None


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class FieldSpec(NamedTuple):
    name: str
    type: Any  # the resolved type hint: str, Optional[Span], list[Statement], dict[str, Any] ...
    required: bool  # no default
    default: Any  # the default value (a fresh one for list and dict fields); None when required


def record_fields(cls: type = None, skip: tuple[str, ...] = ()) -> list[FieldSpec]:
    """The fields of a record type (Record, Statement, Event, Span ...), in order, with their types.

    The one description of the record schema: the Spark schema (``spark/schema.py``) and the API
    response models are built from it, so a field added here reaches them without another edit.
    Nested record types are the dataclasses in the hints; :func:`record_types` lists them all.
    """
    cls = Record if cls is None else cls
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        if f.default is not dataclasses.MISSING:
            out.append(FieldSpec(f.name, hints[f.name], False, f.default))
        elif f.default_factory is not dataclasses.MISSING:
            out.append(FieldSpec(f.name, hints[f.name], False, f.default_factory()))
        else:
            out.append(FieldSpec(f.name, hints[f.name], True, None))
    return out


def record_types(cls: type = None) -> list[type]:
    """`cls` (default Record) and every record dataclass it holds, innermost first (an order in
    which models can be declared, each after the ones it refers to)."""
    cls = Record if cls is None else cls
    seen: list[type] = []

    def visit(tp: Any) -> None:
        for arg in typing.get_args(tp):
            visit(arg)
        if dataclasses.is_dataclass(tp) and tp not in seen:
            for spec in record_fields(tp):
                visit(spec.type)
            seen.append(tp)

    visit(cls)
    return seen


def from_dict(data: dict[str, Any]) -> Union[Record, ErrorRecord]:
    """A Record or an ErrorRecord from its JSON object."""
    return ErrorRecord.from_dict(data) if "error" in data else Record.from_dict(data)


_SPANLIKE = (Span, Defect, Entity, Place, ActorRef, DateRef)

_ATOMS = (str, int, float, bool, type(None))  # what records hold at their leaves; copies are themselves
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(obj: Any) -> Any:
    """``dataclasses.asdict`` for records: the same dicts, lists and copies, without asdict's per-value
    deepcopy calls and field lookups (a third of the time of writing a record as JSON)."""
    cls = type(obj)
    if cls in _ATOMS:
        return obj
    names = _FIELD_NAMES.get(cls)
    if names is not None:
        return {name: _plain(getattr(obj, name)) for name in names}
    if cls is list:
        return [_plain(x) for x in obj]
    if cls is dict:
        return {_plain(k): _plain(v) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(obj))
        return _plain(obj)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):  # a named tuple, as asdict rebuilds it
        return cls(*[_plain(x) for x in obj])
    if isinstance(obj, (list, tuple)):
        return cls(_plain(x) for x in obj)
    if isinstance(obj, dict):
        return cls((_plain(k), _plain(v)) for k, v in obj.items())
    return copy.deepcopy(obj)


def _walk(obj: Any, path: str) -> Iterator[tuple[str, Any]]:
    if isinstance(obj, _SPANLIKE):
        yield path, obj
    if dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            if f.name == "text" and isinstance(obj, Record):
                continue
            yield from _walk(getattr(obj, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _walk(item, f"{path}[{i}]")


def _build(tp: Any, data: Any) -> Any:
    """Rebuild nested dataclasses from plain JSON values using the type hints."""
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(args[0], data) if len(args) == 1 else data
    if origin is list:
        (arg,) = typing.get_args(tp) or (Any,)
        return [_build(arg, x) for x in data]
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _build(hints[k], v) for k, v in data.items() if k in names})
    return data
