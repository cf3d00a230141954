"""Train the source/target span tagger (spaCy ner with SOURCE and TARGET labels, CPU) on cameo_ner.

    OMP_NUM_THREADS=1 .venv/bin/python training/events/train_spans.py \
        --data /work/shared/data/cameo/cameo_ner/train.txt --holdout --out src/wirecoder/models/events/spans

--holdout trains on 80% of train (the fixed split of wirecoder.eval.cameo_data) and prints
exact-span F1 of the tagger alone on the other 20%; without it, it trains on all of train.
R (an actor that is both) is trained as SOURCE.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example, iob_to_biluo
from tqdm import tqdm

from wirecoder.eval.cameo import bio_spans
from wirecoder.eval.cameo_data import read_bio, split
from wirecoder.eval.cameo_scores import prf


def to_example(nlp, sent):
    words = [w for w, _ in sent]
    tags = []
    for _, t in sent:
        kind, _, lab = t.partition("-")
        lab = {"S": "SOURCE", "R": "SOURCE", "T": "TARGET"}.get(lab, "")
        tags.append(f"{kind}-{lab}" if kind in ("B", "I") and lab else "O")
    # repair I- after O (treat as B-)
    fixed, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        fixed.append(t)
        prev = t
    return Example.from_dict(Doc(nlp.vocab, words=words), {"entities": iob_to_biluo(fixed)})


def train(sents, epochs: int, seed: int = 0, args_drop: float = 0.2):
    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    examples = [to_example(nlp, s) for s in sents]
    optimizer = nlp.initialize(lambda: examples)
    for _ in tqdm(range(epochs), desc="span tagger", file=sys.stderr):
        random.shuffle(examples)
        for batch in spacy.util.minibatch(examples, size=8):
            nlp.update(batch, sgd=optimizer, drop=args_drop)
    return nlp


def score(nlp, sents) -> dict:
    counts = {"SOURCE": [0, 0, 0], "TARGET": [0, 0, 0]}
    for sent in sents:
        gs, gt = bio_spans([t for _, t in sent])
        doc = nlp(Doc(nlp.vocab, words=[w for w, _ in sent]))
        for label, gold in (("SOURCE", gs), ("TARGET", gt)):
            pred = {(e.start, e.end) for e in doc.ents if e.label_ == label}
            c = counts[label]
            c[0] += len(gold & pred)
            c[1] += len(pred - gold)
            c[2] += len(gold - pred)
    return {k: prf(*v) for k, v in counts.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data/cameo/cameo_ner/train.txt")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--holdout", action="store_true")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    sents = read_bio(Path(args.data))
    fit, held = split(sents) if args.holdout else (sents, [])
    nlp = train(fit, args.epochs, args_drop=args.dropout)
    if held:
        print(f"span tagger epochs={args.epochs} train={len(fit)} held-out={len(held)}: {score(nlp, held)}")
    if args.out:
        nlp.to_disk(args.out)


if __name__ == "__main__":
    main()
