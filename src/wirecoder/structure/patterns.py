"""The pattern data of the structure stage (data/patterns/*.yaml), loaded once per Coder.

A :class:`StructurePatterns` holds it all: agencies, dateline words and the dateline expression,
debris lines, abbreviations and truncation words. A Coder's Resources builds one
(``resources.structure_patterns``); ``StructurePatterns.load()`` builds one outside a Coder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

from ..dates import calendar as cal
from ..dates.expressions import DatePatterns

PATTERNS_DIR = Path(__file__).resolve().parent.parent / "data" / "patterns"


def _load(name: str):
    return yaml.safe_load((PATTERNS_DIR / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class StructurePatterns:
    agencies: dict[str, str]  # every spelling of an agency (case-folded) -> its canonical name
    dateline_words: dict  # not_places, place_case, particles
    debris: dict  # lines, starts, contains, byline, initials, menu_split
    abbreviations: frozenset[str]  # words a full stop after does not end a sentence at
    truncation: dict  # dangling, short: the words a cut paragraph ends on
    dateline: re.Pattern  # the dateline at the start of a line (dateline.py)
    dates: DatePatterns  # month names for the dateline's date, full dates for page timestamps

    @classmethod
    def load(cls, dates: Optional[DatePatterns] = None) -> "StructurePatterns":
        dates = dates if dates is not None else DatePatterns.load()
        return cls(agencies=_agencies(), dateline_words=_dateline_words(), debris=_debris(),
                   abbreviations=frozenset(_load("abbreviations.yaml")), truncation=_truncation(),
                   dateline=_dateline_regex(dates.calendar), dates=dates)


def _agencies() -> dict[str, str]:
    out = {}
    for canonical, spellings in _load("agencies.yaml").items():
        for s in [canonical, *spellings]:
            out[s.casefold()] = canonical
    return out


def _dateline_words() -> dict:
    raw = _load("dateline.yaml")
    return {
        "not_places": {w.upper() for w in raw["not_places"] + raw.get("not_place_acronyms", [])},
        "place_case": {k.upper(): v for k, v in raw["place_case"].items()},
        "particles": set(raw["lowercase_particles"]),
    }


def _debris() -> dict:
    raw = _load("debris.yaml")
    return {
        "lines": {s.casefold() for s in raw["lines"]},
        "starts": re.compile("|".join(f"(?:{p})" for p in raw["starts"]), re.IGNORECASE),
        "contains": re.compile("|".join(f"(?:{p})" for p in raw["contains"]), re.IGNORECASE),
        "byline": re.compile(raw["byline"]),
        "initials": re.compile(raw["initials"]),
        "menu_split": re.compile(raw["menu_separators"]),
    }


def _truncation() -> dict:
    raw = _load("truncation.yaml")
    return {"dangling": frozenset(raw["dangling_words"]), "short": frozenset(raw["short_words"])}


def _dateline_regex(calendar: cal.Calendar) -> re.Pattern:
    """One expression for the wire formats (see dateline.py)."""
    mon = rf"(?i:{cal.alternation(calendar.months)})(?![A-Za-z])\.?"
    day = r"[0-3]?\d(?:st|nd|rd|th)?"
    date_rx = rf"(?:{mon}\s*{day}(?:,?\s+(?:19|20)\d\d)?|{day}\s+{mon}(?:,?\s+(?:19|20)\d\d)?)"
    upper_word = r"[A-Z][A-Z'’.\-]*[A-Z.]"
    title_word = r"[A-Z][a-z'’\-]+"
    place = rf"(?P<place>{upper_word}(?:[ /]{upper_word}){{0,3}}|{title_word}(?:[ \-]{title_word}){{0,2}})"
    # A region ("KYIV, Ukraine") is never a month followed by a day.
    region = rf"(?!{mon}\s*\d)(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)"
    agency = r"(?P<agency>\((?P<ap>[^()\n]{1,40})\)|/(?P<as>[^/\n]{1,30})/|(?P<aw>[A-Za-z][A-Za-z\-]{1,24}))"
    return re.compile(
        rf"^{place}(?:,\s*{region})?(?:[,.]\s*(?P<date>{date_rx}))?[.,]?[ \t\u00a0]*(?:{agency})?(?P<dot>\.)?"
        rf"[ \t\u00a0]*(?P<sep>—|–|--|-|:)?(?:(?=[\s\u00a0]|$)|(?<=[—–])(?=[\"“A-Z]))"
    )
