"""The PentaClass sentence classifier (spaCy textcat, bag of words) in models/events/textcat.

Trained by training/events/train_textcat.py on cameo_class; it sits beside the
rules: the rules give the code, actors and spans; when the classifier is
confident and disagrees with the rule's PentaClass, the event takes the
trigger's alternative code in the classifier's class, or the class's generic code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "events" / "textcat"


class PentaClassifier:
    def __init__(self, path: Path = MODEL_DIR):
        import spacy

        self.nlp = spacy.load(path)

    def predict(self, texts: list[str]) -> list[dict[int, float]]:
        """The probability of each PentaClass, for each text."""
        return [{int(k): float(v) for k, v in doc.cats.items()} for doc in self.nlp.pipe(texts)]


def load(ctx) -> Optional[PentaClassifier]:
    """The classifier once per process; None when the model is not installed."""

    def factory():
        return PentaClassifier() if (MODEL_DIR / "meta.json").exists() else None

    return ctx.resource("events.penta_classifier", factory)
