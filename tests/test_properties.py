"""Property-based tests: any text or bytes gives a record or an error record, never an
exception out of the batch; every span lies inside the text and equals its slice; the
indexes that statements and events carry point at things that exist."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirecoder.ingest import Input
from wirecoder.ingest.readers import iter_inputs
from wirecoder.record import ErrorRecord, Record

from conftest import assert_spans_ok

# Text built from the pieces wire stories are made of, so that the generator reaches
# quotes, cues, datelines and debris instead of only random letters.
PIECES = st.sampled_from(
    [
        "MOSCOW, September 29. /TASS/. ", "WASHINGTON (Reuters) - ", "All news\n", "Read more\n",
        "\u201c", "\u201d", '"', "\u00ab", "\u00bb", "'", " said", " Peskov added.", " he said. ",
        "The Kremlin", " accused ", "the United States", " of ", "strikes on Aleppo", ".", ",",
        "\n", "\n\n", "\u00a0", " ", "according to officials", " has not yet fulfilled ",
        " hopes that ", "Lavrov and Kerry agreed", " on Thursday", "\u202eRTL\u202c", "\u05e9\u05dc\u05d5\u05dd",
        "\U0001f600", "\x00", "\ufeff", "Peskov a", "Syrian troops withdrew", "(AFP)", " -- ",
    ]
)
WIRE_TEXT = st.lists(PIECES, min_size=0, max_size=40).map("".join)
ANY_TEXT = st.one_of(WIRE_TEXT, st.text(max_size=300))

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_output(out) -> None:
    assert isinstance(out, (Record, ErrorRecord))
    if isinstance(out, ErrorRecord):
        assert out.error.kind and out.error.message
        return
    assert_spans_ok(out)
    for st_ in out.statements:
        assert st_.content or st_.speaker or st_.cue
    for sp in out.speakers:
        assert all(0 <= i < len(out.statements) for i in sp.statements)
    for ev in out.events:
        assert ev.statement is None or 0 <= ev.statement < len(out.statements)
        assert ev.trigger.text == out.text[ev.trigger.start : ev.trigger.end]


@FAST
@given(texts=st.lists(ANY_TEXT, min_size=1, max_size=4))
def test_any_text_gives_one_output_per_input_in_order(coder, texts):
    inputs = [Input(id=f"t{i}", source=f"<t{i}>", text=t) for i, t in enumerate(texts)]
    outputs = list(coder.code_inputs(inputs))
    assert [o.id for o in outputs] == [i.id for i in inputs]
    for text, out in zip(texts, outputs):
        check_output(out)
        if isinstance(out, Record):
            assert out.text == text  # kept byte for byte


@FAST
@given(data=st.binary(max_size=2000))
def test_any_bytes_give_a_record_or_an_error(coder, data, tmp_path_factory):
    path = tmp_path_factory.mktemp("bytes") / "input.txt"
    path.write_bytes(data)
    inputs = list(iter_inputs([str(path)]))
    assert len(inputs) == 1
    (out,) = list(coder.code_inputs(inputs))
    check_output(out)


@FAST
@given(body=WIRE_TEXT)
def test_any_html_page_gives_a_record_or_an_error(coder, body):
    html = f"<html><head><title>T</title></head><body><article><p>{body}</p></article></body></html>"
    (out,) = list(coder.code_inputs([Input(id="h", source="<h>", html=html, input_format="html")]))
    check_output(out)
