"""A corpus of hostile inputs, coded in one batch: each gives a record or an error record
in its place, the batch goes on, and nothing is lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wirecoder import Coder, Settings
from wirecoder.ingest import Input
from wirecoder.record import ErrorRecord, Record

from conftest import assert_spans_ok

GOOD = "MOSCOW, September 29. /TASS/. Kremlin spokesman Dmitry Peskov said talks would go on.\n"

# name -> (bytes, expected: "record" | "error" | "either")
HOSTILE: dict[str, tuple[bytes, str]] = {
    "01_empty.txt": (b"", "error"),
    "02_binary.txt": (bytes(range(256)) * 40, "error"),
    "03_nul_bytes.txt": (b"The minister\x00 said\x00\x00 nothing.\x00" * 20, "either"),
    "04_invalid_utf8.txt": ("Le ministre a d\u00e9clar\u00e9 que la tr\u00eave tient.".encode("latin-1"), "record"),
    "05_mixed_encodings.txt": ("Peskov said \u201cyes\u201d. ".encode("utf-8") + "Caf\u00e9 ferm\u00e9.".encode("cp1252"), "record"),
    "06_three_mb_line.txt": (b"word " * 600_000, "error"),
    "07_deep_nesting.html": (b"<html><body>" + b"<div>" * 20_000 + b"text" + b"</div>" * 20_000 + b"</body></html>", "error"),
    "08_unbalanced_quotes.txt": ('He said "this will not stand. And \u201cnever\u201d again \u00abok.\n"She said'.encode(), "record"),
    "09_nested_quotes.txt": ('Peskov said: "He told us \'they \u201cwill\u201d leave\' yesterday," adding nothing.'.encode(), "record"),
    "10_right_to_left.txt": ("\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0625\u0646 \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a \u0633\u062a\u0633\u062a\u0645\u0631. \u05d4\u05d5\u05d0 \u05d0\u05de\u05e8.".encode(), "record"),
    "11_emoji.txt": ("The minister \U0001f600 said \U0001f1f7\U0001f1fa talks \U0001f91d went well \U0001f44d.".encode(), "record"),
    "12_only_punctuation.txt": (b"?!.,;:--\"'()[]{}...\n!!!", "record"),
    "13_one_word.txt": (b"Ceasefire", "record"),
    "14_good.txt": (GOOD.encode(), "record"),
}


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    for name, (data, _) in HOSTILE.items():
        (d / name).write_bytes(data)
    return d


def start_cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "wirecoder.cli", "code", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(proc: subprocess.Popen) -> subprocess.CompletedProcess:
    try:
        out, err = proc.communicate(timeout=300)
    finally:
        proc.kill()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.fixture(scope="module")
def cli_runs(hostile_dir, tmp_path_factory):
    """The module's two `wirecoder code` runs, each a process of its own, started side by side (each
    spends most of its time loading spaCy): name -> (the run, its output file)."""
    big_dir = tmp_path_factory.mktemp("big")
    big = big_dir / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing 50 MB
    good = big_dir / "zz_good.txt"
    good.write_text(GOOD, encoding="utf-8")
    outs = {"hostile": big_dir / "hostile.jsonl", "big": big_dir / "big.jsonl"}
    procs = {"hostile": start_cli(str(hostile_dir), "-o", str(outs["hostile"])),
             "big": start_cli(str(big), str(good), "-o", str(outs["big"]))}
    try:
        return {name: (finished(proc), outs[name]) for name, proc in procs.items()}
    finally:
        for proc in procs.values():
            proc.kill()


def test_hostile_batch_loses_nothing_and_goes_on(cli_runs):
    result, out = cli_runs["hostile"]
    assert result.returncode == 2, result.stderr  # some inputs failed, the rest were coded
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(HOSTILE)  # records + error records == inputs
    for (name, (_, expected)), line in zip(sorted(HOSTILE.items()), lines):
        assert line["source"].endswith(name)  # input order kept
        if expected == "error":
            assert "error" in line, name
            assert line["error"]["kind"] and name in line["error"]["message"] or name in line["source"]
            assert name in result.stderr  # a stderr line names the input
        elif expected == "record":
            assert "error" not in line, (name, line.get("error"))
            rec = Record.from_dict(line)
            assert_spans_ok(rec)


def test_fifty_megabyte_file_is_refused_by_the_size_limit(cli_runs):
    result, out = cli_runs["big"]
    assert result.returncode == 2
    first, second = [json.loads(line) for line in out.read_text().splitlines()]
    assert first["error"]["kind"] == "too_large"
    assert "huge.txt" in first["error"]["message"] and "max_bytes" in first["error"]["message"]
    assert "error" not in second


def test_pathological_article_is_cut_off_and_the_batch_goes_on(coder):
    # A time limit far below what coding takes stands in for a pathological article.
    # (The session's spaCy pipeline: a Coder's settings, not its model load, are what is tested.)
    cut = Coder(Settings(article_timeout=0.000001), nlp=coder.nlp)
    long_text = GOOD * 200
    outs = list(cut.code_inputs([Input(id="slow", source="<slow>", text=long_text)]))
    assert isinstance(outs[0], ErrorRecord) and outs[0].error.kind == "timeout"
    assert "<slow>" in outs[0].error.message
    relaxed = Coder(Settings(article_timeout=60), nlp=coder.nlp)
    outs = list(relaxed.code_inputs([Input(id="slow", source="<slow>", text=long_text), Input(id="ok", source="<ok>", text=GOOD)]))
    assert [type(o) for o in outs] == [Record, Record]


def test_the_time_limit_bounds_the_parse_of_a_huge_article_in_a_worker_thread(coder):
    # 30,000 one-word sentences: the parse alone takes several times the limit, and a server codes
    # in a worker thread, where SIGALRM never fired.
    import threading
    import time

    limited = Coder(Settings(article_timeout=1), nlp=coder.nlp)
    limited.warm_up()
    text = "Stop. " * 30_000
    box = {}

    def work():
        t0 = time.monotonic()
        box["out"] = list(limited.code_inputs([Input(id="huge", source="<huge>", text=text),
                                             Input(id="ok", source="<ok>", text=GOOD)]))
        box["s"] = time.monotonic() - t0

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(120)
    huge, ok = box["out"]
    assert isinstance(huge, ErrorRecord) and huge.error.kind == "timeout" and "<huge>" in huge.error.message
    assert isinstance(ok, Record)
    assert box["s"] < 10  # cut off near 1 s, not after the whole parse


def test_a_long_text_is_parsed_in_pieces_that_join_back_into_it(coder, monkeypatch):
    from wirecoder import long_text, pipeline

    paragraphs = [GOOD.replace("Peskov", name) for name in ("Peskov", "Lavrov", "Zakharova", "Shoigu")] * 6
    text = "\n".join(paragraphs)
    parts = long_text.pieces(text, size=400)
    assert "".join(parts) == text and all(len(p) <= 400 for p in parts) and len(parts) > 3
    assert all(p.endswith("\n") for p in parts[:-1])  # cut at line breaks, not inside a sentence
    whole = coder.code(text, id="long")
    monkeypatch.setattr(long_text, "PIECE_CHARS", 400)
    monkeypatch.setattr(long_text, "LONG_TEXT", 1000)
    monkeypatch.setattr(pipeline, "LONG_TEXT", 1000)
    pieced = coder.code(text, id="long")
    assert_spans_ok(pieced)
    assert pieced.text == text and len(pieced.sentences) == len(whole.sentences)
    assert pieced.to_dict()["statements"] == whole.to_dict()["statements"] and whole.statements
    assert pieced.to_dict()["events"] == whole.to_dict()["events"]
