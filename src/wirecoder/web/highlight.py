"""Cut an article's text into segments for highlighting statements, events and defects.

Annotations overlap and nest (an event trigger inside a quote, a quote across a
debris line), so HTML cannot simply wrap each one. Instead the text is cut at
every annotation boundary; each segment is a real slice ``text[start:end]`` and
carries every annotation that covers it. The template escapes each segment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional


@dataclass
class Mark:
    """One annotation to show: a (start, end) into the text and what it is."""

    start: int
    end: int
    kind: str  # statement-content | statement-cue | statement-speaker | event | defect | dateline | place
    index: Optional[int] = None  # statement or event number in the record
    group: Optional[int] = None  # speaker number, for the colour
    title: str = ""  # tooltip


@dataclass
class Segment:
    start: int
    end: int
    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        names = []
        for m in self.marks:
            names.append(m.kind)
            if m.kind.startswith("statement") and m.group is not None:
                names.append(f"spk-{m.group % SPEAKER_COLOURS}")
        return " ".join(dict.fromkeys(names))

    @property
    def statement(self) -> Optional[int]:
        """The innermost (shortest) statement covering this segment: the one a click shows."""
        found = [m for m in self.marks if m.kind.startswith("statement") and m.index is not None]
        return min(found, key=lambda m: m.end - m.start).index if found else None

    @property
    def statements(self) -> list[int]:
        return sorted({m.index for m in self.marks if m.kind.startswith("statement") and m.index is not None})

    @property
    def events(self) -> list[int]:
        return sorted({m.index for m in self.marks if m.kind == "event" and m.index is not None})

    @property
    def title(self) -> str:
        return "\n".join(dict.fromkeys(m.title for m in self.marks if m.title))


SPEAKER_COLOURS = 8  # style.css defines .spk-0 ... .spk-7


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """The whole text as consecutive segments; marks outside the text or empty are dropped."""
    n = len(text)
    kept = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = {0, n}
    for m in kept:
        cuts.add(m.start)
        cuts.add(m.end)
    bounds = sorted(cuts)
    # Marks sorted by start let each segment scan only those that may cover it.
    kept.sort(key=lambda m: m.start)
    out: list[Segment] = []
    active: list[Mark] = []
    i = 0
    for a, b in zip(bounds, bounds[1:]):
        while i < len(kept) and kept[i].start <= a:
            active.append(kept[i])
            i += 1
        active = [m for m in active if m.end > a]
        out.append(Segment(a, b, text[a:b], [m for m in active if m.start <= a and m.end >= b]))
    return out


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def event_title(ev: Any) -> str:
    """One line for a tooltip: source → target, CAMEO and PLOVER codes, negation and modality."""

    def actor(a: Any) -> str:
        if not a:
            return "?"
        name = _get(a, "name") or _get(a, "text") or "?"
        code = _get(a, "code")
        return f"{name} ({code})" if code else name

    parts = [f"{actor(_get(ev, 'source'))} → {actor(_get(ev, 'target'))}"]
    cameo = _get(ev, "cameo")
    if cameo:
        name = _get(ev, "cameo_name")
        parts.append(f"CAMEO {cameo}" + (f" {name}" if name else ""))
    if _get(ev, "plover"):
        parts.append(f"PLOVER {_get(ev, 'plover')}")
    if _get(ev, "quad") is not None:
        parts.append(f"quad {_get(ev, 'quad')}")
    if _get(ev, "negated"):
        parts.append("negated")
    modality = _get(ev, "modality")
    if modality and modality != "asserted":
        parts.append(modality)
    return "; ".join(parts)


def speaker_key(st: Any) -> str:
    name = _get(st, "speaker_name") or _get(_get(st, "speaker"), "text") or ""
    return name.strip().lower()


def record_marks(record: dict) -> list[Mark]:
    """Every mark the article page shows, from a record (dict or Record)."""
    marks: list[Mark] = []
    groups: dict[str, int] = {}
    for i, st in enumerate(_get(record, "statements") or []):
        group = groups.setdefault(speaker_key(st), len(groups))
        who = _get(st, "speaker_name") or _get(_get(st, "speaker"), "text") or "unknown speaker"
        for part in _get(st, "content") or []:
            marks.append(Mark(_get(part, "start"), _get(part, "end"), "statement-content", i, group, f"{who} ({_get(st, 'kind', '')})"))
        cue = _get(st, "cue")
        if cue:
            marks.append(Mark(_get(cue, "start"), _get(cue, "end"), "statement-cue", i, group, f"cue of {who}"))
        spk = _get(st, "speaker")
        if spk:
            marks.append(Mark(_get(spk, "start"), _get(spk, "end"), "statement-speaker", i, group, f"speaker: {who}"))
    for j, ev in enumerate(_get(record, "events") or []):
        trig = _get(ev, "trigger")
        if trig:
            marks.append(Mark(_get(trig, "start"), _get(trig, "end"), "event", j, None, event_title(ev)))
    for d in _get(record, "defects") or []:
        marks.append(Mark(_get(d, "start"), _get(d, "end"), "defect", None, None, f"{_get(d, 'kind')}: not article prose"))
    dl = _get(_get(record, "dateline"), "span")
    if dl:
        marks.append(Mark(_get(dl, "start"), _get(dl, "end"), "dateline", None, None, "dateline"))
    return [m for m in marks if isinstance(m.start, int) and isinstance(m.end, int)]


def speaker_groups(record: dict) -> dict[int, int]:
    """Statement index → speaker colour group, the same numbering record_marks uses."""
    groups: dict[str, int] = {}
    return {i: groups.setdefault(speaker_key(st), len(groups)) for i, st in enumerate(_get(record, "statements") or [])}


def render(text: str, marks: Iterable[Mark]) -> "Markup":
    """The text as HTML: every segment escaped, marked ones in a <span> that names its marks.

    Built here rather than in the template so no template whitespace slips into the text.
    """
    from markupsafe import Markup, escape

    parts = []
    for seg in segments(text, marks):
        if not seg.marks:
            parts.append(str(escape(seg.text)))
            continue
        attrs = [f'class="{escape(seg.classes)}"', f'data-start="{seg.start}"', f'data-end="{seg.end}"']
        if seg.statement is not None:
            attrs.append(f'data-statement="{seg.statement}"')
            attrs.append(f'data-statements="{" ".join(map(str, seg.statements))}"')
            attrs.append('tabindex="0"')
        if seg.events:
            attrs.append(f'data-event="{" ".join(map(str, seg.events))}"')
        if seg.title:
            attrs.append(f'title="{escape(seg.title)}"')
        parts.append(f"<span {' '.join(attrs)}>{escape(seg.text)}</span>")
    return Markup("".join(parts))


def mark_terms(text: Any, q: Optional[str]):
    """`text` HTML-escaped, with the words and phrases of the search `q` in <mark> (case-insensitive,
    as the search matches them: a word anywhere in a word of the text, a phrase as written)."""
    import re

    from markupsafe import Markup, escape

    from ..store.search import parse_terms

    text = "" if text is None else str(text)
    terms = parse_terms(q)
    patterns = [r"\s+".join(re.escape(w) for w in p) for p in terms.phrases]
    patterns += [re.escape(w) for w in sorted(terms.words, key=len, reverse=True)]
    if not patterns:
        return escape(text)
    out, pos = [], 0
    for m in re.finditer("|".join(patterns), text, re.IGNORECASE):
        if m.end() == m.start():
            continue
        out.append(escape(text[pos:m.start()]))
        out.append(Markup("<mark>") + escape(m.group()) + Markup("</mark>"))
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)
