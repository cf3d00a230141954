"""Speaker errors on a PolNeAR folder: per article, the predicted speakers that match no gold source
exactly and the gold sources missed, each with its cue and sentence, and a class for each.

    wirecoder eval polnear DIR --predictions /tmp/pred.json
    python tools/speaker_errors.py DIR /tmp/pred.json [--list] [--class NAME] [--json OUT]

Exact matching is the eval's (the same letters and digits). Classes of a wrong prediction:
- boundary: it overlaps a gold source of the same attribution (or any gold source) but differs; the
  words it has more or fewer are printed ("+, " is the appositive comma kept);
- wrong-speaker: its cue is a gold cue (exactly or by overlap) whose source is elsewhere;
- gold-no-source: its cue is a gold cue whose attribution has no source (a passive cue, a floating
  quotation in PolNeAR's scheme);
- not-gold-cue: its cue matches no gold cue (a statement PolNeAR does not mark);
- no-cue: a statement without a cue (a quotation going on) whose speaker run is wrong.
A missed gold source is: boundary (a prediction overlaps it), cue-found-no-speaker (its cue was
predicted with no speaker), cue-found-other-speaker, cue-missed (no predicted cue overlaps its cue).
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


def gold_attributions(folder: Path, name: str, ann_file: str) -> list[dict]:
    """Each gold attribution's source, cue and content pieces (brat events)."""
    ann = (folder / "attributions" / ann_file).read_text(encoding="utf-8")
    spans = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in p.split()) for p in offsets.split(";")]
            spans[parts[0]] = (label, pieces)
        elif line.startswith("E") and len(parts) >= 2:
            roles = {}
            for arg in parts[1].split()[1:]:
                role, _, tid = arg.partition(":")
                roles[re.sub(r"\d+$", "", role)] = tid
            events.append(roles)
    out = []
    for ev in events:
        a = {}
        for role, key in (("Source", "speaker"), ("Cue", "cue"), ("Content", "content")):
            tid = ev.get(role)
            a[key] = spans[tid][1] if tid in spans else None
        out.append(a)
    return out


def alnum(text: str, pieces) -> frozenset:
    return frozenset(i for a, b in pieces for i in range(a, b) if i < len(text) and text[i].isalnum())


def chars(pieces) -> set:
    return {i for a, b in pieces for i in range(a, b)}


def sentence(text: str, a: int, b: int) -> str:
    s = max(text.rfind("\n", 0, a), max(text.rfind(". ", 0, a), text.rfind("? ", 0, a)) + 1)
    e_candidates = [x for x in (text.find(". ", b), text.find("\n", b)) if x != -1]
    e = min(e_candidates) + 1 if e_candidates else len(text)
    return " ".join(text[s + 1 if s >= 0 else 0:e].split())[:400]


def words(text: str, idx: set) -> str:
    if not idx:
        return ""
    lo, hi = min(idx), max(idx) + 1
    return " ".join("".join(text[i] if i in idx else " " for i in range(lo, hi)).split())


def diff(text: str, pred, gold) -> str:
    p, g = chars([pred]), chars(gold)
    more = "".join(text[i] for i in sorted(p - g) if True)
    fewer = "".join(text[i] for i in sorted(g - p))
    out = []
    if p - g:
        out.append("+" + repr(" ".join(more.split()) if more.strip() else more))
    if g - p:
        out.append("-" + repr(" ".join(fewer.split()) if fewer.strip() else fewer))
    return " ".join(out)


