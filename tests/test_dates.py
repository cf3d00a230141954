"""Time expressions resolved to ISO dates against the dateline date or the reference date."""

import pytest

from wirecoder.dates import DatePatterns

from conftest import assert_spans_ok

ANCHOR = "2026-09-29"  # a Tuesday
resolve = DatePatterns.load().resolve  # as a Coder's Resources holds them


@pytest.mark.parametrize(
    "expression,value,end_value",
    [
        ("September 29", "2026-09-29", None),
        ("29 September 2025", "2025-09-29", None),
        ("Sept. 30, 2024", "2024-09-30", None),
        ("on Thursday", "2026-09-24", None),
        ("on Tuesday", "2026-09-29", None),
        ("last Tuesday", "2026-09-22", None),
        ("next Friday", "2026-10-02", None),
        ("yesterday", "2026-09-28", None),
        ("tomorrow", "2026-09-30", None),
        ("last week", "2026-09-21", "2026-09-27"),
        ("next week", "2026-10-05", "2026-10-11"),
        ("earlier this month", "2026-09-01", "2026-09-29"),
        ("later this month", "2026-09-29", "2026-09-30"),
        ("last month", "2026-08", None),
        ("in 2014", "2014", None),
        ("in March 2022", "2022-03", None),
        ("since early August", "2026-08", None),
        ("last year", "2025", None),
        ("two weeks ago", "2026-09-15", None),
        ("in the last year", "2025-09-29", "2026-09-29"),
        ("the past week", "2026-09-22", "2026-09-29"),
        ("last weekend", "2026-09-26", "2026-09-27"),
        ("the past three years", "2023-09-29", "2026-09-29"),
        ("2026-10-01", "2026-10-01", None),
    ],
)
def test_resolve_expression(expression, value, end_value):
    assert resolve(expression, ANCHOR) == (value, end_value)


def test_year_less_date_takes_the_year_nearest_the_anchor():
    assert resolve("December 30", "2026-01-05") == ("2025-12-30", None)
    assert resolve("January 3", "2026-12-30") == ("2027-01-03", None)


def test_month_range_keeps_its_years_in_order():
    assert resolve("between January and April", "2026-09-02") == ("2026-01", "2026-04")
    assert resolve("from November to February", "2026-09-02") == ("2026-11", "2027-02")


def test_weekday_in_the_future_tense_points_forward():
    assert resolve("on Friday", "2026-11-03", tense="future") == ("2026-11-06", None)
    assert resolve("on Friday", "2026-11-03") == ("2026-10-30", None)


def test_this_weekend_follows_the_tense():
    assert resolve("this weekend", ANCHOR) == ("2026-10-03", "2026-10-04")
    assert resolve("this weekend", ANCHOR, tense="past") == ("2026-09-26", "2026-09-27")


def test_relative_expressions_need_an_anchor():
    assert resolve("last week", None) == (None, None)
    assert resolve("on Thursday", None) == (None, None)
    # A date with its year needs none.
    assert resolve("3 March 2022", None) == ("2022-03-03", None)


def test_not_a_time_expression():
    assert resolve("the foreign minister", ANCHOR) == (None, None)
    assert resolve("Parliament may vote", ANCHOR) == (None, None)


def test_dates_stage_anchors_on_the_dateline(coder):
    text = (
        "BEIRUT, Oct. 21 (AFP) - The ceasefire declared on Monday collapsed overnight, officials said on Wednesday.\n"
        "Mediators will meet again on Friday, a diplomat said. The truce talks began last week.\n"
    )
    # The reference date is a week later: the dateline date wins.
    record = coder.code(text, date="2026-10-28")
    by_text = {d.text: (d.value, d.end_value) for d in record.dates}
    assert by_text["Oct. 21"] == ("2026-10-21", None)
    assert by_text["Monday"] == ("2026-10-19", None)
    assert by_text["Wednesday"] == ("2026-10-21", None)
    assert by_text["Friday"] == ("2026-10-23", None)
    assert by_text["last week"] == ("2026-10-12", "2026-10-18")
    assert_spans_ok(record)


def test_dates_stage_uses_the_reference_date_without_a_dateline(coder):
    record = coder.code("The talks were held in Geneva on Thursday, a spokesman said.", date="2026-09-29")
    assert [(d.text, d.value) for d in record.dates] == [("Thursday", "2026-09-24")]


def test_dates_in_debris_are_skipped(coder):
    text = "All news\nRegional talks resume in Geneva\nGENEVA (Reuters) - Delegations met in Geneva on Thursday to resume talks, the UN said.\n© 2026 Reuters\n"
    record = coder.code(text, date="2026-09-29")
    assert [d.text for d in record.dates] == ["Thursday"]
