"""Scoring attributions against PolNeAR (brat standoff): speaker, cue and content.

A PolNeAR folder holds ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``.
Where an article has several annotators' files, the first in sorted order is used,
so the score is deterministic. Roles: Source (our speaker), Cue, Content.

Two matching modes, one-to-one per article and role:
- exact: the same letters and digits covered (sets of alphanumeric offsets equal),
  so a missing full stop or quote mark does not count against a span;
- overlap: Jaccard of the character offsets >= 0.5.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

ROLES = ("speaker", "cue", "content")
BRAT_ROLE = {"Source": "speaker", "Cue": "cue", "Content": "content"}

# A unit is one annotated span, possibly in pieces: a frozenset of character offsets.
Unit = frozenset


@dataclass
class GoldArticle:
    name: str
    text: str
    publisher: str
    units: dict[str, list[Unit]] = field(default_factory=dict)
    annotation_file: str = ""


def parse_ann(ann_text: str) -> dict[str, list[list[tuple[int, int]]]]:
    """Textbound annotations of a brat .ann file by role: each a list of (start, end) pieces."""
    out: dict[str, list[list[tuple[int, int]]]] = {r: [] for r in ROLES}
    for line in ann_text.splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        head = parts[1]
        label, _, offsets = head.partition(" ")
        role = BRAT_ROLE.get(label)
        if role is None:
            continue
        pieces = []
        for piece in offsets.split(";"):
            a, b = piece.split()
            pieces.append((int(a), int(b)))
        out[role].append(pieces)
    return out


def _unit(pieces: Iterable[tuple[int, int]]) -> Unit:
    return frozenset(i for a, b in pieces for i in range(a, b))


def _publishers(folder: Path) -> dict[str, str]:
    for candidate in (folder / "metadata.tsv", folder.parent / "metadata.tsv"):
        if candidate.is_file():
            with candidate.open(encoding="utf-8") as fh:
                return {row["filename"]: row["publisher"] for row in csv.DictReader(fh, delimiter="\t")}
    return {}


def load_gold(folder: str | Path) -> list[GoldArticle]:
    """Every article of a PolNeAR folder that has an annotation file, in name order."""
    folder = Path(folder)
    publishers = _publishers(folder)
    by_article: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((folder / "attributions").glob("*.ann")):
        by_article[ann.stem.rsplit("_", 1)[0]].append(ann)
    articles = []
    for txt in sorted((folder / "text").glob("*.txt")):
        anns = by_article.get(txt.stem)
        if not anns:
            continue
        ann = sorted(anns)[0]  # one annotator per article, deterministically
        text = txt.read_text(encoding="utf-8")
        raw = parse_ann(ann.read_text(encoding="utf-8"))
        units = {role: [_unit(p) for p in raw[role]] for role in ROLES}
        publisher = publishers.get(txt.stem) or txt.stem.split("_", 1)[0]
        articles.append(GoldArticle(txt.stem, text, publisher, units, ann.name))
    return articles


def record_units(record) -> dict[str, list[Unit]]:
    """Speaker, cue and content units of a coded record's statements."""
    units: dict[str, list[Unit]] = {r: [] for r in ROLES}
    for st in record.statements:
        if st.speaker is not None:
            units["speaker"].append(_unit([(st.speaker.start, st.speaker.end)]))
        if st.cue is not None:
            units["cue"].append(_unit([(st.cue.start, st.cue.end)]))
        if st.content:
            units["content"].append(_unit([(s.start, s.end) for s in st.content]))
    return units


def _alnum(unit: Unit, text: str) -> frozenset:
    return frozenset(i for i in unit if i < len(text) and text[i].isalnum())


def match_count(gold: list[Unit], pred: list[Unit], text: str, mode: str) -> tuple[int, int, int]:
    """(true positives, gold count, predicted count), matching one to one."""
    if mode == "exact":
        g = {_alnum(u, text) for u in gold} - {frozenset()}
        p = {_alnum(u, text) for u in pred} - {frozenset()}
        return len(g & p), len(g), len(p)
    g = list({u for u in gold if u})
    p = list({u for u in pred if u})
    pairs = []
    for i, gu in enumerate(g):
        for j, pu in enumerate(p):
            inter = len(gu & pu)
            if inter:
                jac = inter / len(gu | pu)
                if jac >= 0.5:
                    pairs.append((jac, i, j))
    pairs.sort(reverse=True)
    used_g, used_p, tp = set(), set(), 0
    for _, i, j in pairs:  # greedy best-first; with Jaccard >= 0.5 pairs rarely compete
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            tp += 1
    return tp, len(g), len(p)


def _prf(tp: int, ng: int, np_: int) -> dict[str, float]:
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": ng, "predicted": np_, "tp": tp}


