"""The Spark job (local[2]) writes the same records as `wirecoder code`, as Parquet tables."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install wirecoder[spark])")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java: no `java` on PATH (apt-get install openjdk-17-jre-headless)",
                allow_module_level=True)

# A cold JVM and a model load in each Python worker: slow on a busy 2-core machine.
pytestmark = pytest.mark.timeout(900)

from wirecoder.cli import cli  # noqa: E402
from wirecoder.record import ErrorRecord, from_dict  # noqa: E402
from wirecoder.spark import read_records, run_job  # noqa: E402

WIRE = [
    {"id": "kremlin-talks", "date": "2026-09-29",
     "text": "MOSCOW, September 29. /TASS/. Kremlin spokesman Dmitry Peskov said on Tuesday that Kiev "
             "has not yet fulfilled its obligations under the prisoner exchange deal.\n\n"
             "\u201cWe still hope that the talks will resume,\u201d Peskov added.\n"},
    {"id": "eu-border", "date": "2026-10-02",
     "text": "BRUSSELS, October 2. The European Union accused Minsk of violating the border agreement, "
             "a spokeswoman for the bloc said on Friday. According to her, the EU will call on Belarus "
             "to withdraw its troops.\n"},
    {"id": "no-date",
     "text": "Turkey condemned the air strikes on the village, the Foreign Ministry said in a statement.\n"},
    {"id": "blank", "text": "   \n"},
]
STORY = ("ANKARA, March 3. /Anadolu/. Turkish Foreign Minister Ahmet Demir met his Greek counterpart "
         "on Tuesday and said the two countries would sign a new trade agreement.\n\n"
         "\u201cWe want the dialogue to continue,\u201d Demir told reporters. \u201cThe situation on the")


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    lines = [json.dumps(a) for a in WIRE] + ["{this line is not JSON"]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "ankara.txt").write_text(STORY, encoding="utf-8")
    _warc(folder / "crawl.warc.gz")
    return folder


def _warc(path: Path) -> None:
    """A crawl with one news page, as a crawler would write it."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = ("<html><head><title>Ministry rejects claims</title></head><body><nav>Home | World | All news</nav>"
            "<article><h1>Ministry rejects claims</h1><p>WARSAW, May 12. The Polish Defence Ministry on Monday "
            "rejected claims that its troops had crossed the border, a spokesman said.</p><p>\u201cThese "
            "accusations are false,\u201d the spokesman told reporters in Warsaw.</p></article></body></html>")
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example.org/world/ministry-rejects-claims", "response",
            payload=BytesIO(page.encode("utf-8")), http_headers=headers))


@pytest.fixture(scope="module")
def settings(spark_settings):
    return spark_settings


@pytest.fixture(scope="module")
def coded(spark, settings, tmp_path_factory):
    """One Spark run over a small corpus, and `wirecoder code` over the same files."""
    base = tmp_path_factory.mktemp("spark")
    corpus = _corpus(base / "corpus")
    out = base / "out"
    summary = run_job(spark, str(corpus), str(out), "auto", partitions=2, settings=settings)
    result = CliRunner().invoke(cli, ["code", str(corpus), "-o", str(base / "code.jsonl")])
    assert result.exit_code == 2, result.output  # the blank and the broken line fail
    expected = [from_dict(json.loads(line)) for line in (base / "code.jsonl").read_text().splitlines()]
    return {"summary": summary, "corpus": corpus, "out": out, "expected": expected}


def test_spark_output_equals_wirecoder_code(coded):
    got = {r.id: r for r in read_records(str(coded["out"]))}
    expected = {r.id: r for r in coded["expected"]}
    assert sorted(got) == sorted(expected)
    for id_, rec in expected.items():
        assert got[id_].to_dict() == rec.to_dict(), id_
    s, records = coded["summary"], [r for r in coded["expected"] if not isinstance(r, ErrorRecord)]
    assert (s.inputs, s.skipped) == (3, 0)
    assert s.articles == len(records) == 5
    assert s.statements == sum(len(r.statements) for r in records)
    assert s.events == sum(len(r.events) for r in records)


def test_failed_inputs_land_in_the_errors_table(coded):
    import duckdb

    rows = duckdb.connect().execute(
        f"SELECT id, kind FROM read_parquet('{coded['out']}/errors/*/*.parquet') ORDER BY id"
    ).fetchall()
    assert [r[0] for r in rows] == ["blank", "wire:5"]
    assert dict(rows)["wire:5"] == "bad_json"
    assert coded["summary"].errors == 2


def test_tables_are_partitioned_by_article_date_and_read_by_duckdb(coded):
    import duckdb

    out = coded["out"]
    days = sorted(p.name for p in (out / "articles").iterdir() if p.is_dir())
    assert "article_date=2026-09-29" in days and "article_date=unknown" in days
    n = duckdb.connect().execute(
        f"SELECT count(*) FROM read_parquet('{out}/articles/**/*.parquet', hive_partitioning = true) "
        "WHERE id = 'kremlin-talks' AND CAST(article_date AS VARCHAR) = '2026-09-29'"
    ).fetchone()[0]
    assert n == 1
    expected_events = sum(len(r.events) for r in coded["expected"] if not isinstance(r, ErrorRecord))
    if expected_events:
        got = duckdb.connect().execute(
            f"SELECT count(*), count(DISTINCT article_id) FROM read_parquet('{out}/events/**/*.parquet', "
            "hive_partitioning = true)"
        ).fetchone()
        assert got[0] == expected_events


def test_parquet_input(spark, settings, tmp_path, coder):
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = tmp_path / "in"
    folder.mkdir()
    rows = [a for a in WIRE if a["text"].strip()]
    pq.write_table(pa.Table.from_pylist([{"id": a["id"], "text": a["text"], "date": a.get("date")} for a in rows]),
                   folder / "articles.parquet")
    summary = run_job(spark, str(folder), str(tmp_path / "out"), "parquet", partitions=2, settings=settings)
    assert (summary.articles, summary.errors) == (len(rows), 0)
    got = {r.id: r for r in read_records(str(tmp_path / "out"))}
    for a in rows:
        want = coder.code(a["text"], id=a["id"], date=a.get("date"), source=f"parquet:{a['id']}")
        assert got[a["id"]].statements == want.statements
        assert got[a["id"]].events == want.events
        assert got[a["id"]].text == a["text"]


def test_a_rerun_skips_finished_inputs_and_codes_new_ones(spark, settings, coded):
    corpus, out = coded["corpus"], coded["out"]
    before = sorted(r.to_json() for r in read_records(str(out)))

    again = run_job(spark, str(corpus), str(out), "auto", partitions=2, settings=settings)
    assert (again.inputs, again.skipped, again.articles, again.errors) == (3, 3, 0, 0)
    assert sorted(r.to_json() for r in read_records(str(out))) == before

    # Output of a run that died before its manifest is removed, never read twice.
    dead = out / "articles" / "article_date=2026-09-29" / "run=dead-run"
    dead.mkdir()
    shutil.copy(next((out / "articles" / "article_date=2026-09-29").glob("run=*/*.parquet")), dead / "part.parquet")
    (corpus / "late.txt").write_text("KIEV, October 5. Ukraine said it would resume the talks.\n", encoding="utf-8")
    third = run_job(spark, str(corpus), str(out), "auto", partitions=2, settings=settings)
    assert third.removed_runs == ["dead-run"] and not dead.exists()
    assert (third.inputs, third.skipped, third.articles) == (4, 3, 1)
    ids = [r.id for r in read_records(str(out))]
    assert sorted(ids) == sorted([r.id for r in coded["expected"]] + ["late"])
