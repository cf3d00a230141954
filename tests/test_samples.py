"""The bundled sample corpus: every article codes, as text and as an HTML page."""

from pathlib import Path

import pytest

from wirecoder.ingest import iter_inputs

from conftest import SAMPLES, assert_spans_ok

TEXTS = sorted((SAMPLES / "text").glob("*.txt"))
PAGES = sorted((SAMPLES / "html").glob("*.html"))


@pytest.fixture(scope="module")
def coded(coder):
    """Every sample (text and HTML) coded once: path → record."""
    inputs = list(iter_inputs([str(p) for p in TEXTS + PAGES]))
    outputs = list(coder.code_inputs(inputs))
    return {Path(inp.source).name: out for inp, out in zip(inputs, outputs)}


def test_corpus_has_text_and_html_for_each_article():
    assert len(TEXTS) >= 12
    assert [p.stem for p in TEXTS] == [p.stem for p in PAGES]


def test_articles_are_wire_story_length():
    for path in TEXTS:
        words = len(path.read_text(encoding="utf-8").split())
        assert 150 <= words <= 450, (path.name, words)


def test_every_sample_codes_with_valid_spans(coded):
    for name, record in coded.items():
        assert not hasattr(record, "error"), (name, getattr(record, "error", None))
        assert_spans_ok(record)


def test_every_sample_has_a_dated_dateline(coded):
    for name, record in coded.items():
        assert record.dateline is not None, name
        assert record.dateline.place and record.dateline.span.text, name
        # Where the dateline has no date, the page gives the reference date.
        assert record.dateline.date or record.reference_date or record.published, name


def test_text_samples_have_title_and_marked_debris(coded):
    for name, record in coded.items():
        if name.endswith(".txt"):
            assert record.title_span is not None, name
            assert any(d.kind == "debris" for d in record.defects), name


def test_html_samples_keep_metadata(coded):
    for name, record in coded.items():
        if name.endswith(".html"):
            assert record.title, name
            assert record.reference_date, name
            assert "All news" not in record.text, name


def test_truncated_sample_is_marked_in_text_and_html(coded):
    for name in ("01-tass-kremlin-black-sea.txt", "01-tass-kremlin-black-sea.html"):
        record = coded[name]
        cuts = [d for d in record.defects if d.kind == "truncated_sentence"]
        assert len(cuts) == 1, name
        assert cuts[0].text.endswith("Peskov a")
        # The subheading right after the cut is a heading, not part of the defect.
        assert "Drones over Novorossiysk" in [h.text for h in record.headings]


def test_only_the_truncated_sample_has_a_truncation(coded):
    marked = {name for name, r in coded.items() if any(d.kind == "truncated_sentence" for d in r.defects)}
    assert marked == {"01-tass-kremlin-black-sea.txt", "01-tass-kremlin-black-sea.html"}


def test_samples_cover_many_agencies_and_quote_styles(coded):
    agencies = {r.dateline.agency for r in coded.values() if r.dateline and r.dateline.agency}
    assert {"TASS", "Reuters", "AFP", "AP", "Xinhua", "Interfax", "Anadolu", "IANS", "Ukrinform"} <= agencies
    texts = " ".join(p.read_text(encoding="utf-8") for p in TEXTS)
    for mark in ('"', "“", "”", "«", "»", "\u00a0"):
        assert mark in texts


def test_text_sample_is_kept_byte_for_byte(coded):
    for path in TEXTS:
        assert coded[path.name].text == path.read_text(encoding="utf-8")
