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
             predict: Optional[Callable[[GoldArticle], dict[str, list[Unit]]]] = None) -> dict:
    """Code every article of a PolNeAR folder with wirecoder and score the statements."""
    articles = load_gold(folder)
    if predict is None:
        if coder is None:
            from ..pipeline import Coder

            coder = Coder()
        from ..ingest import Input
        from ..record import Record

        inputs = [Input(id=a.name, source=a.name, text=a.text) for a in articles]
        outputs = coder.code_inputs(inputs)
        if progress:
            from tqdm import tqdm

            outputs = tqdm(outputs, total=len(inputs), desc="polnear", unit="article", file=__import__("sys").stderr)
        predictions = {}
        for art, out in zip(articles, outputs):
            if isinstance(out, Record):
                if out.text != art.text:  # the invariant; offsets would be meaningless otherwise
                    raise ValueError(f"{art.name}: record text differs from the input text")
                predictions[art.name] = record_units(out)
    else:
        predictions = {a.name: predict(a) for a in articles}
    return score(articles, predictions)


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
