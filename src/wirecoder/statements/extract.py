"""One article's statements: tagger, assembly, rules, speaker resolution."""

from __future__ import annotations

from ..record import Statement
from .assemble import assemble
from .features import token_columns
from .quotes import end_at_narration, inside_mask, quote_regions
from .resolve import SpeakerResolver


def _encoder_scores(doc, resources):
    """The encoder's weighted log-probabilities per role and label, when the statements encoder is on."""
    encoder = resources.encoder
    return encoder.role_scores(doc) if encoder is not None else None


def extract_statements(record, doc, resources, off=frozenset()) -> list[Statement]:
    """Statements of one article (record.text must be the text of doc), with a Coder's Resources;
    `off`: assembly rules (assemble.RULES) not applied."""
    if not len(doc):
        return []
    lexicon = resources.statement_lexicon
    regions = end_at_narration(doc, quote_regions(record.text), lexicon)
    # assembly also reads two apostrophes as a quote mark (the New York Times' ''...''); the tagger's
    # features keep the marks it was trained with
    mask = inside_mask(record.text, end_at_narration(doc, quote_regions(record.text, doubled=True), lexicon))
    tagger = resources.tagger
    if tagger is None:  # the tagger's model is not installed
        return []
    columns = token_columns(doc, lexicon, regions, text=record.text, shifted=False,
                            clusters=resources.statement_word_clusters)
    runs = tagger.tag(doc, columns,
                      role_scores=_encoder_scores(doc, resources))
    found = assemble(doc, record, runs, mask, lexicon, off)
    _cut_dateline(record, found)
    resolver = SpeakerResolver(doc, lexicon)
    for st in found:
        tokens = doc.char_span(st.speaker.start, st.speaker.end, alignment_mode="expand") if st.speaker else None
        resolver.resolve(st, list(tokens) if tokens is not None else [])
    return found


def _cut_dateline(record, found: list[Statement]) -> None:
    """A speaker or content that runs on from the dateline ("UNITED NATIONS (AP) — The U.N. Security
    Council failed ...") starts after it: the dateline says where the story was filed, not who spoke."""
    line = record.dateline.span if record.dateline is not None else None
    if line is None:
        return

    def cut(span):
        if span is None or not (line.start <= span.start < line.end < span.end):
            return span
        start = line.end
        while start < span.end and record.text[start].isspace():
            start += 1
        return record.span(start, span.end)

    for st in found:
        st.speaker = cut(st.speaker)
        st.content = [cut(c) for c in st.content]
