"""Filling an event's actors, date, place and statement link from the rest of the record."""

from __future__ import annotations

import re
from typing import Optional

from ..record import ActorRef, Place, Record

_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|around|on)\s+(?:the\s+)?$", re.I)


def actor_ref(record: Record, start: int, end: int, matcher, date: Optional[str],
              country: Optional[str] = None) -> ActorRef:
    """The actor named by a noun phrase: its span as written, code and names from the dictionary
    (``country``: the story's country, for roles the phrase names without one: "police", "the governor")."""
    ref = ActorRef(start, end, record.text[start:end])
    if matcher is not None:
        found = matcher.resolve(record, start, end, date=date, context_country=country)
        if found is not None:
            ref.code, ref.country, ref.sector, ref.name = found.code, found.country, found.sector, found.name
    return ref


def story_country(record: Record) -> Optional[str]:
    """The country the story is about: the one its places name most often (first named on a tie)."""
    counts: dict[str, int] = {}
    for p in record.places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


# A time expression after one of these is not when the act happened: "by 2030", "since 1945".
_NOT_WHEN = {"by", "since", "until", "till", "before", "after", "from", "through", "to", "between", "within"}


def event_date(record: Record, doc, sent, trigger) -> tuple[Optional[str], Optional[object], Optional[str], Optional[str]]:
    """(ISO date, DateRef or None, precision, source) of an event.

    The date is a time expression of the event's own clause: one whose words hang from the trigger
    without another verb between ("On Monday, the army shelled"), and not after by/since/until
    ("by 2030"). Else the article's anchor date (:meth:`Record.anchor_date`: the dateline's, else the
    reference date, else the published date), labelled with where it came from."""
    for d in record.dates:
        if not (sent.start_char <= d.start and d.end <= sent.end_char and d.value):
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and _attached(span.root, trigger):
            return d.value, d, _precision(d.value), "text"
    anchor = record.anchor_date()
    if anchor is None:
        return None, None, None, None
    dateline = record.dateline.date if record.dateline is not None else None
    for value, source in ((dateline, "dateline"), (record.reference_date, "reference"), (record.published, "published")):
        if value and value[:10] == anchor:
            return anchor, None, "day", source
    return anchor, None, "day", "reference"


def _attached(tok, trigger) -> bool:
    node, hops = tok, 0
    while node.i != trigger.i and hops < 8:
        head = node.head
        if head.i == node.i:
            return False
        if head.lower_ in _NOT_WHEN or node.lower_ in _NOT_WHEN:
            return False
        if head.i != trigger.i and head.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            return False  # the date of another clause
        node, hops = head, hops + 1
    if node.i != trigger.i:
        return False
    return not any(c.lower_ in _NOT_WHEN and c.dep_ == "prep" for c in tok.children)


def _precision(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    return {10: "day", 7: "month", 4: "year"}.get(len(value[:10]), "day")


def sentence_place(record: Record, start: int, end: int, trigger_start: int, actors=()) -> Optional[Place]:
    """A place in the sentence, not overlapping the (start, end) of words acting as actors:
    the one after in/near/at first, then the one nearest the trigger."""
    dateline = record.dateline.span if record.dateline is not None else None
    inside = [
        p for p in record.places
        if start <= p.start and p.end <= end
        and not any(a < p.end and p.start < b for a, b in actors)
        and not (dateline is not None and dateline.start <= p.start < dateline.end)  # where it was filed, not where it happened
    ]
    if not inside:
        return None
    linked = [p for p in inside if _LOCATIVE.search(record.text[max(start, p.start - 12) : p.start])]
    pool = linked or inside
    return min(pool, key=lambda p: abs(p.start - trigger_start))


def statement_index(record: Record, trigger_start: int, trigger_end: int) -> Optional[int]:
    """The statement whose cue is the trigger, or whose content holds it."""
    for i, st in enumerate(record.statements):
        if st.cue is not None and st.cue.start <= trigger_start and trigger_end <= st.cue.end:
            return i
    for i, st in enumerate(record.statements):
        if any(c.start <= trigger_start and trigger_end <= c.end for c in st.content):
            return i
    return None
