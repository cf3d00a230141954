from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WIRECODER_SHARED", ROOT.parent / "shared"))
SAMPLES = ROOT / "src" / "wirecoder" / "samples"


@pytest.fixture(scope="session")
def coder():
    """One Coder (one spaCy model) for the whole session."""
    from wirecoder import Coder

    return Coder()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared data; tests that need it are skipped where it is absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def assert_spans_ok(record) -> None:
    problems = record.check_spans()
    assert not problems, "\n".join(problems[:10])


def events_of(coder, text: str, date: str = "2026-03-10") -> list:
    """The events coded in `text` (its spans checked first)."""
    record = coder.code(text, date=date)
    assert_spans_ok(record)
    return record.events


def event_on(events, trigger: str):
    """The first event whose trigger is `trigger`; fails naming the triggers there are."""
    found = [e for e in events if e.trigger.text == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger.text for e in events]}"
    return found[0]
