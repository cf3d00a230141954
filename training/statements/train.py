"""Train the attribution tagger (speaker / cue / content BIO, one CRF each) on PolNeAR train.

Reproducible: same data, same spaCy model, same features -> same model.
Usage (from the repository root):
    OMP_NUM_THREADS=1 .venv/bin/python training/statements/train.py \
        --train /work/shared/data/polnear/train --out src/wirecoder/models/statements
Never train on dev: dev is for `wirecoder eval polnear`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tqdm import tqdm

from wirecoder import nlp as nlp_mod
from wirecoder.eval.polnear import load_gold
from wirecoder.statements.features import base_features, crf_features
from wirecoder.statements.tagger import ROLES, MODEL_DIR


def token_labels(doc, units) -> list[str]:
    """BIO labels of the tokens for one role; the outermost of nested units wins."""
    labels = ["O"] * len(doc)
    text = doc.text
    starts = [t.idx for t in doc]
    import bisect

    for unit in sorted(units, key=len, reverse=True):
        if not unit:
            continue
        lo, hi = min(unit), max(unit)
        first = max(0, bisect.bisect_right(starts, lo) - 1)
        prev_in = False
        for t in doc[first:]:
            if t.idx > hi:
                break
            chars = [c for c in range(t.idx, t.idx + len(t.text)) if text[c].isalnum()] or [t.idx]
            now_in = any(c in unit for c in chars)
            if now_in and labels[t.i] == "O":
                labels[t.i] = "I" if prev_in else "B"
            prev_in = now_in
    return labels


def parsed_docs(articles, nlp, cache: Path | None):
    from spacy.tokens import DocBin

    if cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(articles):
            return docs
    docs = list(tqdm(nlp.pipe([a.text for a in articles], batch_size=16), total=len(articles),
                     desc="parse", file=sys.stderr))
    if cache:
        db = DocBin()
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True, help="PolNeAR train folder")
    ap.add_argument("--out", default=str(MODEL_DIR))
    ap.add_argument("--cache", help="DocBin file to keep the parse of the training texts")
    ap.add_argument("--algorithm", default="ap", help="crfsuite algorithm: ap (averaged perceptron) or lbfgs")
    ap.add_argument("--iterations", type=int, default=12)
    ap.add_argument("--c1", type=float, default=0.1, help="lbfgs only")
    ap.add_argument("--c2", type=float, default=0.01, help="lbfgs only")
    ap.add_argument("--minfreq", type=float, default=3, help="drop features seen fewer times (model size)")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--roles", default=",".join(ROLES))
    args = ap.parse_args()

    import pycrfsuite

    nlp = nlp_mod.load("")
    articles = load_gold(args.train)
    docs = parsed_docs(articles, nlp, Path(args.cache) if args.cache else None)
    feats = [crf_features(base_features(d)) for d in tqdm(docs, desc="features", file=sys.stderr)]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for role in args.roles.split(","):
        t0 = time.time()
        trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=args.verbose)
        for art, doc, xseq in zip(articles, docs, feats):
            trainer.append(xseq, token_labels(doc, art.units[role]))
        params = {"max_iterations": args.iterations, "feature.possible_transitions": True,
                  "feature.minfreq": args.minfreq}
        if args.algorithm == "lbfgs":
            params.update({"c1": args.c1, "c2": args.c2})
        trainer.set_params(params)
        trainer.train(str(out / f"{role}.crfsuite"))
        size = (out / f"{role}.crfsuite").stat().st_size / 1e6
        print(f"{role}: trained in {time.time() - t0:.0f} s, {size:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
