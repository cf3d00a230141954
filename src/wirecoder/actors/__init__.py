"""Actors: the dictionary of countries, agents, organisations, armed groups and
officials, and the matcher that codes actor mentions CAMEO/PLOVER style.

    matcher = get_actor_matcher(resources)      # once per Coder (Resources)
    matcher.resolve(record, start, end)         # best actor in a noun phrase
    matcher.find(record, start, end)            # every actor mention in a range
    mention_code(record, start, end)            # "he", "the minister": the resolved speaker's code

A Coder's :class:`~wirecoder.resources.Resources` owns the loaded actor knowledge:
the entries (bundled files, then the user's ``--actors`` files), the gazetteer built
with those entries, and the matcher that finds places through that gazetteer.
``wirecoder.gazetteer`` and the matcher import nothing of each other. Outside a
Coder (tools, benchmarks) the functions below build the same parts once per process.
"""

from __future__ import annotations

from typing import Iterable

from ..gazetteer import Gazetteer
from .coref import mention_code
from .dictionary import ActorEntry, Role, load_entries, read_file
from .matcher import ActorMatcher, record_date

__all__ = [
    "ActorEntry",
    "ActorMatcher",
    "Role",
    "build_matcher",
    "get_actor_matcher",
    "get_gazetteer",
    "load_entries",
    "mention_code",
    "read_file",
    "record_date",
]

def _files(holder, actor_files) -> tuple[str, ...]:
    """The user's files: given, else those of a settings holder without Resources (an older
    stage context, a spaCy component's config), else none."""
    if actor_files is None and holder is not None:
        actor_files = getattr(getattr(holder, "settings", None), "actor_files", ())
    return tuple(str(f) for f in (actor_files or ()))


def get_entries(resources=None, actor_files: Iterable[str] | None = None) -> dict[str, ActorEntry]:
    """The actor entries: bundled, then the user's files, by key (a Coder's: its Resources'; without
    one, read afresh on each call: a tool that codes many phrases should hold a Resources)."""
    if resources is not None and hasattr(resources, "actor_entries"):
        return resources.actor_entries
    return load_entries(_files(resources, actor_files))


def get_gazetteer(resources=None, actor_files: Iterable[str] | None = None) -> Gazetteer:
    """The gazetteer built with the same entries as the matcher (user files included)."""
    if resources is not None and hasattr(resources, "gazetteer"):
        return resources.gazetteer
    return Gazetteer.build(get_entries(None, _files(resources, actor_files)).values())


def get_actor_matcher(resources=None, actor_files: Iterable[str] | None = None) -> ActorMatcher:
    """The matcher of a Coder's Resources (built once there), or, without one, a fresh matcher for
    the bundled entries and the files given. A part that breaks while loading (a malformed user
    file) raises: it is not turned into "no matcher"."""
    if resources is not None and hasattr(resources, "actor_matcher"):
        return resources.actor_matcher
    return build_matcher(_files(resources, actor_files))


def build_matcher(user_files: Iterable[str] = (), gazetteer=None) -> ActorMatcher:
    """A fresh matcher (not cached) over the bundled entries and `user_files`; with no
    `gazetteer` one is built from the same entries."""
    entries = load_entries(tuple(str(f) for f in user_files))
    return ActorMatcher(entries, gazetteer=gazetteer if gazetteer is not None else Gazetteer.build(entries.values()))
