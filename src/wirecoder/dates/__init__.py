"""Time expressions (stub while being written)."""
from ..stages import doc_stage


@doc_stage("dates")
def dates(record, doc, ctx) -> None:
    return None
