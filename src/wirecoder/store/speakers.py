"""One speaker across articles: the key that groups "Joe Biden", "Biden" and "President Biden",
or "Israel's military" and "the Israeli military", in `query speakers` and on the speakers page.

A speaker's key is its actor code and its name reduced to the words that tell who it is:
lowercased, possessives and articles dropped, leading titles left out (data/store/speaker_titles.txt),
and country names, adjectives and demonyms written as the country code (data/actors/countries.csv,
so "Israeli" and "Israel's" are both ISR). At ingest a key whose words end another stored key of
the same code ("biden" and "joe biden") is merged into it when that other key is the only one
(the shorter name is taken as the surname of the longer), whichever of the two came first.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

DATA = Path(__file__).resolve().parent.parent / "data"
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True)
class SpeakerNames:
    """What a speaker key is made with: the titles left out (data/store/speaker_titles.txt) and the
    country names, adjectives and demonyms (data/actors/countries.csv, as word tuples) -> ISO alpha-3.
    Loaded once per Store, in its Resources (``Store.speaker_names``)."""

    titles: frozenset[str]
    countries: dict[tuple[str, ...], str]
    longest: int  # words in the longest country name

    @classmethod
    def load(cls) -> "SpeakerNames":
        lines = (DATA / "store" / "speaker_titles.txt").read_text(encoding="utf-8").splitlines()
        titles = frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
        countries: dict[tuple[str, ...], str] = {}
        with open(DATA / "actors" / "countries.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for field in ("name", "names", "adjectives", "demonyms"):
                    for name in (row.get(field) or "").split(";"):
                        words = tuple(_words(name))
                        if words:
                            countries.setdefault(words, row["code"])
        return cls(titles, countries, max((len(k) for k in countries), default=1))


def _words(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text.lower()):
        w = re.sub(r"['’]s$", "", w)
        if w and w not in ("the", "a", "an"):
            out.append(w)
    return out


def key_words(name: str, names: SpeakerNames) -> list[str]:
    """The words of `name` that say who it is (see the module's docstring)."""
    words = _words(name or "")
    countries = names.countries
    longest = names.longest
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            code = countries.get(tuple(words[i:i + n]))
            if code:
                out.append(code)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    titles = names.titles
    while len(out) > 1 and out[0] in titles:
        out.pop(0)
    return out


def speaker_key(name: Optional[str], code: Optional[str], names: SpeakerNames) -> Optional[str]:
    """`CODE|words` (an empty code for a speaker without one); None for no name."""
    words = key_words(name or "", names)
    if not words:
        return None
    return f"{code or ''}|{' '.join(words)}"


def _ends(short: str, long: str) -> bool:
    """Does key `short` name the last words of key `long` (same code, fewer words)?"""
    sc, sw = short.split("|", 1)
    lc, lw = long.split("|", 1)
    return sc == lc and len(sw.split()) < len(lw.split()) and (" " + lw).endswith(" " + sw)


def merge_keys(con, new_keys: set[str]) -> dict[str, str]:
    """Within the writer's transaction: which of `new_keys` (and stored keys) become which other
    key. Returns {key: merged key} for the batch's rows; stored rows are updated in place."""
    if not new_keys:
        return {}
    codes = sorted({k.split("|", 1)[0] for k in new_keys})
    stored = {r[0] for r in con.execute(
        "SELECT DISTINCT canon_key FROM speakers WHERE canon_key IS NOT NULL AND "
        "split_part(canon_key, '|', 1) IN (SELECT unnest(?::VARCHAR[]))", [codes]).fetchall()}
    every = stored | set(new_keys)
    into: dict[str, str] = {}
    for key in sorted(every, key=lambda k: len(k)):
        longer = [other for other in every if _ends(key, other)]
        if len(longer) == 1:
            into[key] = longer[0]
    # follow chains (biden -> joe biden -> joseph r biden) to their end
    for key in list(into):
        seen = {key}
        while into[key] in into and into[key] not in seen:
            seen.add(into[key])
            into[key] = into[into[key]]
    for old, new in into.items():
        if old in stored:
            for table in ("speakers", "statements"):
                con.execute(f"UPDATE {table} SET canon_key = ? WHERE canon_key = ?", [new, old])
    return {k: into.get(k, k) for k in new_keys}
