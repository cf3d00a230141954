"""CAMEO verb patterns (data/events/cameo_verbs.json, converted from PETRARCH-2 by
tools/convert_cameo_verbs.py): a verb's code from what follows it in the parse.

A pattern names the head of the verb's object and/or a preposition with the head of its
object ("ask * EXTRADITION" 0213, "rush * (TO BORDER)" 154). The pattern with the most
conditions met wins; on a tie, the first in the dictionary.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional

from .lexicon import DATA

# How the patterns are used: "refine" (a matching pattern gives a lexicon trigger a more specific code of
# the same root), "add" (they also license triggers for verbs the lexicon lacks), "override" (any code,
# and new triggers), "verbs" (refine, and every dictionary verb with a code of its own is a trigger),
# "off". Measured on the events gold (docs/events.md): "add" found 2 more events for 19 wrong ones,
# "override" lost matches, "verbs" raised recall 0.110 -> 0.159 but lowered precision 0.236 -> 0.152;
# precision first, "refine" is kept.
MODE = "refine"


def applies(in_lexicon: bool) -> bool:
    if MODE == "off":
        return False
    if in_lexicon:
        return MODE in ("refine", "override", "verbs")
    return MODE in ("add", "override")


def bare_code(forms, vp: "VerbPatterns") -> Optional[str]:
    """The dictionary's own code for a verb without a matching pattern (only in MODE "verbs")."""
    if MODE != "verbs":
        return None
    codes = vp.codes
    return next((codes[f] for f in forms if codes.get(f)), None)


@dataclass(frozen=True)
class Pattern:
    code: str
    objects: frozenset
    prep: Optional[str]
    prep_objects: frozenset

    @property
    def size(self) -> int:
        return bool(self.objects) + bool(self.prep) + bool(self.prep_objects)


@dataclass(frozen=True)
class VerbPatterns:
    codes: dict  # lemma -> the verb's own code (None: the bare verb is no event)
    patterns: dict  # lemma -> tuple[Pattern, ...]


def load() -> VerbPatterns:
    """Read data/events/cameo_verbs.json (a Coder's Resources keeps the one it uses)."""
    data = json.loads((DATA / "cameo_verbs.json").read_text(encoding="utf-8"))
    blocks = [
        tuple(Pattern(p["code"], frozenset(p.get("object", ())), p.get("prep"), frozenset(p.get("prep_object", ())))
              for p in b["patterns"])
        for b in data["blocks"]
    ]
    codes, patterns = {}, {}
    for lemma, v in data["verbs"].items():
        codes[lemma] = v["code"]
        patterns[lemma] = tuple(p for i in v["blocks"] for p in blocks[i])
    return VerbPatterns(codes, patterns)


def _forms(tok) -> set:
    low = tok.lower_
    out = {tok.lemma_.lower(), low}
    if low.endswith("s") and len(low) > 3:
        out.add(low[:-1])
    return out


def match(verb, forms, vp: VerbPatterns) -> Optional[str]:
    """The code of the best pattern of ``vp`` the verb's children satisfy, or None."""
    children = list(verb.children)
    objects = set()
    preps: dict[str, set] = {}
    for c in children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative", "ccomp", "xcomp", "prt", "acomp", "advmod"):
            objects |= _forms(c)
        elif c.dep_ in ("prep", "agent"):
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            preps.setdefault(c.lower_, set()).update(*(_forms(g) for g in pobj)) if pobj else preps.setdefault(c.lower_, set())
    best = None
    # a particle verb's own entry first ("+CALL_OFF", "+CUT_OFF"): the dictionary writes it as one verb
    particles = [c.lower_ for c in children if c.dep_ == "prt"]
    for form in [f"{f} {p}" for p in particles for f in forms] + list(forms):
        for p in vp.patterns.get(form, ()):
            if p.objects and not (p.objects & objects):
                continue
            if p.prep and (p.prep not in preps or (p.prep_objects and not (p.prep_objects & preps[p.prep]))):
                continue
            if best is None or p.size > best.size:
                best = p
        if best is not None:
            break
    return best.code if best is not None else None
