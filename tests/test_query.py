"""`wirecoder query`: events, statements, articles from a store, as a table, CSV, JSON Lines or Parquet."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from test_store import STORY, wire_record  # noqa: E402

from wirecoder.cli import cli  # noqa: E402
from wirecoder.store import Store  # noqa: E402


@pytest.fixture()
def db(tmp_path) -> str:
    path = str(tmp_path / "news.duckdb")
    Store(path).add([
        wire_record("tass-1", date="2026-09-01", cameo="112", quad=3),
        wire_record("aa-2", text=STORY.replace("Kremlin", "Ankara"), date="2026-09-10", cameo="190", quad=4,
                    source=("Ankara", "TURGOV", "TUR"), speaker="Dmitry Peskov"),
        wire_record("afp-3", text=STORY.replace("Peskov", "Zakharova").replace("ceasefire", "truce"),
                    date="2026-10-05", cameo="036", quad=1, speaker="Maria Zakharova"),
    ])
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout  # rows only: "more rows: ..." goes to stderr


def test_events_table_is_readable(db):
    out = run("query", "events", "--db", db, "--source", "RUSGOV")
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["date", "source_code", "source_name", "cameo"]
    assert "RUSGOV" in lines[2] and "Kremlin" in lines[2]
    assert lines[-1] == "(2 of 2)"


def test_event_filters_on_the_command_line(db):
    def ids(*flags):
        return sorted(json.loads(line)["article_id"] for line in run("query", "events", "--db", db, "--format",
                                                                      "jsonl", *flags).splitlines())

    assert ids("--cameo", "19") == ["aa-2"]
    assert ids("--source-country", "TUR") == ["aa-2"]
    assert ids("--quad", "1") == ["afp-3"]
    assert ids("--date-from", "2026-09-05", "--date-to", "2026-09-30") == ["aa-2"]
    assert ids("--target", "Kiev", "--plover", "ACCUSE") == ["aa-2", "afp-3", "tass-1"]
    assert ids("--place", "UKR", "--limit", "1") == ["afp-3"]


def test_statements_as_csv(db, tmp_path):
    out = tmp_path / "peskov.csv"
    run("query", "statements", "--db", db, "--speaker", "Peskov", "--format", "csv", "-o", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert sorted(r["article_id"] for r in rows) == ["aa-2", "tass-1"]
    assert all(r["speaker"] == "Dmitry Peskov" for r in rows)
    assert rows[0]["content"].startswith("Kiev has not yet fulfilled")


def test_statements_text_search_as_jsonl(db):
    out = run("query", "statements", "--db", db, "--q", "obligations", "--format", "jsonl")
    assert len(out.splitlines()) == 3
    assert run("query", "statements", "--db", db, "--q", "obligations truce", "--format", "jsonl") == ""


def test_articles_search_as_parquet(db, tmp_path):
    out = tmp_path / "articles.parquet"
    run("query", "articles", "--db", db, "--q", "truce", "--format", "parquet", "-o", str(out))
    table = pq.read_table(out)
    assert table.column("id").to_pylist() == ["afp-3"]
    assert "snippet" in table.column_names


def test_speakers_and_actors(db):
    speakers = run("query", "speakers", "--db", db, "--format", "jsonl").splitlines()
    assert json.loads(speakers[0]) == {"key": "|dmitry peskov", "name": "Dmitry Peskov", "names": ["Dmitry Peskov"],
                                       "statements": 2, "articles": 2, "mentions": 2,
                                       "role": None, "org": None, "code": None}
    actors = [json.loads(x) for x in run("query", "actors", "--db", db, "--format", "jsonl").splitlines()]
    assert {a["key"]: a["events"] for a in actors} == {"UKRGOV": 3, "RUSGOV": 2, "TURGOV": 1}


def test_no_store_and_bad_date_are_clear_errors(db, tmp_path):
    runner = CliRunner()
    missing = runner.invoke(cli, ["query", "events", "--db", str(tmp_path / "nope.duckdb")])
    assert missing.exit_code == 1 and "no store" in missing.output
    bad = runner.invoke(cli, ["query", "events", "--db", db, "--date-from", "last tuesday"])
    assert bad.exit_code == 2 and "--date-from" in bad.output and "YYYY-MM-DD" in bad.output  # a usage error
    for unknown in (["--sorce", "RUSGOV"], ["--from", "2026-09-01"]):  # misspelt or old names are refused
        refused = runner.invoke(cli, ["query", "events", "--db", db, *unknown])
        assert refused.exit_code == 2 and "No such option" in refused.output
    parquet = runner.invoke(cli, ["query", "events", "--db", db, "--format", "parquet"])
    assert parquet.exit_code == 1 and "-o" in parquet.output


def test_csv_has_true_false_and_one_line_per_row(tmp_path):
    rec = wire_record("nl-1", text=STORY.replace("power plant again", "power plant\nagain"))
    rec.events[0].negated = True
    db = str(tmp_path / "nl.duckdb")
    Store(db).add([rec, wire_record("plain-2")])
    out = tmp_path / "events.csv"
    run("query", "events", "--db", db, "--format", "csv", "-o", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3  # header and one line per event: the newline of the sentence became a space
    rows = {r["article_id"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))}
    assert rows["nl-1"]["negated"] == "true" and rows["plain-2"]["negated"] == "false"
    assert rows["nl-1"]["is_dup"] in ("true", "false")
    assert "power plant again" in rows["nl-1"]["sentence"]
    jsonl = [json.loads(line) for line in run("query", "events", "--db", db, "--format", "jsonl").splitlines()]
    assert "power plant\nagain" in next(e for e in jsonl if e["article_id"] == "nl-1")["sentence"]  # kept as is


def test_pages_continue_with_after(db):
    result = CliRunner().invoke(cli, ["query", "events", "--db", db, "--format", "jsonl", "--limit", "2"])
    assert result.exit_code == 0
    first = [json.loads(line)["article_id"] for line in result.stdout.splitlines()]
    cursor = result.stderr.split("--after ")[1].split()[0]
    rest = run("query", "events", "--db", db, "--format", "jsonl", "--after", cursor)
    assert first + [json.loads(line)["article_id"] for line in rest.splitlines()] == ["afp-3", "aa-2", "tass-1"]
    bad = CliRunner().invoke(cli, ["query", "events", "--db", db, "--after", "page-2"])
    assert bad.exit_code == 2 and "--after" in bad.output
