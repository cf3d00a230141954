"""Reading inputs: folders, stdin, JSON Lines, WARC archives and text encodings (no spaCy needed)."""

import gzip
import io
import json

import pytest

from wirecoder.ingest import Input, Reader, iter_inputs, prepare
from wirecoder.settings import Settings

WIRE = (
    "VALDORIA, March 3. /NPA/. The foreign ministry of Valdoria on Monday accused its neighbour of "
    "shelling border villages, a spokeswoman said.\r\n"
    "\u201cWe will not accept this,\u201d Anna Korsak told reporters.\u00a0Talks are due in April.\r\n"
)

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title}</title></head>
<body><nav><a href="/">Home</a> <a href="/news">All news</a></nav>
<article><h1>{title}</h1>
<p>{body}</p>
<p>The minister added that a ceasefire agreement had not yet been fulfilled by the other side.</p>
</article><footer>Copyright 2024</footer></body></html>
"""


def records(paths, fmt="auto", settings=None, stdin=None):
    settings = settings or Settings()
    out = []
    for inp in iter_inputs([str(p) for p in paths], fmt, settings, stdin=stdin):
        out.append(inp if inp.error else prepare(inp, settings))
    return out


def test_plain_text_is_kept_byte_for_byte(tmp_path):
    f = tmp_path / "story.txt"
    f.write_bytes(WIRE.encode("utf-8"))
    (rec,) = records([f])
    assert rec.text == WIRE  # CRLF, curly quotes and the non-breaking space untouched
    assert rec.encoding == "utf-8"
    assert rec.id == "story" and rec.source == str(f)


def test_utf8_bom_is_removed_and_reported(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + WIRE.encode("utf-8"))
    (rec,) = records([f])
    assert rec.text == WIRE  # the BOM is an encoding mark, not the first character
    assert rec.encoding == "utf-8 (BOM)"


def test_utf16_with_bom(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes(WIRE.encode("utf-16"))
    (rec,) = records([f])
    assert rec.text == WIRE
    assert rec.encoding.startswith("utf-16") and "BOM" in rec.encoding


def test_cp1251_page_with_meta_charset(tmp_path):
    body = "Представитель министерства заявил в понедельник, что переговоры продолжатся в Женеве. " * 3
    f = tmp_path / "ru.html"
    f.write_bytes(PAGE.format(charset="windows-1251", title="Переговоры продолжатся", body=body).encode("cp1251"))
    (rec,) = records([f])
    assert rec.encoding == "windows-1251 (declared)"
    assert "Представитель министерства заявил" in rec.text
    assert rec.title == "Переговоры продолжатся"


def test_latin1_text_without_declaration_is_detected(tmp_path):
    text = ("Le ministre a déclaré lundi à Genève que les négociations reprendront après la trêve. "
            "Müller a ajouté : « Nous espérons un accord », selon l'agence. ") * 2
    f = tmp_path / "fr.txt"
    f.write_bytes(text.encode("latin-1"))
    (rec,) = records([f])
    assert rec.text == text
    assert rec.encoding.endswith("(detected)")


def test_declared_latin1_over_utf8_bytes_reads_utf8(tmp_path):
    # A stale server default: the page says ISO-8859-1 but the bytes are UTF-8.
    page = PAGE.format(charset="iso-8859-1", title="Gespräche in Zürich",
                       body="Der Sprecher sagte am Montag, die Gespräche in Zürich würden fortgesetzt. " * 3)
    f = tmp_path / "de.html"
    f.write_bytes(page.encode("utf-8"))
    (rec,) = records([f])
    assert "Gespräche in Zürich würden" in rec.text
    assert rec.encoding.startswith("utf-8")


def test_folder_is_read_recursively_in_sorted_order_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/z.txt", "b/a.txt", "a.txt", "c.txt", ".DS_Store", ".git/x.txt"):
        (tmp_path / name).write_text(f"Story {name}: the mayor said the bridge would reopen.\n")
    recs = records([tmp_path])
    assert [r.id for r in recs] == ["a", "b/a", "b/z", "c"]


def test_missing_path_gives_an_error_input(tmp_path):
    (inp,) = list(iter_inputs([str(tmp_path / "nope.txt")]))
    assert inp.error.kind == "not_found" and "nope.txt" in inp.error.message


def test_jsonl_fields(tmp_path):
    lines = [
        {"id": "x1", "text": WIRE, "url": "https://example.org/1", "date": "2024-03-04", "title": "Shelling"},
        {"id": "x2", "html": PAGE.format(charset="utf-8", title="Ceasefire talks",
                                         body="Officials said the truce was holding on Tuesday. " * 4)},
        {"text": "A third story: the council said it would vote on Friday."},
    ]
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    r1, r2, r3 = records([f])
    assert (r1.id, r1.text, r1.url, r1.reference_date, r1.title) == (
        "x1", WIRE, "https://example.org/1", "2024-03-04", "Shelling")
    assert r1.source == f"{f}:1"
    assert r2.input_format == "html" and "truce was holding" in r2.text and r2.title == "Ceasefire talks"
    assert r3.id == "batch:3"


def test_jsonl_text_may_hold_line_separators(tmp_path):
    # U+2028 and U+0085 are legal raw inside JSON strings; lines are split at \n only.
    text = "First paragraph.\u2028Second one\u0085third."
    f = tmp_path / "odd.jsonl"
    f.write_bytes(json.dumps({"id": "o", "text": text}, ensure_ascii=False).encode("utf-8") + b"\n")
    (rec,) = records([f])
    assert rec.text == text


def test_stdin_is_read_and_sniffed():
    lines = b'{"id": "s1", "text": "The army said it had withdrawn."}\n{"id": "s2", "text": "Rebels denied it."}\n'
    recs = records(["-"], stdin=io.BytesIO(lines))
    assert [r.id for r in recs] == ["s1", "s2"]
    (rec,) = records(["-"], stdin=io.BytesIO(WIRE.encode("utf-8")))
    assert rec.text == WIRE and rec.source == "<stdin>"


def test_gzipped_html_file(tmp_path):
    f = tmp_path / "page.html.gz"
    f.write_bytes(gzip.compress(PAGE.format(charset="utf-8", title="Strike on depot",
                                            body="Witnesses said a fuel depot was hit overnight. " * 4).encode()))
    (rec,) = records([f])
    assert rec.id == "page" and rec.input_format == "html" and "fuel depot was hit" in rec.text


def write_warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for url, status, ctype, body, date in pages:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                            warc_headers_dict={"WARC-Date": date})
            writer.write_record(rec)


def test_warc_html_responses_are_inputs(tmp_path):
    ru = PAGE.replace('<meta charset="{charset}">', "").format(
        title="Удар по складу", body="Местные власти сообщили, что склад горючего был поражён ночью. " * 3)
    en = PAGE.format(charset="utf-8", title="Port reopens",
                     body="The harbour authority said on Tuesday the port had reopened to grain ships. " * 3)
    f = tmp_path / "crawl.warc.gz"
    write_warc(f, [
        ("https://example.org/ru", "200 OK", "text/html; charset=windows-1251", ru.encode("cp1251"),
         "2024-05-06T08:00:00Z"),
        ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n....", "2024-05-06T08:00:01Z"),
        ("https://example.org/gone", "404 Not Found", "text/html", b"<html><body>Not found</body></html>",
         "2024-05-06T08:00:02Z"),
        ("https://example.org/en", "200 OK", "text/html", en.encode("utf-8"), "2024-05-07T09:30:00Z"),
    ])
    reader = Reader(Settings())
    inputs = list(reader.inputs([str(f)]))
    assert [i.url for i in inputs] == ["https://example.org/ru", "https://example.org/en"]
    assert reader.skipped[0] == 2
    ru_rec, en_rec = (prepare(i, Settings()) for i in inputs)
    assert ru_rec.encoding == "windows-1251 (declared)" and "склад горючего" in ru_rec.text
    assert ru_rec.reference_date == "2024-05-06"  # from WARC-Date: the page names no date
    assert en_rec.url == "https://example.org/en" and en_rec.reference_date == "2024-05-07"
    assert ru_rec.id == "crawl#1" and en_rec.source == f"{f}#2"


def test_damaged_warc_keeps_the_pages_before_the_damage(tmp_path):
    good = tmp_path / "good.warc"
    write_warc(good, [("https://example.org/a", "200 OK", "text/html",
                       PAGE.format(charset="utf-8", title="A", body="The court ruled on Monday. " * 5).encode(),
                       "2024-01-01T00:00:00Z")])
    bad = tmp_path / "bad.warc"
    bad.write_bytes(good.read_bytes() + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ntrunc")
    inputs = list(iter_inputs([str(bad)]))
    assert inputs[0].error is None and inputs[0].url == "https://example.org/a"
    assert inputs[-1].error is not None and inputs[-1].error.kind == "bad_warc"
    assert str(bad) in inputs[-1].error.message


def test_input_format_option_overrides_the_extension(tmp_path):
    f = tmp_path / "page.txt"
    f.write_text(PAGE.format(charset="utf-8", title="T", body="Police said two people were detained. " * 4))
    (as_text,) = records([f])
    assert as_text.input_format == "text" and as_text.text.startswith("<!DOCTYPE html>")
    (as_html,) = records([f], fmt="html")
    assert as_html.input_format == "html" and "<" not in as_html.text


def test_jsonl_date_must_be_iso(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"id": "d", "text": "The strike began.", "date": "last Tuesday"}) + "\n")
    (inp,) = list(iter_inputs([str(f)]))
    with pytest.raises(Exception) as exc:
        prepare(inp, Settings())
    assert exc.value.kind == "bad_date" and "last Tuesday" in str(exc.value)


def test_coder_strings_are_never_touched():
    # Text given as a string is the text: no BOM handling, no decoding.
    rec = prepare(Input(id="s", source="<string>", text="\ufeffMOSCOW, May 1. The talks ended."), Settings())
    assert rec.text.startswith("\ufeff")


def test_http_equiv_charset_and_koi8(tmp_path):
    body = "Пресс-секретарь сообщил журналистам, что визит министра отложен на неделю. " * 3
    page = PAGE.replace('<meta charset="{charset}">',
                        '<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">')
    f = tmp_path / "koi.html"
    f.write_bytes(page.format(title="Визит отложен", body=body).encode("koi8-r"))
    (rec,) = records([f])
    assert rec.encoding == "koi8-r (declared)" and "визит министра отложен" in rec.text


def test_xhtml_xml_declaration_names_the_charset(tmp_path):
    body = "Министр заявил, что соглашение о прекращении огня пока не выполнено. " * 3
    page = ('<?xml version="1.0" encoding="windows-1251"?>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Перемирие</title></head>'
            f"<body><article><p>{body}</p></article></body></html>")
    f = tmp_path / "x.xhtml"
    f.write_bytes(page.encode("cp1251"))
    (rec,) = records([f])
    assert rec.encoding == "windows-1251 (declared)" and "соглашение о прекращении огня" in rec.text
