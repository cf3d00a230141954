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
import time
from typing import Iterable, Iterator, Optional, Union

from .encodable import safe_error
from .errors import ArticleTimeout, WirecoderError
from .ingest import Input, prepare
from .long_text import LONG_TEXT, parse
from .record import ErrorRecord, Record
from .resources import ResourceError, Resources
from .settings import Settings
from .stages import STAGES, Stage, select
from .timelimit import time_limit

Output = Union[Record, ErrorRecord]


class Coder:
    """Loads the model once and codes articles; every public entry point goes through it."""

    def __init__(self, settings: Optional[Settings] = None, nlp=None, exclude: Iterable[str] = ()):
        """`nlp`: a loaded spaCy pipeline to use instead of loading ``settings.spacy_model``;
        `exclude`: names of stages to skip (a warning names the stages left that read their fields).

        Its :class:`Resources` are those of the pipeline for these settings
        (:meth:`Resources.for_pipeline`, as the spaCy component takes them): a Coder given a
        pipeline that already has them (a ``wirecoder_statements`` component's, another Coder's
        with equal settings) shares them; otherwise they are its own."""
        self.settings = settings or Settings.from_env()
        if nlp is not None:
            self.resources = Resources.for_pipeline(nlp, self.settings)
        else:
            self.resources = Resources(self.settings)
        self.nlp = self.resources.nlp  # loaded now: a missing model fails here, not on the first article
        self.resources.keep_on(self.nlp)
        self.stages: tuple[Stage, ...] = select(exclude)
        self.provenance = self.resources.provenance
        self.timings: dict[str, float] = {}
        self._warmed = False

    @property
    def _before_parse(self) -> tuple[Stage, ...]:
        return tuple(s for s in self.stages if not s.after_parse)

    @property
    def _after_parse(self) -> tuple[Stage, ...]:
        return tuple(s for s in self.stages if s.after_parse)

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
        # Each article has article_timeout for all of it: prepare and the stages before the parse,
        # its parse (a long text alone, in pieces) and the stages after it; each phase runs under
        # what is left (wirecoder.timelimit works in any thread).
        self.warm_up()
        limit = self.settings.article_timeout
        outputs: list[Optional[Output]] = [None] * len(batch)
        ready: list[tuple[int, Record, float]] = []
        for i, inp in enumerate(batch):
            if inp.error is not None:
                outputs[i] = self._error(inp.id, inp.source, inp.error.kind, inp.error.message)
                continue
            t_start = time.monotonic()
            try:
                with time_limit(limit, inp.source):
                    with self._timed("prepare"):
                        record = prepare(inp, self.settings)
                    for stage in self._before_parse:
                        self._run(stage, record, None)
                ready.append((i, record, time.monotonic() - t_start))  # the time this article has used
            except Exception as exc:  # a bug must not take the batch down
                outputs[i] = self._failure(inp.id, inp.source, exc)
        short = [(i, r, t) for i, r, t in ready if len(r.text) <= LONG_TEXT]
        t0 = time.perf_counter()
        docs = self._parse_short([r.text for _, r, _ in short])
        self.timings["parse"] = self.timings.get("parse", 0.0) + time.perf_counter() - t0
        parsed = {i: doc for (i, _, _), doc in zip(short, docs)}
        for i, record, spent in ready:
            # Its own phases only: waiting while other articles of the batch are coded is not its time
            # (the shared nlp.pipe of texts up to LONG_TEXT is not charged either: it is short).
            left = (limit - spent) if limit else 0.0
            try:
                if limit and left <= 0:
                    raise ArticleTimeout(f"{record.source}: took longer than {limit:g} s (article_timeout)")
                with time_limit(left, record.source, total=limit):
                    doc = parsed.get(i)
                    if doc is None:  # a long text: parsed alone, in pieces, under its own limit
                        with self._timed("parse"):
                            doc = parse(self.nlp, record.text)
                    elif isinstance(doc, BaseException):
                        raise doc
                    self._doc_stages(record, doc)
                record.provenance = dict(self.provenance)
                outputs[i] = record
            except Exception as exc:
                outputs[i] = self._failure(record.id, record.source, exc)
        return outputs  # type: ignore[return-value]

    def _parse_short(self, texts: list[str]) -> list:
        """Docs for `texts` with nlp.pipe; when the pipe fails, each text alone (the exception in its place)."""
        try:
            return list(self.nlp.pipe(texts, batch_size=self.settings.batch_size))
        except Exception:
            docs: list = []
            for text in texts:
                try:
                    docs.append(self.nlp(text))
                except Exception as exc:
                    docs.append(exc)
            return docs

    def _failure(self, id: str, source: str, exc: Exception) -> ErrorRecord:
        if isinstance(exc, ResourceError):  # about the coder's knowledge, not the input: say which input
            return self._error(id, source, exc.kind, f"{source}: {exc}")
        if isinstance(exc, WirecoderError):
            return self._error(id, source, exc.kind, str(exc))
        if isinstance(exc, RecursionError):
            return self._error(id, source, "too_deep", f"{source}: nested too deeply to code (RecursionError)")
        return self._error(id, source, "internal", f"{source}: {type(exc).__name__}: {exc}")

    def _doc_stages(self, record: Record, doc) -> None:
        for stage in self._after_parse:
            self._run(stage, record, doc)

    def _run(self, stage: Stage, record: Record, doc) -> None:
        with self._timed(stage.name):
            stage.run(record, doc, self.resources)

    def _error(self, id: str, source: str, kind: str, message: str) -> ErrorRecord:
        return safe_error(id, source, kind, message, dict(self.provenance))

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
