"""Bad inputs each become one error record in their place, naming the input and the reason."""

import json

import pytest
from click.testing import CliRunner

from wirecoder.cli import cli
from wirecoder.errors import InputError
from wirecoder.ingest import iter_inputs, prepare
from wirecoder.ingest.html import tag_depth
from wirecoder.settings import Settings

GOOD = "KYIV, June 2. /WNA/. The regional governor said two drones were shot down overnight.\n"


def kind_of(path, settings=None, fmt="auto"):
    """The error kind one bad file gives (reading, then preparing)."""
    settings = settings or Settings()
    (inp,) = list(iter_inputs([str(path)], fmt, settings))
    if inp.error:
        assert str(path) in inp.error.message
        return inp.error.kind
    with pytest.raises(InputError) as exc:
        prepare(inp, settings)
    assert str(path) in str(exc.value)  # the message names the input
    return exc.value.kind


def test_empty_and_blank_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\r\n\t ")
    (tmp_path / "bom_only.txt").write_bytes(b"\xef\xbb\xbf")
    assert kind_of(tmp_path / "empty.txt") == "empty"
    assert kind_of(tmp_path / "blank.txt") == "empty"
    assert kind_of(tmp_path / "bom_only.txt") == "empty"


def test_binary_data(tmp_path):
    (tmp_path / "nul.txt").write_bytes(b"Some words\x00\x00\x00\x01\x02 more words")
    (tmp_path / "controls.txt").write_bytes(bytes([1, 2, 3, 4, 5, 6, 14, 15, 16]) * 50 + b"text")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    assert kind_of(tmp_path / "nul.txt") == "binary"
    assert kind_of(tmp_path / "controls.txt") == "binary"
    assert kind_of(tmp_path / "doc.pdf") == "binary"


def test_undecodable_bytes(tmp_path):
    # Claims UTF-16 by its BOM but has an odd number of bytes after it.
    (tmp_path / "bad16.txt").write_bytes(b"\xff\xfeA\x00B")
    assert kind_of(tmp_path / "bad16.txt") == "undecodable"


def test_a_3mb_single_line_is_too_large():
    settings = Settings()
    line = ("word " * 600_000).encode()  # 3 MB, no newline
    from wirecoder.ingest import Input

    with pytest.raises(InputError) as exc:
        prepare(Input(id="long", source="long.txt", raw=line), settings)
    assert exc.value.kind == "too_large" and "max_chars" in str(exc.value)


def test_file_over_max_bytes_is_refused_from_its_size(tmp_path, monkeypatch):
    f = tmp_path / "huge.txt"
    f.write_bytes(b"x" * 5000)
    settings = Settings(max_bytes=1000)

    def no_reading(*args, **kwargs):  # the size alone decides: the file is never opened
        raise AssertionError("file was opened")

    monkeypatch.setattr("builtins.open", no_reading)
    (inp,) = list(iter_inputs([str(f)], settings=settings))
    assert inp.error.kind == "too_large" and "max_bytes" in inp.error.message and str(f) in inp.error.message


def test_deeply_nested_html_is_refused_before_parsing(tmp_path):
    f = tmp_path / "deep.html"
    f.write_text("<html><body>" + "<div>" * 20_000 + "text" + "</div>" * 20_000 + "</body></html>")
    assert kind_of(f) == "too_deep"


def test_tag_depth_counts_like_a_forgiving_parser():
    assert tag_depth("<html><body><div><p>a<p>b<p>c</div></body></html>") == 4  # <p> closes <p>
    assert tag_depth("<div><br><img src=x><input/></div>") == 1  # void elements do not nest
    assert tag_depth("<div><script>" + "<div>" * 100 + "</script></div>") == 1
    assert tag_depth("<ul>" + "<li>x" * 500 + "</ul>") == 2


