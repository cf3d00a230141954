"""HTTP query parameters of the JSON API and the pages, made from the store's declared queries.

``filters("events")`` is a FastAPI dependency with one query parameter per filter of
QUERIES["events"] (store/queries.py), checked there; ``refuse_unknown`` answers 422 for any
parameter a route does not declare, so a misspelt filter never returns unfiltered rows.
Both the API (api/routes.py) and the pages (web/pages.py) use this module; it imports neither.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Callable, Optional
from urllib.parse import unquote, urlencode

from fastapi import Depends, HTTPException, Query, Request

from ..store.queries import KINDS, QUERIES, QueryError


@dataclass
class Paging:
    limit: int
    offset: int
    after: Optional[str] = None  # the checked cursor, for the lists that take one (cursor_paging)


def _paging(
    request: Request,
    limit: Optional[int] = Query(None, ge=1, description="Page size: 50 unless given (at most the server's max_page_size)"),
    offset: int = Query(0, ge=0, le=10_000_000, description="Rows to skip"),
) -> Paging:
    most = request.app.state.settings.max_page_size
    if limit is None:
        limit = min(50, most)
    elif limit > most:
        raise HTTPException(422, f"limit {limit} is over the largest page size {most} (max_page_size)")
    return Paging(limit, offset)


paging = Depends(_paging)


def _cursor_paging(kind: str) -> Callable[..., Paging]:
    query = QUERIES[kind]
    (after,) = query.paging  # AFTER, declared once in store/queries.py

    def dependency(request: Request, page: Paging = paging,
                   after: Optional[str] = Query(None, description=f"{after.help} ({KINDS[after.kind].format}).",
                                                max_length=KINDS[after.kind].max_length)) -> Paging:
        try:
            cursor = query.check_after(after)
        except QueryError as exc:
            raise HTTPException(422, str(exc)) from None
        page.after = str(cursor) if cursor is not None else None
        return page

    dependency.__name__ = f"{kind}_paging"
    return dependency


_CURSOR_PAGING = {kind: Depends(_cursor_paging(kind)) for kind, q in QUERIES.items() if q.cursor}


def cursor_paging(kind: str) -> Any:
    """limit, offset and `after` (keyset paging) of the lists of QUERIES[kind], which carry `next`."""
    return _CURSOR_PAGING[kind]


def search_query(request: Request, q: Optional[str]) -> Optional[str]:
    """The search words, refused when longer than max_query_chars; blank means none."""
    if q is None or not q.strip():
        return None
    most = request.app.state.settings.max_query_chars
    if len(q) > most:
        raise HTTPException(422, f"query of {len(q)} characters is over the limit of {most} (max_query_chars)")
    return q.strip()


class Filters(dict):
    """The checked filters of one request (blank ones left out)."""

    def query_string(self) -> str:
        return urlencode({k: str(v).lower() if isinstance(v, bool) else v for k, v in self.items()})


def _filters_dependency(kind: str) -> Callable[..., Filters]:
    query = QUERIES[kind]

    def dependency(request: Request, **raw: Optional[str]) -> Filters:
        try:
            values = query.check(raw)
        except QueryError as exc:
            raise HTTPException(422, str(exc)) from None
        for f in query.filters:
            if f.kind == "words" and f.name in values:
                values[f.name] = search_query(request, values[f.name])
        return Filters(values)

    # The signature FastAPI reads: one optional string parameter per declared filter. Values are
    # strings because HTML forms send blank fields; the declaration checks and converts them.
    params = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)]
    for f in query.filters:
        params.append(inspect.Parameter(
            f.name, inspect.Parameter.KEYWORD_ONLY, annotation=Optional[str],
            default=Query(None, description=f"{f.help.rstrip('.')} ({KINDS[f.kind].format}).",
                          max_length=KINDS[f.kind].max_length)))
    dependency.__signature__ = inspect.Signature(params, return_annotation=Filters)  # type: ignore[attr-defined]
    dependency.__name__ = f"{kind}_filters"
    return dependency


_DEPENDENCIES = {kind: Depends(_filters_dependency(kind)) for kind in QUERIES}


def filters(kind: str) -> Any:
    """The FastAPI dependency of QUERIES[kind]'s filters."""
    return _DEPENDENCIES[kind]


def _declared(dependant) -> set[str]:
    names = {p.alias or p.name for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _declared(sub)
    return names


def refuse_unknown(request: Request) -> None:
    """422 for a query parameter the route does not declare (a misspelt filter must not be ignored)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _declared(dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        listed = ", ".join(repr(u) for u in unknown)
        raise HTTPException(
            422, f"unknown query parameter {listed} for {request.url.path}; it takes {', '.join(sorted(known)) or 'none'}"
        )


def path_id(request: Request, prefix: str, decoded: str) -> str:
    """The id at the end of the request's path after `prefix`, percent-decoded exactly once from
    the raw path (an id may hold "%", "/" or "?"); `decoded`, the router's value, where there is none."""
    raw = request.scope.get("raw_path")
    if not raw:
        return decoded
    path = raw.decode("latin-1")
    if not path.startswith(prefix):
        return decoded
    return unquote(path[len(prefix):], encoding="utf-8", errors="replace")
