"""The server's one way to the store: read-only queries, writes through a short-lived writer.

The store lets many readers share the file while one process writes (see
docs/store.md), so the server opens it read-only and `wirecoder ingest` can keep
adding to it. Storing from POST /api/code opens a writable Store for that one batch.
"""

from __future__ import annotations

import threading
from typing import Any, Optional

from ..settings import Settings


class StoreAccess:
    def __init__(self, db: Optional[str] = None, store: Any = None, settings: Optional[Settings] = None):
        self.settings = settings or Settings.from_env()
        self.db = db or self.settings.db
        self._store = store
        self._open_lock = threading.Lock()

    @property
    def store(self) -> Any:
        if self._store is None:
            with self._open_lock:
                if self._store is None:
                    from ..store import Store

                    self._store = Store(self.db, read_only=True)
        return self._store

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """store.<method>(...) with the None-valued filters left out."""
        kwargs = {k: v for k, v in kwargs.items() if v is not None}
        return getattr(self.store, method)(*args, **kwargs)

    def page(self, method: str, **kwargs: Any) -> dict[str, Any]:
        """A list query as {"total", "items"}."""
        out = self.call(method, **kwargs)
        if isinstance(out, dict) and "items" in out:
            return out
        items = list(out or [])
        return {"total": len(items), "items": items}

    def add(self, records: list) -> dict:
        from ..store import Store

        path = getattr(self._store, "path", None) or self.db
        return Store(path).add(records)
