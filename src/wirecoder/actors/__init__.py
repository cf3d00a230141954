"""Actors: the dictionary of countries, agents, organisations, armed groups and
officials, and the matcher that codes actor mentions CAMEO/PLOVER style.

    matcher = get_actor_matcher(ctx)            # once per process
    matcher.resolve(record, start, end)         # best actor in a noun phrase
    matcher.find(record, start, end)            # every actor mention in a range
"""

from __future__ import annotations

from typing import Iterable

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

_cache: dict[tuple[str, ...], ActorMatcher] = {}


def get_actor_matcher(ctx=None, actor_files: Iterable[str] | None = None) -> ActorMatcher:
    """The matcher for ctx.settings.actor_files (or the files given), built once per process."""
    if actor_files is None:
        actor_files = ctx.settings.actor_files if ctx is not None else ()
    files = tuple(str(f) for f in actor_files)

    def build() -> ActorMatcher:
        if files not in _cache:
            _cache[files] = build_matcher(files)
        return _cache[files]

    if ctx is not None:
        return ctx.resource(("actors", files), build)
    return build()
