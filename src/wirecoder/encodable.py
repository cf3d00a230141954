"""Strings from inputs made writable as UTF-8, and outputs that are sure to be written.

Python strings can hold lone surrogates ("\\udc00": from a JSON escape such as
``"\\udc00"``, or a file name whose bytes are not UTF-8, decoded with
``surrogateescape``); UTF-8 cannot. The rule, one place for it:

* in ids, sources, titles, URLs, dates and error messages, each lone surrogate
  is written as its escape, the six characters ``\\udc00`` (Python's
  ``backslashreplace``): visible, and two different bad ids stay different;
* an article text (or HTML page) holding one is refused with an error record of
  kind ``undecodable``: a text is never altered, and every span must index it.
"""

from __future__ import annotations

from typing import Any, Optional, Union

from .record import ErrorInfo, ErrorRecord, Record

Output = Union[Record, ErrorRecord]


def encodable(value: Optional[str]) -> Optional[str]:
    """`value` with each lone surrogate written as a ``\\uXXXX`` escape (None stays None)."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


def is_encodable(value: Optional[str]) -> bool:
    if value is None:
        return True
    try:
        value.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _encodable_tree(value: Any) -> Any:
    if isinstance(value, str):
        return encodable(value)
    if isinstance(value, dict):
        return {encodable(str(k)): _encodable_tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encodable_tree(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return encodable(str(value))


def safe_error(id: str, source: str, kind: str, message: str, provenance: Optional[dict] = None) -> ErrorRecord:
    """An error record whose every string can be written."""
    return ErrorRecord(id=encodable(str(id)), source=encodable(str(source)),
                       error=ErrorInfo(encodable(str(kind)), encodable(str(message))),
                       provenance=_encodable_tree(provenance or {}))


def written(out: Output) -> tuple[Output, bytes]:
    """(the output, its JSON line as UTF-8 bytes, newline included); never raises.

    A record that cannot be written becomes an error record of kind ``internal``
    in its place; an error record that cannot be written has its strings escaped.
    """
    try:
        return out, out.to_json().encode("utf-8") + b"\n"
    except (TypeError, ValueError, RecursionError):  # UnicodeEncodeError is a ValueError
        pass
    source = getattr(out, "source", "<unknown>")
    if isinstance(out, ErrorRecord):
        err = safe_error(out.id, source, out.error.kind, out.error.message, out.provenance)
    else:
        err = safe_error(getattr(out, "id", "<unknown>"), source, "internal",
                         f"{encodable(str(source))}: record cannot be written as JSON",
                         getattr(out, "provenance", None))
    try:
        return err, err.to_json().encode("utf-8") + b"\n"
    except (TypeError, ValueError, RecursionError):  # provenance itself unwritable: leave it out
        err.provenance = {}
        return err, err.to_json().encode("utf-8") + b"\n"
