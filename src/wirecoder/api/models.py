"""Pydantic models of the HTTP API's requests and responses (they make /openapi.json useful).

The record's models (``FullRecord`` and the types it holds) are derived from the dataclasses in
``wirecoder.record``; the store's rows (``EventItem`` from the flat event table, the other list
items) are written here. ``extra="allow"`` lets any further field through unchanged, so the API
never hides data.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# -- the full record (README "Output format"), derived from wirecoder.record ----------------------
# The models of a record and of everything it holds are built from the dataclasses through
# record.record_fields / record_types (as the Spark schema is), so a field added to a record type
# is in /openapi.json without an edit here. Only descriptions are written here, by "Type.field".
DESCRIPTIONS: dict[str, str] = {
    "Record.text": "The article text every span indexes into (start, end)",
    "Record.published": "Publication date found on the page or given with the input",
    "Record.reference_date": "The input's own date (or the page's, the WARC record's, the reference_date setting)",
    "Record.title_span": "Where the title is in `text`, when it is there",
    "Record.provenance": "Which wirecoder, model and dictionaries coded the record",
    "Defect.kind": "debris | truncated_sentence | boilerplate",
    "Dateline.date": "ISO 8601, resolved against the reference date",
    "Place.country": "ISO 3166 alpha-3",
    "Place.kind": "city | country | admin | region",
    "DateRef.value": "YYYY-MM-DD (or YYYY-MM / YYYY when that is all the text says)",
    "DateRef.end_value": "The end of a range",
    "Statement.speaker_code": "CAMEO-style actor code of the speaker, e.g. RUSGOV",
    "Statement.kind": "direct | indirect | mixed",
    "Statement.type": "speech | belief | report | ...",
    "Speaker.statements": "Indexes of the speaker's statements in the record's `statements`",
    "ActorRef.code": "CAMEO-style actor code, e.g. RUSGOV",
    "ActorRef.country": "ISO 3166 alpha-3",
    "ActorRef.sector": "PLOVER sector",
    "ActorRef.name": "Canonical name from the actor dictionary",
    "Event.date_precision": "day | month | year",
    "Event.date_source": "text | dateline | published | reference",
    "Event.statement": "Index of the statement the event is reported in",
}

# the API's names for the record types (the names in /openapi.json), and docs where a type has none
MODEL_NAMES = {"Record": "FullRecord", "ErrorRecord": "ErrorRecordModel"}
MODEL_DOCS = {
    "Record": "One article as coded; every span is (start, end) into `text`.",
    "Span": "A stretch of the record's text: text == record.text[start:end].",
    "ErrorInfo": "Why an input could not be coded: kind (e.g. resource, timeout) and message.",
}


def _annotation(tp: Any, built: dict[type, type]) -> Any:
    """A record field's type hint with each record dataclass in it replaced by its model."""
    if dataclasses.is_dataclass(tp):
        return built[tp]
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if not args:
        return tp
    args = tuple(_annotation(a, built) for a in args)
    if origin in (Union, types.UnionType):
        return Union[args]
    return origin[args]  # list[...], dict[str, Any]


def _derive(cls: type, built: dict[type, type]) -> type:
    from ..record import record_fields

    fields: dict[str, Any] = {}
    for spec in record_fields(cls):
        description = DESCRIPTIONS.get(f"{cls.__name__}.{spec.name}")
        if spec.required:
            info = Field(description=description)
        elif isinstance(spec.default, (list, dict)):
            info = Field(default_factory=type(spec.default), description=description)
        else:
            info = Field(spec.default, description=description)
        fields[spec.name] = (_annotation(spec.type, built), info)
    doc = (cls.__doc__ or "").strip()
    if cls.__name__ in MODEL_DOCS or doc.startswith(cls.__name__ + "("):  # dataclasses' signature: no docstring
        doc = MODEL_DOCS.get(cls.__name__, f"{cls.__name__} in wirecoder's record (wirecoder.record).")
    return create_model(MODEL_NAMES.get(cls.__name__, cls.__name__ + "Model"), __base__=Open,
                        __doc__=doc, __module__=__name__, **fields)


def _record_models() -> dict[type, type]:
    """A model for Record, ErrorRecord and every record type they hold, from their dataclasses."""
    from ..record import ErrorRecord, Record, record_types

    built: dict[type, type] = {}
    for cls in record_types(Record) + record_types(ErrorRecord):
        if cls not in built:
            built[cls] = _derive(cls, built)
    described = {f"{cls.__name__}.{f.name}" for cls in built for f in dataclasses.fields(cls)}
    unknown = set(DESCRIPTIONS) - described
    if unknown:  # a renamed or removed field: its description would be lost without a word
        raise RuntimeError(f"api/models.py DESCRIPTIONS names fields no record type has: {sorted(unknown)}")
    return built


RECORD_MODELS = _record_models()
_BY_NAME = {cls.__name__: model for cls, model in RECORD_MODELS.items()}
SpanModel = _BY_NAME["Span"]
DefectModel = _BY_NAME["Defect"]
DatelineModel = _BY_NAME["Dateline"]
PlaceModel = _BY_NAME["Place"]
ActorRefModel = _BY_NAME["ActorRef"]
StatementModel = _BY_NAME["Statement"]
SpeakerModel = _BY_NAME["Speaker"]
EventModel = _BY_NAME["Event"]
FullRecord = _BY_NAME["Record"]  # one article as coded; every span is (start, end) into `text`
ErrorRecordModel = _BY_NAME["ErrorRecord"]  # an input that could not be coded: `error` says why


