"""`wirecoder export`: the store as Parquet tables plus a flat event-data file that loads anywhere."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from test_store import STORY, wire_record  # noqa: E402

from wirecoder.cli import cli  # noqa: E402
from wirecoder.record import ErrorInfo, ErrorRecord  # noqa: E402
from wirecoder.store import Store  # noqa: E402

from wirecoder.store.flat import NAMES as FLAT  # noqa: E402


def test_export_writes_every_table_and_a_flat_event_file(tmp_path):
    db = str(tmp_path / "news.duckdb")
    Store(db).add([
        wire_record("tass-1", date="2026-09-01"),
        wire_record("aa-2", text=STORY.replace("Kremlin", "Ankara"), date="2026-09-10", cameo="190", quad=4,
                    source=("Ankara", "TURGOV", "TUR")),
        ErrorRecord(id="empty", source="empty.txt", error=ErrorInfo("bad_input", "empty.txt: no text")),
    ])
    out_dir = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", "--db", db, str(out_dir)], catch_exceptions=False)
    assert result.exit_code == 0, result.output

    names = sorted(p.name for p in out_dir.iterdir())
    assert names == ["actors.parquet", "articles.parquet", "errors.parquet", "events.parquet", "events_flat.csv",
                     "events_flat.parquet", "places.parquet", "speakers.parquet", "statements.parquet"]
    assert pq.read_table(out_dir / "articles.parquet").num_rows == 2
    assert pq.read_table(out_dir / "errors.parquet").column("kind").to_pylist() == ["bad_input"]
    assert pq.read_table(out_dir / "statements.parquet").num_rows == 2

    flat = pq.read_table(out_dir / "events_flat.parquet")
    assert flat.column_names == list(FLAT)
    rows = flat.to_pylist()
    assert [r["article_id"] for r in rows] == ["tass-1", "aa-2"]  # oldest first
    first = rows[0]
    assert str(first["date"]) == "2026-09-01"
    assert (first["source_code"], first["source_country"], first["target_code"], first["target_country"]) == (
        "RUSGOV", "RUS", "UKRGOV", "UKR")
    assert (first["cameo"], first["root"], first["quad"], first["plover"]) == ("112", "11", 3, "ACCUSE")
    assert (first["place_name"], first["lat"], first["lon"]) == ("Zaporizhzhia", 47.8, 35.2)
    assert first["goldstein"] == -2.0 and rows[1]["goldstein"] == -10.0  # 112 accuse, 190 use force
    assert first["sentence"].startswith("MOSCOW, September 29.")

    with open(out_dir / "events_flat.csv", newline="", encoding="utf-8") as fh:
        csv_rows = list(csv.DictReader(fh))
    assert list(csv_rows[0]) == list(FLAT)
    assert [r["cameo"] for r in csv_rows] == ["112", "190"]
    assert csv_rows[1]["source_country"] == "TUR"


def test_export_of_a_missing_store_is_an_error(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "none.duckdb"), str(tmp_path / "out")])
    assert result.exit_code == 1 and "no store" in result.output
