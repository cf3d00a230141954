"""Article text out of an HTML page: trafilatura's body, rebuilt as lines with known headings.

trafilatura finds the article body and the page metadata; its element tree
(``<head>``, ``<p>``, ``<list>``, ``<quote>``...) is joined here into the
record's text, one block a paragraph (blank line between blocks, one line per
list item; tables are left out: they are not prose), so the character spans of the ``<head>``
elements are known and become ``Record.headings``. A first heading that only
repeats the page title is left out: the title is in ``Record.title``.

Before any parser sees the page, :func:`check_depth` counts the tag nesting so
that a page of thousands of nested tags is an error record, not a crash.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from ..errors import InputError

# Elements that never have content, so never nest.
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen "
    "command image".split()
)
# Elements whose end tag may be left out: a second one closes the first.
_SELF_CLOSING_SIBLINGS = frozenset("p li dt dd option optgroup tr td th rt rp thead tbody tfoot".split())
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]*)[^>]*?(/?)>")
_SKIPPED = re.compile(r"<!--.*?-->|<(script|style|textarea)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


def tag_depth(html: str, limit: Optional[int] = None) -> int:
    """The deepest element nesting of `html`, as a forgiving HTML parser would build it.

    Stops counting once `limit` is passed (the answer is then limit + 1).
    """
    stack: list[str] = []
    open_count: dict[str, int] = {}
    deepest = 0
    for m in _TAG.finditer(_SKIPPED.sub(" ", html)):
        closing, name, self_closed = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if open_count.get(name):
                while stack:  # close everything up to the matching open element
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            continue
        if name in _VOID or self_closed:
            continue
        if name in _SELF_CLOSING_SIBLINGS and stack and stack[-1] == name:
            stack.pop()
            open_count[name] -= 1
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        if len(stack) > deepest:
            deepest = len(stack)
            if limit is not None and deepest > limit:
                return deepest
    return deepest


def check_depth(html: str, max_depth: int, source: str) -> None:
    """Raise InputError(kind="too_deep") when tags nest deeper than `max_depth`."""
    depth = tag_depth(html, limit=max_depth)
    if depth > max_depth:
        raise InputError(
            f"{source}: HTML tags nest deeper than {max_depth} levels (max_html_depth); not parsed",
            kind="too_deep",
        )


@dataclass
class Extracted:
    """What an HTML page gives: the body text, heading spans and metadata."""

    text: str
    headings: list[tuple[int, int]] = field(default_factory=list)
    title: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    published: Optional[str] = None  # YYYY-MM-DD
    url: Optional[str] = None
    sitename: Optional[str] = None


# A document whose root element is <svg> (after an XML declaration, doctype or comments).
_SVG_ROOT = re.compile(r"\A(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*)*<svg[\s>]",
                       re.IGNORECASE | re.DOTALL)


def extract(html: str, source: str, *, url: Optional[str] = None, max_depth: int = 2000) -> Extracted:
    """The article in `html`; raises InputError when the page is too deep or has no article text."""
    import trafilatura

    check_depth(html, max_depth, source)
    if _SVG_ROOT.match(html):
        raise InputError(f"{source}: an SVG image, not an HTML page", kind="not_html")
    try:
        doc = trafilatura.bare_extraction(
            # favor_precision and no tables: +2 points body F1 on NAEB (docs/ingest.md), recall -0.3.
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
            favor_precision=True,
            # Dates from markup only: the extensive search turns "Copyright 2024" into 2024-01-01.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except RecursionError:
        raise InputError(f"{source}: HTML too deeply nested to parse", kind="too_deep") from None
    except Exception as exc:  # the extractor's own failure on a page it cannot handle (e.g. an lxml assertion)
        raise InputError(f"{source}: the HTML extractor failed on this page ({type(exc).__name__}: {exc})",
                         kind="bad_html") from None
    if doc is None or doc.body is None:
        raise InputError(f"{source}: no article text found in the HTML page", kind="no_text")
    title = _strip_site_name(_clean(doc.title), doc.sitename, doc.hostname) or None
    blocks = _blocks(doc.body)
    if blocks and blocks[0][0] == "head" and title and _norm(blocks[0][1]) == _norm(title):
        blocks = blocks[1:]
    text, headings = _join(blocks)
    if not text.strip():
        raise InputError(f"{source}: no article text found in the HTML page", kind="no_text")
    published = doc.date or _htmldate(html)
    return Extracted(
        text=text,
        headings=headings,
        title=title,
        authors=_people(doc.author, doc.sitename, doc.hostname),
        published=published[:10] if published else None,
        url=doc.url or url,
        sitename=doc.sitename,
    )


_TITLE_SEPARATORS = re.compile(r"\s+[|\-\u2013\u2014:]{1,2}\s+")


def _compact(s: Optional[str]) -> str:
    return re.sub(r"[\W_]+", "", (s or "").casefold())


def _is_site(name: str, sitename: Optional[str], hostname: Optional[str]) -> bool:
    """True when `name` is the site's name ("CNN", "Tech Digest") rather than words of the article."""
    c = _compact(name)
    if not c:
        return False
    site, host = _compact(sitename), _compact((hostname or "").removeprefix("www."))
    return bool(site) and (c == site or c in site or site in c) or bool(host) and (c in host or host in c)


