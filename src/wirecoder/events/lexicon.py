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


@dataclass(frozen=True)
class ActorDefaults:
    """How an actor code the dictionary leaves open is completed (data/events/actor_defaults.yaml)."""

    roles: frozenset = frozenset()  # codes that are a role alone
    person_nouns: frozenset = frozenset()  # private persons: CVL of the story's country
    place_nouns: frozenset = frozenset()  # places that stand for their country as targets
    head_roles: dict = field(default_factory=dict)  # head word -> role ("forces" -> MIL)


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
    to_clause_codes: dict = field(default_factory=dict)
    statement_content: dict[str, frozenset] = field(default_factory=dict)
    reporting_verbs: frozenset = frozenset()
    actor_nouns: frozenset = frozenset()
    actor_defaults: ActorDefaults = field(default_factory=ActorDefaults)


def _trigger(value) -> Trigger:
    if isinstance(value, dict):
        return Trigger(value.get("code"), tuple(value.get("alt") or ()))
    return Trigger(None if value is None else str(value))


def _by_particle(entries: dict) -> dict[str, dict[str, Trigger]]:
    out: dict[str, dict[str, Trigger]] = {}
    for key, value in entries.items():
        verb, particle = key.rsplit(" ", 1)
        out.setdefault(particle, {})[verb] = _trigger(value)
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
        to_clause_codes=dict(cues["to_clause_codes"]),
        statement_content={k: frozenset(v) for k, v in cues["statement_content"].items()},
        reporting_verbs=frozenset(cues["reporting_verbs"]),
        actor_nouns=frozenset(cues["actor_nouns"]),
        actor_defaults=_actor_defaults(yaml.safe_load((DATA / "actor_defaults.yaml").read_text(encoding="utf-8"))),
    )


def _actor_defaults(data: dict) -> ActorDefaults:
    head_roles = {word: role for role, words in data["role_nouns"].items() for word in words}
    return ActorDefaults(frozenset(data["roles"]), frozenset(data["person_nouns"]), frozenset(data["place_nouns"]),
                         head_roles)