def score(articles: list[GoldArticle], predictions: dict[str, dict[str, list[Unit]]]) -> dict:
    """Scores overall and per publisher: {mode: {role: {precision, recall, f1, ...}}}."""
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for art in articles:
        pred = predictions.get(art.name, {r: [] for r in ROLES})
        for mode in ("exact", "overlap"):
            for role in ROLES:
                tp, ng, np_ = match_count(art.units[role], pred.get(role, []), art.text, mode)
                for group in ("all", art.publisher):
                    c = counts[(group, mode, role)]
                    c[0] += tp
                    c[1] += ng
                    c[2] += np_
    result: dict = {"articles": len(articles), "overall": {}, "publishers": {}}
    for (group, mode, role), (tp, ng, np_) in sorted(counts.items()):
        target = result["overall"] if group == "all" else result["publishers"].setdefault(group, {})
        target.setdefault(mode, {})[role] = _prf(tp, ng, np_)
    return result


def evaluate(folder: str | Path, coder=None, progress: bool = True,
             predict: Optional[Callable[[GoldArticle], dict[str, list[Unit]]]] = None,
             off: Iterable[str] = (), doc_cache: str | Path | None = None,
             predictions_out: str | Path | None = None) -> dict:
    """Code every article of a PolNeAR folder with wirecoder and score the statements.

    Only what the statements' spans depend on runs (the text stages, the doc stages up to
    ``statements``); the later stages name and code speakers but move no span. ``off`` names
    assembly rules to switch off (``statements.assemble.RULES``), to measure what each does.
    ``doc_cache``: a folder keeping each article's parse (keyed by model and text), so that a
    second run parses nothing. ``predictions_out``: a JSON file of each article's statements
    (speaker, cue, content offsets), to compare two runs span by span.
    """
    articles = load_gold(folder)
    if predict is None:
        from ..statements.assemble import check_rules

        off = check_rules(off)
        if coder is None:
            from ..pipeline import Coder

            coder = Coder()
        rows = _code_statements(coder, articles, off, doc_cache, progress)
        predictions = {name: record_units(record) for name, record in rows.items()}
        if predictions_out is not None:
            spans = {name: [_statement_offsets(st) for st in record.statements] for name, record in rows.items()}
            Path(predictions_out).write_text(json.dumps(spans, indent=0), encoding="utf-8")
    else:
        predictions = {a.name: predict(a) for a in articles}
    return score(articles, predictions)


def _statement_offsets(st) -> dict:
    def pair(span):
        return None if span is None else [span.start, span.end]

    return {"speaker": pair(st.speaker), "cue": pair(st.cue), "content": [pair(c) for c in st.content]}


def _code_statements(coder, articles, off, doc_cache, progress) -> dict:
    """Each article's record, coded up to its statements (errors leave the article out, unscored)."""
    from ..ingest import Input, prepare
    from ..stages import STAGES
    from ..statements import statements as statements_stage

    names = [s.name for s in STAGES]
    before = STAGES[: names.index("statements")]  # what the statements stage reads is written by these
    parse = _DocCache(coder.nlp, coder.settings.spacy_model, doc_cache)
    items = articles
    if progress:
        from tqdm import tqdm

        items = tqdm(articles, desc="polnear", unit="article", file=sys.stderr)
    rows = {}
    for art in items:
        record = prepare(Input(id=art.name, source=art.name, text=art.text), coder.settings)
        if record.text != art.text:  # the invariant; offsets would be meaningless otherwise
            raise ValueError(f"{art.name}: record text differs from the input text")
        for stage in before:
            if not stage.after_parse:
                stage.run(record, None, coder.resources)
        doc = parse(record.text)
        for stage in before:
            if stage.after_parse:
                stage.run(record, doc, coder.resources)
        statements_stage(record, doc, coder.resources, off=off)
        rows[art.name] = record
    return rows


class _DocCache:
    """The model's parse of a text, kept in a folder (one file per model and text) when one is given."""

    def __init__(self, nlp, model: str, folder):
        self.nlp = nlp
        self.folder = Path(folder) if folder else None
        meta = getattr(nlp, "meta", {}) or {}
        self.tag = f"{model}|{meta.get('name', '')}|{meta.get('version', '')}"
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)

    def __call__(self, text: str):
        if self.folder is None:
            return self.nlp(text)
        from spacy.tokens import Doc

        key = hashlib.sha256((self.tag + "\0" + text).encode("utf-8")).hexdigest()
        path = self.folder / f"{key}.spacy"
        if path.is_file():
            return Doc(self.nlp.vocab).from_bytes(path.read_bytes())
        doc = self.nlp(text)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(doc.to_bytes())
        tmp.replace(path)
        return doc


def format_table(result: dict) -> str:
    """The scores as plain-text tables: overall, then F1 per publisher."""
    lines = [f"PolNeAR: {result['articles']} articles"]
    lines.append(f"{'mode':8} {'role':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
    for mode in ("exact", "overlap"):
        for role in ROLES:
            s = result["overall"].get(mode, {}).get(role)
            if s:
                lines.append(f"{mode:8} {role:8} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                             f"{s['gold']:6d} {s['predicted']:6d}")
    lines.append("")
    lines.append("F1 per publisher (exact speaker/cue/content | overlap speaker/cue/content)")
    for pub, modes in sorted(result["publishers"].items()):
        ex = " ".join(f"{modes['exact'][r]['f1']:.3f}" for r in ROLES)
        ov = " ".join(f"{modes['overlap'][r]['f1']:.3f}" for r in ROLES)
        lines.append(f"{pub:14} {ex} | {ov}")
    return "\n".join(lines)
