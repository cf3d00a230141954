"""The coder makes Python's garbage collector look for cycles less often while it codes a batch,
and gives the host program its own settings back."""

import dataclasses
import gc

import pytest

from wirecoder import pipeline


@pytest.fixture
def thresholds():
    old = gc.get_threshold()
    yield
    gc.set_threshold(*old)


def _with_speakers(coder, monkeypatch, run) -> None:
    """The coder with `run` as its speakers stage (for this test only)."""
    stages = tuple(dataclasses.replace(s, run=run(s.run)) if s.name == "speakers" else s for s in coder.stages)
    monkeypatch.setattr(coder, "stages", stages)


def _seen_during_coding(coder, monkeypatch):
    seen = []

    def watching(speakers):
        def run(record, doc, resources):
            seen.append(gc.get_threshold())
            return speakers(record, doc, resources)
        return run

    _with_speakers(coder, monkeypatch, watching)
    coder.code("Kiev said on Tuesday that Moscow had not fulfilled its obligations.", date="2026-03-04")
    return seen


def test_fewer_collections_while_coding_and_the_old_thresholds_after(coder, monkeypatch, thresholds):
    gc.set_threshold(700, 10, 10)
    seen = _seen_during_coding(coder, monkeypatch)  # the first call also warms the coder up
    assert seen and set(seen) == {(pipeline.GC_GEN0, 10, 10)}
    assert gc.get_threshold() == (700, 10, 10)


def test_a_host_that_switched_collection_off_or_set_it_higher_keeps_its_setting(coder, monkeypatch, thresholds):
    for own in ((0, 10, 10), (50_000, 5, 5)):
        gc.set_threshold(*own)
        seen = _seen_during_coding(coder, monkeypatch)
        assert seen and set(seen) == {own}
        assert gc.get_threshold() == own


def test_thresholds_come_back_when_an_article_fails(coder, monkeypatch, thresholds):
    gc.set_threshold(700, 10, 10)

    def broken(speakers):
        def run(record, doc, resources):
            raise RuntimeError("a stage bug")
        return run

    _with_speakers(coder, monkeypatch, broken)
    (out,) = list(coder.code_inputs([pipeline.Input(id="x", source="<x>", text="Kiev said so on Tuesday.")]))
    assert out.error.kind == "internal"
    assert gc.get_threshold() == (700, 10, 10)
