"""The trained attribution tagger: three CRFs (speaker, cue, content) over the tokens of a parse.

Model files: src/wirecoder/models/statements/<role>.crfsuite (see its VERSION and
training/statements/README.md for the command that makes them).
"""

from __future__ import annotations

from pathlib import Path

from .features import base_features, crf_features

ROLES = ("speaker", "cue", "content")
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "statements"


class AttributionTagger:
    def __init__(self, model_dir: Path = MODEL_DIR):
        import pycrfsuite

        self.model_dir = Path(model_dir)
        self.taggers = {}
        for role in ROLES:
            path = self.model_dir / f"{role}.crfsuite"
            if path.exists():
                t = pycrfsuite.Tagger()
                t.open(str(path))
                self.taggers[role] = t

    @property
    def available(self) -> bool:
        return len(self.taggers) == len(ROLES)

    def tag(self, doc, base=None) -> dict[str, list[tuple[int, int]]]:
        """Token index runs (start, end) tagged for each role."""
        if not len(doc):
            return {r: [] for r in ROLES}
        import pycrfsuite

        # Built once, tagged three times: the string-to-id conversion is the costly part.
        xseq = pycrfsuite.ItemSequence(crf_features(base if base is not None else base_features(doc)))
        out = {}
        for role, tagger in self.taggers.items():
            out[role] = bio_runs(tagger.tag(xseq))
        return out


def bio_runs(labels: list[str]) -> list[tuple[int, int]]:
    """(start, end) token runs of B I* (an I without B opens a run too)."""
    runs = []
    start = None
    for i, lab in enumerate(labels):
        if lab == "B" or (lab == "I" and start is None):
            if start is not None:
                runs.append((start, i))
            start = i
        elif lab == "O" and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(labels)))
    return runs
