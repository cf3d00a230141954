"""`--jobs N`: N worker processes, one model each, output kept in input order."""

from __future__ import annotations

import itertools
import multiprocessing as mp
from typing import Iterable, Iterator

from .ingest import Input
from .pipeline import Coder, Output
from .settings import Settings

_worker_coder: Coder | None = None


def _init(settings: Settings) -> None:
    global _worker_coder
    _worker_coder = Coder(settings)


def _work(batch: list[Input]) -> list[Output]:
    assert _worker_coder is not None
    return list(_worker_coder.code_inputs(batch))


def _batches(inputs: Iterable[Input], size: int) -> Iterator[list[Input]]:
    it = iter(inputs)
    while batch := list(itertools.islice(it, size)):
        yield batch


def code_parallel(inputs: Iterable[Input], settings: Settings, jobs: int) -> Iterator[Output]:
    """Like Coder.code_inputs, spread over `jobs` processes; order is preserved."""
    if jobs <= 1:
        yield from Coder(settings).code_inputs(inputs)
        return
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with mp.get_context(method).Pool(jobs, initializer=_init, initargs=(settings,)) as pool:
        for outputs in pool.imap(_work, _batches(inputs, settings.batch_size)):
            yield from outputs
