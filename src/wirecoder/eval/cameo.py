"""`wirecoder eval cameo DIR`: the event coder against the CAMEO sets of ConfliBERT.

* cameo_class/<split>.tsv: PentaClass macro-F1, the class of the sentence's first
  event (a sentence with no event counts as wrong);
* cameo_ner/<split>.txt: BIO tokens (S source, T target, R both). Each sentence is
  detokenised, coded, and the events' source and target ActorRef spans mapped back to
  token spans; exact-match F1 for sources and for targets, and their average.

Splits: a file name (train, test...) or ``holdout`` / ``fit``: the fixed 20% / 80%
of train (wirecoder.eval.cameo_data.split) kept apart for honest reporting, since
the shipped classifier may be trained on the rest.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from tqdm import tqdm

from .cameo_data import read_bio, read_class, split
from .cameo_scores import f1, macro_f1, prf

NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "’s"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


def default_split(folder: Path, name: str) -> str:
    return "test" if (folder / name / "test.tsv").exists() or (folder / name / "test.txt").exists() else "train"


def rows_for(folder: Path, kind: str, split_name: str, reader, ext: str) -> list:
    """The rows of a split; holdout/fit are the 20%/80% of train."""
    if split_name in ("holdout", "fit"):
        fit, held = split(reader(folder / kind / f"train.{ext}"))
        return held if split_name == "holdout" else fit
    return reader(folder / kind / f"{split_name}.{ext}")


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text with ordinary spacing, and each token's (start, end) in it."""
    parts, offsets, pos = [], [], 0
    for i, tok in enumerate(tokens):
        if i and tok not in NO_SPACE_BEFORE and tokens[i - 1] not in NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    return "".join(parts), offsets


def bio_spans(tags: list[str]) -> tuple[set, set]:
    """(source spans, target spans) as (first token, last token + 1); R counts for both."""
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        kind, _, lab = tag.partition("-")
        if start is not None and (kind != "I" or lab != label):
            spans.append((start, i, label))
            start = None
        if kind == "B" or (kind == "I" and start is None):
            start, label = i, lab
    sources = {(a, b) for a, b, lab in spans if lab in ("S", "R")}
    targets = {(a, b) for a, b, lab in spans if lab in ("T", "R")}
    return sources, targets


def char_to_tokens(start: int, end: int, offsets: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    idx = [i for i, (a, b) in enumerate(offsets) if a < end and start < b]
    return (idx[0], idx[-1] + 1) if idx else None


def _records(coder, texts: list[str], desc: str):
    from ..ingest import Input

    inputs = (Input(id=str(i), source=f"<{desc} {i}>", text=t) for i, t in enumerate(texts))
    yield from tqdm(coder.code_inputs(inputs), total=len(texts), desc=desc, file=sys.stderr, leave=False)


def eval_class(coder, rows: list[tuple[str, int]]) -> dict:
    gold, pred, no_event = [], [], 0
    for (text, label), rec in zip(rows, _records(coder, [t for t, _ in rows], "cameo_class")):
        events = getattr(rec, "events", None) or []
        first = next((e.penta for e in events if e.penta is not None), None)
        no_event += first is None
        gold.append(label)
        pred.append(-1 if first is None else first)
    per_class = {}
    for c in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        per_class[str(c)] = round(f1(tp, fp, fn), 4)
    return {
        "sentences": len(rows),
        "macro_f1": round(macro_f1(gold, pred), 4),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / max(1, len(gold)), 4),
        "no_event": no_event,
        # over the sentences the coder gives an event: how often its class is the gold's (precision)
        "coded_accuracy": round(sum(g == p for g, p in zip(gold, pred) if p != -1) / max(1, len(gold) - no_event), 4),
        "per_class_f1": per_class,
    }


def eval_spans(coder, sents: list[list[tuple[str, str]]]) -> dict:
    counts = {"source": [0, 0, 0], "target": [0, 0, 0]}
    texts, offsets, golds = [], [], []
    for sent in sents:
        text, offs = detokenise([w for w, _ in sent])
        texts.append(text)
        offsets.append(offs)
        golds.append(bio_spans([t for _, t in sent]))
    for rec, offs, (gold_s, gold_t) in zip(_records(coder, texts, "cameo_ner"), offsets, golds):
        pred_s, pred_t = set(), set()
        events = getattr(rec, "events", None) or []
        # the set marks the actors of each sentence's main event: score the first event (with its compound pairs)
        main = [e for e in events if events and e.trigger.start == events[0].trigger.start]
        for ev in main:
            for actor, bucket in ((ev.source, pred_s), (ev.target, pred_t)):
                if actor is not None:
                    span = char_to_tokens(actor.start, actor.end, offs)
                    if span:
                        bucket.add(span)
        for name, gold, pred in (("source", gold_s, pred_s), ("target", gold_t, pred_t)):
            c = counts[name]
            c[0] += len(gold & pred)
            c[1] += len(pred - gold)
            c[2] += len(gold - pred)
    source, target = prf(*counts["source"]), prf(*counts["target"])
    return {"sentences": len(sents), "source": source, "target": target,
            "average_f1": round((source["f1"] + target["f1"]) / 2, 4)}


def evaluate(folder: str | Path, split_name: Optional[str] = None, coder=None, limit: Optional[int] = None) -> dict:
    """Both scores on one split of DIR (/work/shared/data/cameo)."""
    folder = Path(folder)
    if coder is None:
        from ..pipeline import Coder

        coder = Coder()
    out: dict = {"dir": str(folder)}
    if (folder / "cameo_class").is_dir():
        name = split_name or default_split(folder, "cameo_class")
        rows = rows_for(folder, "cameo_class", name, read_class, "tsv")[:limit]
        out["cameo_class"] = {"split": name, **eval_class(coder, rows)}
    if (folder / "cameo_ner").is_dir():
        name = split_name or default_split(folder, "cameo_ner")
        sents = rows_for(folder, "cameo_ner", name, read_bio, "txt")[:limit]
        out["cameo_ner"] = {"split": name, **eval_spans(coder, sents)}
    return out


def format_report(result: dict) -> str:
    lines = [f"CAMEO evaluation of {result['dir']}"]
    c = result.get("cameo_class")
    if c:
        lines.append(f"  PentaClass ({c['split']}, {c['sentences']} sentences): macro-F1 {c['macro_f1']:.3f}, "
                     f"accuracy {c['accuracy']:.3f}, no event {c['no_event']}, accuracy where coded {c['coded_accuracy']:.3f}; "
                     f"per class {c['per_class_f1']}")
    n = result.get("cameo_ner")
    if n:
        lines.append(f"  source/target spans ({n['split']}, {n['sentences']} sentences): source F1 {n['source']['f1']:.3f} "
                     f"(P {n['source']['precision']:.3f} R {n['source']['recall']:.3f}), target F1 {n['target']['f1']:.3f} "
                     f"(P {n['target']['precision']:.3f} R {n['target']['recall']:.3f}), average {n['average_f1']:.3f}")
    return "\n".join(lines)
