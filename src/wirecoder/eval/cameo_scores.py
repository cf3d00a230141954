"""Scores shared by the evaluations: macro-F1 over classes, F1 over sets of spans."""

from __future__ import annotations


def macro_f1(gold: list, pred: list) -> float:
    """Mean over the gold classes of each class's F1."""
    labels = sorted(set(gold))
    scores = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        scores.append(f1(tp, fp, fn))
    return sum(scores) / len(scores) if scores else 0.0


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(tp, fp, fn), 4), "tp": tp, "fp": fp, "fn": fn}
