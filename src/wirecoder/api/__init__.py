"""The HTTP API and the analysts' pages: ``create_app(db)`` gives the FastAPI app.

``wirecoder serve --db FILE`` runs it with uvicorn on loopback; see docs/api.md.
"""

from .app import create_app, loopback_hosts

__all__ = ["create_app", "loopback_hosts"]
