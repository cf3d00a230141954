"""The stage registry: each pipeline stage registers itself here by name.

Text stages see only the record (before the parse: structure of the page);
doc stages see the record and its spaCy ``Doc`` (after the parse). They run in
the order of ``TEXT_ORDER`` and ``DOC_ORDER``; each fills its own fields.
"""

from __future__ import annotations

from typing import Any, Callable

from .settings import Settings

TEXT_ORDER = ["structure"]
DOC_ORDER = ["sentences", "entities", "statements", "places", "dates", "speakers", "events"]

TEXT_STAGES: dict[str, Callable] = {}
DOC_STAGES: dict[str, Callable] = {}


def text_stage(name: str):
    def register(fn: Callable) -> Callable:
        TEXT_STAGES[name] = fn
        return fn

    return register


def doc_stage(name: str):
    def register(fn: Callable) -> Callable:
        DOC_STAGES[name] = fn
        return fn

    return register


class Context:
    """What stages share within one process: settings and resources loaded once."""

    def __init__(self, settings: Settings, nlp: Any = None):
        self.settings = settings
        self.nlp = nlp  # the spaCy pipeline the doc stages' docs come from, when the coder knows it
        self._resources: dict[str, Any] = {}

    def resource(self, name: str, factory: Callable[[], Any]) -> Any:
        if name not in self._resources:
            self._resources[name] = factory()
        return self._resources[name]
