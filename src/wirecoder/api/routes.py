"""JSON endpoints: /api/articles, statements, speakers, events, actors, timeline, network, code."""

from __future__ import annotations

import threading
from typing import Literal, Optional, Union

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse

from . import models
from ..web.params import Filters, Paging, cursor_paging, filters, paging, path_id, refuse_unknown
from .coding import cancellable

router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(refuse_unknown)])


def _access(request: Request):
    return request.app.state.access


@router.get("/articles", response_model=models.ArticlePage, summary="Search articles, newest first")
def list_articles(request: Request, f: Filters = filters("articles"), page: Paging = cursor_paging("articles")):
    return _access(request).page("search_articles", **f, limit=page.limit, offset=page.offset, after=page.after)


@router.get("/articles/{article_id:path}", response_model=Union[models.FullRecord, models.ErrorRecordModel], summary="One article's full record")
def get_article(request: Request, article_id: str = Path(..., max_length=500,
                                                         description="The article's id, percent-encoded")):
    article_id = path_id(request, "/api/articles/", article_id)
    rec = _access(request).call("get_article", article_id)
    if rec is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return rec


@router.get("/statements", response_model=models.StatementPage, summary="Who said what, newest first")
def list_statements(request: Request, f: Filters = filters("statements"), page: Paging = cursor_paging("statements")):
    return _access(request).page("statements", **f, limit=page.limit, offset=page.offset, after=page.after)


@router.get("/speakers", response_model=models.SpeakerPage, summary="Who is quoted most")
def list_speakers(request: Request, f: Filters = filters("speakers"), page: Paging = paging):
    return _access(request).page("speakers", **f, limit=page.limit, offset=page.offset)


@router.get("/events", response_model=models.EventPage, summary="Who did what to whom, newest first")
def list_events(request: Request, f: Filters = filters("events"), page: Paging = cursor_paging("events")):
    return _access(request).page("events", **f, limit=page.limit, offset=page.offset, after=page.after)


@router.get("/events.csv", summary="Every event the filters give, as CSV (the flat event table)")
def download_events_csv(request: Request, f: Filters = filters("events")):
    return _download(request, f, "csv")


@router.get("/events.jsonl", summary="Every event the filters give, as JSON Lines (the flat event table)")
def download_events_jsonl(request: Request, f: Filters = filters("events")):
    return _download(request, f, "jsonl")


DOWNLOAD_CHUNK = 5_000  # rows per store query while a download streams


def _download(request: Request, f: Filters, fmt: str):
    """The filtered events streamed page by page, so a large download never sits in memory whole."""
    import csv
    import io
    import json

    from ..store.flat import NAMES
    from ..store.output import csv_cell

    store = _access(request).store

    def rows():
        after = None
        while True:  # keyset paging: each chunk costs the same, however deep in the list
            page = store.events(limit=DOWNLOAD_CHUNK, after=after, **f)
            yield from page["items"]
            after = page["next"]
            if after is None:
                return

    def body():
        if fmt == "jsonl":
            for it in rows():
                yield json.dumps(it, ensure_ascii=False) + "\n"
            return
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(NAMES))
        writer.writeheader()
        for n, it in enumerate(rows(), 1):
            writer.writerow({k: csv_cell(v) for k, v in it.items()})
            if n % 500 == 0:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()

    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
    return StreamingResponse(body(), media_type=media,
                             headers={"content-disposition": f'attachment; filename="events.{fmt}"'})


@router.get("/facets", response_model=models.Facets, summary="Counts of PLOVER type, quad and countries")
def facets(request: Request, f: Filters = filters("events"),
           top: int = Query(12, ge=1, le=300, description="Values per facet, most frequent first")):
    return _access(request).call("facets", top=top, **f)


@router.get("/event_places", response_model=list[models.EventPlace], summary="Event counts per place")
def event_places(request: Request, f: Filters = filters("events"),
                 limit: int = Query(500, ge=1, le=5000, description="Most frequent places to return")):
    return _access(request).call("event_places", limit=limit, **f)


@router.get("/actors", response_model=models.ActorPage, summary="Actors by number of events")
def list_actors(request: Request, f: Filters = filters("actors"), page: Paging = paging):
    return _access(request).page("actors", **f, limit=page.limit, offset=page.offset)


@router.get("/timeline", response_model=list[models.TimelinePoint], summary="Event counts per date and quad class")
def timeline(
    request: Request,
    f: Filters = filters("events"),
    interval: Literal["day", "week", "month", "year"] = Query("day"),
):
    # Thousands of points (days x quads): sent as they come, the schema above documents them.
    return JSONResponse(_access(request).call("timeline", interval=interval, **f))


@router.get("/network", response_model=models.Network, summary="Who acts on whom: edge weight = events")
def network(
    request: Request,
    f: Filters = filters("events"),
    by: Literal["actor", "country"] = Query("actor", description="Nodes are actors or countries"),
    min_weight: int = Query(1, ge=1, le=1_000_000, description="Leave out edges with fewer events"),
    max_edges: int = Query(150, ge=1, le=2000, description="Heaviest edges to return"),
):
    return _access(request).call("network", by=by, min_weight=min_weight, max_edges=max_edges, **f)


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
