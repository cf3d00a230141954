"""Page structure before the parse: title line, dateline, headings, debris and truncation."""

from __future__ import annotations

from .stages import text_stage


@text_stage("structure")
def structure(record, ctx) -> None:
    # Filled by the structure work (issue 2): dateline, headings, defects.
    return None
