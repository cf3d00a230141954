"""Sentences and named entities from the spaCy parse, as spans into the record's text."""

from __future__ import annotations

from .record import Entity
from .stages import doc_stage


@doc_stage("sentences")
def sentences(record, doc, ctx) -> None:
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        # Trim the whitespace spaCy keeps inside sentence spans (line breaks, NBSP).
        while start < end and record.text[start].isspace():
            start += 1
        while end > start and record.text[end - 1].isspace():
            end -= 1
        if end > start:
            record.sentences.append(record.span(start, end))


@doc_stage("entities")
def entities(record, doc, ctx) -> None:
    for ent in doc.ents:
        record.entities.append(Entity(ent.start_char, ent.end_char, ent.text, ent.label_))
