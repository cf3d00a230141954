"""The trigger lexicon and the negation/modality cues (data/events/*.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "events"


@dataclass(frozen=True)
class Trigger:
    code: Optional[str]  # None: a light phrasal verb whose object is the trigger
    alt: tuple[str, ...] = ()
    from_patterns: bool = False  # a verb the lexicon lacks, coded by the PETRARCH-2 verb dictionary alone
    undergone: bool = False  # the subject undergoes the act, whose doer is not named ("X faces charges")
    armed: bool = False  # an act of force only when its subject is armed forces or fighters ("troops crossed into")
    target_preps: tuple[str, ...] = ()  # more prepositions of a noun's target ("support for Hamas")
    carrier: bool = False  # a verb that carries a message ("wrote to X"): no event when a clause of it is one
    thing_code: Optional[str] = None  # the code when its object is a thing, no actor ("fight the proposal": 120)


@dataclass(frozen=True)
class ActorDefaults:
    """How an actor code the dictionary leaves open is completed (data/events/actor_defaults.yaml)."""

    roles: frozenset = frozenset()  # codes that are a role alone
    person_nouns: frozenset = frozenset()  # private persons: CVL of the story's country
    place_nouns: frozenset = frozenset()  # places that stand for their country as targets
    head_roles: dict = field(default_factory=dict)  # head word -> role ("forces" -> MIL)
    act_roles: dict = field(default_factory=dict)  # act noun -> role of its nationality ("Israeli strikes" -> MIL)
    partitives: frozenset = frozenset()  # "all of the defendants": the group after "of" is the actor
    trade_body_nouns: frozenset = frozenset()  # "council", "association": a body that may be of a trade
    trade_words: frozenset = frozenset()  # "sugar", "designers": the trade such a body is named for (BUS)
    collective_nouns: frozenset = frozenset()  # "council", "government": a singular body "their" may stand for
    gendered_nouns: dict = field(default_factory=dict)  # "she" -> {"woman", "girl", ...}
    ngo_name_heads: frozenset = frozenset()  # "coalition", "foundation": the last word of an NGO's name


@dataclass
class Lexicon:
    verbs: dict[str, Trigger]
    phrasal: dict[str, dict[str, Trigger]]  # particle -> verb lemma -> trigger
    nouns: dict[str, Trigger]
    light_verbs: frozenset
    negation_lemmas: frozenset
    negating_governors: frozenset
    modality_governors: dict[str, str]
    modality_aux: dict[str, str]
    hypothetical_marks: frozenset
    belief_verbs: frozenset = frozenset()
    possessor_is_target: frozenset = frozenset()
    evacuation_roles: frozenset = frozenset()
    evacuation_verbs: frozenset = frozenset()
    statement_content: dict[str, frozenset] = field(default_factory=dict)
    reporting_verbs: frozenset = frozenset()
    actor_nouns: frozenset = frozenset()
    intent_codes: dict[str, str] = field(default_factory=dict)  # act code prefix -> 03x code of its intent
    vowed_force_codes: dict[str, str] = field(default_factory=dict)  # act root -> threat code when vowed
    actor_defaults: ActorDefaults = field(default_factory=ActorDefaults)
    # verb lemma -> {(preposition or None, word): trigger}: "plead guilty", "take into custody"
    multiword: dict = field(default_factory=dict)
    # predicative adjectives of a comment with a clause ("was worried that ...": 012)
    adjectives: dict[str, Trigger] = field(default_factory=dict)

    def multiword_trigger(self, verb, forms) -> Optional[tuple[Trigger, object]]:
        """(trigger, complement token) when the verb with one of its complements is a multiword
        trigger ("pleaded guilty", "seized hostages", "was taken into custody"), else None. The word
        "*" stands for any ("warn of *"); "to" before it for an infinitive clause ("warn to *"); a
        particle may stand where a preposition does ("call off strike"); a compound noun's words are
        joined by "_" ("begin hunger_strike"), tried before its head alone.
        ``forms`` gives a token's lemma and word forms (rules.forms)."""
        table = next((self.multiword[f] for f in forms(verb) if f in self.multiword), None)
        if table is None:
            return None
        particles = [p.lower_ for p in verb.children if p.dep_ == "prt"]
        for c in verb.children:
            if c.dep_ in MULTIWORD_DEPS:
                # "called off the strike": key "call off strike", tried before "call strike"
                pairs = [(p, c) for p in particles if c.dep_ != "prt"] + [(None, c)]
                if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    pairs.append(("to", c))  # "warned residents to leave": key "warn to *"
                if c.dep_ == "dobj":
                    # "compared his rhetoric to Hitler": the parse often hangs the verb's preposition on
                    # its object; a named word only, never "*" ("warned residents of the city")
                    pairs += [(p.lower_, g, True) for p in c.children if p.dep_ == "prep"
                              for g in p.children if g.dep_ == "pobj"]
            elif c.dep_ in ("prep", "agent"):
                pairs = [(c.lower_, g) for g in c.children if g.dep_ == "pobj"]
            else:
                continue
            for prep, word, *on_object in pairs:
                # a compound noun is its words joined by "_" ("hunger_strike", "cease_fire")
                compound = "_".join(m.lemma_.lower() for m in word.children if m.dep_ == "compound" and m.i < word.i)
                words = forms(word)
                if compound:
                    words = tuple(f"{compound}_{w}" for w in words) + tuple(words)
                for form in (*words, *(() if on_object else ("*",))):  # "*": any word
                    trig = table.get((prep, form))
                    if trig is not None:
                        return trig, (word if form != "*" else verb)
        return None


