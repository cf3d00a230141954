"""Headline and subheadings: short lines without final punctuation, found as spans."""

from wirecoder.record import Record, Span
from wirecoder.structure import StructurePatterns, analyse

from conftest import assert_spans_ok

PATTERNS = StructurePatterns.load()  # as a Coder's Resources holds them

HEADLINE = "Chile and Peru agree to reopen border crossings"
STANDFIRST = "The foreign ministers also discussed migration and trade at a meeting in Lima"
P1 = "LIMA, May 12 (EFE) - The foreign ministers of Chile and Peru agreed on Tuesday to reopen three border crossings closed since March."
P2 = '"This is good news for thousands of families on both sides," Peruvian Foreign Minister Rosa Quispe told reporters.'
P3 = "Chilean Foreign Minister Tomas Vidal said the crossings would reopen gradually, starting with the Chacalluta post."
P4 = "The ministers did not discuss the maritime boundary, officials said."


def analysed(text, **kw):
    record = Record(id="t", source="test", text=text, **kw)
    analyse(record, PATTERNS)
    assert_spans_ok(record)
    return record


def test_headline_on_top_becomes_title_and_title_span():
    text = "\n".join(["All news", HEADLINE, STANDFIRST, P1, P2])
    record = analysed(text)
    assert record.title == HEADLINE
    assert record.title_span.text == HEADLINE
    assert record.text[record.title_span.start : record.title_span.end] == HEADLINE


def test_given_title_is_kept_and_located():
    record = analysed("\n".join([HEADLINE, P1, P2]), title="Chile, Peru reopen border (updated)")
    assert record.title == "Chile, Peru reopen border (updated)"
    # The headline line of the text is still located, even when the given title differs.
    assert record.title_span.text == HEADLINE


def test_subheadings_between_paragraphs_are_found():
    text = "\n\n".join([HEADLINE, P1, P2, "Gradual reopening", P3, "Maritime dispute left aside", P4])
    record = analysed(text)
    assert [h.text for h in record.headings] == ["Gradual reopening", "Maritime dispute left aside"]


def test_short_question_between_paragraphs_is_a_subheading():
    text = "\n".join([HEADLINE, P1, P2, "What happens to the maritime dispute?", P4])
    assert [h.text for h in analysed(text).headings] == ["What happens to the maritime dispute?"]
    # A quoted question is speech, not a heading.
    quoted = "\n".join([HEADLINE, P1, P2, '"Why now?" asked one official.', P4])
    assert analysed(quoted).headings == []


def test_headline_standfirst_and_dateline_are_not_subheadings():
    text = "\n".join([HEADLINE, STANDFIRST, P1, P2, P3])
    record = analysed(text)
    assert record.headings == []
    assert record.dateline.place == "Lima"
    assert record.dateline.agency == "EFE"


def test_debris_and_sentences_are_not_subheadings():
    text = "\n".join([HEADLINE, P1, "Read more", P2, "He declined to comment.", P3, "Share", "Tags: Chile, Peru"])
    record = analysed(text)
    assert record.headings == []


def test_short_line_at_the_end_is_not_a_subheading():
    text = "\n".join([HEADLINE, P1, P2, "Lima newsroom"])
    assert analysed(text).headings == []


def test_headings_from_html_extraction_are_kept_not_duplicated():
    text = "\n".join([P1, P2, "Gradual reopening", P3, P4])
    start = text.index("Gradual reopening")
    given = [Span(start, start + len("Gradual reopening"), "Gradual reopening")]
    record = Record(id="t", source="test", text=text, headings=list(given))
    analyse(record, PATTERNS)
    assert record.headings == given


def test_html_page_subheadings(coder):
    page = f"""<html><head><title>{HEADLINE}</title>
    <meta property="og:title" content="{HEADLINE}">
    <meta property="article:published_time" content="2026-05-12T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/news">All news</a></nav>
    <article><h1>{HEADLINE}</h1><p>{P1}</p><p>{P2}</p><h2>Gradual reopening</h2><p>{P3}</p><p>{P4}</p></article>
    <footer>© 2026 Example News</footer></body></html>"""
    record = coder.code(html=page)
    assert [h.text for h in record.headings] == ["Gradual reopening"]
    assert record.dateline.date == "2026-05-12"
    assert_spans_ok(record)
