"""List and classify the statements whose content (or cue) does not match PolNeAR exactly.

Reads a PolNeAR folder and the predictions that ``wirecoder eval polnear --predictions FILE``
wrote, pairs each predicted content with the gold content it overlaps most, and sorts the
boundary errors into classes (which side is off, by how much, and what the differing text
is: "that", a quote mark, a sentence, the cue or speaker, a comma-led tail ...). Cues the same
way. Prints counts per class, then examples (``--show CLASS``) or every case (``--all``).

    OMP_NUM_THREADS=1 wirecoder eval polnear DIR --doc-cache /tmp/docs --predictions /tmp/pred.json
    python tools/statement_mismatches.py DIR /tmp/pred.json [--role content|cue] [--show CLASS] [--n 20]

Analysis only: nothing here is used by the pipeline.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wirecoder.eval.polnear import load_gold  # noqa: E402

SENT_END = re.compile(r"[.?!][\"'”’]*\s+[\"'“‘(]*[A-Z]")
QUOTES = set("\"'“”‘’«»")


def gold_attributions(folder: Path, name: str, annotation_file: str) -> list[dict]:
    """Each gold attribution: {speaker, cue, content} as lists of (start, end) pieces (or [])."""
    text = (folder / "attributions" / annotation_file).read_text(encoding="utf-8")
    spans, out = {}, []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            spans[parts[0]] = (label, [tuple(map(int, p.split())) for p in offs.split(";")])
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("E") and len(parts) >= 2:
            att = {"speaker": [], "cue": [], "content": []}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                role = role.rstrip("0123456789")
                key = {"Source": "speaker", "Cue": "cue", "Content": "content"}.get(role)
                if key and tid in spans:
                    att[key] = spans[tid][1]
            out.append(att)
    return out


def alnum(pieces, text) -> frozenset:
    return frozenset(i for a, b in pieces for i in range(a, b) if i < len(text) and text[i].isalnum())


def chars(pieces) -> frozenset:
    return frozenset(i for a, b in pieces for i in range(a, b))


def words(s: str, n: int = 6) -> str:
    w = s.split()
    return " ".join(w[:n]) + (" ..." if len(w) > n else "")


def side_class(diff: str, extra: bool, other_roles: str) -> str:
    """What the text between the two boundaries is."""
    d = diff.strip()
    core = d.strip("".join(QUOTES) + " ,.;:—–-")
    if not core:
        return "punct"
    low = core.lower()
    if other_roles:
        return "cue/speaker:" + other_roles
    if low in ("that", "to", "whether", "if", "how", "why", "what", "and", "but"):
        return "word:" + low
    if SENT_END.search(d):
        return "sentence"
    if any(q in d for q in QUOTES):
        return "quote"
    if d.startswith(","):
        return "comma-tail"
    n = len(core.split())
    return "words<=3" if n <= 3 else "words>3"


def classify(pred, gold, text, roles_at) -> tuple[str, str, str]:
    """(start class, end class, description) for a predicted unit against its gold unit."""
    pa, ga = sorted(alnum(pred, text)), sorted(alnum(gold, text))
    ps, pe, gs, ge = pa[0], pa[-1] + 1, ga[0], ga[-1] + 1

    def one(a, b, extra, side):
        if a == b:
            return "same", ""
        lo, hi = min(a, b), max(a, b)
        seg = text[lo:hi]
        other = "".join(sorted({roles_at.get(i, "") for i in range(lo, hi) if text[i].isalnum()} - {""}))
        cls = ("extra-" if extra else "short-") + side_class(seg, extra, other)
        return cls, f"{side}{'+' if extra else '-'}[{words(seg, 8)}]"

    s_cls, s_d = one(ps, gs, ps < gs, "start")
    e_cls, e_d = one(pe, ge, pe > ge, "end")
    inner = ""
    if s_cls == "same" and e_cls == "same":
        inner = "gap"  # same ends, different middle (pieces)
    return s_cls, e_cls, " ".join(x for x in (s_d, e_d, inner) if x)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("predictions")
    ap.add_argument("--role", default="content", choices=("content", "cue", "speaker"))
    ap.add_argument("--show", default=None, help="print cases of this class (substring)")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--n", type=int, default=15)
    ap.add_argument("--pairs", action="store_true", help="one line per overlapping mismatch: pred || gold")
    args = ap.parse_args(argv)
    folder = Path(args.folder)
    preds = json.loads(Path(args.predictions).read_text(encoding="utf-8"))
    role = args.role
    counts, examples = Counter(), defaultdict(list)
    pairs = Counter()
    for art in load_gold(folder):
        text = art.text
        gatts = gold_attributions(folder, art.name, art.annotation_file)
        roles_at = {}
        for g in gatts:
            for r, tag in (("cue", "C"), ("speaker", "S")):
                if r != role:
                    for i in chars(g[r]):
                        roles_at[i] = tag
        gold_units = [g[role] for g in gatts if g[role]]
        gold_alnum = {alnum(u, text) for u in gold_units}
        for st in preds.get(art.name, []):
            p = st[role]
            if not p:
                continue
            p = [tuple(x) for x in p] if role == "content" else [tuple(p)]
            pa = alnum(p, text)
            if not pa:
                continue
            if pa in gold_alnum:
                counts["exact"] += 1
                continue
            pc = chars(p)
            best, bj = None, 0.0
            for g in gold_units:
                gc = chars(g)
                inter = len(pc & gc)
                if inter:
                    j = inter / len(pc | gc)
                    if j > bj:
                        best, bj = g, j
            cue = text[st["cue"][0]:st["cue"][1]] if st.get("cue") else None
            ptext = " | ".join(text[a:b] for a, b in p)
            if best is None:
                cls = "no-overlap"
                a, b = p[0][0], p[-1][1]
                around = " ".join(text[max(0, a - 120):b + 60].split())
                desc = f"cue={cue!r} pred=[{words(ptext, 14)}]\n      in: {around}"
            else:
                s_cls, e_cls, d = classify(p, best, text, roles_at)
                cls = f"{s_cls} / {e_cls}"
                gtext = " | ".join(text[a:b] for a, b in best)
                if args.pairs:
                    print(f"{cls}\t{' '.join(ptext.split())[:80]}\t||\t{' '.join(gtext.split())[:80]}")
                desc = f"cue={cue!r} {d}\n      pred=[{words(ptext, 30)}]\n      gold=[{words(gtext, 30)}]"
                pairs["start:" + s_cls] += 1
                pairs["end:" + e_cls] += 1
            counts[cls] += 1
            examples[cls].append(f"{art.name}: {desc}")
    total = sum(counts.values())
    print(f"{role}: {total} predicted, {counts['exact']} exact")
    for cls, n in counts.most_common():
        print(f"{n:5d}  {cls}")
    print("\nper side (overlapping, not exact):")
    for cls, n in sorted(pairs.items(), key=lambda kv: -kv[1]):
        print(f"{n:5d}  {cls}")
    if args.show or args.all:
        for cls, exs in examples.items():
            if args.all or (args.show and args.show in cls):
                print(f"\n== {cls} ({len(exs)})")
                for e in exs[: None if args.all else args.n]:
                    print("  " + e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
