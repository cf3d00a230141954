"""Datelines: place, agency and date read from the first line of the story body."""

import pytest

from wirecoder.record import Record
from wirecoder.structure import StructurePatterns, analyse

from conftest import assert_spans_ok

PATTERNS = StructurePatterns.load()  # as a Coder's Resources holds them

BODY = " Officials met on Tuesday to discuss the border crossing, a spokesman said.\nThe talks will continue next week, he added."

FORMATS = [
    # (opening, place, agency, date with reference 2026-10-02)
    ("MOSCOW, September 29. /TASS/.", "Moscow", "TASS", "2026-09-29"),
    ("WASHINGTON (Reuters) -", "Washington", "Reuters", None),
    ("LONDON, Jan 5 (AFP) -", "London", "AFP", "2026-01-05"),
    ("BEIRUT —", "Beirut", None, None),
    ("DAMASCUS, Sept. 30 (Xinhua) --", "Damascus", "Xinhua", "2026-09-30"),
    ("UNITED NATIONS (AP) —", "United Nations", "AP", None),
    ("KYIV, 3 March 2022 (Ukrinform) -", "Kyiv", "Ukrinform", "2022-03-03"),
    ("BEIJING, Oct. 1 /Xinhua/ --", "Beijing", "Xinhua", "2026-10-01"),
    ("ANKARA/ISTANBUL (Reuters) -", "Ankara/Istanbul", "Reuters", None),
    ("Moscow. 29 September. INTERFAX -", "Moscow", "Interfax", "2026-09-29"),
    ("NEW DELHI, Sep 2 (IANS):", "New Delhi", "IANS", "2026-09-02"),
    ("ISTANBUL (AA) -", "Istanbul", "Anadolu", None),
    ("KYIV, Ukraine (AP) —", "Kyiv", "AP", None),
    ("RIO DE JANEIRO, Aug. 14 (Reuters) -", "Rio de Janeiro", "Reuters", "2026-08-14"),
    ("ST. PETERSBURG, June 3. /TASS/.", "St. Petersburg", "TASS", "2026-06-03"),
    ("WASHINGTON, Sept 29, 2025 (Reuters) -", "Washington", "Reuters", "2025-09-29"),
    ("JEDDAH, Saudi Arabia --", "Jeddah", None, None),
    ("RYE, N.H. -", "Rye", None, None),
]


def code_text(text, reference_date=None, published=None):
    record = Record(id="t", source="test", text=text, reference_date=reference_date, published=published)
    analyse(record, PATTERNS)
    return record


@pytest.mark.parametrize("opening,place,agency,date", FORMATS)
def test_each_wire_format_gives_place_agency_and_date(opening, place, agency, date):
    text = "Ministers meet to discuss border crossing\n" + opening + BODY
    record = code_text(text, reference_date="2026-10-02")
    assert record.dateline is not None, opening
    assert record.dateline.place == place
    assert record.dateline.agency == agency
    assert record.dateline.date == date
    assert record.dateline.span.text == opening
    assert_spans_ok(record)


def test_year_is_chosen_across_the_year_boundary():
    # Filed on December 30, published on January 2: the story is from last year.
    late = code_text("PARIS, Dec 30 (AFP) -" + BODY, reference_date="2027-01-02")
    assert late.dateline.date == "2026-12-30"
    # A dateline a day ahead of the page clock (time zones) stays in the same year.
    ahead = code_text("TOKYO, Jan 3 (Kyodo) -" + BODY, reference_date="2027-01-02")
    assert ahead.dateline.date == "2027-01-03"
    # More than a few days ahead of the reference date: the date is in the past year.
    january = code_text("LONDON, Jan 5 (AFP) -" + BODY, reference_date="2026-12-28")
    assert january.dateline.date == "2026-01-05"


def test_dateline_on_a_line_of_its_own():
    record = code_text("Ceasefire talks resume in Lebanon\nBEIRUT —\nOfficials met on Tuesday to discuss the truce, a spokesman said.")
    assert record.dateline.place == "Beirut"
    assert record.dateline.span.text == "BEIRUT —"
    assert record.title == "Ceasefire talks resume in Lebanon"


def test_em_dash_without_a_space():
    record = code_text("BOSTON —Officials met on Tuesday to discuss the strike, a union spokesman said.")
    assert record.dateline.place == "Boston"
    assert record.dateline.span.text == "BOSTON —"


def test_published_date_is_used_when_there_is_no_reference_date():
    record = code_text("GENEVA, Nov 12 (Reuters) -" + BODY, published="2026-11-12T16:05:00Z")
    assert record.dateline.date == "2026-11-12"


def test_no_reference_date_and_no_year_leaves_the_date_empty():
    record = code_text("GENEVA, Nov 12 (Reuters) -" + BODY)
    assert record.dateline.place == "Geneva"
    assert record.dateline.date is None


def test_page_timestamp_above_the_headline_gives_the_year():
    text = "All news\n29 SEP 2026, 15:40\nKremlin comments on shipping talks\nMOSCOW, September 29. /TASS/." + BODY
    record = code_text(text)
    assert record.published == "2026-09-29"
    assert record.dateline.date == "2026-09-29"


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE — Officials met on Tuesday to discuss the border crossing.\nMore follows.",
        "NATO - Officials met on Tuesday to discuss the border crossing.",
        "The minister said - after a long pause - that the talks would continue on Friday.",
        "Russia (which denies the claim) says its forces did not attack the town.",
        "BREAKING: Officials met on Tuesday to discuss the border crossing.",
    ],
)
def test_sentences_and_labels_are_not_datelines(text):
    assert code_text(text, reference_date="2026-10-02").dateline is None


def test_dateline_in_a_coded_article(coder):
    record = coder.code("LONDON, Jan 5 (AFP) -" + BODY, date="2026-01-06")
    assert record.dateline.place == "London"
    assert record.dateline.agency == "AFP"
    assert record.dateline.date == "2026-01-05"
    assert_spans_ok(record)
