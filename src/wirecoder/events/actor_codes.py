"""Completing an actor's code from the story (data/events/actor_defaults.yaml).

The dictionary codes what it lists; CAMEO also codes by context: a role given without a country
takes the story's country ("the police" in a US story: USACOP), and a private person the
dictionary does not list ("a woman", "the teenage hacker", a suspect's name) is the story
country's CVL (GUIDELINES section 3).
"""

from __future__ import annotations

import re
from typing import Optional

from ..actors.matcher import suffixed_surnames
from ..record import ActorRef
from . import coref, rules
from .lexicon import ActorDefaults


def head_role(head, defaults: ActorDefaults) -> Optional[str]:
    """The role a phrase's head names ("forces" MIL, "leaders" GOV), else None."""
    if head is not None and head.pos_ == "ADJ" and head.dep_ == "amod":
        # "Israeli strikes": the nationality of an act takes the act's role
        return next((defaults.act_roles[f] for f in rules.forms(head.head) if f in defaults.act_roles), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    table = defaults.head_roles
    return next((table[f] for f in rules.forms(head) if f in table), None)


def place_country(record, start: int, end: int, head, country: Optional[str], defaults: ActorDefaults) -> Optional[str]:
    """The country a target place stands for: a place of ``record.places`` inside the phrase with its
    country, else the story's ``country`` when the phrase is headed by a place noun; else None."""
    for p in record.places:
        if start <= p.start and p.end <= end and p.country:
            return p.country
    if head is not None and head.pos_ == "NOUN" and rules.is_in(head, defaults.place_nouns):
        return country
    return None


def role_only(code: Optional[str], defaults: ActorDefaults) -> bool:
    return bool(code) and code[:3] in defaults.roles and (len(code) == 3 or code[3:6] in defaults.roles)


def complete(ref: ActorRef, head, country: Optional[str], defaults: ActorDefaults, names: bool = True) -> ActorRef:
    """``ref`` with a country where its code is a role alone, or CVL for an uncoded private person
    (a person's name too when ``names``: for targets; a source named but not listed is often an official)."""
    _trade_body(ref, head, defaults)
    if ref.code and len(ref.code) == 3 and ref.country == ref.code and not role_only(ref.code, defaults):
        role = head_role(head, defaults)
        if role is None and head is not None and head.ent_type_ == "NORP" and head.pos_ in ("NOUN", "PROPN") and (
                head.tag_ in ("NNS", "NNPS") or head.lower_.endswith("s")):
            role = "CVL"  # "unarmed Palestinians": a people named by its nationality are private persons
        if role is not None:
            ref.code += role  # "the Israeli occupation forces": ISR + MIL
            return ref
    if country is None:
        return ref
    if ref.code and role_only(ref.code, defaults) and ref.code[:3] not in ("IGO", "NGO"):
        ref.code = country + ref.code
        ref.country = country
    elif ref.code is None and head is not None and _person(head, names, defaults):
        ref.code, ref.country = country + "CVL", country
    elif ref.code is None and head is not None and _ngo_named(head, defaults):
        ref.code, ref.country = country + "NGO", country
    return ref


def _ngo_named(head, defaults: ActorDefaults) -> bool:
    """The phrase names a body of ``ngo_name_heads`` the dictionary does not know ("the Hartley Foundation"), or a
    person by a title of one ("Jane Roe, the executive director of the Hartley Foundation")."""
    bodies = [head]
    for title in (c for c in head.children if c.dep_ == "appos"):
        bodies.extend(g for p in title.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj")
    return any(b.pos_ == "PROPN" and b.ent_type_ == "ORG" and b.lower_ in defaults.ngo_name_heads and b.i > 0
               and b.doc[b.i - 1].ent_type_ == "ORG" and b.doc[b.i - 1].pos_ == "PROPN" for b in bodies)


def _trade_body(ref: ActorRef, head, defaults: ActorDefaults) -> None:
    """A body coded as government whose head is a council-like noun named for a trade ("The Sugar Council", "the
    Council of Furniture Makers of America") is a business body: its role becomes BUS."""
    if not ref.code or head is None or head.pos_ not in ("NOUN", "PROPN"):
        return
    if not rules.is_in(head, defaults.trade_body_nouns):
        head = _body_of(head, defaults)
        if head is None:
            return
    role_at = 0 if ref.code in ("GOV", "LEG") else 3 if len(ref.code) == 6 and ref.code[3:] in ("GOV", "LEG") else None
    if role_at is None:
        return
    if any(t.lower_ in defaults.trade_words for t in head.subtree if t.i != head.i):
        ref.code = ref.code[:role_at] + "BUS"
        ref.sector = "BUS" if ref.sector is not None else None


def _body_of(tok, defaults: ActorDefaults):
    """The council-like noun a name's word belongs to, up its chain of "of" phrases ("America" in "the Council of
    Furniture Makers of America"), or that of the full name an acronym spells ("CFMA": coref.acronym_antecedent
    gives the full name's last word), else None."""
    tok = coref.acronym_antecedent(tok) or tok
    for _ in range(5):
        if tok is None or tok.pos_ not in ("NOUN", "PROPN", "ADP"):
            return None
        if tok.pos_ != "ADP" and rules.is_in(tok, defaults.trade_body_nouns):
            return tok
        tok = tok.head if tok.head is not tok else None
    return None


def _person(head, names: bool, defaults: ActorDefaults) -> bool:
    if head.ent_type_ == "PERSON":
        return names
    if names and head.pos_ == "PROPN" and head.ent_type_ in ("", "ORG") and head.text in article_surnames(head.doc):
        return True  # "Smith was convicted": the surname of a person the article named in full ("John Smith Jr.")
    if names and head.pos_ == "PROPN" and head.i > 0 and head.doc[head.i - 1].text in suffixed_surnames(
            head.doc.text[head.left_edge.idx:head.idx + len(head.text) + 1]):
        return True  # "Lionel Grant Jr.": the parse's head is the suffix
    return head.pos_ == "NOUN" and rules.is_in(head, defaults.person_nouns)


def article_surnames(doc) -> frozenset:
    """Surnames of the people an article names in full: the last word of a PERSON entity of two or more
    words, or of a name with Sr./Jr. (cached on the doc)."""
    cached = doc.user_data.get("wirecoder_surnames")
    if cached is not None:
        return cached
    found = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title}
    found |= suffixed_surnames(doc.text)
    out = frozenset(found)
    doc.user_data["wirecoder_surnames"] = out
    return out


_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|around|on|across|along|into|from|to)\s+(?:the\s+)?$", re.I)
# Acts of force whose unnamed victims are, by default, of the other side (CAMEO 18-20, abduction 181).
FORCE_CODES = ("18", "19", "20")


