"""Speed of the structure stage and the date pattern scan, without spaCy.

    .venv/bin/python bench/bench_structure.py [DIR_OF_TXT ...]

Defaults to the bundled samples and, when present, the PolNeAR train texts in
../shared. Prints milliseconds per article for each.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tqdm import tqdm

from wirecoder.dates import anchor_of
from wirecoder.record import Record
from wirecoder.structure import StructurePatterns, analyse

ROOT = Path(__file__).resolve().parent.parent


def bench(name: str, paths: list[Path]) -> None:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    if not texts:
        return
    patterns = StructurePatterns.load()  # once, as a Coder's Resources does
    analyse(Record(id="warm", source="warm", text=texts[0]), patterns)
    t_structure = t_dates = 0.0
    n_dates = 0
    for i, text in enumerate(tqdm(texts, desc=name, file=sys.stderr)):
        record = Record(id=str(i), source=name, text=text)
        t0 = time.perf_counter()
        analyse(record, patterns)
        t1 = time.perf_counter()
        anchor = anchor_of(record)
        for e in patterns.dates.find(text):
            patterns.dates.resolve_expression(e, anchor)
            n_dates += 1
        t_dates += time.perf_counter() - t1
        t_structure += t1 - t0
    chars = sum(len(t) for t in texts) / len(texts)
    print(
        f"{name}: {len(texts)} articles, {chars:.0f} chars on average; "
        f"structure {t_structure / len(texts) * 1000:.2f} ms/article; "
        f"dates {t_dates / len(texts) * 1000:.2f} ms/article ({n_dates} expressions)"
    )


def main(argv: list[str]) -> None:
    folders = [Path(a) for a in argv] or [
        ROOT / "src" / "wirecoder" / "samples" / "text",
        ROOT.parent / "shared" / "data" / "polnear" / "train" / "text",
    ]
    for folder in folders:
        if folder.is_dir():
            name = f"{folder.parent.parent.name}/{folder.parent.name}" if folder.name == "text" else folder.name
            bench(name, sorted(folder.glob("*.txt")))


if __name__ == "__main__":
    main(sys.argv[1:])
