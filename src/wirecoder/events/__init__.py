"""Who did what to whom: CAMEO/PLOVER events with actors (issue 4).

The ``events`` doc stage codes every sentence outside ``record.defects``:
rule triggers on the dependency parse (:mod:`.rules`) give code, source,
target, negation and modality; the PentaClass classifier (:mod:`.classifier`)
corrects the class of a sentence's first event when it is confident and adds
an event at the main verb of a sentence the rules missed; :mod:`.attach`
fills actors (through the actor dictionary when installed), date, place,
statement index and the codebook fields (:mod:`wirecoder.ontology`).
"""

from __future__ import annotations

from .coder import code_events


def events(record, doc, ctx) -> None:
    record.events = code_events(record, doc, ctx)
