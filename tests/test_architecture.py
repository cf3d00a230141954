"""The declared pipeline (wirecoder.stages) and the Coder's Resources: what the table says is what runs."""

from __future__ import annotations

import json
import warnings

import pytest

from wirecoder import Coder
from wirecoder.ingest import iter_inputs
from wirecoder.places import place_key
from wirecoder.record import ErrorRecord, Record, anchor_date
from wirecoder.resources import Resources
from wirecoder.settings import Settings
from wirecoder.stages import INPUT_FIELDS, STAGES, MissingInputWarning, dependents, unmet_reads

from conftest import SAMPLES

RECORD_FIELDS = set(Record.__dataclass_fields__)


# -- the table ---------------------------------------------------------------------------------
def test_every_stage_reads_only_fields_the_input_or_an_earlier_stage_writes():
    assert unmet_reads() == {}


def test_the_table_names_real_record_fields_and_each_stage_once():
    for stage in STAGES:
        assert stage.reads <= RECORD_FIELDS, (stage.name, stage.reads - RECORD_FIELDS)
        assert stage.writes <= RECORD_FIELDS, (stage.name, stage.writes - RECORD_FIELDS)
        assert stage.writes, stage.name
    assert INPUT_FIELDS <= RECORD_FIELDS
    assert len({s.name for s in STAGES}) == len(STAGES)


def test_stages_before_the_parse_come_first():
    flags = [s.after_parse for s in STAGES]
    assert flags == sorted(flags)


def test_speakers_are_settled_before_events_use_the_statements():
    names = [s.name for s in STAGES]
    assert names.index("statements") < names.index("speakers") < names.index("events")
    events = next(s for s in STAGES if s.name == "events")
    assert "statements" in events.reads


# -- each stage changes only what it declares ----------------------------------------------------
def _fields(record: Record) -> dict[str, str]:
    return {name: json.dumps(value, sort_keys=True, ensure_ascii=False) for name, value in record.to_dict().items()}


class _Reading(Record):
    """A record that notes every field a stage looks up (its methods' lookups too)."""

    def __getattribute__(self, name):
        if name in RECORD_FIELDS:
            object.__getattribute__(self, "__dict__").setdefault("_looked_up", set()).add(name)
        return super().__getattribute__(name)


@pytest.fixture(scope="module")
def traced(coder):
    """The samples (text and HTML) coded with a snapshot of the record around every stage and the
    fields each stage looked up: [(source, stage, fields changed, fields looked up)]."""
    changes: list[tuple[str, str, set[str], set[str]]] = []
    real = coder._run

    def run(stage, record, doc):
        before = _fields(record)
        record.__class__ = _Reading
        try:
            real(stage, record, doc)
        finally:
            record.__class__ = Record
            looked_up = record.__dict__.pop("_looked_up", set())
        after = _fields(record)
        changes.append((record.source, stage.name, {k for k in after if after[k] != before.get(k)}, looked_up))

    coder._run = run
    try:
        paths = sorted(str(p) for p in SAMPLES.glob("text/*.txt")) + sorted(str(p) for p in SAMPLES.glob("html/*.html"))
        outputs = list(coder.code_inputs(iter_inputs(paths)))
    finally:
        del coder._run
    return outputs, changes


def test_coding_the_samples_each_stage_changes_only_the_fields_it_declares(traced):
    outputs, changes = traced
    assert outputs and not [o for o in outputs if isinstance(o, ErrorRecord)]
    writes = {s.name: s.writes for s in STAGES}
    ran = {name for _, name, _, _ in changes}
    assert ran >= {s.name for s in STAGES}  # every stage ran (and the warm-up is not traced apart)
    wrong = [(source, name, changed - writes[name]) for source, name, changed, _ in changes if changed - writes[name]]
    assert not wrong, wrong[:5]


def test_coding_the_samples_each_stage_looks_up_only_the_fields_it_declares(traced):
    """Reads are checked too: a field looked up is declared read (or written: appending looks it up)."""
    _, changes = traced
    allowed = {s.name: s.reads | s.writes for s in STAGES}
    wrong = {(name, f) for _, name, _, looked in changes for f in looked - allowed[name]}
    assert not wrong, sorted(wrong)
    reads = {s.name: s.reads for s in STAGES}
    used = {}
    for _, name, _, looked in changes:
        used.setdefault(name, set()).update(looked)
    unused = {(name, f) for name in reads for f in reads[name] - used.get(name, set())}
    assert not unused, f"declared read, never looked up on the samples: {sorted(unused)}"


def test_the_samples_give_every_declared_output_somewhere(traced):
    """A field a stage declares that it never writes on any sample is a stale row in the table."""
    _, changes = traced
    written: dict[str, set[str]] = {}
    for _, name, changed, _ in changes:
        written.setdefault(name, set()).update(changed)
    for stage in STAGES:
        assert written.get(stage.name), stage.name


