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

# Components that set attributes on a doc's tokens but never split or merge them: a doc from a
# pipeline of only these has the tokens its tokenizer made.
_KEEPS_TOKENS = {
    "tok2vec", "transformer", "tagger", "morphologizer", "trainable_lemmatizer", "lemmatizer",
    "attribute_ruler", "parser", "senter", "sentencizer", "newline_sentences", "ner", "entity_ruler",
    "span_ruler", "spancat", "textcat", "textcat_multilabel", "entity_linker",
}


class PentaClassifier:
    def __init__(self, path: Path = MODEL_DIR):
        import spacy

        self.nlp = spacy.load(path)
        self.textcat = self.nlp.get_pipe("textcat")

    def predict(self, texts: list[str]) -> list[dict[int, float]]:
        """The probability of each PentaClass, for each text."""
        return [{int(k): float(v) for k, v in doc.cats.items()} for doc in self.nlp.pipe(texts)]

    def predict_sentences(self, sents, reads_parse: bool = False) -> list[dict[int, float]]:
        """``predict([s.text for s in sents])`` for sentence spans of one parsed doc, with the same figures.

        The model's features are the sentence's words (ORTH), so when ``reads_parse`` (the doc comes from
        a pipeline with this model's tokenizer that keeps its tokens, see :func:`reads_parses_of`), a
        sentence the tokenizer would split alone as it did in the article is read from the parse instead
        of being tokenized again; the others are tokenized as before.
        """
        if not sents:
            return []
        text = sents[0].doc.text if reads_parse else ""
        words = _DocWords(sents[0].doc) if reads_parse else None
        items = [
            _SentenceWords(words, s.start, s.end) if reads_parse and _splits_alone_as_in(text, s.start_char, s.end_char)
            else self.nlp.make_doc(s.text)
            for s in sents
        ]
        scores = self.textcat.predict(items)
        labels = [int(label) for label in self.textcat.labels]
        return [{label: float(scores[i, j]) for j, label in enumerate(labels)} for i in range(len(items))]

    def reads_parses_of(self, nlp) -> bool:
        """Whether docs from ``nlp`` have, sentence by sentence, the tokens this model's tokenizer makes:
        the same tokenizer, and no component that splits or merges tokens."""
        if nlp is None:
            return False
        try:
            factories = {nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}
            same = nlp.tokenizer.to_bytes(exclude=["vocab"]) == self.nlp.tokenizer.to_bytes(exclude=["vocab"])
        except Exception:  # a custom tokenizer that cannot serialise: read the texts
            return False
        return same and factories <= _KEEPS_TOKENS


def _splits_alone_as_in(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] tokenized alone gives the tokens it has inside ``text``.

    spaCy's tokenizer splits the text at whitespace first and tokenizes each piece on its own, so a
    stretch that begins and ends where whitespace starts or stops is cut into the same tokens alone.
    """
    if start >= end or text[start].isspace() or (start > 0 and not text[start - 1].isspace()):
        return False
    return end == len(text) or text[end].isspace() != text[end - 1].isspace()


class _DocWords:
    """A parsed doc's token attributes, read once for all its sentences."""

    def __init__(self, doc):
        self.doc = doc
        self._arrays: dict = {}

    def array(self, attrs):
        key = tuple(attrs) if isinstance(attrs, (list, tuple)) else attrs
        if key not in self._arrays:
            self._arrays[key] = self.doc.to_array(attrs)
        return self._arrays[key]


class _SentenceWords:
    """Stands for the doc of one sentence where the model reads its words (``to_array``)."""

    __slots__ = ("words", "start", "end")

    def __init__(self, words: _DocWords, start: int, end: int):
        self.words, self.start, self.end = words, start, end

    def __len__(self) -> int:
        return self.end - self.start

    def to_array(self, attrs):
        return self.words.array(attrs)[self.start : self.end]


def load(ctx) -> Optional[PentaClassifier]:
    """The classifier once per process; None when the model is not installed."""

    def factory():
        return PentaClassifier() if (MODEL_DIR / "meta.json").exists() else None

    return ctx.resource("events.penta_classifier", factory)


def reads_parses(ctx, clf: PentaClassifier) -> bool:
    """Once per process: whether ``clf`` may read the words of the docs the coder's pipeline parses."""
    return ctx.resource("events.penta_classifier_reads_parses", lambda: clf.reads_parses_of(ctx.nlp))
