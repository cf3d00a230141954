"""The trained attribution tagger: three linear-chain CRFs (speaker, cue, content) over a parse.

The CRFs are trained with python-crfsuite (training/statements/train.py) and
shipped as one compact file, models/statements/tagger.npz: per attribute (a
feature column's name and a value) a row of weights for every role and label,
and the label transitions of each role. Decoding here is the CRF's own Viterbi,
done with numpy over columns of feature values: no feature strings are built,
and one lookup per token and column serves all three roles.

A role can be stacked on the cue CRF (the model's meta lists them under
"stacked"): the cue is decoded first, and the stacked role's CRF also sees each
token's place relative to the cue tokens found (features.cue_relative_columns).
"""

from __future__ import annotations

import json
import re
from array import array
from itertools import repeat
from pathlib import Path

import numpy as np

from .features import (Columns, column_names, cue_relative_columns, cue_relative_names, shifted_columns,
                       split_feature, token_columns)

ROLES = ("speaker", "cue", "content")
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "statements"
MODEL_FILE = "tagger.npz"
_SEP = "\x00"  # between attribute values in the model file (never inside one)


class AttributionTagger:
    def __init__(self, model_dir: Path = MODEL_DIR):
        self.model_dir = Path(model_dir)
        self.roles: tuple = ()
        path = self.model_dir / MODEL_FILE
        if not path.exists():
            return
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(bytes(z["meta"]).decode("utf-8"))
            names = meta["columns"]
            column_of = z["column"]
            values = bytes(z["values"]).decode("utf-8").split(_SEP)
            weights = z["weights"].astype(np.float32)
            self.transitions = z["transitions"].astype(np.float64)
        self.meta = meta
        self.roles = tuple(meta["roles"])
        self.labels = meta["labels"]  # per role, in column order of its weights
        # roles whose CRF was trained with the cue-relative columns (none in models before 2.1.0)
        self.stacked = tuple(meta.get("stacked", ()))
        # row len(values) is all zeros: unknown values and absent features
        self.weights = np.vstack([weights, np.zeros((1, weights.shape[1]), np.float32)])
        self._unknown = len(values)
        index: dict[str, _Column] = {name: _Column(self._unknown) for name in names}
        for row, (col, value) in enumerate(zip(column_of.tolist(), values)):
            index[names[col]][value] = row
        self.index = index
        # a shifted column ("-2l=") is read from its base column ("l="): one lookup per token for all
        self._shifted_names = frozenset(shifted_columns())
        self._families = _families(index, self.weights)

    @property
    def available(self) -> bool:
        return set(self.roles) >= set(ROLES)

    def scores(self, cols: Columns) -> np.ndarray:
        """State scores (tokens x roles*labels): the sum of each token's feature weights.

        Shifted columns in cols are ignored: their weights come through their base column's family.
        """
        n = len(cols[0][1]) if cols else 0
        state = np.zeros((n, self.weights.shape[1]), np.float64)
        rows = array("q")  # handed to numpy without a copy
        used = 0
        for name, values in cols:
            family = self._families.get(name)
            if family is not None:
                state += family.scores(values)
            elif name not in self._shifted_names:
                table = self.index.get(name)
                if table is not None:
                    rows.extend(map(table.__getitem__, values))
                    used += 1
        if used:
            picked = self.weights[np.frombuffer(rows, dtype=np.int64)]
            state += picked.reshape(used, n, -1).sum(axis=0, dtype=np.float64)
        return state

    def tag(self, doc, cols: Columns | None = None, cue_scores: dict[str, np.ndarray] | None = None,
            role_scores: dict[str, dict[str, np.ndarray]] | None = None) -> dict[str, list[tuple[int, int]]]:
        """Token index runs (start, end) tagged for each role."""
        if not len(doc):
            return {r: [] for r in ROLES}
        cols = token_columns(doc, shifted=False) if cols is None else cols
        return self.tag_columns(cols, doc, cue_scores, role_scores)

    def tag_columns(self, cols: Columns, doc=None, cue_scores: dict[str, np.ndarray] | None = None,
                    role_scores: dict[str, dict[str, np.ndarray]] | None = None) -> dict[str, list[tuple[int, int]]]:
        """Runs per role from the feature columns; a model with stacked roles also needs the doc (its parse).

        role_scores (role -> label -> one score per token, e.g. the encoder's weighted log-probabilities)
        are added to that role's CRF state scores before its Viterbi; cue_scores is role_scores["cue"]."""
        state = self.scores(cols)
        width = len(self.labels[0])
        extra = dict(role_scores or {})
        if cue_scores:
            extra["cue"] = cue_scores
        for role, by_label in extra.items():
            k = self.roles.index(role)
            for j, label in enumerate(self.labels[k]):
                if label in by_label:
                    state[:, k * width + j] += by_label[label]
        out = {}
        for k, role in enumerate(self.roles):
            if role not in self.stacked:
                out[role] = self._decode(state, k, width)
        if self.stacked:
            if doc is None:
                raise ValueError(f"the roles {', '.join(self.stacked)} are stacked on the cue: pass the doc")
            cue_tokens = [i for a, b in out["cue"] for i in range(a, b)]
            state = state + self.scores(cue_relative_columns(doc, cue_tokens, shifted=False))
            for k, role in enumerate(self.roles):
                if role in self.stacked:
                    out[role] = self._decode(state, k, width)
        return {role: out[role] for role in self.roles}

    def _decode(self, state: np.ndarray, k: int, width: int) -> list[tuple[int, int]]:
        path = viterbi(state[:, k * width:(k + 1) * width], self.transitions[k])
        labels = self.labels[k]
        return bio_runs([labels[y] for y in path])


