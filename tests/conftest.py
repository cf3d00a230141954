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


@pytest.fixture(scope="session")
def spark():
    """One local[2] Spark session for every Spark test: its start (and each Python worker's model
    load, kept with the worker) is paid once, not once per test file."""
    from wirecoder.spark import spark_session

    session = spark_session("local[2]", app_name="wirecoder-tests", conf={
        "spark.sql.shuffle.partitions": "2", "spark.ui.showConsoleProgress": "false",
        "spark.default.parallelism": "2",
    })
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def spark_settings():
    """The settings of the Spark tests' jobs: one for all, so the workers' Coders serve every job
    (no article time limit: a busy machine does not cut an article off)."""
    from wirecoder.settings import Settings

    return Settings.from_env(progress="never", article_timeout=0)
