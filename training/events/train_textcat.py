"""Train the PentaClass sentence classifier (spaCy textcat, CPU) on cameo_class.

    OMP_NUM_THREADS=1 .venv/bin/python training/events/train_textcat.py \
        --data /work/shared/data/cameo/cameo_class/train.tsv --holdout --out src/wirecoder/models/events/textcat

--holdout trains on 80% of train (fixed seed, wirecoder.eval.cameo_data.split) and
prints macro-F1 on the other 20%; without it, it trains on all of train.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import spacy
from spacy.training import Example
from tqdm import tqdm

from wirecoder.eval.cameo_data import read_class, split
from wirecoder.eval.cameo_scores import macro_f1

LABELS = [str(i) for i in range(5)]

ARCHS = {
    "bow": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
            "no_output_layer": False, "length": 262144},
    "ensemble": {
        "@architectures": "spacy.TextCatEnsemble.v2",
        "tok2vec": {"@architectures": "spacy.Tok2Vec.v2",
                    "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
                              "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [5000, 1000, 2500, 2500],
                              "include_static_vectors": False},
                    "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64, "window_size": 1,
                               "maxout_pieces": 3, "depth": 2}},
        "linear_model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
                         "no_output_layer": False, "length": 262144},
    },
}


def build(arch: str):
    nlp = spacy.blank("en")
    nlp.add_pipe("textcat", config={"model": ARCHS[arch]})
    return nlp


def train(rows, arch: str, epochs: int, seed: int = 0):
    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    nlp = build(arch)
    examples = [Example.from_dict(nlp.make_doc(t), {"cats": {l: float(int(l) == y) for l in LABELS}}) for t, y in rows]
    optimizer = nlp.initialize(lambda: examples)
    for _ in tqdm(range(epochs), desc=f"textcat {arch}", file=sys.stderr):
        random.shuffle(examples)
        losses = {}
        for batch in spacy.util.minibatch(examples, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
    return nlp


def predict(nlp, texts) -> list[int]:
    return [int(max(d.cats, key=d.cats.get)) for d in nlp.pipe(texts)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data/cameo/cameo_class/train.tsv")
    ap.add_argument("--arch", default="ensemble", choices=sorted(ARCHS))
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--holdout", action="store_true", help="train on 80%%, report macro-F1 on the held-out 20%%")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    rows = read_class(Path(args.data))
    train_rows, held = split(rows) if args.holdout else (rows, [])
    nlp = train(train_rows, args.arch, args.epochs)
    if held:
        pred = predict(nlp, [t for t, _ in held])
        print(f"{args.arch} epochs={args.epochs} train={len(train_rows)} held-out={len(held)} "
              f"macro-F1={macro_f1([y for _, y in held], pred):.3f}")
    if args.out:
        nlp.to_disk(args.out)
        print(f"saved {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