class _Column(dict):
    """Value -> weight row of one feature column; an unknown value (or None: no feature) is the zero row."""

    def __init__(self, unknown: int):
        super().__init__()
        self.unknown = unknown
        self[None] = unknown  # most tokens lack most optional features: no Python-level miss

    def __missing__(self, value) -> int:
        return self.unknown


class _Family:
    """A base column and the model's columns that are it shifted ("l=", "-1l=", "2l=", ...).

    Each value is looked up once, as an id into the family's vocabulary (0: unknown or none); each
    member's weights are then one numpy gather at the ids moved by its offset.
    """

    def __init__(self, vocab: dict, offsets: list[int], tables: np.ndarray):
        self.vocab = vocab
        self.offsets = offsets
        self.tables = tables  # members x (1 + vocabulary) x roles*labels; row 0 all zeros

    def scores(self, values: list) -> np.ndarray:
        n = len(values)
        ids = np.fromiter(map(self.vocab.get, values, repeat(0)), dtype=np.intp, count=n)
        at = np.zeros((len(self.offsets), n), np.intp)  # beyond either end: row 0
        for m, off in enumerate(self.offsets):
            if off >= 0:
                at[m, : max(0, n - off)] = ids[off:]
            else:
                at[m, min(-off, n):] = ids[: max(0, n + off)]
        picked = self.tables[np.arange(len(self.offsets))[:, None], at]
        return picked.sum(axis=0, dtype=np.float64)


def _families(index: dict, weights: np.ndarray) -> dict[str, _Family]:
    """The model's shifted columns grouped under their base column (which is read in their place)."""
    by_base: dict[str, list[tuple[int, str]]] = {}
    for name, (base, off) in shifted_columns().items():
        if name in index:
            by_base.setdefault(base, []).append((off, name))
    families = {}
    for base, members in by_base.items():
        members = ([(0, base)] if base in index else []) + sorted(members)
        vocab: dict = {}
        for _, name in members:
            for value in index[name]:
                if value is not None:
                    vocab.setdefault(value, len(vocab) + 1)
        tables = np.zeros((len(members), len(vocab) + 1, weights.shape[1]), np.float32)
        for m, (_, name) in enumerate(members):
            for value, row in index[name].items():
                if value is not None:
                    tables[m, vocab[value]] = weights[row]
        families[base] = _Family(vocab, [off for off, _ in members], tables)
    return families


def viterbi(state: np.ndarray, trans: np.ndarray) -> list[int]:
    """The best label path: state scores (n x L) plus transition scores (L x L), first best on ties."""
    n, L = state.shape
    if n == 0:
        return []
    if L == 3:
        return _viterbi3(state.tolist(), trans.tolist())
    S = state.tolist()
    T = trans.tolist()
    score = S[0]
    back = []
    labels = range(L)
    for t in range(1, n):
        row = S[t]
        new, bp = [], []
        for y in labels:
            best_p, best = 0, score[0] + T[0][y]
            for p in range(1, L):
                v = score[p] + T[p][y]
                if v > best:
                    best, best_p = v, p
            new.append(best + row[y])
            bp.append(best_p)
        back.append(bp)
        score = new
    return _backtrace(back, max(labels, key=lambda j: (score[j], -j)))


def _best3(x0: float, x1: float, x2: float) -> tuple[float, int]:
    if x0 >= x1:
        return (x0, 0) if x0 >= x2 else (x2, 2)
    return (x1, 1) if x1 >= x2 else (x2, 2)


