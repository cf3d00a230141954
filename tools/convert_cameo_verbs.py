"""Convert the PETRARCH-2 CAMEO verb dictionary into the events stage's verb patterns.

    python tools/convert_cameo_verbs.py [--src $WIRECODER_SHARED/reference/petrarch2/CAMEO.2.0.txt]
        [--out src/wirecoder/data/events/cameo_verbs.json]

Reads the verb blocks (``--- NAME [CODE] ---``), their verbs and their patterns
(``- * (FOR {FINANCIAL AID}) [0231]``; format in dictionaries.rst) and writes, per verb
lemma, the block's code and the patterns after the verb: an object head and/or a
preposition with its object head, each with its CAMEO code. Synonym sets (``&FOOD``) are
expanded to their members' head words. What the events stage cannot use on a dependency
parse is left out and counted: patterns on the words before the verb, transformations
(``~``), pre-compound verbs (``WIRE_+TAP``), codes that are null or empty.

The source is MIT-licensed (Copyright (c) 2015 Open Event Data Alliance); the notice and
credit go into the output file. Rerunnable: the output depends on the source file only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC = Path(os.environ.get("WIRECODER_SHARED", ROOT.parent / "shared")) / "reference" / "petrarch2" / "CAMEO.2.0.txt"
DEFAULT_OUT = ROOT / "src" / "wirecoder" / "data" / "events" / "cameo_verbs.json"

NOTICE = (
    "Verb patterns converted by tools/convert_cameo_verbs.py from CAMEO.2.0.txt, the CAMEO verb pattern "
    "dictionary of PETRARCH-2 / Phoenix (Open Event Data Alliance, https://github.com/openeventdata/petrarch2), "
    "itself derived from the TABARI CAMEO dictionaries. The MIT License (MIT) Copyright (c) 2015 Open Event "
    "Data Alliance. Permission is hereby granted, free of charge, to any person obtaining a copy of this "
    "software and associated documentation files (the \"Software\"), to deal in the Software without "
    "restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, "
    "sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished "
    "to do so, subject to the following conditions: The above copyright notice and this permission notice "
    "shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED \"AS "
    "IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF "
    "MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR "
    "COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, "
    "TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS "
    "IN THE SOFTWARE."
)

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([^\]]*)\]")
PATTERN_TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|[^\s(){}]+")


def _code(raw: str):
    """'042:043' -> '042'; ':173' -> '173'; '---' or '' -> None."""
    for part in raw.strip().split(":"):
        part = part.strip()
        if part and part != "---" and part.isdigit():
            return part
    return None


def _head(phrase: str) -> str:
    """The head of a pattern phrase: '{FINANCIAL AID}' -> 'aid', 'AID' -> 'aid'."""
    words = phrase.strip("{}").replace("_", " ").split()
    return words[-1].lower() if words else ""


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    name = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            name = text.rstrip("_").upper()
            out[name] = []
        elif text.startswith("+") and name is not None:
            out[name].append(_head(text[1:].rstrip("_")))
        elif text.startswith("---") or text.startswith("- "):
            name = None
    return out


def _heads(word: str, synsets: dict[str, list[str]]) -> list[str]:
    if word.startswith("&"):
        return sorted(set(synsets.get(word.strip("{}").rstrip("_").upper(), [])))
    return [_head(word)]


def convert(src: Path) -> tuple[dict, dict]:
    lines = src.read_text(encoding="latin-1").splitlines()
    synsets = read_synsets(lines)
    verbs: dict[str, dict] = {}
    blocks: list[dict] = []
    skipped = {"pre_verb": 0, "null_code": 0, "pre_compound": 0, "transformation": 0, "unparsed": 0}
    block_code = None
    block_verbs: list[str] = []  # the verbs of the current block
    in_verbs = False
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs:
            continue
        if line.startswith("~"):
            skipped["transformation"] += 1
            continue
        m = BLOCK.match(line)
        if m:
            block_code = _code(m.group(2))
            block_verbs = []
            blocks.append({"name": m.group(1).lower(), "code": block_code, "patterns": []})
            continue
        text = line.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        if text.startswith("-"):
            _add_pattern(text[1:], blocks[-1], synsets, skipped)
            continue
        if text.startswith("&") or text.startswith("+") and block_code is None and not block_verbs and "_" not in text:
            continue
        word = text.split()[0]
        if "{" in word:
            word = word.split("{", 1)[0]
        own = CODE.search(re.sub(r"\{[^}]*\}", " ", text))
        code = _code(own.group(1)) if own else block_code
        if "_" in word:
            parts = word.lstrip("+").split("_")
            if not word.startswith("+"):
                skipped["pre_compound"] += 1
                continue
            lemma = " ".join(p.lower() for p in parts)
        else:
            lemma = word.lower()
        if not re.fullmatch(r"[a-z][a-z\- ]*", lemma):
            continue
        entry = verbs.setdefault(lemma, {"code": None, "blocks": []})
        entry["code"] = entry["code"] or code
        if len(blocks) - 1 not in entry["blocks"]:
            entry["blocks"].append(len(blocks) - 1)
        block_verbs.append(lemma)
    return {"verbs": verbs, "blocks": blocks}, skipped


def _add_pattern(body: str, block: dict, synsets: dict, skipped: dict) -> None:
    m = CODE.search(body)
    if not m:
        skipped["unparsed"] += 1
        return
    code = _code(m.group(1))
    pattern = body[: m.start()]
    if code is None:
        skipped["null_code"] += 1
        return
    if "*" not in pattern:
        skipped["unparsed"] += 1
        return
    before, after = pattern.split("*", 1)
    if before.strip():
        skipped["pre_verb"] += 1  # a condition on the subject: not read from the parse here
        return
    objects: list[str] = []
    preps: list[tuple[str, list[str]]] = []
    for tok in PATTERN_TOKEN.findall(after):
        if tok in ("$", "+", "%", "^"):
            continue  # source/target/compound/skip markers
        if tok.startswith("("):
            inner = PATTERN_TOKEN.findall(tok.strip("()"))
            if not inner:
                continue
            prep = inner[0].lower()
            nouns = [h for w in inner[1:] if w not in ("$", "+", "%", "^") for h in _heads(w, synsets)]
            preps.append((prep, nouns))
        else:
            objects = [h for h in _heads(tok, synsets)] or objects
    if not objects and not preps:
        return
    rule = {"code": code}
    if objects:
        rule["object"] = sorted(set(objects))
    if preps:
        prep, nouns = preps[0]  # the first prepositional phrase after the verb: what the parse attaches to it
        rule["prep"] = prep
        if nouns:
            rule["prep_object"] = sorted(set(nouns))
    block["patterns"].append(rule)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    converted, skipped = convert(args.src)
    data = {
        "_notice": NOTICE,
        "_source": {"file": args.src.name, "sha256": hashlib.sha256(args.src.read_bytes()).hexdigest(),
                    "skipped": skipped},
        "verbs": dict(sorted(converted["verbs"].items())),
        "blocks": converted["blocks"],
    }
    args.out.write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    n_patterns = sum(len(b["patterns"]) for b in converted["blocks"])
    print(f"{len(converted['verbs'])} verbs, {len(converted['blocks'])} blocks, {n_patterns} patterns -> {args.out} "
          f"(skipped: {skipped})")


if __name__ == "__main__":
    main()
