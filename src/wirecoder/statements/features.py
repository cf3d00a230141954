"""Token features for the attribution tagger, from the spaCy parse, the quote marks and the lexicon.

The features that carry most of the weight are syntactic: for each token, the
nearest ancestor that is an attribution cue and the relation under which the
token hangs from it (nsubj: likely speaker; ccomp: likely content), and what
hangs from the token itself (a subject and a clause: the frame of a reporting verb).

Features are built column by column: a column is a name (``"l="``, ``"-2p="``)
and one value per token (None where the token has no such feature). The
feature string a CRF sees is the name followed by the value (``"l=say"``).
Training joins them into strings (``feature_strings``); the tagger looks the
values up per column without building strings, which is most of its speed.
"""

from __future__ import annotations

from .lexicon import Lexicon, load_lexicon, load_word_clusters
from .quotes import CLOSING, OPENING, STRAIGHT, quote_regions

_MAX_UP = 12  # ancestors walked when looking for a cue
# children whose presence describes a token's frame ("k=ccomp"); "inq": a child inside quotes
_KID_DEPS = ("acomp", "advcl", "agent", "attr", "aux", "ccomp", "dative", "dobj", "mark", "neg",
             "nsubj", "nsubjpass", "parataxis", "prep", "xcomp", "inq")
_CLAUSE = frozenset({"ccomp", "xcomp", "parataxis", "inq"})
_WINDOW_KEYS = ("l", "p", "q", "c", "d")
_NEAR_KEYS = ("w", "r", "qm", "se")  # also seen at offsets -1 and +1
_OFFSETS = (-3, -2, -1, 1, 2, 3)
# conjunctions of a token's own values ("cl": a clause or quotation hangs from it)
_CONJUNCTIONS = (("l", "cl"), ("p", "cl", "ks"), ("c", "cl"), ("r", "sd"), ("r", "q"), ("d", "p", "hc"), ("q", "sc"))
_BASE_KEYS = ("w", "l", "p", "t", "d", "s", "q", "qm", "c", "hc", "hl", "r", "al", "sd", "u", "e", "ss", "se",
              "acc", "sc", "sq", "pc", "nl", "ks")

Columns = list  # [(name, [value or None per token]), ...]


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


