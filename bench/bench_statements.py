"""Statement-stage cost against the spaCy parse it runs on.

Prints parse time, statement-stage time (tagger features + CRFs + assembly +
speaker resolution) and their ratio, on PolNeAR dev when ../shared is present,
else on the bundled sample texts. Target: statements <= 20% of the parse.

    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_statements.py [--limit N] [--encoder]

--encoder measures the stage with the optional statements encoder on (setting statements_encoder;
no 20% target there: it is the accurate mode).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WIRECODER_SHARED", ROOT.parent / "shared"))


def texts(limit: int) -> tuple[str, list[str]]:
    dev = SHARED / "data" / "polnear" / "dev" / "text"
    if dev.is_dir():
        files = sorted(dev.glob("*.txt"))
        where = "PolNeAR dev"
    else:
        files = sorted((ROOT / "src" / "wirecoder" / "samples" / "text").glob("*.txt"))
        where = "samples/text"
    return where, [f.read_text(encoding="utf-8") for f in files[:limit]]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1000, help="at most this many articles")
    ap.add_argument("--encoder", action="store_true", help="with the optional statements encoder on")
    args = ap.parse_args()

    from tqdm import tqdm

    from wirecoder import nlp as nlp_mod
    from wirecoder.record import Record
    from wirecoder.settings import Settings
    from wirecoder.resources import Resources
    from wirecoder.statements import extract_statements

    nlp = nlp_mod.load("")
    ctx = Resources(Settings.from_env(statements_encoder=args.encoder), nlp=nlp)
    if args.encoder:
        import torch

        torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))  # the same threads as the parse
    where, items = texts(args.limit)
    extract_statements(Record(id="w", source="w", text="Warm up, he said."), nlp("Warm up, he said."), ctx)
    parse_s = stage_s = 0.0
    n_tokens = n_statements = 0
    for text in tqdm(items, desc="bench", file=sys.stderr):
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        found = extract_statements(Record(id="b", source="b", text=text), doc, ctx)
        t2 = time.perf_counter()
        parse_s += t1 - t0
        stage_s += t2 - t1
        n_tokens += len(doc)
        n_statements += len(found)
    print(f"corpus: {where}, {len(items)} articles, {n_tokens} tokens, {n_statements} statements"
          + (", statements encoder on" if args.encoder else ""))
    print(f"parse:      {parse_s:8.2f} s  ({1e3 * parse_s / max(n_tokens, 1):.3f} ms/token)")
    print(f"statements: {stage_s:8.2f} s  ({1e3 * stage_s / max(n_tokens, 1):.3f} ms/token)")
    print(f"statements / parse: {stage_s / parse_s:.1%}")


if __name__ == "__main__":
    main()
