"""Pydantic models of the HTTP API's requests and responses (they make /openapi.json useful).

Models name the fields the store and the record document; ``extra="allow"``
lets any further field through unchanged, so the API never hides data.
"""

from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# -- the full record (README "Output format") ------------------------------------------
class SpanModel(Open):
    start: int
    end: int
    text: str = ""


class ActorRefModel(SpanModel):
    code: Optional[str] = Field(None, description="CAMEO-style actor code, e.g. RUSGOV")
    country: Optional[str] = Field(None, description="ISO 3166 alpha-3")
    sector: Optional[str] = None
    name: Optional[str] = None


class PlaceModel(SpanModel):
    name: str = ""
    country: Optional[str] = None
    kind: str = ""
    lat: Optional[float] = None
    lon: Optional[float] = None


class StatementModel(Open):
    speaker: Optional[SpanModel] = None
    speaker_name: Optional[str] = None
    speaker_role: Optional[str] = None
    speaker_org: Optional[str] = None
    cue: Optional[SpanModel] = None
    content: list[SpanModel] = []
    kind: str = Field("indirect", description="direct | indirect | mixed")
    type: str = "speech"


class EventModel(Open):
    trigger: Optional[SpanModel] = None
    source: Optional[ActorRefModel] = None
    target: Optional[ActorRefModel] = None
    cameo: Optional[str] = None
    cameo_name: Optional[str] = None
    plover: Optional[str] = None
    quad: Optional[int] = None
    negated: bool = False
    modality: str = "asserted"
    date: Optional[str] = None
    place: Optional[PlaceModel] = None
    statement: Optional[int] = Field(None, description="Index of the statement the event is reported in")


class DefectModel(Open):
    start: int
    end: int
    kind: str = Field(description="debris | truncated_sentence | boilerplate")
    text: str = ""


class DatelineModel(Open):
    place: Optional[str] = None
    agency: Optional[str] = None
    date: Optional[str] = None
    span: Optional[SpanModel] = None


class FullRecord(Open):
    """One article as coded; every span is (start, end) into `text`. An error record has `error` instead."""

    id: str
    source: Optional[str] = None
    text: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    dateline: Optional[DatelineModel] = None
    defects: list[DefectModel] = []
    sentences: list[SpanModel] = []
    statements: list[StatementModel] = []
    speakers: list[dict[str, Any]] = []
    events: list[EventModel] = []
    places: list[PlaceModel] = []
    provenance: dict[str, Any] = {}
    error: Optional[dict[str, Any]] = None


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


class ArticlePage(Page):
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


class StatementPage(Page):
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


class EventPage(Page):
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