def token_columns(doc, lexicon: Lexicon | None = None, regions=None, text: str | None = None,
                  shifted: bool = True, clusters: dict | None = None) -> Columns:
    """The feature columns of a parse: [(name, values)], one value (or None) per token.

    text: doc.text when the caller has it (spaCy joins every token to make it). shifted=False leaves
    out the columns that are another column moved by an offset (``shifted_columns``): the tagger
    reads those from their base column itself. lexicon, clusters: a Coder's (its Resources'); when
    not given, read from the data files for this call (training scripts and tests).
    """
    lex = lexicon or load_lexicon()
    text = doc.text if text is None else text
    regions = quote_regions(text) if regions is None else regions
    inside = bytearray(len(text) + 1)
    for a, b in regions:
        inside[a:b] = b"\x01" * (b - a)
    starts = {a for a, _ in regions}
    ends = {b - 1 for _, b in regions}
    toks = list(doc)
    n = len(toks)
    lower = [t.lower_ for t in toks]
    lemma = [t.lemma_.lower() for t in toks]
    pos = [t.pos_ for t in toks]
    deps = [t.dep_ for t in toks]
    heads = [t.head.i for t in toks]
    idx = [t.idx for t in toks]
    cue = [lex.cue_type(lemma[i], pos[i]) if pos[i] in ("VERB", "NOUN", "PROPN") else None for i in range(n)]
    sent_start = [t.is_sent_start for t in toks]

    # "according to X": every token in the object's subtree
    acc = bytearray(n)
    for t in toks:
        if lemma[t.i] == "accord" or lower[t.i] == "according":
            for c in t.children:
                if c.lower_ == "to":
                    for d in c.subtree:
                        acc[d.i] = 1
                    acc[c.i] = 2
            acc[t.i] = 2

    sent_id = [0] * n
    sent_cue: list[bool] = []
    sent_q: list[bool] = []
    for k, s in enumerate(doc.sents):
        has_cue = has_q = False
        for i in range(s.start, s.end):
            sent_id[i] = k
            if cue[i] and pos[i] == "VERB":
                has_cue = True
            if inside[idx[i]]:
                has_q = True
        sent_cue.append(has_cue)
        sent_q.append(has_q)

    # what hangs from each token, and the kind of its subject
    kids: list[set] = [set() for _ in range(n)]
    subj = ["-"] * n
    for t in toks:
        h = heads[t.i]
        if h == t.i:
            continue
        dp = deps[t.i]
        if dp in ("nsubj", "nsubjpass") and subj[h] == "-":
            # the first subject child in token order, as spaCy lists children
            subj[h] = t.ent_type_ or ("PRON" if pos[t.i] == "PRON" else pos[t.i])
        kids[h].add(dp)
        if inside[idx[t.i]] and dp != "punct":
            kids[h].add("inq")

    # nearest cue ancestor and the relation under it; with none, "u" is the token's depth (at most 4)
    rel = ["-"] * n
    anc = ["-"] * n
    side = ["-"] * n
    ups = ["0"] * n
    for i, found in enumerate(_nearest_marked_ancestor(heads, cue)):
        if found:
            j, child, up = found
            rel[i] = deps[child]
            anc[i] = lemma[j]
            side[i] = "L" if i < j else "R"
        else:
            up, k = 0, i
            while up < 4 and heads[k] != k:
                k = heads[k]
                up += 1
        ups[i] = str(min(up, 4))

    q = ["1" if inside[c] else "0" for c in idx]
    qm = ["o" if c in starts else ("c" if c in ends else "-") for c in idx]
    c_ = [c or "-" for c in cue]
    sc = ["1" if sent_cue[sent_id[i]] else "0" for i in range(n)]
    se = ["1" if (i + 1 == n or sent_start[i + 1]) else "0" for i in range(n)]
    cl = ["1" if kids[i] & _CLAUSE else "0" for i in range(n)]
    base = {
        "w": [w if len(w) < 20 else "<long>" for w in lower],
        "l": lemma,
        "p": pos,
        "t": [t.tag_ for t in toks],
        "d": deps,
        "s": [_shape(t.text) for t in toks],
        "q": q,
        "qm": qm,
        "c": c_,
        "hc": [c_[h] for h in heads],
        "hl": [lemma[h] if cue[h] else pos[h] for h in heads],
        "r": rel,
        "al": anc,
        "sd": side,
        "u": ups,
        "e": [t.ent_type_ or "-" for t in toks],
        "ss": ["1" if s else "0" for s in sent_start],
        "se": se,
        "acc": [str(a) for a in acc],
        "sc": sc,
        "sq": ["1" if sent_q[sent_id[i]] else "0" for i in range(n)],
        "pc": ["1" if sent_id[i] > 0 and sent_cue[sent_id[i] - 1] else "0" for i in range(n)],
        "nl": ["1" if "\n" in t.whitespace_ or "\n" in t.text else "0" for t in toks],
        "ks": subj,
    }
    cols: Columns = [("b", [""] * n)]
    cols += [(f"{k}=", base[k]) for k in _BASE_KEYS]
    cols += [(f"k={dep}", ["" if dep in kids[i] else None for i in range(n)]) for dep in _KID_DEPS]
    joinable = {**base, "cl": cl}
    for keys in _CONJUNCTIONS:
        cols.append(("|".join(keys) + "=", ["|".join(vs) for vs in zip(*(joinable[k] for k in keys))]))
    for off in _OFFSETS:
        if shifted:
            for k in _window_keys(off):
                cols.append((f"{off}{k}=", _shifted(base[k], off)))
        edge = [None] * n
        for i in range(min(n, -off)) if off < 0 else range(max(0, n - off), n):
            edge[i] = ""
        cols.append((f"{off}EDGE", edge))
    cols.append(("l-1|l=", [None] + [f"{lemma[i - 1]}|{lemma[i]}" for i in range(1, n)] if n else []))
    cols.append(("l|l+1=", [f"{lemma[i]}|{lemma[i + 1]}" for i in range(n - 1)] + [None] if n else []))
    cols += _cluster_columns(load_word_clusters() if clusters is None else clusters, lower, pos, deps, heads, shifted)
    return cols


