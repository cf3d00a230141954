"""The flat event table (ICEWS/GDELT-like): the same columns, the same values, through Store.events,
`wirecoder query events` as CSV, JSON Lines and Parquet, `wirecoder export` and GET /api/events;
every column documented in docs/store.md."""

from __future__ import annotations

import csv
import io
import json
import sys
import warnings
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from test_store import STORY, wire_record  # noqa: E402

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

from wirecoder.api import create_app  # noqa: E402
from wirecoder.cli import cli  # noqa: E402
from wirecoder.settings import Settings  # noqa: E402
from wirecoder.store import Store  # noqa: E402
from wirecoder.store.flat import NAMES, load_goldstein  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _records() -> list[dict]:
    """Three stories: one whose events carry the events stage's newer date fields, one without
    them, and a wire copy of the first."""
    first = wire_record("tass-1", date="2026-09-01").to_dict()
    first["events"][0].update(date_precision="day", date_source="time_expression", cameo="1121")  # not in the table
    first["events"][0]["place"]["geonameid"] = 687700
    first["events"][0]["statement"] = 0
    second = wire_record("aa-2", text=STORY.replace("Kremlin", "Ankara"), date="2026-09-10", cameo="190", quad=4,
                         source=("Ankara", "TURGOV", "TUR")).to_dict()
    copy = wire_record("tass-copy", date="2026-09-02").to_dict()
    copy["events"][0].update(date_precision="day", date_source="dateline")
    return [first, second, copy]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("flat") / "flat.duckdb")
    Store(path).add(_records())
    return path


def _by_article(rows) -> dict:
    return {r["article_id"]: r for r in rows}


def test_store_rows_are_the_flat_columns_with_their_values(db):
    items = Store(db, read_only=True).events(limit=None)["items"]
    assert all(list(it) == list(NAMES) for it in items)
    rows = _by_article(items)
    first = rows["tass-1"]
    assert first["event_id"] == "tass-1:0" and first["url"] == "https://www.example-wire.org/tass-1"
    assert first["site"] == "example-wire.org" and first["article_title"] == "Story tass-1"
    assert (first["date"], first["date_precision"], first["date_source"]) == ("2026-09-01", "day", "time_expression")
    assert first["goldstein"] == load_goldstein()["112"] == -2.0  # 1121 is not in the table: its parent's value
    assert (first["place_name"], first["place_country"], first["place_geonameid"], first["place_precision"]) == (
        "Zaporizhzhia", "UKR", 687700, "city")
    assert first["sentence_idx"] == 0 and first["sentence"].startswith("MOSCOW")
    assert first["statement"] == 0 and first["statement_speaker"] == "Dmitry Peskov"
    assert (first["source_text"], first["source_code"], first["source_name"], first["source_country"]) == (
        "Kremlin", "RUSGOV", "Kremlin", "RUS")
    assert rows["aa-2"]["date_precision"] is None and rows["aa-2"]["goldstein"] == -10.0  # fields absent: NULL
    assert rows["tass-copy"]["is_dup"] is True and rows["tass-copy"]["dup_of"] == "tass-1"
    assert first["is_dup"] is False and first["dup_of"] is None


def test_cli_formats_export_and_api_give_the_same_table(db, tmp_path):
    store_rows = _by_article(Store(db, read_only=True).events(limit=None)["items"])
    runner = CliRunner()
    out = runner.invoke(cli, ["query", "events", "--db", db, "--format", "jsonl", "--limit", "0"], catch_exceptions=False)
    assert _by_article(json.loads(line) for line in out.output.splitlines()) == store_rows

    runner.invoke(cli, ["query", "events", "--db", db, "--format", "csv", "-o", str(tmp_path / "q.csv")],
                  catch_exceptions=False)
    csv_rows = list(csv.DictReader(io.StringIO((tmp_path / "q.csv").read_text(encoding="utf-8"))))
    assert list(csv_rows[0]) == list(NAMES)

    runner.invoke(cli, ["query", "events", "--db", db, "--format", "parquet", "-o", str(tmp_path / "q.parquet")],
                  catch_exceptions=False)
    con = duckdb.connect()
    q_parquet = con.execute(f"SELECT * FROM read_parquet('{tmp_path / 'q.parquet'}')")
    assert [d[0] for d in q_parquet.description] == list(NAMES)

    assert runner.invoke(cli, ["export", "--db", db, str(tmp_path / "out")]).exit_code == 0
    exported = con.execute(f"SELECT * FROM read_parquet('{tmp_path / 'out' / 'events_flat.parquet'}')")
    names = [d[0] for d in exported.description]
    assert names == list(NAMES)
    ex_rows = _by_article({n: (v.isoformat() if hasattr(v, "isoformat") else v) for n, v in zip(names, row)}
                          for row in exported.fetchall())
    assert ex_rows == store_rows
    with open(tmp_path / "out" / "events_flat.csv", newline="", encoding="utf-8") as fh:
        ex_csv = list(csv.DictReader(fh))
    assert list(ex_csv[0]) == list(NAMES)
    assert {r["is_dup"] for r in ex_csv} == {"true", "false"}

    client = TestClient(create_app(db, settings=Settings(db=db)))
    api_rows = _by_article(client.get("/api/events").json()["items"])
    assert api_rows == store_rows
    schema = client.get("/openapi.json").json()["components"]["schemas"]["EventItem"]["properties"]
    assert set(NAMES) <= set(schema) and "Goldstein" in schema["goldstein"]["description"]


def test_every_flat_column_is_documented():
    doc = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    missing = [n for n in NAMES if f"| `{n}` |" not in doc]
    assert missing == []


def test_readme_shows_the_flat_columns_and_the_pages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The store and the pages", 1)[1].split("\n## ", 1)[0]
    assert [n for n in NAMES if f"`{n}`" not in section] == []
    assert f"the same {len(NAMES)} columns" in section
    for page in ("/articles", "/articles/{id}", "/speakers", "/statements", "/events", "/docs"):
        assert f"`{page}`" in section, page
