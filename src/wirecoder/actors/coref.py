"""Actor codes for pronouns and short role mentions, through the article's own statements.

The statements and speakers stages already resolve "he" -> Dmitry Peskov for a statement's
speaker and give it an actor code. An event whose source is "he" or "the spokesman" takes
that code:

    ref = mention_code(record, start, end)   # ActorRef with the resolved speaker's code, or None

1. A statement's speaker span, or a speaker's mention, that overlaps the mention: its code.
2. A personal pronoun (he, she, him, her, his) or a definite role phrase ("the minister",
   "the spokesman", "the senator"): the nearest statement speaker with a code that ends
   before the mention, in the same paragraph or the one before it, and, for a role
   phrase, whose code has the role's sector (a minister: GOV; a senator: LEG). Precision
   first: when the two nearest such speakers have different codes and the nearer one is
   not in the mention's own sentence, nothing is returned.

Other pronouns (they, it, we) are not resolved here: a group's referent is rarely the last
speaker.
"""

from __future__ import annotations

import re
from typing import Optional

from ..record import ActorRef
from .dictionary import country_of, sector_of

PERSONAL = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
# Role nouns after "the" and the sector of the code they refer back to.
ROLE_SECTOR = {
    "minister": "GOV", "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV", "president": "GOV",
    "prime minister": "GOV", "foreign minister": "GOV", "governor": "GOV", "mayor": "GOV", "secretary": "GOV",
    "ambassador": "GOV", "envoy": "GOV", "official": "GOV", "premier": "GOV", "chancellor": "GOV",
    "senator": "LEG", "congressman": "LEG", "congresswoman": "LEG", "lawmaker": "LEG", "legislator": "LEG",
    "representative": "LEG", "councilmember": "LEG", "councilman": "LEG", "councilwoman": "LEG",
    "judge": "JUD", "prosecutor": "JUD", "attorney": "JUD", "lawyer": "JUD",
    "general": "MIL", "commander": "MIL", "colonel": "MIL",
    "sheriff": "COP", "officer": "COP", "police chief": "COP", "detective": "COP",
}
_ROLE_PHRASE = re.compile(r"^(?:the|this|that)\s+(?:(?:former|then|top|senior|chief|deputy|acting)\s+)?"
                          r"(?P<role>[a-z]+(?: [a-z]+)?)(?:['\u2019]s)?$", re.I)
# How far back a referent may be: the mention's paragraph and the one before it.
PARAGRAPHS_BACK = 1


def _overlaps(span, start: int, end: int) -> bool:
    return span is not None and span.start < end and start < span.end


def _ref(record, start: int, end: int, code: str, name: Optional[str]) -> ActorRef:
    return ActorRef(start=start, end=end, text=record.text[start:end], code=code, country=country_of(code),
                    sector=sector_of(code), name=name)


# Role codes without a country ("GOV" for "the ministry" in a story with no country).
_ROLE_ONLY = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "REB", "INS", "PTY", "CVL", "BUS", "MED", "EDU",
              "LAB", "AGR", "CRM", "REF", "HLH", "NGO", "ELI", "REL", "UAF", "JRN"}


def _coded(code: Optional[str]) -> bool:
    """A code with a country (or an international body): what a pronoun may take."""
    return bool(code) and len(code) >= 3 and code[:3] not in _ROLE_ONLY


def kind_of_mention(text: str) -> Optional[str]:
    """"pronoun", the role's sector for a definite role phrase ("the minister" -> GOV), or None."""
    t = text.strip()
    if t.lower() in PERSONAL:
        return "pronoun"
    m = _ROLE_PHRASE.match(t)
    if m:
        role = m.group("role").lower()
        if role in ROLE_SECTOR:
            return ROLE_SECTOR[role]
        last = role.split()[-1]
        if last in ROLE_SECTOR:
            return ROLE_SECTOR[last]
    return None


def _window_start(text: str, start: int) -> int:
    at = start
    for _ in range(PARAGRAPHS_BACK + 1):
        at = text.rfind("\n\n", 0, at)
        if at < 0:
            return 0
    return at


def mention_code(record, start: int, end: int) -> Optional[ActorRef]:
    """The actor code of a pronoun or short role mention at record.text[start:end], from the
    article's resolved statement speakers; None when the article does not settle it."""
    text = record.text
    for st in getattr(record, "statements", ()):
        if _overlaps(st.speaker, start, end) and _coded(st.speaker_code):
            return _ref(record, start, end, st.speaker_code, st.speaker_name)
    for sp in getattr(record, "speakers", ()):
        if _coded(sp.code) and any(_overlaps(m, start, end) for m in sp.mentions):
            return _ref(record, start, end, sp.code, sp.name)
    kind = kind_of_mention(text[start:end])
    if kind is None:
        return None
    lo = _window_start(text, start)
    before = [st for st in getattr(record, "statements", ())
              if st.speaker is not None and lo <= st.speaker.start and st.speaker.end <= start and _coded(st.speaker_code)]
    if kind != "pronoun":
        before = [st for st in before if sector_of(st.speaker_code) == kind]
    if not before:
        return None
    before.sort(key=lambda st: st.speaker.end)
    nearest = before[-1]
    others = [st for st in before[:-1] if st.speaker_code != nearest.speaker_code]
    same_sentence = nearest.sentence is not None and nearest.sentence.start <= start < nearest.sentence.end
    if others and not same_sentence:
        return None  # two speakers it could be: not guessed
    return _ref(record, start, end, nearest.speaker_code, nearest.speaker_name)
