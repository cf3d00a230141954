"""`--jobs N`: N worker processes, one model each, output kept in input order.

Inputs go to the workers in small batches, at most ``2 * jobs`` batches in
flight, so memory stays flat however long the input. A worker that dies (a
crash in a native library, the OOM killer) does not end the run: its batch is
retried one input at a time in a fresh pool and an input that kills a worker
again becomes an error record of kind ``crashed``.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Optional

from .errors import WirecoderError
from .ingest import Input
from .pipeline import Coder, Output
from .encodable import safe_error
from .settings import Settings

PARALLEL_BATCH = 8  # inputs per task: small enough to keep the workers evenly busy

_worker_coder: Optional[Coder] = None
_worker_failure: Optional[BaseException] = None
# With the fork start method, a Coder loaded and warmed in the parent is inherited by every
# worker (copy-on-write): one model load for the run instead of one per worker and per restart.
_parent_coder: Optional[Coder] = None


class WorkerStartError(WirecoderError):
    """A worker could not start (e.g. the spaCy model is missing): the run cannot go on."""

    kind = "worker_start"


def _init(settings: Settings) -> None:
    global _worker_coder, _worker_failure
    try:
        inherited = _parent_coder
        _worker_coder = inherited if inherited is not None and inherited.settings == settings else Coder(settings)
    except BaseException as exc:  # reported by the first task, not as a broken pool
        _worker_failure = exc


def _work(batch: list[Input]) -> list[Output]:
    if _worker_coder is None:
        raise WorkerStartError(f"a worker could not start: {type(_worker_failure).__name__}: {_worker_failure}")
    return code_safely(_worker_coder, batch)


def code_safely(coder: Coder, batch: list[Input]) -> list[Output]:
    """The outputs of `batch`, one per input, whatever escapes the coder: when the batch
    raises, each input is coded alone, and one that raises alone is an error record."""
    try:
        return list(coder.code_inputs(batch))
    except Exception:
        pass
    out: list[Output] = []
    for inp in batch:
        try:
            out.extend(coder.code_inputs([inp]))
        except Exception as exc:
            out.append(safe_error(inp.id, inp.source, "internal", f"{inp.source}: {type(exc).__name__}: {exc}"))
    return out


def _batches(inputs: Iterable[Input], size: int) -> Iterator[list[Input]]:
    it = iter(inputs)
    while batch := list(itertools.islice(it, size)):
        yield batch


def code_parallel(inputs: Iterable[Input], settings: Settings, jobs: int) -> Iterator[Output]:
    """Like Coder.code_inputs, spread over `jobs` processes; order is preserved."""
    if jobs <= 1:
        coder = Coder(settings)
        for batch in _batches(inputs, max(1, settings.batch_size)):
            yield from code_safely(coder, batch)
        return
    pool = _Pool(settings, jobs)
    pending: deque[tuple[list[Input], Future]] = deque()
    try:
        for batch in _batches(inputs, max(1, min(settings.batch_size, PARALLEL_BATCH))):
            pending.append((batch, pool.submit(batch)))
            while len(pending) >= 2 * jobs:
                yield from _collect(pool, pending)
        while pending:
            yield from _collect(pool, pending)
    finally:
        pool.shutdown()


def _collect(pool: "_Pool", pending: deque) -> Iterator[Output]:
    batch, future = pending.popleft()
    try:
        outputs = future.result()
    except BrokenProcessPool:
        outputs = None
    except WorkerStartError:
        raise
    except Exception as exc:  # the batch's outputs did not come back (e.g. they could not be pickled)
        outputs = [safe_error(inp.id, inp.source, "internal",
                              f"{inp.source}: the worker's output was lost: {type(exc).__name__}: {exc}")
                   for inp in batch]
    if outputs is not None:
        yield from outputs
        return
    # The pool is gone: every batch in flight is lost. Retry this one input by input,
    # then send the others again.
    pool.restart()
    for inp in batch:
        try:
            yield from pool.submit([inp]).result()
        except BrokenProcessPool:
            pool.restart()
            yield safe_error(inp.id, inp.source, "crashed", f"{inp.source}: the worker process died while coding it")
    for i, (b, _) in enumerate(pending):
        pending[i] = (b, pool.submit(b))


class _Pool:
    def __init__(self, settings: Settings, jobs: int):
        self.settings, self.jobs = settings, jobs
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        self.context = mp.get_context(method)
        if method == "fork":
            _share_parent_coder(settings)
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_init,
                                   initargs=(self.settings,))

    def submit(self, batch: list[Input]) -> Future:
        return self.executor.submit(_work, batch)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def shutdown(self) -> None:
        global _parent_coder
        self.executor.shutdown(wait=True, cancel_futures=True)
        _parent_coder = None


def _share_parent_coder(settings: Settings) -> None:
    """Load and warm a Coder in the parent, for forked workers to inherit. When it cannot load,
    each worker tries on its own and the first task reports why (as before)."""
    global _parent_coder
    try:
        coder = Coder(settings)
        coder.warm_up()
    except Exception:
        _parent_coder = None
        return
    coder.timings.clear()
    _parent_coder = coder
