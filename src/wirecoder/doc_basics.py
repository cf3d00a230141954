"""Sentences and named entities from the spaCy parse, as spans into the record's text."""

from __future__ import annotations

from .record import Entity


def sentences(record, doc, resources) -> None:
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        # Trim the whitespace spaCy keeps inside sentence spans (line breaks, NBSP).
        while start < end and record.text[start].isspace():
            start += 1
        while end > start and record.text[end - 1].isspace():
            end -= 1
        if end > start:
            record.sentences.append(record.span(start, end))


def entities(record, doc, resources) -> None:
    for ent in doc.ents:
        record.entities.append(Entity(ent.start_char, ent.end_char, ent.text, ent.label_))
