"""The coder: inputs in, records out, in input order, one spaCy model per process.

``Coder.code_inputs`` is the one loop every shell uses (CLI, HTTP API, Spark):
read → prepare (text) → stages before the parse → ``nlp.pipe`` in batches → stages after it,
in the order of the table in :mod:`wirecoder.stages`. What the stages load (model, lexicons,
tagger, actor dictionary, gazetteer) belongs to the Coder's :class:`~wirecoder.resources.Resources`.
An input that fails anywhere becomes an :class:`ErrorRecord` in its place.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import signal
import threading
import time
from typing import Iterable, Iterator, Optional, Union

from . import provenance
from .errors import ArticleTimeout, WirecoderError
from .ingest import Input, prepare
from .record import ErrorInfo, ErrorRecord, Record
from .resources import ResourceError, Resources
from .settings import Settings
from .stages import STAGES, Stage, select

Output = Union[Record, ErrorRecord]


class Coder:
    """Loads the model once and codes articles; every public entry point goes through it."""

    def __init__(self, settings: Optional[Settings] = None, nlp=None, exclude: Iterable[str] = ()):
        """`nlp`: a loaded spaCy pipeline to use instead of loading ``settings.spacy_model``;
        `exclude`: names of stages to skip (a warning names the stages left that read their fields)."""
        self.settings = settings or Settings.from_env()
        self.resources = Resources(self.settings, nlp=nlp)
        self.nlp = self.resources.nlp  # loaded now: a missing model fails here, not on the first article
        self.stages: tuple[Stage, ...] = select(exclude)
        self._before_parse = tuple(s for s in self.stages if not s.after_parse)
        self._after_parse = tuple(s for s in self.stages if s.after_parse)
        self.provenance = provenance.info(self.settings.spacy_model, tuple(self.settings.actor_files),
                                          self.settings.statements_encoder)
        self.timings: dict[str, float] = {}
        self._warmed = False

    @property
    def ctx(self) -> Resources:
        """The old name of :attr:`resources` (stages were given a "context"); kept while branches written
        against it merge, to be removed."""
        return self.resources

    # -- single article ----------------------------------------------------
    def code(
        self,
        text: Optional[str] = None,
        *,
        html: Optional[str] = None,
        id: str = "article",
        date: Optional[str] = None,
        url: Optional[str] = None,
        title: Optional[str] = None,
        source: Optional[str] = None,
    ) -> Record:
        """Code one article; raises a WirecoderError when it cannot be coded."""
        inp = Input(
            id=id,
            source=source or url or "<string>",
            text=text,
            html=html,
            url=url,
            date=date,
            title=title,
            input_format="html" if html is not None and text is None else "text",
        )
        (out,) = list(self.code_inputs([inp]))
        if isinstance(out, ErrorRecord):
            raise WirecoderError(out.error.message, kind=out.error.kind)
        return out

    # -- batches ----------------------------------------------------------
    def code_inputs(self, inputs: Iterable[Input]) -> Iterator[Output]:
        it = iter(inputs)
        while True:
            batch = list(itertools.islice(it, self.settings.batch_size))
            if not batch:
                return
            yield from self._code_batch(batch)

    def warm_up(self) -> None:
        """Load what the stages load lazily (gazetteer, classifiers) by coding a short text once.

        Runs before the first batch, outside the per-article time limit, so that
        ``article_timeout`` measures coding and a busy machine does not turn the
        first article of every process into a timeout error.
        """
        if self._warmed:
            return
        self._warmed = True
        with self._timed("warm_up"):
            try:
                record = prepare(Input(id="warm-up", source="<warm-up>", text=_WARM_UP_TEXT), self.settings)
                for stage in self._before_parse:
                    self._run(stage, record, None)
                self._doc_stages(record, self.nlp(record.text))
            except Exception:  # a stage that fails here fails again, reported, on a real article
                pass
        for stage in STAGES:
            self.timings.pop(stage.name, None)  # the stage split is about articles only

    def _code_batch(self, batch: list[Input]) -> list[Output]:
        with _fewer_collections():
            return self._code_batch_inner(batch)

    def _code_batch_inner(self, batch: list[Input]) -> list[Output]:
        self.warm_up()
        outputs: list[Optional[Output]] = [None] * len(batch)
        ready: list[tuple[int, Record]] = []
        for i, inp in enumerate(batch):
            if inp.error is not None:
                outputs[i] = self._error(inp.id, inp.source, inp.error.kind, inp.error.message)
                continue
            try:
                with self._timed("prepare"):
                    record = prepare(inp, self.settings)
                for stage in self._before_parse:
                    self._run(stage, record, None)
                ready.append((i, record))
            except ResourceError as exc:  # about the coder's knowledge, not the input: say which input
                outputs[i] = self._error(inp.id, inp.source, exc.kind, f"{inp.source}: {exc}")
            except WirecoderError as exc:
                outputs[i] = self._error(inp.id, inp.source, exc.kind, str(exc))
            except Exception as exc:  # a bug must not take the batch down
                outputs[i] = self._error(inp.id, inp.source, "internal", f"{inp.source}: {type(exc).__name__}: {exc}")
        t0 = time.perf_counter()
        docs = self.nlp.pipe([r.text for _, r in ready], batch_size=self.settings.batch_size)
        for (i, record), doc in zip(ready, docs):
            self.timings["parse"] = self.timings.get("parse", 0.0) + time.perf_counter() - t0
            try:
                with _time_limit(self.settings.article_timeout, record.source):
                    self._doc_stages(record, doc)
                record.provenance = dict(self.provenance)
                outputs[i] = record
            except ResourceError as exc:
                outputs[i] = self._error(record.id, record.source, exc.kind, f"{record.source}: {exc}")
            except WirecoderError as exc:
                outputs[i] = self._error(record.id, record.source, exc.kind, str(exc))
            except Exception as exc:
                outputs[i] = self._error(
                    record.id, record.source, "internal", f"{record.source}: {type(exc).__name__}: {exc}"
                )
            t0 = time.perf_counter()
        return outputs  # type: ignore[return-value]

    def _doc_stages(self, record: Record, doc) -> None:
        for stage in self._after_parse:
            self._run(stage, record, doc)

    def _run(self, stage: Stage, record: Record, doc) -> None:
        with self._timed(stage.name):
            stage.run(record, doc, self.resources)

    def _error(self, id: str, source: str, kind: str, message: str) -> ErrorRecord:
        return ErrorRecord(id=id, source=source, error=ErrorInfo(kind, message), provenance=dict(self.provenance))

    @contextlib.contextmanager
    def _timed(self, name: str):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0


_WARM_UP_TEXT = (
    "MOSCOW, September 29. /TASS/. The Foreign Ministry said on Tuesday that Kiev has not yet fulfilled "
    "its obligations.\n\n\u201cWe hope the talks resume,\u201d the spokesman added.\n"
)


# Python's cyclic garbage collector runs a young-generation pass every GC_GEN0 container allocations
# (net of frees) while a batch is coded, instead of every 700 (its default).
GC_GEN0 = 10_000


@contextlib.contextmanager
def _fewer_collections(gen0: int = GC_GEN0):
    """Run the block with the cyclic garbage collector checking for garbage less often.

    Coding a batch makes hundreds of thousands of short-lived objects (spaCy tokens and spans, rule
    matches, record parts) that reference counting frees anyway; at the default threshold the collector
    still ran 6 to 9 times per article and now and then rescanned every loaded model, gazetteer and
    lexicon: 2.7 % of the coder's CPU time on PolNeAR dev (0.73 s of 27 s for 40 articles), 0.05 s with
    this. Garbage in reference cycles is still collected, a little later. The old thresholds come back
    after the block; a host that disabled the collector (threshold 0) or set a higher one keeps its own.
    """
    old = gc.get_threshold()
    if old[0] == 0 or old[0] >= gen0:
        yield
        return
    gc.set_threshold(gen0, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@contextlib.contextmanager
def _time_limit(seconds: float, source: str):
    """Raise ArticleTimeout when the block runs longer than `seconds` (main thread, POSIX)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def _expired(signum, frame):
        raise ArticleTimeout(f"{source}: took longer than {seconds:g} s (article_timeout)")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- module-level conveniences --------------------------------------------------
_default_coder: Optional[Coder] = None


def default_coder() -> Coder:
    global _default_coder
    if _default_coder is None:
        _default_coder = Coder()
    return _default_coder


def code(text: Optional[str] = None, **kwargs) -> Record:
    """Code one article (plain text, or ``html=...``) with the default settings."""
    return default_coder().code(text, **kwargs)


def code_many(inputs: Iterable[Union[str, Input]], settings: Optional[Settings] = None) -> Iterator[Output]:
    """Code many articles in input order; strings become inputs with ids 1, 2, ..."""
    coder = Coder(settings) if settings else default_coder()
    items = (
        Input(id=str(n), source=f"<string {n}>", text=x) if isinstance(x, str) else x
        for n, x in enumerate(inputs, 1)
    )
    return coder.code_inputs(items)