class CodedRecord(FullRecord):
    stored: bool = Field(False, description="Whether the record was added to the store")


# -- list items (rows of the store) ---------------------------------------------------------
class ArticleSummary(Open):
    id: str
    title: Optional[str] = None
    url: Optional[str] = None
    site: Optional[str] = None
    published: Optional[str] = None
    date: Optional[str] = Field(None, description="Publication, else dateline, else reference date")
    n_statements: Optional[int] = None
    n_events: Optional[int] = None
    dup_of: Optional[str] = Field(None, description="First article of its near-duplicate cluster")
    snippet: Optional[str] = None


class Page(Open):
    total: int = Field(description="Matches over all pages")


class CursorPage(Page):
    next: Optional[str] = Field(None, description="Cursor of this page's last row: pass it as `after` for "
                                "the next page (keyset paging); null on the last page")


class ArticlePage(CursorPage):
    items: list[ArticleSummary]


class StatementItem(Open):
    article_id: str
    idx: int = Field(description="Index of the statement in its article's record")
    date: Optional[str] = None
    speaker: Optional[str] = None
    speaker_role: Optional[str] = None
    speaker_org: Optional[str] = None
    kind: Optional[str] = None
    cue: Optional[str] = None
    content: Optional[str] = None
    article_title: Optional[str] = None


class StatementPage(CursorPage):
    items: list[StatementItem]


class SpeakerItem(Open):
    name: Optional[str] = None
    statements: Optional[int] = Field(None, description="Statements by this speaker")
    articles: Optional[int] = Field(None, description="Articles quoting this speaker")
    role: Optional[str] = None
    org: Optional[str] = None


class SpeakerPage(Page):
    items: list[SpeakerItem]


def _flat_event_model() -> type:
    """EventItem: the flat event table's columns (store/flat.py), typed from the events table."""
    from ..store.flat import FLAT_COLUMNS
    from ..store.schema import columns

    sql_types = dict(columns("events"))
    python = {"INTEGER": int, "BIGINT": int, "TINYINT": int, "DOUBLE": float, "BOOLEAN": bool}
    fields: dict[str, Any] = {}
    for name, sql, description in FLAT_COLUMNS:
        column = sql[2:] if sql.startswith("e.") and sql[2:].isidentifier() else None
        tp = float if name == "goldstein" else python.get(sql_types.get(column, ""), str)
        fields[name] = (Optional[tp], Field(None, description=description))
    fields["article_id"] = (str, Field(description="The id of the article the event was coded from."))
    fields["idx"] = (int, Field(description="The event's index in its article's record (`events[idx]`)."))
    return create_model("EventItem", __base__=Open, __doc__="One row of the flat event table.", **fields)


EventItem = _flat_event_model()


class EventPage(CursorPage):
    items: list[EventItem]


class ActorItem(Open):
    key: Optional[str] = None
    code: Optional[str] = None
    name: Optional[str] = None
    country: Optional[str] = None
    events: Optional[int] = None
    as_source: Optional[int] = None
    as_target: Optional[int] = None


class ActorPage(Page):
    items: list[ActorItem]


class TimelinePoint(Open):
    date: Optional[str] = Field(None, description="First day of the interval, YYYY-MM-DD")
    quad: Optional[int] = Field(None, description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
    apart: bool = Field(False, description="Shown apart from the dense range: a date known only to the year, "
                        "or more than a month outside the stored articles' dates")
    count: int


class FacetValue(Open):
    value: Any = None
    count: int


class Facets(BaseModel):
    plover: list[FacetValue]
    quad: list[FacetValue]
    source_country: list[FacetValue]
    target_country: list[FacetValue]


class EventPlace(Open):
    name: Optional[str] = None
    country: Optional[str] = None
    lat: float
    lon: float
    count: int = Field(description="Events at this place")


class NetworkNode(Open):
    id: str
    label: Optional[str] = None
    country: Optional[str] = None
    weight: Optional[int] = Field(None, description="Events on the node's edges")


class NetworkEdge(Open):
    source: str
    target: str
    weight: int = Field(description="Events from source to target")
    cooperation: int = Field(0, description="Of which quad 1-2")
    conflict: int = Field(0, description="Of which quad 3-4")


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class CodeRequest(BaseModel):
    """An article to code: plain text or an HTML page; a URL is fetched only where the server allows it."""

    model_config = ConfigDict(extra="forbid")

    text: Optional[str] = Field(None, description="Plain text, kept byte for byte")
    html: Optional[str] = Field(None, description="An HTML page; the article body is extracted")
    url: Optional[str] = Field(None, max_length=2000, description="Where the article is from (fetched only with allow_fetch and no text/html)")
    date: Optional[str] = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Reference date YYYY-MM-DD")
    id: Optional[str] = Field(None, max_length=200)
    title: Optional[str] = Field(None, max_length=2000)
    store: bool = Field(False, description="Also add the record to the store (refused when read-only)")

    @model_validator(mode="after")
    def _one_input(self) -> "CodeRequest":
        if self.text is None and self.html is None and self.url is None:
            raise ValueError("give text, html or url")
        if self.text is not None and self.html is not None:
            raise ValueError("give text or html, not both")
        return self
