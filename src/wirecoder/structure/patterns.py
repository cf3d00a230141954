"""The pattern data of the structure stage (data/patterns/*.yaml), loaded once per process."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

PATTERNS_DIR = Path(__file__).resolve().parent.parent / "data" / "patterns"


def _load(name: str):
    return yaml.safe_load((PATTERNS_DIR / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """Every spelling of an agency (case-folded) → its canonical name."""
    out = {}
    for canonical, spellings in _load("agencies.yaml").items():
        for s in [canonical, *spellings]:
            out[s.casefold()] = canonical
    return out


@lru_cache(maxsize=1)
def dateline_words() -> dict:
    raw = _load("dateline.yaml")
    return {
        "not_places": {w.upper() for w in raw["not_places"] + raw.get("not_place_acronyms", [])},
        "place_case": {k.upper(): v for k, v in raw["place_case"].items()},
        "particles": set(raw["lowercase_particles"]),
    }


@lru_cache(maxsize=1)
def debris() -> dict:
    raw = _load("debris.yaml")
    return {
        "lines": {s.casefold() for s in raw["lines"]},
        "starts": re.compile("|".join(f"(?:{p})" for p in raw["starts"]), re.IGNORECASE),
        "contains": re.compile("|".join(f"(?:{p})" for p in raw["contains"]), re.IGNORECASE),
        "byline": re.compile(raw["byline"]),
        "initials": re.compile(raw["initials"]),
        "menu_split": re.compile(raw["menu_separators"]),
    }
