"""Who did what to whom: CAMEO/PLOVER events with actors (issue 4)."""

from __future__ import annotations

from ..stages import doc_stage


@doc_stage("events")
def events(record, doc, ctx) -> None:
    return None
