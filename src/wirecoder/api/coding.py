"""POST /api/code's queue: a few coding requests at a time, the rest refused at once.

Coding is CPU work for one spaCy pipeline, one article at a time. Requests that
wait for it must not hold the server's worker threads (reads would starve), nor
pile up without bound (each would be answered after its client gave up). So:

* one coding thread of its own, and at most ``slots`` requests coding or waiting;
  one more gets 503 with ``Retry-After`` at once;
* a request whose client has gone, or that ran past ``request_timeout``, has its
  coding stopped (an asynchronous exception in the coding thread, as the
  article time limit does, see ``wirecoder.timelimit``), or never started.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Iterator, Optional

from fastapi import HTTPException

from ..timelimit import Cancelled, cancel

CODE_SLOTS = 4  # coding requests running or waiting; more get 503 at once
RETRY_AFTER_S = 5
POLL_S = 0.2  # how often a waiting request checks that its client is still there

_current = threading.local()


class _Job:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.state = "waiting"  # waiting -> running -> done, or cancelled
        self.thread: Optional[int] = None

    def cancel(self) -> bool:
        """Stop the job: never start it, or raise Cancelled in its thread; True when it was stopped."""
        with self.lock:
            if self.state == "waiting":
                self.state = "cancelled"
                return True
            if self.state == "running" and self.thread is not None:
                cancel(self.thread)  # delivered in the cancellable block: it cannot leave it unseen
                self.state = "cancelled"
                return True
            return False


@contextlib.contextmanager
def cancellable() -> Iterator[None]:
    """The part of a job that may be stopped from outside (coding, not loading the model)."""
    job: Optional[_Job] = getattr(_current, "job", None)
    if job is None:
        yield
        return
    with job.lock:
        if job.state == "cancelled":
            raise Cancelled()
        job.state, job.thread = "running", threading.get_ident()
    try:
        yield
    finally:
        with job.lock:  # the job cannot be cancelled once this lock is taken here
            if job.state == "running":
                job.state = "done"


def _retrieve(future: "asyncio.Future") -> None:
    if not future.cancelled():
        future.exception()


class CodingQueue:
    def __init__(self, slots: int = CODE_SLOTS):
        self.slots = max(1, slots)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wirecoder-code")
        self._busy = 0
        self._mu = threading.Lock()
        self.refused = self.cancelled = self.coded = 0

    async def run(self, request: Any, fn: Callable, *args: Any) -> Any:
        """fn(*args) in the coding thread; 503 when the queue is full; stopped when the client goes."""
        with self._mu:
            if self._busy >= self.slots:
                self.refused += 1
                raise HTTPException(503, f"{self._busy} coding requests are running or waiting, the most this "
                                         "server takes; try again shortly",
                                    headers={"Retry-After": str(RETRY_AFTER_S)})
            self._busy += 1
        job = _Job()
        try:
            future = asyncio.wrap_future(self._executor.submit(self._call, job, fn, args))
            future.add_done_callback(_retrieve)  # a stopped job's exception is expected, not "never retrieved"
            while True:
                try:
                    await asyncio.wait({future}, timeout=POLL_S)
                    if future.done():
                        return future.result()
                    disconnected = await request.is_disconnected()
                except asyncio.CancelledError:  # request_timeout, or the server shutting down: the
                    self._stop(job)             # cancellation may land at either await
                    raise
                if disconnected:
                    self._stop(job)
                    raise HTTPException(499, "the client closed the connection")
        finally:
            with self._mu:
                self._busy -= 1

    def _stop(self, job: _Job) -> None:
        if job.cancel():
            self.cancelled += 1

    def _call(self, job: _Job, fn: Callable, args: tuple) -> Any:
        if job.state == "cancelled":
            raise Cancelled()
        _current.job = job
        try:
            out = fn(*args)
            # Python drops an asynchronous exception raised inside a weakref or __del__ callback, so a
            # stopped job can run to its end: its result is not wanted, and it is not counted as coded.
            if job.state == "cancelled":
                raise Cancelled()
            self.coded += 1
            return out
        finally:
            _current.job = None

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
