"""Who said what: attributions (speaker, cue, content) found in the parse."""

from __future__ import annotations

from ..stages import doc_stage


@doc_stage("statements")
def statements(record, doc, ctx) -> None:
    # Filled by the statements work (issue 3).
    return None


@doc_stage("speakers")
def speakers(record, doc, ctx) -> None:
    # Groups statements by resolved speaker (issue 3).
    return None
