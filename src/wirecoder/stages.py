"""The pipeline, declared: every stage with the record fields it reads and the fields it writes.

``STAGES`` is the one table the Coder runs, in its order (in the spirit of spaCy's
``requires``/``assigns``). A stage is a function ``run(record, doc, resources)``: stages
before the parse get ``doc=None`` (they see the text only), stages after it get the spaCy
``Doc`` of ``record.text``. A stage changes only the fields in its ``writes``, looks up only
those in its ``reads`` and ``writes`` (tests check both on the bundled samples), and reads only
fields written by the input (:data:`INPUT_FIELDS`) or by a stage before it. Stages after the
parse also read the ``Doc`` (tokens, parse, entities), which is not a record field.

To add a stage: write its function in its own module (it must not import this one), add a
row here at the place its reads allow, and run tests/test_architecture.py.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from . import dates, doc_basics, events, places, statements, structure

# What an input gives the record before any stage runs (ingest.prepare).
INPUT_FIELDS = frozenset({
    "id", "source", "text", "title", "url", "authors", "published", "reference_date", "input_format",
    "encoding", "headings",
})


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable  # (record, doc or None, resources) -> None
    reads: frozenset
    writes: frozenset
    after_parse: bool  # False: runs on the text before spaCy; True: gets the Doc
    what: str  # one line for docs and `Coder(exclude=...)` messages


def _stage(name, run, reads, writes, after_parse, what) -> Stage:
    return Stage(name, run, frozenset(reads.split()), frozenset(writes.split()), after_parse, what)


STAGES: tuple[Stage, ...] = (
    _stage("structure", structure.structure, "text title published reference_date headings",
           "title title_span dateline headings defects published", False,
           "page structure: headline, dateline, subheadings, debris and truncation"),
    _stage("sentences", doc_basics.sentences, "text", "sentences", True,
           "sentence spans from the parse, whitespace trimmed"),
    _stage("entities", doc_basics.entities, "", "entities", True,
           "named entities from the parse"),
    _stage("statements", statements.statements, "text title_span headings dateline defects",
           "statements", True,
           "who said what: speaker, cue and content, speakers resolved within the article"),
    _stage("places", places.places, "text dateline defects", "places", True,
           "gazetteer places with coordinates"),
    _stage("dates", dates.dates, "text dateline reference_date published defects", "dates", True,
           "time expressions resolved against the article's anchor date"),
    # speakers before events: a verbal event takes its statement's speaker code as settled here
    _stage("speakers", statements.speakers, "text sentences statements entities places dateline reference_date published",
           "speakers statements", True,
           "statements grouped by speaker, speaker names completed, actor codes added"),
    _stage("events", events.events,
           "text sentences statements speakers places dates dateline headings defects reference_date published",
           "events", True,
           "CAMEO/PLOVER events with source, target, date and place"),
)

BY_NAME: dict[str, Stage] = {s.name: s for s in STAGES}


def select(exclude: Iterable[str] = (), stages: tuple[Stage, ...] = STAGES) -> tuple[Stage, ...]:
    """The stages to run without those in `exclude`.

    An unknown name is a ValueError. A stage left in that reads what only an excluded stage
    writes still runs (it finds those fields empty); a warning names it and the fields.
    """
    exclude = list(exclude)
    unknown = [n for n in exclude if n not in {s.name for s in stages}]
    if unknown:
        raise ValueError(f"unknown stage(s) {', '.join(map(repr, unknown))}; the stages are "
                         + ", ".join(s.name for s in stages))
    kept = tuple(s for s in stages if s.name not in exclude)
    for stage, missing in dependents(exclude, stages).items():
        warnings.warn(f"stage {stage!r} reads {', '.join(sorted(missing))}, written only by excluded "
                      f"stage(s) {', '.join(sorted(_writers(missing, exclude, stages)))}; it will find them empty",
                      MissingInputWarning, stacklevel=3)
    return kept


class MissingInputWarning(UserWarning):
    """A stage runs without a field an excluded stage would have written."""


def dependents(exclude: Iterable[str], stages: tuple[Stage, ...] = STAGES) -> dict[str, set[str]]:
    """Stage name -> fields it reads that, with `exclude` skipped, nothing before it writes."""
    exclude = set(exclude)
    written = set(INPUT_FIELDS)
    out: dict[str, set[str]] = {}
    for s in stages:
        if s.name in exclude:
            continue
        missing = set(s.reads) - written
        if missing:
            out[s.name] = missing
        written |= s.writes - missing  # a stage that amends a field it lacks (speakers: statements) makes none
    return out


def _writers(fields: set[str], names: Iterable[str], stages: tuple[Stage, ...]) -> set[str]:
    return {s.name for s in stages if s.name in set(names) and s.writes & fields}


def unmet_reads(stages: tuple[Stage, ...] = STAGES) -> dict[str, set[str]]:
    """Stage name -> fields it reads that neither the input nor an earlier stage writes (empty: sound)."""
    return dependents((), stages)


def describe(stage: Optional[Stage] = None) -> str:
    """The stage table as Markdown rows (docs/architecture.md is checked against it)."""
    rows = ["| stage | parse | reads | writes | what |", "|---|---|---|---|---|"]
    for s in STAGES if stage is None else (stage,):
        rows.append(f"| {s.name} | {'after' if s.after_parse else 'before'} | {', '.join(sorted(s.reads)) or '(the Doc)'} | "
                    f"{', '.join(sorted(s.writes))} | {s.what} |")
    return "\n".join(rows)
