"""Server-rendered pages for analysts: articles, one article, speakers, statements, events.

Jinja2 with autoescape; no inline scripts (the CSP forbids them): behaviour is in
/static/*.js, which reads data-* attributes and the JSON API.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from .highlight import mark_terms, record_marks, render, speaker_groups
from .params import Filters, filters, path_id, refuse_unknown

TEMPLATES = Path(__file__).resolve().parent / "templates"

templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
)



def article_url(article_id: str) -> str:
    """The page of an article: every character of the id but letters, digits and -._~ percent-encoded,
    so ids with /, ?, #, % or quotes are one path segment the server decodes back."""
    return "/articles/" + quote(str(article_id), safe="")


templates.env.filters["article_url"] = article_url
templates.env.filters["mark"] = mark_terms

router = APIRouter(include_in_schema=False, dependencies=[Depends(refuse_unknown)])
PAGE = 50


def _page(request: Request, name: str, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def _nav(request: Request, offset: int, limit: int, total: Optional[int], shown: int) -> dict:
    """Links to the previous and next pages, keeping the other query parameters."""
    params = {k: v for k, v in request.query_params.items() if k != "offset" and v != ""}

    def link(off: int) -> str:
        return f"{request.url.path}?{urlencode({**params, 'offset': off})}"

    more = (offset + shown < total) if total is not None else shown >= limit
    return {
        "prev": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if more else None,
        "first": offset + 1 if shown else 0,
        "last": offset + shown,
        "total": total,
    }


@router.get("/")
def home():
    return RedirectResponse("/articles", status_code=307)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The API's interactive documentation: Swagger UI, vendored in /static/swagger (no CDN)."""
    return _page(request, "docs.html")


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, f: Filters = filters("articles"), offset: int = Query(0, ge=0, le=10_000_000)):
    out = request.app.state.access.page("search_articles", **f, limit=PAGE, offset=offset)
    items = out["items"]
    return _page(
        request, "articles.html", items=items, q=f.get("q", ""), date_from=f.get("date_from", ""),
        date_to=f.get("date_to", ""), nav=_nav(request, offset, PAGE, out.get("total"), len(items)),
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    article_id = path_id(request, "/articles/", article_id)
    record = request.app.state.access.call("get_article", article_id)
    if record is None:
        raise HTTPException(404, f"no article {article_id!r}")
    if not isinstance(record, dict):
        record = record.to_dict()
    text = record.get("text") or ""
    return _page(
        request, "article.html", record=record, body=render(text, record_marks(record)),
        groups=speaker_groups(record), statements=record.get("statements") or [],
        events=record.get("events") or [], places=record.get("places") or [],
        defects=record.get("defects") or [], dateline=record.get("dateline"),
    )


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, f: Filters = filters("speakers"), offset: int = Query(0, ge=0, le=10_000_000)):
    q = f.get("q")
    access = request.app.state.access
    out = access.page("speakers", **f, limit=PAGE, offset=offset)
    items = out["items"]
    latest = _latest_statements(access.store, [s.get("key") for s in items])
    for s in items:
        s["latest"] = latest.get(s.get("key"))
    return _page(
        request, "speakers.html", items=items, q=q or "", nav=_nav(request, offset, PAGE, out.get("total"), len(items))
    )


_LATEST_SQL = (
    "SELECT coalesce(canon_key, speaker_key) AS speaker_key, "
    "arg_max({'content': content, 'article_id': article_id, 'idx': idx}, date) AS latest "
    "FROM statements WHERE coalesce(canon_key, speaker_key) IN (SELECT unnest(?::VARCHAR[])) GROUP BY 1"
)
_latest_broken = False


def _latest_statements(store, names: list) -> dict:
    """Each speaker's latest statement ("on what"), in one query over the store's statements table."""
    global _latest_broken
    keys = sorted({n for n in names if n})
    if not keys or _latest_broken or not hasattr(store, "rows"):
        return {}
    try:
        rows = store.rows(_LATEST_SQL, [keys])
    except Exception:  # store without raw SQL access: the page lists speakers without their latest words
        _latest_broken = True
        return {}
    return {row["speaker_key"]: row["latest"] for row in rows}


@router.get("/statements", response_class=HTMLResponse)
def statements_page(request: Request, f: Filters = filters("statements"), offset: int = Query(0, ge=0, le=10_000_000)):
    out = request.app.state.access.page("statements", **f, limit=PAGE, offset=offset)
    items = out["items"]
    return _page(
        request, "statements.html", items=items, speaker=f.get("speaker", ""), q=f.get("q", ""),
        nav=_nav(request, offset, PAGE, out.get("total"), len(items)),
    )


FACET_NAMES = {"plover": "PLOVER type", "quad": "Quad class", "source_country": "Source country",
               "target_country": "Target country"}


def _facet_links(f: Filters, facets: dict) -> list[dict]:
    """Each facet's values with their counts and the link that adds the value to the current filters
    (or, for the value already chosen, takes it off)."""
    out = []
    for name, label in FACET_NAMES.items():
        values = []
        for v in facets.get(name) or []:
            chosen = f.get(name) == v["value"]
            params = Filters({k: x for k, x in f.items() if k != name})
            if not chosen:
                params[name] = v["value"]
            values.append({"value": v["value"], "count": v["count"], "chosen": chosen,
                           "href": "/events" + ("?" + params.query_string() if params else "")})
        out.append({"name": name, "label": label, "choices": values})
    return out


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, f: Filters = filters("events"), offset: int = Query(0, ge=0, le=10_000_000)):
    access = request.app.state.access
    out = access.page("events", **f, limit=PAGE, offset=offset)
    items = out["items"]
    return _page(
        request, "events.html", items=items, f=f, query=f.query_string(), facets=_facet_links(f, access.call("facets", **f)),
        nav=_nav(request, offset, PAGE, out.get("total"), len(items)),
    )