# -- exclude ----------------------------------------------------------------------------------
STORY = ("MOSCOW, September 29. /TASS/. Kremlin spokesman Dmitry Peskov said on Tuesday that Kiev has not "
         "fulfilled its obligations.\n\n\u201cWe still hope the talks will resume,\u201d Peskov added.\n")


def test_exclude_skips_a_stage_and_names_the_stages_that_read_its_fields(coder):
    with pytest.warns(MissingInputWarning) as caught:
        partial = Coder(coder.settings, nlp=coder.nlp, exclude=["statements"])
    messages = " | ".join(str(w.message) for w in caught)
    assert "'speakers'" in messages and "'events'" in messages and "statements" in messages
    assert [s.name for s in partial.stages] == [s.name for s in STAGES if s.name != "statements"]
    record = partial.code(STORY, date="2026-09-30")
    assert record.statements == [] and record.speakers == []
    assert record.places and record.dates  # the other stages still ran


def test_exclude_of_a_last_stage_warns_nothing(coder):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        partial = Coder(coder.settings, nlp=coder.nlp, exclude=["events"])
    record = partial.code(STORY, date="2026-09-30")
    assert record.events == [] and record.statements


def test_exclude_of_an_unknown_stage_is_refused_with_the_stage_names(coder):
    with pytest.raises(ValueError, match="unknown stage.*'evnts'.*structure, sentences"):
        Coder(coder.settings, nlp=coder.nlp, exclude=["evnts"])


def test_dependents_lists_what_reads_the_fields_of_a_skipped_stage():
    deps = dependents(["places"])
    assert deps == {"speakers": {"places"}, "events": {"places"}}


# -- resources ------------------------------------------------------------------------------------
def test_a_coder_loads_its_knowledge_once_and_owns_it(coder):
    res = coder.resources
    assert res.gazetteer is res.gazetteer and res.actor_matcher is res.actor_matcher
    assert res.actor_matcher.gazetteer is res.gazetteer
    assert res.nlp is coder.nlp
    assert res.encoder is None  # optional and off by default: absent is None
    other = Resources(coder.settings, nlp=coder.nlp)  # another Coder's: its own, loaded when asked
    assert other.loaded() == ["nlp"]


def test_user_actor_files_reach_the_gazetteer(tmp_path, coder):
    """A user's armed group named like a town is an actor, not a place, in both matcher and gazetteer."""
    user = tmp_path / "groups.yaml"
    user.write_text("- {key: group/mafraq, kind: group, name: Mafraq, code: JORREB, country: JOR, "
                    "sector: REB, names: [Mafraq]}\n", encoding="utf-8")
    text = "AMMAN, March 3 (Reuters) - Gunmen attacked a police post in Mafraq on Monday, officials said.\n"
    plain = coder.code(text, date="2026-03-04")
    assert "Mafraq" in [p.text for p in plain.places]  # a town in Jordan without the user's file
    mine = Coder(Settings(actor_files=[str(user)]), nlp=coder.nlp)
    assert place_key("Mafraq") in mine.resources.gazetteer.actor_names
    assert place_key("Mafraq") not in coder.resources.gazetteer.actor_names
    record = mine.code(text, date="2026-03-04")
    assert "Mafraq" not in [p.text for p in record.places]
    assert mine.resources.actor_matcher.lookup("Mafraq").code == "JORREB"


