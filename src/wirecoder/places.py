"""Places: gazetteer matches in the text, with coordinates (the gazetteer is
``wirecoder.gazetteer``, built once per Coder by its Resources with the actor
entries, the user's files included).

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

from collections import Counter
from typing import Optional

from .gazetteer import (  # noqa: F401  (Gazetteer and place_key are imported from here too)
    _KIND_RANK,
    _NAME_PARTICLES,
    Candidate,
    Gazetteer,
    place_key,
)
from .record import Place

_PLACE_WORDS = {"province", "region", "oblast", "governorate", "county", "city", "district", "state", "krai",
                "republic", "prefecture", "territory", "valley", "island", "islands", "strait", "peninsula"}
_LOCATIVE = {"in", "at", "near", "from", "to", "outside", "around", "into", "across", "towards", "toward",
             "through", "via", "inside", "off", "nearby", "visited", "visit", "reached", "left", "entered"}
_VETO_LABELS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
_NOT_PLACE_AFTER = {"road", "street", "avenue", "highway", "boulevard", "lane", "drive"}

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
    # Surnames of people the article names in full: "Rivera" after "Raul Rivera" is the person.
    surnames = {place_key(e[-1].text) for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_alpha}
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
        if verdict != "no" and j - i == 1 and place_key(text[start:end]) in surnames:
            if not (i > 0 and doc[i - 1].lower_ in _LOCATIVE) and not any(c.kind == "country" for c in cands):
                verdict = "no"
        if verdict != "no" and _age_follows(doc, j) and not any(c.kind == "country" for c in cands):
            verdict = "no"  # "Rivera, 45, admitted": a name with an age is a person
        if verdict != "no" and j < n and doc[j].lower_ in _NOT_PLACE_AFTER and not any(c.kind == "country" for c in cands):
            verdict = "no"  # "the Castello road", "the Rafah crossing" name the road, not the town
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


def _age_follows(doc, j: int) -> bool:
    """The tokens from j are ", <a number of one to three digits>," (or a closing dash): an age apposition."""
    return (j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].is_digit and len(doc[j + 1].text) <= 3
            and doc[j + 2].text in (",", "—", "–", "--"))


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
