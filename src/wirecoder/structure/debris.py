"""Page furniture lines: navigation, share buttons, credits, cookie notices (lexicon in data/patterns/debris.yaml)."""

from __future__ import annotations

from typing import Optional

from .layout import ends_sentence
from .patterns import StructurePatterns

_MENU_WORD_MAX = 3


def debris_reason(line: str, sp: StructurePatterns) -> Optional[str]:
    """Why a whole line is page furniture ('lexicon', 'pattern', 'byline', 'menu'...), or None."""
    p = sp.debris
    key = line.strip().rstrip(":.").strip().casefold()
    if key in p["lines"] or line.strip().casefold() in p["lines"]:
        return "lexicon"
    if p["starts"].match(line):
        return "pattern"
    if len(line) <= 250 and p["contains"].search(line):
        return "pattern"
    if len(line) <= 120 and p["byline"].match(line):
        return "byline"
    if p["initials"].match(line):
        return "initials"
    if is_menu(line, sp):
        return "menu"
    return None


def is_menu(line: str, sp: StructurePatterns) -> bool:
    """A line of menu words: 'Home | World | Politics', 'World  Business  Markets', 'Home / National'."""
    if len(line) > 120 or ends_sentence(line):
        return False
    parts = [x for x in sp.debris["menu_split"].split(line) if x and x.strip()]
    if len(parts) < 2:
        return False
    for part in parts:
        words = part.split()
        if len(words) > _MENU_WORD_MAX + 1 or not (part[:1].isupper() or part[:1].isdigit()):
            return False
    return True