def analyse(folder: Path, predictions: dict) -> list[dict]:
    rows = []
    for art in load_gold(folder):
        text = art.text
        gold = gold_attributions(folder, art.name, art.annotation_file)
        preds = predictions.get(art.name, [])
        gold_src = {alnum(text, g["speaker"]) for g in gold if g["speaker"]}
        pred_src = {alnum(text, [p["speaker"]]) for p in preds if p["speaker"]}
        for p in preds:
            if not p["speaker"]:
                continue
            key = alnum(text, [p["speaker"]])
            if key in gold_src or not key:
                continue
            pc = chars([p["cue"]]) if p["cue"] else set()
            ps = chars([p["speaker"]])
            same_cue = [g for g in gold if g["cue"] and pc and (alnum(text, g["cue"]) == alnum(text, [p["cue"]])
                                                               or len(chars(g["cue"]) & pc) * 2 > len(chars(g["cue"]) | pc))]
            over = [g for g in (same_cue or gold) if g["speaker"] and chars(g["speaker"]) & ps]
            if not over and same_cue:
                over = [g for g in gold if g["speaker"] and chars(g["speaker"]) & ps]
            if over:
                cls, g = "boundary", over[0]
                note = diff(text, p["speaker"], g["speaker"])
            elif p["cue"] is None:
                cls, note = "no-cue", ""
            elif same_cue and any(g["speaker"] for g in same_cue):
                g = next(g for g in same_cue if g["speaker"])
                cls, note = "wrong-speaker", "gold " + repr(words(text, chars(g["speaker"])))
            elif same_cue:
                cls, note = "gold-no-source", ""
            else:
                cls, note = "not-gold-cue", ""
            a, b = p["speaker"]
            rows.append({"article": art.name, "kind": "extra", "class": cls, "speaker": text[a:b],
                         "cue": text[p["cue"][0]:p["cue"][1]] if p["cue"] else None, "note": note,
                         "sentence": sentence(text, a, b), "at": a})
        for g in gold:
            if not g["speaker"]:
                continue
            key = alnum(text, g["speaker"])
            if key in pred_src:
                continue
            gs = chars(g["speaker"])
            gc = chars(g["cue"]) if g["cue"] else set()
            over = [p for p in preds if p["speaker"] and chars([p["speaker"]]) & gs]
            cue_p = [p for p in preds if p["cue"] and gc and chars([p["cue"]]) & gc]
            if over:
                cls, note = "boundary", diff(text, over[0]["speaker"], g["speaker"])
            elif cue_p and not any(p["speaker"] for p in cue_p):
                cls, note = "cue-found-no-speaker", ""
            elif cue_p:
                p = next(p for p in cue_p if p["speaker"])
                cls, note = "cue-found-other-speaker", "pred " + repr(text[p["speaker"][0]:p["speaker"][1]])
            else:
                cls, note = "cue-missed", ""
            a = min(x for x, _ in g["speaker"])
            rows.append({"article": art.name, "kind": "missed", "class": cls, "speaker": words(text, gs),
                         "cue": words(text, gc) if gc else None, "note": note,
                         "sentence": sentence(text, a, max(y for _, y in g["speaker"])), "at": a})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("predictions", type=Path)
    ap.add_argument("--list", action="store_true", help="print every error, per article")
    ap.add_argument("--class", dest="cls", help="print only this class (with --list)")
    ap.add_argument("--kind", choices=("extra", "missed"))
    ap.add_argument("--json", type=Path, help="write the rows here")
    args = ap.parse_args(argv)
    rows = analyse(args.folder, json.loads(args.predictions.read_text(encoding="utf-8")))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    if args.list:
        by_art = defaultdict(list)
        for r in rows:
            if (args.cls is None or r["class"] == args.cls) and (args.kind is None or r["kind"] == args.kind):
                by_art[r["article"]].append(r)
        for name, rs in by_art.items():
            print(f"== {name}")
            for r in sorted(rs, key=lambda r: r["at"]):
                print(f"  {r['kind']:6} {r['class']:24} [{r['speaker']}] cue [{r['cue']}] {r['note']}")
                print(f"         | {r['sentence']}")
    counts = Counter((r["kind"], r["class"]) for r in rows)
    for (kind, cls), n in sorted(counts.items()):
        print(f"{kind:6} {cls:24} {n}")
    notes = Counter(r["note"] for r in rows if r["class"] == "boundary" and r["kind"] == "extra")
    print("boundary differences (extra), commonest:")
    for note, n in notes.most_common(25):
        print(f"  {n:4} {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
