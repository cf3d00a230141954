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
