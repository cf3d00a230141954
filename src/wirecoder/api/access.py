"""The server's one way to the store: read-only queries, writes through a short-lived writer.

The store lets many readers share the file while one process writes (see
docs/store.md), so the server opens it read-only and `wirecoder ingest` can keep
adding to it. Storing from POST /api/code opens a writable Store for that one batch.

Answers are cached by query and by the state of the store file (its size and
modification time, and those of its WAL): any write changes that state, so a
cached answer is never stale, and the /events page's timeline and network,
asked again and again, cost one query each until the next ingest.
"""

from __future__ import annotations

import copy
import json
import os
import threading
from collections import OrderedDict
from typing import Any, Optional

from ..settings import Settings


class StoreAccess:
    def __init__(self, db: Optional[str] = None, store: Any = None, settings: Optional[Settings] = None,
                 cache_entries: int = 256):
        self.settings = settings or Settings.from_env()
        self.db = db or self.settings.db
        self._store = store
        self._open_lock = threading.Lock()
        self.cache_entries = cache_entries
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._cache_lock = threading.Lock()

    @property
    def store(self) -> Any:
        if self._store is None:
            with self._open_lock:
                if self._store is None:
                    from ..store import Store

                    self._store = Store(self.db, read_only=True, lock_timeout=reader_wait(self.settings))
        return self._store

    def _file_state(self) -> Optional[tuple]:
        path = getattr(self.store, "path", None) or self.db
        try:
            st = os.stat(path)
        except OSError:
            return None
        try:
            wal = os.stat(path + ".wal")
            wal_state = (wal.st_size, wal.st_mtime_ns)
        except OSError:
            wal_state = None
        return (st.st_size, st.st_mtime_ns, st.st_ino, wal_state)

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """store.<method>(...) with the None-valued filters left out; cached while the file is unchanged."""
        kwargs = {k: v for k, v in kwargs.items() if v is not None}
        state = self._file_state() if self.cache_entries > 0 else None
        if state is None:
            return getattr(self.store, method)(*args, **kwargs)
        key = json.dumps([method, args, kwargs, state], sort_keys=True, default=str)
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return _copy(self._cache[key])
        out = getattr(self.store, method)(*args, **kwargs)
        if self._file_state() == state:  # not written meanwhile: safe to keep
            with self._cache_lock:
                self._cache[key] = _copy(out)
                while len(self._cache) > self.cache_entries:
                    self._cache.popitem(last=False)
        return out

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
        return Store(path, resources=getattr(self._store, "resources", None)).add(records)  # the reader's loaded data


def reader_wait(settings: Settings) -> float:
    """Seconds a read waits for a writer holding the store: half the request time, so that the
    answer is the store's 503 ("a writer has held the store ...") and no reader waits on past it."""
    from ..store.connection import LOCK_TIMEOUT

    if settings.request_timeout and settings.request_timeout > 0:
        return min(LOCK_TIMEOUT, settings.request_timeout / 2)
    return LOCK_TIMEOUT


def _copy(value: Any) -> Any:
    """A copy callers may change at the top of each row (pages add fields to rows); cheap for big lists."""
    if isinstance(value, list):
        return [dict(v) if isinstance(v, dict) else copy.deepcopy(v) for v in value]
    if isinstance(value, dict) and isinstance(value.get("items"), list):
        return {**value, "items": _copy(value["items"])}
    return copy.deepcopy(value)
