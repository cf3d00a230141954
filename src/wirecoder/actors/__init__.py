"""Actors: the dictionary of countries, agents, organisations, armed groups and
officials, and the matcher that codes actor mentions CAMEO/PLOVER style.

    matcher = get_actor_matcher(resources)      # once per Coder (Resources)
    matcher.resolve(record, start, end)         # best actor in a noun phrase
    matcher.find(record, start, end)            # every actor mention in a range
"""

from __future__ import annotations

from .dictionary import ActorEntry, Role, load_entries, read_file
from .matcher import ActorMatcher, build_matcher, record_date

__all__ = [
    "ActorEntry",
    "ActorMatcher",
    "Role",
    "build_matcher",
    "get_actor_matcher",
    "load_entries",
    "read_file",
    "record_date",
]

def get_actor_matcher(resources) -> ActorMatcher:
    """The matcher of a Coder's Resources: its dictionary holds the user's actor files, and the
    gazetteer it finds places with knows their names (built once per Coder)."""
    return resources.actor_matcher