# The complements a multiword trigger's word may be: object, adjective or noun complement
# ("pleaded guilty", "found him guilty", "seized hostages"), passive subject ("hostages were seized").
MULTIWORD_DEPS = ("dobj", "acomp", "oprd", "attr", "ccomp", "xcomp", "nsubjpass", "prt")


def _trigger(value) -> Trigger:
    if isinstance(value, dict):
        return Trigger(value.get("code"), tuple(value.get("alt") or ()), undergone=bool(value.get("undergone")),
                       carrier=bool(value.get("carrier")), armed=bool(value.get("armed")),
                       thing_code=str(value["thing_code"]) if value.get("thing_code") else None,
                       target_preps=tuple(value.get("target_preps") or ()))
    return Trigger(None if value is None else str(value))


def _by_particle(entries: dict) -> dict[str, dict[str, Trigger]]:
    out: dict[str, dict[str, Trigger]] = {}
    for key, value in entries.items():
        verb, particle = key.rsplit(" ", 1)
        out.setdefault(particle, {})[verb] = _trigger(value)
    return out


def _multiword(entries: dict) -> dict:
    out: dict = {}
    for key, value in (entries or {}).items():
        words = key.split()
        verb, word = words[0], words[-1]
        prep = words[1] if len(words) == 3 else None
        out.setdefault(verb, {})[(prep, word)] = _trigger(value)
    return out


def load() -> Lexicon:
    """Read the lexicon from data/events (a Coder's Resources keeps the one it uses)."""
    triggers = yaml.safe_load((DATA / "triggers.yaml").read_text(encoding="utf-8"))
    cues = yaml.safe_load((DATA / "cues.yaml").read_text(encoding="utf-8"))
    return Lexicon(
        verbs={k: _trigger(v) for k, v in triggers["verbs"].items()},
        phrasal=_by_particle(triggers["phrasal"]),
        nouns={k: _trigger(v) for k, v in triggers["nouns"].items()},
        light_verbs=frozenset(triggers["light_verbs"]),
        negation_lemmas=frozenset(cues["negation"]["deps_lemmas"]),
        negating_governors=frozenset(cues["negation"]["governors"]),
        modality_governors=dict(cues["modality"]["governors"]),
        modality_aux=dict(cues["modality"]["aux"]),
        hypothetical_marks=frozenset(cues["modality"]["hypothetical_marks"]),
        belief_verbs=frozenset(cues["modality"]["belief_verbs"]),
        possessor_is_target=frozenset(cues["patient_nouns"]["possessor_is_target"]),
        evacuation_roles=frozenset(cues["evacuation_orders"]["roles"]),
        evacuation_verbs=frozenset(cues["evacuation_orders"]["verbs"]),
        statement_content={k: frozenset(v) for k, v in cues["statement_content"].items()},
        reporting_verbs=frozenset(cues["reporting_verbs"]),
        actor_nouns=frozenset(cues["actor_nouns"]),
        intent_codes={str(k): str(v) for k, v in (cues.get("intent_codes") or {}).items()},
        vowed_force_codes={str(k): str(v) for k, v in (cues.get("vowed_force_codes") or {}).items()},
        multiword=_multiword(triggers.get("multiword")),
        adjectives={k: _trigger(v) for k, v in (triggers.get("adjectives") or {}).items()},
        actor_defaults=_actor_defaults(yaml.safe_load((DATA / "actor_defaults.yaml").read_text(encoding="utf-8"))),
    )


def _actor_defaults(data: dict) -> ActorDefaults:
    head_roles = {word: role for role, words in data["role_nouns"].items() for word in words}
    act_roles = {word: role for role, words in (data.get("act_roles") or {}).items() for word in words}
    trade = data.get("trade_bodies") or {}
    return ActorDefaults(frozenset(data["roles"]), frozenset(data["person_nouns"]), frozenset(data["place_nouns"]),
                         head_roles, act_roles, frozenset(data.get("partitives", ())),
                         frozenset(trade.get("nouns", ())), frozenset(trade.get("words", ())),
                         frozenset(data.get("collective_nouns", ())),
                         {p: frozenset(words) for p, words in (data.get("gendered_nouns") or {}).items()},
                         frozenset(data.get("ngo_name_heads", ())))
