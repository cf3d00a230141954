"""Inputs that used to end a whole run (issue 18), in one batch with good ones, through `code`
(one process and --jobs 2) and `ingest`: one line per input, unique ids, nothing lost, the good
ones coded, and a second ingest over the same inputs goes through too."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirecoder.cli import cli
from wirecoder.record import Record

from conftest import assert_spans_ok

GOOD = "KYIV, June 2. /WNA/. The regional governor said two drones were shot down overnight.\n"
GOOD_B = "GENEVA, May 4. /WNA/. The envoy said the talks would resume on Monday.\n"


def _corrupt_gzip() -> bytes:
    data = gzip.compress(b"<html><body><p>The mayor said the bridge reopened.</p></body></html>")
    return data[:10] + bytes(range(256))  # a gzip header, then a deflate stream that is not one


def _jsonl(*objs) -> bytes:
    # ensure_ascii keeps lone surrogates as \\udXXX escapes, as a hostile producer would write them
    return b"".join(json.dumps(o, ensure_ascii=True).encode() + b"\n" for o in objs)


# relative path -> (bytes, one expectation per input the file holds: (id, error kind or None))
CORPUS: dict[str, tuple[bytes, list[tuple[str, str | None]]]] = {
    "01_good.txt": (GOOD.encode(), [("01_good", None)]),
    "02_corrupt_gzip.html": (_corrupt_gzip(), [("02_corrupt_gzip", "unreadable")]),
    "03_corrupt.txt.gz": (_corrupt_gzip(), [("03_corrupt", "unreadable")]),
    "04_deep.jsonl": (b"[" * 100_000 + b"\n" + _jsonl({"id": "after-deep", "text": GOOD_B}),
                      [("04_deep:1", "bad_json"), ("after-deep", None)]),
    "05_surrogates.jsonl": (
        _jsonl({"id": "x\udc00", "text": GOOD},
               {"id": "meta", "title": "Title \ud800", "url": "https://example.org/\udfff", "text": GOOD_B},
               {"id": "bad-text", "text": "The envoy \udc80 said."},
               {"id": "x\udc01", "text": GOOD_B}),
        [("x\\udc00", None), ("meta", None), ("bad-text", "undecodable"), ("x\\udc01", None)]),
    "06_repeated_ids.jsonl": (
        _jsonl({"id": "same", "text": GOOD}, {"id": "same", "text": GOOD_B}, {"text": GOOD_B}),
        [("same", None), ("06_repeated_ids:2", "duplicate_id"), ("06_repeated_ids:3", None)]),
    "08_deep_object": (b'{"a":' * 3000 + b"1" + b"}" * 3000 + b"\n", [("08_deep_object:1", "bad_json")]),
    "a/index.html": (f"<html><body><p>{GOOD}</p></body></html>".encode(), [("a/index", None)]),
    "b/index.html": (f"<html><body><p>{GOOD_B}</p></body></html>".encode(), [("b/index", None)]),
    "zz_good.txt": (GOOD_B.encode(), [("zz_good", None)]),
}
N_INPUTS = sum(len(v[1]) for v in CORPUS.values())
BAD_NAME = os.fsdecode(b"07_name_\xff.txt")  # a file name that is not UTF-8 (a surrogate in Python)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile_batch")
    for rel, (data, _) in CORPUS.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    try:
        (root / BAD_NAME).write_bytes(GOOD.encode())
    except (OSError, UnicodeEncodeError):  # a file system that refuses such names
        pass
    return root


def _expected(root: Path) -> list[tuple[str, str | None]]:
    exp = []
    for rel in sorted(CORPUS, key=lambda r: Path(r).parts):
        exp.extend(CORPUS[rel][1])
        if rel == "06_repeated_ids.jsonl" and (root / BAD_NAME).exists():
            exp.append(("07_name_\\udcff", None))
    return exp


def _code(args: list[str], out: Path):
    result = CliRunner().invoke(cli, ["code", *args, "-o", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    lines = out.read_bytes().decode("utf-8").splitlines()  # strict UTF-8: every line was written
    return result, [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def coded(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile_out")
    return {jobs: _code([str(corpus), "--jobs", jobs], out / f"out{jobs}.jsonl") for jobs in ("1", "2")}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_code_keeps_every_input_of_a_hostile_batch(corpus, coded, jobs):
    result, rows = coded[jobs]
    assert result.exit_code == 2, result.output  # some failed, the rest were coded
    expected = _expected(corpus)
    assert len(rows) == len(expected)  # one line per input: nothing lost
    assert [(r["id"], r.get("error", {}).get("kind")) for r in rows] == expected
    assert len({r["id"] for r in rows}) == len(rows)  # unique ids
    for r in rows:
        if "error" in r:
            assert r["error"]["message"].startswith(r["source"])  # the message names the input
            assert r["source"] in result.output  # and a stderr line names it
        else:
            assert_spans_ok(Record.from_dict(r))
    meta = next(r for r in rows if r["id"] == "meta")
    assert meta["title"] == "Title \\ud800" and meta["url"] == "https://example.org/\\udfff"


def test_code_with_two_jobs_gives_the_same_lines(coded):
    one, two = ([{k: v for k, v in r.items() if k != "provenance"} for r in coded[j][1]] for j in ("1", "2"))
    assert one == two


def test_ingest_stores_every_input_of_a_hostile_batch_and_a_rerun_goes_through(corpus, tmp_path):
    from wirecoder.store import Store

    db = str(tmp_path / "h.duckdb")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(corpus), "--db", db])
    assert first.exit_code == 2, first.output
    expected = _expected(corpus)
    n_err = sum(1 for _, kind in expected if kind)
    counts = Store(db, read_only=True).counts()
    assert counts["articles"] == len(expected) - n_err and counts["errors"] == n_err
    assert f"{len(expected)} input(s)" in first.output
    again = runner.invoke(cli, ["ingest", str(corpus), "--db", db])
    assert again.exit_code == 2, again.output
    assert f"{len(expected) - n_err} skipped" in again.output
    assert Store(db, read_only=True).counts()["articles"] == len(expected) - n_err
