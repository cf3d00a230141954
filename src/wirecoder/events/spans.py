"""The source/target span tagger (spaCy ner, SOURCE/TARGET) in models/events/spans.

Trained by training/events/train_spans.py on cameo_ner, where each sentence marks the
source and target of its main event. It refines the first (main-clause) event of a
sentence: its spans replace the rule's noun phrases for that event when it finds any.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Optional

_EDGE = " \t\n\r\u00a0.,;:!?"
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "events" / "spans"


class SpanTagger:
    def __init__(self, path: Path = MODEL_DIR):
        import spacy

        self.nlp = spacy.load(path)
        self._one_blas_thread = _numpy_blas(self.nlp)

    def tag(self, sentences: list[tuple[int, str]]) -> list[list[tuple[str, int, int]]]:
        """For each (offset, sentence text): (label, start, end) spans, as offsets into the article."""
        with self._one_blas_thread():
            docs = list(self.nlp.pipe(text for _, text in sentences))
        out = []
        for (offset, _), doc in zip(sentences, docs):
            spans = []
            for e in doc.ents:
                text = e.text  # no surrounding spaces or sentence punctuation
                lead = len(text) - len(text.lstrip(_EDGE))
                trail = len(text) - len(text.rstrip(_EDGE))
                if text.strip(_EDGE):  # a span of punctuation only ("...") has no actor
                    spans.append((e.label_, offset + e.start_char + lead, offset + e.end_char - trail))
            out.append(spans)
        return out


def _numpy_blas(nlp):
    """Run the model's matrix products through numpy's BLAS instead of blis (about 3x faster for this
    model's shapes on the build machine; the tagger is mostly its CNN's products), on one thread:
    BLAS threads on a busy machine cost more CPU than they save. Returns the context to run it in;
    without threadpoolctl the model keeps blis."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return contextlib.nullcontext
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        if hasattr(pipe, "model"):
            for node in pipe.model.walk():
                node.ops = ops
    controller = ThreadpoolController()
    return lambda: controller.limit(limits=1, user_api="blas")


def load(ctx) -> Optional[SpanTagger]:
    def factory():
        return SpanTagger() if (MODEL_DIR / "meta.json").exists() else None

    return ctx.resource("events.span_tagger", factory)
