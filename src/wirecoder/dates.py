"""Time expressions resolved against the dateline or reference date."""

from __future__ import annotations

from .stages import doc_stage


@doc_stage("dates")
def dates(record, doc, ctx) -> None:
    return None
