"""`wirecoder ingest`: code inputs with the same runner as `wirecoder code` and store them batch by batch.

Resumable: inputs whose id is already stored with the same input hash are
skipped before coding, so a killed ingest run again only codes what is missing.
Each batch is one transaction, so a kill loses at most the batch in flight.
"""

from __future__ import annotations

import sys
from typing import Iterable, Iterator, Optional

from ..encodable import written
from ..ingest import Input, iter_inputs
from ..ingest.readers import count_inputs
from ..parallel import code_parallel
from ..record import ErrorRecord
from ..runner import progress
from ..settings import Settings
from ..errors import StoreError
from .connection import writable_problem
from .rows import input_hash
from .store import Store


def _pending(inputs: Iterable[Input], known: dict[str, str], hashes: dict[str, str], skipped: list[int],
             settings: Settings) -> Iterator[Input]:
    for inp in inputs:
        if inp.error is None:
            h = input_hash(inp.text, inp.html, inp.date or settings.reference_date or None, inp.title)
            if known.get(inp.id) == h:
                skipped[0] += 1
                continue
            hashes[inp.id] = h
        yield inp


def ingest(paths: list[str], store: Store, input_format: str = "auto", settings: Optional[Settings] = None,
           batch_size: Optional[int] = None) -> dict[str, int]:
    """Code `paths` and add them to `store`; returns the summed add() counts plus `skipped`."""
    settings = settings or Settings.from_env()
    batch_size = batch_size or settings.batch_size
    known = store.input_hashes()
    hashes: dict[str, str] = {}
    skipped = [0]
    totals = {"inputs": 0, "added": 0, "replaced": 0, "unchanged": 0, "errors": 0, "duplicates": 0}
    batch: list = []

    def flush() -> None:
        stats = store.add(batch, {o.id: hashes[o.id] for o in batch if o.id in hashes})
        for k, v in stats.items():
            totals[k] += v
        for o in batch:
            hashes.pop(o.id, None)
        batch.clear()

    # The bar counts inputs as they are read (already stored ones too, so it reaches its total); the
    # summary line of run_ingest is the final count.
    read = progress(iter_inputs(paths, input_format, settings), settings, count_inputs(paths, input_format), final=False)
    inputs = _pending(read, known, hashes, skipped, settings)
    for out in code_parallel(inputs, settings, settings.jobs):
        out, _ = written(out)  # one that cannot be written is stored as an error record in its place
        totals["inputs"] += 1
        if isinstance(out, ErrorRecord):
            print(f"wirecoder: {out.source}: {out.error.kind}: {out.error.message}", file=sys.stderr)
        batch.append(out)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    totals["skipped"] = skipped[0]
    totals["inputs"] += skipped[0]
    return totals


def run_ingest(paths: list[str], input_format: str, settings: Settings, db: str) -> int:
    """The CLI: 0 when every input was stored, 2 when some could not be coded."""
    problem = writable_problem(db)
    if problem:  # before any coding, not after the first batch
        raise StoreError(f"cannot write the store: {problem}")
    store = Store(db)
    t = ingest(paths, store, input_format, settings)
    print(
        f"wirecoder: {db}: {t['inputs']} input(s): {t['added']} added, {t['replaced']} replaced, {t['unchanged']} unchanged, "
        f"{t['skipped']} skipped (already stored), {t['errors']} error(s), {t['duplicates']} near-duplicate(s)",
        file=sys.stderr,
    )
    return 2 if t["errors"] else 0
