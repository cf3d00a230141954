"""Places figures: gazetteer build time, stage speed, and what it finds on real articles.

    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_places.py [--shared ../shared] [--limit 150]

Parses the hand-cleaned bodies of the NAEB articles (shared data) with the
pipeline's spaCy model (not timed), then times the places stage alone. There is
no gold for places: it prints how many places it finds, the share spaCy also
tags GPE/LOC, and the most frequent names, for a reader to judge.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from tqdm import tqdm

from wirecoder import nlp as nlp_mod
from wirecoder.actors import load_entries
from wirecoder.gazetteer import Gazetteer
from wirecoder.places import find_places
from wirecoder.record import Record


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--limit", type=int, default=150)
    args = ap.parse_args()
    t0 = time.perf_counter()
    gaz = Gazetteer.build(load_entries().values())
    print(f"gazetteer build: {time.perf_counter() - t0:.2f} s, {len(gaz.primary) + len(gaz.alternate):,} names")
    path = Path(args.shared) / "data" / "naeb" / "articles.json"
    if not path.exists():
        print(f"{path} not found: no stage figures", file=sys.stderr)
        return
    bodies = [a["articleBody"] for a in json.loads(path.read_text(encoding="utf-8")).values() if a.get("articleBody")]
    bodies = bodies[: args.limit]
    nlp = nlp_mod.load("")
    docs = list(tqdm(nlp.pipe(bodies, batch_size=16), total=len(bodies), desc="parse", file=sys.stderr))
    elapsed, found, tagged, names = 0.0, 0, 0, Counter()
    for text, doc in zip(bodies, docs):
        record = Record(id="b", source="bench", text=text)
        t0 = time.perf_counter()
        places = find_places(record, doc, gaz)
        elapsed += time.perf_counter() - t0
        ents = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
        for p in places:
            found += 1
            tagged += ents.get((p.start, p.end)) in ("GPE", "LOC")
            names[(p.text, p.country, p.kind)] += 1
    chars = sum(len(b) for b in bodies)
    print(f"places stage: {len(bodies)} articles, {chars:,} chars in {elapsed:.2f} s "
          f"({len(bodies) / elapsed:,.0f} articles/s, {chars / elapsed / 1e6:.2f} M chars/s)")
    print(f"places found: {found} ({found / len(bodies):.1f} an article); spaCy also tags GPE/LOC: {tagged / found:.0%}")
    print("most frequent:", ", ".join(f"{t} ({c}, {k}) x{n}" for (t, c, k), n in names.most_common(25)))


if __name__ == "__main__":
    main()