# Columns relative to the cue tokens the cue CRF found (in training, those of cue CRFs trained on other
# folds): the speaker and content CRFs stacked on the cue CRF see where each token stands from an actual
# cue, not only from a lexicon verb.
_CUE_DIST_NEAR = 3  # signed distances kept as they are; beyond: "+far" / "-far"
_CUE_DIST_REACH = 30  # a cue token further away in the sentence counts as none ("-")
_CUE_RELATIVE_KEYS = ("pr", "psd", "pu", "pr|sd", "pdist", "ps", "pp", "pr|p", "pd|p")
_CUE_RELATIVE_OFFSETS = (-1, 1)  # the neighbours' "pr"


def cue_relative_columns(doc, cue_tokens, shifted: bool = True) -> Columns:
    """Feature columns of each token relative to the given cue tokens (indices into doc).

    pr: the relation under which the token hangs from its nearest cue-token ancestor (SELF for a cue
    token, "-" for none), psd: on which side of it, pu: levels between (0-4), pdist: signed distance to
    the nearest cue token in the sentence, ps / pp: the sentence / the previous one has a cue token.
    shifted: as in token_columns.
    """
    n = len(doc)
    is_cue = bytearray(n)
    for i in cue_tokens:
        is_cue[i] = 1
    toks = list(doc)
    heads = [t.head.i for t in toks]
    deps = [t.dep_ for t in toks]
    pos = [t.pos_ for t in toks]

    near = _nearest_marked_ancestor(heads, is_cue)
    rel = ["-"] * n
    side = ["-"] * n
    ups = ["0"] * n
    for i in range(n):
        if is_cue[i]:
            rel[i] = "SELF"
        elif near[i]:
            j, child, up = near[i]
            rel[i] = deps[child]
            side[i] = "L" if i < j else "R"
            ups[i] = str(min(up, 4))

    # signed distance to the nearest cue token of the sentence: one pass each way (ties: the one before)
    dist = ["-"] * n
    sent_has: list[bool] = []
    sent_of = [0] * n
    for k, s in enumerate(doc.sents):
        a, b = s.start, s.end
        sent_of[a:b] = [k] * (b - a)
        after = [None] * (b - a)
        nxt = None
        for i in range(b - 1, a - 1, -1):
            if is_cue[i]:
                nxt = i
            after[i - a] = nxt
        prev = None
        for i in range(a, b):
            if is_cue[i]:
                prev = i
            nx = after[i - a]
            if prev is not None and (nx is None or i - prev <= nx - i):
                d = prev - i
            elif nx is not None:
                d = nx - i
            else:
                continue
            if abs(d) <= _CUE_DIST_NEAR:
                dist[i] = str(d)
            elif abs(d) <= _CUE_DIST_REACH:
                dist[i] = "+far" if d > 0 else "-far"
        sent_has.append(prev is not None)
    ps = ["1" if sent_has[k] else "0" for k in sent_of]
    pp = ["1" if k and sent_has[k - 1] else "0" for k in sent_of]
    values = {
        "pr": rel, "psd": side, "pu": ups, "pr|sd": [f"{r}|{s}" for r, s in zip(rel, side)], "pdist": dist,
        "ps": ps, "pp": pp, "pr|p": [f"{r}|{p}" for r, p in zip(rel, pos)],
        "pd|p": [f"{d}|{p}" for d, p in zip(dist, pos)],
    }
    cols: Columns = [(f"{k}=", values[k]) for k in _CUE_RELATIVE_KEYS]
    if shifted:
        cols += [(f"{off}pr=", _shifted(rel, off)) for off in _CUE_RELATIVE_OFFSETS]
    return cols


def _nearest_marked_ancestor(heads: list, marked) -> list:
    """For each token, its nearest marked ancestor at most _MAX_UP levels up, as (ancestor, the token
    under it on the path, levels between), or None.

    Memoised from each token's head: one step per token instead of a walk up the tree from each.
    """
    n = len(heads)
    near: list = [0] * n  # 0: not yet known

    def from_head(k: int):
        above = near[heads[k]]
        return (above[0], above[1], above[2] + 1) if above and above[2] < _MAX_UP - 1 else None

    for i in range(n):
        path = []
        k = i
        while near[k] == 0:
            h = heads[k]
            if marked[h] and h != k:
                near[k] = (h, k, 0)
            elif h == k:
                near[k] = None
            elif near[h] == 0:
                path.append(k)
                k = h
                continue
            else:
                near[k] = from_head(k)
            while path:  # fill in the tokens below, now that their heads are known
                k = path.pop()
                near[k] = from_head(k)
            break
    return near


