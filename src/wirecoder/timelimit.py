"""A time limit on a block of Python code, in any thread (the CLI's main thread, a server's worker).

``time_limit(seconds, source)`` raises :class:`~wirecoder.errors.ArticleTimeout`
in the thread running the block once it has run `seconds`. A timer thread sets
an asynchronous exception in that thread (``PyThreadState_SetAsyncExc``), which
Python raises at the next bytecode, as it would a signal handler's, but unlike
SIGALRM this works outside the main thread too. Like a signal, it cannot break
into one long call of compiled code (a parser pass over a huge document), so
callers keep such calls short: the coder parses very long texts in pieces
(see ``pipeline.parse``).

The exception it raises inside the block derives from BaseException, so that a
stage's ``except Exception`` cannot swallow it; it leaves the block as
ArticleTimeout. ``cancel(thread_id)`` stops the block of another thread the same
way (the server stops the work of a client that has gone).
"""

from __future__ import annotations

import ctypes
import threading
import time
from typing import Optional

from .errors import ArticleTimeout

_local = threading.local()


class _Expired(BaseException):
    """Raised asynchronously in the limited thread; turned into ArticleTimeout at the block's end."""


class Cancelled(BaseException):
    """Raised asynchronously in a thread whose work is no longer wanted (see ``cancel``)."""


def _set_async(thread_id: int, exc_type: Optional[type]) -> int:
    return ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                                      ctypes.py_object(exc_type) if exc_type else None)


def cancel(thread_id: int) -> None:
    """Raise Cancelled in the thread `thread_id` at its next bytecode."""
    _set_async(thread_id, Cancelled)


def remaining(default: float = 0.0) -> float:
    """Seconds left before the innermost limit of this thread (`default` when there is none)."""
    active = getattr(_local, "deadline", None)
    return default if active is None else max(0.0, active - time.monotonic())


class time_limit:
    """Context manager: ArticleTimeout when the block runs longer than `seconds` (0 or None: no limit).

    Inside a longer limit of the same thread it sets its own shorter one; inside a
    shorter one it does nothing (the outer limit already bounds it).
    """

    def __init__(self, seconds: Optional[float], source: str, setting: str = "article_timeout",
                 total: Optional[float] = None):
        self.seconds = seconds or 0.0
        self.source = source
        self.setting = setting
        self.total = total if total is not None else self.seconds  # the limit named in the message
        self._timer: Optional[threading.Timer] = None

    def __enter__(self) -> "time_limit":
        if self.seconds <= 0:
            return self
        self._deadline = time.monotonic() + self.seconds
        outer = getattr(_local, "deadline", None)
        if outer is not None and outer <= self._deadline:
            return self  # the enclosing limit comes first
        self._outer = outer
        self._thread = threading.get_ident()
        self._lock = threading.Lock()
        self._state = "running"
        _local.deadline = self._deadline
        self._timer = threading.Timer(self.seconds, self._fire)
        self._timer.daemon = True
        try:
            self._timer.start()
        except _Expired:  # a limit so short it ran out before the block began
            self.__exit__(_Expired, None, None)
        return self

    def _fire(self) -> None:
        with self._lock:
            if self._state == "running":
                _set_async(self._thread, _Expired)
                self._state = "fired"

    def __exit__(self, exc_type, exc, tb) -> bool:
        if self._timer is None:
            return False
        expired = exc_type is _Expired
        try:
            self._timer.cancel()
            with self._lock:
                if self._state == "fired" and not expired:
                    _set_async(self._thread, None)  # still pending: the block ended first; drop it
                self._state = "done"
        except _Expired:  # delivered while leaving the block
            expired = True
        finally:
            _local.deadline = self._outer
        if expired:
            raise ArticleTimeout(f"{self.source}: took longer than {self.total:g} s ({self.setting})") from None
        return False
