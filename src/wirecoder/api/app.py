"""The FastAPI application: JSON API under /api, pages for analysts, static files."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import StoreError, WirecoderError
from ..settings import Settings
from .access import StoreAccess
from .coding import CODE_SLOTS, CodingQueue
from .security import GuardMiddleware

WEB = Path(__file__).resolve().parent.parent / "web"


def create_app(
    db: Optional[str] = None,
    *,
    store: Any = None,
    settings: Optional[Settings] = None,
    coder: Any = None,
    cache_entries: int = 256,
    allowed_hosts: Optional[list[str]] = None,
    code_slots: int = CODE_SLOTS,
) -> FastAPI:
    """The app over the store at `db` (opened read-only on first use) or an open `store`.

    `coder` is the Coder for POST /api/code; without one it is loaded on first use.
    `cache_entries`: answers kept until the store file changes (0: every request queries the store).
    `allowed_hosts`: Host header values accepted (others get 400), e.g. loopback_hosts(port).
    `code_slots`: POST /api/code requests coding or waiting at once; one more gets 503 at once.
    """
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="wirecoder",
        # FastAPI's own /docs loads Swagger UI from a CDN and runs an inline script (against the
        # offline rule and the CSP): /docs is the pages' own, over the vendored bundle (web/pages.py).
        docs_url=None,
        redoc_url=None,
        version=__version__,
        description="Statements and political events (CAMEO/PLOVER) coded from news articles, "
        "every field traceable to character spans of the text.",
    )
    app.state.settings = settings
    app.state.access = StoreAccess(db, store, settings, cache_entries=cache_entries)
    app.state.coder = coder
    app.state.coding = CodingQueue(code_slots)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError):
        # One readable message first, FastAPI's detailed list after it.
        errors = exc.errors()
        message = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}" for e in errors
        )
        return _error(request, 422, message, {"errors": _plain(errors)})

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError):
        return _error(request, 503, f"store: {exc}")

    @app.exception_handler(WirecoderError)
    async def _bad_query(request: Request, exc: WirecoderError):
        return _error(request, 422, f"{exc.kind}: {exc}")

    from ..web.pages import router as pages_router
    from .routes import router as api_router

    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    if allowed_hosts:
        # A web page cannot reach a loopback server through a rebound DNS name.
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(GuardMiddleware, max_body_bytes=settings.max_body_bytes, request_timeout=settings.request_timeout)

    return app


def loopback_hosts(host: str) -> Optional[list[str]]:
    """Host names a server bound to `host` answers to: loopback names only, unless bound elsewhere."""
    if host in ("127.0.0.1", "localhost", "::1", "[::1]"):
        return ["127.0.0.1", "localhost", "::1", "[::1]"]
    return None


def _error(request: Request, status: int, detail: str, extra: Optional[dict] = None, headers=None):
    """JSON for the API, an HTML page for the pages."""
    if request.url.path.startswith(("/api/", "/openapi", "/static/")):
        return JSONResponse({"detail": detail, **(extra or {})}, status_code=status, headers=headers)
    from http import HTTPStatus

    from ..web.pages import templates

    reason = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "reason": reason, "detail": detail}, status_code=status, headers=headers
    )


def _plain(errors: list) -> list:
    """Validation errors as JSON-safe dicts (pydantic may put exceptions in ctx)."""
    out = []
    for e in errors:
        e = dict(e)
        if "ctx" in e:
            e["ctx"] = {k: str(v) for k, v in e["ctx"].items()}
        e.pop("input", None)
        out.append(e)
    return out
