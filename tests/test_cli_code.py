"""`wirecoder code`: one JSON line per input, in input order, exit codes, stdin, -o, --jobs, --date."""

import io
import json

import pytest
from click.testing import CliRunner

from wirecoder.cli import cli
from wirecoder.record import ErrorRecord, Record, from_dict

from conftest import assert_spans_ok

STORIES = [
    "OSTRAVA, May 4. /CNA/. The defence minister said on Thursday that the army would hold exercises near the "
    "border next week.\n",
    "LUSAKA, May 5. /ZNA/. Opposition leaders accused the electoral commission of delaying the count, "
    "a party spokesman said.\n",
    "QUITO, May 6. /ENA/. The president met the visiting foreign minister and signed a trade agreement.\n",
]


def run(args, input=None):
    return CliRunner().invoke(cli, ["code", *args], input=input)


def lines_of(text):
    return [from_dict(json.loads(line)) for line in text.splitlines() if line.strip()]


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i, text in enumerate(STORIES, 1):
        (d / f"story{i}.txt").write_text(text, encoding="utf-8")
    return d


def test_folder_to_stdout_exit_0(folder):
    result = run([str(folder)])
    assert result.exit_code == 0, result.stderr
    recs = lines_of(result.stdout)
    assert [r.id for r in recs] == ["story1", "story2", "story3"]
    assert all(isinstance(r, Record) for r in recs)
    assert [r.text for r in recs] == STORIES
    for r in recs:
        assert_spans_ok(r)
        assert r.provenance  # versions that shape the output


def test_output_file(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run([str(folder), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_stdin_plain_text_and_jsonl():
    result = run(["-"], input=STORIES[0])
    assert result.exit_code == 0
    (rec,) = lines_of(result.stdout)
    assert rec.text == STORIES[0] and rec.source == "<stdin>"
    jsonl = "".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(STORIES))
    result = run(["--input-format", "jsonl"], input=jsonl)  # no PATH: stdin
    assert [r.id for r in lines_of(result.stdout)] == ["n0", "n1", "n2"]


def test_some_failed_exit_2_and_stderr_names_them(folder):
    (folder / "story2b.txt").write_bytes(b"")
    result = run([str(folder)])
    assert result.exit_code == 2
    recs = lines_of(result.stdout)
    assert [r.id for r in recs] == ["story1", "story2", "story2b", "story3"]
    assert isinstance(recs[2], ErrorRecord) and recs[2].error.kind == "empty"
    assert "story2b.txt" in result.stderr and "empty" in result.stderr


def test_jobs_2_keeps_order_and_count_in_a_mixed_batch(tmp_path):
    d = tmp_path / "mixed"
    d.mkdir()
    expected = []
    for i in range(14):
        name = f"{i:02d}"
        if i % 4 == 1:
            (d / f"{name}.txt").write_bytes(b"\x00\x01binary")
            expected.append((name, "binary"))
        elif i % 4 == 3:
            (d / f"{name}.jsonl").write_text('{"id": "' + name + '"}\n')
            expected.append((name, "no_text"))
        else:
            (d / f"{name}.txt").write_text(STORIES[i % 3].replace("May", f"May {i},"))
            expected.append((name, None))
    serial = run([str(d), "--jobs", "1"])
    parallel = run([str(d), "--jobs", "2"])
    assert serial.exit_code == parallel.exit_code == 2
    for result in (serial, parallel):
        recs = lines_of(result.stdout)
        got = [(r.id, r.error.kind if isinstance(r, ErrorRecord) else None) for r in recs]
        assert got == expected
    assert parallel.stdout == serial.stdout  # same records, same order, whatever the number of workers


def test_date_option_is_the_reference_date_for_inputs_without_one(folder, tmp_path):
    result = run([str(folder / "story1.txt"), "--date", "2024-05-06"])
    (rec,) = lines_of(result.stdout)
    assert rec.reference_date == "2024-05-06"
    j = tmp_path / "dated.jsonl"
    j.write_text(json.dumps({"id": "d", "text": STORIES[0], "date": "2023-01-02"}) + "\n")
    (rec,) = lines_of(run([str(j), "--date", "2024-05-06"]).stdout)
    assert rec.reference_date == "2023-01-02"  # the input's own date wins


def test_bad_options_are_usage_errors(folder):
    assert run([str(folder), "--date", "06/05/2024"]).exit_code == 2
    assert "YYYY-MM-DD" in run([str(folder), "--date", "yesterday"]).stderr
    assert run([str(folder), "--jobs", "0"]).exit_code == 2
    assert run([str(folder), "--input-format", "pdf"]).exit_code == 2


def test_all_failed_still_writes_one_line_each(tmp_path):
    result = run([str(tmp_path / "missing.txt"), str(tmp_path / "also-missing.html")])
    assert result.exit_code == 2
    recs = lines_of(result.stdout)
    assert [r.error.kind for r in recs] == ["not_found", "not_found"]


def test_html_and_warc_through_the_cli(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = ("<html><head><title>Port reopens</title></head><body><article><h2>Grain</h2><p>"
            + "The harbour authority said the port had reopened to grain ships. " * 3
            + "</p></article></body></html>").encode()
    path = tmp_path / "crawl.warc"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://example.org/port", "response", payload=io.BytesIO(page), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-07-01T12:00:00Z"}))
    result = run([str(path)])
    assert result.exit_code == 0, result.stderr
    (rec,) = lines_of(result.stdout)
    assert rec.url == "https://example.org/port" and rec.reference_date == "2024-07-01"
    assert [h.text for h in rec.headings] == ["Grain"]
    assert_spans_ok(rec)


def test_a_worker_that_dies_costs_only_its_input(folder, monkeypatch):
    # Simulate a native crash on one article: the worker process exits mid-batch.
    import os

    from wirecoder.pipeline import Coder

    real = Coder.code_inputs

    def crashing(self, inputs):
        inputs = list(inputs)
        if any("CRASH-ME" in (i.text or "") for i in inputs):
            os._exit(3)
        return real(self, inputs)

    monkeypatch.setattr(Coder, "code_inputs", crashing)
    (folder / "story2c.txt").write_text("CRASH-ME: the parser dies on this one.\n")
    result = run([str(folder), "--jobs", "2"])
    assert result.exit_code == 2
    recs = lines_of(result.stdout)
    assert [r.id for r in recs] == ["story1", "story2", "story2c", "story3"]
    assert [type(r).__name__ for r in recs] == ["Record", "Record", "ErrorRecord", "Record"]
    assert recs[2].error.kind == "crashed" and "story2c.txt" in recs[2].error.message
