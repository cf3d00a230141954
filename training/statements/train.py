"""Train the attribution tagger (speaker / cue / content BIO, one CRF each) on PolNeAR train.

Reproducible: same data, same spaCy model, same features -> same model.
Usage (from the repository root):
    OMP_NUM_THREADS=1 .venv/bin/python training/statements/train.py \
        --train /work/shared/data/polnear/train --out src/wirecoder/models/statements --jobs 2
Never train on dev: dev is for `wirecoder eval polnear`.

Each role is trained with python-crfsuite (L2-regularised SGD by default), then
the three models are written as one compact file, tagger.npz, which the
statements stage decodes with numpy (src/wirecoder/statements/tagger.py).
The roles named by --stack (speaker and content) also see each token's place
relative to the cue tokens: at run time those the cue CRF finds; in training those
that cue CRFs trained on the other folds find (--stack-folds 4), so that the stacked
roles learn how far to trust a predicted cue (trained on the gold cue tokens instead,
content fell on dev; with the folds it rises).
"""

from __future__ import annotations

import argparse
import bisect
import json
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

from tqdm import tqdm

from wirecoder import nlp as nlp_mod
from wirecoder.eval.polnear import load_gold
from wirecoder.statements.features import cue_relative_columns, feature_strings, token_columns
from wirecoder.statements.tagger import MODEL_DIR, MODEL_FILE, ROLES, export_model


def token_labels(doc, units) -> list[str]:
    """BIO labels of the tokens for one role; the outermost of nested units wins."""
    labels = ["O"] * len(doc)
    text = doc.text
    starts = [t.idx for t in doc]
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


# Filled before the role processes fork, so that they share the features instead of pickling them.
_DATA: dict = {}


