"""Query parameters shared by the JSON endpoints and the pages, with their limits."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Optional

from fastapi import Depends, HTTPException, Query, Request


@dataclass
class Paging:
    limit: int
    offset: int


def _paging(
    request: Request,
    limit: Optional[int] = Query(None, ge=1, description="Page size: 50 unless given (at most the server's max_page_size)"),
    offset: int = Query(0, ge=0, le=10_000_000),
) -> Paging:
    most = request.app.state.settings.max_page_size
    if limit is None:
        limit = min(50, most)
    elif limit > most:
        raise HTTPException(422, f"limit {limit} is over the largest page size {most} (max_page_size)")
    return Paging(limit, offset)


paging = Depends(_paging)


def search_query(request: Request, q: Optional[str]) -> Optional[str]:
    """The search words, refused when longer than max_query_chars; blank means none."""
    if q is None or not q.strip():
        return None
    most = request.app.state.settings.max_query_chars
    if len(q) > most:
        raise HTTPException(422, f"query of {len(q)} characters is over the limit of {most} (max_query_chars)")
    return q.strip()


@dataclass
class EventFilters:
    source: Optional[str] = None
    target: Optional[str] = None
    actor: Optional[str] = None
    source_country: Optional[str] = None
    target_country: Optional[str] = None
    country: Optional[str] = None
    cameo: Optional[str] = None
    plover: Optional[str] = None
    quad: Optional[int] = None
    date_from: Optional[str] = None
    date_to: Optional[str] = None
    place: Optional[str] = None
    article_id: Optional[str] = None
    negated: Optional[bool] = None
    dedup: Optional[bool] = None

    def as_kwargs(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}

    def query_string(self) -> str:
        from urllib.parse import urlencode

        return urlencode({k: str(v).lower() if isinstance(v, bool) else v for k, v in self.as_kwargs().items()})


def flag(value: Optional[str]) -> Optional[bool]:
    return (value in ("true", "1", "yes", "on")) if value else None


FLAG = r"^(?:true|false|1|0|yes|no|on|off)?$"
COUNTRY = r"^(?:[A-Za-z]{3})?$"


def _event_filters(
    source: Optional[str] = Query(None, max_length=200, description="Source actor: a code (RUSGOV) or part of a name"),
    target: Optional[str] = Query(None, max_length=200, description="Target actor: a code or part of a name"),
    actor: Optional[str] = Query(None, max_length=200, description="Actor on either side"),
    source_country: Optional[str] = Query(None, pattern=COUNTRY, description="ISO 3166 alpha-3"),
    target_country: Optional[str] = Query(None, pattern=COUNTRY, description="ISO 3166 alpha-3"),
    country: Optional[str] = Query(None, pattern=COUNTRY, description="Country on either side, ISO alpha-3"),
    cameo: Optional[str] = Query(None, pattern=r"^(?:\d{2,4})?$", description="CAMEO code or its prefix, e.g. 19 or 190"),
    plover: Optional[str] = Query(None, pattern=r"^(?:[A-Za-z_\-]{2,40})?$", description="PLOVER event type, e.g. ACCUSE"),
    quad: Optional[str] = Query(
        None, pattern=r"^[1-4]?$", description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"
    ),
    date_from: Optional[str] = Query(None, pattern=r"^(?:\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD, inclusive"),
    date_to: Optional[str] = Query(None, pattern=r"^(?:\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD, inclusive"),
    place: Optional[str] = Query(None, max_length=200, description="Part of a place name, or an ISO alpha-3 country"),
    article_id: Optional[str] = Query(None, max_length=500),
    negated: Optional[str] = Query(None, pattern=FLAG, description="true: only negated events; false: only asserted"),
    dedup: Optional[str] = Query(None, pattern=FLAG, description="true: wire copies of one story counted once"),
) -> EventFilters:
    # Blank values mean "no filter": HTML forms send every field.
    def clean(v: Optional[str], upper: bool = False) -> Optional[str]:
        v = (v or "").strip()
        return (v.upper() if upper else v) or None

    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"date_from {date_from} is after date_to {date_to}")
    return EventFilters(
        source=clean(source), target=clean(target), actor=clean(actor),
        source_country=clean(source_country, True), target_country=clean(target_country, True),
        country=clean(country, True), cameo=clean(cameo), plover=clean(plover, True),
        quad=int(quad) if quad else None, date_from=clean(date_from), date_to=clean(date_to),
        place=clean(place), article_id=clean(article_id), negated=flag(negated), dedup=flag(dedup),
    )


event_filters = Depends(_event_filters)
