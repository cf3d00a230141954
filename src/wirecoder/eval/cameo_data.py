"""Reading the CAMEO sets (cameo_class TSV, cameo_ner BIO) and the fixed 80/20 hold-out split of train."""

from __future__ import annotations

import random
from pathlib import Path

SEED = 13
HOLDOUT = 0.2


def read_class(path: Path) -> list[tuple[str, int]]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            text, label = line.rsplit("\t", 1)
            rows.append((text.strip(), int(label)))
    return rows


def read_bio(path: Path) -> list[list[tuple[str, str]]]:
    sents, cur = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
            cur = []
            continue
        cur.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    if cur:
        sents.append(cur)
    return sents


def split(rows: list, seed: int = SEED, holdout: float = HOLDOUT) -> tuple[list, list]:
    """(train, held out): the same 20% every time for a given seed."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    n_out = int(round(len(rows) * holdout))
    held = set(order[:n_out])
    return [r for i, r in enumerate(rows) if i not in held], [r for i, r in enumerate(rows) if i in held]