def victims_country(record, sent_start: int, sent_end: int, source: Optional[ActorRef], target: Optional[ActorRef],
                    code: Optional[str], country: Optional[str], matcher) -> None:
    """Unnamed victims of an armed act by the story's own side are not of the attacker's country: "Hamas
    militants stormed across its border and killed some 1,200 people" in a Gaza story are Israel's
    (the gold's ISRCVL), not PSECVL. Where the target's country came from the story alone (the phrase
    names none), the source is of that country, and the sentence names exactly one other country as a
    party (not in a phrase of place: "near the Turkish border"), the victims are of that one."""
    if not (code and code.startswith(FORCE_CODES)) or source is None or target is None or not country:
        return
    if not target.code or target.code != country + "CVL" or not source.code or source.code[:3] != country:
        return
    bare = matcher.find_in_text(record.text, target.start, target.end)
    if any(r.country for r in bare) or any(target.start <= p.start < target.end for p in record.places):
        return  # "Palestinian civilians", "residents of Gaza": the phrase names its country
    # the other party must be an actor with a role ("Israel" ISRGOV, "Israeli military officials"), not a place or an
    # adjective ("near the Turkish border")
    # the other side is a party the sentence names, not a place ("near the Turkish border")
    others = {r.country for r in matcher.find(record, sent_start, sent_end)
              if r.country and r.country != country and r.code[:3] == r.country
              and not _LOCATIVE.search(record.text[max(sent_start, r.start - 14):r.start])}
    if len(others) == 1:
        other = others.pop()
        target.code, target.country = other + "CVL", other