def _strip_site_name(title: str, sitename: Optional[str], hostname: Optional[str]) -> str:
    """The page title without a trailing " | Site name" / " - Site name" (page titles carry it)."""
    while True:
        parts = _TITLE_SEPARATORS.split(title)
        if len(parts) < 2:
            return title
        seps = _TITLE_SEPARATORS.findall(title)
        last = parts[-1]
        if len(last.split()) > 6 or not _is_site(last, sitename, hostname):
            return title
        title = title[: len(title) - len(last) - len(seps[-1])].rstrip()


_BYLINE_PREFIX = re.compile(r"^(?:view all posts by|posts by|written by|by)\s+", re.IGNORECASE)
_NOT_A_NAME = re.compile(
    r"\d|\b(?:staff|sponsored|updated|published|jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)


def _people(author: Optional[str], sitename: Optional[str], hostname: Optional[str]) -> list[str]:
    """Author names from trafilatura's "A; B", leaving out the site itself and bylines that are no names
    ("Staff", "Sponsored", date fragments such as "Updated Dec")."""
    out = []
    for a in (author or "").split(";"):
        a = _BYLINE_PREFIX.sub("", a.strip())
        if not a or _is_site(a, sitename, hostname) or _NOT_A_NAME.search(a) or a in out:
            continue
        out.append(a)
    return out


def _htmldate(html: str) -> Optional[str]:
    try:
        from htmldate import find_date

        found = find_date(html, extensive_search=True, original_date=True)
    except Exception:  # htmldate is a fallback: its failure only means no date
        return None
    # A bare year found in free text ("Copyright 2024") comes back as January 1st: no date.
    return None if found and found[4:] == "-01-01" else found


# -- the body tree to lines -------------------------------------------------
# Block kinds: "head" (a heading), "p" (a paragraph), "item" (a line of a list).


def _blocks(body) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for el in body:
        _block(el, out)
    return [(kind, t) for kind, t in out if t]


def _block(el, out: list[tuple[str, str]]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "head":
        out.append(("head", _inline(el)))
    elif tag == "list":
        for item in el:
            if not isinstance(item.tag, str):
                continue
            nested = [c for c in item if c.tag == "list"]
            for c in nested:  # the item's own words, then its nested list
                item.remove(c)
            out.append(("item", _inline(item)))
            for c in nested:
                _block(c, out)
    elif tag in ("quote", "div") and any(isinstance(c.tag, str) and c.tag in ("p", "list", "head", "quote") for c in el):
        if el.text and el.text.strip():
            out.append(("p", _clean(el.text)))
        for c in el:
            _block(c, out)
            if c.tail and c.tail.strip():
                out.append(("p", _clean(c.tail)))
    elif tag in ("graphic", "image", "fw", "note"):
        return
    else:
        out.append(("p", _inline(el)))


def _inline(el) -> str:
    """The words of a block element; <lb/> becomes a line break."""
    parts: list[str] = []

    def walk(e) -> None:
        if e.text:
            parts.append(e.text)
        for c in e:
            if c.tag == "lb":
                parts.append("\n")
            elif isinstance(c.tag, str) and c.tag != "graphic":
                walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return "\n".join(_clean(line) for line in "".join(parts).split("\n") if _clean(line))


_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def _clean(s: Optional[str]) -> str:
    # Only ASCII white space is collapsed: non-breaking spaces are kept as the page has them.
    return _ASCII_SPACE.sub(" ", s or "").strip(" ")


def _join(blocks: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int]]]:
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    pos = 0
    prev = None
    for kind, t in blocks:
        if parts:
            sep = "\n" if kind == "item" and prev == "item" else "\n\n"
            parts.append(sep)
            pos += len(sep)
        if kind == "head":
            headings.append((pos, pos + len(t)))
        parts.append(t)
        pos += len(t)
        prev = kind
    return "".join(parts), headings


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())