def _viterbi3(S: list, T: list) -> list[int]:
    """viterbi() for three labels (B, I, O), unrolled: the stage runs it three times per token."""
    (t00, t01, t02), (t10, t11, t12), (t20, t21, t22) = T
    a, b, c = S[0]
    back = []
    best3 = _best3
    for s0, s1, s2 in S[1:]:
        v0, p0 = best3(a + t00, b + t10, c + t20)
        v1, p1 = best3(a + t01, b + t11, c + t21)
        v2, p2 = best3(a + t02, b + t12, c + t22)
        back.append((p0, p1, p2))
        a, b, c = v0 + s0, v1 + s1, v2 + s2
    return _backtrace(back, best3(a, b, c)[1])


def _backtrace(back: list, last: int) -> list[int]:
    """The path that ends in label `last`, from each step's best previous labels."""
    y = last
    path = [y]
    for bp in reversed(back):
        y = bp[y]
        path.append(y)
    path.reverse()
    return path


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


def export_model(crfsuite_files: dict[str, Path], out: Path, min_weight: float = 0.0,
                 info: dict | None = None, stacked: tuple = ()) -> dict:
    """Write tagger.npz from one trained crfsuite model per role; weights below min_weight dropped.

    stacked: the roles trained with the cue-relative columns too (decoded after the cue).
    """
    label_order = ("O", "B", "I")
    roles = list(crfsuite_files)
    if "cue" in stacked or not set(stacked) <= set(roles) or (stacked and "cue" not in roles):
        raise ValueError(f"stacked roles {stacked!r}: a subset of {roles!r} without the cue, which they need")
    columns: dict[str, int] = {}
    names = column_names() + (cue_relative_names() if stacked else [])
    rows: dict[tuple[int, str], int] = {}
    entries = []  # (row, role k, label j, weight)
    trans = np.zeros((len(roles), 3, 3), np.float32)
    for k, role in enumerate(roles):
        transitions, state_features = read_crfsuite(crfsuite_files[role])
        for (a, b), w in transitions.items():
            trans[k, label_order.index(a), label_order.index(b)] = w
        for (attr, label), w in state_features.items():
            if abs(w) < min_weight or _SEP in attr:
                continue
            name, value = split_feature(attr, names)
            col = columns.setdefault(name, len(columns))
            row = rows.setdefault((col, value), len(rows))
            entries.append((row, k, label_order.index(label), w))
    weights = np.zeros((len(rows), 3 * len(roles)), np.float32)
    for row, k, j, w in entries:
        weights[row, 3 * k + j] = w
    ordered = sorted(rows.items(), key=lambda kv: kv[1])
    meta = {"roles": roles, "labels": [list(label_order)] * len(roles),
            "columns": sorted(columns, key=columns.get), **(info or {})}
    if stacked:
        meta["stacked"] = [r for r in roles if r in stacked]
    np.savez_compressed(
        out,
        meta=np.frombuffer(json.dumps(meta).encode("utf-8"), np.uint8),
        column=np.array([col for (col, _), _ in ordered], np.int32),
        values=np.frombuffer(_SEP.join(v for (_, v), _ in ordered).encode("utf-8"), np.uint8),
        weights=weights,
        transitions=trans,
    )
    return {"attributes": len(rows), "features": len(entries), "bytes": Path(out).stat().st_size}


_TRANSITION = re.compile(r"^  \(1\) (\S+) --> (\S+): (\S+)$", re.M)
# An attribute can hold a newline (the word of a line-break token): match across lines.
_STATE = re.compile(r"\n  \(0\) (.*?) --> (\S+): (-?[0-9.]+(?:e[-+]?[0-9]+)?)(?=\n)", re.S)


def read_crfsuite(path: Path) -> tuple[dict, dict]:
    """Transition and state-feature weights of a crfsuite model, from its text dump.

    (python-crfsuite's own dump parser stops at an attribute that holds a newline.)
    """
    import tempfile

    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "model.txt"
        tagger.dump(str(dump))
        text = dump.read_text(encoding="utf-8", errors="surrogateescape")
    tagger.close()
    trans_part = text[text.index("TRANSITIONS = {"):text.index("STATE_FEATURES = {")]
    state_part = text[text.index("STATE_FEATURES = {") + len("STATE_FEATURES = {"):]
    transitions = {(a, b): float(w) for a, b, w in _TRANSITION.findall(trans_part)}
    state = {(attr, label): float(w) for attr, label, w in _STATE.findall(state_part)}
    return transitions, state
