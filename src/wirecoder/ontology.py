"""The CAMEO event codebook with its PLOVER mapping, read from data/cameo/cameo.json.

Every CAMEO code (2-digit roots and 3/4-digit codes) has a name, its root, the
quad class (1 verbal cooperation .. 4 material conflict), the PentaClass
(0 statements/appeals, 1 verbal coop, 2 material coop, 3 verbal conflict,
4 material conflict) and the PLOVER event type, mode and context (PLOVER has
no type for CAMEO 01 and 02). Data derived from the PLOVER project (CC BY-SA 4.0).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

DATA = Path(__file__).parent / "data" / "cameo" / "cameo.json"

PENTA_NAMES = {
    0: "statements and appeals",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# The generic CAMEO code of each PentaClass: what an event falls back to when only its class is known.
PENTA_GENERIC = {0: "010", 1: "030", 2: "060", 3: "110", 4: "190"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    root: str
    root_name: str
    quad: int
    penta: int
    plover: Optional[str]
    mode: Optional[str]
    context: Optional[str]


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def codes() -> dict[str, CameoCode]:
    """Every CAMEO code, by code string ("14", "141", "1411")."""
    return {code: CameoCode(code=code, **fields) for code, fields in _data()["codes"].items()}


def plover_types() -> dict[str, dict]:
    """The 16 PLOVER event types with their quad class and category."""
    return dict(_data()["plover_types"])


def lookup(code: str) -> Optional[CameoCode]:
    """The codebook entry of a code; None when CAMEO has no such code."""
    return codes().get(str(code).strip())


def penta_of(code: str) -> int:
    """The PentaClass of any code by its root (works for codes outside the table too)."""
    entry = lookup(code)
    if entry:
        return entry.penta
    root = int(str(code)[:2])
    return 0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def is_valid(code: str) -> bool:
    return lookup(code) is not None
