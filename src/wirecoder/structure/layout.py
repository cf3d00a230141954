"""The text cut into units (lines, or blank-line blocks for hard-wrapped text) and what each looks like."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

# Characters that close a sentence, and what may follow them (quotes, brackets).
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]"
_SPACE = " \t\r\f\v\u00a0\u2009\u202f\u200b\ufeff"
_WORD = re.compile(r"[\w’'-]+")
# A sentence boundary inside a line: terminal mark, optional closing quote, space, capital or opening quote.
SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*[\s\u00a0]+(?=[\"'“‘«(\[]?[A-Z0-9])")


@dataclass
class Unit:
    start: int
    end: int
    text: str
    role: str = ""  # debris | timestamp | title | standfirst | dateline | prose | heading
    notes: list[str] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)


def split_units(text: str) -> list[Unit]:
    """Non-blank lines with their offsets, trimmed of spaces (NBSP included).

    Hard-wrapped text (most long lines end mid-sentence) is cut at blank lines
    instead, so that a wrapped paragraph is one unit."""
    lines = _lines(text)
    if _hard_wrapped(lines):
        return _blocks(text)
    return lines


def _trimmed(text: str, start: int, end: int) -> Optional[Unit]:
    while start < end and (text[start] in _SPACE or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _SPACE or text[end - 1].isspace()):
        end -= 1
    return Unit(start, end, text[start:end]) if end > start else None


def _lines(text: str) -> list[Unit]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        u = _trimmed(text, pos, pos + len(line))
        if u:
            out.append(u)
        pos += len(line)
    return out


def _blocks(text: str) -> list[Unit]:
    out, pos = [], 0
    for m in re.finditer(r"\n[ \t\u00a0]*\n", text + "\n\n"):
        u = _trimmed(text, pos, min(m.start(), len(text)))
        if u:
            out.append(u)
        pos = m.end()
    return out


def _hard_wrapped(lines: list[Unit]) -> bool:
    long_lines = [u for u in lines if len(u.text) >= 40]
    if len(long_lines) < 6:
        return False
    open_ended = sum(1 for u in long_lines if not ends_sentence(u.text))
    widths = sorted(len(u.text) for u in long_lines)
    return open_ended / len(long_lines) > 0.5 and widths[int(len(widths) * 0.9) - 1] <= 100


def ends_sentence(text: str) -> bool:
    t = text.rstrip(_SPACE + _CLOSERS)
    return bool(t) and t[-1] in _TERMINAL


def last_char(text: str) -> str:
    return text.rstrip(_SPACE)[-1:] if text.strip() else ""


def quotes_unbalanced(text: str) -> bool:
    """An opening quote without its closing one (straight quotes counted in pairs)."""
    straight = text.count('"') % 2 == 1
    curly = text.count("“") > text.count("”")
    angle = text.count("«") > text.count("»")
    return straight or curly or angle


def is_prose(u: Unit) -> bool:
    """A paragraph of article text: several words ending a sentence, or a long line."""
    n = len(u.words)
    return (n >= 6 and ends_sentence(u.text)) or n >= 25


def heading_like(text: str, max_words: int = 14) -> bool:
    """A short line that starts with a capital and ends without sentence punctuation."""
    words = _WORD.findall(text)
    if not 1 <= len(words) <= max_words or len(text) > 110:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“«'‘"):
        return False
    if last_char(text) in _TERMINAL + ",;:-–—" or text.rstrip(_SPACE + _CLOSERS)[-1:] in _TERMINAL:
        return False
    if SENTENCE_BREAK.search(text) or quotes_unbalanced(text):
        return False
    return any(c.isalpha() for c in text)


def last_sentence_start(text: str) -> int:
    """Offset in `text` where its last sentence begins."""
    starts = [m.end() for m in SENTENCE_BREAK.finditer(text)]
    return starts[-1] if starts else 0