def _trainer(args, verbose: bool):
    """A crfsuite trainer with the run's algorithm and settings (the same for every CRF of a run)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=verbose)
    params = {"max_iterations": args.iterations, "feature.possible_transitions": True,
              "feature.minfreq": args.minfreq}
    if args.algorithm == "lbfgs":
        params.update({"c1": args.c1, "c2": args.c2})
    elif args.algorithm == "l2sgd":
        params.update({"c2": args.c2})
    trainer.set_params(params)
    return trainer


def _map(fn, items, jobs: int) -> list:
    """fn over items, in `jobs` forked processes (which share _DATA) when more than one."""
    items = list(items)
    if jobs > 1 and len(items) > 1:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(items))) as pool:
            return pool.map(fn, items)
    return [fn(item) for item in items]


def train_role(role: str) -> tuple[str, float]:
    args = _DATA["args"]
    t0 = time.time()
    trainer = _trainer(args, args.verbose)
    extra = _DATA["cue_relative"] if role in args.stack else [None] * len(_DATA["features"])
    for xseq, more, labels in zip(_DATA["features"], extra, _DATA["labels"][role]):
        trainer.append([x + m for x, m in zip(xseq, more)] if more else xseq, labels)
    trainer.train(str(Path(_DATA["work"]) / f"{role}.crfsuite"))
    return role, time.time() - t0


def train_cue_fold(k: int) -> tuple[int, dict[int, list[int]]]:
    """Train a cue CRF without fold k, tag fold k: the cue tokens a stacked role sees at run time."""
    import pycrfsuite

    args = _DATA["args"]
    folds = args.stack_folds
    trainer = _trainer(args, False)
    for j, (xseq, labels) in enumerate(zip(_DATA["features"], _DATA["labels"]["cue"])):
        if j % folds != k:
            trainer.append(xseq, labels)
    path = str(Path(_DATA["work"]) / f"cue-fold{k}.crfsuite")
    trainer.train(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    found = {}
    for j, xseq in enumerate(_DATA["features"]):
        if j % folds == k:
            found[j] = [i for i, lab in enumerate(tagger.tag(xseq)) if lab != "O"]
    return k, found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True, help="PolNeAR train folder")
    ap.add_argument("--out", default=str(MODEL_DIR), help="folder for tagger.npz")
    ap.add_argument("--cache", help="DocBin file to keep the parse of the training texts")
    ap.add_argument("--work", help="folder for the crfsuite models of each role (default: a temporary one)")
    ap.add_argument("--algorithm", default="l2sgd", help="crfsuite algorithm: l2sgd, lbfgs or ap")
    ap.add_argument("--iterations", type=int, default=30)
    ap.add_argument("--c1", type=float, default=0.05, help="lbfgs only")
    ap.add_argument("--c2", type=float, default=1.0, help="l2sgd and lbfgs")
    ap.add_argument("--minfreq", type=float, default=3, help="drop features seen fewer times")
    ap.add_argument("--min-weight", type=float, default=0.0, help="drop weights smaller than this when exporting")
    ap.add_argument("--stack", default="speaker,content",
                    help="roles stacked on the cue (comma-separated; '' for none): trained with features "
                         "relative to the cue tokens (see --stack-folds), decoded after the cue")
    ap.add_argument("--stack-folds", type=int, default=4,
                    help="train the stacked roles on the cue tokens that cue CRFs trained on the other folds "
                         "find (K folds of the articles), as at run time; 0: on the gold cue tokens")
    ap.add_argument("--roles", help="roles to train (comma-separated; default all; '' exports only): the others' "
                                    "crfsuite files must already be in --work, from a run with the same features")
    ap.add_argument("--version", default="2.3.0", help="written to VERSION and into the model file")
    ap.add_argument("--jobs", type=int, default=1, help="roles trained at once")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    args.stack = tuple(r for r in args.stack.split(",") if r)
    train_roles = ROLES if args.roles is None else tuple(r for r in args.roles.split(",") if r)
    if not set(args.stack) <= set(ROLES) - {"cue"} or not set(train_roles) <= set(ROLES):
        ap.error(f"--stack and --roles take roles of {ROLES} (the cue cannot be stacked on itself)")
    if set(train_roles) != set(ROLES) and not args.work:
        ap.error("--roles needs --work, where the other roles' crfsuite files are")

    nlp = nlp_mod.load("")
    articles = load_gold(args.train)
    docs = parsed_docs(articles, nlp, Path(args.cache) if args.cache else None)
    _DATA["args"] = args
    _DATA["features"] = [feature_strings(token_columns(d)) for d in tqdm(docs, desc="features", file=sys.stderr)]
    _DATA["labels"] = {role: [token_labels(d, a.units[role]) for a, d in zip(articles, docs)] for role in ROLES}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.work or tmp)
        work.mkdir(parents=True, exist_ok=True)
        _DATA["work"] = str(work)
        if set(args.stack) & set(train_roles):
            cue_tokens = [[i for i, lab in enumerate(cues) if lab != "O"] for cues in _DATA["labels"]["cue"]]
            if args.stack_folds > 1:
                for _, tokens in _map(train_cue_fold, range(args.stack_folds), args.jobs):
                    for j, toks in tokens.items():
                        cue_tokens[j] = toks
                print(f"cue tokens for the stacked roles from {args.stack_folds} folds", file=sys.stderr)
            _DATA["cue_relative"] = [feature_strings(cue_relative_columns(d, toks))
                                     for d, toks in zip(docs, cue_tokens)]
        for role, seconds in _map(train_role, train_roles, args.jobs):
            print(f"{role}: trained in {seconds:.0f} s", file=sys.stderr)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        info = {"version": args.version, "data": f"PolNeAR train ({len(articles)} articles)",
                "algorithm": args.algorithm, "iterations": args.iterations, "c2": args.c2,
                "minfreq": args.minfreq, "min_weight": args.min_weight, "stack_folds": args.stack_folds,
                "spacy_model": nlp.meta.get("name"),
                "spacy_model_version": nlp.meta.get("version")}
        stats = export_model({role: work / f"{role}.crfsuite" for role in ROLES}, out / MODEL_FILE,
                             min_weight=args.min_weight, info=info, stacked=args.stack)
    (out / "VERSION").write_text(args.version + "\n")
    print(json.dumps(stats), file=sys.stderr)


if __name__ == "__main__":
    main()