def test_broken_and_textless_json_lines(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_bytes(
        b'{"id": "ok", "text": "The envoy said talks were over."}\n'
        b'{"id": "broken", "text": "unterminated\n'
        b'{"id": "notext", "url": "https://example.org/x"}\n'
        b'["a", "list"]\n'
        b'{"id": "num", "text": 42}\n'
        b'{"id": "latin", "text": "caf\xe9"}\n'
    )
    inputs = list(iter_inputs([str(f)]))
    assert [i.error.kind if i.error else None for i in inputs] == [
        None, "bad_json", "no_text", "bad_json", "bad_json", "undecodable"]
    assert f"{f}:2" in inputs[1].error.message and f"{f}:3" in inputs[2].error.message


def test_over_long_json_line_is_skipped_and_the_next_is_read(tmp_path):
    f = tmp_path / "long.jsonl"
    big = json.dumps({"id": "big", "text": "x" * 5000})
    f.write_text(big + "\n" + json.dumps({"id": "next", "text": "The vote passed."}) + "\n")
    first, second = iter_inputs([str(f)], settings=Settings(max_bytes=1000))
    assert first.error.kind == "too_large"
    assert second.id == "next" and second.text == "The vote passed."


def test_lone_surrogate_in_json_is_an_error_not_a_crash(tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_text('{"id": "sur", "text": "bad \\ud800 text"}\n')
    assert kind_of(f) == "undecodable"


def test_html_without_article_text(tmp_path):
    f = tmp_path / "nav.html"
    f.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert kind_of(f) == "no_text"


def test_mixed_batch_through_the_cli_keeps_every_input(tmp_path):
    files = {
        "01_good.txt": GOOD.encode(),
        "02_empty.txt": b"",
        "03_binary.bin": b"\x00\x01\x02\x03" * 100,
        "04_deep.html": ("<div>" * 5000 + "x").encode(),
        "05_batch.jsonl": b'{"id": "j1", "text": "The mayor said the bridge reopened."}\n{oops\n{"id": "j3"}\n',
        "06_good.txt": GOOD.replace("two", "three").encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["code", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 2, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["01_good", "02_empty", "03_binary", "04_deep", "j1", "05_batch:2", "j3",
                                       "06_good"]
    assert [r.get("error", {}).get("kind") for r in rows] == [
        None, "empty", "binary", "too_deep", None, "bad_json", "no_text", None]
    for r in rows:
        if "error" in r:
            assert set(r) >= {"id", "source", "error"} and r["error"]["message"].startswith(r["source"])
            assert r["source"] in result.stderr  # one stderr line names each failed input
    assert "three drones" in rows[-1]["text"]


def test_same_file_names_in_different_folders_get_distinct_stable_ids(tmp_path):
    import hashlib

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(f"<p>{GOOD}</p>")
    files = [str(tmp_path / "a" / "index.html"), str(tmp_path / "b" / "index.html")]
    ids = [i.id for i in iter_inputs(files)]
    tag = hashlib.sha1(files[1].encode()).hexdigest()[:8]
    assert ids == ["index", f"index~{tag}"]
    assert [i.id for i in iter_inputs(files)] == ids  # the same in the next run
    folders = [str(tmp_path / "a"), str(tmp_path / "b")]  # two folders each with index.html
    ids = [i.id for i in iter_inputs(folders)]
    assert ids[0] == "index" and ids[1].startswith("index~") and len(set(ids)) == 2


def test_a_repeated_json_id_is_an_error_record_naming_the_first(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"id": "s1", "text": GOOD}) + "\n" + json.dumps({"id": "s1", "text": GOOD}) + "\n"
                 + json.dumps({"id": "feed:2", "text": GOOD}) + "\n")
    first, repeat, third = iter_inputs([str(f)])
    assert first.id == "s1" and first.error is None
    assert repeat.error.kind == "duplicate_id" and repeat.id == "feed:2"
    assert f"{f}:2" in repeat.error.message and f"{f}:1" in repeat.error.message
    assert third.error.kind == "duplicate_id"  # its id is the error record's: not coded twice under one id
    assert len({first.id, repeat.id, third.id}) == 3


def test_ingest_of_same_named_files_stores_and_counts_both(tmp_path):
    from wirecoder.store import Store

    for folder, text in (("a", GOOD), ("b", GOOD.replace("two", "five"))):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(text)
    db = str(tmp_path / "s.duckdb")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a" / "index.txt"), str(tmp_path / "b" / "index.txt"),
                                      "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 input(s): 2 added" in result.output
    assert Store(db, read_only=True).counts()["articles"] == 2


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "2024-02-29T25:61:00", "2023-02-29", "2024-13-01"])
def test_reference_dates_out_of_range_or_invalid_are_bad_date(date):
    from wirecoder.ingest import Input

    with pytest.raises(InputError) as exc:
        prepare(Input(id="d", source="d.jsonl:1", text=GOOD, date=date), Settings())
    assert exc.value.kind == "bad_date" and "d.jsonl:1" in str(exc.value) and date in str(exc.value)
    assert prepare(Input(id="d", source="d", text=GOOD, date="2024-02-29T23:59:00+02:00"),
                   Settings()).reference_date == "2024-02-29"


def test_an_svg_named_html_is_a_named_error(tmp_path):
    f = tmp_path / "logo.html"
    f.write_text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">'
                 '<text x="1" y="5">The minister said talks went on.</text></svg>')
    assert kind_of(f) == "not_html"


def test_decoding_utf16_and_utf32_without_a_bom(tmp_path):
    text = "The envoy said the talks would resume. Посол сказал, что переговоры продолжатся.\n"
    for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        f = tmp_path / f"{codec}.txt"
        f.write_bytes(text.encode(codec))
        (inp,) = iter_inputs([str(f)])
        assert inp.error is None and inp.text == text and inp.encoding == f"{codec} (no BOM)"


def test_a_utf16_declaration_over_utf8_bytes_is_read_as_utf8(tmp_path):
    f = tmp_path / "page.html"
    f.write_bytes('<html><head><meta charset="utf-16"></head><body><article><p>The caf\u00e9 owner said '
                  'the strike had ended after two weeks of talks with the union.</p></article></body></html>'
                  .encode("utf-8"))
    (inp,) = iter_inputs([str(f)])
    assert inp.error is None and "caf\u00e9 owner" in prepare(inp, Settings()).text


def test_leading_control_bytes_before_an_article_and_0xff_padding(tmp_path):
    f = tmp_path / "debris.txt"
    f.write_bytes(bytes([1, 2, 3, 4, 5, 6, 14, 15, 16]) * 20 + GOOD.encode() * 3)
    (inp,) = iter_inputs([str(f)])
    assert inp.error is None and inp.text.endswith(GOOD)  # the debris is kept, not judged
    (tmp_path / "ff.txt").write_bytes(b"\xff" * 4096)
    assert kind_of(tmp_path / "ff.txt") == "binary"


def test_the_library_and_api_path_escapes_surrogates_in_metadata():
    from wirecoder.ingest import Input

    rec = prepare(Input(id="api\udc00", source="<api>", text=GOOD, title="T\ud800", url="https://x.org/\udfff"),
                  Settings())
    assert (rec.id, rec.title, rec.url) == ("api\\udc00", "T\\ud800", "https://x.org/\\udfff")
    with pytest.raises(InputError) as exc:
        prepare(Input(id="h", source="<api>", html="<p>bad \udc00</p>", input_format="html"), Settings())
    assert exc.value.kind == "undecodable"
