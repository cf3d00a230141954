"""The source/target span tagger (spaCy ner, SOURCE/TARGET) in models/events/spans.

Trained by training/events/train_spans.py on cameo_ner, where each sentence marks the
source and target of its main event. It refines the first (main-clause) event of a
sentence: its spans replace the rule's noun phrases for that event when it finds any.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

_EDGE = " \t\n\r\u00a0.,;:!?"
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "events" / "spans"


class SpanTagger:
    def __init__(self, path: Path = MODEL_DIR):
        import spacy

        self.nlp = spacy.load(path)

    def tag(self, sentences: list[tuple[int, str]]) -> list[list[tuple[str, int, int]]]:
        """For each (offset, sentence text): (label, start, end) spans, as offsets into the article."""
        out = []
        for (offset, _), doc in zip(sentences, self.nlp.pipe(text for _, text in sentences)):
            spans = []
            for e in doc.ents:
                text = e.text  # no surrounding spaces or sentence punctuation
                lead = len(text) - len(text.lstrip(_EDGE))
                trail = len(text) - len(text.rstrip(_EDGE))
                if text.strip():
                    spans.append((e.label_, offset + e.start_char + lead, offset + e.end_char - trail))
            out.append(spans)
        return out


def load(ctx) -> Optional[SpanTagger]:
    def factory():
        return SpanTagger() if (MODEL_DIR / "meta.json").exists() else None

    return ctx.resource("events.span_tagger", factory)
