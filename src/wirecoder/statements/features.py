"""Token features for the attribution tagger, from the spaCy parse, the quote marks and the lexicon.

The features that carry most of the weight are syntactic: for each token, the
nearest ancestor that is an attribution cue, and the relation under which the
token hangs from it (nsubj: likely speaker; ccomp: likely content).
"""

from __future__ import annotations

from .lexicon import Lexicon, load_lexicon
from .quotes import CLOSING, OPENING, STRAIGHT, quote_regions

_MAX_UP = 12  # ancestors walked when looking for a cue


def _shape(text: str) -> str:
    if text.isdigit():
        return "d"
    if text.isalpha():
        if text.isupper():
            return "X" if len(text) > 1 else "Xx"
        return "Xx" if text[0].isupper() else "x"
    if text in OPENING or text in CLOSING or text == STRAIGHT or text in "'‘’":
        return "q"
    return "p" if not any(c.isalnum() for c in text) else "m"


def base_features(doc, lexicon: Lexicon | None = None, regions=None) -> list[dict]:
    """Per-token values used by the tagger (before windowing)."""
    lex = lexicon or load_lexicon()
    text = doc.text
    regions = quote_regions(text) if regions is None else regions
    inside = bytearray(len(text) + 1)
    for a, b in regions:
        inside[a:b] = b"\x01" * (b - a)
    starts = {a for a, _ in regions}
    ends = {b - 1 for _, b in regions}
    toks = list(doc)
    n = len(toks)
    lemma = [t.lemma_.lower() for t in toks]
    pos = [t.pos_ for t in toks]
    cue = [lex.cue_type(lemma[i], pos[i]) if pos[i] in ("VERB", "NOUN", "PROPN") else None for i in range(n)]
    heads = [t.head.i for t in toks]
    deps = [t.dep_ for t in toks]

    # "according to X": every token in the object's subtree
    acc = bytearray(n)
    for t in toks:
        if lemma[t.i] == "accord" or t.lower_ == "according":
            for c in t.children:
                if c.lower_ == "to":
                    for d in c.subtree:
                        acc[d.i] = 1
                    acc[c.i] = 2
            acc[t.i] = 2

    sent_id = [0] * n
    sent_cue = []
    sent_q = []
    for k, s in enumerate(doc.sents):
        has_cue = False
        has_q = False
        for i in range(s.start, s.end):
            sent_id[i] = k
            if cue[i] and pos[i] == "VERB":
                has_cue = True
            if inside[toks[i].idx]:
                has_q = True
        sent_cue.append(has_cue)
        sent_q.append(has_q)

    out = []
    for i, t in enumerate(toks):
        # nearest cue ancestor, and the relation under it
        rel, anc_lem, side, up = "-", "-", "-", 0
        child, j = i, heads[i]
        while j != child and up < _MAX_UP:
            if cue[j]:
                rel = deps[child]
                anc_lem = lemma[j]
                side = "L" if i < j else "R"
                break
            child, j = j, heads[j]
            up += 1
        ch = t.idx
        qm = "-"
        if ch in starts:
            qm = "o"
        elif ch in ends:
            qm = "c"
        k = sent_id[i]
        out.append({
            "w": t.lower_ if len(t.lower_) < 20 else "<long>",
            "l": lemma[i],
            "p": pos[i],
            "t": t.tag_,
            "d": deps[i],
            "s": _shape(t.text),
            "q": "1" if inside[ch] else "0",
            "qm": qm,
            "c": cue[i] or "-",
            "hc": cue[heads[i]] or "-",
            "hl": lemma[heads[i]] if cue[heads[i]] else pos[heads[i]],
            "r": rel,
            "al": anc_lem,
            "sd": side,
            "u": str(min(up, 4)),
            "e": t.ent_type_ or "-",
            "ss": "1" if t.is_sent_start else "0",
            "se": "1" if (i + 1 == n or toks[i + 1].is_sent_start) else "0",
            "acc": str(acc[i]),
            "sc": "1" if sent_cue[k] else "0",
            "sq": "1" if sent_q[k] else "0",
            "pc": "1" if k > 0 and sent_cue[k - 1] else "0",
            "nl": "1" if "\n" in t.whitespace_ or "\n" in t.text else "0",
        })
    return out


_WINDOW_KEYS = ("l", "p", "q", "c", "d")


def crf_features(base: list[dict]) -> list[list[str]]:
    """The feature strings of each token: its own values, a window of neighbours, a few conjunctions."""
    n = len(base)
    seq = []
    for i, f in enumerate(base):
        feats = ["b"] + [f"{k}={v}" for k, v in f.items()]
        feats.append(f"r|sd={f['r']}|{f['sd']}")
        feats.append(f"r|q={f['r']}|{f['q']}")
        feats.append(f"d|p|hc={f['d']}|{f['p']}|{f['hc']}")
        feats.append(f"q|sc={f['q']}|{f['sc']}")
        for off in (-3, -2, -1, 1, 2, 3):
            j = i + off
            if 0 <= j < n:
                g = base[j]
                for k in _WINDOW_KEYS:
                    feats.append(f"{off}{k}={g[k]}")
                if off in (-1, 1):
                    feats.append(f"{off}w={g['w']}")
                    feats.append(f"{off}r={g['r']}")
                    feats.append(f"{off}qm={g['qm']}")
                    feats.append(f"{off}se={g['se']}")
            else:
                feats.append(f"{off}EDGE")
        if i > 0:
            feats.append(f"l-1|l={base[i - 1]['l']}|{f['l']}")
        if i + 1 < n:
            feats.append(f"l|l+1={f['l']}|{base[i + 1]['l']}")
        seq.append(feats)
    return seq
