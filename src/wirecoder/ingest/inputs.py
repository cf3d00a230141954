from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..record import ErrorInfo


@dataclass
class Input:
    """One article as read, before coding.

    Readers give inputs with ``text`` (a plain-text article) or ``html`` (a
    page) already decoded, or with ``error`` when the input could not be read.
    ``raw`` (undecoded bytes) is for callers that have only bytes: ``prepare``
    decodes them the same way.
    """

    id: str
    source: str  # where the input is: a path, path:line (JSON Lines), path#n (WARC), <stdin>
    text: Optional[str] = None
    html: Optional[str] = None
    url: Optional[str] = None
    date: Optional[str] = None  # reference date given with the input (JSON Lines `date`)
    title: Optional[str] = None
    input_format: str = "text"  # text | html
    encoding: Optional[str] = None
    error: Optional[ErrorInfo] = None
    raw: Optional[bytes] = None  # bytes still to decode (readers decode them as they read)
    charset: Optional[str] = None  # charset declared by the transport (HTTP Content-Type)
    fetched: Optional[str] = None  # crawl date (WARC-Date): the reference date when the page has none
    id_given: bool = False  # the id came with the input (JSON Lines "id"), not from its path
    default_id: Optional[str] = None  # the id its path gives (``stem:line``), for a JSON line