def cue_relative_names() -> list[str]:
    """Every column name cue_relative_columns makes, in its order."""
    return [f"{k}=" for k in _CUE_RELATIVE_KEYS] + [f"{off}pr=" for off in _CUE_RELATIVE_OFFSETS]


_CLUSTER_NAMES = ("wk=", "wf=", "wk|p=", "hk=", "hf|d=", "-1wk=", "1wk=")


def _cluster_columns(table: dict, lower: list, pos: list, deps: list, heads: list, shifted: bool = True) -> Columns:
    """Word clusters of the token, its neighbours and its head: words unseen in training generalise."""
    if not table:
        return []
    found = [table.get(w.replace("’", "'")) for w in lower]
    coarse = [f[0] if f else None for f in found]
    fine = [f[1] if f else None for f in found]
    cols = [
        ("wk=", coarse),
        ("wf=", fine),
        ("wk|p=", [f"{k}|{p}" if k is not None else None for k, p in zip(coarse, pos)]),
        ("hk=", [coarse[h] for h in heads]),
        ("hf|d=", [f"{fine[h]}|{d}" if fine[h] is not None else None for h, d in zip(heads, deps)]),
    ]
    if shifted:
        cols += [("-1wk=", _shifted(coarse, -1)), ("1wk=", _shifted(coarse, 1))]
    return cols


def _window_keys(off: int) -> tuple[str, ...]:
    return _WINDOW_KEYS + (_NEAR_KEYS if off in (-1, 1) else ())


def column_names() -> list[str]:
    """Every column name token_columns makes, in its order (the model file's attributes split on these)."""
    names = ["b"] + [f"{k}=" for k in _BASE_KEYS] + [f"k={dep}" for dep in _KID_DEPS]
    names += ["|".join(keys) + "=" for keys in _CONJUNCTIONS]
    for off in _OFFSETS:
        names += [f"{off}{k}=" for k in _window_keys(off)]
        names.append(f"{off}EDGE")
    return names + ["l-1|l=", "l|l+1="] + list(_CLUSTER_NAMES)


def shifted_columns() -> dict[str, tuple[str, int]]:
    """The columns that are another column's values moved by an offset: name -> (base column, offset).

    Token i's value in "-2l=" is token i-2's value in "l=" (None beyond either end), so the tagger
    looks a value up once, in its base column, and reads the shifted columns' weights with numpy.
    """
    out = {f"{off}{k}=": (f"{k}=", off) for off in _OFFSETS for k in _window_keys(off)}
    out.update({"-1wk=": ("wk=", -1), "1wk=": ("wk=", 1)})
    out.update({f"{off}pr=": ("pr=", off) for off in _CUE_RELATIVE_OFFSETS})
    return out


def split_feature(feature: str, names: list[str] | None = None) -> tuple[str, str]:
    """A feature string as (column name, value): "l=say" -> ("l=", "say"), "k=ccomp" -> ("k=ccomp", "")."""
    best = ""
    for name in names or column_names():
        if feature.startswith(name) and len(name) > len(best):
            best = name
    if not best:
        raise ValueError(f"feature {feature!r} belongs to no column")
    return best, feature[len(best):]


def _shifted(values: list, off: int) -> list:
    """values[i + off] at position i, None beyond either end."""
    n = len(values)
    if off > 0:
        return values[off:] + [None] * min(off, n)
    return [None] * min(-off, n) + values[: max(0, n + off)]


def feature_strings(cols: Columns) -> list[list[str]]:
    """The feature strings of each token (what the CRF trainer sees)."""
    n = len(cols[0][1]) if cols else 0
    seq: list[list[str]] = [[] for _ in range(n)]
    for name, values in cols:
        for i, v in enumerate(values):
            if v is not None:
                seq[i].append(name + v)
    return seq
