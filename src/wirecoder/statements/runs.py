"""Runs of tokens the tagger marks (speaker, cue, content), as assembly handles them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Run:
    start: int  # token index
    end: int  # token index, exclusive
    sent: int
    para: int
    used: bool = False
    owner: list = field(default_factory=list)


# the cue verb's dependents on its left that belong to the cue ("has publicly signaled", "did not say")
CUE_LEFT = {"aux", "auxpass", "neg", "advmod"}


def gap(a: Run, b: Run) -> int:
    return max(0, b.start - a.end, a.start - b.end)


def run_head(doc, run: Run):
    for i in range(run.start, run.end):
        h = doc[i].head.i
        if not (run.start <= h < run.end) or h == i:
            return doc[i]
    return doc[run.end - 1]
