"""Whole lines that are statements: "Peskov: US has not kept its word" (a label and a colon) and
'"Nobody trusts the promises any more." ― Omar Khalil' (a quotation signed with a dash)."""

from __future__ import annotations

from .quotes import QUOTE_CHARS
from .runs import Run

_DASHES = "―—–-"
_SIGNATURE_MAX = 10  # tokens of the name after the dash


def _line_starts(para_of) -> list[int]:
    """The first token of each line: para_of counts line breaks, so a line starts where it changes."""
    return [0] + [i for i in range(1, len(para_of)) if para_of[i] != para_of[i - 1]]


def signed_quotations(doc, record, sent_of, para_of) -> list[tuple[Run, Run, Run]]:
    """(speaker, cue, content) of lines that are a quotation signed with a dash and a name:
    '“Trump must stop portraying Latinos as ...” ― Carla Sanchez.' (readers' voices, epigraphs).
    The dash is the cue, as PolNeAR marks it; the name (capitalised, no verb) the speaker."""
    out = []
    n = len(doc)
    for s in _line_starts(para_of):
        e = s
        while e < n and para_of[e] == para_of[s]:
            e += 1
        a = s
        while a < e and doc[a].is_space:
            a += 1
        if a >= e or doc[a].text[:1] not in QUOTE_CHARS:
            continue
        dash = None  # the last dash right after a closing quote mark ('”―' may be one token)
        for i in range(a + 1, e):
            word = doc[i].text.strip()
            bare = word.rstrip(_DASHES)
            before = bare or doc[i - 1].text.strip()
            if bare != word and before and before[-1] in QUOTE_CHARS:
                dash = i
        if dash is None:
            continue
        b = e
        while b > dash + 1 and (doc[b - 1].is_space or (doc[b - 1].is_punct and doc[b - 1].text not in ")]")):
            b -= 1
        first = dash + 1
        while first < b and doc[first].is_space:  # "” ―\xa0Julie A. Diaz Martinez."
            first += 1
        name = doc[first:b]
        if (not 1 <= len(name) <= _SIGNATURE_MAX or not name[0].text[:1].isupper()
                or any(t.pos_ in ("VERB", "AUX") and not t.text.isupper() for t in name)):
            continue
        if record.in_defect(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), ("debris",)):
            continue
        out.append((Run(first, b, sent_of[first], para_of[first]), Run(dash, dash + 1, sent_of[dash], para_of[dash]),
                    Run(a, dash, sent_of[a], para_of[a])))
    return out


_LINE_LABEL_MAX = 4  # words before the colon
_SPEAKER_ENTS = {"PERSON", "ORG", "NORP", "GPE"}


def line_labels(doc, record, sent_of, para_of, lexicon, headers_out: bool = True) -> list[tuple[Run, Run, Run]]:
    """(speaker, cue, content) of lines that open with a speaker label and a colon: headlines
    ("Peskov: US has not kept its word", "Poll: ...") and transcripts ("PENCE: Well, ...").

    The label must name someone (a person, organisation or nationality, one or two proper nouns, or a
    name in capitals) or be a report noun ("Poll", "Survey"), and not be a page label ("Photo:", "UPDATE:").
    The content is the rest of the line. With `headers_out`, a label in capitals that the parse reads as
    a common noun ("BONDS:", "STOCKS:" in a market report) is a section header, unless the article
    writes it elsewhere as a name; "LAVROV:", "PENCE:" (names to the parse) stay.
    """
    out = []
    n = len(doc)
    for s in _line_starts(para_of):
        i = s
        while i < n and (doc[i].is_space or doc[i].is_quote):
            i += 1
        colon = next((j for j in range(i + 1, min(n, i + _LINE_LABEL_MAX + 1)) if doc[j].text == ":"), None)
        if colon is None or colon + 1 == n or para_of[colon + 1] != para_of[colon]:
            continue  # the colon ends the line
        label = doc[i:colon]
        if (not all(t.is_alpha or t.text in (".", "'s", "’s", "-") for t in label) or not label[0].text[:1].isupper()
                or any(t.pos_ in ("VERB", "AUX") and not t.text.isupper() for t in label)):
            continue  # "Scott added: ..." is a cue of its own ("LAVROV:" may be tagged a verb)
        words = " ".join(t.lower_ for t in label)
        if words in lexicon.not_line_speakers or label[0].lower_ in lexicon.not_line_speakers:
            continue
        named = (any(t.ent_type_ in _SPEAKER_ENTS for t in label)
                 or (len(label) <= 2 and all(t.pos_ == "PROPN" for t in label))
                 or (label[0].text.isupper() and len(label[0].text) > 1)
                 or (len(label) == 1 and lexicon.cue_type(label[0].lemma_, "NOUN") == "report"))
        if not named:
            continue
        if headers_out and _section_header(doc, label):
            continue
        b = colon + 1
        while b < n and para_of[b] == para_of[colon]:
            b += 1
        while b > colon + 1 and (doc[b - 1].is_space or doc[b - 1].is_punct):
            b -= 1
        if b - (colon + 1) < 3 or record.in_defect(doc[i].idx, doc[b - 1].idx + len(doc[b - 1]), ("debris",)):
            continue
        out.append((Run(i, colon, sent_of[i], para_of[i]), Run(colon, colon + 1, sent_of[colon], para_of[colon]),
                    Run(colon + 1, b, sent_of[colon + 1], para_of[colon + 1])))
    return out


def _section_header(doc, label) -> bool:
    """A label in capitals that names nobody: a common noun to the parse, in no person's or
    organisation's entity, and not written as a name elsewhere in the article."""
    return (all(t.text.isupper() for t in label) and any(t.tag_ in ("NN", "NNS") for t in label)
            and not any(t.ent_type_ in _SPEAKER_ENTS for t in label) and not _named_elsewhere(doc, label))


def _named_elsewhere(doc, label) -> bool:
    """Whether each word of a label in capitals is written as a name (capitalised, not all capitals) or
    inside a named entity somewhere else in the article."""
    for t in label:
        word = t.text.lower()
        if not any(o.lower_ == word and (o.i < label.start or o.i >= label.end)
                   and (o.ent_type_ or (o.text[:1].isupper() and not o.text.isupper())) for o in doc):
            return False
    return True