def test_a_broken_part_is_an_error_record_not_missing_codes(coder, tmp_path):
    """A user's actor file that cannot be read fails the articles it would code, saying why."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("- {key: group/x, kind: group, name: [unclosed\n", encoding="utf-8")
    bad = Coder(Settings(actor_files=[str(broken)]), nlp=coder.nlp)
    (out,) = list(bad.code_inputs(iter_inputs([str(SAMPLES / "text" / "01-tass-kremlin-black-sea.txt")])))
    assert isinstance(out, ErrorRecord) and out.error.kind == "resource"
    assert out.error.message.startswith(str(SAMPLES / "text" / "01-tass-kremlin-black-sea.txt"))
    assert "actor dictionary" in out.error.message and "broken.yaml" in out.error.message
    assert "ParserError" in out.error.message  # the reason, as YAML gives it


def test_a_tagger_model_that_is_there_but_broken_is_an_error_not_no_tagger(coder, tmp_path, monkeypatch):
    """Absent is None (no model file); present and unreadable, or without the roles, raises."""
    import numpy as np

    from wirecoder.resources import ResourceError
    from wirecoder.statements import tagger as tagger_mod

    class Elsewhere(tagger_mod.AttributionTagger):
        def __init__(self, model_dir=tmp_path):
            super().__init__(model_dir)

    monkeypatch.setattr(tagger_mod, "AttributionTagger", Elsewhere)
    assert Resources(coder.settings, nlp=coder.nlp).tagger is None  # no model file: absent
    meta = json.dumps({"columns": [], "roles": ["speaker"], "labels": {}}).encode()
    np.savez(tmp_path / tagger_mod.MODEL_FILE, meta=np.frombuffer(meta, np.uint8), column=np.zeros(0, np.int32),
             values=np.frombuffer(b"", np.uint8), weights=np.zeros((0, 1), np.float32),
             transitions=np.zeros((1, 1)))
    with pytest.raises(ResourceError, match="has no model for content, cue"):
        Resources(coder.settings, nlp=coder.nlp).tagger
    (tmp_path / tagger_mod.MODEL_FILE).write_bytes(b"not a model")
    resources = Resources(coder.settings, nlp=coder.nlp)
    with pytest.raises(ResourceError, match="cannot load the attribution tagger"):
        resources.tagger
    bad = Coder(Settings(batch_size=7, max_bytes=1_234_567), nlp=coder.nlp)  # settings no other Coder has
    assert "tagger" not in bad.resources.loaded()
    (out,) = list(bad.code_inputs(iter_inputs([str(SAMPLES / "text" / "01-tass-kremlin-black-sea.txt")])))
    assert isinstance(out, ErrorRecord) and out.error.kind == "resource"
    assert "attribution tagger" in out.error.message


# where the module caches still are, each owned by a stage still to be rebuilt (docs/architecture.md)
# ontology.py: the CAMEO codebook, called as module functions by events and the store;
# events/rules.py: a memo of word forms (a pure function of a word, no loaded data).
MODULE_CACHES_LEFT = {"ontology.py", "events/rules.py"}


def test_no_module_level_caches_of_loaded_knowledge_outside_resources():
    """Loaded data lives in a Resources (one per Coder or Store), not in functools caches per process."""
    import ast
    from pathlib import Path

    import wirecoder

    root = Path(wirecoder.__file__).parent
    cached = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for d in node.decorator_list:
                    name = ast.unparse(d.func if isinstance(d, ast.Call) else d)
                    if name.split(".")[-1] in ("lru_cache", "cache"):
                        cached.add(path.relative_to(root).as_posix())
    assert cached <= MODULE_CACHES_LEFT, sorted(cached - MODULE_CACHES_LEFT)
    assert cached == MODULE_CACHES_LEFT, f"gone from {sorted(MODULE_CACHES_LEFT - cached)}: take them off the list"


# -- one anchor date ------------------------------------------------------------------------------
def test_anchor_date_is_the_dateline_then_the_reference_date_then_published():
    assert anchor_date("2026-09-29", "2026-09-30", "2026-10-01") == "2026-09-29"
    assert anchor_date(None, "2026-09-30", "2026-10-01T08:00:00+03:00") == "2026-09-30"
    assert anchor_date(None, None, "2026-10-01T08:00:00+03:00") == "2026-10-01"
    assert anchor_date("2026-02-30", "September", "2026-W40-1") is None  # not calendar days


def test_dates_actors_and_events_count_from_the_anchor_date(coder):
    # the dateline says Sept 29 (a Tuesday); the reference date is a week later
    record = coder.code(STORY, date="2026-10-06")
    assert record.anchor_date() == "2026-09-29"
    tuesday = next(d for d in record.dates if d.text == "Tuesday")
    assert tuesday.value == "2026-09-29"
    assert all(e.date == "2026-09-29" for e in record.events if e.date_span is None)


# -- one record schema ----------------------------------------------------------------------------
def test_the_spark_tables_are_the_record_fields():
    from wirecoder.record import Event, Statement, record_fields, record_types
    from wirecoder.spark.schema import ARTICLE_COLUMNS, EVENT_COLUMNS, STATEMENT_COLUMNS

    names = lambda cols: [c[0] for c in cols]  # noqa: E731
    assert names(ARTICLE_COLUMNS) == [f.name for f in record_fields(Record, ("statements", "events"))] + ["article_date"]
    assert names(STATEMENT_COLUMNS)[2:-1] == [f.name for f in record_fields(Statement)]
    assert names(EVENT_COLUMNS)[2:-1] == [f.name for f in record_fields(Event)]
    types = record_types()
    assert types[-1] is Record and Statement in types and Event in types
    assert types.index(Statement) < types.index(Record)  # each type after the ones it holds


def test_the_api_record_models_have_every_record_field():
    from wirecoder.api.models import EventModel, FullRecord, StatementModel
    from wirecoder.record import Event, Statement, record_fields

    for model, cls in ((FullRecord, Record), (StatementModel, Statement), (EventModel, Event)):
        missing = {f.name for f in record_fields(cls)} - set(model.model_fields)
        assert not missing, (model.__name__, missing)


def test_docs_architecture_shows_the_stage_table():
    from pathlib import Path

    from wirecoder.stages import describe

    doc = (Path(__file__).resolve().parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert describe() in doc, 'update docs/architecture.md: python -c "from wirecoder.stages import describe; print(describe())"'
