"""Actors: the dictionary of countries, agents, organisations, armed groups and
officials, and the matcher that codes actor mentions CAMEO/PLOVER style.

    matcher = get_actor_matcher(ctx)            # once per Coder (ctx.resource)
    matcher.resolve(record, start, end)         # best actor in a noun phrase
    matcher.find(record, start, end)            # every actor mention in a range

This package owns the loaded actor knowledge: the entries (bundled files, then the
user's ``--actors`` files), the gazetteer built with those entries, and the matcher
that finds places through that gazetteer. ``wirecoder.gazetteer`` and the matcher
import nothing of each other; they meet here.
"""

from __future__ import annotations

from typing import Iterable

from ..gazetteer import Gazetteer
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
    "read_file",
    "record_date",
]

# Outside a Coder (tools, benchmarks, tests): one build per set of user files per process.
_cache: dict[tuple[str, str], object] = {}


def _files(ctx, actor_files) -> tuple[str, ...]:
    if actor_files is None:
        actor_files = ctx.settings.actor_files if ctx is not None else ()
    return tuple(str(f) for f in actor_files)


def _part(ctx, name: str, files: tuple[str, ...], build):
    if ctx is not None:
        return ctx.resource((name, files), build)
    if (name, files) not in _cache:
        _cache[(name, files)] = build()
    return _cache[(name, files)]


def get_entries(ctx=None, actor_files: Iterable[str] | None = None) -> dict[str, ActorEntry]:
    """The actor entries: bundled, then ctx.settings.actor_files (or the files given), by key."""
    files = _files(ctx, actor_files)
    return _part(ctx, "actor_entries", files, lambda: load_entries(files))


def get_gazetteer(ctx=None, actor_files: Iterable[str] | None = None) -> Gazetteer:
    """The gazetteer built with the same entries as the matcher (user files included)."""
    files = _files(ctx, actor_files)
    return _part(ctx, "gazetteer", files, lambda: Gazetteer.build(get_entries(ctx, files).values()))


def get_actor_matcher(ctx=None, actor_files: Iterable[str] | None = None) -> ActorMatcher:
    """The matcher for ctx.settings.actor_files (or the files given), built once per Coder.

    A part that breaks while loading (a malformed user file) raises: it is not turned into
    "no matcher"."""
    files = _files(ctx, actor_files)
    return _part(
        ctx, "actor_matcher", files,
        lambda: ActorMatcher(get_entries(ctx, files), gazetteer=get_gazetteer(ctx, files)),
    )


def build_matcher(user_files: Iterable[str] = ()) -> ActorMatcher:
    """A fresh matcher (not cached) over the bundled entries and `user_files`."""
    files = tuple(str(f) for f in user_files)
    entries = load_entries(files)
    return ActorMatcher(entries, gazetteer=Gazetteer.build(entries.values()))
