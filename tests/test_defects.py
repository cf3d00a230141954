"""Debris and truncated sentences are marked as defects over the text, never removed."""

import pytest

from wirecoder.record import Record
from wirecoder.structure import StructurePatterns, analyse

from conftest import assert_spans_ok

PATTERNS = StructurePatterns.load()  # as a Coder's Resources holds them

PARA1 = "OSLO, March 4 (NTB) - Norway's foreign minister said on Wednesday that talks on the fishing dispute would resume next month."
PARA2 = '"We are ready to listen to every proposal that is put on the table," the minister told reporters in Oslo.'
PARA3 = "The two sides failed to reach an agreement at the last round of negotiations in January, officials said."


def analysed(text, **kw):
    record = Record(id="t", source="test", text=text, **kw)
    analyse(record, PATTERNS)
    assert_spans_ok(record)
    return record


def kinds_by_text(record):
    return {d.text: d.kind for d in record.defects}


@pytest.mark.parametrize(
    "line",
    [
        "All news",
        "Read more",
        "Share",
        "Subscribe to our channel",
        "Follow us on Telegram",
        "Advertisement",
        "Also read: Ministers meet in Bergen",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Tags: Norway, Fisheries, Diplomacy",
        "Photo: A trawler in the harbour (NTB/Ola Hansen)",
        "© 2026 NTB",
        "Print version",
        "Home | World | Politics | Business",
        "Reporting by Kari Nordmann; Editing by Per Olsen",
    ],
)
def test_page_furniture_line_is_debris(line):
    text = "\n".join([line, "Norway seeks new round of fishing talks", PARA1, PARA2, line, PARA3])
    record = analysed(text)
    debris = [d for d in record.defects if d.kind == "debris"]
    assert [d.text for d in debris] == [line, line]
    # Marked, not deleted: the text is unchanged and the spans point into it.
    assert record.text == text
    for d in debris:
        assert record.text[d.start : d.end] == line


def test_headline_and_prose_are_not_debris():
    text = "\n".join(["All news", "Share prices of fishing firms rise after Oslo talks", PARA1, PARA2, PARA3])
    record = analysed(text)
    assert [d.text for d in record.defects] == ["All news"]
    assert record.title == "Share prices of fishing firms rise after Oslo talks"


def test_section_label_above_the_headline_is_debris():
    record = analysed("\n".join(["Politics", "Norway seeks new round of fishing talks", PARA1, PARA2, PARA3]))
    assert kinds_by_text(record) == {"Politics": "debris"}
    assert record.title_span.text == "Norway seeks new round of fishing talks"


def test_sentence_cut_mid_word_before_a_heading_is_truncated():
    cut = 'He said the ministry would publish the figures. "The quotas for next year will be set only after the talks," Eide a'
    text = "\n".join([PARA1, PARA2, cut, "Quotas at stake", PARA3])
    record = analysed(text)
    truncated = [d for d in record.defects if d.kind == "truncated_sentence"]
    assert len(truncated) == 1
    # Only the cut sentence is marked; the complete one before it stays prose.
    assert truncated[0].text == '"The quotas for next year will be set only after the talks," Eide a'
    assert [h.text for h in record.headings] == ["Quotas at stake"]


def test_sentence_cut_at_the_end_of_the_text_is_truncated():
    cut = "The ministry said the next round would take place in Bergen. Both delegations are expected to bring new proposals to the"
    record = analysed("\n".join([PARA1, PARA2, cut]))
    assert [d.text for d in record.defects if d.kind == "truncated_sentence"] == [
        "Both delegations are expected to bring new proposals to the"
    ]


def test_cut_before_debris_is_truncated():
    cut = '"We will not accept quotas imposed from outside," the minister said, adding that the government was prepared to wa'
    record = analysed("\n".join([PARA1, PARA2, cut, "Read more", "Tags: Norway"]))
    assert [d.text for d in record.defects if d.kind == "truncated_sentence"] == [cut]


@pytest.mark.parametrize(
    "text",
    [
        # Complete paragraphs around a heading.
        "\n".join([PARA1, PARA2, "Quotas at stake", PARA3]),
        # One line without a full stop: a caption or a typed test sentence, not a cut.
        "Norway's foreign minister met his Icelandic counterpart in Oslo on Wednesday",
        # Paragraphs that end on a complete word without a full stop (lists, credits) before a heading.
        "\n".join([PARA1, "Tickets are available at the theatre box office and online at the website of the festival", "Programme", PARA3]),
        # A paragraph that ends with a closing quote or a question mark.
        "\n".join([PARA1, 'Asked about sanctions, he said: "We will see."', "Will the talks resume?", PARA3]),
        # Hard-wrapped plain text: lines end mid-sentence by design.
        "\n".join(
            [
                "OSLO, March 4 (NTB) - Norway's foreign minister said on Wednesday that",
                "talks on the fishing dispute with Iceland would resume next month after",
                "a pause of almost a year, according to a statement published by the",
                "ministry in Oslo.",
                "",
                "The two sides failed to reach an agreement at the last round of talks",
                "in Reykjavik in January, officials said, and both governments have since",
                "accused each other of overfishing in the disputed waters of the North",
                "Atlantic.",
            ]
        ),
    ],
)
def test_complete_text_has_no_truncation(text):
    record = analysed(text)
    assert [d for d in record.defects if d.kind == "truncated_sentence"] == []


def test_coded_article_keeps_text_and_marks_defects(coder):
    cut = '"The quotas for next year will be set only after the talks," Eide a'
    text = "All news\nNorway seeks new round of fishing talks\n" + PARA1 + "\n" + cut + "\nQuotas at stake\n" + PARA3 + "\nShare\n"
    record = coder.code(text)
    assert record.text == text
    assert {d.kind for d in record.defects} == {"debris", "truncated_sentence"}
    assert_spans_ok(record)


def test_hand_cleaned_articles_are_rarely_marked_truncated(shared):
    """NAEB bodies were cleaned by hand: almost none should carry a truncation mark."""
    import json

    articles = json.loads((shared / "data" / "naeb" / "articles.json").read_text(encoding="utf-8"))
    marked = 0
    for key, a in articles.items():
        record = analysed(a.get("articleBody") or " ", published=a.get("date"))
        marked += any(d.kind == "truncated_sentence" for d in record.defects)
    assert marked / len(articles) < 0.02


def test_in_defect_can_ask_for_one_kind():
    cut = 'He said the ministry would publish the figures. "The quotas for next year will be set only after the talks," Eide a'
    text = "\n".join(["All news", "Norway seeks new round of fishing talks", PARA1, cut, "Quotas at stake", PARA3])
    record = analysed(text)
    at = text.index("Eide a")
    assert record.in_defect(at, at + 6)
    assert not record.in_defect(at, at + 6, kinds=("debris",))
    assert record.in_defect(0, 3, kinds=("debris",))
