"""The FastAPI application: JSON API under /api, pages for analysts, static files."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import StoreError, WirecoderError
from ..settings import Settings
from .access import StoreAccess
from .security import GuardMiddleware

WEB = Path(__file__).resolve().parent.parent / "web"


def create_app(
    db: Optional[str] = None,
    *,
    store: Any = None,
    settings: Optional[Settings] = None,
    coder: Any = None,
) -> FastAPI:
    """The app over the store at `db` (opened read-only on first use) or an open `store`.

    `coder` is the Coder for POST /api/code; without one it is loaded on first use.
    """
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="wirecoder",
        # Swagger UI and ReDoc load scripts from a CDN and run inline ones: both break the
        # offline rule and the CSP, so only the schema is served.
        docs_url=None,
        redoc_url=None,
        version=__version__,
        description="Statements and political events (CAMEO/PLOVER) coded from news articles, "
        "every field traceable to character spans of the text.",
    )
    app.state.settings = settings
    app.state.access = StoreAccess(db, store, settings)
    app.state.coder = coder

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError):
        # One readable message first, FastAPI's detailed list after it.
        errors = exc.errors()
        message = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}" for e in errors
        )
        return JSONResponse({"detail": message, "errors": _plain(errors)}, status_code=422)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError):
        return JSONResponse({"detail": f"store: {exc}"}, status_code=503)

    @app.exception_handler(WirecoderError)
    async def _bad_query(request: Request, exc: WirecoderError):
        return JSONResponse({"detail": f"{exc.kind}: {exc}"}, status_code=422)

    from ..web.pages import router as pages_router
    from .routes import router as api_router

    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    app.add_middleware(GuardMiddleware, max_body_bytes=settings.max_body_bytes, request_timeout=settings.request_timeout)

    return app


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
