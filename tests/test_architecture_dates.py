"""One anchor date: the store and Spark file the same articles under the same days (Record.anchor_date)."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install wirecoder[spark])")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java: no `java` on PATH (apt-get install openjdk-17-jre-headless)",
                allow_module_level=True)

pytestmark = pytest.mark.timeout(900)  # a cold JVM and a model load per Python worker

from wirecoder.ingest import iter_inputs  # noqa: E402
from wirecoder.spark import run_job  # noqa: E402
from wirecoder.store import Store  # noqa: E402
from wirecoder.store.ingest import ingest  # noqa: E402

# Three dates that disagree: the dateline's day, the input's date, the page's publication time.
STORIES = [
    {"id": "filed-before-dated", "date": "2026-10-06",
     "text": "MOSCOW, September 29. /TASS/. The Foreign Ministry said on Tuesday that the talks would "
             "resume next month, a spokesman told reporters.\n"},
    {"id": "dated-only", "date": "2026-03-04",
     "text": "The port authority said on Wednesday that ships would be inspected before they dock.\n"},
    {"id": "undated", "text": "The council said the vote would be held after the summer recess.\n"},
]
PAGE = ("<html><head><title>Ministry rejects claims</title>"
        "<meta property=\"article:published_time\" content=\"2026-05-12T08:00:00Z\"></head><body>"
        "<article><h1>Ministry rejects claims</h1><p>WARSAW, May 10 (Reuters) - The Polish Defence Ministry on Sunday "
        "rejected claims that its troops had crossed the border, a spokesman said.</p></article></body></html>")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dates") / "in"
    folder.mkdir()
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(s) for s in STORIES) + "\n", encoding="utf-8")
    (folder / "warsaw.html").write_text(PAGE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def settings(spark_settings):
    return spark_settings


def test_the_store_and_spark_file_each_article_under_its_anchor_date(corpus, settings, coder, spark, tmp_path):
    expected = {}
    for inp, rec in zip(iter_inputs([str(corpus)]), coder.code_inputs(iter_inputs([str(corpus)]))):
        expected[rec.id] = rec.anchor_date()
    # the dateline wins over the input's date and over the page's publication time
    assert expected["filed-before-dated"] == "2026-09-29"
    assert expected["dated-only"] == "2026-03-04"
    assert expected["undated"] is None
    warsaw = next(k for k in expected if k not in {s["id"] for s in STORIES})
    assert expected[warsaw] == "2026-05-10"

    store = Store(tmp_path / "news.duckdb")
    counts = ingest([str(corpus)], store, settings=settings)
    assert counts["errors"] == 0
    table = store.arrow("SELECT id, CAST(date AS VARCHAR) AS date FROM articles").to_pylist()
    stored = {row["id"]: row["date"] for row in table}

    run_job(spark, str(corpus), str(tmp_path / "out"), "auto", partitions=2, settings=settings)
    con = duckdb.connect()
    filed = dict(con.execute(
        f"SELECT id, CAST(article_date AS VARCHAR) FROM read_parquet('{tmp_path / 'out'}/articles/*/*/*.parquet', "
        "hive_partitioning = true)").fetchall())
    assert stored == expected
    assert {k: (None if v == "unknown" else v) for k, v in filed.items()} == expected
