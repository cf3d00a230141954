from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..record import ErrorInfo


@dataclass
class Input:
    """One article as read, before coding."""

    id: str
    source: str
    text: Optional[str] = None
    html: Optional[str] = None
    url: Optional[str] = None
    date: Optional[str] = None  # reference date: publication or crawl date
    title: Optional[str] = None
    input_format: str = "text"
    encoding: Optional[str] = None
    error: Optional[ErrorInfo] = None
