"""Parsing a very long text in pieces, so that the article time limit can stop it.

The time limit (``timelimit``) acts between Python bytecodes; one spaCy call over
a huge document (the tokenizer, the parser's transition loop) is compiled code
that runs to its end. A text longer than ``LONG_TEXT`` characters is therefore
cut into pieces of at most ``PIECE_CHARS`` at paragraph breaks (else line
breaks, sentence ends, spaces), each piece is parsed alone and the docs are
joined with ``Doc.from_docs``. The joined doc's text is the text, character for
character (pieces keep their own whitespace), so every span still indexes it.
Texts up to ``LONG_TEXT`` (news articles are a few thousand characters) are
parsed whole, as before.
"""

from __future__ import annotations

import re

LONG_TEXT = 100_000  # characters; longer texts are parsed in pieces
PIECE_CHARS = 10_000  # characters per piece, at most (a piece parses in well under a second)

_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'\u201d\u2019)]*\s+"),
           re.compile(r"\s+"))


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most `size` characters ("".join gives `text` back)."""
    out = []
    start = 0
    n = len(text)
    while n - start > size:
        window = text[start:start + size]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, size // 2)]
            ends = [e for e in ends if e < len(window)]
            if ends:
                cut = ends[-1]
                break
        if not cut:  # no break in the second half of the window: a hard cut
            cut = size
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


def parse(nlp, text: str):
    """The doc of `text`: whole when it is short, else parsed piece by piece and joined."""
    if len(text) <= LONG_TEXT:
        return nlp(text)
    from spacy.tokens import Doc

    docs = [nlp(piece) for piece in pieces(text)]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pieces keep their whitespace; a mismatch would break every span
        raise RuntimeError("the pieces of a long text do not join back into it")
    return doc
