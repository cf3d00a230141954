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
_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*[\s\u00a0]+(?=[\"'“‘«(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]?$")


def sentence_breaks(text: str, abbreviations: frozenset) -> list[int]:
    """Offsets where a new sentence starts inside `text`, skipping `abbreviations` ('Dec. 23',
    'vs. Mark': data/patterns/abbreviations.yaml), initials ('J. Smith') and list numbers ('2. Naoya')."""
    out = []
    for m in _BREAK.finditer(text):
        if text[m.start()] == ".":
            head = text[: m.start()]
            w = _WORD_BEFORE.search(head)
            word = w.group(1).lower() if w else ""
            if word in abbreviations or (len(word) == 1 and word.isalpha()) or _ENUMERATOR.match(head):
                continue
        out.append(m.end())
    return out


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


def is_prose(u: Unit, abbreviations: frozenset) -> bool:
    """A paragraph of article text: several words ending a sentence, a long line, or one
    holding a complete sentence (a paragraph cut short still counts)."""
    n = len(u.words)
    return ((n >= 6 and ends_sentence(u.text)) or n >= 25 or (n >= 10 and bool(sentence_breaks(u.text, abbreviations)))
            or cut_candidate(u, abbreviations))


_QUOTE_THEN_CUE = re.compile(r"[,!?][\"”’»]\s+\w")


def cut_candidate(u: Unit, abbreviations: frozenset) -> bool:
    """A paragraph that stops on a letter where a sentence should end: one with a complete
    sentence before, an open quote, a closed quote and its cue (',\" Peskov a') or many words."""
    if not last_char(u.text).isalnum() or len(u.words) < 8:
        return False
    return bool(
        sentence_breaks(u.text, abbreviations)
        or quotes_unbalanced(u.text)
        or _QUOTE_THEN_CUE.search(u.text)
        or len(u.words) >= 15
    )


def ends_on_fragment(text: str, truncation: dict) -> bool:
    """The last word cannot end a sentence: a word cut short ('Peskov a', 'in Ot'), a word
    that needs a continuation ('the', 'of', 'said': `truncation`, data/patterns/truncation.yaml),
    or an open quotation."""
    words = _WORD.findall(text)
    if not words:
        return False
    last = words[-1]
    tw = truncation
    if last.lower() in tw["dangling"]:
        return True
    if len(last) <= 2 and last.isalpha() and last not in tw["short"] and last.lower() not in tw["short"]:
        return True
    return quotes_unbalanced(text)


def heading_like(text: str, abbreviations: frozenset, max_words: int = 14) -> bool:
    """A short line that starts with a capital and ends without sentence punctuation
    (a question such as 'What comes next?' may be a heading too)."""
    words = _WORD.findall(text)
    if not 1 <= len(words) <= max_words or len(text) > 110:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“«'‘"):
        return False
    question = text.endswith("?") and not text.startswith(("\"", "“", "«", "'", "‘"))
    if not question and (
        last_char(text) in _TERMINAL + ",;:-–—" or text.rstrip(_SPACE + _CLOSERS)[-1:] in _TERMINAL
    ):
        return False
    if sentence_breaks(text, abbreviations) or quotes_unbalanced(text):
        return False
    return any(c.isalpha() for c in text)


def last_sentence_start(text: str, abbreviations: frozenset) -> int:
    """Offset in `text` where its last sentence begins."""
    starts = sentence_breaks(text, abbreviations)
    return starts[-1] if starts else 0
