"""Quote marks: which characters of a text lie inside a quotation.

Straight ("), curly (“ ”, „) and angle (« ») marks. Quotes are paired within a
paragraph: a wire story re-opens a quotation that runs on at the start of each
paragraph. A mark left open (a sentence cut by the scraper) runs to the end of
its paragraph, so nothing is lost and the next paragraph starts clean.
"""

from __future__ import annotations

import re

OPENING = "“„«‹"
CLOSING = "”»›"
STRAIGHT = '"'
QUOTE_CHARS = OPENING + CLOSING + STRAIGHT
_PARAGRAPH = re.compile(r"\n")


def quote_regions(text: str, doubled: bool = False) -> list[tuple[int, int]]:
    """(start, end) of every quotation, the marks included, paragraph by paragraph.

    doubled: two apostrophes ('') are a straight quote mark too, as the New York Times writes them."""
    regions: list[tuple[int, int]] = []
    start = 0
    for m in list(_PARAGRAPH.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        regions.extend(_paragraph_regions(text, start, end, doubled))
        start = m.end() if m else len(text)
    return regions


def _paragraph_regions(text: str, start: int, end: int, doubled: bool = False) -> list[tuple[int, int]]:
    out = []
    open_at = None
    for i in range(start, end):
        ch = text[i]
        if doubled and text.startswith("''", i) and not text.startswith("'", i + 2) and (i == 0 or text[i - 1] != "'"):
            ch = STRAIGHT
            last = i + 2
        elif doubled and ch == "'" and i > 0 and text[i - 1] == "'":
            continue  # the second apostrophe of a doubled mark
        else:
            last = i + 1
        if ch not in QUOTE_CHARS:
            continue
        if open_at is None:
            if ch in OPENING or ch == STRAIGHT:
                open_at = i
        elif ch in CLOSING or ch == STRAIGHT:
            out.append((open_at, last))
            open_at = None
        elif ch in OPENING:  # a second opening mark: the first was never closed
            out.append((open_at, i))
            open_at = i
    if open_at is not None:
        stop = end
        while stop > open_at + 1 and text[stop - 1].isspace():
            stop -= 1
        out.append((open_at, stop))
    return out


def inside_mask(text: str, regions: list[tuple[int, int]] | None = None) -> bytearray:
    """One byte per character: 1 inside a quotation (marks included), else 0."""
    mask = bytearray(len(text))
    for a, b in regions if regions is not None else quote_regions(text):
        mask[a:b] = b"\x01" * (b - a)
    return mask
