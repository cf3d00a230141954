"""JSON endpoints: /api/articles, statements, speakers, events, actors, timeline, network, code."""

from __future__ import annotations

import threading
from typing import Literal, Optional

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from . import models
from .coding import cancellable
from .params import FLAG, EventFilters, Paging, flag, event_filters, paging, search_query

router = APIRouter(prefix="/api", tags=["api"])
DATE = r"^(?:\d{4}-\d{2}-\d{2})?$"


def _access(request: Request):
    return request.app.state.access


@router.get("/articles", response_model=models.ArticlePage, summary="Search articles, newest first")
def list_articles(
    request: Request,
    q: Optional[str] = Query(None, description="Every word must occur in the title or text"),
    date_from: Optional[str] = Query(None, pattern=DATE, description="YYYY-MM-DD, inclusive"),
    date_to: Optional[str] = Query(None, pattern=DATE, description="YYYY-MM-DD, inclusive"),
    site: Optional[str] = Query(None, max_length=200, description="Part of the site's host name"),
    has_events: Optional[str] = Query(None, pattern=FLAG, description="true: only articles with events"),
    dedup: Optional[str] = Query(None, pattern=FLAG, description="true: leave out near-duplicates"),
    page: Paging = paging,
):
    return _access(request).page(
        "search_articles", q=search_query(request, q), limit=page.limit, offset=page.offset,
        date_from=date_from or None, date_to=date_to or None, site=site or None,
        has_events=flag(has_events), dedup=flag(dedup),
    )


@router.get("/articles/{article_id}", response_model=models.FullRecord, summary="One article's full record")
def get_article(request: Request, article_id: str = Path(..., max_length=500)):
    rec = _access(request).call("get_article", article_id)
    if rec is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return rec


@router.get("/statements", response_model=models.StatementPage, summary="Who said what, newest first")
def list_statements(
    request: Request,
    speaker: Optional[str] = Query(None, max_length=200, description="A speaker's name, exactly or in part"),
    q: Optional[str] = Query(None, description="Every word must occur in what was said"),
    article_id: Optional[str] = Query(None, max_length=500),
    date_from: Optional[str] = Query(None, pattern=DATE),
    date_to: Optional[str] = Query(None, pattern=DATE),
    dedup: Optional[str] = Query(None, pattern=FLAG),
    page: Paging = paging,
):
    return _access(request).page(
        "statements", speaker=speaker or None, q=search_query(request, q), article_id=article_id or None,
        date_from=date_from or None, date_to=date_to or None, dedup=flag(dedup),
        limit=page.limit, offset=page.offset,
    )


@router.get("/speakers", response_model=models.SpeakerPage, summary="Who is quoted most")
def list_speakers(
    request: Request, q: Optional[str] = Query(None, description="Part of a speaker's name"), page: Paging = paging
):
    return _access(request).page("speakers", q=search_query(request, q), limit=page.limit, offset=page.offset)


@router.get("/events", response_model=models.EventPage, summary="Who did what to whom, newest first")
def list_events(request: Request, filters: EventFilters = event_filters, page: Paging = paging):
    return _access(request).page("events", **filters.as_kwargs(), limit=page.limit, offset=page.offset)


@router.get("/actors", response_model=models.ActorPage, summary="Actors by number of events")
def list_actors(
    request: Request,
    q: Optional[str] = Query(None, description="An actor code, or part of a name"),
    role: Optional[Literal["source", "target"]] = Query(None),
    country: Optional[str] = Query(None, pattern=r"^(?:[A-Za-z]{3})?$"),
    dedup: Optional[str] = Query(None, pattern=FLAG),
    page: Paging = paging,
):
    return _access(request).page(
        "actors", q=search_query(request, q), role=role, country=(country or "").upper() or None,
        dedup=flag(dedup), limit=page.limit, offset=page.offset,
    )


@router.get("/timeline", response_model=list[models.TimelinePoint], summary="Event counts per date and quad class")
def timeline(
    request: Request,
    filters: EventFilters = event_filters,
    interval: Literal["day", "week", "month", "year"] = Query("day"),
):
    # Thousands of points (days x quads): sent as they come, the schema above documents them.
    return JSONResponse(_access(request).call("timeline", interval=interval, **filters.as_kwargs()))


@router.get("/network", response_model=models.Network, summary="Who acts on whom: edge weight = events")
def network(
    request: Request,
    filters: EventFilters = event_filters,
    by: Literal["actor", "country"] = Query("actor", description="Nodes are actors or countries"),
    min_weight: int = Query(1, ge=1, le=1_000_000, description="Leave out edges with fewer events"),
    max_edges: int = Query(150, ge=1, le=2000, description="Heaviest edges to return"),
):
    return _access(request).call(
        "network", by=by, min_weight=min_weight, max_edges=max_edges, **filters.as_kwargs()
    )


@router.post("/code", response_model=models.CodedRecord, summary="Code one article (stored only when asked)")
async def code_article(request: Request, body: models.CodeRequest):
    settings = request.app.state.settings
    if body.store and settings.read_only:
        raise HTTPException(403, "this server is read-only: records cannot be stored (read_only)")
    text, html = body.text, body.html
    if text is None and html is None:
        if not settings.allow_fetch:
            raise HTTPException(403, "this server does not fetch URLs (allow_fetch is off): send text or html")
        from .fetch import fetch_page

        html = await run_in_threadpool(fetch_page, body.url, settings.max_body_bytes, settings.request_timeout)
    record = await request.app.state.coding.run(request, _code, request.app, text, html, body)
    out = record.to_dict()
    out["stored"] = False
    if body.store:
        await run_in_threadpool(_access(request).add, [record])
        out["stored"] = True
    return out


_coder_lock = threading.Lock()


def _code(app, text, html, body: models.CodeRequest):
    from ..errors import WirecoderError

    # One Coder per server, loaded on first use; a spaCy pipeline is used by one thread at a time.
    with _coder_lock:
        if getattr(app.state, "coder", None) is None:
            from ..pipeline import Coder

            app.state.coder = Coder(app.state.settings)
        try:
            with cancellable():  # stopped when the client goes or request_timeout passes
                return app.state.coder.code(
                    text, html=html, id=body.id or "article", date=body.date, url=body.url, title=body.title
                )
        except WirecoderError as exc:
            raise HTTPException(422, f"{exc.kind}: {exc}") from exc
