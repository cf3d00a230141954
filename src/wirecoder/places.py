"""Places: gazetteer matches in the text, with coordinates."""

from __future__ import annotations

from .stages import doc_stage


@doc_stage("places")
def places(record, doc, ctx) -> None:
    return None
